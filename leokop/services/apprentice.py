"""The apprentice page: its reads in one read-only transaction (one snapshot, one role switch), as the pair
dashboard's (services.dashboard.load_pair)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo import absences, cases, cooperations, grades, notes, planning, ratings, record_book, risks
from leokop.services import history


@dataclass(frozen=True)
class ApprenticeData:
    """Everything the apprentice page shows before its forms, as the user may see it (RLS decides)."""

    person: dict
    place: str | None             # the learning place the user speaks for: "schule", "betrieb" or None
    lf: pd.DataFrame
    absences: pd.DataFrame
    weeks: pd.DataFrame
    notes: pd.DataFrame
    events: pd.DataFrame          # the history of both places, newest first
    people: pd.DataFrame          # who may be made responsible for a case
    cases: pd.DataFrame
    flags: pd.DataFrame
    may_plan_blocks: bool
    positions: pd.DataFrame | None  # the Berufsbildpositionen to rate (company side only)


def load_apprentice(db: Database, user_id: UUID, apprentice_id: UUID) -> ApprenticeData | None:
    """The page's reads in one transaction; None when the user may not see the apprentice."""
    with db.reads(user_id):
        person = cooperations.apprentice(db, user_id, apprentice_id)
        if person is None:
            return None
        grade_history = grades.grade_history_of(db, user_id, apprentice_id)
        absence_rows = absences.absences_of(db, user_id, apprentice_id)
        weeks = record_book.weeks_of(db, user_id, apprentice_id)
        note_rows = notes.notes_of(db, user_id, apprentice_id)
        schedule = planning.apprentice_schedule(db, user_id, apprentice_id)
        place = cooperations.side_of(db, user_id, apprentice_id)
        return ApprenticeData(
            person=person, place=place, lf=grades.lf_results_of(db, user_id, apprentice_id),
            absences=absence_rows, weeks=weeks, notes=note_rows,
            events=history.apprentice_history(grade_history, absence_rows, weeks, note_rows, schedule),
            people=cases.pair_people(db, user_id, apprentice_id), cases=cases.cases_of(db, user_id, apprentice_id),
            flags=risks.open_flags(db, user_id, [apprentice_id]),
            may_plan_blocks=place == "schule" and planning.may_plan_blocks(db, user_id, person["class_id"]),
            positions=ratings.positions_of(db, user_id, apprentice_id) if place == "betrieb" else None,
        )
