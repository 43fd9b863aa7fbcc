"""A small parser for the Solr queries ORCID's search API gets: fields, phrases, AND / OR / NOT, parentheses.

    family-name:Smith AND given-names:Eva
    given-and-family-names:"Eva de Vries" OR email:e.de.vries@leiden.example
    (family-name:Visser OR family-name:Carberry) AND NOT given-names:Josiah
    peat                                   (bare text searches every public field)
    *:*                                    (everyone public)

Terms next to each other without an operator must both match. Backslash escapes a special character, a
trailing * matches any word starting with what comes before it. Anything else is a QueryError.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

FIELDS = frozenset(
    {
        "given-names",
        "family-name",
        "given-and-family-names",
        "credit-name",
        "other-names",
        "email",
        "orcid",
        "affiliation-org-name",
        "text",
    }
)
# The rest of what ORCID-Source's search tutorial (orcid-api-web/tutorial/search.md, "Indexed fields") lists,
# and the work-titles field its Solr index answers to. Works' titles and identifiers are matched; the others
# hold data the emulator does not keep, so they match no one rather than being refused.
WORK_FIELDS = frozenset({"title", "work-titles", "digital-object-ids"})
UNKEPT_FIELDS = frozenset(
    {
        "keyword",
        "external-id-reference",
        "external-id-type-and-value",
        "biography",
        "ringgold-org-id",
        "grid-org-id",
        "ror-org-id",
        "funding-titles",
        "fundref-org-id",
        "grant-numbers",
        "peer-review-type",
        "peer-review-role",
        "peer-review-group-id",
        "profile-submission-date",
        "profile-last-modified-date",
        "current-institution-affiliation-name",
        "past-institution-affiliation-name",
    }
)
# Identifier fields: "pmid" (self or part-of), "pmid-self", "doi-part-of"; bare only for the types the emulator
# stores, with a relationship suffix for any type name.
ID_TYPES = frozenset({"doi", "pmid", "pmc", "arxiv", "isbn", "issn", "uri", "handle", "eid", "wosuid"})
_ID_FIELD = re.compile(r"^([a-z0-9_]+)-(self|part-of)$")


def known_field(field: str) -> bool:
    return (
        field in FIELDS
        or field in WORK_FIELDS
        or field in UNKEPT_FIELDS
        or field in ID_TYPES
        or bool(_ID_FIELD.match(field))
    )


def id_field(field: str) -> tuple[str, str] | None:
    """(identifier type, relationship or "") for an identifier field; None for any other field."""
    if field == "digital-object-ids":
        return "doi", ""
    if field in ID_TYPES:
        return field, ""
    found = _ID_FIELD.match(field)
    return (found.group(1), found.group(2)) if found else None


# Solr's "everything": ORCID answers q=*:* with every public record.
MATCH_ALL = "*:*"
_FIELD_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):")
_WORD = re.compile(r"\w+")


class QueryError(ValueError):
    """The query is not one this search understands; the message says where."""


@dataclass(frozen=True)
class Term:
    field: str
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Not:
    inner: Query


@dataclass(frozen=True)
class All:
    parts: tuple[Query, ...]


@dataclass(frozen=True)
class Any_:
    parts: tuple[Query, ...]


Query = Term | Not | All | Any_


def words(text: str) -> list[str]:
    """Lower-case words without accents, as a Solr text field indexes them ("Martínez-García" → martinez, garcia)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _WORD.findall(plain.casefold())


def _read_value(query: str, start: int) -> tuple[str, bool, bool, int]:
    """(text, quoted, trailing wildcard, next index) of the value at ``start``."""
    if start < len(query) and query[start] == '"':
        index, chars = start + 1, []
        while index < len(query) and query[index] != '"':
            if query[index] == "\\" and index + 1 < len(query):
                index += 1
            chars.append(query[index])
            index += 1
        if index >= len(query):
            raise QueryError("A quoted phrase is not closed.")
        return "".join(chars), True, False, index + 1
    index, chars, wildcard = start, [], False
    while index < len(query) and not query[index].isspace() and query[index] not in "()":
        if query[index] == "\\" and index + 1 < len(query):
            index += 1
            chars.append(query[index])
        elif query[index] == "*" and (
            index + 1 == len(query) or query[index + 1].isspace() or query[index + 1] in "()"
        ):
            wildcard = True
        else:
            chars.append(query[index])
        index += 1
    return "".join(chars), False, wildcard, index


def tokenize(query: str) -> list[str | Term]:
    tokens: list[str | Term] = []
    index = 0
    while index < len(query):
        char = query[index]
        if char.isspace():
            index += 1
        elif char in "()":
            tokens.append(char)
            index += 1
        elif query.startswith(MATCH_ALL, index) and (
            index + 3 == len(query) or query[index + 3].isspace() or query[index + 3] in "()"
        ):
            tokens.append(Term("*", "*"))
            index += 3
        elif query.startswith("&&", index) or query.startswith("||", index):
            tokens.append("AND" if char == "&" else "OR")
            index += 2
        else:
            field = "text"
            found = _FIELD_PREFIX.match(query, index)
            if found:
                field = found.group(1).lower()
                if not known_field(field):
                    raise QueryError(f"Unknown search field {found.group(1)!r}.")
                index = found.end()
            text, quoted, wildcard, index = _read_value(query, index)
            if not found and not quoted and not wildcard and text in ("AND", "OR", "NOT"):
                tokens.append(text)
            elif not text and not wildcard:
                raise QueryError(f"The field {field} has no value.")
            else:
                tokens.append(Term(field, text, wildcard))
    return tokens


class _Parser:
    def __init__(self, tokens: list[str | Term]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> str | Term | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> str | Term | None:
        token = self.peek()
        self.index += 1
        return token

    def parse(self) -> Query:
        if not self.tokens:
            raise QueryError("The query is empty.")
        result = self.either()
        if self.peek() is not None:
            raise QueryError(f"Unexpected {self.peek()!r} in the query.")
        return result

    def either(self) -> Query:
        parts = [self.both()]
        while self.peek() == "OR":
            self.take()
            parts.append(self.both())
        return parts[0] if len(parts) == 1 else Any_(tuple(parts))

    def both(self) -> Query:
        parts = [self.unary()]
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.take()
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def unary(self) -> Query:
        token = self.take()
        if token == "NOT":
            return Not(self.unary())
        if token == "(":
            inner = self.either()
            if self.take() != ")":
                raise QueryError("A parenthesis is not closed.")
            return inner
        if isinstance(token, Term):
            return token
        raise QueryError(f"Expected a search term, found {token or 'the end of the query'!r}.")


def parse_query(query: str) -> Query:
    return _Parser(tokenize(query)).parse()
