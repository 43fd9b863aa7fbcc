"""The review page: baseline, new shot and difference side by side for every shot that changed."""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

from orcid_guide.engine.images import difference_image
from orcid_guide.engine.shots import ShotResult

_STYLE = """
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; margin: 2rem; color: #222; }
section { margin-bottom: 3rem; }
.row { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1rem; }
figure { margin: 0; } img { width: 100%; border: 1px solid #ccc; }
figcaption { font-size: .9rem; color: #555; margin-bottom: .3rem; }
"""


def write_review(folder: Path, shots: list[ShotResult], pixel_threshold: int) -> Path:
    """Write ``folder/index.html`` for the shots that are new or changed; return its path."""
    if folder.exists():
        shutil.rmtree(folder)
    images = folder / "images"
    images.mkdir(parents=True)
    differing = [shot for shot in shots if shot.comparison.status != "same"]
    sections = [_section(shot, images, folder, pixel_threshold) for shot in differing]
    if not sections:
        sections = ["<p>No screenshot differs from its baseline.</p>"]
    page = folder / "index.html"
    page.write_text(
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Screenshot review</title>"
        f"<style>{_STYLE}</style><h1>Screenshot review</h1>"
        f"<p>{len(differing)} of {len(shots)} screenshots differ from their baselines.</p>" + "".join(sections),
        encoding="utf-8",
    )
    return page


def _section(shot: ShotResult, images: Path, folder: Path, pixel_threshold: int) -> str:
    stem = f"{shot.tutorial}--{shot.name.removesuffix('.png')}"
    new_copy = images / f"{stem}--new.png"
    shutil.copyfile(shot.new, new_copy)
    figures = []
    if shot.comparison.status == "changed" and shot.old is not None:
        old_bytes = shot.old.read_bytes()
        old_copy = images / f"{stem}--baseline.png"
        old_copy.write_bytes(old_bytes)
        diff_copy = images / f"{stem}--difference.png"
        diff_copy.write_bytes(difference_image(old_bytes, shot.new.read_bytes(), pixel_threshold))
        figures += [_figure("Baseline", old_copy, folder), _figure("New", new_copy, folder)]
        figures.append(_figure("Difference", diff_copy, folder))
        verdict = f"changed ({shot.comparison.changed_share:.2%} of pixels)"
    else:
        figures.append(_figure("New (no baseline before)", new_copy, folder))
        verdict = "new"
    if shot.written:
        action = "baseline written" if shot.comparison.status == "new" else "baseline rewritten"
    else:
        action = "baseline kept; run with --update to accept"
    title = html.escape(f"{shot.tutorial} / {shot.name}: {verdict}, {action}")
    return f"<section><h2>{title}</h2><div class='row'>{''.join(figures)}</div></section>"


def _figure(caption: str, path: Path, folder: Path) -> str:
    source = html.escape(os.path.relpath(path, folder).replace(os.sep, "/"))
    label = html.escape(caption)
    return f"<figure><figcaption>{label}</figcaption><img src='{source}' alt='{label}'></figure>"
