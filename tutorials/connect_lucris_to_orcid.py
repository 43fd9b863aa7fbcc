"""Connect LUCRIS to ORCID: authorize LUCRIS once, and validated publications then appear on the ORCID record."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from _lucris import log_in_as
from _lucris_import import with_orcid_id_on_profile
from _orcid import fill_sign_in, open_user_menu
from orcid_guide.engine.actions import needs_env
from orcid_guide.engine.elements import button, link, text
from orcid_guide.engine.env import Env
from orcid_guide.engine.steps import Step, Tutorial

# A publication of Eva's that waits for validation; the library's editor validates it during the tutorial.
PUBLICATION = "7ebf8646a9f33f1b8764d9e076fb18ec"
PUBLICATION_TITLE = "Microplastics in Rhine sediments"
NOT_A_SANDBOX_CLIENT = (
    "mock LUCRIS is registered as an API client with the embedded ORCID emulator only, not with the real ORCID sandbox"
)


@needs_env
def editor_validates_and_record_opens(page: Page, env: Env) -> None:
    """What happens elsewhere: the editor validates the publication; then the reader looks at ORCID."""
    browser = page.context.browser
    assert browser is not None
    editor = browser.new_context()
    try:
        desk = editor.new_page()
        log_in_as("lucris_editor", "lucris_editor_password")(desk, env)
        desk.goto(env.url("lucris", f"/publications/{PUBLICATION}"))
        desk.get_by_label("Workflow step").select_option("Validated")
        desk.get_by_role("button", name="Save").click()
        expect(desk.get_by_text("Added to the ORCID record")).to_be_visible()
    finally:
        editor.close()
    page.goto(env.url("orcid", "/my-orcid"))


TUTORIAL = Tutorial(
    # Where the page says the reader starts: the iD on the research profile, logged in to LUCRIS.
    prepare=with_orcid_id_on_profile,
    animation=True,
    steps=(
        Step(
            "my-settings",
            en="In LUCRIS, click the arrow next to your name at the top right and choose **My Settings**.",
            nl="Klik in LUCRIS rechtsboven op het pijltje naast uw naam en kies **My Settings**.",
            act=open_user_menu,
            target=link(),
        ),
        Step(
            "connect",
            en="Under **ORCID Settings**, click **Connect to ORCID**.",
            nl="Klik onder **ORCID Settings** op **Connect to ORCID**.",
            target=button(),
        ),
        Step(
            "sign-in",
            en="LUCRIS sends you to ORCID. If you are not signed in there yet, sign in with your email address or iD "
            "(**Email or ORCID iD**) and your **Password**, and click **Sign in to ORCID**.",
            nl="LUCRIS stuurt u door naar ORCID. Bent u daar nog niet ingelogd, log dan in met uw e-mailadres of iD "
            "(**Email or ORCID iD**) en uw wachtwoord (**Password**), en klik op **Sign in to ORCID**.",
            act=fill_sign_in,
            target=button(),
            skip_on={"sandbox": NOT_A_SANDBOX_CLIENT},
        ),
        Step(
            "authorize",
            en="ORCID shows what LUCRIS asks to do: read what you share with trusted parties, and add or update your "
            "research activities. Click **Authorize access**.",
            nl="ORCID laat zien wat LUCRIS wil doen: lezen wat u met vertrouwde partijen deelt, en uw "
            "onderzoeksactiviteiten toevoegen of bijwerken. Klik op **Authorize access**.",
            target=button(),
        ),
        Step(
            "connected",
            en="You are back in LUCRIS, and **ORCID Settings** now shows that LUCRIS is **Connected** to your iD.",
            nl="U bent terug in LUCRIS, en bij **ORCID Settings** staat nu dat LUCRIS met uw iD verbonden is "
            "(**Connected**).",
            target=text(),
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
            target=text(PUBLICATION_TITLE, exact=False, first=True),
            click=False,
            alt={
                "en": "your ORCID record, with the publication that LUCRIS added under Works marked",
                "nl": "uw ORCID-record, met de publicatie die LUCRIS onder Works heeft toegevoegd gemarkeerd",
            },
        ),
    ),
)
