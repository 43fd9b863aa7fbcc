"""Register your ORCID iD in LUCRIS with "Lookup ORCID": find your record by name, check it, connect it."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from _lucris import open_research_profile
from orcid_guide.engine.steps import Step, Tutorial

EVA = "0000-0001-8204-5170"  # Eva de Vries, the researcher of the LUCRIS tutorials


def her_row(page: Page) -> Locator:
    return page.get_by_role("row").filter(has_text=EVA)


TUTORIAL = Tutorial(
    name="lookup_orcid_in_lucris",
    prepare=open_research_profile,
    steps=(
        Step(
            "lookup",
            "Under **Research identifiers**, click **Lookup ORCID**.",
            "Klik onder **Research identifiers** op **Lookup ORCID**.",
            target=lambda page: page.get_by_role("button", name="Lookup ORCID"),
        ),
        Step(
            "show",
            "LUCRIS asks ORCID for records with your name and lists them. Click **Show** next to the one you think "
            "is yours, to see its details.",
            "LUCRIS zoekt bij ORCID naar records met uw naam en toont die in een lijst. Klik op **Show** bij het "
            "record dat volgens u van u is, om de gegevens te bekijken.",
            target=lambda page: her_row(page).get_by_role("button", name="Show"),
        ),
        Step(
            "confirm",
            "Check the name and the public works that ORCID shows. If it is your record, click the plus icon "
            "(**+**) in its row to confirm and connect the iD to your LUCRIS account.",
            "Controleer de naam en de openbare publicaties die ORCID toont. Is het uw record, klik dan op het "
            "plus-icoontje (**+**) in die rij om te bevestigen; uw iD wordt dan aan uw LUCRIS-account gekoppeld.",
            target=lambda page: her_row(page).get_by_role("button", name="+", exact=True),
        ),
        Step(
            "connected",
            "Your iD now shows under **Research identifiers**.",
            "Uw iD staat nu onder **Research identifiers**.",
            target=lambda page: page.get_by_label("ORCID", exact=True),
            click=False,
        ),
    ),
)
