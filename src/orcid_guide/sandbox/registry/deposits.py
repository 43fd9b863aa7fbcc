"""Reading a publisher's (or repository's) deposit: the DOI metadata, checked before anything is stored."""

from __future__ import annotations

import re
from typing import Any

from orcid_guide.orcid_id import is_valid, normalize
from orcid_guide.sandbox.registry.fixtures import Contributor, DoiRecord
from orcid_guide.sandbox.whole_numbers import whole_number

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
MAX_CONTRIBUTORS = 100


class BadDeposit(Exception):
    """The deposit cannot be registered; the message says why in one sentence."""


def _text(data: dict[str, Any], key: str, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise BadDeposit(f"'{key}' must be text.")
    value = value.strip()
    if required and not value:
        raise BadDeposit(f"The deposit needs a '{key}'.")
    return value


def _number(data: dict[str, Any], key: str, low: int, high: int, *, required: bool = False) -> int | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise BadDeposit(f"The deposit needs a '{key}'.")
        return None
    if isinstance(value, str):
        value = whole_number(value.strip(), low, high)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise BadDeposit(f"'{key}' must be a whole number from {low} to {high}.")
    return value


def _contributor(item: Any) -> Contributor:
    if not isinstance(item, dict):
        raise BadDeposit("Each contributor must be an object with 'given', 'family' and optionally 'orcid'.")
    written = _text(item, "orcid", required=False)
    # Publishers write iDs bare or as any of their addresses (http://orcid.org/..., https://sandbox.orcid.org/...).
    orcid = normalize(written) if written.strip() else ""
    if orcid and not is_valid(orcid):
        raise BadDeposit(f"{written} is not a valid ORCID iD.")
    return Contributor(_text(item, "given", required=False), _text(item, "family"), orcid)


def parse_deposit(data: Any, work_types: tuple[str, ...]) -> DoiRecord:
    """The DOI record in a deposit like {"doi", "title", "type", "container", "publisher", "year", "month",
    "day", "contributors": [{"given", "family", "orcid"}]}."""
    if not isinstance(data, dict):
        raise BadDeposit("The deposit must be a JSON object.")
    doi = _text(data, "doi").removeprefix("https://doi.org/")
    if not _DOI.match(doi):
        raise BadDeposit(f"{doi} is not a DOI (it should look like 10.5555/abc123).")
    kind = _text(data, "type")
    if kind not in work_types:
        raise BadDeposit(f"This registry registers {' and '.join(work_types)}, not {kind}.")
    people = data.get("contributors", [])
    if not isinstance(people, list) or not people or len(people) > MAX_CONTRIBUTORS:
        raise BadDeposit(f"The deposit needs a list of 1 to {MAX_CONTRIBUTORS} contributors.")
    year = _number(data, "year", 1000, 2999, required=True)
    assert year is not None
    return DoiRecord(
        doi,
        _text(data, "title"),
        kind,
        _text(data, "container", required=False),
        _text(data, "publisher", required=False),
        year,
        tuple(_contributor(item) for item in people),
        month=_number(data, "month", 1, 12),
        day=_number(data, "day", 1, 31),
    )
