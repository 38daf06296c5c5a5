"""One open case per risk flag (sql/017): also when two users open it at the same moment."""

from __future__ import annotations

import threading

import psycopg
import pytest

from leokop.repo import cases
from tests.helpers import act_as, user_id

_INSERT = ("insert into risk_cases (apprentice_id, flag_id, title, severity, opened_by)"
           " values (%s, %s, 'Gespräch nötig', %s, %s) returning id")


def test_the_second_of_two_racing_transactions_is_refused(owner_url, caseless_flag):
    flag_id, apprentice_id, severity = caseless_flag
    with psycopg.connect(owner_url) as first, psycopg.connect(owner_url) as second:
        act_as(first, "lehrkraft")
        first.execute(_INSERT, (apprentice_id, flag_id, severity, user_id("lehrkraft")))  # not committed yet
        act_as(second, "ausbilder")
        outcome: dict[str, object] = {}

        def insert_second() -> None:
            try:
                second.execute(_INSERT, (apprentice_id, flag_id, severity, user_id("ausbilder")))
                outcome["result"] = "inserted"
            except psycopg.errors.UniqueViolation as exc:
                outcome["result"] = exc.diag.constraint_name

        racer = threading.Thread(target=insert_second)
        racer.start()
        racer.join(timeout=1)
        assert racer.is_alive(), "the second insert must wait for the first transaction"
        first.commit()
        racer.join(timeout=10)
        second.rollback()
    assert outcome == {"result": "risk_cases_one_open_per_flag"}
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select count(*) from risk_cases where flag_id = %s", (flag_id,)).fetchone() == (1,)


def test_open_case_twice_raises_and_a_closed_case_allows_a_new_one(db, caseless_flag):
    flag_id, apprentice_id, severity = caseless_flag

    def open_as(username: str):
        return cases.open_case(db, user_id(username), apprentice_id=apprentice_id, flag_id=flag_id,
                               title="Gespräch nötig", severity=severity, responsible_id=None)

    first = open_as("ausbilder")
    with pytest.raises(cases.CaseAlreadyOpen):
        open_as("lehrkraft")
    cases.update_case(db, user_id("lehrkraft"), case_id=first, version=1, status="erledigt", responsible_id=None,
                      closing_reason="Gespräch geführt.")
    second = open_as("lehrkraft")  # the flag fired again: a new case, the closed one keeps its history
    assert second != first
    with pytest.raises(cases.CaseAlreadyOpen):
        open_as("ausbilder")
