"""ORCID's OAuth scopes: which a client may ask for, and the words the screens use for them."""

from __future__ import annotations

AUTHENTICATE = "/authenticate"
OPENID = "openid"
READ_PUBLIC = "/read-public"
READ_LIMITED = "/read-limited"
ACTIVITIES_UPDATE = "/activities/update"
PERSON_UPDATE = "/person/update"
# Client credentials for sending permission requests to researchers' inboxes (member clients only).
PREMIUM_NOTIFICATION = "/premium-notification"

# What the authorize page says for each scope (orcid-ui-strings.txt). /authenticate and openid both only reveal
# the iD, so they share one line.
SCOPE_LABELS: dict[str, str] = {
    AUTHENTICATE: "Get your ORCID iD",
    OPENID: "Get your ORCID iD",
    READ_PUBLIC: "Get your ORCID iD",
    ACTIVITIES_UPDATE: "Add/update your research activities (works, affiliations, etc.)",
    PERSON_UPDATE: "Add/update information about you (country, keywords, etc.)",
    READ_LIMITED: "Read your information with visibility set to Trusted parties",
}

# Trusted parties and its revoke dialog word them differently (types/account-trusted-organizations.ts,
# ScopePathTypeLabel): "Trusted Parties" capitalised, "etc)" without the full stop.
TRUSTED_PARTIES_SCOPE_LABELS: dict[str, str] = {
    AUTHENTICATE: "Get your ORCID iD",
    OPENID: "Get your ORCID iD",
    READ_PUBLIC: "Read public info only",
    ACTIVITIES_UPDATE: "Add/update your research activities (works, affiliations, etc)",
    PERSON_UPDATE: "Add/update information about you (country, keywords, etc.)",
    READ_LIMITED: "Read your information with visibility set to Trusted Parties",
}

# Scopes a researcher can grant through /oauth/authorize. Public API clients get the iD only; member clients
# (LUCRIS, Crossref, DataCite) may also read limited items and write.
PUBLIC_CLIENT_SCOPES = frozenset({AUTHENTICATE, OPENID, READ_PUBLIC})
MEMBER_CLIENT_SCOPES = PUBLIC_CLIENT_SCOPES | {READ_LIMITED, ACTIVITIES_UPDATE, PERSON_UPDATE}


def parse_scopes(text: str) -> tuple[str, ...]:
    """The scopes in a space- (or plus-) separated scope parameter, in order, each once."""
    seen: list[str] = []
    for part in text.replace("+", " ").split():
        if part not in seen:
            seen.append(part)
    return tuple(seen)


def unknown_scopes(scopes: tuple[str, ...], *, member: bool) -> list[str]:
    """The requested scopes this kind of client may not ask for (unknown ones included)."""
    allowed = MEMBER_CLIENT_SCOPES if member else PUBLIC_CLIENT_SCOPES
    return [scope for scope in scopes if scope not in allowed]


def scope_labels(scopes: tuple[str, ...] | list[str], words: dict[str, str] | None = None) -> list[str]:
    """One line per distinct thing the scopes allow, in the order ORCID lists them (``words``: another screen's)."""
    labels: list[str] = []
    for scope in sorted(scopes, key=_display_order):
        label = (SCOPE_LABELS if words is None else words).get(scope)
        if label is not None and label not in labels:
            labels.append(label)
    return labels


_ORDER = (AUTHENTICATE, OPENID, READ_PUBLIC, ACTIVITIES_UPDATE, PERSON_UPDATE, READ_LIMITED)


def _display_order(scope: str) -> int:
    return _ORDER.index(scope) if scope in _ORDER else len(_ORDER)
