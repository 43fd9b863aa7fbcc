"""People with an ORCID record: creating accounts, finding them by email or iD, checking passwords."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from werkzeug.security import check_password_hash, generate_password_hash

from orcid_guide.orcid_id import is_valid, normalize
from orcid_guide.sandbox.orcid.database import transaction
from orcid_guide.sandbox.orcid.ids import issue_id

VISIBILITIES = ("public", "limited", "private")


@dataclass(frozen=True)
class User:
    orcid: str
    given_names: str
    family_names: str
    credit_name: str
    default_visibility: str

    @property
    def display_name(self) -> str:
        """The name ORCID shows: the published (credit) name if there is one, else given + family names."""
        if self.credit_name:
            return self.credit_name
        return f"{self.given_names} {self.family_names}".strip()


@dataclass(frozen=True)
class Employment:
    organization: str
    department: str = ""
    role_title: str = ""
    start_year: int | None = None
    start_month: int | None = None


@dataclass(frozen=True)
class NewAccount:
    given_names: str
    family_names: str
    primary_email: str
    password: str
    default_visibility: str
    additional_email: str = ""
    credit_name: str = ""
    tips_email: bool = False
    employment: Employment | None = None
    # Seeded demo accounts may name their iD; registrations get the next one issued.
    orcid: str | None = None
    # werkzeug hash method; demo accounts use a cheap one because their passwords are published anyway.
    hash_method: str = "scrypt"


def _user(row: sqlite3.Row) -> User:
    return User(
        orcid=row["orcid"],
        given_names=row["given_names"],
        family_names=row["family_names"],
        credit_name=row["credit_name"],
        default_visibility=row["default_visibility"],
    )


def email_in_use(db: sqlite3.Connection, address: str) -> bool:
    return db.execute("SELECT 1 FROM emails WHERE address = ?", (address.strip(),)).fetchone() is not None


def create_account(db: sqlite3.Connection, account: NewAccount, *, now_ms: int, fixed_ids: bool) -> User:
    """Insert the user, their emails and employment in one transaction; returns the new user.

    Raises sqlite3.IntegrityError when an email is already taken (callers check first; this is the race).
    """
    if account.default_visibility not in VISIBILITIES:
        raise ValueError(f"unknown visibility {account.default_visibility!r}")
    password_hash = generate_password_hash(account.password, method=account.hash_method)
    with transaction(db):
        orcid = account.orcid or issue_id(db, fixed=fixed_ids)
        db.execute(
            "INSERT INTO users (orcid, given_names, family_names, credit_name, password_hash, default_visibility,"
            " tips_email, created_ms, modified_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                orcid,
                account.given_names.strip(),
                account.family_names.strip(),
                account.credit_name.strip(),
                password_hash,
                account.default_visibility,
                int(account.tips_email),
                now_ms,
                now_ms,
            ),
        )
        emails = [(account.primary_email, 1)]
        if account.additional_email.strip():
            emails.append((account.additional_email, 0))
        for address, primary in emails:
            db.execute(
                "INSERT INTO emails (address, orcid, is_primary, visibility, created_ms) VALUES (?, ?, ?, ?, ?)",
                (address.strip().lower(), orcid, primary, "private", now_ms),
            )
        job = account.employment
        if job is not None:
            db.execute(
                "INSERT INTO employments (orcid, source_orcid, source_name, organization, department, role_title,"
                " start_year, start_month, visibility, created_ms, modified_ms)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    orcid,
                    orcid,
                    f"{account.given_names} {account.family_names}".strip(),
                    job.organization,
                    job.department,
                    job.role_title,
                    job.start_year,
                    job.start_month,
                    account.default_visibility,
                    now_ms,
                    now_ms,
                ),
            )
    user = find_by_orcid(db, orcid)
    assert user is not None
    return user


def find_by_orcid(db: sqlite3.Connection, orcid: str) -> User | None:
    row = db.execute("SELECT * FROM users WHERE orcid = ?", (orcid,)).fetchone()
    return _user(row) if row else None


def find_by_login(db: sqlite3.Connection, login: str, id_uri_base: str = "") -> User | None:
    """The user an "Email or ORCID iD" entry names: an email (any case), an iD, or an iD URL."""
    text = login.strip()
    if not text:
        return None
    if "@" in text:
        row = db.execute(
            "SELECT users.* FROM users JOIN emails ON emails.orcid = users.orcid WHERE emails.address = ?",
            (text,),
        ).fetchone()
        return _user(row) if row else None
    if id_uri_base and text.lower().startswith(id_uri_base.lower()):
        text = text[len(id_uri_base) :]
    candidate = normalize(text)
    if not is_valid(candidate):
        return None
    return find_by_orcid(db, candidate)


def check_credentials(db: sqlite3.Connection, login: str, password: str, id_uri_base: str = "") -> User | None:
    user = find_by_login(db, login, id_uri_base)
    if user is None:
        return None
    row = db.execute("SELECT password_hash FROM users WHERE orcid = ?", (user.orcid,)).fetchone()
    return user if check_password_hash(row["password_hash"], password) else None


def primary_email(db: sqlite3.Connection, orcid: str) -> str:
    row = db.execute("SELECT address FROM emails WHERE orcid = ? AND is_primary = 1", (orcid,)).fetchone()
    return str(row["address"]) if row else ""


def set_default_visibility(db: sqlite3.Connection, orcid: str, visibility: str, *, now_ms: int) -> None:
    if visibility not in VISIBILITIES:
        raise ValueError(f"unknown visibility {visibility!r}")
    with transaction(db):
        db.execute(
            "UPDATE users SET default_visibility = ?, modified_ms = ? WHERE orcid = ?", (visibility, now_ms, orcid)
        )


@dataclass(frozen=True)
class Names:
    """What ORCID's Names dialog saves: given, family and published names and who can see them."""

    given_names: str
    family_names: str
    credit_name: str
    visibility: str


NAME_MAX_LENGTH = 100  # modal-name.component.ts: Validators.maxLength(100) on each name


def names_error(names: Names) -> str:
    """ORCID's message for the first thing wrong with ``names``, or "" when they can be saved."""
    if not names.given_names.strip():
        return "Please enter your given names"
    if any(len(value) > NAME_MAX_LENGTH for value in (names.given_names, names.family_names, names.credit_name)):
        return "Must be less than 100 characters"
    if names.visibility not in VISIBILITIES:
        return "Please choose who can see your names"
    return ""


def names_visibility(db: sqlite3.Connection, orcid: str) -> str:
    row = db.execute("SELECT names_visibility FROM users WHERE orcid = ?", (orcid,)).fetchone()
    return str(row["names_visibility"])


def save_names(db: sqlite3.Connection, orcid: str, names: Names, *, now_ms: int) -> None:
    error = names_error(names)
    if error:
        raise ValueError(error)
    with transaction(db):
        db.execute(
            "UPDATE users SET given_names = ?, family_names = ?, credit_name = ?, names_visibility = ?,"
            " modified_ms = ? WHERE orcid = ?",
            (
                names.given_names.strip(),
                names.family_names.strip(),
                names.credit_name.strip(),
                names.visibility,
                now_ms,
                orcid,
            ),
        )
