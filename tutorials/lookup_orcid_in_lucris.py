"""Register your ORCID iD in LUCRIS with "Lookup ORCID": find your record by name, check it, connect it."""

from __future__ import annotations

from _lucris import open_research_profile
from orcid_guide.engine.elements import button, field, row
from orcid_guide.engine.steps import Step, Tutorial

EVA = "0000-0001-8204-5170"  # Eva de Vries of Leiden, the researcher of the LUCRIS tutorials
# The emulator also holds a namesake in Groningen (0000-0003-1906-2239): Lookup ORCID lists both, Leiden's first.
HER_ROW = row(EVA)


TUTORIAL = Tutorial(
    prepare=open_research_profile,
    steps=(
        Step(
            "lookup",
            en="Under **Research identifiers**, click **Lookup ORCID**.",
            nl="Klik onder **Research identifiers** op **Lookup ORCID**.",
            target=button(),
        ),
        Step(
            "show",
            en="LUCRIS asks ORCID for records with your name and lists them. Other researchers can have the same name: "
            "here two records are called Eva de Vries. Tell them apart by the **Institution** column (yours says "
            "Leiden University) and by the iD, if you know it. Click **Show** next to the one you think is yours, "
            "to see its details.",
            nl="LUCRIS zoekt bij ORCID naar records met uw naam en toont die in een lijst. Andere onderzoekers kunnen "
            "dezelfde naam hebben: hier heten twee records Eva de Vries. U herkent het uwe aan de kolom "
            "**Institution** (bij u staat daar Leiden University) en aan het iD, als u dat weet. Klik op **Show** "
            "bij het record dat volgens u van u is, om de gegevens te bekijken.",
            target=button(within=HER_ROW),
        ),
        Step(
            "confirm",
            en="Check the name, the institution and the public works that ORCID shows: are these your publications? "
            "If so, click the plus icon (**+**) in its row to confirm and connect the iD to your LUCRIS account. If "
            "not, click **Show** next to the other record, and never connect a record only because the name matches.",
            nl="Controleer de naam, de instelling en de openbare publicaties die ORCID toont: zijn dit uw publicaties? "
            "Zo ja, klik dan op het plus-icoontje (**+**) in die rij om te bevestigen; uw iD wordt dan aan uw "
            "LUCRIS-account gekoppeld. Zo niet, klik dan op **Show** bij het andere record. Koppel nooit een record "
            "alleen omdat de naam klopt.",
            target=button("+", within=HER_ROW),
        ),
        Step(
            "connected",
            en="Your iD now shows under **Research identifiers**.",
            nl="Uw iD staat nu onder **Research identifiers**.",
            target=field("ORCID"),
            click=False,
        ),
    ),
)
