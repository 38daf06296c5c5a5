"""Risk rules: table-driven, edges included (exactly at the threshold, empty data)."""

from datetime import date, timedelta

import pytest

from leokop.services.risk_rules import Signals, Thresholds, evaluate

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
