"""How workers start: as copies of a process that runs no other thread, else as fresh interpreters."""

from __future__ import annotations

import subprocess
import sys
import threading

from orcid_guide.run.workers import _start_method


def test_a_worker_is_a_copy_of_a_process_without_threads() -> None:
    # In a process of its own: the test session may run threads of its own.
    code = "from orcid_guide.run.workers import _start_method; print(_start_method())"
    started = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert started.stdout == "fork\n"


def test_a_worker_is_a_fresh_interpreter_while_another_thread_runs() -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert _start_method() == "spawn"
    finally:
        release.set()
        waiting.join()
