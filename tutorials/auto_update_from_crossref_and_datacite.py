"""Let Crossref and DataCite update your ORCID record: link works once, then let new DOIs arrive by themselves.

Crossref Metadata Search links the works you pick, once. Crossref's auto-update asks for permission in the
ORCID inbox when a publisher registers a DOI carrying your iD. DataCite links datasets and, with its auto-update
switch on, adds new DOIs by itself. What publishers and repositories do elsewhere (registering a DOI) happens in
a step's action over HTTP, as the editor's validation does in the LUCRIS tutorial.
"""

from __future__ import annotations

import base64
import json
import re
import urllib.request

from playwright.sync_api import Page

from _orcid import open_user_menu, sign_in_to_orcid
from orcid_guide.engine.actions import EnvAction, PageAction, check, click, goto, needs_env
from orcid_guide.engine.elements import Element, button, css, heading, link, menu_item, role
from orcid_guide.engine.env import Env
from orcid_guide.engine.steps import Section, Step, Tutorial

CROSSREF_WORKS = (
    "Greenhouse gas fluxes after rewetting a Dutch peat meadow: a field experiment",
    "Soil biodiversity in the fen landscapes of Holland",
)
DATACITE_WORKS = (
    "Soil microbial community sequences from Dutch peat meadows, 2019-2022",
    "peatflux: R tools for closed-chamber greenhouse gas flux measurements",
)
NEW_ARTICLE = {
    "doi": "10.5555/wetl.2026.0144",
    "title": "Water table management and carbon loss in Dutch peat meadows",
    "type": "journal-article",
    "container": "Wetlands Ecology and Management",
    "publisher": "Springer Nature",
    "year": 2026,
    "month": 2,
}
NEW_DATASET = {
    "doi": "10.5072/dans-peat-ch4-2026",
    "title": "Methane fluxes from rewetted peat meadows, 2024-2025",
    "type": "data-set",
    "container": "DANS Data Station Life Sciences",
    "publisher": "DANS",
    "year": 2026,
    "month": 3,
}
MOCK_ONLY = "this guide's Crossref and DataCite are the sandbox's own services, unknown to the real ORCID sandbox"


open_add_menu = (
    goto("orcid", "/my-orcid"),
    lambda page: page.get_by_role("button", name=re.compile(r"^Add\b")).first.click(),
)


def tick(titles: tuple[str, ...]) -> tuple[PageAction, ...]:
    return tuple(check(role("checkbox", f"Select {title}")) for title in titles)


def work(title: str) -> Element:
    return css(".work", has_text=title)


def deposit(page: Page, env: Env, registry: str, metadata: dict[str, object]) -> None:
    """What happens elsewhere: a publisher (or repository) registers a DOI whose metadata carries the iD."""
    body = {
        **metadata,
        "contributors": [
            {"given": "Eva", "family": "de Vries", "orcid": env.values["orcid_id"]},
            {"given": "Pieter", "family": "Bakker"},
        ],
    }
    request = urllib.request.Request(
        env.url(registry, "/deposits"),
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json", "Authorization": _depositor(env, registry)},
        method="POST",
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=10) as answer:
        assert answer.status == 201


def _depositor(env: Env, registry: str) -> str:
    """HTTP Basic with the publisher's depositor account, as the real Crossref and DataCite ask."""
    account = f"{env.values[registry + '_depositor']}:{env.values[registry + '_depositor_password']}"
    return "Basic " + base64.b64encode(account.encode()).decode()


def deposited(registry: str, metadata: dict[str, object]) -> EnvAction:
    return needs_env(lambda page, env: deposit(page, env, registry, metadata))


MY_ORCID = goto("orcid", "/my-orcid")
open_inbox = (open_user_menu, click(menu_item("Notifications inbox")))


TUTORIAL = Tutorial(
    prepare=sign_in_to_orcid,
    sections=(
        Section(
            "search-and-link",
            "link-crossref",
            en="Link your works through Crossref",
            nl="Uw werken koppelen via Crossref",
        ),
        Section(
            "datacite-search-and-link",
            "link-datacite",
            en="Link DataCite and switch on its auto-update",
            nl="DataCite koppelen en de auto-update aanzetten",
        ),
        Section(
            "crossref-asks",
            "new-dois",
            en="When a new DOI carries your iD",
            nl="Als een nieuwe DOI uw iD bevat",
        ),
        Section(
            "trusted-parties",
            "withdraw-permission",
            en="Withdraw a service's permission",
            nl="De toestemming van een dienst intrekken",
            optional=True,
            about={
                "en": "Do this only when you want a service to stop updating your record. These steps show it with "
                "DataCite, which you have just switched on; after them, DataCite adds nothing more until you link it "
                "again.",
                "nl": "Dit doet u alleen als u wilt dat een dienst uw record niet meer bijwerkt. Deze stappen laten "
                "het zien met DataCite, dat u net hebt aangezet; daarna voegt DataCite niets meer toe totdat u het "
                "opnieuw koppelt.",
            },
        ),
    ),
    steps=(
        Step(
            "search-and-link",
            en="On your record, in the **Works** section, click **Add** and choose **Search & Link** "
            '(formerly "Search and Link").',
            nl='Klik in uw record bij **Works** op **Add** en kies **Search & Link** (vroeger "Search and Link").',
            act=open_add_menu,
            target=menu_item(),
        ),
        Step(
            "link-works",
            en="ORCID opens **Link works**, which lists the available Search & Link wizards: services that search "
            "their own data for your works. Choose **Crossref Metadata Search**. (Crossref registers the DOIs of "
            "journal articles and books.)",
            nl="ORCID opent **Link works** met de beschikbare Search & Link-wizards: diensten die in hun eigen "
            "gegevens naar uw werk zoeken. Kies **Crossref Metadata Search**. (Crossref "
            "registreert de DOI's van tijdschriftartikelen en boeken.)",
            target=link(),
            # The steps after this one are skipped with it.
            skip_on={"sandbox": MOCK_ONLY},
        ),
        Step(
            "authorize-crossref",
            en="ORCID asks whether Crossref Metadata Search may add works to your record and read what you share with "
            "trusted parties. Click **Authorize access**.",
            nl="ORCID vraagt of Crossref Metadata Search werken aan uw record mag toevoegen en mag lezen wat u met "
            "vertrouwde partijen deelt. Klik op **Authorize access**.",
            target=button(),
        ),
        Step(
            "crossref-search",
            en="Crossref Metadata Search opens on its own site and lists the works it finds under your name. Other "
            "researchers with the same name show up too, so tick only the works that are yours, and add them to "
            "your ORCID record with the marked button.",
            nl="Crossref Metadata Search opent op de website van Crossref en toont de werken die het onder uw naam "
            "vindt. Ook werk van naamgenoten staat ertussen; vink dus alleen uw eigen werken aan en voeg ze met de "
            "gemarkeerde knop aan uw ORCID-record toe.",
            act=tick(CROSSREF_WORKS),
            target=button("Add to ORCID"),
        ),
        Step(
            "crossref-added",
            en="Crossref reports for each work that it was added. A work that was already added through Crossref "
            "before is not added twice. Go back to your record with the marked link.",
            nl="Crossref meldt per werk dat het is toegevoegd. Een werk dat al eerder via Crossref was toegevoegd, "
            "wordt niet nog een keer toegevoegd. Ga met de gemarkeerde link terug naar uw record.",
            target=link("Return to ORCID"),
        ),
        Step(
            "crossref-on-record",
            en="The works are now under **Works**, with Crossref Metadata Search as **Source:**. This is a one-time "
            "link: Crossref Metadata Search adds only the works you chose. New publications come in through "
            "Crossref's auto-update, further on.",
            nl="De werken staan nu onder **Works**, met Crossref Metadata Search als bron (**Source:**). Dit is een "
            "eenmalige koppeling: Crossref Metadata Search voegt alleen de werken toe die u koos. Nieuwe "
            "publicaties komen binnen via de auto-update van Crossref, verderop.",
            target=work(CROSSREF_WORKS[0]),
            click=False,
        ),
        Step(
            "datacite-search-and-link",
            en="Now do the same for DataCite, which registers the DOIs of datasets and software: click **Add** again "
            "and choose **Search & Link**.",
            nl="Doe nu hetzelfde voor DataCite, dat de DOI's van datasets en software registreert: klik weer op "
            "**Add** en kies **Search & Link**.",
            act=open_add_menu,
            target=menu_item(),
        ),
        Step(
            "datacite-card",
            en="In **Link works**, choose **DataCite**.",
            nl="Kies in **Link works** voor **DataCite**.",
            target=link(),
        ),
        Step(
            "authorize-datacite",
            en="DataCite asks for a little more: besides your works, it may also **Add/update information about you "
            "(country, keywords, etc.)**. Click **Authorize access**.",
            nl="DataCite vraagt iets meer: naast uw werken mag het ook gegevens over u toevoegen of bijwerken "
            "(**Add/update information about you (country, keywords, etc.)**). Klik op **Authorize access**.",
            target=button(),
        ),
        Step(
            "datacite-search",
            en="DataCite lists the datasets and software it finds under your name. Tick yours and add them with the "
            "marked button.",
            nl="DataCite toont de datasets en software die het onder uw naam vindt. Vink de uwe aan en voeg ze toe "
            "met de gemarkeerde knop.",
            act=tick(DATACITE_WORKS),
            target=button("Add to ORCID"),
        ),
        Step(
            "datacite-auto-update",
            en="DataCite reports what it added. Below, it offers auto-update: switch it on, so that DataCite adds new "
            "datasets and software that carry your ORCID iD to your record by itself.",
            nl="DataCite meldt wat het heeft toegevoegd. Daaronder biedt het auto-update aan: zet die aan, dan voegt "
            "DataCite nieuwe datasets en software met uw ORCID iD voortaan zelf aan uw record toe.",
            target=button("Turn on"),
        ),
        Step(
            "datacite-on",
            en="Auto-update is now on. Go back to your ORCID record with the marked link.",
            nl="Auto-update staat nu aan. Ga met de gemarkeerde link terug naar uw ORCID-record.",
            target=link("Return to ORCID"),
        ),
        Step(
            "crossref-asks",
            en="Some time later a journal publishes an article of yours. The publisher registers its DOI with "
            "Crossref, with your ORCID iD in the metadata, and Crossref asks your permission in ORCID. Open the "
            "menu under your name and choose **Notifications inbox**.",
            nl="Enige tijd later verschijnt er een artikel van u in een tijdschrift. De uitgever registreert de DOI "
            "bij Crossref, met uw ORCID iD in de metadata, en Crossref vraagt in ORCID uw toestemming. Open het "
            "menu onder uw naam en kies **Notifications inbox**.",
            act=(deposited("crossref", NEW_ARTICLE), MY_ORCID, open_user_menu),
            target=menu_item(),
        ),
        Step(
            "grant-permission",
            en="Crossref **would like your permission to interact with your ORCID Record as a trusted party.** The "
            "message shows the work it wants to add. Click **Grant permission**. (**Archive without granting "
            "permissions** refuses; Crossref then adds nothing.)",
            nl="Crossref vraagt toestemming om als vertrouwde partij met uw ORCID-record te werken (**would like your "
            "permission to interact with your ORCID Record as a trusted party.**). Het bericht toont het werk dat "
            "Crossref wil toevoegen. Klik op **Grant permission**. (Met **Archive without granting permissions** "
            "weigert u; Crossref voegt dan niets toe.)",
            target=link("Grant permission"),
        ),
        Step(
            "authorize-crossref-auto-update",
            en="ORCID asks whether Crossref may add works to your record. Click **Authorize access**.",
            nl="ORCID vraagt of Crossref werken aan uw record mag toevoegen. Klik op **Authorize access**.",
            target=button(),
        ),
        Step(
            "crossref-auto-added",
            en="Crossref adds the new article at once, with Crossref as **Source:**. From now on, every new article "
            "whose DOI carries your ORCID iD is added by itself, without you doing anything.",
            nl="Crossref voegt het nieuwe artikel meteen toe, met Crossref als bron (**Source:**). Voortaan wordt "
            "elk nieuw artikel waarvan de DOI uw ORCID iD bevat vanzelf toegevoegd, zonder dat u iets hoeft te "
            "doen.",
            target=work(str(NEW_ARTICLE["title"])),
            click=False,
        ),
        Step(
            "datacite-auto-added",
            en="The same goes for DataCite: when a data repository registers a new dataset with your iD, DataCite "
            "adds it to your record by itself, because you switched on auto-update.",
            nl="Voor DataCite geldt hetzelfde: registreert een datarepository een nieuwe dataset met uw iD, dan voegt "
            "DataCite die vanzelf aan uw record toe, omdat u auto-update hebt aangezet.",
            act=(deposited("datacite", NEW_DATASET), MY_ORCID),
            target=work(str(NEW_DATASET["title"])),
            click=False,
        ),
        Step(
            "inbox-notice",
            en="Each time, ORCID also leaves a message in your Notifications inbox (in the menu under your name): "
            "**DataCite has updated the Works section of your record:** followed by what was added.",
            nl="ORCID laat u dat telkens ook weten in uw Notifications inbox (in het menu onder uw naam): "
            "**DataCite has updated the Works section of your record:** gevolgd door wat er is toegevoegd.",
            act=open_inbox,
            target=css(".notification", has_text=str(NEW_DATASET["title"])),
            click=False,
        ),
        Step(
            "trusted-parties",
            en="You can withdraw this permission at any time. Open the menu under your name and choose **Trusted "
            'parties** (formerly "Trusted Organisations" under Account Settings).',
            nl="U kunt deze toestemming op ieder moment weer intrekken. Open het menu onder uw naam en kies "
            '**Trusted parties** (vroeger "Trusted Organisations" onder Account Settings).',
            act=open_user_menu,
            target=menu_item("Trusted parties"),
        ),
        Step(
            "revoke",
            en="Among your trusted organizations you see Crossref, Crossref Metadata Search and DataCite, each with "
            "the date you gave access and what it may do. To stop DataCite, click **Revoke access** in its entry.",
            nl="Bij uw vertrouwde organisaties (trusted organizations) ziet u Crossref, Crossref Metadata Search en "
            "DataCite, elk met de datum waarop u toegang gaf en wat ze mogen doen. Wilt u DataCite stoppen, klik "
            "dan in dat blok op **Revoke access**.",
            target=lambda page: (
                page.get_by_role("listitem")
                .filter(has=page.get_by_role("heading", name="DataCite", exact=True))
                .get_by_role("link", name="Revoke access")
            ),
        ),
        Step(
            "revoke-confirm",
            en="ORCID lists what DataCite will no longer be able to do. Click **Revoke access permissions**.",
            nl="ORCID somt op wat DataCite niet meer zal kunnen. Klik op **Revoke access permissions**.",
            target=button(),
        ),
        Step(
            "revoked",
            en="DataCite is gone from your trusted organizations. It adds nothing more to your record; the works it "
            "added stay where they are. You can connect it again later through Search & Link.",
            nl="DataCite staat niet meer bij uw vertrouwde organisaties. Het voegt niets meer aan uw record toe; de "
            "werken die het al toevoegde, blijven staan. Later kunt u DataCite opnieuw koppelen via "
            "Search & Link.",
            target=heading("Trusted organizations"),
            click=False,
        ),
    ),
)
