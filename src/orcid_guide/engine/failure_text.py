"""Turning whatever a step raised into one sentence a reader of the guide understands.

Playwright's messages name elements by locator (``get_by_role("button", name="Sign in")``) and end in a call
log; a failure report says instead what the reader would look for: the button "Sign in".
"""

from __future__ import annotations

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from orcid_guide.engine.actions import ElementFailed
from orcid_guide.engine.elements import ROLE_WORDS, TEXT
from orcid_guide.engine.labels import normalise

_SEGMENT = re.compile(r"(get_by_[a-z_]+|locator|filter|nth)\(((?:\"(?:[^\"\\]|\\.)*\"|[^()\"])*)\)|\.?(first|last)\b")
_QUOTED = re.compile(r"\"((?:[^\"\\]|\\.)*)\"")
_NAME = re.compile(r"name=(?:re\.compile\()?\"((?:[^\"\\]|\\.)*)\"")
_ROLE_WORDS = ROLE_WORDS
_TIMEOUT = re.compile(r"Timeout (\d+)ms exceeded")


def _elements(text: str) -> list[tuple[str, str]]:
    """The locator's chain as (kind, arguments), filters folded into the element before them."""
    chain: list[tuple[str, str]] = []
    for match in _SEGMENT.finditer(text):
        kind, arguments = match.group(1), match.group(2) or ""
        if match.group(3) or kind == "nth":
            continue  # which of several matches is meant says nothing the reader looks for
        if kind == "filter":
            if chain:
                chain[-1] = (chain[-1][0], chain[-1][1] + ", " + arguments)
            continue
        chain.append((kind, arguments))
    return chain


def describe_locator(text: str) -> str:
    """``get_by_role("row", name="A").get_by_role("button", name="B")`` → 'the button "B" in the table row "A"'."""
    parts = [_one_element(kind, arguments) for kind, arguments in _elements(text)]
    return " in ".join(reversed(parts)) if parts else text.strip()


def element_name(text: str) -> str:
    """The accessible name or text the last element of a locator is looked for by ('' when none)."""
    chain = _elements(text)
    if not chain or chain[-1][0] == "locator":
        return ""
    kind, arguments = chain[-1]
    found = _NAME.search(arguments) if kind == "get_by_role" else _QUOTED.search(arguments)
    return _unescape(found.group(1)) if found else ""


def _one_element(kind: str, arguments: str) -> str:
    quoted = _QUOTED.findall(arguments)
    first = _unescape(quoted[0]) if quoted else arguments
    containing = re.search(r'has_text="((?:[^"\\]|\\.)*)"', arguments)
    suffix = f' containing "{_unescape(containing.group(1))}"' if containing else ""
    if kind == "get_by_role":
        role = _ROLE_WORDS.get(first, first)
        name = re.search(r'name=(?:re\.compile\()?"((?:[^"\\]|\\.)*)"', arguments)
        return (f'the {role} "{_unescape(name.group(1))}"' if name else f"a {role}") + suffix
    words = {
        "get_by_label": 'the field labelled "{}"',
        "get_by_placeholder": 'the field showing "{}"',
        "get_by_text": 'the text "{}"',
        "get_by_alt_text": 'the image "{}"',
        "get_by_title": 'the element titled "{}"',
        "get_by_test_id": 'the element with test id "{}"',
        "locator": "the element matching {}",
    }
    return words.get(kind, kind + "({})").format(first) + suffix


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\\\", "\\")


def describe_error(error: BaseException, screen: str = "") -> str:
    """What went wrong, in the words of the page (starting lower-case, ending in a full stop).

    ``screen`` is the page's normalised text: it tells a control that lost its role or name from one whose
    words are gone.
    """
    message = str(error)
    head, _, log = message.partition("Call log:")
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    first = lines[0].rstrip(".") if lines else ""
    waited = next((line.strip(" -")[len("waiting for ") :] for line in log.splitlines() if "waiting for " in line), "")
    strict = re.search(r"strict mode violation: (.+?) resolved to (\d+) elements", message)
    if strict:
        return (
            f"{describe_locator(strict.group(1))} is on the screen {strict.group(2)} times, "
            "so the step cannot tell which one is meant."
        )
    if first.startswith("Locator expected") and waited:
        expectation = first.removeprefix("Locator ").strip()
        problem = next((line.removeprefix("Error: ") for line in lines if line.startswith("Error: ")), "")
        actual = next((line.removeprefix("Actual value:").strip() for line in lines if "Actual value:" in line), "")
        found = "it was not found" if "not found" in problem else f'it showed "{actual}"'
        return f"{describe_locator(waited)} was {expectation}, but {found}."
    timeout = _TIMEOUT.search(first)
    seconds = f"{int(timeout.group(1)) / 1000:g} s" if timeout else ""
    if timeout and waited:
        thing = describe_locator(waited)
        kind = thing.split('"', 1)[0].removeprefix("the ").strip() if thing.startswith("the ") else ""
        return _never_appeared(thing, kind, element_name(waited), seconds, screen)
    navigation = re.search(r'waiting for navigation to "([^"]+)"', message)
    if timeout and navigation:
        return f'the page never reached the address "{navigation.group(1)}" (waited {seconds}).'
    opening = re.match(r"Page\.goto: (\S+) at (\S+)", first)
    if opening:
        return f"the page {opening.group(2)} could not be opened ({opening.group(1)})."
    if type(error).__module__.startswith("playwright"):
        return f"{first}."
    if isinstance(error, AssertionError):
        return f"a check in the step failed: {first}." if first else "a check in the step failed."
    return f"the step's action raised {type(error).__name__}: {first or 'no message'}."


def _never_appeared(thing: str, kind: str, name: str, seconds: str, screen: str) -> str:
    sentence = f"{thing} never appeared (waited {seconds})."
    if name and kind and normalise(name) in screen:
        sentence += f' The words "{name}" are on the screen, but not as the {kind} the step looks for.'
    return sentence


def describe_element_failure(failure: ElementFailed, timeout_ms: float, screen: str = "") -> str:
    """Why a step could not use an element, in the element's own words (its fields, not Playwright's text)."""
    element = failure.element
    thing = element.describe()
    if failure.count > 1 and "strict mode violation" in str(failure.cause):
        return f"{thing} is on the screen {failure.count} times, so the step cannot tell which one is meant."
    if isinstance(failure.cause, PlaywrightTimeout):
        kind = "" if element.role == TEXT or not element.name else element.kind
        return _never_appeared(thing, kind, element.name or "", f"{timeout_ms / 1000:g} s", screen)
    return describe_error(failure.cause, screen)
