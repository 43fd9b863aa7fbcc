"""The Leiden researchers, the editor and the research outputs a fresh mock LUCRIS starts with.

UUIDs are literal so BibTeX keys, URLs and screenshots stay the same from run to run. Eva de Vries has
enough outputs (27) that paging 10/50/100 matters; she is also a person in the ORCID emulator, but her
ORCID iD is not in LUCRIS yet: the "register your iD" tutorial adds it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

OutputType = Literal["article", "book", "chapter", "conference"]
WorkflowStep = Literal["entryInProgress", "forValidation", "validated"]
Visibility = Literal["Public", "Campus", "Backend", "Confidential"]
Role = Literal["researcher", "editor"]


@dataclass(frozen=True)
class DemoAccount:
    """A login printed by `orcid-guide sandbox` for trying the flows by hand."""

    name: str
    username: str
    password: str


@dataclass(frozen=True)
class FixturePerson:
    uuid: str
    first_name: str
    last_name: str
    username: str
    password: str
    role: Role
    orcid_id: str | None = None


@dataclass(frozen=True)
class FixtureContributor:
    first_name: str
    last_name: str
    # The LUCRIS account behind an internal author; external co-authors have none.
    username: str | None = None


@dataclass(frozen=True)
class FixtureOutput:
    uuid: str
    title: str
    type: OutputType
    year: int
    month: int | None
    day: int | None
    step: WorkflowStep
    visibility: Visibility
    contributors: tuple[FixtureContributor, ...]
    journal: str | None = None
    host_title: str | None = None
    doi: str | None = None
    isbn: str | None = None
    publisher: str | None = None
    volume: str | None = None
    number: str | None = None
    pages: str | None = None


PERSONS: tuple[FixturePerson, ...] = (
    FixturePerson("5efb3e7141030dfb7cc56dc2e2cf97c5", "Eva", "de Vries", "evries", "lucris-eva", "researcher"),
    FixturePerson("2808b44bd8e16472695d5016ac5f7c85", "Erik", "van der Horst", "ehorst", "lucris-erik", "researcher"),
    FixturePerson("e39098feea6026803f507f0a7256feef", "Sanne", "Bakker", "sbakker", "lucris-sanne", "researcher"),
    FixturePerson("d026e8e26af6c69f2a79a94c5c54e1e4", "Marieke", "Jansen", "mjansen", "lucris-editor", "editor"),
    FixturePerson("9b3c1f0e2d4a4b6c8e7f5a3d1c2b4e6f", "Thomas", "van Dijk", "tdijk", "lucris-thomas", "researcher"),
)

DEMO_ACCOUNTS: tuple[DemoAccount, ...] = tuple(
    DemoAccount(f"{p.first_name} {p.last_name}" + (" (editor)" if p.role == "editor" else ""), p.username, p.password)
    for p in PERSONS
)

EVA = FixtureContributor("Eva", "de Vries", "evries")
ERIK = FixtureContributor("Erik", "van der Horst", "ehorst")
SANNE = FixtureContributor("Sanne", "Bakker", "sbakker")


def _ext(first: str, last: str) -> FixtureContributor:
    return FixtureContributor(first, last)


# Kept as a compact table on purpose: one output per block reads better than one argument per line.
# fmt: off
OUTPUTS: tuple[FixtureOutput, ...] = (
    FixtureOutput(
        "7ebf8646a9f33f1b8764d9e076fb18ec",
        "Microplastics in Rhine sediments: a five-year survey",
        "article", 2026, 1, 15, "forValidation", "Public",
        (EVA, ERIK, _ext("Lotte", "ter Haar")),
        journal="Water Research", doi="10.5555/cml.2026.0115", volume="290", pages="112-124",
        publisher="Elsevier",
    ),
    FixtureOutput(
        "3683ccc6668947b1aea102683bb6d833",
        "Circular economy indicators for Dutch municipalities",
        "chapter", 2025, 11, 3, "forValidation", "Public",
        (EVA, _ext("Joost", "van den Berg")),
        host_title="Handbook of Circular Economy Metrics", publisher="Edward Elgar",
        isbn="978-1-80392-155-6", doi="10.5555/cml.2025.1103", pages="45-67",
    ),
    FixtureOutput(
        "5b335b28f194647d69865fe06eb9c811",
        "Tracing nitrogen flows in peri-urban agriculture",
        "conference", 2025, 9, 22, "forValidation", "Campus",
        (EVA, _ext("Femke", "Visser")),
        host_title="Proceedings of the 12th International Conference on Life Cycle Management",
        pages="201-208",
    ),
    FixtureOutput(
        "6743a82fe16d5c3dab3c88e9b512a4ad",
        "Soil carbon under rewetted peat meadows",
        "article", 2025, 6, 10, "entryInProgress", "Public",
        (EVA, _ext("Pieter", "de Wit")),
        journal="Geoderma", doi="10.5555/cml.2025.0610", volume="458", pages="117-129",
    ),
    FixtureOutput(
        "63a43581ed3dd44352ec336a7506fead",
        "Freshwater ecotoxicity of PFAS mixtures in the Meuse",
        "article", 2025, 3, None, "entryInProgress", "Confidential",
        (EVA,),
        journal="Chemosphere", doi="10.5555/cml.2025.0301", volume="371",
    ),
    FixtureOutput(
        "d0057dd21f764ac9babe0c679f7df00d",
        "Life-cycle assessment of Curaçao's drinking water supply",
        "article", 2024, 12, 2, "validated", "Public",
        (EVA, _ext("Daniel", "Martínez García")),
        journal="Journal of Cleaner Production", doi="10.5555/cml.2024.1202", volume="482", pages="1073-1089",
    ),
    FixtureOutput(
        "eb06b3cc98eb7910a704a0c8555ae395",
        "Nitrogen deposition and plant diversity in Dutch coastal dunes",
        "article", 2024, 10, None, "validated", "Public",
        (SANNE, EVA, _ext("Pieter", "de Wit")),
        journal="Ecological Indicators", doi="10.5555/cml.2024.1001", volume="167", pages="1-14",
    ),
    FixtureOutput(
        "21cd2f98e29a5cbd96c4c535dd7e5507",
        "Environmental footprints of the Dutch economy",
        "book", 2024, 6, None, "validated", "Public",
        (EVA, ERIK),
        publisher="Leiden University Press", isbn="978-90-8728-412-1", doi="10.5555/lup.2024.0412",
    ),
    FixtureOutput(
        "973024b4225a8bb9dc4a55a54d4065fa",
        "Microplastic & tyre-wear particles in urban stormwater",
        "article", 2024, 4, 18, "validated", "Public",
        (EVA, _ext("Lotte", "ter Haar"), _ext("Hendrik", "Mulder")),
        journal="Environmental Science & Technology", doi="10.5555/cml.2024.0418", volume="58",
        number="16", pages="7011-7020",
    ),
    FixtureOutput(
        "a184abb397201fbecd507df3af696cfd",
        "Uncertainty in characterisation factors for land use",
        "conference", 2023, 11, None, "validated", "Public",
        (EVA, _ext("Femke", "Visser")),
        host_title="Proceedings of the SETAC Europe 33rd Annual Meeting", doi="10.5555/setac.2023.117",
        pages="88-95",
    ),
    FixtureOutput(
        "26455fe20b9e56260ebb956aa7ef4aac",
        "Water footprints of Dutch dairy farms",
        "article", 2023, 9, None, "validated", "Public",
        (EVA, _ext("Anna", "de Jong")),
        journal="Journal of Industrial Ecology", doi="10.5555/cml.2023.0905", volume="27", number="5",
        pages="1301-1315",
    ),
    FixtureOutput(
        "ee7b34f1f3ef23871efe5332fc99eed9",
        "Material flow analysis",
        "chapter", 2023, 5, None, "validated", "Public",
        (EVA,),
        host_title="Methods in Industrial Ecology", publisher="Springer", isbn="978-3-031-20918-5",
        doi="10.5555/978-3-031-20918-5_4", pages="61-84",
    ),
    FixtureOutput(
        "3fa153b5d07add0053d0d58f80b237a2",
        "Regionalised impacts of phosphorus use in the Netherlands",
        "article", 2023, 2, None, "validated", "Public",
        (EVA, _ext("Joost", "van den Berg")),
        journal="Science of the Total Environment", doi="10.5555/cml.2023.0214", volume="862",
        pages="160-171",
    ),
    FixtureOutput(
        "a9ec456d48ac03b60005f92e125bbf43",
        "The carbon cost of data centres in the Amsterdam region",
        "article", 2022, 12, None, "validated", "Public",
        (EVA, ERIK),
        journal="Resources, Conservation and Recycling", doi="10.5555/cml.2022.1207", volume="187",
        pages="106-118",
    ),
    FixtureOutput(
        "029cbcc5154bb6ef2193da0b4b93b87a",
        "Heavy metals in allotment garden soils of Leiden",
        "article", 2022, 7, None, "validated", "Public",
        (EVA, _ext("Joost", "van den Berg"), _ext("Hendrik", "Mulder")),
        journal="Environmental Pollution", doi="10.5555/cml.2022.0712", volume="305", pages="119-127",
    ),
    FixtureOutput(
        "bfe5b4f9d47703a93e1f2cdaf7e2e8b7",
        "Dynamic stock modelling of building materials",
        "conference", 2022, 3, None, "validated", "Public",
        (EVA,),
        host_title="Proceedings of the ISIE Socio-Economic Metabolism Section Conference 2022",
        pages="14-21",
    ),
    FixtureOutput(
        "6ad3a5f1ce9ff65d4845474610f98451",
        "Plastic packaging recycling rates revisited",
        "article", 2021, 10, None, "validated", "Public",
        (EVA, _ext("Anna", "de Jong")),
        journal="Waste Management", doi="10.5555/cml.2021.1019", volume="135", pages="20-31",
    ),
    FixtureOutput(
        "dd9ea9a465e5ad11c8ceac04ce5d3457",
        "Ecosystem services of urban green roofs",
        "chapter", 2021, 4, None, "validated", "Public",
        (EVA, SANNE),
        host_title="Urban Ecology in the Low Countries", publisher="Amsterdam University Press",
        isbn="978-94-6372-118-9", pages="133-150",
    ),
    FixtureOutput(
        "c46888d37bb0715440b2471f5c180b7b",
        "Pesticide runoff in bulb-growing regions",
        "article", 2020, 11, None, "validated", "Public",
        (EVA, _ext("Femke", "Visser")),
        journal="Chemosphere", doi="10.5555/cml.2020.1103", volume="259", pages="127-139",
    ),
    FixtureOutput(
        "3841dfbca3f13e304c5c543bc0e83b63",
        "Industrial ecology: a Dutch perspective",
        "book", 2020, 5, None, "validated", "Public",
        (EVA,),
        publisher="Eburon Academic Publishers", isbn="978-90-5972-981-0",
    ),
    FixtureOutput(
        "15146b9250d9b38838a6fefa93c77ed6",
        "A consequential LCA of Dutch offshore wind",
        "article", 2019, 9, None, "validated", "Public",
        (EVA, ERIK),
        journal="Energy Policy", doi="10.5555/cml.2019.0918", volume="132", pages="745-756",
    ),
    FixtureOutput(
        "8fee406f5af3bdd8826b1bf7bcdc3af4",
        "Nutrient recovery from wastewater: a review",
        "article", 2019, 2, None, "validated", "Public",
        (EVA, _ext("Lotte", "ter Haar")),
        journal="Water Research", doi="10.5555/cml.2019.0204", volume="151", pages="1-19",
    ),
    FixtureOutput(
        "a4ea508e4a1f368ac4c7fd1e53c0379c",
        "Indicators for resource efficiency in European cities",
        "conference", 2018, 6, None, "validated", "Public",
        (EVA,),
        host_title="Proceedings of the 2018 Conference on Urban Metabolism", doi="10.5555/um.2018.033",
        pages="33-40",
    ),
    FixtureOutput(
        "09b5250d9778c9e2c3449d51c2c0d92d",
        "Ammonia emissions from dairy housing systems",
        "article", 2017, 10, None, "validated", "Public",
        (EVA, _ext("Anna", "de Jong")),
        journal="Atmospheric Environment", doi="10.5555/cml.2017.1010", volume="167", pages="210-221",
    ),
    FixtureOutput(
        "acbe86f0f7a1d0e66714db01f21a12f3",
        "Life cycle thinking in environmental policy",
        "chapter", 2016, 3, None, "validated", "Public",
        (EVA,),
        host_title="Environmental Policy in the Netherlands", publisher="Leiden University Press",
        isbn="978-90-8728-233-2", pages="89-104",
    ),
    FixtureOutput(
        "7a295cac7faaa411e88956e4bbda51b5",
        "Cadmium in Dutch agricultural soils: a mass balance",
        "article", 2015, 1, None, "validated", "Public",
        (EVA, _ext("Joost", "van den Berg")),
        journal="Science of the Total Environment", doi="10.5555/cml.2015.0108", volume="502", pages="9-18",
    ),
    FixtureOutput(
        "ce0bd32f3ceedae819b674cd7583edc0",
        "Sediment transport in the Wadden Sea",
        "article", 2024, 2, None, "validated", "Public",
        (ERIK, _ext("Anna", "de Jong")),
        journal="Estuarine, Coastal and Shelf Science", doi="10.5555/cml.2024.0211", volume="297",
        pages="108-119",
    ),
    FixtureOutput(
        "a12cd191d7d7b384cc1ae6bd60a21a66",
        "Tidal flat erosion under sea-level rise",
        "article", 2025, 5, None, "forValidation", "Public",
        (ERIK,),
        journal="Geomorphology", doi="10.5555/cml.2025.0520", volume="476",
    ),
    FixtureOutput(
        "26711667f740a6ebf1243d2456b52814",
        "Pollinator decline on Dutch road verges",
        "article", 2023, 8, None, "validated", "Public",
        (SANNE, _ext("Pieter", "de Wit")),
        journal="Journal of Applied Ecology", doi="10.5555/cml.2023.0815", volume="60", pages="1544-1556",
    ),
)
# fmt: on


# Thomas van Dijk's 124 outputs, generated: more than 100, so that selecting all of them for an export takes
# two pages of 100, as the seed page warns. Derived from the index only, so every run seeds the same records.
_THOMAS = FixtureContributor("Thomas", "van Dijk", "tdijk")
_TOPICS = (
    "groundwater recharge",
    "coastal dune vegetation",
    "urban heat islands",
    "peat soil subsidence",
    "river floodplain restoration",
    "salt intrusion in polders",
    "microplastic transport",
    "nitrogen emissions from livestock",
)
_ANGLES = ("Modelling", "Measuring", "Long-term trends in", "Uncertainty in", "A review of", "Policy options for")
_COAUTHORS = (
    _ext("Lotte", "ter Haar"),
    _ext("Daniel", "Martínez García"),
    _ext("Søren", "Ødegård"),
    _ext("Joost", "van den Berg"),
    _ext("Chloé", "Lefèvre"),
)
_JOURNALS = ("Journal of Hydrology", "Water Resources Research", "Science of the Total Environment")


def _thomas_output(n: int) -> FixtureOutput:
    kind: OutputType = ("article", "article", "article", "chapter", "conference")[n % 5]
    year = 2025 - n // 5
    title = f"{_ANGLES[n % len(_ANGLES)]} {_TOPICS[n % len(_TOPICS)]}: case {n + 1}"
    pages = f"{10 + n}-{24 + n}"
    common = {"pages": pages, "doi": f"10.5555/tvd.{year}.{n + 1:03d}"}
    extra: dict[str, str] = (
        {"journal": _JOURNALS[n % len(_JOURNALS)], "volume": str(400 + n), "publisher": "Elsevier"}
        if kind == "article"
        else {"host_title": f"Proceedings of the Delta Water Symposium {year}"}
        if kind == "conference"
        else {"host_title": "Water in the Low Countries", "publisher": "Springer", "isbn": "978-3-030-11111-1"}
    )
    return FixtureOutput(
        uuid=hashlib.md5(f"tdijk-output-{n}".encode(), usedforsecurity=False).hexdigest(),
        title=title,
        type=kind,
        year=year,
        month=n % 12 + 1,
        day=n % 28 + 1 if n % 3 == 0 else None,
        step="validated",
        visibility="Public",
        contributors=(_THOMAS, _COAUTHORS[n % len(_COAUTHORS)]),
        **common,
        **extra,
    )


OUTPUTS += tuple(_thomas_output(n) for n in range(124))

# The journals' ISSNs, which LUCRIS keeps on its journal records rather than on each article.
JOURNAL_ISSNS: dict[str, str] = {
    "Atmospheric Environment": "1352-2310",
    "Chemosphere": "0045-6535",
    "Ecological Indicators": "1470-160X",
    "Energy Policy": "0301-4215",
    "Environmental Pollution": "0269-7491",
    "Environmental Science & Technology": "0013-936X",
    "Estuarine, Coastal and Shelf Science": "0272-7714",
    "Geoderma": "0016-7061",
    "Geomorphology": "0169-555X",
    "Journal of Applied Ecology": "0021-8901",
    "Journal of Cleaner Production": "0959-6526",
    "Journal of Hydrology": "0022-1694",
    "Journal of Industrial Ecology": "1088-1980",
    "Resources, Conservation and Recycling": "0921-3449",
    "Science of the Total Environment": "0048-9697",
    "Waste Management": "0956-053X",
    "Water Research": "0043-1354",
    "Water Resources Research": "0043-1397",
}
# --- The seed's "Import from ORCID" example (tutorial import_orcid_works_into_lucris) ---------------------------
# Eva's ORCID record has "Peat meadow restoration: lessons from twenty years of rewetting"; LUCRIS holds it under a
# slightly different title and without its DOI, so only the title (more than 80 % alike) flags it. Her chapter
# "Material flow analysis" above is the other possible duplicate, by DOI.
IMPORT_EXAMPLE_OUTPUTS: tuple[FixtureOutput, ...] = (
    FixtureOutput(
        "4c1d9e0b7a2f4e6d8b3a5c7e9f1d2b4a",
        "Peat meadow restoration: lessons from 20 years of rewetting",
        "conference",
        2019,
        None,
        None,
        "validated",
        "Public",
        (EVA,),
        host_title="Proceedings of the European Wetlands Conference",
        pages="55-62",
    ),
)
OUTPUTS = (*OUTPUTS, *IMPORT_EXAMPLE_OUTPUTS)
