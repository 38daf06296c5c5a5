"""One apprentice's history from both learning places, as one list of dated events."""

from __future__ import annotations

import pandas as pd

from leokop import texts
from leokop.formats import local_day
from leokop.frames import records
from leokop.services import planning

COLUMNS = ["day", "kind", "what", "who"]


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def apprentice_history(grades: pd.DataFrame, absences: pd.DataFrame, weeks: pd.DataFrame, notes: pd.DataFrame,
                       schedule: pd.DataFrame) -> pd.DataFrame:
    """Grades, absences, Berichtsheft decisions, notes and plans, newest first."""
    rows = [
        {"day": r["graded_on"], "kind": "Note", "what": f"{r['code']}: Note {r['grade']}", "who": r["recorded_by"]}
        for r in records(grades)
    ]
    rows += [
        {"day": r["absence_date"], "kind": "Fehlzeit",
         "what": f"{r['lessons']} Std. {'entschuldigt' if r['excused'] else 'unentschuldigt'}"
                 + (" · Vorschlag Betrieb: " + r["excuse_comment"]
                    if r["excuse_state"] == "vorgeschlagen" and isinstance(r["excuse_comment"], str) else ""),
         "who": r["recorded_by"]}
        for r in records(absences)
    ]
    rows += [
        {"day": r["week_start"], "kind": "Berichtsheft",
         "what": f"Woche ab {r['week_start']:%d.%m.%Y}: {texts.WEEK_STATUS_LABELS[r['status']]}"
                 + (f" – {r['trainer_comment']}" if isinstance(r["trainer_comment"], str) else ""),
         "who": r["decided_by"]}
        for r in records(weeks)
    ]
    rows += [
        {"day": local_day(r["created_at"]), "kind": f"Notiz {texts.PLACE_LABELS[r['place']]}", "what": r["body"],
         "who": r["author"]}
        for r in records(notes)
    ]
    rows += [
        {"day": r["starts_on"], "kind": texts.KIND_LABELS[r["kind"]],
         "what": planning.display_label(r["kind"], r["label"]), "who": None}
        for r in records(schedule)
    ]
    history = _frame(rows)
    return history.sort_values("day", ascending=False, kind="stable").reset_index(drop=True)
