"""The DOI metadata each registry starts with: works by the demo researchers and by their namesakes.

DOIs use the registries' test prefixes (Crossref 10.5555, DataCite 10.5072). Contributors carry an iD only
where the publisher or repository deposited one, as in the real registries: older deposits often have none.
"""

from __future__ import annotations

from dataclasses import dataclass

# The demo researchers' iDs, as publishers deposit them (the same people have accounts on the ORCID emulator).
EVA = "0000-0001-8204-5170"
DAAN = "0000-0002-7716-042X"
CARBERRY = "0000-0002-1825-0097"
# A chemist in Groningen who happens to be called Eva de Vries too (no account on the emulator).
OTHER_EVA = "0000-0002-3456-7895"


@dataclass(frozen=True)
class Contributor:
    given: str
    family: str
    orcid: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}".strip()


@dataclass(frozen=True)
class DoiRecord:
    doi: str
    title: str
    # ORCID's work type words: journal-article, book-chapter, data-set, software.
    type: str
    # The journal, book or repository the work appeared in.
    container: str
    publisher: str
    year: int
    contributors: tuple[Contributor, ...]
    month: int | None = None
    day: int | None = None


CROSSREF_RECORDS: tuple[DoiRecord, ...] = (
    DoiRecord(
        "10.5555/wetl.2024.0312",
        "Greenhouse gas fluxes after rewetting a Dutch peat meadow: a field experiment",
        "journal-article",
        "Wetlands Ecology and Management",
        "Springer Nature",
        2024,
        (Contributor("Eva", "de Vries", EVA), Contributor("Pieter", "Bakker")),
        month=3,
        day=12,
    ),
    DoiRecord(
        "10.5555/lowc.2022.ch07",
        "Soil biodiversity in the fen landscapes of Holland",
        "book-chapter",
        "Wetlands of the Low Countries",
        "Leiden University Press",
        2022,
        (Contributor("E.", "de Vries"),),
    ),
    DoiRecord(
        "10.5555/jcat.2023.1187",
        "Selective hydrogenation over nickel phosphide catalysts",
        "journal-article",
        "Journal of Catalysis",
        "Elsevier",
        2023,
        (Contributor("Eva", "de Vries", OTHER_EVA), Contributor("Jan", "Mulder")),
        month=11,
    ),
    DoiRecord(
        "10.5555/ntvg.2021.4410",
        "Hip fractures in older adults: outcomes after one year",
        "journal-article",
        "Nederlands Tijdschrift voor Geneeskunde",
        "Bohn Stafleu van Loghum",
        2021,
        (Contributor("Els", "de Vries"), Contributor("Mark", "Smit")),
    ),
    DoiRecord(
        "10.5555/ljil.2023.0056",
        "Treaties and trading companies in the seventeenth century",
        "journal-article",
        "Leiden Journal of International Law",
        "Cambridge University Press",
        2023,
        (Contributor("Daan", "Visser", DAAN),),
    ),
    DoiRecord(
        "10.5555/psyc.2019.0001",
        "The ceramic uncertainty principle revisited",
        "journal-article",
        "Journal of Psychoceramics",
        "Crossref Test Publisher",
        2019,
        (Contributor("Josiah", "Carberry", CARBERRY),),
    ),
)

DATACITE_RECORDS: tuple[DoiRecord, ...] = (
    DoiRecord(
        "10.5072/dans-peat-16s-2023",
        "Soil microbial community sequences from Dutch peat meadows, 2019-2022",
        "data-set",
        "DANS Data Station Life Sciences",
        "DANS",
        2023,
        (Contributor("Eva", "de Vries", EVA), Contributor("Daan", "Visser", DAAN)),
        month=4,
    ),
    DoiRecord(
        "10.5072/zenodo.peatflux.1-2",
        "peatflux: R tools for closed-chamber greenhouse gas flux measurements",
        "software",
        "Zenodo",
        "Zenodo",
        2024,
        (Contributor("Eva", "de Vries", EVA),),
        month=1,
    ),
    DoiRecord(
        "10.5072/dans-household-energy-2020",
        "Household energy use survey, the Netherlands 2020",
        "data-set",
        "DANS Data Station Social Sciences and Humanities",
        "DANS",
        2020,
        (Contributor("Eva", "de Vries"), Contributor("Lotte", "Jansen")),
    ),
    DoiRecord(
        "10.5072/4tu.catalysis-xrd-2023",
        "X-ray diffraction patterns of nickel phosphide catalysts",
        "data-set",
        "4TU.ResearchData",
        "4TU.ResearchData",
        2023,
        (Contributor("Eva", "de Vries", OTHER_EVA),),
    ),
)


def records(kind: str) -> tuple[DoiRecord, ...]:
    return CROSSREF_RECORDS if kind == "crossref" else DATACITE_RECORDS
