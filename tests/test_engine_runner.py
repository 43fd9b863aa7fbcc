"""The runner against a tiny site of our own: the engine knows nothing about ORCID."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from orcid_guide.engine.actions import Actions, click, fill, goto, needs_env
from orcid_guide.engine.baselines import accept, read_manifest
from orcid_guide.engine.browser import Viewport
from orcid_guide.engine.elements import button, field, link
from orcid_guide.engine.kept_files import KeptFileMissing, kept_file
from orcid_guide.engine.runner import RunOptions, TutorialResult, run_tutorial
from orcid_guide.engine.steps import Env, Step, Tutorial
from orcid_guide.engine.traced_retry import run_traced_on_failure
from orcid_guide.project import load_project
from orcid_guide.run.options import run_options
from orcid_guide.run.report import RunReport, tutorial_entry
from orcid_guide.run.review import write_review

FORM = """<!doctype html><html><body style="font-family: DejaVu Sans; margin: 40px">
<h1>{heading}</h1><form action="done.html"><label for="name">Your name</label>
<input id="name" name="name"><button type="submit">{button}</button></form></body></html>"""
DONE = "<!doctype html><html><body style='font-family: DejaVu Sans'><h1>Welcome</h1></body></html>"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    folder = tmp_path / "site"
    folder.mkdir()
    write_site(folder, heading="Join us", button="Continue")
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", folder
    server.shutdown()
    server.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def write_site(folder: Path, *, heading: str, button: str, extra: str = "") -> None:
    (folder / "index.html").write_text(
        FORM.format(heading=heading, button=button).replace("</body>", extra + "</body>")
    )
    (folder / "done.html").write_text(DONE)


@needs_env
def open_form(page: Page, env: Env) -> None:
    page.goto(env.url("site", "/index.html"))


@needs_env
def fill_name(page: Page, env: Env) -> None:
    page.get_by_label("Your name").fill("Ada")


JOIN = Tutorial(
    "join",
    (
        Step("open", en="Open the form headed **Join us**.", nl="Open het formulier **Join us**.", act=open_form),
        Step(
            "name",
            en="Fill in **Your name** and click **Continue**.",
            nl="Vul **Your name** in en klik op **Continue**.",
            act=fill_name,
            target=lambda page: page.get_by_role("button", name="Continue"),
        ),
        Step("welcome", en="You see **Welcome**.", nl="U ziet **Welcome**.", act=lambda page: None),
    ),
)


RENDERER = {"chromium": "the test's", "fonts": "DejaVu", "lock": "none"}


# The guide's own settings, on a smaller screen and with a shorter wait for the tiny site.
PROJECT = replace(load_project(Path(__file__).parent), viewport=Viewport(480, 320), step_timeout=1.5)


def options(tmp_path: Path, *, update: bool = False) -> RunOptions:
    return run_options(
        PROJECT,
        RENDERER,
        work=tmp_path / "run",
        failures=tmp_path / "failures",
        baselines=tmp_path / "baselines",
        update=update,
    )


def review_of(tmp_path: Path, *results: TutorialResult, tutorial: Tutorial = JOIN) -> str:
    """The review page of a report on ``results``, as ``shoot`` makes it (the build folder is ``tmp_path``)."""
    entries = [tutorial_entry(tutorial, result, tmp_path) for result in results]
    return write_review(tmp_path, RunReport("mock", RENDERER, tutorials=entries)).read_text()


def run(
    browser: Browser, url: str, tmp_path: Path, *, update: bool = False, tutorial: Tutorial = JOIN
) -> TutorialResult:
    """Run ``tutorial`` and, as ``shoot`` does, accept its shots only when every step passed."""
    env = Env(target="mock", urls={"site": url})
    settings = options(tmp_path, update=update)
    result = run_tutorial(browser, tutorial, env, settings, pages=("en/join.md", "nl/join.md"))
    if result.failure is None:
        result.shots = accept(settings.shots, tutorial.name, result.shots, result.captures)
    return result


def baseline_files(tmp_path: Path) -> dict[str, bytes]:
    folder = tmp_path / "baselines" / "join"
    return {path.name: path.read_bytes() for path in folder.iterdir()} if folder.is_dir() else {}


def test_a_first_run_writes_every_baseline_and_a_second_finds_them_the_same(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    first = run(browser, site[0], tmp_path)
    assert first.failure is None
    assert [(s.name, s.status, s.written) for s in first.shots] == [
        ("01-open.png", "new", True),
        ("02-name.png", "new", True),
        ("03-welcome.png", "new", True),
    ]
    baselines = baseline_files(tmp_path)
    assert sorted(baselines) == [
        "01-open.aria.yml", "01-open.png", "02-name.aria.yml", "02-name.png", "03-welcome.aria.yml", "03-welcome.png",
        "shots.json",
    ]  # fmt: skip
    assert baselines["03-welcome.aria.yml"] == b'- heading "Welcome" [level=1]\n'
    second = run(browser, site[0], tmp_path)
    assert [s.status for s in second.shots] == ["same", "same", "same"]
    assert baseline_files(tmp_path) == baselines


def test_a_renamed_button_fails_at_its_step_naming_tutorial_pages_and_label(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    write_site(folder, heading="Join us", button="Proceed")
    result = run(browser, url, tmp_path)
    failure = result.failure
    assert failure is not None
    assert (failure.tutorial, failure.number, failure.step) == ("join", 2, "name")
    assert str(failure).startswith(
        'Tutorial join, step 2 (name), shown on en/join.md, nl/join.md: the label "Continue" is not on the screen.'
    )
    assert failure.screenshot.stat().st_size > 0
    assert failure.trace is not None and failure.trace.stat().st_size > 0
    assert [s.name for s in result.shots] == ["01-open.png"]


def test_a_baseline_that_is_not_an_image_fails_its_own_step_and_keeps_the_shots_before_it(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    assert run(browser, site[0], tmp_path).failure is None
    # What a clone without Git LFS holds in place of the image.
    pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:0000\nsize 1234\n"
    (tmp_path / "baselines" / "join" / "02-name.png").write_bytes(pointer)
    result = run(browser, site[0], tmp_path)
    failure = result.failure
    assert failure is not None
    assert (failure.number, failure.step) == (2, "name")
    assert [s.name for s in result.shots] == ["01-open.png"]
    assert (tmp_path / "baselines" / "join" / "02-name.png").read_bytes() == pointer


def test_a_changed_screen_is_reported_and_only_update_rewrites_its_baseline(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    run(browser, url, tmp_path)
    baselines = tmp_path / "baselines" / "join"
    before = {path.name: path.read_bytes() for path in baselines.iterdir()}

    (folder / "done.html").write_text(DONE.replace("</h1>", "</h1><p>26 publications</p>"))
    checked = run(browser, url, tmp_path)
    assert [s.status for s in checked.shots] == ["same", "same", "changed"]
    assert checked.shots[2].text_changes == (
        "@@ -1 +1,2 @@",
        ' - heading "Welcome" [level=1]',
        "+- paragraph: 26 publications",
    )
    assert {path.name: path.read_bytes() for path in baselines.iterdir()} == before

    review = review_of(tmp_path, checked)
    assert "join / 03-welcome.png: changed" in review
    assert "baseline kept; run with --update to accept" in review
    assert review.count("<img") == 3

    updated = run(browser, url, tmp_path, update=True)
    assert [(s.status, s.written) for s in updated.shots] == [
        ("same", False),
        ("same", False),
        ("changed", True),
    ]
    after = {path.name: path.read_bytes() for path in baselines.iterdir()}
    assert after["01-open.png"] == before["01-open.png"]
    assert after["02-name.png"] == before["02-name.png"]
    assert after["03-welcome.png"] != before["03-welcome.png"]
    review = review_of(tmp_path, updated)
    assert "baseline rewritten" in review
    assert "--difference.png" in review


def test_a_step_skipped_on_a_target_skips_what_follows_with_reasons(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    tutorial = Tutorial(
        "join",
        (
            JOIN.steps[0],
            Step("name", words=JOIN.steps[1].words, act=fill_name, skip_on={"real": "it needs a CAPTCHA"}),
            JOIN.steps[2],
        ),
    )
    env = Env(target="real", urls={"site": site[0]})
    result = run_tutorial(browser, tutorial, env, options(tmp_path))
    assert result.failure is None
    assert result.skipped == [(2, "name", "it needs a CAPTCHA"), (3, "welcome", "it follows step 2, which was skipped")]


def test_a_tutorial_skipped_on_a_target_skips_every_step_there_and_runs_elsewhere(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    tutorial = Tutorial("join", JOIN.steps, skip_on={"real": "the real site has no test accounts"})
    skipped = run_tutorial(browser, tutorial, Env(target="real", urls={"site": site[0]}), options(tmp_path))
    assert skipped.failure is None and skipped.shots == []
    assert skipped.skipped == [
        (number, step.id, "the real site has no test accounts") for number, step in enumerate(JOIN.steps, start=1)
    ]
    ran = run_tutorial(browser, tutorial, Env(target="mock", urls={"site": site[0]}), options(tmp_path / "mock"))
    assert ran.failure is None and ran.skipped == [] and len(ran.shots) == len(JOIN.steps)


REPORT = "title,year\nMaterial flow analysis,2023\n"
DOWNLOAD = """<!doctype html><html><body style="font-family: DejaVu Sans; margin: 40px">
<h1>Reports</h1><a href="report.csv" download>Download the report</a></body></html>"""
UPLOAD = """<!doctype html><html><body style="font-family: DejaVu Sans; margin: 40px">
<h1>Upload</h1><label for="file">Your file</label><input id="file" type="file"><p id="shown"></p>
<script>document.getElementById("file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  document.getElementById("shown").textContent = file.name + ": " + (await file.text()).split("\\n")[1];
});</script></body></html>"""


@needs_env
def upload_kept_report(page: Page, env: Env) -> None:
    page.goto(env.url("site", "/upload.html"))
    page.get_by_label("Your file").set_input_files(kept_file(env, "report.csv"))


@needs_env
def open_reports(page: Page, env: Env) -> None:
    page.goto(env.url("site", "/d.html"))


KEEP = Tutorial(
    "keep",
    (
        Step("open", en="Open **Reports**.", nl="Open **Reports**.", act=open_reports),
        Step(
            "download",
            en="Click **Download the report**.",
            nl="Klik op **Download the report**.",
            target=lambda page: page.get_by_role("link", name="Download the report"),
            keep_download="report.csv",
        ),
        Step(
            "upload",
            en="Upload it under **Your file**: you see **report.csv: Material flow analysis,2023**.",
            nl="Upload het bij **Your file**: u ziet **report.csv: Material flow analysis,2023**.",
            act=upload_kept_report,
            shot=False,
        ),
    ),
)


def test_a_download_kept_by_one_step_is_uploaded_by_a_later_one(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    (folder / "d.html").write_text(DOWNLOAD)
    (folder / "upload.html").write_text(UPLOAD)
    (folder / "report.csv").write_text(REPORT)
    env = Env(target="mock", urls={"site": url}, kept=tmp_path / "kept")
    result = run_tutorial(browser, KEEP, env, options(tmp_path))
    assert result.failure is None, str(result.failure)
    assert (tmp_path / "kept" / "report.csv").read_text() == REPORT
    assert kept_file(env, "report.csv") == tmp_path / "kept" / "report.csv"


def test_a_click_that_downloads_nothing_fails_the_step_that_wanted_to_keep_it(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    (folder / "d.html").write_text(DOWNLOAD.replace('href="report.csv" download', 'href="index.html"'))
    env = Env(target="mock", urls={"site": url}, kept=tmp_path / "kept")
    result = run_tutorial(browser, KEEP, env, options(tmp_path))
    assert result.failure is not None
    assert (result.failure.number, result.failure.step) == (2, "download")
    assert 'waiting for event "download"' in result.failure.problem
    assert not (tmp_path / "kept").exists()


def test_a_later_step_asking_for_a_file_nobody_kept_is_told_so(tmp_path: Path) -> None:
    env = Env(target="mock", urls={}, kept=tmp_path / "kept")
    with pytest.raises(KeptFileMissing, match=r"no file is kept under the name report\.csv"):
        kept_file(env, "report.csv")
    with pytest.raises(ValueError, match="plain file name"):
        kept_file(env, "../report.csv")
    with pytest.raises(ValueError, match="no folder for kept files"):
        kept_file(Env(target="mock", urls={}), "report.csv")


def test_a_step_keeping_a_download_must_click_something() -> None:
    with pytest.raises(ValueError, match="keeps a download but clicks nothing"):
        Tutorial("t", (Step("s", en="x", nl="x", act=open_form, keep_download="report.csv"),))


def test_a_button_renamed_while_its_words_stay_in_a_heading_is_reported_like_any_failure(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    # The label check finds "Continue" as a whole text, so it is the click on the button that fails.
    write_site(folder, heading="Join us", button="Proceed", extra="<p>Continue</p>")
    failure = run(browser, url, tmp_path).failure
    assert failure is not None
    assert (failure.number, failure.step) == (2, "name")
    assert failure.problem == (
        'the button "Continue" never appeared (waited 1.5 s). '
        'The words "Continue" are on the screen, but not as the button the step looks for.'
    )
    assert "get_by_role" not in str(failure)
    assert failure.screenshot.stat().st_size > 0
    assert failure.trace is not None and failure.trace.stat().st_size > 0


def test_without_tracing_a_failure_has_its_screenshot_but_no_trace(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    write_site(folder, heading="Join us", button="Proceed")
    untraced = replace(options(tmp_path), trace=False)
    result = run_tutorial(browser, JOIN, Env(target="mock", urls={"site": url}), untraced)
    assert result.failure is not None
    assert result.failure.trace is None
    assert result.failure.screenshot.stat().st_size > 0
    assert not (tmp_path / "failures" / "join" / "trace.zip").exists()
    assert str(result.failure).endswith("; trace: none")


def test_the_review_page_shows_failures_first_and_never_claims_all_is_well(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    run(browser, url, tmp_path)
    (folder / "done.html").write_text(DONE.replace("</h1>", "</h1><p>Welcome back</p>"))
    changed = run(browser, url, tmp_path)
    write_site(folder, heading="Join us", button="Proceed")
    failed = run(browser, url, tmp_path)
    assert failed.failure is not None
    review = review_of(tmp_path, changed, failed)
    assert "No screenshot differs" not in review
    assert "1 tutorial failed (shown first); 2 of 4 screenshots differ from their baselines." in review
    assert review.index("FAILED: join, step 2 (name)") < review.index(
        "join / 03-welcome.png: changed: its text; its pixels"
    )
    # What changed in words comes before the pixels.
    assert review.index("+- paragraph: Welcome back") < review.index("<h3>Pixels (")
    assert "the label &quot;Continue&quot; is not on the screen." in review
    assert "images/join--failed--02-name.png" in review
    assert (tmp_path / "review" / "images" / "join--failed--02-name.png").stat().st_size > 0
    assert "show-trace" in review


def test_a_failure_is_run_again_with_tracing_and_keeps_that_trace(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    write_site(folder, heading="Join us", button="Proceed")
    lines: list[str] = []
    env = Env(target="mock", urls={"site": url})
    result = run_traced_on_failure(browser, JOIN, lambda: nullcontext(env), options(tmp_path), (), lines.append)
    failure = result.failure
    assert failure is not None
    assert failure.problem == 'the label "Continue" is not on the screen.'
    assert failure.trace == tmp_path / "failures" / "join" / "trace.zip"
    assert failure.trace is not None and failure.trace.stat().st_size > 0
    assert "join: step 2 failed; running the tutorial again with tracing" in lines
    # A failed tutorial writes no baseline, and the retry compares nothing.
    assert not (tmp_path / "baselines" / "join").exists()


def test_a_failure_that_does_not_repeat_is_called_one_that_comes_and_goes(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    calls: list[int] = []

    @needs_env
    def fails_the_first_time(page: Page, env: Env) -> None:
        calls.append(1)
        assert len(calls) > 1, "the form was not ready"
        open_form(page, env)

    flaky = Tutorial("join", (Step("open", words=JOIN.steps[0].words, act=fails_the_first_time),))
    env = Env(target="mock", urls={"site": site[0]})
    result = run_traced_on_failure(browser, flaky, lambda: nullcontext(env), options(tmp_path))
    assert result.failure is not None
    assert result.failure.problem == (
        "a check in the step failed: the form was not ready. "
        "Run again with tracing, every step passed: this failure comes and goes."
    )
    assert result.failure.trace is None


def test_labels_of_a_page_still_loading_are_waited_for(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    # The situation a step starts in may still be on its way, as after a click on a link.
    (folder / "moving.html").write_text("<p>Wait</p><script>setTimeout(() => location = 'index.html', 300)</script>")

    @needs_env
    def arrive_at_a_moving_page(page: Page, env: Env) -> None:
        page.goto(env.url("site", "/moving.html"))

    step = Step("open", en="You see **Join us**.", nl="U ziet **Join us**.", shot=False)
    tutorial = Tutorial("join", (step,), prepare=arrive_at_a_moving_page)
    result = run_tutorial(browser, tutorial, Env(target="mock", urls={"site": url}), options(tmp_path))
    assert result.failure is None, str(result.failure)


def test_a_failing_preparation_is_reported_as_step_0(browser: Browser, site: tuple[str, Path], tmp_path: Path) -> None:
    @needs_env
    def open_a_missing_page(page: Page, env: Env) -> None:
        page.goto(env.url("site", "/index.html"))
        page.get_by_role("link", name="Members only").click()

    tutorial = Tutorial("join", JOIN.steps, prepare=open_a_missing_page)
    failure = run_tutorial(browser, tutorial, Env(target="mock", urls={"site": site[0]}), options(tmp_path)).failure
    assert failure is not None
    assert str(failure).startswith(
        'Tutorial join, step 0 (prepare), shown on no page yet: the link "Members only" never appeared (waited 1.5 s).'
    )


def one_step(en: str, act: Actions = open_form, **step: Any) -> Tutorial:
    return Tutorial("join", (Step("open", en=en, nl=en, act=act, **step),))


def problem(browser: Browser, url: str, tmp_path: Path, tutorial: Tutorial) -> str:
    failure = run(browser, url, tmp_path, tutorial=tutorial).failure
    assert failure is not None
    return failure.problem


def test_a_label_is_matched_whole_and_in_its_case(browser: Browser, site: tuple[str, Path], tmp_path: Path) -> None:
    url, folder = site
    write_site(folder, heading="Join us", button="Continue", extra="<p>Search &amp; Link</p><a href='#'>Add works</a>")
    assert run(browser, url, tmp_path, tutorial=one_step("Choose **Search & Link** or **Add works**.")).failure is None
    assert problem(browser, url, tmp_path, one_step("Choose **Search & link**.")) == (
        'the label "Search & link" is not on the screen. '
        "Close to it on the screen: \"Search & link\" ('Search & Link')."
    )
    # "Add" is a word inside "Add works", not a label of its own.
    assert problem(browser, url, tmp_path, one_step("Click **Add**.")).startswith(
        'the label "Add" is not on the screen.'
    )
    assert problem(browser, url, tmp_path, one_step("Click **Join**.")).startswith('the label "Join" is not on')


def test_labels_are_read_on_the_screen_that_is_photographed(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site

    @needs_env
    def open_and_leave(page: Page, env: Env) -> None:
        open_form(page, env)
        page.get_by_role("button", name="Continue").click()

    # "Continue" was on the screen before the action, but the screenshot shows the page it leads to.
    assert problem(browser, url, tmp_path, one_step("Click **Continue**.", act=open_and_leave)) == (
        'the label "Continue" is not on the screen.'
    )
    write_site(folder, heading="Join us", button="Continue", extra="<p style='margin-top: 2000px'>Terms</p>")
    assert problem(browser, url, tmp_path, one_step("Read the **Terms**.")) == (
        'the label "Terms" is on the page but outside the screenshot, so the reader would not see it there.'
    )


def test_typographic_quotes_and_whitespace_are_read_as_plain(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    write_site(folder, heading="Join us", button="Continue", extra="<p>Visible to &nbsp; &ldquo;Everyone&rdquo;</p>")
    assert run(browser, url, tmp_path, tutorial=one_step('See **Visible to "Everyone"**.')).failure is None


def test_the_manifest_records_the_target_and_every_label_box(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    assert run(browser, site[0], tmp_path).failure is None
    manifest = read_manifest(tmp_path / "baselines" / "join")
    assert manifest.renderer == RENDERER
    name = manifest.shots["02-name.png"]
    assert name.target is not None and name.target.width > 0
    assert set(name.labels) == {"Your name", "Continue"}
    # The button shows "Continue" as its text, where the step also acts.
    (button,) = name.labels["Continue"]
    assert (button.x, button.y, button.width) == (name.target.x, name.target.y, name.target.width)


def test_update_is_all_or_nothing_for_a_tutorial(browser: Browser, site: tuple[str, Path], tmp_path: Path) -> None:
    url, folder = site
    run(browser, url, tmp_path)
    before = baseline_files(tmp_path)
    # Step 1 now looks different and step 2 fails: nothing of the run may reach the baselines.
    write_site(folder, heading="Join us", button="Proceed", extra="<p>New words</p>")
    failed = run(browser, url, tmp_path, update=True)
    assert failed.failure is not None and failed.failure.number == 2
    assert [s.status for s in failed.shots] == ["changed"]
    assert baseline_files(tmp_path) == before
    write_site(folder, heading="Join us", button="Continue", extra="<p>New words</p>")
    passed = run(browser, url, tmp_path, update=True)
    assert [(s.status, s.written) for s in passed.shots] == [("changed", True), ("changed", True), ("same", False)]
    assert baseline_files(tmp_path)["01-open.aria.yml"] != before["01-open.aria.yml"]


def test_an_element_target_named_by_its_step_is_found_and_its_failure_named_by_its_fields(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    joining = Tutorial(
        "join",
        (
            Step(
                "name",
                en="Fill in **Your name** and click **Continue**.",
                nl="Vul **Your name** in en klik op **Continue**.",
                act=(goto("site", "/index.html"), fill(field("Your name"), "Ada")),
                target=button(),
            ),
        ),
    )
    assert run(browser, url, tmp_path, tutorial=joining).failure is None
    # Exact: a button whose name only starts with the label is not the one the step means.
    write_site(folder, heading="Join us", button="Continue later", extra="<p>Continue</p>")
    assert problem(browser, url, tmp_path / "again", joining) == (
        'the button "Continue" never appeared (waited 1.5 s). '
        'The words "Continue" are on the screen, but not as the button the step looks for.'
    )


def test_an_action_clicking_a_missing_element_names_it(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, _ = site
    tutorial = one_step("Open the form headed **Join us**.", act=(open_form, click(link("Members only"))))
    assert problem(browser, url, tmp_path, tutorial) == 'the link "Members only" never appeared (waited 1.5 s).'
