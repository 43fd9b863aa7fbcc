"""Merging the build folders of shards (``shoot --shard I/N`` on several CI runners) into one: one report, one
review page and one record of runs, as if one run had run them all."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from orcid_guide.engine.run_record import RUNS_FILE, load_runs, save_runs
from orcid_guide.errors import UserError
from orcid_guide.run.report import ReportUnreadable, RunReport, read_report, write_report
from orcid_guide.run.review import REVIEW_FOLDER, write_review

# What a shard's report points into (shots, failures with their traces), copied along with it.
_COPIED = ("shots", "shots-sandbox", "failures")


@dataclass(frozen=True)
class Merged:
    report: RunReport
    review: Path


def merge_builds(shards: Sequence[Path], into: Path) -> Merged:
    """Merge the build folders ``shards`` into ``into`` (which may hold an earlier run's files)."""
    reports = []
    for shard in shards:
        if shard.resolve() == into.resolve():
            raise UserError(f"{shard} is both a shard and where they are merged into; use --into with another folder.")
        try:
            reports.append(read_report(shard))
        except ReportUnreadable as error:
            raise UserError(f"{shard} holds no run report to merge: {error}") from error
    targets = {report.target for report in reports}
    if len(targets) > 1:
        raise UserError(f"The shards ran against different targets ({', '.join(sorted(targets))}); merge one target.")
    into.mkdir(parents=True, exist_ok=True)
    for name in (*_COPIED, REVIEW_FOLDER):  # only the shards' files, none of an earlier run
        shutil.rmtree(into / name, ignore_errors=True)
    for shard in shards:
        for name in _COPIED:
            if (shard / name).is_dir():
                shutil.copytree(shard / name, into / name, dirs_exist_ok=True)
        runs = load_runs(shard / RUNS_FILE)
        save_runs(into / RUNS_FILE, [outcome for by_target in runs.values() for outcome in by_target.values()])
    merged = _merged(reports, [shard.name for shard in shards])
    write_report(into, merged)
    return Merged(merged, write_review(into, merged))


def _merged(reports: Sequence[RunReport], names: Sequence[str]) -> RunReport:
    by_name = {entry.name: entry for report in reports for entry in report.tutorials}
    notes = list(dict.fromkeys(report.renderer_note for report in reports if report.renderer_note))
    renderer, differing = _one_renderer(reports, names)
    if differing:
        notes.append(f"The shards drew with different renderers ({'; '.join(differing)}).")
    first = reports[0]
    return RunReport(
        target=first.target,
        renderer=renderer,
        renderer_note=" ".join(notes),
        tutorials=[by_name[name] for name in sorted(by_name)],
        removed=sorted({path for report in reports for path in report.removed}),
        stale=sorted({path for report in reports for path in report.stale}),
    )


def _one_renderer(reports: Sequence[RunReport], names: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """The renderer the shards drew with, and a phrase for each part of it on which they differ: such a part
    holds every shard's value, named after its folder, so the merged report claims no renderer none ran."""
    renderer: dict[str, str] = {}
    differing = []
    for key in dict.fromkeys(key for report in reports for key in report.renderer):
        values = {name: report.renderer.get(key, "unknown") for name, report in zip(names, reports, strict=True)}
        if len(set(values.values())) == 1:
            renderer[key] = next(iter(values.values()))
        else:
            renderer[key] = "; ".join(f"{name}: {value}" for name, value in values.items())
            differing.append(f"{key} {renderer[key]}")
    return renderer, differing
