"""The pair dashboard: its reads in one transaction, and each apprentice's names joined to the figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.frames import records
from leokop.repo import cases, cooperations, dashboard, risks


def display_names(apprentices: pd.DataFrame) -> dict:
    """apprentice id -> "Nachname, Vorname" (the way class lists are read in German schools)."""
    return {row["id"]: f"{row['last_name']}, {row['first_name']}" for row in records(apprentices)}


def with_names(frame: pd.DataFrame, apprentices: pd.DataFrame) -> pd.DataFrame:
    """The frame with a "name" column for its apprentice_id, sorted by name."""
    if frame.empty:
        return frame.assign(name=pd.Series(dtype=str))
    names = display_names(apprentices)
    return frame.assign(name=frame["apprentice_id"].map(names)).sort_values("name").reset_index(drop=True)


SCHEDULE_DAYS_BACK = 30
SCHEDULE_DAYS_AHEAD = 180


def schedule_window(today: date) -> tuple[date, date]:
    """The dashboard timeline's range: a month back, half a year ahead."""
    return today - timedelta(days=SCHEDULE_DAYS_BACK), today + timedelta(days=SCHEDULE_DAYS_AHEAD)


@dataclass(frozen=True)
class PairData:
    """Everything the pair dashboard shows, read in one transaction (one consistent snapshot)."""

    header: dict
    apprentices: pd.DataFrame  # the active ones
    lf: pd.DataFrame
    positions: pd.DataFrame
    record_book: pd.DataFrame
    absences: pd.DataFrame
    schedule: pd.DataFrame
    flags: pd.DataFrame
    open_cases: pd.DataFrame
    hidden: dict = field(default_factory=dict)  # company side: apprentices whose grades / absences are not released


def load_pair(db: Database, user_id: UUID, coop_id: UUID, today: date, *, company_side: bool) -> PairData:
    """The pair dashboard's reads, as the user (RLS decides what each returns).

    The pair's apprentices are read first; the other reads take their ids (dashboard.Pair) and stay under the
    row-level security of their own tables."""
    with db.reads(user_id):
        people = cooperations.cooperation_apprentices(db, user_id, coop_id)
        active = people[people["status"] == "aktiv"] if not people.empty else people
        pair = dashboard.Pair.of(coop_id, active)
        overview = dashboard.pair_overview(db, user_id, pair, company_side=company_side)
        return PairData(
            header={"apprentices": len(pair.ids), "last_school_activity": overview["last_school_activity"],
                    "last_company_activity": overview["last_company_activity"]},
            apprentices=active,
            lf=dashboard.lf_matrix(db, user_id, pair),
            positions=dashboard.position_progress(db, user_id, pair),
            record_book=dashboard.record_book_summary(db, user_id, pair, today),
            absences=dashboard.absence_summary(db, user_id, pair, today),
            schedule=dashboard.pair_schedule(db, user_id, pair, *schedule_window(today)),
            flags=risks.open_flags(db, user_id, pair.ids),
            open_cases=cases.open_cases_of_pair(db, user_id, pair.ids),
            hidden={"grades": overview["hidden_grades"], "absences": overview["hidden_absences"]}
            if company_side else {},
        )
