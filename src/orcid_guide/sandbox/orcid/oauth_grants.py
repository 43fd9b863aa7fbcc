"""Authorization codes and access tokens: issuing, redeeming, checking and revoking them.

Codes and tokens are stored as SHA-256 digests only; the issued values exist only in the answers that carry
them. Times come from the caller (settings.clock()), so a fixed clock gives a stable "Access granted" date.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import string
import uuid
from dataclasses import dataclass

from orcid_guide.sandbox.orcid.database import transaction

CODE_LIFETIME_MS = 10 * 60 * 1000
# ORCID's tokens last about twenty years (expires_in 631138518 seconds); the emulator says the same.
TOKEN_LIFETIME_S = 631_138_518
_CODE_ALPHABET = string.ascii_letters + string.digits


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    refresh_token: str
    scopes: str
    orcid: str | None
    expires_in: int


@dataclass(frozen=True)
class TokenGrant:
    """What a live access token allows: whose record (None for /read-public) and which scopes."""

    client_id: str
    orcid: str | None
    scopes: frozenset[str]


class InvalidGrant(Exception):
    """The code (or refresh token) cannot be exchanged; the message is the OAuth error_description."""


class InvalidScope(InvalidGrant):
    """A refresh asked for scopes (or a lifetime) beyond the original token's: OAuth's invalid_scope."""


def create_code(
    db: sqlite3.Connection,
    *,
    client_id: str,
    orcid: str,
    scopes: str,
    redirect_uri: str,
    state: str | None,
    now_ms: int,
) -> str:
    """A fresh 6-character single-use code for this authorization."""
    with transaction(db):
        while True:
            code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))
            exists = db.execute("SELECT 1 FROM oauth_codes WHERE code = ?", (digest(code),)).fetchone()
            if exists is None:
                break
        db.execute(
            "INSERT INTO oauth_codes (code, client_id, orcid, scopes, redirect_uri, state, created_ms)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (digest(code), client_id, orcid, scopes, redirect_uri, state, now_ms),
        )
    return code


def _insert_token(
    db: sqlite3.Connection,
    *,
    client_id: str,
    orcid: str | None,
    scopes: str,
    code_digest: str | None,
    now_ms: int,
    lifetime_s: int = TOKEN_LIFETIME_S,
) -> IssuedToken:
    access, refresh = str(uuid.uuid4()), str(uuid.uuid4())
    db.execute(
        "INSERT INTO tokens (access_token, refresh_token, code, client_id, orcid, scopes, created_ms, expires_ms)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            digest(access),
            digest(refresh),
            code_digest,
            client_id,
            orcid,
            scopes,
            now_ms,
            now_ms + lifetime_s * 1000,
        ),
    )
    return IssuedToken(access, refresh, scopes, orcid, lifetime_s)


def redeem_code(db: sqlite3.Connection, *, code: str, client_id: str, redirect_uri: str, now_ms: int) -> IssuedToken:
    """Exchange ``code`` for a token, once. A second use fails and revokes the tokens the first one gave."""
    key = digest(code)
    with transaction(db):
        row = db.execute("SELECT * FROM oauth_codes WHERE code = ?", (key,)).fetchone()
        if row is None:
            raise InvalidGrant(f"Invalid authorization code: {code}")
        if row["client_id"] != client_id:
            # Not this client's code: refuse without spending it, so a thief cannot burn the rightful client's code.
            raise InvalidGrant(f"Invalid authorization code: {code}")
        if row["used"]:
            # RFC 6749 4.1.2: a replayed code means it leaked; the tokens issued from it go too.
            db.execute("UPDATE tokens SET revoked = 1 WHERE code = ?", (key,))
            failure = InvalidGrant(f"Reused authorization code: {code}")
        elif now_ms - row["created_ms"] > CODE_LIFETIME_MS:
            failure = InvalidGrant(f"Authorization code has expired: {code}")
        elif row["redirect_uri"] != redirect_uri:
            failure = InvalidGrant("Redirect URI mismatch.")
        else:
            db.execute("UPDATE oauth_codes SET used = 1 WHERE code = ?", (key,))
            return _insert_token(
                db, client_id=client_id, orcid=row["orcid"], scopes=row["scopes"], code_digest=key, now_ms=now_ms
            )
    # Raised outside the transaction so the revocation above is committed, not rolled back.
    raise failure


def client_credentials_token(db: sqlite3.Connection, *, client_id: str, scopes: str, now_ms: int) -> IssuedToken:
    with transaction(db):
        return _insert_token(db, client_id=client_id, orcid=None, scopes=scopes, code_digest=None, now_ms=now_ms)


def refresh(
    db: sqlite3.Connection,
    *,
    refresh_token: str,
    client_id: str,
    now_ms: int,
    scopes: tuple[str, ...] = (),
    expires_in: int | None = None,
    revoke_old: bool = False,
) -> IssuedToken:
    """A new access token from the live token ``refresh_token`` belongs to, as ORCID's refresh-token docs say:
    the same scopes or a subset of them, the same lifetime or a shorter one, and with ``revoke_old`` the original
    access and refresh tokens stop working."""
    with transaction(db):
        row = db.execute(
            "SELECT * FROM tokens WHERE refresh_token = ? AND client_id = ? AND revoked = 0 AND expires_ms > ?",
            (digest(refresh_token), client_id, now_ms),
        ).fetchone()
        if row is None:
            raise InvalidGrant("Invalid refresh token.")
        original = str(row["scopes"]).split()
        extra = [scope for scope in scopes if scope not in original]
        if extra:
            raise InvalidScope(f"The new token may only have the original token's scopes; not {' '.join(extra)}.")
        lifetime_s = (row["expires_ms"] - row["created_ms"]) // 1000
        if expires_in is not None and not 0 < expires_in <= lifetime_s:
            raise InvalidScope(f"expires_in must be from 1 to the original token's {lifetime_s} seconds.")
        if revoke_old:
            db.execute("UPDATE tokens SET revoked = 1 WHERE access_token = ?", (row["access_token"],))
        kept = [scope for scope in original if not scopes or scope in scopes]
        return _insert_token(
            db,
            client_id=client_id,
            orcid=row["orcid"],
            scopes=" ".join(kept),
            code_digest=row["code"],
            now_ms=now_ms,
            lifetime_s=expires_in or lifetime_s,
        )


def live_grant(db: sqlite3.Connection, access_token: str, *, now_ms: int) -> TokenGrant | None:
    """The grant behind a bearer token, or None when it is unknown, revoked or expired."""
    row = db.execute(
        "SELECT client_id, orcid, scopes FROM tokens WHERE access_token = ? AND revoked = 0 AND expires_ms > ?",
        (digest(access_token), now_ms),
    ).fetchone()
    if row is None:
        return None
    return TokenGrant(row["client_id"], row["orcid"], frozenset(str(row["scopes"]).split()))


def revoke_token(db: sqlite3.Connection, *, token: str, client_id: str) -> bool:
    """Revoke the client's token given as access or refresh token; False when the client holds no such token."""
    key = digest(token)
    with transaction(db):
        cursor = db.execute(
            "UPDATE tokens SET revoked = 1 WHERE client_id = ? AND (access_token = ? OR refresh_token = ?)",
            (client_id, key, key),
        )
    return cursor.rowcount > 0


def revoke_client_for_user(db: sqlite3.Connection, *, client_id: str, orcid: str) -> int:
    """Trusted parties > Revoke access: every token the client holds for this record stops working."""
    with transaction(db):
        cursor = db.execute(
            "UPDATE tokens SET revoked = 1 WHERE client_id = ? AND orcid = ? AND revoked = 0", (client_id, orcid)
        )
    return cursor.rowcount


@dataclass(frozen=True)
class TrustedOrganization:
    client_id: str
    name: str
    granted_ms: int
    scopes: tuple[str, ...]


def trusted_organizations(db: sqlite3.Connection, orcid: str, *, now_ms: int) -> list[TrustedOrganization]:
    """The clients holding a live token for this record: when access was first granted and all it allows."""
    rows = db.execute(
        "SELECT tokens.client_id, clients.name, tokens.scopes, tokens.created_ms FROM tokens"
        " JOIN clients ON clients.client_id = tokens.client_id"
        " WHERE tokens.orcid = ? AND tokens.revoked = 0 AND tokens.expires_ms > ?"
        " ORDER BY clients.name COLLATE NOCASE, tokens.created_ms",
        (orcid, now_ms),
    ).fetchall()
    found: dict[str, TrustedOrganization] = {}
    for row in rows:
        scopes = tuple(str(row["scopes"]).split())
        known = found.get(row["client_id"])
        if known is None:
            found[row["client_id"]] = TrustedOrganization(row["client_id"], row["name"], row["created_ms"], scopes)
        else:
            merged = known.scopes + tuple(s for s in scopes if s not in known.scopes)
            found[row["client_id"]] = TrustedOrganization(
                known.client_id, known.name, min(known.granted_ms, row["created_ms"]), merged
            )
    return list(found.values())
