"""Mock duplicate rule: same DOI (any written form), same ISBN (hyphens, ISBN-10 or 13), titles over 80 % alike."""

from __future__ import annotations

import pytest

from orcid_guide.bibtex.duplicates import (
    Publication,
    flag_all,
    normalize_doi,
    normalize_isbn,
    possible_duplicates,
    title_similarity,
)


@pytest.mark.parametrize(
    "written",
    [
        "10.5555/ABC.2023",
        "doi:10.5555/abc.2023",
        "DOI: 10.5555/abc.2023",
        "https://doi.org/10.5555/abc.2023",
        "http://dx.doi.org/10.5555/ABC.2023",
        "https://dx.doi.org/10.5555/abc.2023 ",
    ],
)
def test_every_written_form_of_a_doi_normalizes_alike(written: str) -> None:
    assert normalize_doi(written) == "10.5555/abc.2023"


def test_isbns_compare_without_hyphens_and_across_isbn10_and_13() -> None:
    assert normalize_isbn("978-3-031-20918-5") == "9783031209185"
    assert normalize_isbn("ISBN 978 3 031 20918 5") == "9783031209185"
    # The same book as ISBN-10 and ISBN-13 (ISO 2108 check digits).
    assert normalize_isbn("0-306-40615-2") == normalize_isbn("978-0-306-40615-7") == "9780306406157"
    assert normalize_isbn("0-8044-2957-x") == "9780804429573"
    assert normalize_isbn("") == ""


def test_a_same_doi_in_another_form_is_a_possible_duplicate() -> None:
    existing = [Publication("Something else entirely", doi="10.5555/x.1"), Publication("Other", doi="10.5555/y.2")]
    found = Publication("A title nobody has", doi="https://doi.org/10.5555/Y.2")
    assert [(d.existing, d.reason) for d in possible_duplicates(found, existing)] == [(1, "same DOI")]


def test_a_same_isbn_is_a_possible_duplicate() -> None:
    existing = [Publication("Environmental footprints of the Dutch economy", isbn="978-90-8728-412-1")]
    found = Publication("Footprints", isbn="9789087284121")
    assert [d.reason for d in possible_duplicates(found, existing)] == ["same ISBN"]


def test_titles_more_than_80_percent_alike_are_flagged_with_the_existing_title() -> None:
    existing = [Publication("Peat meadow restoration: lessons from 20 years of rewetting")]
    found = Publication("Peat meadow restoration: lessons from twenty years of rewetting")
    [duplicate] = possible_duplicates(found, existing)
    assert duplicate.reason.startswith("similar title: Peat meadow restoration: lessons from 20 years of rewetting (")
    # Case and punctuation do not count.
    assert title_similarity("Material Flow Analysis.", "material flow analysis") == 100.0


def test_titles_at_or_below_80_percent_and_different_ids_are_new() -> None:
    existing = [Publication("Water footprints of Dutch dairy farms", doi="10.5555/cml.2023.0905")]
    assert title_similarity("Water footprints of Belgian pig farms", existing[0].title) <= 80
    assert possible_duplicates(Publication("Water footprints of Belgian pig farms", doi="10.5555/z"), existing) == []
    # Missing identifiers and titles never match each other.
    assert possible_duplicates(Publication("?"), [Publication("")]) == []


def test_each_found_work_gets_its_own_flags_and_an_id_match_outranks_the_title() -> None:
    existing = [
        Publication("Material flow analysis", doi="10.5555/978-3-031-20918-5_4"),
        Publication("Dynamic stock modelling of building materials"),
    ]
    found = [
        Publication("Material flow analysis", doi="doi:10.5555/978-3-031-20918-5_4"),
        Publication("Dynamic stock modeling of building materials"),
        Publication("Something new"),
    ]
    flags = flag_all(found, existing)
    assert [[(d.existing, d.reason.split(":")[0]) for d in row] for row in flags] == [
        [(0, "same DOI")],
        [(1, "similar title")],
        [],
    ]
