"""Decide who can see what: a work set to "Only me" is not found by LUCRIS's import, "Everyone" brings it back;
the default visibility for new items."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from _lucris_import import search_orcid, with_orcid_id_on_profile
from _orcid import sign_in_to_orcid
from orcid_guide.engine.steps import Env, Section, Step, Tutorial

WORK = "Material flow analysis"  # Eva's book chapter, public on ORCID


def selector(page: Page) -> Locator:
    return page.get_by_role("group", name=f"Set visibility for {WORK}")


def starting_point(page: Page, env: Env) -> None:
    """Eva's iD is on her LUCRIS profile, her default for new items is "Only me", and she is on her record."""
    with_orcid_id_on_profile(page, env)
    sign_in_to_orcid(page, env)
    page.goto(env.url("orcid", "/account"))
    page.get_by_role("radio", name="Only me").click()
    expect(page.get_by_role("status")).to_be_visible()
    page.goto(env.url("orcid", "/my-orcid"))


def search_in_lucris(page: Page, env: Env) -> None:
    search_orcid(page, env)
    page.get_by_role("button", name="Search").click()


def back_to_orcid(page: Page, env: Env) -> None:
    page.goto(env.url("orcid", "/my-orcid"))


def open_user_menu(page: Page, env: Env) -> None:
    back_to_orcid(page, env)
    page.get_by_role("button", name=env.values["researcher"]).click()


def found_list(page: Page) -> Locator:
    return page.locator(".found-works")


TUTORIAL = Tutorial(
    name="set_visibility_on_orcid",
    prepare=starting_point,
    # The demonstration undoes itself (the work is public again at its end), so a reader may skip it.
    sections=(
        Section(
            "only-me",
            "hide-a-work",
            "Hide a work, and see that LUCRIS no longer finds it",
            "Een publicatie verbergen en zien dat LUCRIS haar niet meer vindt",
            optional=True,
            about_en="These steps only show what a visibility setting does: they hide one of your works and then "
            "make it public again. Skip them if you do not want to try it.",
            about_nl="Deze stappen laten alleen zien wat een zichtbaarheid doet: ze verbergen een van uw "
            "publicaties en maken haar daarna weer openbaar. Wilt u dat niet uitproberen, sla ze dan over.",
        ),
        Section(
            "account-settings",
            "default-visibility",
            "Set the visibility of new items",
            "De zichtbaarheid van nieuwe items instellen",
        ),
    ),
    steps=(
        Step(
            "works",
            "Sign in to ORCID. Under **Works**, every work has its own visibility setting: **Everyone**, "
            "**Trusted Parties** (the organizations you have given access, such as LUCRIS) or **Only me**.",
            "Log in bij ORCID. Onder **Works** heeft elke publicatie een eigen zichtbaarheid: **Everyone** "
            "(iedereen), **Trusted Parties** (de organisaties die u toegang hebt gegeven, zoals LUCRIS) of "
            "**Only me** (alleen uzelf).",
            target=selector,
            click=False,
        ),
        Step(
            "only-me",
            "To hide a work from everyone else, click **Only me** in its setting. ORCID saves your choice at once.",
            "Wilt u een publicatie voor anderen verbergen, klik dan bij die publicatie op **Only me**. ORCID slaat "
            "uw keuze meteen op.",
            target=lambda page: selector(page).get_by_role("radio", name="Only me"),
        ),
        Step(
            "not-found",
            "Now look for your works from LUCRIS, as in "
            "[Import your ORCID works into LUCRIS](import-orcid-works-into-lucris.md). The work you just hid is "
            "not in the list: LUCRIS only finds what everyone can see on ORCID, not what you share with trusted "
            "parties or keep to yourself.",
            "Zoek nu vanuit LUCRIS naar uw publicaties, zoals in "
            "[Uw ORCID-publicaties in LUCRIS importeren](import-orcid-works-into-lucris.md). De publicatie die u "
            "zojuist hebt verborgen, staat niet in de lijst: LUCRIS vindt alleen wat op ORCID voor iedereen "
            "zichtbaar is, niet wat u met vertrouwde partijen deelt of voor uzelf houdt.",
            act=search_in_lucris,
            target=found_list,
            click=False,
        ),
        Step(
            "everyone",
            "Back on ORCID, click **Everyone** in the setting of that work, to make it visible to everyone again.",
            "Klik terug in ORCID bij die publicatie op **Everyone**, zodat iedereen haar weer kan zien.",
            act=back_to_orcid,
            target=lambda page: selector(page).get_by_role("radio", name="Everyone"),
        ),
        Step(
            "found-again",
            "Search again from LUCRIS: this time the work is found. (In this example LUCRIS also notices that "
            "the work is in LUCRIS already, and marks it as a possible duplicate.)",
            "Zoek opnieuw vanuit LUCRIS: nu wordt de publicatie wel gevonden. (In dit voorbeeld ziet LUCRIS ook "
            "dat de publicatie al in LUCRIS staat, en markeert het haar als mogelijk dubbel.)",
            act=search_in_lucris,
            target=lambda page: found_list(page).locator("label", has_text=WORK),
            click=False,
        ),
        Step(
            "account-settings",
            "New items, such as the works LUCRIS adds to your record, get your default visibility; the "
            "organization that adds them cannot choose it for you. To set it, open the menu under your name on "
            "ORCID and choose **Account settings**.",
            "Nieuwe items, zoals de publicaties die LUCRIS aan uw record toevoegt, krijgen uw standaard"
            "zichtbaarheid; de organisatie die ze toevoegt, kan die niet voor u kiezen. Die standaard stelt u in "
            "via het menu onder uw naam in ORCID: kies **Account settings**.",
            act=open_user_menu,
            target=lambda page: page.get_by_role("menuitem", name="Account settings"),
        ),
        Step(
            "default",
            "Under **Defaults**, **Visibility** is the visibility new items get. Here it is set to **Only me**; "
            "choose **Everyone** so that LUCRIS and everyone else can find your new works.",
            "Onder **Defaults** staat bij **Visibility** de zichtbaarheid die nieuwe items krijgen. Hier staat die "
            "op **Only me**; kies **Everyone**, zodat LUCRIS en ieder ander uw nieuwe publicaties kunnen vinden.",
            target=lambda page: page.get_by_role("radio", name="Everyone"),
        ),
        Step(
            "saved",
            "ORCID saves your choice as soon as you make it: **Changes have been saved successfully.** There is "
            "no button to press.",
            "ORCID slaat uw keuze meteen op: **Changes have been saved successfully.** U hoeft nergens op te klikken.",
            target=lambda page: page.get_by_role("status"),
            click=False,
        ),
    ),
)
