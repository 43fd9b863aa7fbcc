"""Finding people for the search API: only records whose names are public, matched on public data only."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from orcid_guide.orcid_id import normalize
from orcid_guide.sandbox.orcid.search_query import All, Not, Query, Term, id_field, words


@dataclass(frozen=True)
class PublicPerson:
    orcid: str
    given_names: str
    family_names: str
    credit_name: str
    emails: tuple[str, ...]
    institutions: tuple[str, ...]
    # Public works only: their titles, and their identifiers as (type, value, relationship).
    work_titles: tuple[str, ...] = ()
    work_ids: tuple[tuple[str, str, str], ...] = ()


def public_people(db: sqlite3.Connection) -> list[PublicPerson]:
    """Everyone whose names are public, with their public emails and public employers; sorted by name."""
    people = []
    users = db.execute(
        "SELECT orcid, given_names, family_names, credit_name FROM users WHERE names_visibility = 'public'"
        " ORDER BY family_names COLLATE NOCASE, given_names COLLATE NOCASE, orcid"
    ).fetchall()
    for user in users:
        emails = db.execute(
            "SELECT address FROM emails WHERE orcid = ? AND visibility = 'public' ORDER BY is_primary DESC, address",
            (user["orcid"],),
        ).fetchall()
        jobs = db.execute(
            "SELECT DISTINCT organization FROM employments WHERE orcid = ? AND visibility = 'public'"
            " ORDER BY organization",
            (user["orcid"],),
        ).fetchall()
        titles = db.execute(
            "SELECT title FROM works WHERE orcid = ? AND visibility = 'public' ORDER BY put_code", (user["orcid"],)
        ).fetchall()
        ids = db.execute(
            "SELECT e.type, e.value, e.relationship FROM work_external_ids e JOIN works w USING (put_code)"
            " WHERE w.orcid = ? AND w.visibility = 'public'",
            (user["orcid"],),
        ).fetchall()
        people.append(
            PublicPerson(
                orcid=user["orcid"],
                given_names=user["given_names"],
                family_names=user["family_names"],
                credit_name=user["credit_name"],
                emails=tuple(row["address"] for row in emails),
                institutions=tuple(row["organization"] for row in jobs),
                work_titles=tuple(row["title"] for row in titles),
                work_ids=tuple((row["type"], row["value"], row["relationship"]) for row in ids),
            )
        )
    return people


def _phrase_in(term: Term, text: str) -> bool:
    wanted, have = words(term.text), words(text)
    if not wanted:
        return False
    for start in range(len(have) - len(wanted) + 1):
        window = have[start : start + len(wanted)]
        if window[:-1] == wanted[:-1] and (
            window[-1] == wanted[-1] or (term.prefix and window[-1].startswith(wanted[-1]))
        ):
            return True
    return False


def _field_texts(person: PublicPerson, field: str) -> tuple[str, ...]:
    return {
        "given-names": (person.given_names,),
        "family-name": (person.family_names,),
        "given-and-family-names": (f"{person.given_names} {person.family_names}",),
        "credit-name": (person.credit_name,),
        "other-names": (),
        "affiliation-org-name": person.institutions,
    }.get(field, ())


def _term_matches(term: Term, person: PublicPerson) -> bool:
    if term.field == "*":  # *:*, everyone
        return True
    if term.field == "email":
        return term.text.strip().lower() in (address.lower() for address in person.emails)
    if term.field == "orcid":
        return normalize(term.text) == person.orcid
    if term.field == "text":
        texts = (
            f"{person.given_names} {person.family_names}",
            person.credit_name,
            *person.institutions,
            *person.emails,
        )
        return normalize(term.text) == person.orcid or any(_phrase_in(term, text) for text in texts)
    if term.field in ("title", "work-titles"):
        return any(_phrase_in(term, text) for text in person.work_titles)
    wanted_id = id_field(term.field)
    if wanted_id is not None:
        kind, relationship = wanted_id
        value = term.text.strip().lower()
        # An identifier matches as a whole or, without quotes, by what it includes (ORCID's example 9).
        return any(
            type_ == kind
            and (not relationship or rel == relationship)
            and (found.lower() == value or (value and value in found.lower()))
            for type_, found, rel in person.work_ids
        )
    return any(_phrase_in(term, text) for text in _field_texts(person, term.field))


def matches(query: Query, person: PublicPerson) -> bool:
    if isinstance(query, Term):
        return _term_matches(query, person)
    if isinstance(query, Not):
        return not matches(query.inner, person)
    if isinstance(query, All):
        return all(matches(part, person) for part in query.parts)
    # Any_: one of its parts.
    return any(matches(part, person) for part in query.parts)


def search(db: sqlite3.Connection, query: Query) -> list[PublicPerson]:
    return [person for person in public_people(db) if matches(query, person)]
