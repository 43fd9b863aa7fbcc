"""The API clients every emulator has besides the launcher's (LUCRIS): the Search & Link wizards and a public client.

Crossref Metadata Search and DataCite are member clients whose redirect URIs live on the emulator itself
(`/demo-client/callback`), because the emulator also plays their part: it exchanges the code and keeps the
token, so the researcher sees them under Trusted parties. The public demo client is for trying
`client_credentials` /read-public by hand. Their secrets are published (`orcid-guide sandbox` prints them).
"""

from __future__ import annotations

from dataclasses import dataclass

from orcid_guide.sandbox.orcid.scopes import ACTIVITIES_UPDATE, READ_LIMITED
from orcid_guide.sandbox.orcid.settings import ClientRegistration, OrcidSettings

CALLBACK_PATH = "/demo-client/callback"

CROSSREF_ID = "APP-CROSSREF000000"
DATACITE_ID = "APP-DATACITE000000"
PUBLIC_DEMO_ID = "APP-PUBLICDEMO0000"


@dataclass(frozen=True)
class Wizard:
    """A Search & Link card: which client it authorizes, with what scopes, and what it says."""

    client_id: str
    name: str
    description: str
    scopes: str = f"{READ_LIMITED} {ACTIVITIES_UPDATE}"


WIZARDS: tuple[Wizard, ...] = (
    Wizard(CROSSREF_ID, "Crossref Metadata Search", "Search for and add works registered with Crossref DOIs."),
    Wizard(DATACITE_ID, "DataCite", "Search for and add datasets and other works registered with DataCite DOIs."),
)
# The other wizards ORCID lists; the sandbox shows their cards but has no service behind them.
OTHER_WIZARDS: tuple[tuple[str, str], ...] = (
    ("Europe PubMed Central", "Find and link your life-science articles indexed by Europe PMC."),
    ("ISNI", "Link your ISNI identifier and the works recorded with it."),
    ("BASE - Bielefeld Academic Search Engine", "Find and link works from open-access repositories."),
    ("MLA International Bibliography", "Find and link works in language, literature and linguistics."),
    ("Scopus - Elsevier", "Link your Scopus author profile and its works."),
)


def builtin_clients(base_url: str) -> tuple[ClientRegistration, ...]:
    callback = f"{base_url}{CALLBACK_PATH}"
    return (
        ClientRegistration(CROSSREF_ID, "crossref-demo-secret", "Crossref Metadata Search", (callback,), member=True),
        ClientRegistration(DATACITE_ID, "datacite-demo-secret", "DataCite", (callback,), member=True),
        ClientRegistration(PUBLIC_DEMO_ID, "public-demo-secret", "Public API demo client", (callback,), member=False),
    )


def demo_clients(settings: OrcidSettings) -> tuple[ClientRegistration, ...]:
    """Every client the emulator registers: the launcher's (settings.clients) first, then the built-in ones."""
    given = {client.client_id for client in settings.clients}
    return settings.clients + tuple(c for c in builtin_clients(settings.base_url) if c.client_id not in given)


def wizard_start(settings: OrcidSettings, wizard: Wizard) -> str | None:
    """Where the wizard's card leads: the service's own site when the launcher runs it, else the emulator's stand-in."""
    client = registration(settings, wizard.client_id)
    return client.start_url if client is not None and client.start_url else None


def registration(settings: OrcidSettings, client_id: str) -> ClientRegistration | None:
    return next((client for client in demo_clients(settings) if client.client_id == client_id), None)
