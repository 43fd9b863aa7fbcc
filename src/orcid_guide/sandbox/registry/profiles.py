"""Crossref and DataCite as the sandbox runs them: their ORCID clients, scopes and work types.

The scopes are the ones the real services ask for: Crossref Metadata Search "/read-limited /activities/update"
(CrossRef/cr-search, lib/orcid_auth.rb); DataCite the member default of its omniauth-orcid strategy,
"/read-limited /activities/update /person/update". Crossref's auto-update is a separate ORCID client named
"Crossref" that asks for permission through the researcher's ORCID inbox; DataCite's auto-update is the
researcher's switch in DataCite's own pages, working with the same client as its search.
"""

from __future__ import annotations

from pathlib import Path

from orcid_guide.sandbox.clock import Clock
from orcid_guide.sandbox.registry.settings import OrcidClient, RegistrySettings

CROSSREF_SEARCH = OrcidClient(
    "APP-CROSSREF000000",
    "crossref-demo-secret",
    "Crossref Metadata Search",
    "/read-limited /activities/update",
)
CROSSREF_AUTO_UPDATE = OrcidClient(
    "APP-CROSSREFAUTO00",
    "crossref-auto-update-demo-secret",
    "Crossref",
    "/read-limited /activities/update",
)
DATACITE = OrcidClient(
    "APP-DATACITE000000",
    "datacite-demo-secret",
    "DataCite",
    "/read-limited /activities/update /person/update",
)

# Where ORCID sends the researcher back to, on the registry's own origin.
SEARCH_CALLBACK = "/orcid/callback"
AUTO_UPDATE_CALLBACK = "/orcid/auto-update/callback"
# Where the Search & Link card on ORCID sends the researcher to start.
WIZARD_START = "/orcid/start"


def crossref(database: Path, base_url: str, orcid_url: str, clock: Clock) -> RegistrySettings:
    return RegistrySettings(
        kind="crossref",
        title="Crossref Metadata Search",
        database=database,
        base_url=base_url,
        orcid_url=orcid_url,
        clock=clock,
        search_client=CROSSREF_SEARCH,
        auto_update_client=CROSSREF_AUTO_UPDATE,
        asks_through_inbox=True,
        work_types=("journal-article", "book-chapter"),
        depositor="sandbox-publisher",
    )


def datacite(database: Path, base_url: str, orcid_url: str, clock: Clock) -> RegistrySettings:
    return RegistrySettings(
        kind="datacite",
        title="DataCite Commons",
        database=database,
        base_url=base_url,
        orcid_url=orcid_url,
        clock=clock,
        search_client=DATACITE,
        auto_update_client=DATACITE,
        asks_through_inbox=False,
        work_types=("data-set", "software"),
        depositor="SANDBOX.REPOSITORY",
    )


def redirect_uris(settings: RegistrySettings, client: OrcidClient) -> tuple[str, ...]:
    """The redirect URIs ``client`` is registered with at ORCID."""
    uris = []
    if client == settings.search_client:
        uris.append(settings.base_url + SEARCH_CALLBACK)
    if client == settings.auto_update_client and settings.asks_through_inbox:
        uris.append(settings.base_url + AUTO_UPDATE_CALLBACK)
    return tuple(uris)
