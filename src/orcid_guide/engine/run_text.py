"""What a page says of a tutorial's last runs (engine/run_record.py), in the page's language, as HTML.

Under each tutorial: when its steps last ran green, against what and in which Chromium; or, when its last run
failed, that it failed, never that it was green. The status page has the same facts for every tutorial in a
table. What the targets are called comes from the site's configuration (``extra.run_targets`` in mkdocs.yml),
so the engine needs no names of its own.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from orcid_guide.engine.run_record import RunOutcome

TargetNames = Mapping[str, Mapping[str, str]]  # target → language → what it is called
RUN_CLASS = "run-record"
_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),  # noqa: SIM905
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),  # noqa: SIM905
}
_PASSED = {
    "en": "These steps last ran green on {when}, against {target}, in {chromium}{skipped}.",
    "nl": "Deze stappen werkten het laatst op {when}, op {target}, in {chromium}{skipped}.",
}
_FAILED = {
    "en": "These steps did not pass their last run, on {when}, against {target}, in {chromium}{where}: "
    "the screenshots may not match what you see.",
    "nl": "Deze stappen werkten niet bij hun laatste uitvoering, op {when}, op {target}, in {chromium}{where}: "
    "de schermafbeeldingen kloppen misschien niet met wat u ziet.",
}
_AT_STEP = {"en": " (at step {number})", "nl": " (bij stap {number})"}
_SKIPPED = {"en": "; {count} steps cannot run there", "nl": "; {count} stappen kunnen daar niet worden uitgevoerd"}
_NEVER = {
    "en": "There is no record yet of these steps' last run.",
    "nl": "Er is nog niet vastgelegd wanneer deze stappen het laatst zijn uitgevoerd.",
}
_HEADERS = {
    "en": ("Steps", "Last run", "Against", "Browser", "Outcome"),
    "nl": ("Stappen", "Laatst uitgevoerd", "Op", "Browser", "Uitkomst"),
}
_VERDICT = {"en": ("passed", "failed", "not run yet"), "nl": ("gelukt", "mislukt", "nog niet uitgevoerd")}


@dataclass(frozen=True)
class StatusRow:
    title: str  # what the reader knows the steps as (the page, and the section showing them)
    link: str  # to that page and section
    runs: Sequence[RunOutcome]


def when(outcome: RunOutcome, language: str) -> str:
    moment = outcome.moment
    return f"{moment.day} {_MONTHS[language][moment.month - 1]} {moment.year}, {moment:%H:%M} UTC"


def _target(outcome: RunOutcome, language: str, targets: TargetNames) -> str:
    return targets.get(outcome.target, {}).get(language, outcome.target)


def run_sentence(outcome: RunOutcome, language: str, targets: TargetNames) -> str:
    facts = {
        "when": when(outcome, language),
        "target": _target(outcome, language, targets),
        "chromium": outcome.chromium,
    }
    if outcome.passed:
        skipped = _SKIPPED[language].format(count=outcome.skipped) if outcome.skipped else ""
        return _PASSED[language].format(**facts, skipped=skipped)
    where = _AT_STEP[language].format(number=outcome.failed_step) if outcome.failed_step else ""
    return _FAILED[language].format(**facts, where=where)


def run_html(runs: Sequence[RunOutcome], language: str, targets: TargetNames) -> str:
    """One paragraph per run shown (``run_record.shown_runs``), or one saying that there is no record."""
    if not runs:
        return f'<p class="{RUN_CLASS}" data-outcome="none">{html.escape(_NEVER[language])}</p>\n'
    return "".join(
        f'<p class="{RUN_CLASS}" data-outcome="{"passed" if run.passed else "failed"}" data-target="{run.target}">'
        f"{html.escape(run_sentence(run, language, targets))}</p>\n"
        for run in runs
    )


def status_html(rows: Sequence[StatusRow], language: str, targets: TargetNames) -> str:
    """The status page's table: one row per tutorial and target run, a tutorial never run with one empty row."""
    passed, failed, never = _VERDICT[language]
    head = "".join(f"<th>{html.escape(header)}</th>" for header in _HEADERS[language])
    body = []
    for row in rows:
        name = f'<a href="{html.escape(row.link)}">{html.escape(row.title)}</a>'
        if not row.runs:
            body.append(f'<tr data-outcome="none"><td>{name}</td><td colspan="4">{never}</td></tr>')
        for run in row.runs:
            verdict = passed if run.passed else failed
            body.append(
                f'<tr data-outcome="{"passed" if run.passed else "failed"}" data-target="{run.target}">'
                f"<td>{name}</td><td>{html.escape(when(run, language))}</td>"
                f"<td>{html.escape(_target(run, language, targets))}</td><td>{html.escape(run.chromium)}</td>"
                f"<td>{verdict}</td></tr>"
            )
    return (
        f'<table class="{RUN_CLASS}s">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(body)
        + "\n</tbody>\n</table>\n"
    )
