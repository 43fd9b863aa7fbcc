"""Where tutorials run: the embedded sandbox (``mock``) or the real ORCID sandbox (``sandbox``)."""

from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from orcid_guide.engine.steps import Env
from orcid_guide.errors import UserError
from orcid_guide.sandbox.launcher import RunningSandbox, reusable_sandbox, running_sandbox
from orcid_guide.sandbox.lucris.fixtures import DEMO_ACCOUNTS as LUCRIS_ACCOUNTS
from orcid_guide.sandbox.orcid.demo_data import EVA as _EVA_ORCID

TARGETS = ("mock", "sandbox")

# The researcher the LUCRIS tutorials follow, with her accounts in both fixture databases,
# and the LUCRIS editor who validates her publications.
_EVA_LUCRIS = next(account for account in LUCRIS_ACCOUNTS if account.name == "Eva de Vries")
_EDITOR = next(account for account in LUCRIS_ACCOUNTS if account.username == "mjansen")
DEMO_VALUES = {
    "researcher": _EVA_ORCID.name,
    "orcid_id": _EVA_ORCID.orcid,
    "orcid_email": _EVA_ORCID.email,
    "orcid_password": _EVA_ORCID.password,
    "lucris_username": _EVA_LUCRIS.username,
    "lucris_password": _EVA_LUCRIS.password,
    "lucris_editor": _EDITOR.username,
    "lucris_editor_password": _EDITOR.password,
}
REAL_SANDBOX = "https://sandbox.orcid.org"


@dataclass(frozen=True)
class Target:
    name: str
    # For the real sandbox: its URL and the test account; empty for the mock.
    orcid: dict[str, str] = field(default_factory=dict)
    # Which of ORCID's two Add menus the embedded emulator shows: "new" rehearses ORCID switching to it.
    add_menu: Literal["classic", "new"] = "classic"
    # True rehearses ORCID's backup-email interstitial for records with one email address.
    backup_email_prompt: bool = False


def check_target(name: str) -> Target:
    """The target, checked once before any browser starts: credentials present, network reachable."""
    if name not in TARGETS:
        raise UserError(f"Unknown target {name!r}; use one of: {', '.join(TARGETS)}.")
    return Target(name, _real_sandbox_values() if name == "sandbox" else {})


@contextmanager
def target_env(target: Target, workdir: Path, *, port_base: int = 0) -> Iterator[Env]:
    """An Env for one tutorial run, on fresh fixture data and with no files kept from an earlier run. The apps
    listen on free ports, or with ``port_base`` on that port (ORCID) and the three after it (LUCRIS, Crossref,
    DataCite)."""
    kept = workdir / "kept"
    shutil.rmtree(kept, ignore_errors=True)
    step = 1 if port_base else 0  # 0 everywhere: free ports
    with running_sandbox(
        workdir,
        add_menu=target.add_menu,
        backup_email_prompt=target.backup_email_prompt,
        orcid_port=port_base,
        lucris_port=port_base + step,
        crossref_port=port_base + 2 * step,
        datacite_port=port_base + 3 * step,
    ) as sandbox:
        yield _env(target, sandbox, kept)


FreshEnv = Callable[[], AbstractContextManager[Env]]


@contextmanager
def target_envs(target: Target, workdir: Path) -> Iterator[FreshEnv]:
    """Fresh Envs one after another on one sandbox, started once: each as ``target_env`` gives it (fixture data,
    new keys, no kept files), without starting the four apps again (sandbox/launcher.py, ``ReusableSandbox``)."""
    with reusable_sandbox(workdir, add_menu=target.add_menu, backup_email_prompt=target.backup_email_prompt) as host:

        @contextmanager
        def fresh() -> Iterator[Env]:
            kept = workdir / "kept"
            shutil.rmtree(kept, ignore_errors=True)
            yield _env(target, host.fresh(), kept)

        yield fresh


def _env(target: Target, sandbox: RunningSandbox, kept: Path) -> Env:
    urls = {
        "orcid": sandbox.orcid_url,
        "lucris": sandbox.lucris_url,
        "crossref": sandbox.crossref_url,
        "datacite": sandbox.datacite_url,
    }
    values = dict(DEMO_VALUES)
    # The publishers' accounts, random per run like the password `orcid-guide sandbox` prints.
    for name, registry in (("crossref", sandbox.crossref), ("datacite", sandbox.datacite)):
        values[f"{name}_depositor"] = registry.depositor
        values[f"{name}_depositor_password"] = registry.depositor_password
    if target.orcid:
        urls["orcid"] = target.orcid["url"]
        values.update({key: value for key, value in target.orcid.items() if key != "url"})
    return Env(target=target.name, urls=urls, values=values, kept=kept)


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
