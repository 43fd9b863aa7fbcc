"""Decide who can see what: a work set to "Only me" is not found by LUCRIS's import, "Everyone" brings it back;
the default visibility for new items."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from _lucris_import import search_orcid, with_orcid_id_on_profile
from _orcid import open_user_menu, sign_in_to_orcid
from orcid_guide.engine.actions import click, goto, needs_env
from orcid_guide.engine.elements import button, heading, menu_item, radio
from orcid_guide.engine.env import Env
from orcid_guide.engine.steps import Section, Step, Tutorial

WORK = "Material flow analysis"  # Eva's book chapter, public on ORCID
# The work's visibility control: a menu button named after the work and its current level.
VISIBILITY_BUTTON = button(f"{WORK} visibility is currently set to", exact=False)
# The default visibility's option, named with the share of users who choose it.
EVERYONE_DEFAULT = radio("Everyone (87% of users choose this)")
BACK_TO_ORCID = goto("orcid", "/my-orcid")


@needs_env
def starting_point(page: Page, env: Env) -> None:
    """Eva's iD is on her LUCRIS profile, her default for new items is "Only me", and she is on her record."""
    with_orcid_id_on_profile(page, env)
    sign_in_to_orcid(page, env)
    page.goto(env.url("orcid", "/account#visibility"))
    with page.expect_navigation():
        page.get_by_role("radio", name="Only me (8% of users choose this)").click()
    page.goto(env.url("orcid", "/my-orcid"))


search_in_lucris = (*search_orcid, click(button("Search")))


def saved_default(page: Page) -> None:
    # Choosing an option reloads Account settings with the Visibility panel open; no message follows.
    page.wait_for_url("**/account#visibility")


def found_list(page: Page) -> Locator:
    return page.locator(".found-works")


TUTORIAL = Tutorial(
    prepare=starting_point,
    # The demonstration undoes itself (the work is public again at its end), so a reader may skip it.
    sections=(
        Section(
            "only-me",
            "hide-a-work",
            en="Hide a work, and see that LUCRIS no longer finds it",
            nl="Een publicatie verbergen en zien dat LUCRIS haar niet meer vindt",
            optional=True,
            about={
                "en": "These steps only show what a visibility setting does: they hide one of your works and then "
                "make it public again. Skip them if you do not want to try it.",
                "nl": "Deze stappen laten alleen zien wat een zichtbaarheid doet: ze verbergen een van uw "
                "publicaties en maken haar daarna weer openbaar. Wilt u dat niet uitproberen, sla ze dan over.",
            },
        ),
        Section(
            "account-settings",
            "default-visibility",
            en="Set the visibility of new items",
            nl="De zichtbaarheid van nieuwe items instellen",
        ),
    ),
    steps=(
        Step(
            "works",
            en="Sign in to ORCID. Under **Works**, every work has its own visibility button, showing who can see it "
            "now: here **Everyone**. Click it to change who can see that work.",
            nl="Log in bij ORCID. Onder **Works** heeft elke publicatie een eigen knop voor de zichtbaarheid, met "
            "daarop wie haar nu kan zien: hier **Everyone** (iedereen). Klik op die knop om dat te veranderen.",
            target=VISIBILITY_BUTTON,
        ),
        Step(
            "only-me",
            en="A menu opens: **Set visibility for** **This item only**, with **Everyone**, **Trusted Parties** (the "
            "organizations you have given access, such as LUCRIS) and **Only me**. To hide the work from everyone "
            "else, choose **Only me**. ORCID saves your choice at once.",
            nl="Er gaat een menu open: **Set visibility for** **This item only** (alleen dit item), met **Everyone** "
            "(iedereen), **Trusted Parties** (de organisaties die u toegang hebt gegeven, zoals LUCRIS) en "
            "**Only me** (alleen uzelf). Wilt u de publicatie voor anderen verbergen, kies dan **Only me**. ORCID "
            "slaat uw keuze meteen op.",
            target=menu_item("set item visibility to Only Me"),
        ),
        Step(
            "not-found",
            en="Now look for your works from LUCRIS, as in "
            "[Import your ORCID works into LUCRIS](import-orcid-works-into-lucris.md). The work you just hid is "
            "not in the list: LUCRIS only finds what everyone can see on ORCID, not what you share with trusted "
            "parties or keep to yourself.",
            nl="Zoek nu vanuit LUCRIS naar uw publicaties, zoals in "
            "[Uw ORCID-publicaties in LUCRIS importeren](import-orcid-works-into-lucris.md). De publicatie die u "
            "zojuist hebt verborgen, staat niet in de lijst: LUCRIS vindt alleen wat op ORCID voor iedereen "
            "zichtbaar is, niet wat u met vertrouwde partijen deelt of voor uzelf houdt.",
            act=search_in_lucris,
            target=found_list,
            click=False,
        ),
        Step(
            "everyone",
            en="Back on ORCID, click that work's visibility button again (it now reads **Only me**) and choose "
            "**Everyone**, to make the work visible to everyone again.",
            nl="Klik terug in ORCID weer op de zichtbaarheidsknop van die publicatie (daarop staat nu **Only me**) "
            "en kies **Everyone**, zodat iedereen haar weer kan zien.",
            act=(BACK_TO_ORCID, click(VISIBILITY_BUTTON)),
            target=menu_item("set item visibility to Everyone"),
        ),
        Step(
            "found-again",
            en="Search again from LUCRIS: this time the work is found. (In this example LUCRIS also notices that "
            "the work is in LUCRIS already, and marks it as a possible duplicate.)",
            nl="Zoek opnieuw vanuit LUCRIS: nu wordt de publicatie wel gevonden. (In dit voorbeeld ziet LUCRIS ook "
            "dat de publicatie al in LUCRIS staat, en markeert het haar als mogelijk dubbel.)",
            act=search_in_lucris,
            target=lambda page: found_list(page).locator("label", has_text=WORK),
            click=False,
        ),
        Step(
            "account-settings",
            en="New items, such as the works LUCRIS adds to your record, get your default visibility; the "
            "organization that adds them cannot choose it for you. To set it, open the menu under your name on "
            "ORCID and choose **Account settings**.",
            nl="Nieuwe items, zoals de publicaties die LUCRIS aan uw record toevoegt, krijgen uw standaard"
            "zichtbaarheid; de organisatie die ze toevoegt, kan die niet voor u kiezen. Die standaard stelt u in "
            "via het menu onder uw naam in ORCID: kies **Account settings**.",
            act=(BACK_TO_ORCID, open_user_menu),
            target=menu_item(),
        ),
        Step(
            "default",
            en="Under **Defaults**, click **Visibility**: it holds the visibility new items get, here **Only me**. "
            "Choose **Everyone** so that LUCRIS and everyone else can find your new works.",
            nl="Klik onder **Defaults** op **Visibility**: daar staat de zichtbaarheid die nieuwe items krijgen, hier "
            "**Only me**. Kies **Everyone**, zodat LUCRIS en ieder ander uw nieuwe publicaties kunnen vinden.",
            # Account settings opens with every panel collapsed; the title opens one.
            act=click(heading("Visibility")),
            target=EVERYONE_DEFAULT,
        ),
        Step(
            "saved",
            en="ORCID saves your choice as soon as you make it, without a message: **Everyone** stays selected. "
            "There is no button to press.",
            nl="ORCID slaat uw keuze meteen op, zonder melding: **Everyone** blijft gekozen. U hoeft nergens op te "
            "klikken.",
            act=saved_default,
            target=EVERYONE_DEFAULT,
            click=False,
        ),
    ),
)
