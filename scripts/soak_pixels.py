"""Soak test: full tutorial runs in a row on this machine must draw identical pixels and identical text.

Run: .venv/bin/python scripts/soak_pixels.py [--runs 10] [--jobs 2] [--short] [TUTORIAL ...]
Each run is a whole `shoot --force` into its own folder (the committed baselines are neither read for
skipping nor written). Every shot of runs 2..N is compared with run 1's, pixel by pixel and its text
baseline line by line; prints the pixels and lines that differed per shot and exits 1 if any did.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench_timing import SHORT_HELP, SHORT_TUTORIAL
from PIL import Image, ImageChops

from orcid_guide.engine.text_baselines import SUFFIX
from orcid_guide.project import load_project
from orcid_guide.run.shoot import shoot


def changed_pixels(first: Path, other: Path) -> int:
    a = Image.open(io.BytesIO(first.read_bytes())).convert("RGB")
    b = Image.open(io.BytesIO(other.read_bytes())).convert("RGB")
    if a.size != b.size:
        return a.width * a.height
    difference = ImageChops.difference(a, b).convert("L").point([0] + [255] * 255)
    return difference.histogram()[255]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tutorials", nargs="*")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    # What is soaked is the drawing, not the machine's speed: on a busy machine give steps longer to appear.
    parser.add_argument("--step-timeout", type=float, default=15.0, help="seconds (the guide's own is 5)")
    parser.add_argument("--short", action="store_true", help=SHORT_HELP + " (two runs)")
    args = parser.parse_args()
    if args.short:
        args.runs, args.jobs, args.tutorials = 2, 1, [SHORT_TUTORIAL]
    project = replace(load_project(), step_timeout=args.step_timeout)
    differing = 0
    with tempfile.TemporaryDirectory(prefix="soak-") as scratch:
        root = Path(scratch)
        # A copy of the baselines: the runs compare with something, but never write into the guide.
        shutil.copytree(project.screenshots, root / "baselines")
        folders = []
        for run in range(1, args.runs + 1):
            started = time.perf_counter()
            work = root / f"run-{run}"
            report = shoot(
                replace(project, work=work, screenshots=root / "baselines"), args.tutorials, force=True, jobs=args.jobs
            )
            if report.failures:
                print(f"run {run}: {len(report.failures)} tutorials failed; first: {report.failures[0]}")
                return 1
            folders.append(work / "shots")
            shots = sum(len(result.shots) for result in report.results)
            print(f"run {run}: {shots} screenshots in {time.perf_counter() - started:.1f} s", flush=True)
        first = folders[0]
        names = sorted(
            path.relative_to(first) for path in first.rglob("[0-9][0-9]-*.png") if ".baseline" not in path.name
        )
        for run, folder in enumerate(folders[1:], start=2):
            for name in names:
                pixels = changed_pixels(first / name, folder / name)
                text_name = name.with_name(name.name.removesuffix(".png") + SUFFIX)
                same_text = (first / text_name).read_text() == (folder / text_name).read_text()
                if pixels or not same_text:
                    differing += 1
                    words = "" if same_text else ", its text differs"
                    print(f"run {run}: {name} differs from run 1 in {pixels} pixels{words}")
        total = len(names) * (len(folders) - 1)
        print(f"{args.runs} runs, {len(names)} screenshots each: {differing} of {total} comparisons differed.")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
