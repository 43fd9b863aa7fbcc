"""Connect LUCRIS to ORCID: authorize LUCRIS once, and validated publications then appear on the ORCID record."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from _lucris import log_in
from _lucris_import import with_orcid_id_on_profile
from orcid_guide.engine.steps import Env, Step, Tutorial

# A publication of Eva's that waits for validation; the library's editor validates it during the tutorial.
PUBLICATION = "7ebf8646a9f33f1b8764d9e076fb18ec"
PUBLICATION_TITLE = "Microplastics in Rhine sediments"
NOT_A_SANDBOX_CLIENT = (
    "mock LUCRIS is registered as an API client with the embedded ORCID emulator only, not with the real ORCID sandbox"
)


def open_user_menu(page: Page, env: Env) -> None:
    page.get_by_role("button", name=env.values["researcher"]).click()


def sign_in_to_orcid(page: Page, env: Env) -> None:
    page.get_by_label("Email or ORCID iD").fill(env.values["orcid_email"])
    page.get_by_label("Password").fill(env.values["orcid_password"])


def editor_validates_and_record_opens(page: Page, env: Env) -> None:
    """What happens elsewhere: the editor validates the publication; then the reader looks at ORCID."""
    browser = page.context.browser
    assert browser is not None
    editor = browser.new_context()
    try:
        desk = editor.new_page()
        log_in(desk, env, "lucris_editor", "lucris_editor_password")
        desk.goto(env.url("lucris", f"/publications/{PUBLICATION}"))
        desk.get_by_label("Workflow step").select_option("Validated")
        desk.get_by_role("button", name="Save").click()
        expect(desk.get_by_text("Added to the ORCID record")).to_be_visible()
    finally:
        editor.close()
    page.goto(env.url("orcid", "/my-orcid"))


TUTORIAL = Tutorial(
    name="connect_lucris_to_orcid",
    # Where the page says the reader starts: the iD on the research profile, logged in to LUCRIS.
    prepare=with_orcid_id_on_profile,
    animation=True,
    steps=(
        Step(
            "my-settings",
            en="In LUCRIS, click the arrow next to your name at the top right and choose **My Settings**.",
            nl="Klik in LUCRIS rechtsboven op het pijltje naast uw naam en kies **My Settings**.",
            act=open_user_menu,
            target=lambda page: page.get_by_role("link", name="My Settings"),
        ),
        Step(
            "connect",
            en="Under **ORCID Settings**, click **Connect to ORCID**.",
            nl="Klik onder **ORCID Settings** op **Connect to ORCID**.",
            target=lambda page: page.get_by_role("button", name="Connect to ORCID"),
        ),
        Step(
            "sign-in",
            en="LUCRIS sends you to ORCID. If you are not signed in there yet, sign in with your email address or iD "
            "(**Email or ORCID iD**) and your **Password**, and click **Sign in to ORCID**.",
            nl="LUCRIS stuurt u door naar ORCID. Bent u daar nog niet ingelogd, log dan in met uw e-mailadres of iD "
            "(**Email or ORCID iD**) en uw wachtwoord (**Password**), en klik op **Sign in to ORCID**.",
            act=sign_in_to_orcid,
            target=lambda page: page.get_by_role("button", name="Sign in to ORCID"),
            skip_on={"sandbox": NOT_A_SANDBOX_CLIENT},
        ),
        Step(
            "authorize",
            en="ORCID shows what LUCRIS asks to do: read what you share with trusted parties, and add or update your "
            "research activities. Click **Authorize access**.",
            nl="ORCID laat zien wat LUCRIS wil doen: lezen wat u met vertrouwde partijen deelt, en uw "
            "onderzoeksactiviteiten toevoegen of bijwerken. Klik op **Authorize access**.",
            target=lambda page: page.get_by_role("button", name="Authorize access"),
        ),
        Step(
            "connected",
            en="You are back in LUCRIS, and **ORCID Settings** now shows that LUCRIS is **Connected** to your iD.",
            nl="U bent terug in LUCRIS, en bij **ORCID Settings** staat nu dat LUCRIS met uw iD verbonden is "
            "(**Connected**).",
            target=lambda page: page.get_by_text("Connected", exact=True),
            click=False,
        ),
        Step(
            "work-on-orcid",
            en="From now on, each publication of yours that the library validates in LUCRIS is added to your ORCID "
            "record by itself, under **Works**, with LUCRIS as its source. Publications validated before you "
            "connected are not added this way.",
            nl="Vanaf nu wordt elke publicatie van u die de bibliotheek in LUCRIS valideert vanzelf aan uw "
            "ORCID-record toegevoegd, onder **Works**, met LUCRIS als bron. Publicaties die al gevalideerd waren "
            "voordat u de koppeling maakte, worden zo niet toegevoegd.",
            act=editor_validates_and_record_opens,
            target=lambda page: page.get_by_text(PUBLICATION_TITLE).first,
            click=False,
            alt={
                "en": "your ORCID record, with the publication that LUCRIS added under Works marked",
                "nl": "uw ORCID-record, met de publicatie die LUCRIS onder Works heeft toegevoegd gemarkeerd",
            },
        ),
    ),
)
