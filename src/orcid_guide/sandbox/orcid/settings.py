"""What the launcher tells the ORCID emulator when it builds it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from orcid_guide.sandbox.clock import Clock


@dataclass(frozen=True)
class ClientRegistration:
    """An API client registered with the emulator (LUCRIS is a member client)."""

    client_id: str
    secret: str
    name: str
    redirect_uris: tuple[str, ...]
    member: bool = False
    # Where this member's Search & Link wizard starts on its own site (Crossref, DataCite); empty for others.
    start_url: str = ""


@dataclass(frozen=True)
class OrcidSettings:
    database: Path
    base_url: str
    clock: Clock
    # True under the tutorials: iDs come from a fixed sequence so every run shows the same ones.
    fixed_ids: bool = True
    # "classic" is ORCID's default Add menu ("Add BibTeX" …), "new" its newer one ("Import works from a BibTeX file" …).
    add_menu: Literal["classic", "new"] = "classic"
    # True rehearses ORCID's backup-email interstitial (LOGIN_/OAUTH_BACKUP_EMAIL_INTERSTITIAL on): records with
    # one email address are asked, once, to add another after sign-in and after "Authorize access".
    backup_email_prompt: bool = False
    clients: tuple[ClientRegistration, ...] = ()
    # The iD URL shown on screens and in API answers; fixed so screenshots do not carry a loopback port.
    id_uri_base: str = "https://sandbox.orcid.org/"
    # Random per start (the launcher keeps it with the data under --data): never a string from the source.
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32), repr=False)
