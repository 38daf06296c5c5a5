"""Risk rules: table-driven, edges included (exactly at the threshold, empty data)."""

from datetime import date, timedelta

import pytest

from leokop.services.risk_rules import Concern, Signals, Thresholds, evaluate

TODAY = date(2026, 11, 25)


def _rules(**signals) -> dict[str, str]:
    return {f.rule: f.severity for f in evaluate(Signals(today=TODAY, **signals))}


@pytest.mark.parametrize(
    ("signals", "expected"),
    [
        ({}, {}),
        ({"unexcused_days_4_weeks": 1}, {}),
        ({"unexcused_days_4_weeks": 2}, {"unentschuldigte_fehltage": "warnung"}),
        ({"unexcused_days_4_weeks": 4}, {"unentschuldigte_fehltage": "kritisch"}),
        ({"grades": (5,)}, {"noten": "warnung"}),  # average 5,0 is worse than 4,0
        ({"grades": (5, 1, 1)}, {}),
        ({"grades": (5, 6, 1, 1, 1)}, {"noten": "warnung"}),  # two failing, average 2,8
        ({"grades": (5, 6, 4)}, {"noten": "kritisch"}),  # two failing and average 5,0
        ({"grades": (4, 4, 4)}, {}),  # exactly 4,0 is not worse than 4,0
        ({"unsigned_record_weeks": 2}, {}),
        ({"unsigned_record_weeks": 3}, {"berichtsheft": "warnung"}),
        ({"probation_end": TODAY + timedelta(days=10)}, {}),  # nothing else wrong: no decision point flag
        ({"probation_end": TODAY + timedelta(days=10), "unsigned_record_weeks": 3},
         {"berichtsheft": "warnung", "probezeit": "kritisch"}),
        ({"probation_end": TODAY + timedelta(weeks=4), "unsigned_record_weeks": 3},
         {"berichtsheft": "warnung", "probezeit": "kritisch"}),
        ({"probation_end": TODAY + timedelta(weeks=4, days=1), "unsigned_record_weeks": 3},
         {"berichtsheft": "warnung"}),
        ({"probation_end": TODAY - timedelta(days=1), "unsigned_record_weeks": 3}, {"berichtsheft": "warnung"}),
    ],
)
def test_rules(signals, expected):
    assert _rules(**signals) == expected


def test_reason_says_exactly_why():
    flags = evaluate(Signals(today=TODAY, unexcused_days_4_weeks=3))
    assert flags[0].reason == "3 unentschuldigte Fehltage in den letzten 4 Wochen (Schwelle: 2)"
    grade = evaluate(Signals(today=TODAY, grades=(5, 5, 3)))[0]
    assert grade.reason == "2 Lernfeldnoten 5 oder 6 (Schwelle: 2); Notendurchschnitt 4,3 (schlechter als 4,0)"


def test_most_severe_first_and_thresholds_configurable():
    flags = evaluate(Signals(today=TODAY, unsigned_record_weeks=5, unexcused_days_4_weeks=9))
    assert [f.severity for f in flags] == ["kritisch", "warnung"]
    assert evaluate(Signals(today=TODAY, unsigned_record_weeks=5), Thresholds(unsigned_record_weeks=6)) == []


@pytest.mark.parametrize(
    ("signals", "expected"),
    [
        ({"absence_days_90": 4, "school_days_90": 50}, {}),  # 8 %
        ({"absence_days_90": 5, "school_days_90": 50}, {"fehlquote": "warnung"}),  # exactly 10 %
        ({"absence_days_90": 5, "school_days_90": 0}, {}),  # no school days: no rate
        ({"previous_half_average": 2.5, "current_half_average": 3.4}, {}),
        ({"previous_half_average": 2.5, "current_half_average": 3.5}, {"notenabfall": "warnung"}),
        ({"previous_half_average": None, "current_half_average": 5.0}, {}),
        ({"exam_name": "Abschlussprüfung Teil 1", "exam_date": TODAY + timedelta(weeks=8),
          "failing_fields": ("LF3",)}, {"pruefung": "kritisch"}),
        ({"exam_name": "Abschlussprüfung Teil 1", "exam_date": TODAY + timedelta(weeks=8, days=1),
          "failing_fields": ("LF3",)}, {}),
        ({"exam_name": "Abschlussprüfung Teil 1", "exam_date": TODAY + timedelta(weeks=2)}, {}),
        ({"concerns": (Concern("konflikt", "Streit mit dem Ausbilder", "betrieb"),)},
         {"anliegen_betrieb": "kritisch"}),
        ({"concerns": (Concern("motivation", "wirkt erschöpft", "schule"),)}, {"anliegen_schule": "warnung"}),
        ({"concerns": (Concern("motivation", "müde", "schule"), Concern("gesundheit", "oft krank", "schule"),
                       Concern("konflikt", "Streit", "betrieb"))},
         {"anliegen_schule": "warnung", "anliegen_betrieb": "kritisch"}),  # two school concerns: one flag
        ({"active": False, "unexcused_days_4_weeks": 9, "unsigned_record_weeks": 9}, {}),  # left: no flags
    ],
)
def test_more_rules(signals, expected):
    assert _rules(**signals) == expected


def test_every_flag_names_its_data_category():
    flags = evaluate(Signals(today=TODAY, unexcused_days_4_weeks=3, grades=(5, 6), unsigned_record_weeks=4,
                             concerns=(Concern("sonstiges", "x", "schule"),)))
    assert {f.rule: f.category for f in flags} == {
        "unentschuldigte_fehltage": "absences", "noten": "grades", "berichtsheft": "record_book",
        "anliegen_schule": "teacher_notes"}


def test_rate_and_drop_reasons():
    rate = evaluate(Signals(today=TODAY, absence_days_90=6, school_days_90=50))[0]
    assert rate.reason == "Fehlquote 12 % in den letzten 90 Tagen (6 von 50 Schultagen; Schwelle: 10 %)"
    drop = evaluate(Signals(today=TODAY, previous_half_average=2.25, current_half_average=3.5))[0]
    assert drop.reason == "Notenschnitt von 2,2 auf 3,5 gefallen (gegenüber dem Halbjahr zuvor; Schwelle: 1,0)"
