"""Register your ORCID iD in LUCRIS by typing it on your research profile."""

from __future__ import annotations

from _lucris import fill_login
from orcid_guide.engine.actions import click, fill_value
from orcid_guide.engine.elements import button, field, link
from orcid_guide.engine.steps import Step, Tutorial

TUTORIAL = Tutorial(
    steps=(
        Step(
            "log-in",
            en="Log in to LUCRIS at [lucris.leidenuniv.nl](https://lucris.leidenuniv.nl/) with your ULCN username "
            "and password, and click **Log in**.",
            nl="Log in bij LUCRIS op [lucris.leidenuniv.nl](https://lucris.leidenuniv.nl/) met uw ULCN-gebruikersnaam "
            "en -wachtwoord, en klik op **Log in**.",
            act=fill_login(),
            target=button(),
        ),
        Step(
            "preferences",
            en="On your **Dashboard**, click **Set Personal Preferences**.",
            nl="Klik op uw **Dashboard** op **Set Personal Preferences**.",
            target=link(),
        ),
        Step(
            "research-profile",
            en="In the menu on the left, click **More** and then **Research Profile**.",
            nl="Klik in het menu links op **More** en daarna op **Research Profile**.",
            act=click(button("More")),
            target=link(),
        ),
        Step(
            "type-id",
            en="Scroll down to **Research identifiers** and type your iD in the field **ORCID**, for example "
            "0000-0001-8204-5170 (the https://orcid.org/ form is fine too). Then save it.",
            nl="Scrol naar beneden naar **Research identifiers** en typ uw iD in het veld **ORCID**, bijvoorbeeld "
            "0000-0001-8204-5170 (de vorm met https://orcid.org/ mag ook). Sla het daarna op.",
            act=fill_value(field("ORCID"), "orcid_id"),
            target=button("Save"),
        ),
        Step(
            "saved",
            en="LUCRIS checks the iD before it saves it. A mistyped iD is refused with a message that says what is "
            "wrong, and your profile stays as it was; a correct one now shows under **Research identifiers**.",
            nl="LUCRIS controleert het iD voordat het wordt opgeslagen. Een verkeerd getypt iD wordt geweigerd met een "
            "melding die zegt wat er mis is, en uw profiel blijft zoals het was; een juist iD staat nu onder "
            "**Research identifiers**.",
            target=field("ORCID"),
            click=False,
        ),
    ),
)
