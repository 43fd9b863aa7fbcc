"""Reading a JSON request body for any sandbox app: what json accepts but nothing behind it can store.

``json`` gives up on thousands of nested levels with RecursionError and on integers past 4,300 digits with a
plain ValueError; it accepts integers of a few thousand digits (which overflow SQLite) and lone surrogates
such as ``"\\ud800"`` (which UTF-8, and so SQLite, cannot hold). Each is refused here with one sentence.
"""

from __future__ import annotations

import json
from typing import Any

# SQLite's integers are 64-bit: 19 digits and a sign is the longest one it holds.
_MAX_DIGITS = 19


class BadJson(ValueError):
    """The body is not JSON the app can use; ``str(error)`` is one sentence for the sender."""


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise BadJson("a number in the body is too large")
    return int(text)


def read_json(text: str) -> Any:
    """``text`` as JSON, or BadJson saying why not."""
    try:
        data = json.loads(text, parse_int=_bounded_int)
    except BadJson:
        raise
    except json.JSONDecodeError as error:
        raise BadJson(f"the body is not JSON ({error.msg})") from error
    except RecursionError as error:
        raise BadJson("the body is nested too deeply") from error
    except ValueError as error:
        raise BadJson("the body is not JSON") from error
    _refuse_unstorable_text(data)
    return data


def _refuse_unstorable_text(data: Any) -> None:
    # Iterative: the body already parsed, so its depth is below the recursion limit, but no need to rely on it.
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key, value in item.items():
                _check_text(key)
                pending.append(value)
        elif isinstance(item, list):
            pending.extend(item)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadJson("the body has text that is not valid Unicode (a lone surrogate)") from error
