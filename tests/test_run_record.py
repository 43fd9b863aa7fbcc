"""Each tutorial's last runs: recorded by shoot, read by the site, a failed last run never shown as green."""

from __future__ import annotations

from pathlib import Path

from orcid_guide.engine.run_record import RunOutcome, chromium_name, load_runs, save_runs, shown_runs
from orcid_guide.engine.run_text import StatusRow, run_html, status_html
from orcid_guide.engine.wording import load_words

# The guide's own words around the steps (words.toml), in its two languages.
WORDS = load_words(Path(__file__).parents[1] / "words.toml", ("en", "nl"))

TARGETS = {"mock": {"en": "the emulator", "nl": "de nabootsing"}}


def run(finished: str, passed: bool = True, target: str = "mock", failed_step: int = 0) -> RunOutcome:
    return RunOutcome("t", target, finished, "Chromium 131.0.6778.85", passed, 8, failed_step=failed_step)


def test_the_record_keeps_the_last_run_per_tutorial_and_target(tmp_path: Path) -> None:
    path = tmp_path / "runs.json"
    save_runs(path, [run("2026-12-01T08:00:00+00:00"), run("2026-12-01T09:00:00+00:00", target="sandbox")])
    save_runs(path, [run("2026-12-02T08:00:00+00:00", passed=False, failed_step=3)])
    runs = load_runs(path)
    assert runs["t"]["mock"] == run("2026-12-02T08:00:00+00:00", passed=False, failed_step=3)
    assert runs["t"]["sandbox"].passed


def test_an_unreadable_record_is_no_record(tmp_path: Path) -> None:
    path = tmp_path / "runs.json"
    path.write_text('{"version": 1, "runs": {"t": {"mock": {"finished": "yesterday", "passed": true}}}}')
    assert load_runs(path) == {}
    path.write_text("{not json")
    assert load_runs(path) == {}


def test_a_later_failed_run_wins_over_the_run_that_made_the_screenshots() -> None:
    committed = {"t": {"mock": run("2026-12-01T08:00:00+00:00")}}
    local = {"t": {"mock": run("2026-12-02T08:00:00+00:00", passed=False, failed_step=5)}}
    shown = shown_runs("t", committed, local)
    assert [outcome.passed for outcome in shown] == [False]
    text = run_html(shown, WORDS["en"], TARGETS)
    assert 'data-outcome="failed"' in text and "green" not in text and "at step 5" in text
    assert "bij stap 5" in run_html(shown, WORDS["nl"], TARGETS)


def test_a_passed_run_says_when_against_what_and_in_which_chromium_in_both_languages() -> None:
    shown = shown_runs("t", {"t": {"mock": run("2026-12-01T08:05:00+00:00")}}, {})
    assert "last ran green on 1 December 2026, 08:05 UTC, against the emulator, in Chromium 131.0.6778.85" in (
        run_html(shown, WORDS["en"], TARGETS)
    )
    assert "werkten het laatst op 1 december 2026, 08:05 UTC, op de nabootsing" in run_html(shown, WORDS["nl"], TARGETS)
    table = status_html([StatusRow("Steps", "page/", shown), StatusRow("Never", "other/", [])], WORDS["en"], TARGETS)
    assert '<tr data-outcome="passed" data-target="mock">' in table and '<tr data-outcome="none">' in table


def test_the_chromium_version_line_is_shortened_to_its_name_and_number() -> None:
    assert chromium_name("Chromium 131.0.6778.85 built on Debian 12.8, running on Debian 12.8") == (
        "Chromium 131.0.6778.85"
    )
