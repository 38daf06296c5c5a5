"""The admin page's tab "Kalender" (AppTest): how far the calendar reaches, the warning when it runs short (a day
set with LEOKOP_TODAY), the coming holidays with the school's own days off, and an .ics file that is no calendar."""

from __future__ import annotations

import pytest

from leokop import texts
from tests.pages.conftest import errors


def _calendar_tab(login):
    at = login("admin")
    at.switch_page("pages/verwaltung_page.py").run()
    assert not at.exception, at.exception
    assert texts.ADMIN_CALENDAR in [t.label for t in at.tabs]
    return at


def _runs_short_warnings(at) -> list[str]:
    start = texts.CALENDAR_RUNS_SHORT.split("„")[0]
    return [w.value for w in at.warning if w.value.startswith(start)]


def test_the_calendar_says_how_far_it_reaches_and_lists_the_days_off(login, owner_url):
    """Today (any day the suite runs): the warning exactly when Hessen's known school holidays end within nine
    months, else how far they reach."""
    import psycopg

    from leokop import clock
    from leokop.services.school_calendar import runs_short

    with psycopg.connect(owner_url) as conn:
        last = conn.execute("select max(ends_on) from school_holidays where state = 'Hessen' and kind = 'ferien'"
                            ).fetchone()[0]
    at = _calendar_tab(login)
    known = [c.value for c in at.caption if c.value.startswith(texts.CALENDAR_KNOWN_UNTIL.split("{")[0])]
    if runs_short(last, clock.today()):
        assert len(_runs_short_warnings(at)) == 1 and known == []
    else:
        assert _runs_short_warnings(at) == []
        assert known == [texts.CALENDAR_KNOWN_UNTIL.format(last=last.strftime("%d.%m.%Y"))]
    frames = [f.value for f in at.dataframe]
    days_off = next(f for f in frames if texts.CALENDAR_DAY_OFF_COLUMNS["source"] in f.columns)
    assert set(days_off[texts.CALENDAR_DAY_OFF_COLUMNS["name"]]) == {"Pädagogischer Tag", "Beweglicher Ferientag"}


@pytest.mark.parametrize("day", ["2030-01-10", "2031-05-01"])
def test_a_warning_when_the_calendar_runs_short(login, monkeypatch, day):
    monkeypatch.setenv("LEOKOP_TODAY", day)
    at = _calendar_tab(login)
    warnings = _runs_short_warnings(at)
    assert len(warnings) == 1 and "30.08.2030" in warnings[0], warnings


def test_a_file_that_is_no_calendar_gets_a_german_message(login):
    at = _calendar_tab(login)
    at.file_uploader(key="calendar-ics").upload("ferien.ics", b"\x00\x01binary", "text/calendar").run()
    assert not at.exception
    assert texts.CALENDAR_ICS_UNREADABLE in errors(at)
