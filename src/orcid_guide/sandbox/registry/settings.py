"""What the launcher tells a registry app (Crossref or DataCite) when it builds it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from orcid_guide.sandbox.clock import Clock


@dataclass(frozen=True)
class OrcidClient:
    """One of the registry's ORCID member API clients, and the scopes it asks the researcher for."""

    client_id: str
    secret: str
    name: str
    scopes: str


@dataclass(frozen=True)
class RegistrySettings:
    # "crossref" or "datacite": picks the fixture DOIs and what the screens are called.
    kind: str
    # What the registry's own screens are titled ("Crossref Metadata Search", "DataCite Commons").
    title: str
    database: Path
    base_url: str
    # The ORCID emulator's origin: OAuth at /oauth, the member API under /v3.0.
    orcid_url: str
    clock: Clock
    # The client behind the Search & Link wizard (one-time linking of works the researcher picks).
    search_client: OrcidClient
    # The client that adds new deposits by itself. Crossref's is a client of its own that asks for permission
    # through the ORCID inbox; DataCite's is its search client with the researcher's auto-update switch on.
    auto_update_client: OrcidClient
    asks_through_inbox: bool
    work_types: tuple[str, ...]
    # Random per start (the launcher keeps it with the data under --data): never a string from the source.
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32), repr=False)
    # The publisher's (or repository's) account that deposits need, as at the real services: Crossref's
    # depositor login, DataCite's repository ID and password. The password is random per start, like the key.
    depositor: str = "sandbox-depositor"
    depositor_password: str = field(default_factory=lambda: secrets.token_urlsafe(18), repr=False)
    # Seconds the registry waits for ORCID before it records ORCID as unreachable.
    orcid_timeout: float = 5.0

    @property
    def auto_update_needs_switch(self) -> bool:
        return not self.asks_through_inbox
