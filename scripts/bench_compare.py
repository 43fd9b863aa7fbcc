"""Benchmark: screenshot comparison, against a plain per-pixel Python loop as the baseline.

Run: .venv/bin/python scripts/bench_compare.py [--short]
Prints the time per comparison of a 1024x700 screenshot pair for three cases (identical bytes, a re-encoded
identical image, a changed region) and how many times faster the engine's compare is than the naive loop.
"""

from __future__ import annotations

import argparse
import functools
import io
import timeit

from bench_timing import SHORT_HELP
from PIL import Image, ImageDraw

from orcid_guide.engine.images import Rule, compare, encode

SIZE = (1024, 700)


def screenshot(changed: bool) -> bytes:
    image = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(image)
    for row in range(0, SIZE[1], 24):
        draw.text((20, row), "Create your ORCID iD  Step 1 of 5 - Names and emails  Next Step" * 2, fill="black")
    if changed:
        draw.rectangle((400, 300, 520, 340), fill=(166, 206, 57))
    return encode(image)


def naive_share(old: bytes, new: bytes, threshold: int) -> float:
    a = Image.open(io.BytesIO(old)).convert("RGB")
    b = Image.open(io.BytesIO(new)).convert("RGB")
    old_bytes, new_bytes = a.tobytes(), b.tobytes()
    changed = sum(
        1
        for i in range(0, len(old_bytes), 3)
        if max(abs(old_bytes[i + c] - new_bytes[i + c]) for c in range(3)) > threshold
    )
    return changed / (a.width * a.height)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--short", action="store_true", help=SHORT_HELP)
    short = parser.parse_args().short
    base, changed = screenshot(False), screenshot(True)
    # Same pixels, other bytes: the path where both images must be decoded.
    out = io.BytesIO()
    Image.open(io.BytesIO(base)).save(out, format="PNG", compress_level=1)
    same_reencoded = out.getvalue()
    cases = {"identical bytes": base, "same pixels": same_reencoded, "changed region": changed}
    if short:  # the naive loop takes seconds a case
        cases = {"changed region": changed}
    naive_runs, runs = (1, 2) if short else (3, 20)
    # Exact on the baselines' renderer; on another, the search for a character-sized cluster of changes.
    rules = {"exact": Rule(exact=True), "tolerant": Rule(exact=False)}
    for label, other in cases.items():
        slow = timeit.timeit(functools.partial(naive_share, base, other, 24), number=naive_runs) / naive_runs
        for rule_name, rule in rules.items():
            fast = timeit.timeit(functools.partial(compare, base, other, rule), number=runs) / runs
            timings = f"compare {fast * 1000:8.2f} ms   naive loop {slow * 1000:8.1f} ms"
            print(f"{label:16} {rule_name:8} {timings}   ratio {slow / fast:7.0f}x")


if __name__ == "__main__":
    main()
