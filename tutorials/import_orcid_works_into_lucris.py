"""Import your ORCID works into LUCRIS: Add new > Import from ORCID, possible duplicates flagged, Import, Confirm."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from _lucris import page_size_link
from _lucris_import import add_new_menu, open_add_new_publications, with_orcid_id_on_profile
from orcid_guide.engine.steps import Env, Step, Tutorial

# The seed's example: of Eva's four public works, these two are new to LUCRIS.
NEW_ARTICLES = (
    "Seasonal dynamics of soil microbial communities in Dutch peat meadows",
    "Citizen science monitoring of urban pollinators in Leiden",
)


def open_dashboard_publications(page: Page, env: Env) -> None:
    page.get_by_role("button", name="Publications").click()


def tick_the_new_articles(page: Page, env: Env) -> None:
    for title in NEW_ARTICLES:
        page.get_by_label(title).check()


def first_duplicate(page: Page) -> Locator:
    return page.get_by_text("View possible duplicates").first


def open_duplicates(page: Page, env: Env) -> None:
    first_duplicate(page).click()


def open_imported_article(page: Page, env: Env) -> None:
    # Ten outputs a page hide the imported articles among Eva's older ones; fifty show them all.
    page_size_link("50")(page).click()
    page.get_by_role("link", name=NEW_ARTICLES[0]).click()


TUTORIAL = Tutorial(
    name="import_orcid_works_into_lucris",
    prepare=with_orcid_id_on_profile,
    steps=(
        Step(
            "publications",
            en="Log in to LUCRIS. On the **Dashboard**, click **Publications** and, in the menu that opens, "
            "**Publications** again.",
            nl="Log in bij LUCRIS. Klik op het **Dashboard** op **Publications** en in het menu dat opengaat nogmaals "
            "op **Publications**.",
            act=open_dashboard_publications,
            target=lambda page: page.locator("#publications-menu").get_by_role("link", name="Publications"),
        ),
        Step(
            "add-new",
            en="Click **Add new** at the top right of the screen.",
            nl="Klik rechtsboven in het scherm op **Add new**.",
            target=lambda page: page.get_by_role("button", name="Add new"),
        ),
        Step(
            "add-new-publications",
            en="In the menu that opens, click **Publications**, and then **Publications** again.",
            nl="Klik in het menu dat opengaat op **Publications**, en daarna nogmaals op **Publications**.",
            act=open_add_new_publications,
            target=lambda page: add_new_menu(page).get_by_role("link", name="Publications"),
        ),
        Step(
            "import-from",
            en="At the question **How do you want to create your publication**, choose **Import from**.",
            nl="Kies bij de vraag **How do you want to create your publication** voor **Import from**.",
            target=lambda page: page.get_by_role("link", name="Import from"),
        ),
        Step(
            "select-account",
            en="Select your own LUCRIS account: click the blue plus (**+**) in its row.",
            nl="Selecteer uw eigen LUCRIS-account: klik op het blauwe plusje (**+**) in die rij.",
            target=lambda page: page.get_by_role("button", name="Select Eva de Vries"),
        ),
        Step(
            "tick-orcid",
            en="Tick **Search with ORCID ID of selected person** and, under the sources, **ORCID**.",
            nl="Vink **Search with ORCID ID of selected person** aan en, bij de bronnen, **ORCID**.",
            act=lambda page, env: page.get_by_label("Search with ORCID ID of selected person").check(),
            target=lambda page: page.get_by_label("ORCID", exact=True),
        ),
        Step(
            "search",
            en="Click **Search**. LUCRIS now asks ORCID for the works on your ORCID record that everyone can see.",
            nl="Klik op **Search**. LUCRIS vraagt ORCID nu om de publicaties in uw ORCID-record die voor iedereen "
            "zichtbaar zijn.",
            target=lambda page: page.get_by_role("button", name="Search"),
        ),
        Step(
            "possible-duplicates",
            en="LUCRIS lists what it found; in this example four publications. Two of them are marked "
            "**Possible duplicate**: they are probably in LUCRIS already. Click **View possible duplicates** to see "
            "which publication in LUCRIS it looks like, and why: the same DOI, the same ISBN, or a title that is "
            "more than 80% alike.",
            nl="LUCRIS toont wat het gevonden heeft; in dit voorbeeld vier publicaties. Twee daarvan zijn gemarkeerd "
            "als **Possible duplicate**: die staan waarschijnlijk al in LUCRIS. Klik op **View possible duplicates** "
            "om te zien op welke publicatie in LUCRIS ze lijken, en waarom: dezelfde DOI, hetzelfde ISBN of een "
            "titel die voor meer dan 80% overeenkomt.",
            target=first_duplicate,
        ),
        Step(
            "import",
            en="The other two publications are new in LUCRIS. Tick the publications you want to add, here the two "
            "new ones, and click **Import**.",
            nl="De andere twee publicaties zijn nieuw in LUCRIS. Vink de publicaties aan die u wilt toevoegen, hier "
            "de twee nieuwe, en klik op **Import**.",
            act=tick_the_new_articles,
            target=lambda page: page.get_by_role("button", name="Import", exact=True),
        ),
        Step(
            "confirm",
            en="LUCRIS shows what it is going to import. Click **Confirm** to start the import.",
            nl="LUCRIS laat zien wat het gaat importeren. Klik op **Confirm** om het importeren te starten.",
            target=lambda page: page.get_by_role("button", name="Confirm"),
        ),
        Step(
            "imported",
            en="The publications are now in LUCRIS, with their DOI, type, date, journal and authors, and with ORCID "
            "as their source. They start in the workflow step **Entry in progress**: check them, and submit them "
            "for validation as you do with publications you enter yourself.",
            nl="De publicaties staan nu in LUCRIS, met hun DOI, type, datum, tijdschrift en auteurs, en met ORCID "
            "als bron. Ze beginnen in de workflowstap **Entry in progress**: controleer ze en bied ze ter validatie "
            "aan, zoals u dat ook doet met publicaties die u zelf invoert.",
            target=lambda page: page.get_by_role("status"),
            click=False,
        ),
        Step(
            "check",
            en="Open one of them to check it (with 50 per page, chosen at the right-hand side, you see more of "
            "the list at once). "
            "Its page says it was imported from ORCID, and from which ORCID record.",
            nl="Open er een om die te controleren (kies rechts 50 per pagina, dan ziet u meer van de lijst tegelijk). "
            "Op de pagina ervan staat dat de publicatie uit ORCID is geïmporteerd, en uit welk ORCID-record.",
            act=open_imported_article,
            target=lambda page: page.get_by_text("Imported from").locator("xpath=following-sibling::dd[1]"),
            click=False,
        ),
    ),
)
