"""The review page, made from a run's report (run/report.py) only: failed tutorials first (what was on screen),
then every shot that changed, side by side. A merged report of shards makes the same page."""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

from orcid_guide.engine.text_baselines import changed_words
from orcid_guide.run.report import FailureEntry, RunReport, ShotEntry

REVIEW_FOLDER = "review"

_STYLE = """
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; margin: 2rem; color: #222; }
section { margin-bottom: 3rem; }
.row { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1rem; }
figure { margin: 0; } img { width: 100%; border: 1px solid #ccc; }
figcaption { font-size: .9rem; color: #555; margin-bottom: .3rem; }
.failure h2 { color: #a40000; } .failure img { max-width: 60rem; }
.renderer { background: #fff4ce; padding: .5rem 1rem; border-left: 4px solid #c79a00; }
del { background: #fdd; } ins { background: #dfd; text-decoration: none; }
pre.text-diff { background: #f6f6f6; padding: .5rem; overflow-x: auto; }
"""


def write_review(build: Path, report: RunReport) -> Path:
    """Write ``build/review/index.html`` from ``report`` (whose paths are relative to ``build``); return its path.

    Tutorials reported ``unchanged`` were skipped because nothing they depend on changed since their last good run.
    """
    folder = build / REVIEW_FOLDER
    if folder.exists():
        shutil.rmtree(folder)
    images = folder / "images"
    images.mkdir(parents=True)
    shots = [(entry.name, shot) for entry in report.tutorials for shot in entry.shots]
    failures = [(entry.name, entry.failure) for entry in report.tutorials if entry.failure is not None]
    differing = [(name, shot) for name, shot in shots if shot.status != "same"]
    note = report.renderer_note
    sections = [f"<p class='renderer'>{html.escape(note)}</p>"] if note else []
    sections += [_failure_section(name, failure, build, images) for name, failure in failures]
    sections += [_section(name, shot, build, images) for name, shot in differing]
    summary = f"{len(differing)} of {len(shots)} screenshots differ from their baselines."
    if failures:
        count = f"{len(failures)} tutorial{'s' if len(failures) > 1 else ''}"
        summary = f"{count} failed (shown first); {summary}"
    elif not differing:
        sections.append("<p>No screenshot differs from its baseline.</p>")
    unchanged = [entry.name for entry in report.tutorials if entry.status == "unchanged"]
    if unchanged:
        names = html.escape(", ".join(unchanged))
        sections.append(f"<p>Not run, as nothing they depend on changed since their last good run: {names}.</p>")
    page = folder / "index.html"
    page.write_text(
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Screenshot review</title>"
        f"<style>{_STYLE}</style><h1>Screenshot review</h1><p>{summary}</p>" + "".join(sections),
        encoding="utf-8",
    )
    return page


def _failure_section(tutorial: str, failure: FailureEntry, build: Path, images: Path) -> str:
    title = html.escape(f"FAILED: {tutorial}, step {failure.number} ({failure.step})")
    parts = [f"<section class='failure'><h2>{title}</h2><p>{html.escape(failure.message)}</p>"]
    if failure.screenshot is not None and (build / failure.screenshot).is_file():
        copy = images / f"{tutorial}--failed--{Path(failure.screenshot).name}"
        shutil.copyfile(build / failure.screenshot, copy)
        parts.append(_figure("What was on screen when the step failed", copy, images.parent))
    if failure.trace is not None:
        trace = build / failure.trace
        link = html.escape(os.path.relpath(trace, images.parent).replace(os.sep, "/"))
        command = html.escape(f".venv/bin/playwright show-trace {os.path.relpath(trace)}")
        name = html.escape(trace.name)
        parts.append(f"<p>Trace: <a href='{link}'>{name}</a> (open it with <code>{command}</code>).</p>")
    return "".join(parts) + "</section>"


def _section(tutorial: str, shot: ShotEntry, build: Path, images: Path) -> str:
    folder = images.parent
    stem = f"{tutorial}--{shot.name.removesuffix('.png')}"
    new_copy = images / f"{stem}--new.png"
    shutil.copyfile(build / shot.new, new_copy)
    figures = []
    if shot.status == "changed" and shot.baseline is not None:
        old_copy = images / f"{stem}--baseline.png"
        shutil.copyfile(build / shot.baseline, old_copy)
        figures += [_figure("Baseline", old_copy, folder), _figure("New", new_copy, folder)]
        if shot.difference is not None:  # made by the comparison; none when only the text changed
            diff_copy = images / f"{stem}--difference.png"
            shutil.copyfile(build / shot.difference, diff_copy)
            figures.append(_figure("Difference (changed pixels in red)", diff_copy, folder))
        verdict = "changed: " + "; ".join(_what_changed(shot))
    else:
        figures.append(_figure("New (no baseline before)", new_copy, folder))
        verdict = "new"
    if shot.written:
        action = "baseline written" if shot.status == "new" else "baseline rewritten"
    else:
        action = "baseline kept; run with --update to accept"
    title = html.escape(f"{tutorial} / {shot.name}: {verdict}, {action}")
    text = ""
    if shot.text_changes and shot.status == "changed":
        # The words first: "26 publications" → "27 publications" says more than a red smudge.
        summary = "".join(
            f"<li><del>{html.escape(old)}</del> → <ins>{html.escape(new)}</ins></li>"
            for old, new in changed_words(list(shot.text_changes))
        )
        listing = html.escape("\n".join(shot.text_changes))
        text = f"<h3>Text</h3><ul class='words'>{summary}</ul><pre class='text-diff'>{listing}</pre>"
    pixels = f"<h3>Pixels ({html.escape(_pixel_words(shot))})</h3>" if shot.pixels != "new" else ""
    return f"<section><h2>{title}</h2>{text}{pixels}<div class='row'>{''.join(figures)}</div></section>"


def _pixel_words(shot: ShotEntry) -> str:
    if shot.size_changed:
        return "the size changed"
    if shot.pixels == "same":
        return "the same" if not shot.changed_pixels else f"{shot.changed_pixels} noise pixels tolerated"
    return f"{shot.changed_pixels} pixels changed"


def _what_changed(shot: ShotEntry) -> list[str]:
    parts = []
    if shot.text_changes:
        parts.append("its text")
    if shot.pixels == "changed":
        parts.append("its pixels")
    return parts


def _figure(caption: str, path: Path, folder: Path) -> str:
    source = html.escape(os.path.relpath(path, folder).replace(os.sep, "/"))
    label = html.escape(caption)
    return f"<figure><figcaption>{label}</figcaption><img src='{source}' alt='{label}'></figure>"
