"""Import the BibTeX file into ORCID: Works > Add > Add BibTeX, choose the file from LUCRIS, select all, import."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from _lucris import EXPORT_FILE, export_publications
from orcid_guide.engine.kept_files import kept_file
from orcid_guide.engine.steps import Env, Step, Tutorial

# A publication of Eva's in LUCRIS that is not on her ORCID record yet: it arrives with this import.
IMPORTED_TITLE = "Microplastics in Rhine sediments: a five-year survey"


def export_then_open_orcid(page: Page, env: Env) -> None:
    """The reader has exported their publications from LUCRIS (the export tutorial) and goes to ORCID."""
    export_publications(page, env)
    page.goto(env.url("orcid", "/signin"))


def fill_sign_in(page: Page, env: Env) -> None:
    page.get_by_label("Email or ORCID iD").fill(env.values["orcid_email"])
    page.get_by_label("Password").fill(env.values["orcid_password"])


def open_add_menu(page: Page, env: Env) -> None:
    page.get_by_role("region", name="Works").get_by_role("button", name="Add").click()


def choose_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Choose BibTeX file to import")


def choose_exported_file(page: Page, env: Env) -> None:
    """Click the button, give the browser's file chooser the file LUCRIS exported, wait for ORCID's list."""
    with page.expect_file_chooser() as chooser:
        choose_button(page).click()
    chooser.value.set_files(kept_file(env, EXPORT_FILE))
    expect(page.get_by_role("heading", name="Works found in BibTeX")).to_be_visible()


TUTORIAL = Tutorial(
    name="import_bibtex_into_orcid",
    prepare=export_then_open_orcid,
    steps=(
        Step(
            "sign-in",
            en="Go to ORCID and sign in with your email address or iD (**Email or ORCID iD**) and your "
            "**Password**, then click **Sign in to ORCID**.",
            nl="Ga naar ORCID en log in met uw e-mailadres of iD (**Email or ORCID iD**) en uw wachtwoord "
            "(**Password**), en klik op **Sign in to ORCID**.",
            act=fill_sign_in,
            target=lambda page: page.get_by_role("button", name="Sign in to ORCID"),
        ),
        Step(
            "add-bibtex",
            en="Your ORCID record opens. In the **Works** section, click **Add** and choose **Add BibTeX**.",
            nl="Uw ORCID-record wordt geopend. Klik in het onderdeel **Works** op **Add** en kies **Add BibTeX**.",
            act=open_add_menu,
            target=lambda page: page.get_by_role("menuitem", name="Add BibTeX"),
        ),
        Step(
            "choose-file",
            en="The window **Works - Import BibTeX** opens. Click **Choose BibTeX file to import** and pick the file "
            "you exported from LUCRIS, `publications.bib`, in your downloads folder.",
            nl="Het venster **Works - Import BibTeX** wordt geopend. Klik op **Choose BibTeX file to import** en kies "
            "het bestand dat u uit LUCRIS hebt geëxporteerd, `publications.bib`, in uw downloadmap.",
            target=choose_button,
            # The click that opens the file chooser is the next step's, which also answers the chooser.
            click=False,
        ),
        Step(
            "select-all",
            en="ORCID reads the file and lists the works in it under **Works found in BibTeX (27)**: the 27 "
            "publications you exported. Tick **Select all** "
            "to select all of them.",
            nl="ORCID leest het bestand en toont de werken erin onder **Works found in BibTeX (27)**: de 27 "
            "publicaties die u hebt geëxporteerd. Vink **Select all** "
            "aan om ze allemaal te selecteren.",
            act=choose_exported_file,
            target=lambda page: page.get_by_label("Select all"),
        ),
        Step(
            "import",
            en="Click **Import works to your record**.",
            nl="Klik op **Import works to your record**.",
            target=lambda page: page.get_by_role("button", name="Import works to your record"),
        ),
        Step(
            "on-record",
            en="The works are now on your record under **Works**, with you as their source. They get the "
            "visibility you chose as the default for new items.",
            nl="De werken staan nu in uw record onder **Works**, met uzelf als bron. Ze krijgen de zichtbaarheid "
            "die u als standaard voor nieuwe items hebt gekozen.",
            target=lambda page: page.get_by_role("heading", name=IMPORTED_TITLE).first,
            click=False,
        ),
    ),
)
