"""Load test: browsers run the tutorials while API clients hit the same ORCID emulators, all on loopback.

Run: .venv/bin/python scripts/load_sandbox.py [--browsers 4] [--rate 200] [--seconds 30] [--clients 128]
     [--tutorials a,b] [--port-base 18000]

Each browser (its own thread, Playwright and Chromium) runs the tutorials one after another, each on a fresh
sandbox as `orcid-guide shoot` does (the screenshots go to a scratch folder; nothing is compared). Meanwhile an
open-loop generator sends ``--rate`` API v3.0 reads per second, spread over the emulators the browsers are using
at that moment (record, works, person, employments, search, expanded search, a bulk read of works). A sandbox is
stopped only after the requests sent to it have finished. The apps listen on free ports, or with ``--port-base``
on fixed ones: browser n's ORCID emulator on port base + 4n, its LUCRIS, Crossref and DataCite on the three after.

It stops by itself: the load runs for ``--seconds``, then each browser finishes the tutorial it is in. Every URL
is on 127.0.0.1. It prints the requests sent, the errors (any answer but 200, or no answer), latency
percentiles, and the tutorial runs and failures; it exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from orcid_guide.engine.browser import launch_chromium
from orcid_guide.engine.loader import load_tutorials
from orcid_guide.engine.runner import run_tutorial
from orcid_guide.engine.steps import Tutorial
from orcid_guide.project import load_project
from orcid_guide.run.options import run_options
from orcid_guide.sandbox.orcid.demo_data import CARBERRY, EVA
from orcid_guide.targets import check_target, target_env

PATHS = (
    f"/v3.0/{EVA.orcid}/record",
    f"/v3.0/{EVA.orcid}/works",
    f"/v3.0/{EVA.orcid}/person",
    f"/v3.0/{EVA.orcid}/employments",
    f"/v3.0/{CARBERRY.orcid}/activities",
    "/v3.0/search/?q=family-name:Vries",
    "/v3.0/expanded-search/?q=*:*",
    f"/v3.0/{EVA.orcid}/works/1,2,3",
)


class LiveEmulators:
    """The emulators the browsers use right now, and how many load requests each has in flight."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._live: list[str] = []
        self._in_flight: dict[str, int] = {}
        self._turn = 0

    @contextmanager
    def serving(self, url: str) -> Iterator[None]:
        with self._changed:
            self._live.append(url)
            self._in_flight[url] = 0
            self._changed.notify_all()
        try:
            yield
        finally:
            with self._changed:
                # Out of the rotation first, then wait for what was already sent to it.
                self._live.remove(url)
                self._changed.wait_for(lambda: self._in_flight[url] == 0)
                del self._in_flight[url]

    @contextmanager
    def one(self, deadline: float) -> Iterator[str | None]:
        """An emulator to send one request to (round robin), or None when none came up before ``deadline``."""
        with self._changed:
            if not self._changed.wait_for(lambda: bool(self._live), timeout=max(0.0, deadline - time.monotonic())):
                yield None
                return
            self._turn += 1
            url = self._live[self._turn % len(self._live)]
            self._in_flight[url] += 1
        try:
            yield url
        finally:
            with self._changed:
                self._in_flight[url] -= 1
                self._changed.notify_all()


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    late: int = 0
    runs: int = 0
    failures: list[str] = field(default_factory=list)


def api_request(url: str, path: str) -> str | None:
    """One GET over a new loopback connection; None when it answered 200, else what went wrong."""
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", "the load goes to loopback only"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept": "application/vnd.orcid+json"})
        answer = connection.getresponse()
        answer.read()
        return None if answer.status == 200 else f"{answer.status} for {path}"
    except OSError as error:
        return f"{type(error).__name__} for {path}: {error}"
    finally:
        connection.close()


def generate_load(emulators: LiveEmulators, tally: Tally, rate: float, seconds: float, clients: int) -> float:
    """Open loop: request n is due at start + n / rate, whether or not earlier ones have answered. The clock
    starts when the first browser's emulator is up."""
    with emulators.one(deadline=time.monotonic() + 120) as first:
        if first is None:
            raise SystemExit("No browser brought up a sandbox within 2 minutes.")
    start = time.monotonic()
    total = int(rate * seconds)

    def send(number: int) -> None:
        due = start + number / rate
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)  # pacing the generator, not waiting for the system under test
        elif wait < -0.1:
            with tally.lock:
                tally.late += 1
        with emulators.one(deadline=start + seconds + 60) as url:
            if url is None:
                with tally.lock:
                    tally.errors.append("no emulator was up")
                return
            began = time.perf_counter()
            problem = api_request(url, PATHS[number % len(PATHS)])
            took = time.perf_counter() - began
        with tally.lock:
            tally.latencies.append(took)
            if problem:
                tally.errors.append(problem)

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(send, range(total)))
    return time.monotonic() - start


def browse(
    number: int,
    tutorials: list[Tutorial],
    emulators: LiveEmulators,
    tally: Tally,
    until: threading.Event,
    scratch: Path,
    port_base: int,
) -> None:
    # Under load on a shared machine a step may wait longer than the guide's 5 s.
    project = replace(load_project(), step_timeout=30.0)
    options = run_options(
        project,
        {},
        work=scratch / f"shots-{number}",
        # Kept after the run (build/load-failures): what was on screen when a step failed, and its trace.
        failures=project.work / "load-failures" / f"browser-{number}",
        compare=False,
    )
    target = check_target("mock")
    with sync_playwright() as driver:
        browser = launch_chromium(driver)
        try:
            turn = number
            while not until.is_set():
                tutorial = tutorials[turn % len(tutorials)]
                turn += 1
                ports = port_base and port_base + 4 * number
                folder = scratch / f"sandbox-{number}"
                with target_env(target, folder, port_base=ports) as env, emulators.serving(env.urls["orcid"]):
                    result = run_tutorial(browser, tutorial, env, options)
                with tally.lock:
                    tally.runs += 1
                    if result.failure is not None:
                        tally.failures.append(f"{tutorial.name}: {result.failure}")
        finally:
            browser.close()


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--browsers", type=int, default=4)
    parser.add_argument("--rate", type=float, default=200.0, help="API requests per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the API load runs")
    parser.add_argument(
        "--clients", type=int, default=128, help="client threads: at most this many requests wait for answers at once"
    )
    parser.add_argument("--tutorials", default="", help="comma-separated names (default: all)")
    parser.add_argument(
        "--port-base",
        type=int,
        default=0,
        help="browser n's apps listen on this port + 4n and the three after it (default: free ports)",
    )
    arguments = parser.parse_args()
    if arguments.port_base and not 1024 <= arguments.port_base <= 65535 - 4 * arguments.browsers:
        parser.error(f"--port-base must leave room for {4 * arguments.browsers} ports between 1024 and 65535")
    if not (0 < arguments.seconds <= 600 and 0 < arguments.rate <= 2000 and 0 < arguments.browsers <= 16) or not (
        0 < arguments.clients <= 512
    ):
        parser.error("keep it bounded: --seconds up to 600, --rate up to 2000, --browsers up to 16, --clients 512")
    names = [name for name in arguments.tutorials.split(",") if name]
    tutorials = load_tutorials(load_project().tutorials, names)
    emulators, tally, until = LiveEmulators(), Tally(), threading.Event()
    with tempfile.TemporaryDirectory() as scratch:
        browsers = [
            threading.Thread(
                target=browse,
                args=(n, tutorials, emulators, tally, until, Path(scratch), arguments.port_base),
                name=f"browser-{n}",
            )
            for n in range(arguments.browsers)
        ]
        for thread in browsers:
            thread.start()
        load_seconds = generate_load(emulators, tally, arguments.rate, arguments.seconds, arguments.clients)
        until.set()
        for thread in browsers:
            thread.join()
    latencies = sorted(tally.latencies)
    sent = len(latencies) + sum(error == "no emulator was up" for error in tally.errors)
    print(
        f"API load: {sent} requests in {load_seconds:.1f} s ({sent / load_seconds:.0f}/s, asked {arguments.rate:g}/s)"
    )
    if tally.late:
        print(f"  {tally.late} requests left more than 0.1 s after they were due (the generator fell behind)")
    if latencies:
        print(
            "  latency ms: p50 {:.1f}  p90 {:.1f}  p99 {:.1f}  max {:.1f}  mean {:.1f}".format(
                *(1000 * percentile(latencies, share) for share in (0.5, 0.9, 0.99)),
                1000 * latencies[-1],
                1000 * statistics.fmean(latencies),
            )
        )
    print(f"  errors: {len(tally.errors)}")
    for error in tally.errors[:10]:
        print(f"    {error}")
    print(f"Browsers: {arguments.browsers}, tutorial runs: {tally.runs}, failed: {len(tally.failures)}")
    for failure in tally.failures[:10]:
        print(f"    {failure}")
    return 1 if tally.errors or tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
