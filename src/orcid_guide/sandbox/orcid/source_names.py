"""The name shown as an item's source. A person's name is shown as a source only while it is public: ORCID's
SourceNameCacheManagerImpl asks RecordNameManager.fetchDisplayablePublicName, which has none for a name that is
not visible to everyone (and so the source then has no name), whoever reads the record."""

from __future__ import annotations

import sqlite3

# SQL for an item table's (works, employments) source name as read now: a client's stored name, or the source
# person's public name (published name, else given and family names), or '' when that name is not public.
_PUBLIC_SOURCE_NAME = (
    "CASE WHEN {table}.source_orcid IS NULL THEN {table}.source_name ELSE ("
    "SELECT CASE WHEN u.names_visibility = 'public'"
    " THEN COALESCE(NULLIF(u.credit_name, ''), TRIM(u.given_names || ' ' || u.family_names)) ELSE '' END"
    " FROM users u WHERE u.orcid = {table}.source_orcid) END"
)


def source_name_sql(table: str) -> str:
    return _PUBLIC_SOURCE_NAME.format(table=table)


def public_name(db: sqlite3.Connection, orcid: str) -> str:
    """The record's displayable public name, or '' when its names are not visible to everyone."""
    row = db.execute(
        f"SELECT {source_name_sql('w')} AS name FROM (SELECT NULL AS source_name, ? AS source_orcid) w",
        (orcid,),
    ).fetchone()
    return str(row["name"] or "")
