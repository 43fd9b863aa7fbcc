"""Register your ORCID iD in LUCRIS by typing it on your research profile."""

from __future__ import annotations

from playwright.sync_api import Page

from _lucris import fill_login
from orcid_guide.engine.steps import Env, Step, Tutorial


def open_more(page: Page, env: Env) -> None:
    page.get_by_role("button", name="More").click()


def type_id(page: Page, env: Env) -> None:
    page.get_by_label("ORCID", exact=True).fill(env.values["orcid_id"])


TUTORIAL = Tutorial(
    name="register_orcid_in_lucris",
    steps=(
        Step(
            "log-in",
            en="Log in to LUCRIS at [lucris.leidenuniv.nl](https://lucris.leidenuniv.nl/) with your ULCN username "
            "and password, and click **Log in**.",
            nl="Log in bij LUCRIS op [lucris.leidenuniv.nl](https://lucris.leidenuniv.nl/) met uw ULCN-gebruikersnaam "
            "en -wachtwoord, en klik op **Log in**.",
            act=fill_login,
            target=lambda page: page.get_by_role("button", name="Log in"),
        ),
        Step(
            "preferences",
            en="On your **Dashboard**, click **Set Personal Preferences**.",
            nl="Klik op uw **Dashboard** op **Set Personal Preferences**.",
            target=lambda page: page.get_by_role("link", name="Set Personal Preferences"),
        ),
        Step(
            "research-profile",
            en="In the menu on the left, click **More** and then **Research Profile**.",
            nl="Klik in het menu links op **More** en daarna op **Research Profile**.",
            act=open_more,
            target=lambda page: page.get_by_role("link", name="Research Profile"),
        ),
        Step(
            "type-id",
            en="Scroll down to **Research identifiers** and type your iD in the field **ORCID**, for example "
            "0000-0001-8204-5170 (the https://orcid.org/ form is fine too). Then save it.",
            nl="Scrol naar beneden naar **Research identifiers** en typ uw iD in het veld **ORCID**, bijvoorbeeld "
            "0000-0001-8204-5170 (de vorm met https://orcid.org/ mag ook). Sla het daarna op.",
            act=type_id,
            target=lambda page: page.get_by_role("button", name="Save"),
        ),
        Step(
            "saved",
            en="LUCRIS checks the iD before it saves it. A mistyped iD is refused with a message that says what is "
            "wrong, and your profile stays as it was; a correct one now shows under **Research identifiers**.",
            nl="LUCRIS controleert het iD voordat het wordt opgeslagen. Een verkeerd getypt iD wordt geweigerd met een "
            "melding die zegt wat er mis is, en uw profiel blijft zoals het was; een juist iD staat nu onder "
            "**Research identifiers**.",
            target=lambda page: page.get_by_label("ORCID", exact=True),
            click=False,
        ),
    ),
)
