"""ORCID iDs: ISO 7064 MOD 11-2 check characters, validation and ORCID's issued blocks."""

from __future__ import annotations

import re

_SHAPE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
# Every way an iD is written as an address: http or https, orcid.org or its sandbox, with or without www.
_URL_PREFIXES = tuple(
    f"{scheme}{www}{host}/"
    for scheme in ("https://", "http://", "")
    for www in ("", "www.")
    for host in ("orcid.org", "sandbox.orcid.org")
)

# Blocks ORCID actually issues from; an emulator iD outside them would look wrong to anyone who knows.
ISSUED_BLOCKS: tuple[tuple[int, int], ...] = (
    (15_000_000, 35_000_000),  # 0000-0001-5000-0007 … 0000-0003-5000-0001
    (900_000_000_000, 900_100_000_000),  # 0009-0000-0000-0000 … 0009-0010-0000-0000
)


def check_character(base_digits: str) -> str:
    """The MOD 11-2 check character for the first 15 digits of an iD."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    remainder = (12 - total % 11) % 11
    return "X" if remainder == 10 else str(remainder)


def format_id(base: int) -> str:
    """The hyphenated iD for a 15-digit base number, check character included."""
    digits = f"{base:015d}"
    full = digits + check_character(digits)
    return "-".join(full[i : i + 4] for i in range(0, 16, 4))


def normalize(text: str) -> str:
    """An iD as typed (spaces, URL prefix, lower-case x) in its canonical hyphenated form, unchecked."""
    value = text.strip()
    for prefix in _URL_PREFIXES:
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
            break
    value = value.replace(" ", "").upper()
    if re.fullmatch(r"\d{15}[\dX]", value):
        value = "-".join(value[i : i + 4] for i in range(0, 16, 4))
    return value


def problem(text: str) -> str | None:
    """Why ``text`` is not a well-formed ORCID iD, or None when it is."""
    value = normalize(text)
    if not _SHAPE.match(value):
        return "An ORCID iD has 16 characters in four groups of four, like 0000-0002-1825-0097."
    digits = value.replace("-", "")
    if check_character(digits[:15]) != digits[15]:
        return f"{value} has a wrong check digit: the last character should be {check_character(digits[:15])}."
    return None


def is_valid(text: str) -> bool:
    return problem(text) is None


def base_number(orcid_id: str) -> int:
    return int(normalize(orcid_id).replace("-", "")[:15])


def in_issued_block(orcid_id: str) -> bool:
    base = base_number(orcid_id)
    return any(low <= base < high for low, high in ISSUED_BLOCKS)
