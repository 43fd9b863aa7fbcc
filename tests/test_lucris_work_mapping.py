"""The ORCID v3.0 work LUCRIS builds from a research output, and how it quotes names in ORCID's search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from orcid_guide.sandbox.lucris import database, outputs
from orcid_guide.sandbox.lucris.orcid_client import solr_term
from orcid_guide.sandbox.lucris.work_mapping import to_orcid_work


def output(tmp_path: Path, uuid: str) -> outputs.ResearchOutput:
    path = tmp_path / "lucris.sqlite3"
    database.initialize(path)
    db = database.connect(path)
    try:
        row = db.execute("SELECT id FROM research_outputs WHERE uuid = ?", (uuid,)).fetchone()
        found = outputs.by_id(db, row["id"])
    finally:
        db.close()
    assert found is not None
    return found


def ids(work: dict[str, object]) -> list[tuple[str, str, str]]:
    external = work["external-ids"]
    assert isinstance(external, dict)
    return [
        (item["external-id-type"], item["external-id-value"], item["external-id-relationship"])
        for item in external["external-id"]
    ]


def test_a_book_is_its_isbn_and_its_doi(tmp_path: Path) -> None:
    work = to_orcid_work(output(tmp_path, "21cd2f98e29a5cbd96c4c535dd7e5507"))
    assert work["type"] == "book"
    assert ids(work) == [("doi", "10.5555/lup.2024.0412", "self"), ("isbn", "978-90-8728-412-1", "self")]
    assert "journal-title" not in work
    assert work["publication-date"] == {"year": {"value": "2024"}, "month": {"value": "06"}}


def test_a_chapter_without_doi_is_part_of_its_book_and_self_by_its_lucris_id(tmp_path: Path) -> None:
    work = to_orcid_work(output(tmp_path, "dd9ea9a465e5ad11c8ceac04ce5d3457"))
    assert work["type"] == "book-chapter"
    assert work["journal-title"] == {"value": "Urban Ecology in the Low Countries"}
    assert ids(work) == [
        ("isbn", "978-94-6372-118-9", "part-of"),
        ("source-work-id", "dd9ea9a465e5ad11c8ceac04ce5d3457", "self"),
    ]
    assert "url" not in work
    contributors = work["contributors"]
    assert isinstance(contributors, dict)
    assert [c["credit-name"]["value"] for c in contributors["contributor"]] == ["Eva de Vries", "Sanne Bakker"]
    assert contributors["contributor"][0]["contributor-attributes"]["contributor-sequence"] == "first"


def test_a_conference_contribution_is_a_conference_paper(tmp_path: Path) -> None:
    work = to_orcid_work(output(tmp_path, "a184abb397201fbecd507df3af696cfd"))
    assert work["type"] == "conference-paper"
    assert ids(work) == [("doi", "10.5555/setac.2023.117", "self")]


def test_names_with_particles_are_searched_as_one_phrase() -> None:
    assert solr_term("family-name", "van der  Horst") == 'family-name:"van der Horst"'
    assert solr_term("given-names", "Eva") == "given-names:Eva"
    assert solr_term("family-name", "Martínez-García") == "family-name:Martínez-García"
    assert solr_term("family-name", "O:Brien(") == r"family-name:O\:Brien\("
    assert solr_term("x", 'a "b"') == r'x:"a \"b\""'


def test_the_fixture_uuids_are_fixed_32_hex_digits(tmp_path: Path) -> None:
    path = tmp_path / "lucris.sqlite3"
    database.initialize(path)
    with sqlite3.connect(path) as db:
        uuids = [row[0] for row in db.execute("SELECT uuid FROM research_outputs")]
    assert len(uuids) == len(set(uuids)) >= 25
    assert all(len(u) == 32 and int(u, 16) >= 0 for u in uuids)
    assert "7ebf8646a9f33f1b8764d9e076fb18ec" in uuids
