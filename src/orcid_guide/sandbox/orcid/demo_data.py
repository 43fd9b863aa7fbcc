"""The people every fresh emulator database starts with, and their works.

Josiah Carberry is ORCID's own test researcher (his iD is the one in ORCID's documentation); he starts with an
empty Works list so the tutorials can fill it. The two Leiden researchers have public works for the LUCRIS
lookup and import flows to find, plus one limited and one private work that those flows must not see. A second
Eva de Vries, in Groningen, is the namesake Lookup ORCID lists beside the Leiden one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from orcid_guide.orcid_id import format_id
from orcid_guide.sandbox.orcid.accounts import Employment, NewAccount, create_account, find_by_orcid
from orcid_guide.sandbox.orcid.works_store import NewExternalId, NewWork, Source, add_work

# Demo passwords are printed by `orcid-guide sandbox`; a cheap hash is enough for them and keeps start-up fast.
DEMO_HASH_METHOD = "pbkdf2:sha256:1000"


@dataclass(frozen=True)
class DemoAccount:
    name: str
    email: str
    orcid: str
    password: str


CARBERRY = DemoAccount("Josiah Carberry", "j.carberry@orcid.example", "0000-0002-1825-0097", "Psychoceramics1")
# iDs from ORCID's first issued block (0000-0001-5000-0007 …), so they cannot collide with new registrations.
EVA = DemoAccount("Eva de Vries", "e.de.vries@leiden.example", format_id(18_204_517), "Leiden-peat-2024")
DAAN = DemoAccount("Daan Visser", "d.visser@leiden.example", format_id(27_716_042), "Leiden-law-2024")
# Another researcher of the same name, with a public name and no tie to Leiden: LUCRIS's Lookup ORCID lists both
# Evas, so the guide's warning about namesakes is practised (her institution and works tell them apart).
EVA_NAMESAKE = DemoAccount(
    "Eva de Vries", "eva.devries@groningen.example", format_id(31_906_223), "Groningen-birds-2024"
)

DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (CARBERRY, EVA, DAAN, EVA_NAMESAKE)

# A public employment lets LUCRIS's Lookup ORCID show an institution (expanded-search's institution-name).
_EMPLOYMENTS = {
    EVA.orcid: Employment("Leiden University", "Institute of Environmental Sciences", "Assistant Professor", 2019, 9),
    EVA_NAMESAKE.orcid: Employment(
        "University of Groningen",
        "Groningen Institute for Evolutionary Life Sciences",
        "Postdoctoral Researcher",
        2021,
        2,
    ),
}

_NAMES = {
    CARBERRY.orcid: ("Josiah", "Carberry"),
    EVA.orcid: ("Eva", "de Vries"),
    DAAN.orcid: ("Daan", "Visser"),
    EVA_NAMESAKE.orcid: ("Eva", "de Vries"),
}


def _doi(value: str) -> tuple[NewExternalId, ...]:
    return (NewExternalId("doi", value, f"https://doi.org/{value}"),)


DEMO_WORKS: dict[str, tuple[NewWork, ...]] = {
    EVA.orcid: (
        NewWork(
            "Seasonal dynamics of soil microbial communities in Dutch peat meadows",
            "journal-article",
            "public",
            journal_title="Soil Biology and Biochemistry",
            year=2023,
            month=4,
            day=12,
            external_ids=_doi("10.5555/leiden.peat.2023"),
            contributors=("Eva de Vries", "Daan Visser"),
        ),
        NewWork(
            "Citizen science monitoring of urban pollinators in Leiden",
            "journal-article",
            "public",
            journal_title="Urban Ecosystems",
            year=2021,
            month=9,
            external_ids=_doi("10.5555/leiden.pollinators.2021"),
            contributors=("Eva de Vries",),
        ),
        NewWork(
            "Peat meadow restoration: lessons from twenty years of rewetting",
            "conference-paper",
            "public",
            journal_title="Proceedings of the European Wetlands Conference",
            year=2019,
            external_ids=_doi("10.5555/leiden.rewetting.2019"),
            contributors=("Eva de Vries",),
        ),
        NewWork(
            "Protocol for long-term peat soil sampling (draft)",
            "report",
            "limited",
            year=2024,
            month=2,
            contributors=("Eva de Vries",),
        ),
        NewWork(
            "Field notes, Nieuwkoopse Plassen 2022",
            "other",
            "private",
            year=2022,
        ),
    ),
    EVA_NAMESAKE.orcid: (
        NewWork(
            "Foraging of Eurasian oystercatchers on Wadden Sea mudflats",
            "journal-article",
            "public",
            journal_title="Journal of Avian Biology",
            year=2022,
            month=11,
            external_ids=_doi("10.5555/groningen.oystercatchers.2022"),
            contributors=("Eva de Vries",),
        ),
    ),
    DAAN.orcid: (
        NewWork(
            "Legal pluralism in early modern Dutch trading posts",
            "journal-article",
            "public",
            journal_title="Leiden Journal of International Law",
            year=2022,
            month=6,
            external_ids=_doi("10.5555/leiden.pluralism.2022"),
            contributors=("Daan Visser",),
        ),
        NewWork(
            "Contracts and courts in the Dutch Republic",
            "book-chapter",
            "public",
            journal_title="Law and Trade in the Early Modern World",
            year=2020,
            external_ids=_doi("10.5555/leiden.contracts.2020"),
            contributors=("Daan Visser",),
        ),
    ),
}


# --- The seed's "Import from ORCID" example (tutorial import_orcid_works_into_lucris) ---------------------------
# With this chapter Eva has four public works, as in the seed: LUCRIS holds this chapter already (same DOI) and the
# conference paper above under a slightly different title; the two articles are new to LUCRIS.
IMPORT_EXAMPLE_WORKS: tuple[NewWork, ...] = (
    NewWork(
        "Material flow analysis",
        "book-chapter",
        "public",
        journal_title="Methods in Industrial Ecology",
        year=2023,
        month=5,
        external_ids=(
            *_doi("10.5555/978-3-031-20918-5_4"),
            NewExternalId("isbn", "978-3-031-20918-5", relationship="part-of"),
        ),
        contributors=("Eva de Vries",),
    ),
)
DEMO_WORKS[EVA.orcid] = (*DEMO_WORKS[EVA.orcid], *IMPORT_EXAMPLE_WORKS)


def seed_demo_data(db: sqlite3.Connection, *, now_ms: int) -> None:
    """Add the demo people and works unless they are there already (a database can be reopened)."""
    for demo in DEMO_ACCOUNTS:
        if find_by_orcid(db, demo.orcid) is not None:
            continue
        given, family = _NAMES[demo.orcid]
        create_account(
            db,
            NewAccount(
                given_names=given,
                family_names=family,
                primary_email=demo.email,
                password=demo.password,
                default_visibility="public",
                orcid=demo.orcid,
                hash_method=DEMO_HASH_METHOD,
                employment=_EMPLOYMENTS.get(demo.orcid),
            ),
            now_ms=now_ms,
            fixed_ids=True,
        )
        source = Source(name=demo.name, orcid=demo.orcid)
        for work in DEMO_WORKS.get(demo.orcid, ()):
            add_work(db, demo.orcid, work, source, now_ms=now_ms)
