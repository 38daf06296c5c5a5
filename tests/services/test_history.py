"""One apprentice's events from both places in one list."""

from datetime import date, datetime

import pandas as pd

from leokop.services.history import apprentice_history


def test_history_merges_both_places_newest_first():
    grades = pd.DataFrame([{"graded_on": date(2026, 10, 1), "code": "LF8", "grade": 2, "recorded_by": "Keller"}])
    absences = pd.DataFrame([{"absence_date": date(2026, 11, 2), "lessons": 4, "excused": False,
                              "excuse_state": "vorgeschlagen", "excuse_comment": "Arzttermin",
                              "recorded_by": "Keller"}])
    weeks = pd.DataFrame([{"week_start": date(2026, 11, 9), "status": "zurueckgegeben",
                           "trainer_comment": "Bitte ergänzen", "decided_by": "Brandt"}])
    notes = pd.DataFrame([{"created_at": datetime(2026, 11, 20, 9, 30), "place": "betrieb", "body": "Gespräch",
                           "author": "Brandt"}])
    schedule = pd.DataFrame([{"kind": "pruefung", "label": "FI25a: abschluss_teil1", "starts_on": date(2027, 3, 9)}])
    events = apprentice_history(grades, absences, weeks, notes, schedule)
    assert events["kind"].tolist() == ["Prüfung", "Notiz Betrieb", "Berichtsheft", "Fehlzeit", "Note"]
    assert events["what"].tolist() == [
        "FI25a: Abschlussprüfung Teil 1",
        "Gespräch",
        "Woche ab 09.11.2026: zurückgegeben – Bitte ergänzen",
        "4 Std. unentschuldigt · Vorschlag Betrieb: Arzttermin",
        "LF8: Note 2",
    ]


def test_week_without_comment_has_no_placeholder():
    empty = pd.DataFrame(columns=["graded_on", "code", "grade", "recorded_by"])
    weeks = pd.DataFrame([{"week_start": date(2026, 11, 16), "status": "unterschrieben", "trainer_comment": None,
                           "decided_by": "Brandt"}, {"week_start": date(2026, 11, 9), "status": "unterschrieben",
                                                     "trainer_comment": "gut", "decided_by": "Brandt"}])
    events = apprentice_history(empty, pd.DataFrame(columns=["absence_date", "lessons", "excused", "excuse_state",
                                                             "excuse_comment", "recorded_by"]),
                                weeks, pd.DataFrame(columns=["created_at", "place", "body", "author"]),
                                pd.DataFrame(columns=["kind", "label", "starts_on"]))
    assert events["what"].tolist() == ["Woche ab 16.11.2026: unterschrieben",
                                       "Woche ab 09.11.2026: unterschrieben – gut"]
