"""The school calendar (sql/034, decision 86): holidays of every state from the `holidays` package with the
migration's list as the fallback, a school's days off under row-level security (every role, both ways), the .ics
import, the conflict check of a block in the Herbstferien 2028, the absence rate's school days, and the warning when
the calendar runs short."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leokop import clock, texts
from leokop.repo import risks
from leokop.repo import school_calendar as repo
from leokop.repo._query import StaleWrite
from leokop.services import entries, planning
from leokop.services.school_calendar import (
    FEIERTAG,
    FERIEN,
    DayOff,
    IcsRefused,
    Period,
    read_ics,
    runs_short,
    state_periods,
    sync_all,
)
from tests.db.test_rls import ROLES
from tests.helpers import DENIED, act_as, attempt, school_id, user_id

CALENDAR_TABLES = ("school_days_off",)
MAINUFER, LAHNTAL = school_id("mainufer"), school_id("lahntal")
TODAY = date(2026, 12, 5)


# --- the package ------------------------------------------------------------------------------------------------


def test_hessen_periods_from_the_package():
    periods = state_periods("Hessen", TODAY)
    ferien = [p for p in periods if p.kind == FERIEN]
    herbst_2028 = [p for p in ferien if p.name == "Herbstferien" and p.starts_on.year == 2028]
    assert herbst_2028 == [Period(FERIEN, "Herbstferien", date(2028, 10, 9), date(2028, 10, 20))]
    # a break over New Year is one period, not one per calendar year
    christmas = next(p for p in ferien if p.name == "Weihnachtsferien" and p.starts_on == date(2026, 12, 23))
    assert christmas.ends_on == date(2027, 1, 12)
    assert Period(FEIERTAG, "Tag der Deutschen Einheit", date(2027, 10, 3), date(2027, 10, 3)) in periods
    assert state_periods("Atlantis", TODAY) == []


def test_every_state_has_school_holidays():
    from leokop.services.school_calendar import STATE_CODES

    for state in STATE_CODES:
        assert any(p.kind == FERIEN for p in state_periods(state, TODAY)), state


def test_runs_short():
    assert runs_short(None, TODAY)
    assert runs_short(TODAY + timedelta(days=200), TODAY)
    assert not runs_short(TODAY + timedelta(days=300), TODAY)


# --- the sync: the package first, the list where it knows nothing --------------------------------------------------


def test_sync_replaces_the_list_where_the_package_knows_and_keeps_it_after(owner):
    rows = owner.execute("select name, starts_on, ends_on, source from school_holidays where state = 'Hessen'"
                         " and kind = 'ferien' order by starts_on").fetchall()
    sources = {source for *_rest, source in rows}
    assert sources == {"holidays", "liste"}, "the demo load synced: the package's years and 026's later ones"
    first_package = min(r[1] for r in rows if r[3] == "holidays")
    last_package = max(r[2] for r in rows if r[3] == "holidays")
    assert all(r[1] > last_package or r[2] < first_package for r in rows if r[3] == "liste"), (
        "a list row overlaps the package's years")
    assert ("Sommerferien", date(2030, 7, 22), date(2030, 8, 30), "liste") in rows  # 2030: only the list knows it
    # a second sync changes nothing
    before = owner.execute("select count(*) from school_holidays").fetchone()[0]
    ids = owner.execute("select array_agg(id order by id) from school_holidays").fetchone()[0]
    sync_all(owner, clock.today())  # the day the demo load synced on
    assert owner.execute("select count(*) from school_holidays").fetchone()[0] == before
    # nor does it replace a row: the ids are the feed's event UIDs, and calendar clients keep their events
    assert owner.execute("select array_agg(id order by id) from school_holidays").fetchone()[0] == ids


# --- days off: every role, both ways ---------------------------------------------------------------------------


INSERT = ("insert into school_days_off (school_id, name, starts_on, ends_on) values (%s, 'Test-Tag', '2027-03-01',"
          " '2027-03-01')")
# what each role sees of Mainufer's two demo days off, and whether it may add one to Mainufer / Lahntal
EXPECTED = {
    "lehrkraft": (2, DENIED, DENIED),
    "koordination": (2, DENIED, DENIED),
    "ausbilder": (2, DENIED, DENIED),
    "ausbilder2": (2, DENIED, DENIED),  # a trainer of a Mainufer pair too
    "schulleitung": (2, DENIED, DENIED),
    "admin": (2, 1, DENIED),
    "admin2": (0, DENIED, 1),
}


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_days_off_per_role(owner, username):
    seen, mainufer, lahntal = EXPECTED[username]
    assert attempt(owner, username, "select * from school_days_off where school_id = %s", (MAINUFER,)) == seen
    assert attempt(owner, username, INSERT, (MAINUFER,)) == mainufer
    assert attempt(owner, username, INSERT, (LAHNTAL,)) == lahntal
    deleted = attempt(owner, username, "delete from school_days_off where school_id = %s", (MAINUFER,))
    assert deleted == (2 if username == "admin" else 0)


def test_every_demo_role_is_in_the_matrix():
    assert set(EXPECTED) == set(ROLES)


def test_anon_sees_nothing(owner):
    assert attempt(owner, None, "select * from school_days_off") == DENIED
    assert attempt(owner, None, "select * from school_calendar") == DENIED


def test_the_view_is_the_readers_calendar(owner):
    """lehrkraft sees Mainufer's holidays and days off; admin2 (Lahntal) its state's holidays, no Mainufer day off."""
    def kinds(username: str, school) -> set[str]:
        with owner.transaction():
            act_as(owner, username)
            found = {r[0] for r in owner.execute("select distinct kind from school_calendar where school_id = %s",
                                                 (school,))}
            owner.execute("reset role")
        return found

    assert kinds("lehrkraft", MAINUFER) == {"ferien", "feiertag", "schulfrei"}
    assert kinds("admin2", MAINUFER) == {"ferien", "feiertag"}


# --- the repo as the admin --------------------------------------------------------------------------------------


def test_add_twice_and_delete_against_the_version(db, owner_url):
    import psycopg

    admin = user_id("admin")
    day = DayOff("Matrix-freier Tag", date(2027, 3, 1), date(2027, 3, 2))
    try:
        assert repo.add_days_off(db, admin, MAINUFER, [day]) == 1
        with pytest.raises(repo.DayOffExists):
            repo.add_days_off(db, admin, MAINUFER, [day])
        assert repo.add_days_off(db, admin, MAINUFER, [day], source="ics") == 0  # a file's repeat is left out
        row = repo.days_off(db, admin, MAINUFER).query("name == 'Matrix-freier Tag'").iloc[0]
        with pytest.raises(StaleWrite):
            repo.delete_day_off(db, admin, row["id"], int(row["version"]) + 1)
        repo.delete_day_off(db, admin, row["id"], int(row["version"]))
        with pytest.raises(StaleWrite):  # gone meanwhile
            repo.delete_day_off(db, admin, row["id"], int(row["version"]))
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from school_days_off where name = 'Matrix-freier Tag'")


# --- .ics -----------------------------------------------------------------------------------------------------------

ALLOWED = entries.plan_days(TODAY)


def _ics(*events: str) -> bytes:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Schule//DE\r\n" + "".join(events)
            + "END:VCALENDAR\r\n").encode()


def _event(uid: str, summary: str, start: str, end: str | None = None) -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART;VALUE=DATE:{start}\r\n"
            + (f"DTEND;VALUE=DATE:{end}\r\n" if end else "") + "END:VEVENT\r\n")


def test_read_ics_takes_all_day_events_and_says_why_it_leaves_others_out():
    data = _ics(_event("a@schule", "Pädagogischer Tag", "20270301", "20270302"),
                _event("b@schule", "Projektwoche", "20270405", "20270410"),
                _event("c@schule", "", "20270501"),
                _event("d@schule", "Viel zu spät", "20400101"))
    found, skipped = read_ics(data, ALLOWED)
    assert found == [DayOff("Pädagogischer Tag", date(2027, 3, 1), date(2027, 3, 1), "a@schule"),
                     DayOff("Projektwoche", date(2027, 4, 5), date(2027, 4, 9), "b@schule")]
    assert len(skipped) == 2 and skipped[1].startswith("Viel zu spät: ")


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02binary", b"BEGIN:VCALENDAR\r\nBROKEN", "ä".encode() * 10])
def test_read_ics_refuses_what_is_no_calendar(data):
    with pytest.raises(IcsRefused) as refused:
        read_ics(data, ALLOWED)
    assert str(refused.value)  # a German sentence from texts


# --- the calendar at work: conflicts, absence rate -------------------------------------------------------------


def test_a_block_in_the_herbstferien_2028_is_a_conflict(owner):
    holidays = owner.execute(
        "select 'ferien' as kind, name as label, starts_on, ends_on from school_calendar where school_id = %s"
        " and kind in ('ferien', 'schulfrei') and starts_on between '2028-09-01' and '2028-12-01'",
        (MAINUFER,)).fetchall()
    rows = [dict(zip(("kind", "label", "starts_on", "ends_on"), h, strict=True)) for h in holidays]
    rows.append({"kind": planning.BLOCK, "label": "Block", "starts_on": date(2028, 10, 16),
                 "ends_on": date(2028, 10, 27), "id": "b", "class_id": None, "apprentice_id": None})
    for row in rows:
        row.setdefault("id", row["label"])
        row.setdefault("class_id", None)
        row.setdefault("apprentice_id", None)
    found = planning.find_conflicts(rows)
    assert [c.reason for c in found if c.item_id == "b"] == [texts.CONFLICT_BLOCK_HOLIDAY.format(
        other="Herbstferien", start="09.10.2028", end="20.10.2028")], found


def test_school_days_leave_out_holidays_and_days_off(owner):
    """A part-time class's school days in the last 90 days are its days per week for every week of weekdays outside
    the school's calendar; a week of days off takes one week's school days away."""
    from psycopg.rows import dict_row

    owner.row_factory = dict_row
    row = owner.execute(
        "select a.id, coalesce(k.school_days_per_week, 2) as per_week from apprentices a"
        " join classes k on k.id = a.class_id where a.school_id = %s and k.schedule <> 'blockunterricht'"
        " and a.status = 'aktiv' order by a.id limit 1", (MAINUFER,)).fetchone()
    today = date(2026, 12, 18)  # the 90 days before hold the Herbstferien (and, loaded in 2026/27, a demo day off)
    closed = owner.execute("select starts_on, ends_on from school_calendar where school_id = %s"
                           " and ends_on >= %s and starts_on <= %s", (MAINUFER, today - timedelta(days=89), today))
    closed = [(r["starts_on"], r["ends_on"]) for r in closed]
    days = [today - timedelta(days=n) for n in range(90)]
    open_days = [d for d in days if d.weekday() < 5 and not any(s <= d <= e for s, e in closed)]
    assert len(open_days) <= len([d for d in days if d.weekday() < 5]) - 10  # two weeks of Herbstferien at least
    school_days = risks.signals(owner, today, [row["id"]])[0]["school_days_90"]
    assert school_days == round(row["per_week"] * len(open_days) / 5)
    owner.execute("insert into school_days_off (school_id, name, starts_on, ends_on) values (%s, 'Test', %s, %s)",
                  (MAINUFER, date(2026, 11, 30), date(2026, 12, 4)))  # a week, Monday to Friday
    assert risks.signals(owner, today, [row["id"]])[0]["school_days_90"] == round(
        row["per_week"] * (len(open_days) - 5) / 5)
