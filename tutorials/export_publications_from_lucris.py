"""Export your publications from LUCRIS: filter on your name, select them all, and export them as BibTeX."""

from __future__ import annotations

from _lucris import (
    DOWNLOAD_BUTTON,
    EXPORT_BUTTON,
    EXPORT_FILE,
    PUBLICATIONS_LINK,
    RESEARCHER_PLUS,
    choose_bibtex,
    log_in,
    open_publications_menu,
    page_size_link,
    type_last_name,
)
from orcid_guide.engine.elements import button
from orcid_guide.engine.steps import Step, Tutorial

TUTORIAL = Tutorial(
    prepare=log_in,
    steps=(
        Step(
            "publications",
            en="In the **Dashboard**, choose **Publications** > **Publications**.",
            nl="Ga in het **Dashboard** naar **Publications** > **Publications**.",
            act=open_publications_menu,
            target=PUBLICATIONS_LINK,
        ),
        Step(
            "filter",
            en="LUCRIS lists research outputs. Click **Filter**.",
            nl="LUCRIS toont een lijst met onderzoeksoutput. Klik op **Filter**.",
            target=button(),
        ),
        Step(
            "query-mode",
            en="Click **Switch to query mode**.",
            nl="Klik op **Switch to query mode**.",
            target=button(),
        ),
        Step(
            "author-editors",
            en="Choose **Author/Editors** to filter on an author.",
            nl="Kies **Author/Editors** om op een auteur te filteren.",
            target=button(),
        ),
        Step(
            "select-value",
            en="Click **select value**.",
            nl="Klik op **select value**.",
            target=button(),
        ),
        Step(
            "pick-yourself",
            en="Type your last name. When your name appears in the list, click the blue plus (**+**) next to it.",
            nl="Typ uw achternaam. Zodra uw naam in de lijst verschijnt, klikt u op het blauwe plusje (**+**) ernaast.",
            act=type_last_name,
            target=RESEARCHER_PLUS,
        ),
        Step(
            "apply",
            en="Your name is now the value of the condition. Click **Apply**.",
            nl="Uw naam staat nu als waarde in de voorwaarde. Klik op **Apply**.",
            target=button(),
        ),
        Step(
            "per-page",
            en="The list now shows your research outputs, the first 10 of them. To see more on one page, click "
            "**50** or **100** at the right-hand side.",
            nl="De lijst toont nu uw onderzoeksoutput, de eerste 10 daarvan. Wilt u er meer op één pagina zien, "
            "klik dan rechts op **50** of **100**.",
            target=page_size_link("50"),
        ),
        Step(
            "select-all",
            en="Click **Select / Deselect all** to select every research output on the page. If you have more than "
            "100, go to the next page and click it again there: LUCRIS remembers what you selected on each page.",
            nl="Klik op **Select / Deselect all** om alle onderzoeksoutput op de pagina te selecteren. Hebt u er meer "
            "dan 100, ga dan naar de volgende pagina en klik daar nogmaals: LUCRIS onthoudt wat u op elke pagina "
            "hebt geselecteerd.",
            target=button(),
        ),
        Step(
            "export",
            en="All of them are ticked now. Click **Export**, next to **Filter**.",
            nl="Ze zijn nu allemaal aangevinkt. Klik op **Export**, naast **Filter**.",
            target=EXPORT_BUTTON,
        ),
        Step(
            "bibtex",
            en="Under **Export format**, choose **BibTex**, and click **Export**. Your browser saves the file "
            "`publications.bib`, with all the research outputs you selected, in your downloads folder.",
            nl="Kies onder **Export format** voor **BibTex** en klik op **Export**. Uw browser slaat het bestand "
            "`publications.bib`, met alle onderzoeksoutput die u hebt geselecteerd, op in uw downloadmap.",
            act=choose_bibtex,
            target=DOWNLOAD_BUTTON,
            keep_download=EXPORT_FILE,
        ),
    ),
)
