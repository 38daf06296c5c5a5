"""The one "today": LEOKOP_TODAY fixes it for Python and for the database functions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from leokop import clock
from leokop.__main__ import main


def test_unset_is_the_day_in_berlin(monkeypatch):
    monkeypatch.delenv(clock.TODAY_VARIABLE, raising=False)
    assert clock.fixed_today() is None
    assert clock.today() == datetime.now(clock.BERLIN).date()


def test_fixed_day_and_the_real_time_of_day(monkeypatch):
    monkeypatch.setenv(clock.TODAY_VARIABLE, "2028-02-29")
    assert clock.today() == date(2028, 2, 29)
    moment = clock.now()
    assert moment.date() == date(2028, 2, 29)
    assert moment.tzinfo is clock.BERLIN
    real = datetime.now(clock.BERLIN).replace(year=2028, month=2, day=29)
    assert abs((real - moment).total_seconds()) < 60


@pytest.mark.parametrize("value", ["05.12.2026", "2026-02-30", "heute"])
def test_a_mistyped_day_stops_the_cli_with_one_line(monkeypatch, capsys, value):
    monkeypatch.setenv(clock.TODAY_VARIABLE, value)
    with pytest.raises(clock.BadToday):
        clock.today()
    assert main(["db", "url"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"leokop: LEOKOP_TODAY={value!r} is not a date: use YYYY-MM-DD, e.g. 2027-08-01"]
