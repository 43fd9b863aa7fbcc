"""What a page says of a tutorial's last runs (engine/run_record.py), in the page's language, as HTML.

Under each tutorial: when its steps last ran green, against what and in which Chromium; or, when its last run
failed, that it failed, never that it was green. The status page has the same facts for every tutorial in a
table. What the targets are called comes from the site's configuration (``extra.run_targets`` in mkdocs.yml),
so the engine needs no names of its own; nor words, which are the site's too (engine/wording.py).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from orcid_guide.engine.run_record import RunOutcome
from orcid_guide.engine.wording import Wording

TargetNames = Mapping[str, Mapping[str, str]]  # target → language → what it is called
RUN_CLASS = "run-record"


@dataclass(frozen=True)
class StatusRow:
    title: str  # what the reader knows the steps as (the page, and the section showing them)
    link: str  # to that page and section
    runs: Sequence[RunOutcome]


def when(outcome: RunOutcome, words: Wording) -> str:
    moment = outcome.moment
    return f"{moment.day} {words.months[moment.month - 1]} {moment.year}, {moment:%H:%M} UTC"


def _target(outcome: RunOutcome, words: Wording, targets: TargetNames) -> str:
    return targets.get(outcome.target, {}).get(words.language, outcome.target)


def run_sentence(outcome: RunOutcome, words: Wording, targets: TargetNames) -> str:
    facts = {
        "when": when(outcome, words),
        "target": _target(outcome, words, targets),
        "chromium": outcome.chromium,
    }
    if outcome.passed:
        skipped = words.skipped.format(count=outcome.skipped) if outcome.skipped else ""
        return words.passed.format(**facts, skipped=skipped)
    where = words.at_step.format(number=outcome.failed_step) if outcome.failed_step else ""
    return words.failed.format(**facts, where=where)


def run_html(runs: Sequence[RunOutcome], words: Wording, targets: TargetNames) -> str:
    """One paragraph per run shown (``run_record.shown_runs``), or one saying that there is no record."""
    if not runs:
        return f'<p class="{RUN_CLASS}" data-outcome="none">{html.escape(words.never)}</p>\n'
    return "".join(
        f'<p class="{RUN_CLASS}" data-outcome="{"passed" if run.passed else "failed"}" data-target="{run.target}">'
        f"{html.escape(run_sentence(run, words, targets))}</p>\n"
        for run in runs
    )


def status_html(rows: Sequence[StatusRow], words: Wording, targets: TargetNames) -> str:
    """The status page's table: one row per tutorial and target run, a tutorial never run with one empty row."""
    passed, failed, never = words.verdicts
    head = "".join(f"<th>{html.escape(header)}</th>" for header in words.headers)
    body = []
    for row in rows:
        name = f'<a href="{html.escape(row.link)}">{html.escape(row.title)}</a>'
        if not row.runs:
            body.append(f'<tr data-outcome="none"><td>{name}</td><td colspan="4">{never}</td></tr>')
        for run in row.runs:
            verdict = passed if run.passed else failed
            body.append(
                f'<tr data-outcome="{"passed" if run.passed else "failed"}" data-target="{run.target}">'
                f"<td>{name}</td><td>{html.escape(when(run, words))}</td>"
                f"<td>{html.escape(_target(run, words, targets))}</td><td>{html.escape(run.chromium)}</td>"
                f"<td>{verdict}</td></tr>"
            )
    return (
        f'<table class="{RUN_CLASS}s">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(body)
        + "\n</tbody>\n</table>\n"
    )
