"""Make your name public on ORCID, so that LUCRIS's "Lookup ORCID" finds you: the pencil next to Names opens the
Names dialog, whose "Who can see your names" selector is set to "Everyone" and saved with "Save changes"."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from _lucris import open_research_profile
from _orcid import sign_in_to_orcid
from orcid_guide.engine.actions import needs_env, perform
from orcid_guide.engine.elements import row
from orcid_guide.engine.env import Env
from orcid_guide.engine.steps import Step, Tutorial

NAMES_BUTTON = "Your names visibility is currently set to"
EVA = "0000-0001-8204-5170"  # Eva de Vries of Leiden, the researcher of the tutorials


def pencil(page: Page) -> Locator:
    """The Names panel's edit button (ORCID's edit-button-aria-label pipe names it "Manage your names")."""
    return page.get_by_role("region", name="Names").get_by_role("button", name="Manage your names")


def names_dialog(page: Page) -> Locator:
    return page.get_by_role("dialog", name="Manage your names dialog")


def names_visibility_button(page: Page) -> Locator:
    return names_dialog(page).get_by_role("button", name=NAMES_BUTTON)


def names_option(page: Page, level: str) -> Locator:
    return names_dialog(page).get_by_role("menuitem", name=f"Set other names visibility to {level}")


def save_button(page: Page) -> Locator:
    return names_dialog(page).get_by_role("button", name="Save changes to Names")


@needs_env
def name_kept_private(page: Page, env: Env) -> None:
    """Eva is signed in to ORCID and her names are visible to her only, so Lookup ORCID cannot find her yet."""
    sign_in_to_orcid(page, env)
    pencil(page).click()
    names_visibility_button(page).click()
    names_option(page, "Only Me").click()
    save_button(page).click()
    expect(page.get_by_role("img", name="visibility is currently set to Only me")).to_be_visible()


@needs_env
def lookup_in_lucris(page: Page, env: Env) -> None:
    # ORCID saved the dialog and closed it; the reader then looks herself up from LUCRIS.
    expect(names_dialog(page)).to_be_hidden()
    perform(open_research_profile, page, env)
    page.get_by_role("button", name="Lookup ORCID").click()


TUTORIAL = Tutorial(
    prepare=name_kept_private,
    steps=(
        Step(
            "names",
            en="Sign in to ORCID. On your record, click the pencil icon next to **Names**.",
            nl="Log in bij ORCID. Klik in uw record op het potloodje naast **Names**.",
            target=pencil,
        ),
        Step(
            "who-can-see",
            en="The **Names** window opens. Under **Who can see your names**, a button shows who can see your given, "
            "family and published names now: here **Only me**. Click it.",
            nl="Het venster **Names** gaat open. Onder **Who can see your names** staat een knop die laat zien wie "
            "uw voornamen, achternaam en publicatienaam nu kan zien: hier **Only me** (alleen uzelf). Klik op die "
            "knop.",
            target=names_visibility_button,
        ),
        Step(
            "everyone",
            en="Choose **Everyone**, the green option: then everyone can see your name, and systems such as LUCRIS can "
            "find your record by it.",
            nl="Kies **Everyone** (iedereen), de groene optie: dan kan iedereen uw naam zien, en kunnen systemen als "
            "LUCRIS uw record daarop vinden.",
            target=lambda page: names_option(page, "Everyone"),
        ),
        Step(
            "save",
            en="The button now reads **Everyone**, but nothing is saved yet. Click **Save changes** to save it.",
            nl="Op de knop staat nu **Everyone**, maar er is nog niets opgeslagen. Klik op **Save changes** om uw "
            "keuze op te slaan.",
            target=save_button,
        ),
        Step(
            "found",
            en="Now LUCRIS can find you: on your research profile in LUCRIS, **Lookup ORCID** lists your record. How "
            "to connect it is explained under "
            "[Or let LUCRIS look it up](register-orcid-in-lucris.md#or-let-lucris-look-it-up).",
            nl="Nu kan LUCRIS u vinden: op uw onderzoeksprofiel in LUCRIS toont **Lookup ORCID** uw record. Hoe u het "
            "koppelt, leest u onder "
            "[Of laat LUCRIS het opzoeken](register-orcid-in-lucris.md#or-let-lucris-look-it-up).",
            act=lookup_in_lucris,
            target=row(EVA),
            click=False,
        ),
    ),
)
