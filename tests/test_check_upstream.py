"""``orcid-guide check-upstream`` against small git repositories shaped like orcid-angular, changed commit by commit.

Each test makes a project of its own (one tutorial, one page, a provenance record) and an orcid-angular of its
own (a template with i18n attributes, a component with ``$localize`` strings), then runs the real command.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from orcid_guide.cli import main
from orcid_guide.provenance.angular import Unit, template_units, units

TUTORIAL = """
from orcid_guide.engine.steps import Step, Tutorial

TUTORIAL = Tutorial(
    name="demo",
    steps=(
        Step("works", en="Under **Works**, click **Add**, then **Search & Link**.",
             nl="Klik onder **Works** op **Add** en dan op **Search & Link**.", shot=False),
        Step("sign-in", en="Type your **Password**.", nl="Typ uw **Password**.", shot=False),
    ),
)
"""

TEMPLATE = """<app-panels>
  <h2 class="title" i18n="@@shared.works">Works</h2>
  <button
    *ngIf="a > b"
    i18n-aria-label="@@shared.addAria"
    aria-label="Add a work"
  >
    <ng-container i18n="@@shared.add">Add</ng-container>
  </button>
</app-panels>
"""

COMPONENT = """export class WorkStackGroupComponent {
  addMenuOptions = [
    {
      label: $localize`:@@shared.searchLink:Search & Link`,
      action: 'searchAndLink',
    },
  ]
}
"""

SIGN_IN = """<mat-label class="orc-font-small-print" id="password-input-label"
  >Password
</mat-label>
"""

WORKS_HTML = "src/app/record/work-stack-group/work-stack-group.component.html"
WORKS_TS = "src/app/record/work-stack-group/work-stack-group.component.ts"
SIGN_IN_HTML = "src/app/sign-in/form-sign-in/form-sign-in.component.html"

RECORD = """title = "ORCID"
commit = "{commit}"

[[screen]]
name = "Record: Works"
steps = ["demo/works"]
templates = ["src/app/record/work/work.component.html"]

[[label]]
screen = "Record: Works"
text = "Works"
file = "{works_html}"
i18n = "shared.works"

[[label]]
screen = "Record: Works"
text = "Add"
file = "{works_html}"
i18n = "shared.add"

[[label]]
screen = "Record: Works"
text = "Search & Link"
file = "{works_ts}"
i18n = ["shared.searchLink"]

[[screen]]
name = "Sign in"
steps = ["demo/sign-in"]

[[label]]
screen = "Sign in"
text = "Password"
file = "{sign_in}"
"""

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env={**os.environ, **GIT_ENV}, check=True
    )
    return result.stdout.strip()


def commit(repo: Path, files: dict[str, str | None], subject: str) -> str:
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", subject)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def angular(tmp_path: Path) -> tuple[Path, str]:
    repo = tmp_path / "orcid-angular"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    recorded = commit(
        repo,
        {
            WORKS_HTML: TEMPLATE,
            WORKS_TS: COMPONENT,
            SIGN_IN_HTML: SIGN_IN,
            "src/app/record/work/work.component.html": "<div>{{ work.title }}</div>\n",
        },
        "Works panel",
    )
    return repo, recorded


def make_project(tmp_path: Path, recorded: str) -> Path:
    project = tmp_path / "guide"
    (project / "tutorials").mkdir(parents=True)
    (project / "docs" / "en").mkdir(parents=True)
    (project / "provenance").mkdir()
    (project / "pyproject.toml").write_text("[tool.orcid-guide]\n", encoding="utf-8")
    (project / "tutorials" / "demo.py").write_text(TUTORIAL, encoding="utf-8")
    (project / "docs" / "en" / "demo.md").write_text("# Demo\n\n<!-- tutorial: demo -->\n", encoding="utf-8")
    record = RECORD.format(commit=recorded, works_html=WORKS_HTML, works_ts=WORKS_TS, sign_in=SIGN_IN_HTML)
    (project / "provenance" / "orcid.toml").write_text(record, encoding="utf-8")
    return project


Result = tuple[int | str | None, list[str], str]
Run = Callable[..., Result]


def check(project: Path, *args: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Result:
    monkeypatch.chdir(project)
    with pytest.raises(SystemExit) as done:
        main(["check-upstream", *args])
    out = capsys.readouterr()
    return done.value.code, out.out.splitlines(), out.err


@pytest.fixture
def run(
    tmp_path: Path, angular: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    repo, recorded = angular
    project = make_project(tmp_path, recorded)

    def run_check(*args: str) -> Result:
        return check(project, *(args or (str(repo),)), monkeypatch=monkeypatch, capsys=capsys)

    return run_check


def test_at_the_recorded_commit_nothing_is_reported(run: Run, angular: tuple[Path, str]) -> None:
    code, lines, _ = run()
    assert code == 0
    assert lines == [
        f"Checked 4 quoted ORCID labels at orcid-angular {angular[1][:9]} against the record made at "
        f"{angular[1][:9]}: 0 gone, 0 cannot be checked, 0 changed place, 0 templates of covered screens changed."
    ]


def test_a_label_whose_words_changed_is_gone_with_its_page_and_step(run: Run, angular: tuple[Path, str]) -> None:
    repo, _ = angular
    new = commit(repo, {WORKS_TS: COMPONENT.replace("Search & Link", "Search & link")}, "Lower-case link")
    code, lines, _ = run()
    assert code == 1
    assert lines[0] == (
        'The label "Search & Link" (quoted in step 1 (works) of demo (pages en/demo.md)) is gone at '
        f'{new[:9]}: its i18n id @@shared.searchLink in {WORKS_TS} now reads "Search & link" instead of '
        '"Search & Link".'
    )
    assert lines[1] == (
        f'The template {WORKS_TS} behind the screen "Record: Works" (pages en/demo.md) changed in 1 commit since '
        f'{angular[1][:9]}: {new[:7]} "Lower-case link".'
    )
    assert lines[-1].endswith("1 gone, 0 cannot be checked, 0 changed place, 1 templates of covered screens changed.")


def test_a_label_that_moved_to_another_template_has_changed_place_only(run: Run, angular: tuple[Path, str]) -> None:
    repo, _ = angular
    header = '<h2 i18n="@@shared.works">\n  Works\n</h2>\n'
    commit(
        repo,
        {
            WORKS_HTML: TEMPLATE.replace('  <h2 class="title" i18n="@@shared.works">Works</h2>\n', ""),
            "src/app/record/works-header/works-header.component.html": header,
        },
        "Move the header into its own component",
    )
    code, lines, _ = run()
    assert code == 0
    assert lines[0].startswith('The label "Works" (quoted in step 1 (works) of demo (pages en/demo.md)) changed place')
    assert (
        "is no longer in " + WORKS_HTML + " but in src/app/record/works-header/works-header.component.html" in lines[0]
    )
    assert lines[-1].endswith("0 gone, 0 cannot be checked, 1 changed place, 1 templates of covered screens changed.")


def test_a_label_whose_id_and_words_are_nowhere_is_gone(run: Run, angular: tuple[Path, str]) -> None:
    repo, _ = angular
    commit(repo, {WORKS_HTML: TEMPLATE.replace('<ng-container i18n="@@shared.add">Add</ng-container>', "+")}, "Icon")
    code, lines, _ = run()
    assert code == 1
    assert lines[0] == (
        'The label "Add" (quoted in step 1 (works) of demo (pages en/demo.md)) is gone: its i18n id @@shared.add is '
        f"no longer in {WORKS_HTML} at {git(repo, 'rev-parse', 'HEAD')[:9]}, and no other file of orcid-angular "
        "renders its words."
    )


def test_a_literal_label_is_found_where_it_went_or_reported_gone(run: Run, angular: tuple[Path, str]) -> None:
    repo, _ = angular
    commit(repo, {SIGN_IN_HTML: None, "src/app/sign-in/password/password.component.html": SIGN_IN}, "Split")
    code, lines, _ = run()
    assert code == 0
    assert "changed place: " + SIGN_IN_HTML + " no longer says it at" in lines[0]
    assert "but src/app/sign-in/password/password.component.html renders its words" in lines[0]
    # A template that is gone is listed with the commit that removed it.
    assert any(
        line.startswith(f'The template {SIGN_IN_HTML} behind the screen "Sign in"') and " is gone in 1 commit" in line
        for line in lines
    )
    commit(
        repo, {"src/app/sign-in/password/password.component.html": SIGN_IN.replace("Password", "Passphrase")}, "Word"
    )
    code, lines, _ = run()
    assert code == 1
    assert lines[0].startswith('The label "Password" (quoted in step 2 (sign-in) of demo (pages en/demo.md)) is gone')


def test_a_changed_template_behind_a_screen_is_listed_with_its_commits(run: Run, angular: tuple[Path, str]) -> None:
    repo, _ = angular
    first = commit(repo, {"src/app/record/work/work.component.html": "<div>{{ work.title }}!</div>\n"}, "One")
    second = commit(repo, {"src/app/record/work/work.component.html": "<h3>{{ work.title }}</h3>\n"}, "Two")
    code, lines, _ = run()
    assert code == 0
    assert lines[0] == (
        'The template src/app/record/work/work.component.html behind the screen "Record: Works" (pages en/demo.md) '
        f'changed in 2 commits since {angular[1][:9]}: {second[:7]} "Two"; {first[:7]} "One".'
    )


def test_a_record_that_does_not_hold_at_its_own_commit_fails(
    run: Run, angular: tuple[Path, str], tmp_path: Path
) -> None:
    record = tmp_path / "guide" / "provenance" / "orcid.toml"
    record.write_text(record.read_text(encoding="utf-8").replace('"shared.add"', '"shared.addAria"'), encoding="utf-8")
    code, lines, err = run()
    assert code == 1
    assert lines[0] == (
        'The label "Add" (quoted in step 1 (works) of demo (pages en/demo.md)) cannot be checked: its i18n id '
        f'@@shared.addAria in {WORKS_HTML} reads "Add a work", not the label at the recorded commit '
        f"{angular[1][:9]}; correct provenance/orcid.toml."
    )
    assert lines[-1].endswith("0 gone, 1 cannot be checked, 0 changed place, 0 templates of covered screens changed.")
    assert err == (
        f"Error: 1 entry of provenance/orcid.toml cannot be checked at orcid-angular {angular[1][:9]}: see the "
        "sentences above and the README's section on the upstream watch.\n"
    )


def test_a_label_made_of_several_ids_that_all_moved_is_one_sentence_naming_the_nearest_file(
    run: Run, angular: tuple[Path, str], tmp_path: Path
) -> None:
    repo, _ = angular
    # "Works" and "Add" become one label made of two ids; both move to a renamed component, while another
    # component far away happens to use one of the ids too.
    record = tmp_path / "guide" / "provenance" / "orcid.toml"
    text = record.read_text(encoding="utf-8").replace(
        'text = "Works"\nfile = "' + WORKS_HTML + '"\ni18n = "shared.works"',
        'text = "Works Add"\nfile = "' + WORKS_HTML + '"\ni18n = ["shared.works", "shared.add"]',
    )
    record.write_text(text, encoding="utf-8")
    (tmp_path / "guide" / "tutorials" / "demo.py").write_text(
        TUTORIAL.replace("Under **Works**", "Under **Works Add**").replace("onder **Works**", "onder **Works Add**"),
        encoding="utf-8",
    )
    renamed = WORKS_HTML.replace("work-stack-group", "works-panel")
    commit(
        repo,
        {WORKS_HTML: None, renamed: TEMPLATE, "src/app/account/dialog/dialog.component.html": TEMPLATE},
        "Rename the works panel",
    )
    code, lines, _ = run()
    assert code == 0
    moved = [line for line in lines if "changed place at" in line]
    assert len(moved) == 2 and all(f"but in {renamed};" in line for line in moved)
    assert moved[0:1] == [
        'The label "Works Add" (quoted in step 1 (works) of demo (pages en/demo.md)) changed place at '
        f"{git(repo, 'rev-parse', 'HEAD')[:9]}: its i18n ids @@shared.works, @@shared.add are no longer in "
        f"{WORKS_HTML} but in {renamed}; update provenance/orcid.toml."
    ]


def test_the_report_can_be_written_to_a_file(run: Run, angular: tuple[Path, str], tmp_path: Path) -> None:
    report = tmp_path / "out" / "report.txt"
    code, lines, _ = run(str(angular[0]), "--report", str(report))
    assert code == 0
    assert report.read_text(encoding="utf-8").splitlines() == lines


def test_a_folder_that_is_not_a_git_checkout_is_one_sentence(run: Run, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    code, lines, err = run(str(plain))
    assert (code, lines) == (1, [])
    assert err == f"Error: {plain} is not a git checkout (no .git in it): clone orcid-angular there first.\n"
    # A folder inside another repository is not a checkout either.
    inside = tmp_path / "orcid-angular" / "src"
    code, _, err = run(str(inside))
    assert code == 1 and "is not a git checkout" in err
    code, _, err = run(str(tmp_path / "missing"))
    assert code == 1 and err.endswith("is not a folder, so it cannot be a checkout of orcid-angular.\n")


def test_a_checkout_without_the_recorded_commit_is_one_sentence(
    run: Run, angular: tuple[Path, str], tmp_path: Path
) -> None:
    repo, recorded = angular
    commit(repo, {WORKS_TS: COMPONENT + "\n"}, "Later")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    code, lines, err = run(str(shallow))
    assert (code, lines) == (1, [])
    assert err == (
        f"Error: {shallow} lacks the recorded orcid-angular commit {recorded[:9]}: fetch its full history "
        "(git fetch --unshallow) or clone without --depth.\n"
    )


def test_another_commit_of_the_checkout_can_be_checked(run: Run, angular: tuple[Path, str]) -> None:
    repo, recorded = angular
    commit(repo, {WORKS_TS: COMPONENT.replace("Search & Link", "Link")}, "Rename")
    code, _, _ = run(str(repo), "--commit", recorded)
    assert code == 0
    code, _, err = run(str(repo), "--commit", "no-such-branch")
    assert code == 1 and err == f"Error: {repo} has no commit 'no-such-branch' to check.\n"


def test_localize_strings_are_read_with_their_ids() -> None:
    source = "a = $localize`:meaning|a description@@works.add:Add ${count}:INTERPOLATION: works`; b = $localize`plain`"
    assert units("x.component.ts", source) == [
        Unit("works.add", "Add ${count}:INTERPOLATION: works"),
        Unit("", "plain"),
    ]


def test_template_units_take_content_attributes_and_nested_elements() -> None:
    source = """<div i18n="@@outer">Step 1 of 5 - <b>Names</b> &amp; emails<div>inner</div></div>
<input i18n-placeholder="desc@@search.placeholder" placeholder="Search &amp; find" />
<p i18n>No id here</p>"""
    assert template_units(source) == [
        Unit("outer", "Step 1 of 5 - Names & emails inner"),
        Unit("search.placeholder", "Search & find"),
        Unit("", "No id here"),
    ]
