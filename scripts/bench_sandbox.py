"""Benchmark: starting and stopping the embedded sandbox (ORCID, LUCRIS, Crossref, DataCite) per tutorial run.

Run: .venv/bin/python scripts/bench_sandbox.py [ROUNDS] [--short]
Prints the median start and stop time of `running_sandbox`, and compares stopping with the way it was done
before: werkzeug's default 0.5 s shutdown poll, servers stopped one after another (the baseline).
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench_timing import rounds_and_short

from orcid_guide.sandbox.launcher import _bind, running_sandbox


def launcher_times(workdir: Path) -> tuple[float, float]:
    started = time.perf_counter()
    context = running_sandbox(workdir)
    context.__enter__()
    up = time.perf_counter()
    context.__exit__(None, None, None)
    return up - started, time.perf_counter() - up


def baseline_stop() -> float:
    """Four servers with werkzeug's default poll, stopped one after another."""
    servers = [_bind(0, name) for name in ("a", "b", "c", "d")]
    threads = [threading.Thread(target=server.serve_forever, daemon=True) for server in servers]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    for server in servers:
        server.shutdown()
        server.server_close()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def main() -> None:
    rounds, _ = rounds_and_short(__doc__, 7)
    starts, stops, baselines = [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        for n in range(rounds):
            start, stop = launcher_times(Path(scratch) / f"run{n}")
            starts.append(start)
            stops.append(stop)
            baselines.append(baseline_stop())
    start, stop, baseline = (statistics.median(xs) for xs in (starts, stops, baselines))
    print(f"start sandbox (4 apps, fresh databases): {start * 1000:.0f} ms")
    print(f"stop sandbox: {stop * 1000:.0f} ms; baseline (0.5 s poll, one after another): {baseline * 1000:.0f} ms")
    print(f"stopping is {baseline / stop:.1f}x faster than the baseline (ratio stop / baseline {stop / baseline:.2f})")


if __name__ == "__main__":
    main()
