"""Load test: an open-loop HTTP client sends API reads and page loads to ORCID emulators while browsers run the
tutorials against some of them, all on loopback.

Run: .venv/bin/python scripts/load_sandbox.py [--rate 200] [--seconds 30] [--browsers 2] [--clients 32]
     [--tutorials a,b] [--orcid-port P --lucris-port P --crossref-port P --datacite-port P] [--port-base 18000]
     [--short]

Every server runs in a process of its own, apart from the load generator, so none of them waits for another's
Python lock:
- a standing sandbox (like `orcid-guide sandbox --fixed`) on the ports ``--orcid-port``, ``--lucris-port``,
  ``--crossref-port`` and ``--datacite-port`` (default: free ports), which takes load for the whole run;
- ``--browsers`` browser processes, each with its own Chromium, running the tutorials one after another on a
  fresh sandbox each, as `orcid-guide shoot` does (the screenshots go to a scratch folder; nothing is compared).
  Browser n's apps listen on free ports, or with ``--port-base`` on base + 4n and the three ports after it. While
  a tutorial runs, its emulator takes its share of the load too; it is stopped only after the requests sent to it
  have been answered.

The generator sends ``--rate`` requests per second, request n due at start + n / rate whether or not earlier ones
have answered (at most ``--clients`` wait for answers at once), round robin over the emulators up at that moment:
API v3.0 reads (record, works, person, employments, activities, search, expanded search, a bulk read of works)
and the public record page, over keep-alive connections. The clock starts once every browser has its first
sandbox up. After ``--seconds`` each browser finishes the tutorial it is in.

It prints the requests answered per second against the rate asked, latency percentiles, the errors (any answer
but 200, or no answer) and the tutorial runs and failures, and exits 1 when a request or a tutorial failed.
``--short`` runs for 3 seconds without browsers, to show the script works (the test suite runs it that way).
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import multiprocessing.connection
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from orcid_guide.sandbox.orcid.demo_data import CARBERRY, EVA

API = {"Accept": "application/vnd.orcid+json"}
PAGE = {"Accept": "text/html"}
REQUESTS: tuple[tuple[str, dict[str, str]], ...] = (
    (f"/v3.0/{EVA.orcid}/record", API),
    (f"/v3.0/{EVA.orcid}/works", API),
    (f"/v3.0/{EVA.orcid}/person", API),
    (f"/{EVA.orcid}", PAGE),
    (f"/v3.0/{EVA.orcid}/employments", API),
    (f"/v3.0/{CARBERRY.orcid}/activities", API),
    ("/v3.0/search/?q=family-name:Vries", API),
    ("/v3.0/expanded-search/?q=*:*", API),
    (f"/v3.0/{EVA.orcid}/works/1,2,3", API),
    (f"/{CARBERRY.orcid}", PAGE),
)
SHORT_SECONDS = 3.0
# How long a browser may take to bring up its first sandbox (Chromium starting on a busy machine included).
STARTUP_SECONDS = 180.0

Pipe = multiprocessing.connection.Connection


# --- the servers' side: child processes ---------------------------------------------------------------------------


def standing_sandbox(workdir: str, ports: tuple[int, int, int, int], pipe: Pipe, stop: EventType) -> None:
    """Child process: one sandbox for the whole run; sends its emulator's URL once it is up."""
    from orcid_guide.sandbox.launcher import running_sandbox

    orcid, lucris, crossref, datacite = ports
    try:
        with running_sandbox(
            Path(workdir), orcid_port=orcid, lucris_port=lucris, crossref_port=crossref, datacite_port=datacite
        ) as running:
            pipe.send(("up", running.orcid_url))
            stop.wait()
    except Exception as error:  # the parent prints it and stops; the child has no one else to tell
        pipe.send(("failed", f"{type(error).__name__}: {error}"))


def browser_process(number: int, names: list[str], scratch: str, port_base: int, pipe: Pipe, stop: EventType) -> None:
    """Child process: one Chromium running tutorials, each on a fresh sandbox, until ``stop``. Says when each
    emulator is up and, before stopping it, waits until the parent has no request to it in flight."""
    from playwright.sync_api import sync_playwright

    from orcid_guide.engine.browser import launch_chromium
    from orcid_guide.engine.loader import load_tutorials
    from orcid_guide.engine.runner import run_tutorial
    from orcid_guide.project import load_project
    from orcid_guide.run.options import run_options
    from orcid_guide.targets import check_target, target_env

    # Under load on a shared machine a step may wait longer than the guide's 5 s.
    project = replace(load_project(), step_timeout=30.0)
    tutorials = load_tutorials(project.tutorials, names)
    options = run_options(
        project,
        {},
        work=Path(scratch) / f"shots-{number}",
        # Kept after the run (build/load-failures): what was on screen when a step failed, and its trace.
        failures=project.work / "load-failures" / f"browser-{number}",
        compare=False,
    )
    target = check_target("mock")
    runs, failures = 0, []
    try:
        with sync_playwright() as driver:
            browser = launch_chromium(driver)
            try:
                turn = number
                while not stop.is_set():
                    tutorial = tutorials[turn % len(tutorials)]
                    turn += 1
                    ports = port_base and port_base + 4 * number
                    with target_env(target, Path(scratch) / f"sandbox-{number}", port_base=ports) as env:
                        pipe.send(("up", env.urls["orcid"]))
                        try:
                            result = run_tutorial(browser, tutorial, env, options)
                        finally:
                            pipe.send(("down", env.urls["orcid"]))
                            pipe.recv()  # the parent's word that nothing is in flight to it any more
                    runs += 1
                    if result.failure is not None:
                        failures.append(f"{tutorial.name}: {result.failure}")
            finally:
                browser.close()
    except Exception as error:
        failures.append(f"browser {number} stopped: {type(error).__name__}: {error}")
    pipe.send(("done", runs, failures))


# --- the generator's side: this process ---------------------------------------------------------------------------


class LiveEmulators:
    """The emulators up right now, their idle keep-alive connections, and how many requests each has in flight."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._live: list[str] = []
        self._in_flight: dict[str, int] = {}
        self._idle: dict[str, list[http.client.HTTPConnection]] = {}
        self._turn = 0

    def add(self, url: str) -> None:
        assert urlsplit(url).hostname == "127.0.0.1", "the load goes to loopback only"
        with self._changed:
            self._live.append(url)
            self._in_flight[url] = 0
            self._idle[url] = []
            self._changed.notify_all()

    def remove(self, url: str) -> None:
        """Out of the rotation, then wait for what was already sent to it, then close its connections."""
        with self._changed:
            self._live.remove(url)
            self._changed.wait_for(lambda: self._in_flight[url] == 0)
            del self._in_flight[url]
            idle = self._idle.pop(url)
        for connection in idle:
            connection.close()

    def count(self) -> int:
        with self._changed:
            return len(self._live)

    def wait_for(self, count: int, deadline: float) -> bool:
        with self._changed:
            return self._changed.wait_for(
                lambda: len(self._live) >= count, timeout=max(0.0, deadline - time.monotonic())
            )

    @contextmanager
    def connection(self, deadline: float) -> Iterator[http.client.HTTPConnection | None]:
        """A connection to the next emulator (round robin), or None when none was up before ``deadline``; it goes
        back to the idle ones afterwards (one closed after an error connects again when next used)."""
        with self._changed:
            if not self._changed.wait_for(lambda: bool(self._live), timeout=max(0.0, deadline - time.monotonic())):
                yield None
                return
            self._turn += 1
            url = self._live[self._turn % len(self._live)]
            self._in_flight[url] += 1
            idle = self._idle[url]
            connection = idle.pop() if idle else None
        if connection is None:
            parts = urlsplit(url)
            connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
        try:
            yield connection
        finally:
            with self._changed:
                self._in_flight[url] -= 1
                if url in self._idle:
                    self._idle[url].append(connection)
                else:
                    connection.close()
                self._changed.notify_all()


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    late: int = 0
    runs: int = 0
    failures: list[str] = field(default_factory=list)


def get(connection: http.client.HTTPConnection, path: str, headers: dict[str, str]) -> str:
    """One GET on a keep-alive connection, read to its end: '' when it answered 200, else what went wrong."""
    try:
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        answer.read()
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        return f"{type(error).__name__} for {path}: {error}"
    return "" if answer.status == 200 else f"{answer.status} for {path}"


def generate_load(emulators: LiveEmulators, tally: Tally, rate: float, seconds: float, clients: int) -> float:
    """Open loop: request n is due at start + n / rate, whether or not earlier ones have answered."""
    start = time.monotonic()
    total = max(1, int(rate * seconds))

    def send(number: int) -> None:
        due = start + number / rate
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)  # pacing the generator, not waiting for the system under test
        elif wait < -0.1:
            with tally.lock:
                tally.late += 1
        path, headers = REQUESTS[number % len(REQUESTS)]
        with emulators.connection(deadline=start + seconds + 60) as connection:
            if connection is None:
                with tally.lock:
                    tally.errors.append("no emulator was up")
                return
            began = time.perf_counter()
            problem = get(connection, path, headers)
            took = time.perf_counter() - began
        with tally.lock:
            tally.latencies.append(took)
            if problem:
                tally.errors.append(problem)

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(send, range(total)))
    return time.monotonic() - start


def listen(pipe: Pipe, emulators: LiveEmulators, tally: Tally, up: list[str]) -> None:
    """Relay a child's messages until it is done: its emulators joining and leaving the rotation, its results."""
    while True:
        try:
            message: tuple[Any, ...] = pipe.recv()
        except EOFError:
            return
        kind = message[0]
        if kind == "up":
            emulators.add(message[1])
            up.append(message[1])
        elif kind == "down":
            emulators.remove(message[1])
            pipe.send("drained")
        elif kind == "done":
            with tally.lock:
                tally.runs += message[1]
                tally.failures.extend(message[2])
            return
        elif kind == "failed":
            with tally.lock:
                tally.failures.append(f"standing sandbox: {message[1]}")
            return


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the load runs")
    parser.add_argument("--browsers", type=int, default=2, help="browser processes running the tutorials")
    parser.add_argument(
        "--clients", type=int, default=32, help="client threads: at most this many requests wait for answers at once"
    )
    parser.add_argument("--tutorials", default="", help="comma-separated names (default: all)")
    for app, name in (("orcid", "ORCID emulator"), ("lucris", "mock LUCRIS"), ("crossref", "Crossref")):
        parser.add_argument(f"--{app}-port", type=int, default=0, help=f"the standing sandbox's {name} (0: free)")
    parser.add_argument("--datacite-port", type=int, default=0, help="the standing sandbox's DataCite (0: free)")
    parser.add_argument(
        "--port-base",
        type=int,
        default=0,
        help="browser n's apps listen on this port + 4n and the three after it (default: free ports)",
    )
    parser.add_argument(
        "--short", action="store_true", help=f"{SHORT_SECONDS:g} seconds and no browsers: does the script work?"
    )
    arguments = parser.parse_args()
    if arguments.short:
        arguments.seconds, arguments.browsers = SHORT_SECONDS, 0
    ports = [arguments.orcid_port, arguments.lucris_port, arguments.crossref_port, arguments.datacite_port]
    if not all(port == 0 or 1024 <= port <= 65535 for port in ports):
        parser.error("the standing sandbox's ports must be 0 (free) or from 1024 to 65535")
    if arguments.port_base and not 1024 <= arguments.port_base <= 65535 - 4 * arguments.browsers:
        parser.error(f"--port-base must leave room for {4 * arguments.browsers} ports between 1024 and 65535")
    if not (0 < arguments.seconds <= 600 and 0 < arguments.rate <= 2000 and 0 <= arguments.browsers <= 16) or not (
        0 < arguments.clients <= 512
    ):
        parser.error("keep it bounded: --seconds up to 600, --rate up to 2000, --browsers up to 16, --clients 512")
    return arguments


def report(arguments: argparse.Namespace, tally: Tally, load_seconds: float) -> int:
    latencies = sorted(tally.latencies)
    answered = len(latencies)
    asked = int(arguments.rate * arguments.seconds)
    print(
        f"Load: {answered} of {asked} requests answered in {load_seconds:.1f} s: {answered / load_seconds:.0f}/s"
        f" (asked {arguments.rate:g}/s)"
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
    load = os.getloadavg()
    print(f"Machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1, 5, 15 min)")
    return 1 if tally.errors or tally.failures else 0


def main() -> int:
    arguments = parse_arguments()
    names = [name for name in arguments.tutorials.split(",") if name]
    if arguments.browsers:
        from orcid_guide.engine.loader import load_tutorials
        from orcid_guide.project import load_project

        load_tutorials(load_project().tutorials, names)  # an unknown name fails here, before anything starts
    # Spawned, not forked: the children start without this process's threads and locks.
    context = multiprocessing.get_context("spawn")
    emulators, tally, stop = LiveEmulators(), Tally(), context.Event()
    ports = (arguments.orcid_port, arguments.lucris_port, arguments.crossref_port, arguments.datacite_port)
    with tempfile.TemporaryDirectory() as scratch:
        children: list[Any] = []
        listeners: list[threading.Thread] = []
        up: list[str] = []
        jobs: list[tuple[Any, tuple[Any, ...]]] = [(standing_sandbox, (str(Path(scratch) / "standing"), ports))]
        jobs += [(browser_process, (n, names, scratch, arguments.port_base)) for n in range(arguments.browsers)]
        for target, args in jobs:
            ours, theirs = context.Pipe()
            child = context.Process(target=target, args=(*args, theirs, stop), daemon=True)
            child.start()
            theirs.close()  # the child's end: closed here too, so the listener hears when the child has gone
            children.append(child)
            listener = threading.Thread(target=listen, args=(ours, emulators, tally, up), daemon=True)
            listener.start()
            listeners.append(listener)
        try:
            if not emulators.wait_for(len(jobs), time.monotonic() + STARTUP_SECONDS) and not tally.failures:
                tally.failures.append(f"only {emulators.count()} of {len(jobs)} sandboxes came up in time")
            load_seconds = generate_load(emulators, tally, arguments.rate, arguments.seconds, arguments.clients)
        finally:
            stop.set()
            for listener in listeners:
                listener.join()
            for child in children:
                child.join()
    return report(arguments, tally, load_seconds)


if __name__ == "__main__":
    sys.exit(main())
