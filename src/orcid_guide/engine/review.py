"""The review page: failed tutorials first (what was on screen), then every shot that changed, side by side."""

from __future__ import annotations

import html
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from orcid_guide.engine.images import Comparison, difference_image
from orcid_guide.engine.runner import StepFailure
from orcid_guide.engine.shots import ShotResult
from orcid_guide.engine.text_baselines import changed_words

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


def write_review(
    folder: Path,
    shots: list[ShotResult],
    failures: Sequence[StepFailure] = (),
    unchanged_tutorials: Sequence[str] = (),
    renderer_note: str = "",
) -> Path:
    """Write ``folder/index.html``: the failures, then the shots that are new or changed; return its path.

    ``unchanged_tutorials`` were skipped because nothing they depend on changed since their last good run.
    """
    if folder.exists():
        shutil.rmtree(folder)
    images = folder / "images"
    images.mkdir(parents=True)
    differing = [shot for shot in shots if shot.status != "same"]
    sections = [f"<p class='renderer'>{html.escape(renderer_note)}</p>"] if renderer_note else []
    sections += [_failure_section(failure, images, folder) for failure in failures]
    sections += [_section(shot, images, folder) for shot in differing]
    summary = f"{len(differing)} of {len(shots)} screenshots differ from their baselines."
    if failures:
        count = f"{len(failures)} tutorial{'s' if len(failures) > 1 else ''}"
        summary = f"{count} failed (shown first); {summary}"
    elif not differing:
        sections.append("<p>No screenshot differs from its baseline.</p>")
    if unchanged_tutorials:
        names = html.escape(", ".join(unchanged_tutorials))
        sections.append(f"<p>Not run, as nothing they depend on changed since their last good run: {names}.</p>")
    page = folder / "index.html"
    page.write_text(
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Screenshot review</title>"
        f"<style>{_STYLE}</style><h1>Screenshot review</h1><p>{summary}</p>" + "".join(sections),
        encoding="utf-8",
    )
    return page


def _failure_section(failure: StepFailure, images: Path, folder: Path) -> str:
    title = html.escape(f"FAILED: {failure.tutorial}, step {failure.number} ({failure.step})")
    parts = [f"<section class='failure'><h2>{title}</h2><p>{html.escape(str(failure))}</p>"]
    if failure.screenshot.is_file() and failure.screenshot.stat().st_size:
        copy = images / f"{failure.tutorial}--failed--{failure.screenshot.name}"
        shutil.copyfile(failure.screenshot, copy)
        parts.append(_figure("What was on screen when the step failed", copy, folder))
    if failure.trace is not None:
        link = html.escape(os.path.relpath(failure.trace, folder).replace(os.sep, "/"))
        command = html.escape(f".venv/bin/playwright show-trace {os.path.relpath(failure.trace)}")
        name = html.escape(failure.trace.name)
        parts.append(f"<p>Trace: <a href='{link}'>{name}</a> (open it with <code>{command}</code>).</p>")
    return "".join(parts) + "</section>"


def _section(shot: ShotResult, images: Path, folder: Path) -> str:
    stem = f"{shot.tutorial}--{shot.name.removesuffix('.png')}"
    new_copy = images / f"{stem}--new.png"
    shutil.copyfile(shot.new, new_copy)
    figures = []
    comparison = shot.comparison
    if shot.status == "changed" and shot.old is not None:
        old_bytes = shot.old.read_bytes()
        old_copy = images / f"{stem}--baseline.png"
        old_copy.write_bytes(old_bytes)
        diff_copy = images / f"{stem}--difference.png"
        diff_copy.write_bytes(difference_image(old_bytes, shot.new.read_bytes()))
        figures += [_figure("Baseline", old_copy, folder), _figure("New", new_copy, folder)]
        figures.append(_figure("Difference (changed pixels in red)", diff_copy, folder))
        verdict = "changed: " + "; ".join(_what_changed(shot))
    else:
        figures.append(_figure("New (no baseline before)", new_copy, folder))
        verdict = "new"
    if shot.written:
        action = "baseline written" if shot.status == "new" else "baseline rewritten"
    else:
        action = "baseline kept; run with --update to accept"
    title = html.escape(f"{shot.tutorial} / {shot.name}: {verdict}, {action}")
    text = ""
    if shot.text_changes and shot.status == "changed":
        # The words first: "26 publications" → "27 publications" says more than a red smudge.
        summary = "".join(
            f"<li><del>{html.escape(old)}</del> → <ins>{html.escape(new)}</ins></li>"
            for old, new in changed_words(list(shot.text_changes))
        )
        listing = html.escape("\n".join(shot.text_changes))
        text = f"<h3>Text</h3><ul class='words'>{summary}</ul><pre class='text-diff'>{listing}</pre>"
    pixels = f"<h3>Pixels ({html.escape(_pixel_words(comparison))})</h3>" if comparison.status != "new" else ""
    return f"<section><h2>{title}</h2>{text}{pixels}<div class='row'>{''.join(figures)}</div></section>"


def _pixel_words(comparison: Comparison) -> str:
    if comparison.size_changed:
        return "the size changed"
    if comparison.status == "same":
        return "the same" if not comparison.changed_pixels else f"{comparison.changed_pixels} noise pixels tolerated"
    return f"{comparison.changed_pixels} pixels changed"


def _what_changed(shot: ShotResult) -> list[str]:
    parts = []
    if shot.text_changes:
        parts.append("its text")
    if shot.comparison.status == "changed":
        parts.append("its pixels")
    return parts


def _figure(caption: str, path: Path, folder: Path) -> str:
    source = html.escape(os.path.relpath(path, folder).replace(os.sep, "/"))
    label = html.escape(caption)
    return f"<figure><figcaption>{label}</figcaption><img src='{source}' alt='{label}'></figure>"
