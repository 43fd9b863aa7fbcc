"""The runner against a tiny site of our own: the engine knows nothing about ORCID."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from orcid_guide.engine.browser import Viewport
from orcid_guide.engine.kept_files import KeptFileMissing, kept_file
from orcid_guide.engine.review import write_review
from orcid_guide.engine.runner import RunOptions, TutorialResult, run_tutorial
from orcid_guide.engine.shots import ShotPolicy
from orcid_guide.engine.steps import Env, Step, Tutorial

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


def write_site(folder: Path, *, heading: str, button: str) -> None:
    (folder / "index.html").write_text(FORM.format(heading=heading, button=button))
    (folder / "done.html").write_text(DONE)


def open_form(page: Page, env: Env) -> None:
    page.goto(env.url("site", "/index.html"))


def fill_name(page: Page, env: Env) -> None:
    page.get_by_label("Your name").fill("Ada")


JOIN = Tutorial(
    "join",
    (
        Step("open", "Open the form headed **Join us**.", "Open het formulier **Join us**.", act=open_form),
        Step(
            "name",
            "Fill in **Your name** and click **Continue**.",
            "Vul **Your name** in en klik op **Continue**.",
            act=fill_name,
            target=lambda page: page.get_by_role("button", name="Continue"),
        ),
        Step("welcome", "You see **Welcome**.", "U ziet **Welcome**.", act=lambda page, env: None),
    ),
)


def options(tmp_path: Path, *, update: bool = False) -> RunOptions:
    return RunOptions(
        viewport=Viewport(480, 320),
        shots=ShotPolicy(tmp_path / "baselines", tmp_path / "run", tolerance=0.001, pixel_threshold=24, update=update),
        failures=tmp_path / "failures",
        timeout_ms=1_500,
    )


def run(browser: Browser, url: str, tmp_path: Path, *, update: bool = False) -> TutorialResult:
    env = Env(target="mock", urls={"site": url})
    return run_tutorial(browser, JOIN, env, options(tmp_path, update=update), pages=("en/join.md", "nl/join.md"))


def test_a_first_run_writes_every_baseline_and_a_second_finds_them_the_same(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    first = run(browser, site[0], tmp_path)
    assert first.failure is None
    assert [(s.name, s.comparison.status, s.written) for s in first.shots] == [
        ("01-open.png", "new", True),
        ("02-name.png", "new", True),
        ("03-welcome.png", "new", True),
    ]
    baselines = {path.name: path.read_bytes() for path in (tmp_path / "baselines" / "join").iterdir()}
    second = run(browser, site[0], tmp_path)
    assert [s.comparison.status for s in second.shots] == ["same", "same", "same"]
    assert {path.name: path.read_bytes() for path in (tmp_path / "baselines" / "join").iterdir()} == baselines


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
    assert failure.trace.stat().st_size > 0
    assert [s.name for s in result.shots] == ["01-open.png"]


def test_a_changed_screen_is_reported_and_only_update_rewrites_its_baseline(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = site
    run(browser, url, tmp_path)
    baselines = tmp_path / "baselines" / "join"
    before = {path.name: path.read_bytes() for path in baselines.iterdir()}

    (folder / "done.html").write_text(DONE.replace("Welcome", "Welcome, you are in"))
    checked = run(browser, url, tmp_path)
    assert [s.comparison.status for s in checked.shots] == ["same", "same", "changed"]
    assert {path.name: path.read_bytes() for path in baselines.iterdir()} == before

    review = write_review(tmp_path / "review", checked.shots, 24).read_text()
    assert "join / 03-welcome.png: changed" in review
    assert "baseline kept; run with --update to accept" in review
    assert review.count("<img") == 3

    updated = run(browser, url, tmp_path, update=True)
    assert [(s.comparison.status, s.written) for s in updated.shots] == [
        ("same", False),
        ("same", False),
        ("changed", True),
    ]
    after = {path.name: path.read_bytes() for path in baselines.iterdir()}
    assert after["01-open.png"] == before["01-open.png"]
    assert after["02-name.png"] == before["02-name.png"]
    assert after["03-welcome.png"] != before["03-welcome.png"]
    review = write_review(tmp_path / "review", updated.shots, 24).read_text()
    assert "baseline rewritten" in review
    assert "--difference.png" in review


def test_a_step_skipped_on_a_target_skips_what_follows_with_reasons(
    browser: Browser, site: tuple[str, Path], tmp_path: Path
) -> None:
    tutorial = Tutorial(
        "join",
        (
            JOIN.steps[0],
            Step("name", JOIN.steps[1].en, JOIN.steps[1].nl, act=fill_name, skip_on={"real": "it needs a CAPTCHA"}),
            JOIN.steps[2],
        ),
    )
    env = Env(target="real", urls={"site": site[0]})
    result = run_tutorial(browser, tutorial, env, options(tmp_path))
    assert result.failure is None
    assert result.skipped == [(2, "name", "it needs a CAPTCHA"), (3, "welcome", "it follows step 2, which was skipped")]


REPORT = "title,year\nMaterial flow analysis,2023\n"
DOWNLOAD = """<!doctype html><html><body style="font-family: DejaVu Sans; margin: 40px">
<h1>Reports</h1><a href="report.csv" download>Download the report</a></body></html>"""
UPLOAD = """<!doctype html><html><body style="font-family: DejaVu Sans; margin: 40px">
<h1>Upload</h1><label for="file">Your file</label><input id="file" type="file"><p id="shown"></p>
<script>document.getElementById("file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  document.getElementById("shown").textContent = file.name + ": " + (await file.text()).split("\\n")[1];
});</script></body></html>"""


def upload_kept_report(page: Page, env: Env) -> None:
    page.goto(env.url("site", "/upload.html"))
    page.get_by_label("Your file").set_input_files(kept_file(env, "report.csv"))


def open_reports(page: Page, env: Env) -> None:
    page.goto(env.url("site", "/d.html"))


KEEP = Tutorial(
    "keep",
    (
        Step("open", "Open **Reports**.", "Open **Reports**.", act=open_reports),
        Step(
            "download",
            "Click **Download the report**.",
            "Klik op **Download the report**.",
            target=lambda page: page.get_by_role("link", name="Download the report"),
            keep_download="report.csv",
        ),
        Step(
            "upload",
            "Upload it under **Your file**: you see **Material flow analysis,2023**.",
            "Upload het bij **Your file**: u ziet **Material flow analysis,2023**.",
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
        Tutorial("t", (Step("s", "x", "x", act=open_form, keep_download="report.csv"),))
