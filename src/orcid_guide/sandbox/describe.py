"""What `orcid-guide sandbox` prints: the URLs, the demo accounts and the demo API clients."""

from __future__ import annotations

from orcid_guide.sandbox.launcher import RunningSandbox
from orcid_guide.sandbox.lucris.fixtures import DEMO_ACCOUNTS as LUCRIS_ACCOUNTS
from orcid_guide.sandbox.orcid.app import DEMO_ACCOUNTS as ORCID_ACCOUNTS
from orcid_guide.sandbox.orcid.demo_clients import demo_clients


def describe(running: RunningSandbox) -> str:
    lines = [
        f"ORCID emulator: {running.orcid_url}  (API: {running.orcid_url}/v3.0, OAuth: {running.orcid_url}/oauth)",
        f"Mock LUCRIS:    {running.lucris_url}",
        f"Crossref:       {running.crossref_url}  (register a DOI: {running.crossref_url}/deposit)",
        f"DataCite:       {running.datacite_url}  (register a DOI: {running.datacite_url}/deposit)",
        "Depositor accounts (HTTP Basic on POST /deposits, and the password on /deposit):",
        f"  Crossref: {running.crossref.depositor} / {running.crossref.depositor_password}",
        f"  DataCite: {running.datacite.depositor} / {running.datacite.depositor_password}",
        "",
        "ORCID demo accounts (sign in with email or iD):",
        *(f"  {a.name}: {a.email} / {a.password}  iD {a.orcid}" for a in ORCID_ACCOUNTS),
        "LUCRIS demo accounts:",
        *(f"  {a.name}: {a.username} / {a.password}" for a in LUCRIS_ACCOUNTS),
        "ORCID API clients (client id / secret / redirect URIs):",
        *(f"  {c.name}: {c.client_id} / {c.secret} / {' '.join(c.redirect_uris)}" for c in demo_clients(running.orcid)),
    ]
    return "\n".join(lines)
