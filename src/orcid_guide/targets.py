"""Where tutorials run: the embedded sandbox (``mock``) or the real ORCID sandbox (``sandbox``)."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orcid_guide.engine.steps import Env
from orcid_guide.errors import UserError
from orcid_guide.sandbox.launcher import running_sandbox

TARGETS = ("mock", "sandbox")
REAL_SANDBOX = "https://sandbox.orcid.org"


@contextmanager
def target_env(target: str, workdir: Path) -> Iterator[Env]:
    """An Env for one tutorial run, on fresh fixture data; the real sandbox is checked before use."""
    if target not in TARGETS:
        raise UserError(f"Unknown target {target!r}; use one of: {', '.join(TARGETS)}.")
    orcid_override: dict[str, str] = {}
    if target == "sandbox":
        orcid_override = _real_sandbox_values()
    with running_sandbox(workdir) as sandbox:
        urls = {"orcid": sandbox.orcid_url, "lucris": sandbox.lucris_url}
        values: dict[str, str] = {}
        if orcid_override:
            urls["orcid"] = orcid_override.pop("url")
            values.update(orcid_override)
        yield Env(target=target, urls=urls, values=values)


def _real_sandbox_values() -> dict[str, str]:
    url = os.environ.get("ORCID_SANDBOX_URL", REAL_SANDBOX).rstrip("/")
    email = os.environ.get("ORCID_SANDBOX_EMAIL", "")
    password = os.environ.get("ORCID_SANDBOX_PASSWORD", "")
    if not email or not password:
        raise UserError(
            "The sandbox target needs a test account on the ORCID sandbox: "
            "set ORCID_SANDBOX_EMAIL and ORCID_SANDBOX_PASSWORD."
        )
    try:
        with urllib.request.urlopen(f"{url}/signin", timeout=10):
            pass
    except urllib.error.HTTPError:
        pass  # it answered, which is all this check asks
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise UserError(
            f"Could not reach the ORCID sandbox at {url} ({reason}); check the network or use --target mock."
        ) from error
    return {"url": url, "orcid_email": email, "orcid_password": password}
