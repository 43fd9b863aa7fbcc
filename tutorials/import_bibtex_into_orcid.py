"""Import the BibTeX file into ORCID: Works > Add > Add BibTeX, choose the file from LUCRIS, select all, import."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from _lucris import EXPORT_FILE, export_publications
from _orcid import fill_sign_in
from orcid_guide.engine.actions import click, needs_env
from orcid_guide.engine.elements import button, field, heading, menu_item, region
from orcid_guide.engine.env import Env
from orcid_guide.engine.kept_files import kept_file
from orcid_guide.engine.steps import Step, Tutorial

# A publication of Eva's in LUCRIS that is not on her ORCID record yet: it arrives with this import.
IMPORTED_TITLE = "Microplastics in Rhine sediments: a five-year survey"


@needs_env
def export_then_open_orcid(page: Page, env: Env) -> None:
    """The reader has exported their publications from LUCRIS (the export tutorial) and goes to ORCID."""
    export_publications(page, env)
    page.goto(env.url("orcid", "/signin"))


CHOOSE_FILE = button("Choose BibTeX file to import")


@needs_env
def choose_exported_file(page: Page, env: Env) -> None:
    """Click the button, give the browser's file chooser the file LUCRIS exported, wait for ORCID's list."""
    with page.expect_file_chooser() as chooser:
        click(CHOOSE_FILE)(page)
    chooser.value.set_files(kept_file(env, EXPORT_FILE))
    expect(heading("Works found in BibTeX", exact=False).locate(page)).to_be_visible()


TUTORIAL = Tutorial(
    prepare=export_then_open_orcid,
    steps=(
        Step(
            "sign-in",
            en="Go to ORCID and sign in with your email address or iD (**Email or ORCID iD**) and your "
            "**Password**, then click **Sign in to ORCID**.",
            nl="Ga naar ORCID en log in met uw e-mailadres of iD (**Email or ORCID iD**) en uw wachtwoord "
            "(**Password**), en klik op **Sign in to ORCID**.",
            act=fill_sign_in,
            target=button(),
        ),
        Step(
            "add-bibtex",
            en="Your ORCID record opens. In the **Works** section, click **Add** and choose **Add BibTeX**.",
            nl="Uw ORCID-record wordt geopend. Klik in het onderdeel **Works** op **Add** en kies **Add BibTeX**.",
            act=click(button("Add", within=region("Works"), exact=False)),
            target=menu_item(),
        ),
        Step(
            "choose-file",
            en="The window **Works - Import BibTeX** opens. Click **Choose BibTeX file to import** and pick the file "
            "you exported from LUCRIS, `publications.bib`, in your downloads folder.",
            nl="Het venster **Works - Import BibTeX** wordt geopend. Klik op **Choose BibTeX file to import** en kies "
            "het bestand dat u uit LUCRIS hebt geëxporteerd, `publications.bib`, in uw downloadmap.",
            target=CHOOSE_FILE,
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
            target=field(),
        ),
        Step(
            "import",
            en="Click **Import works to your record**.",
            nl="Klik op **Import works to your record**.",
            target=button(),
        ),
        Step(
            "on-record",
            en="The works are now on your record under **Works**, with you as their source. They get the "
            "visibility you chose as the default for new items.",
            nl="De werken staan nu in uw record onder **Works**, met uzelf als bron. Ze krijgen de zichtbaarheid "
            "die u als standaard voor nieuwe items hebt gekozen.",
            target=heading(IMPORTED_TITLE, first=True, exact=False),
            click=False,
        ),
    ),
)
