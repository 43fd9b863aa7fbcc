"""Import your ORCID works into LUCRIS: Add new > Import from ORCID, possible duplicates flagged, Import, Confirm."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from _lucris import open_publications_menu, page_size_link
from _lucris_import import (
    ADD_NEW_MENU,
    ORCID_SOURCE,
    open_add_new_publications,
    tick_search_with_orcid_id,
    with_orcid_id_on_profile,
)
from orcid_guide.engine.actions import check, click
from orcid_guide.engine.elements import button, css, field, link, role, text
from orcid_guide.engine.steps import Step, Tutorial

# The seed's example: of Eva's four public works, these two are new to LUCRIS.
NEW_ARTICLES = (
    "Seasonal dynamics of soil microbial communities in Dutch peat meadows",
    "Citizen science monitoring of urban pollinators in Leiden",
)


tick_the_new_articles = tuple(check(field(title, exact=False)) for title in NEW_ARTICLES)
# Ten outputs a page hide the imported articles among Eva's older ones; fifty show them all.
open_imported_article = (click(page_size_link("50")), click(link(NEW_ARTICLES[0])))


def imported_from(page: Page) -> Locator:
    return page.get_by_text("Imported from").locator("xpath=following-sibling::dd[1]")


TUTORIAL = Tutorial(
    prepare=with_orcid_id_on_profile,
    steps=(
        Step(
            "publications",
            en="Log in to LUCRIS. On the **Dashboard**, click **Publications** and, in the menu that opens, "
            "**Publications** again.",
            nl="Log in bij LUCRIS. Klik op het **Dashboard** op **Publications** en in het menu dat opengaat nogmaals "
            "op **Publications**.",
            act=open_publications_menu,
            target=link(within=css("#publications-menu")),
        ),
        Step(
            "add-new",
            en="Click **Add new** at the top right of the screen.",
            nl="Klik rechtsboven in het scherm op **Add new**.",
            target=button(),
        ),
        Step(
            "add-new-publications",
            en="In the menu that opens, click **Publications**, and then **Publications** again.",
            nl="Klik in het menu dat opengaat op **Publications**, en daarna nogmaals op **Publications**.",
            act=open_add_new_publications,
            target=link(within=ADD_NEW_MENU),
        ),
        Step(
            "import-from",
            en="At the question **How do you want to create your publication**, choose **Import from**.",
            nl="Kies bij de vraag **How do you want to create your publication** voor **Import from**.",
            target=link(),
        ),
        Step(
            "select-account",
            en="Select your own LUCRIS account: click the blue plus (**+**) in its row.",
            nl="Selecteer uw eigen LUCRIS-account: klik op het blauwe plusje (**+**) in die rij.",
            target=button("Select Eva de Vries"),
        ),
        Step(
            "tick-orcid",
            en="Tick **Search with ORCID ID of selected person** and, under the sources, **ORCID**.",
            nl="Vink **Search with ORCID ID of selected person** aan en, bij de bronnen, **ORCID**.",
            act=tick_search_with_orcid_id,
            target=ORCID_SOURCE,
        ),
        Step(
            "search",
            en="Click **Search**. LUCRIS now asks ORCID for the works on your ORCID record that everyone can see.",
            nl="Klik op **Search**. LUCRIS vraagt ORCID nu om de publicaties in uw ORCID-record die voor iedereen "
            "zichtbaar zijn.",
            target=button(),
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
            target=text(first=True),
        ),
        Step(
            "import",
            en="The other two publications are new in LUCRIS. Tick the publications you want to add, here the two "
            "new ones, and click **Import**.",
            nl="De andere twee publicaties zijn nieuw in LUCRIS. Vink de publicaties aan die u wilt toevoegen, hier "
            "de twee nieuwe, en klik op **Import**.",
            act=tick_the_new_articles,
            target=button(),
        ),
        Step(
            "confirm",
            en="LUCRIS shows what it is going to import. Click **Confirm** to start the import.",
            nl="LUCRIS laat zien wat het gaat importeren. Klik op **Confirm** om het importeren te starten.",
            target=button(),
        ),
        Step(
            "imported",
            en="The publications are now in LUCRIS, with their DOI, type, date, journal and authors, and with ORCID "
            "as their source. They start in the workflow step **Entry in progress**: check them, and submit them "
            "for validation as you do with publications you enter yourself.",
            nl="De publicaties staan nu in LUCRIS, met hun DOI, type, datum, tijdschrift en auteurs, en met ORCID "
            "als bron. Ze beginnen in de workflowstap **Entry in progress**: controleer ze en bied ze ter validatie "
            "aan, zoals u dat ook doet met publicaties die u zelf invoert.",
            target=role("status"),
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
            target=imported_from,
            click=False,
        ),
    ),
)
