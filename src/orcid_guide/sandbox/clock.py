"""Clocks the sandbox apps read the time from: the real one, or a fixed one so screenshots repeat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]

# The day the tutorials pretend it is; any fixed day would do, it only has to stay put.
FIXED_NOW = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)


def real_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock() -> datetime:
    return FIXED_NOW
