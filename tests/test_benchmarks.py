"""Every benchmark in scripts/ still runs: each once, in its short form (--short), as a new process.

What it measured is not checked (a test on a shared machine cannot judge speed; the ratios are for people to
read), only that it ran to the end and printed its result.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
# bench_timing.py and the like are shared by the benchmarks, not benchmarks: they have no main.
BENCHMARKS = sorted(
    path.name
    for path in [*SCRIPTS.glob("bench_*.py"), SCRIPTS / "load_sandbox.py", SCRIPTS / "soak_pixels.py"]
    if 'if __name__ == "__main__":' in path.read_text(encoding="utf-8")
)
# A benchmark prints a ratio ("ratio 0.42", "12.0x faster"); the load and soak tests print what they found.
RATIO = r"\bratio\b.*\d|\d+(\.\d+)?x faster"
RESULT = {
    # Its short form sends load only (no browsers): what it reached, against what was asked.
    "load_sandbox.py": r"^Load: [1-9]\d* of [1-9]\d* requests answered in [\d.]+ s: \d+/s \(asked \d+/s\)$",
    "soak_pixels.py": r"^2 runs, [1-9]\d* screenshots each: 0 of [1-9]\d* comparisons differed\.$",
}


def test_the_benchmarks_are_found() -> None:
    assert {"bench_compare.py", "bench_rerun.py", "load_sandbox.py", "soak_pixels.py"} <= set(BENCHMARKS)
    assert "bench_timing.py" not in BENCHMARKS


@pytest.mark.parametrize("script", BENCHMARKS)
def test_the_benchmark_runs_in_its_short_form_and_prints_its_result(script: str, tmp_path: Path) -> None:
    # Its scratch folders go under tmp_path, so a failed run leaves them where pytest keeps its temporary files.
    environment = {**os.environ, "TMPDIR": str(tmp_path)}
    ran = subprocess.run(
        [sys.executable, str(SCRIPTS / script), "--short"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = ran.stdout + ran.stderr
    assert ran.returncode == 0, f"{script} --short ended with status {ran.returncode}:\n{output}"
    assert re.search(RESULT.get(script, RATIO), ran.stdout, re.MULTILINE), f"{script} printed no result:\n{output}"
