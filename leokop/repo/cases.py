"""Cases opened on risk flags: status, responsible person, comments from both places, agreed measures."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pandas as pd
import psycopg

from leokop.db.session import Database
from leokop.repo._query import expect_one, fetch_df

_SEVERITY_ORDER = "array_position(array['kritisch', 'warnung', 'hinweis'], c.severity)"
_CASE_COLUMNS = f"""
    c.id, c.apprentice_id, c.flag_id, c.title, c.severity, c.status::text as status, c.responsible_id,
    public.user_display_name(c.responsible_id) as responsible, public.user_display_name(c.opened_by) as opened_by,
    c.opened_at, c.closed_at, c.closing_reason, c.version, c.updated_at,
    public.user_display_name(c.updated_by) as changed_by, {_SEVERITY_ORDER} as severity_rank
"""


class CaseAlreadyOpen(Exception):
    """The flag already has an open case (sql/017: one open case per flag)."""


def cases_of(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    """All cases of an apprentice, open ones first, then by severity and age."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, f"""
            select {_CASE_COLUMNS} from public.risk_cases c where c.apprentice_id = %s
            order by c.status = 'erledigt', {_SEVERITY_ORDER}, c.opened_at""", (apprentice_id,))


def open_cases_of_pair(db: Database, user_id: UUID, apprentice_ids: list[UUID]) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, f"""
            select {_CASE_COLUMNS} from public.risk_cases c
            where c.apprentice_id = any(%s) and c.status <> 'erledigt'
            order by {_SEVERITY_ORDER}, c.opened_at""", (apprentice_ids,))


def pair_people(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, "select * from public.pair_people(%s) order by place, display_name", (apprentice_id,))


def open_case(db: Database, user_id: UUID, *, apprentice_id: UUID, flag_id: UUID | None, title: str,
              severity: str, responsible_id: UUID | None) -> UUID:
    """Open a case; CaseAlreadyOpen when someone opened one on the same flag first (also in a racing transaction)."""
    try:
        with db.user_tx(user_id) as conn:
            return conn.execute(
                "insert into public.risk_cases (apprentice_id, flag_id, title, severity, responsible_id, opened_by)"
                " values (%s, %s, %s, %s, %s, %s) returning id",
                (apprentice_id, flag_id, title, severity, responsible_id, user_id),
            ).fetchone()["id"]
    except psycopg.errors.UniqueViolation as exc:
        raise CaseAlreadyOpen from exc


def update_case(db: Database, user_id: UUID, *, case_id: UUID, version: int, status: str,
                responsible_id: UUID | None, closing_reason: str | None) -> None:
    """Change status and responsibility; closing needs a reason. Refused when someone changed the case meanwhile."""
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute(
            """
            update public.risk_cases
            set status = %(status)s::public.case_status, responsible_id = %(responsible)s,
                closed_at = case when %(status)s::text = 'erledigt' then coalesce(closed_at, now()) end,
                closing_reason = case when %(status)s::text = 'erledigt' then %(reason)s end,
                version = version + 1
            where id = %(id)s and version = %(version)s
            returning id
            """,
            {"status": status, "responsible": responsible_id, "reason": closing_reason, "id": case_id,
             "version": version},
        ))


def comments_of(db: Database, user_id: UUID, case_ids: list[UUID]) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, """
            select k.id, k.case_id, k.place::text as place, k.body, k.created_at,
                   public.user_display_name(k.author_id) as author
            from public.case_comments k where k.case_id = any(%s) order by k.created_at""", (case_ids,))


def add_comment(db: Database, user_id: UUID, *, case_id: UUID, place: str, body: str) -> None:
    with db.user_tx(user_id) as conn:
        conn.execute("insert into public.case_comments (case_id, place, body, author_id) values (%s, %s, %s, %s)",
                     (case_id, place, body, user_id))


def measures_of(db: Database, user_id: UUID, case_ids: list[UUID]) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, """
            select m.id, m.case_id, m.kind::text as kind, m.description, m.due_on, m.done_at,
                   public.user_display_name(m.created_by) as created_by, m.created_at, m.version, m.updated_at,
                   public.user_display_name(m.updated_by) as changed_by
            from public.case_measures m where m.case_id = any(%s) order by m.due_on nulls last""", (case_ids,))


def add_measure(db: Database, user_id: UUID, *, case_id: UUID, kind: str, description: str | None,
                due_on: date | None) -> None:
    with db.user_tx(user_id) as conn:
        conn.execute("insert into public.case_measures (case_id, kind, description, due_on, created_by)"
                     " values (%s, %s, %s, %s, %s)", (case_id, kind, description, due_on, user_id))


def complete_measure(db: Database, user_id: UUID, measure_id: UUID, version: int | None = None) -> None:
    """Mark a measure done; StaleWrite when it was done (or changed) meanwhile."""
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute("update public.case_measures set done_at = now()"
                                " where id = %s and done_at is null and (%s::int is null or version = %s)"
                                " returning id", (measure_id, version, version)))
