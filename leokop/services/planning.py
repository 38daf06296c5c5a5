"""Phase planning rules: conflicts between the learning places' plans, and what comes up next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from leokop import texts
from leokop.frames import records

# Kinds of schedule rows (see repo.dashboard.pair_schedule).
BLOCK, EXAM, PHASE, PROBATION, JOINT, HOLIDAY = "schulblock", "pruefung", "phase", "probezeit", "termin", "ferien"


@dataclass(frozen=True)
class Conflict:
    item_id: object
    reason: str


def _overlaps(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    return a_start <= b_end and b_start <= a_end


def find_conflicts(schedule: pd.DataFrame | list[dict]) -> list[Conflict]:
    """Company phases over a school block or an exam of the apprentice's class; school blocks in holidays."""
    conflicts: list[Conflict] = []
    rows = records(schedule) if isinstance(schedule, pd.DataFrame) else schedule
    blocks = [r for r in rows if r["kind"] == BLOCK]
    exams = [r for r in rows if r["kind"] == EXAM]
    holidays = [r for r in rows if r["kind"] == HOLIDAY]
    for phase in (r for r in rows if r["kind"] == PHASE):
        for other, template in ((blocks, texts.CONFLICT_PHASE_BLOCK), (exams, texts.CONFLICT_PHASE_EXAM)):
            for hit in other:
                if hit["class_id"] == phase["class_id"] and _overlaps(
                    phase["starts_on"], phase["ends_on"], hit["starts_on"], hit["ends_on"]
                ):
                    conflicts.append(Conflict(phase["id"], template.format(
                        phase=phase["label"], other=hit["label"], start=_de(hit["starts_on"]),
                        end=_de(hit["ends_on"]))))
    for block in blocks:
        for holiday in holidays:
            if _overlaps(block["starts_on"], block["ends_on"], holiday["starts_on"], holiday["ends_on"]):
                conflicts.append(Conflict(block["id"], texts.CONFLICT_BLOCK_HOLIDAY.format(
                    other=holiday["label"], start=_de(holiday["starts_on"]), end=_de(holiday["ends_on"]))))
    return conflicts


def upcoming(schedule: pd.DataFrame, today: date, weeks: int = 8) -> pd.DataFrame:
    """Rows that start or run within the next `weeks` weeks, soonest first (holidays included)."""
    if schedule.empty:
        return schedule
    horizon = today + timedelta(weeks=weeks)
    mask = (schedule["ends_on"] >= today) & (schedule["starts_on"] <= horizon)
    return schedule[mask].sort_values(["starts_on", "kind", "label"]).reset_index(drop=True)


def display_label(kind: str, label: str) -> str:
    """German label of a schedule row: exams come as "FI25a: abschluss_teil1" from the database."""
    if kind != EXAM:
        return label
    class_name, _, exam = label.partition(": ")
    return f"{class_name}: {texts.EXAM_LABELS.get(exam, exam)}"


def _de(day: date) -> str:
    return day.strftime("%d.%m.%Y")
