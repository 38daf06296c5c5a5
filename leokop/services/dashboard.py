"""The pair dashboard's view of each apprentice: progress figures joined, risk flags evaluated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from leokop.services import risk_rules


@dataclass(frozen=True)
class ApprenticeRisk:
    apprentice_id: object
    name: str
    flags: list[risk_rules.Flag]


def display_names(apprentices: pd.DataFrame) -> dict:
    """apprentice id -> "Nachname, Vorname" (the way class lists are read in German schools)."""
    return {row["id"]: f"{row['last_name']}, {row['first_name']}" for row in apprentices.to_dict("records")}


def risks(apprentices: pd.DataFrame, lf: pd.DataFrame, record_book: pd.DataFrame, absences: pd.DataFrame,
          today: date, thresholds: risk_rules.Thresholds | None = None) -> list[ApprenticeRisk]:
    """Flags for every active apprentice of the pair, apprentices with the most severe flags first."""
    names = display_names(apprentices)
    grades = lf.dropna(subset=["grade"]).groupby("apprentice_id")["grade"].agg(tuple) if not lf.empty else {}
    book = record_book.set_index("apprentice_id") if not record_book.empty else pd.DataFrame()
    absent = absences.set_index("apprentice_id") if not absences.empty else pd.DataFrame()
    result = []
    for row in apprentices.to_dict("records"):
        if row["status"] != "aktiv":
            continue
        aid = row["id"]
        signals = risk_rules.Signals(
            today=today,
            unexcused_days_4_weeks=int(absent.loc[aid, "unexcused_28"]) if aid in absent.index else 0,
            grades=tuple(int(g) for g in grades.get(aid, ())),
            unsigned_record_weeks=int(book.loc[aid, "due"] - book.loc[aid, "signed"]) if aid in book.index else 0,
            probation_end=row["probation_end"],
        )
        flags = risk_rules.evaluate(signals, thresholds)
        if flags:
            result.append(ApprenticeRisk(aid, names[aid], flags))
    order = {s: i for i, s in enumerate(risk_rules.SEVERITIES)}
    return sorted(result, key=lambda r: (-max(order[f.severity] for f in r.flags), r.name))


def with_names(frame: pd.DataFrame, apprentices: pd.DataFrame) -> pd.DataFrame:
    """The frame with a "name" column for its apprentice_id, sorted by name."""
    if frame.empty:
        return frame.assign(name=pd.Series(dtype=str))
    names = display_names(apprentices)
    return frame.assign(name=frame["apprentice_id"].map(names)).sort_values("name").reset_index(drop=True)
