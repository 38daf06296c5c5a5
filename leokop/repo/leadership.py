"""Leadership aggregates: the security definer functions public.leadership_*() of sql/011 and sql/014.

Every function checks in the database that the caller leads (or administers) the school and returns counts and
rates only; groups under 5 apprentices come back as NULL. Nothing here filters or suppresses: that is the
database's job, so hand-written SQL gets exactly the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

import pandas as pd
import psycopg
from psycopg.rows import tuple_row

from leokop.db.session import Database
from leokop.repo._query import fetch_df

# The figures of one view, in the order the page shows them: (name, function, columns when empty).
_FIGURES = (
    ("headcounts", "leadership_headcounts", ["dimension", "label", "apprentices"]),
    ("cooperations", "leadership_cooperations",
     ["dimension", "month", "cooperations", "active", "by_notes", "by_grades", "by_record_book", "by_case_comments",
      "by_materials"]),
    ("absences", "leadership_absences",
     ["dimension", "class_name", "month", "apprentice_months", "absence_days", "unexcused_days",
      "days_per_apprentice", "unexcused_per_apprentice"]),
    ("grades", "leadership_grades",
     ["dimension", "occupation", "code", "title", "sort_order", "graded", "grade_1", "grade_2", "grade_3", "grade_4",
      "grade_5", "grade_6", "average"]),
    ("record_book", "leadership_record_book",
     ["dimension", "class_name", "month", "apprentices", "due_weeks", "signed_weeks", "completion_percent"]),
    ("dissolutions", "leadership_dissolutions",
     ["dimension", "label", "month", "apprentices", "dissolved", "in_probation", "rate_percent"]),
    ("risks", "leadership_risks",
     ["dimension", "label", "apprentices", "flagged", "hinweis", "warnung", "kritisch", "open_flags",
      "flagged_percent"]),
    ("cases", "leadership_cases",
     ["dimension", "label", "month", "opened", "closed", "open_at_end", "median_days_to_close"]),
    ("measures", "leadership_measures", ["dimension", "kind", "measures", "done", "cases"]),
)
FIGURE_NAMES = tuple(name for name, _function, _columns in _FIGURES)


class NotAllowed(Exception):
    """The database refused: the school is not the caller's (42501) or a filter is invalid (22023)."""


@dataclass(frozen=True)
class Filters:
    school_id: UUID
    school_year: int  # the calendar year the school year began in (2026 for 2026/27)
    occupation_id: UUID | None = None
    class_id: UUID | None = None


@dataclass(frozen=True)
class Figures:
    headcounts: pd.DataFrame
    cooperations: pd.DataFrame
    absences: pd.DataFrame
    grades: pd.DataFrame
    record_book: pd.DataFrame
    dissolutions: pd.DataFrame
    risks: pd.DataFrame
    cases: pd.DataFrame
    measures: pd.DataFrame


def schools(db: Database, user_id: UUID) -> pd.DataFrame:
    """The schools the user leads or administers, with the range of school years that have apprentices."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, "select * from public.leadership_schools()",
                        columns=["school_id", "school_name", "first_school_year", "current_school_year"])


def filter_options(db: Database, user_id: UUID, school_id: UUID, school_year: int) -> pd.DataFrame:
    """Classes with apprentices in the school year, with their occupation (names only)."""
    with db.user_tx(user_id) as conn:
        return _call(conn, "select * from public.leadership_filter_options(%s, %s)", (school_id, school_year),
                     ["class_id", "class_name", "occupation_id", "occupation", "training_year"])


def figures(db: Database, user_id: UUID, filters: Filters) -> Figures:
    """Every figure of the leadership page, read in one consistent snapshot on two connections side by side
    (Database.read_side_by_side, decision 76)."""
    params = (filters.school_id, filters.school_year, filters.occupation_id, filters.class_id)

    def read(function: str, columns: list[str]) -> Callable[[psycopg.Connection], pd.DataFrame]:
        return lambda conn: _call(conn, f"select * from public.{function}(%s, %s, %s, %s)", params, columns)

    frames = db.read_side_by_side(user_id, [read(function, columns) for _name, function, columns in _FIGURES])
    return Figures(**dict(zip(FIGURE_NAMES, frames, strict=True)))


def refresh_statewide(conn: psycopg.Connection, school_year: int | None = None) -> int:
    """Owner only: compute the state-wide figures of a school year (default: the current one) into the snapshot
    that statewide() reads; returns the number of figures written."""
    with conn.cursor(row_factory=tuple_row) as cur:
        return cur.execute("select app_leadership.refresh_statewide(coalesce(%s, public.school_year_start()))",
                           (school_year,)).fetchone()[0]


def statewide(conn: psycopg.Connection, school_year: int | None = None, *,
              classes: bool = False) -> dict[str, pd.DataFrame]:
    """Owner only: the state-wide totals of the last refresh by figure name (empty when never refreshed); with
    classes=True also every class's rows."""
    sql = "select figure, rows from app_leadership.statewide(coalesce(%s, public.school_year_start()), %s)"
    with conn.cursor(row_factory=tuple_row) as cur:
        rows = cur.execute(sql, (school_year, classes)).fetchall()
    return {figure: pd.DataFrame(data) for figure, data in rows}


def _call(conn: psycopg.Connection, sql: str, params: tuple, columns: list[str]) -> pd.DataFrame:
    try:
        with conn.transaction():  # a savepoint: a refusal leaves the outer transaction usable
            return fetch_df(conn, sql, params, columns, floats=True)
    except (psycopg.errors.InsufficientPrivilege, psycopg.errors.InvalidParameterValue) as exc:
        raise NotAllowed(str(exc)) from exc
