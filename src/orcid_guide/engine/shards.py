"""Splitting the tutorials over CI runners: shard I of N is a stable subset (every Nth of the sorted names)."""

from __future__ import annotations

import re

from orcid_guide.errors import UserError


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/3"`` → ``(2, 3)``, or a one-sentence error."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if match is None:
        raise UserError(f"--shard takes I/N, such as 1/3 for the first of three shards; {text!r} is not of that form.")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1 or not 1 <= index <= count:
        raise UserError(f"--shard {index}/{count} does not exist; I/N needs N at least 1 and I from 1 to N.")
    return index, count


def select_shard(names: list[str], index: int, count: int) -> list[str]:
    """The names of shard ``index`` of ``count``; together the shards hold every name exactly once."""
    return sorted(names)[index - 1 :: count]
