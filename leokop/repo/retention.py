"""The retention job (`python -m leokop privacy purge`): owner rights, one transaction, the same list for both modes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

import psycopg


@dataclass(frozen=True)
class Due:
    """An apprentice the job anonymises: no name, so that the list may be printed and logged."""

    apprentice_id: UUID
    school: str
    class_name: str
    ended_on: date
    months: int


def due(conn: psycopg.Connection, today: date) -> list[Due]:
    """Apprentices whose contract ended more than their school's retention period before `today`."""
    rows = conn.execute(
        "select apprentice_id, school, class_name, ended_on, months from app_private.retention_due(%s)", (today,)
    ).fetchall()
    return [Due(*row) for row in rows]


def purge(conn: psycopg.Connection, today: date, *, dry_run: bool = False) -> list[Due]:
    """Anonymise every apprentice `due` lists (nothing with dry_run) and return that list."""
    found = due(conn, today)
    if not dry_run:
        for item in found:
            conn.execute("select app_private.anonymise_apprentice(%s)", (item.apprentice_id,))
    return found
