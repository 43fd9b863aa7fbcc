"""What the launcher tells mock LUCRIS when it builds it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from orcid_guide.sandbox.clock import Clock


@dataclass(frozen=True)
class LucrisSettings:
    database: Path
    base_url: str
    # The emulator's origin: its screens and OAuth at the root, the API under /v3.0.
    orcid_url: str
    client_id: str
    client_secret: str
    clock: Clock
    # Random per start (the launcher keeps it with the data under --data): never a string from the source.
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32), repr=False)
    # Seconds LUCRIS waits for ORCID before it tells the researcher ORCID could not be reached.
    orcid_timeout: float = 5.0
