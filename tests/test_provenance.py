"""Every label a tutorial quotes has a recorded source (provenance/*.toml), and every record is quoted somewhere."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from orcid_guide.provenance.record import Label, Quote, Site, load_record, problems, quotes_by_step

ROOT = Path(__file__).resolve().parents[1]
# Copies of the two seed pages the guide grows from; the LUCRIS labels' provenance quotes them.
SEEDS = ROOT / "tests" / "data" / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def record() -> dict[str, Site]:
    return load_record(ROOT / "provenance")


@pytest.fixture(scope="module")
def quotes() -> dict[str, list[Quote]]:
    return quotes_by_step(ROOT / "tutorials", ROOT / "docs")


def _without(record: dict[str, Site], site: str, text: str, screen: str) -> dict[str, Site]:
    kept = tuple(label for label in record[site].labels if (label.text, label.screen) != (text, screen))
    assert len(kept) == len(record[site].labels) - 1
    return {**record, site: dataclasses.replace(record[site], labels=kept)}


def test_every_quoted_label_has_provenance_and_every_entry_is_quoted(
    record: dict[str, Site], quotes: dict[str, list[Quote]]
) -> None:
    found = problems(record, quotes)
    assert found == [], "\n\n".join(found)


def test_the_orcid_record_names_the_commit_it_was_checked_at(record: dict[str, Site]) -> None:
    assert re.fullmatch(r"[0-9a-f]{40}", record["orcid"].commit)
    assert record["orcid"].commit.startswith("ba5e0735")


def test_a_quoted_label_without_an_entry_fails_saying_what_to_add(
    record: dict[str, Site], quotes: dict[str, list[Quote]]
) -> None:
    found = problems(_without(record, "orcid", "Search & Link", "Record: Works"), quotes)
    assert len(found) == 2  # both steps that quote it
    assert found[0].startswith(
        'The label "Search & Link" quoted in step 1 (search-and-link) of auto_update_from_crossref_and_datacite '
        "has no provenance: add to provenance/orcid.toml:\n"
        '[[label]]\nscreen = "Record: Works"\ntext = "Search & Link"\nfile = "src/app/…"'
    )


def test_a_lucris_label_without_an_entry_asks_for_its_source(
    record: dict[str, Site], quotes: dict[str, list[Quote]]
) -> None:
    found = problems(_without(record, "lucris", "Lookup ORCID", "Personal preferences: Research Profile"), quotes)
    # One sentence per step that quotes it: the lookup tutorial and the end of making your name public.
    assert [problem.split(" has no provenance")[0] for problem in found] == [
        'The label "Lookup ORCID" quoted in step 1 (lookup) of lookup_orcid_in_lucris',
        'The label "Lookup ORCID" quoted in step 5 (found) of make_name_public_on_orcid',
    ]
    assert all("add to provenance/lucris.toml:" in problem for problem in found)
    assert all('text = "Lookup ORCID"\nsource = "…"' in problem for problem in found)


def test_an_entry_that_no_step_quotes_fails(record: dict[str, Site], quotes: dict[str, list[Quote]]) -> None:
    extra = Label("orcid", "Record: Works", "Add works", file="src/app/x.component.html", i18n=("x",))
    changed = {**record, "orcid": dataclasses.replace(record["orcid"], labels=(*record["orcid"].labels, extra))}
    assert problems(changed, quotes) == [
        'The label "Add works" on the screen "Record: Works" of provenance/orcid.toml is quoted by no step on '
        "that screen: remove the entry."
    ]


def test_a_step_on_no_screen_fails_saying_where_to_add_it(
    record: dict[str, Site], quotes: dict[str, list[Quote]]
) -> None:
    screens = tuple(
        dataclasses.replace(screen, steps=tuple(step for step in screen.steps if step != "create_orcid_id/sign-out"))
        for screen in record["orcid"].screens
    )
    changed = {**record, "orcid": dataclasses.replace(record["orcid"], screens=screens)}
    found = problems(changed, quotes)
    assert found[0].startswith('The step create_orcid_id/sign-out is on no screen of provenance/*.toml: add "create')
    # Its label is left without a step on its screen, so the record says that too.
    assert found[1:] == [
        'The label "Logout" on the screen "User menu" of provenance/orcid.toml is quoted by no step on that screen: '
        "remove the entry."
    ]


def test_lucris_quotes_hold_their_labels_and_unconfirmed_ones_say_why(record: dict[str, Site]) -> None:
    for label in record["lucris"].labels:
        if label.confirmed:
            assert label.source.startswith("seeds/") and label.text in label.quote, label
        else:
            assert label.note and not label.source, label


def test_lucris_quotes_are_the_seed_pages_own_sentences(record: dict[str, Site]) -> None:
    pages = {f"seeds/{path.name}": " ".join(path.read_text(encoding="utf-8").split()) for path in SEEDS.glob("*.txt")}
    missing = [
        label.text
        for label in record["lucris"].labels
        if label.confirmed and label.quote not in pages.get(label.source, "")
    ]
    assert missing == []


@pytest.mark.parametrize("name", sorted(path.name for path in SEEDS.glob("*.txt")))
def test_the_seed_copies_are_the_shared_seed_pages(name: str) -> None:
    if not (SHARED_SEEDS / name).is_file():
        pytest.skip("the project's shared seed pages are not beside this checkout")
    assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), f"tests/data/seeds/{name} is out of date"
