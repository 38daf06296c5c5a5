"""Conflicts between the plans of both learning places, and the next weeks."""

from datetime import date

import pandas as pd

from leokop.services.planning import find_conflicts, upcoming

CLASS, OTHER_CLASS = "k1", "k2"


def _row(kind, label, start, end, class_id=None, item_id=None):
    return {"kind": kind, "label": label, "starts_on": start, "ends_on": end, "apprentice_id": None,
            "class_id": class_id, "id": item_id or label}


def _schedule(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


BLOCK = _row("schulblock", "FI25a", date(2027, 1, 11), date(2027, 1, 22), CLASS, "block")
EXAM = _row("pruefung", "FI25a: abschluss_teil1", date(2027, 3, 2), date(2027, 3, 2), CLASS, "exam")
HOLIDAY = _row("ferien", "Weihnachtsferien", date(2026, 12, 23), date(2027, 1, 12), None, "xmas")


def test_phase_over_school_block_is_a_conflict_with_reason():
    phase = _row("phase", "Montage beim Kunden", date(2027, 1, 18), date(2027, 2, 5), CLASS, "p1")
    conflicts = find_conflicts(_schedule(BLOCK, phase))
    assert [(c.item_id, c.reason) for c in conflicts] == [
        ("p1", "Konflikt: „Montage beim Kunden“ liegt im Schulblock FI25a (11.01.2027–22.01.2027).")]


def test_phase_over_exam_is_a_conflict():
    phase = _row("phase", "Außendienst", date(2027, 3, 1), date(2027, 3, 5), CLASS, "p1")
    assert [c.item_id for c in find_conflicts(_schedule(EXAM, phase))] == ["p1"]


def test_phase_touching_block_day_is_a_conflict_but_next_day_is_not():
    touching = _row("phase", "A", date(2027, 1, 1), date(2027, 1, 11), CLASS, "touch")
    after = _row("phase", "B", date(2027, 1, 23), date(2027, 2, 1), CLASS, "after")
    assert [c.item_id for c in find_conflicts(_schedule(BLOCK, touching, after))] == ["touch"]


def test_block_of_another_class_is_no_conflict():
    phase = _row("phase", "A", date(2027, 1, 12), date(2027, 1, 14), OTHER_CLASS, "p")
    assert find_conflicts(_schedule(BLOCK, phase)) == []


def test_block_in_holidays_is_a_conflict():
    conflicts = find_conflicts(_schedule(BLOCK, HOLIDAY))
    assert [c.item_id for c in conflicts] == ["block"]
    assert "Weihnachtsferien" in conflicts[0].reason


def test_upcoming_keeps_the_next_eight_weeks_in_order():
    today = date(2026, 12, 1)
    later = _row("termin", "Sprechtag", date(2027, 3, 1), date(2027, 3, 1))
    past = _row("termin", "Kickoff", date(2026, 11, 2), date(2026, 11, 2))
    result = upcoming(_schedule(BLOCK, HOLIDAY, later, past), today)
    assert result["label"].tolist() == ["Weihnachtsferien", "FI25a"]
