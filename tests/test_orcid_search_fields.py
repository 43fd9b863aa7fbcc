"""The emulator's search answers the fields ORCID documents for works and people (ORCID-Source's search
tutorial, "Indexed fields"), whatever the query, without a server error."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from orcid_guide.sandbox.orcid.demo_data import EVA
from orcid_guide.sandbox.orcid.search_query import ID_TYPES, UNKEPT_FIELDS, WORK_FIELDS
from tests.helpers.orcid_forms import make_app

JSON = {"Accept": "application/vnd.orcid+json"}


def _found(client: object, query: str) -> list[str]:
    answer = client.get(f"/v3.0/search/?q={quote(query)}", headers=JSON)  # type: ignore[attr-defined]
    assert answer.status_code == 200, (query, answer.get_data(as_text=True)[:200])
    return [hit["orcid-identifier"]["path"] for hit in answer.get_json()["result"] or []]


def test_works_are_found_by_title_and_identifier(tmp_path: Path) -> None:
    client = make_app(tmp_path).test_client()
    works = client.get(f"/v3.0/{EVA.orcid}/works", headers=JSON).get_json()["group"]
    summary = works[0]["work-summary"][0]
    title = summary["title"]["title"]["value"]
    doi = next(
        i["external-id-value"]
        for group in works
        for i in group["work-summary"][0]["external-ids"]["external-id"]
        if i["external-id-type"] == "doi"
    )
    for query in (
        f'work-titles:"{title}"',
        f'title:"{title}"',
        f'digital-object-ids:"{doi}"',
        f"digital-object-ids:{doi.split('/')[0]}",  # by what it includes, as ORCID's example 9
        f'doi-self:"{doi}"',
    ):
        assert EVA.orcid in _found(client, query), query
    assert _found(client, f'doi-part-of:"{doi}"') == []
    assert _found(client, 'work-titles:"no such title anywhere"') == []


def test_every_documented_field_answers_whatever_the_value(tmp_path: Path) -> None:
    client = make_app(tmp_path).test_client()
    fields = sorted(WORK_FIELDS | UNKEPT_FIELDS | ID_TYPES | {"pmid-self", "isbn-part-of", "given-names", "orcid"})
    for field in fields:
        for value in ("x", '"two words"', "*", "10.1087", "é\u202e", "9" * 5_000, "(a OR b)", "[2018 TO NOW]"):
            answer = client.get(f"/v3.0/search/?q={quote(f'{field}:{value}')}", headers=JSON)
            assert answer.status_code in (200, 400), (field, value, answer.status_code)
            expanded = client.get(f"/v3.0/expanded-search/?q={quote(f'{field}:{value}')}", headers=JSON)
            assert expanded.status_code in (200, 400), (field, value, expanded.status_code)
    assert _found(client, "keyword:Relativity") == []
