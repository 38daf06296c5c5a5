"""The personal calendar feed (sql/035): the table's row-level security, the token lookup of the route, and what
the feed holds for each role, read as the user through the app's pool (leokop_app, no RLS bypass)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID, uuid4

import psycopg
import pytest

from leokop import clock
from leokop.repo import calendar_feeds, cooperations, dashboard
from leokop.services import calendar
from tests.helpers import DENIED, SHARED_CLASS, attempt, company_id, school_id, user_id

FEED_TABLES = ("calendar_feeds",)
ROLES = ("lehrkraft", "ausbilder", "ausbilder2", "schulleitung", "admin")
# what a feed may hold: plan rows only, never grades, absences, notes, flags or cases
PLAN_SOURCES = {"school_blocks", "exams", "company_phases", "joint_dates", "project_milestones", "school_holidays",
                "school_days_off"}


def _events(db, username: str, *, with_names: bool = False, coop: UUID | None = None) -> list[dict]:
    start, end = calendar.window(clock.today())
    return calendar_feeds.events(db, user_id(username), start, end, with_names=with_names, cooperation_id=coop)


def _ids(events: list[dict], source: str) -> set[UUID]:
    return {e["id"] for e in events if e["source"] == source}


def _owner_ids(owner_url: str, sql: str, *params) -> set[UUID]:
    with psycopg.connect(owner_url) as conn:
        return {r[0] for r in conn.execute(sql, params).fetchall()}


@contextmanager
def _changed(owner_url: str, do: str, undo: str, *params) -> Iterator[None]:
    """A committed change as the owner (the app's pool sees it), taken back afterwards."""
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute(do, params)
    try:
        yield
    finally:
        with psycopg.connect(owner_url, autocommit=True) as conn:
            conn.execute(undo, params)


@pytest.fixture()
def feed_of(db, owner_url) -> Iterator:
    """Make a live feed for a demo user (its token); every feed the test made is removed afterwards."""
    made: list[UUID] = []

    def make(username: str, with_names: bool = False) -> str:
        live = calendar_feeds.live_feed(db, user_id(username))
        token = calendar_feeds.create(db, user_id(username), with_names=with_names,
                                      replacing=live.id if live else None)
        made.append(user_id(username))
        return token

    yield make
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from calendar_feeds where user_id = any(%s)", (made,))


# --- the table ------------------------------------------------------------------------------------------------------


def test_a_user_sees_and_changes_only_the_own_feeds_and_never_a_hash(owner):
    own, other = uuid4(), uuid4()
    setup = (f"insert into calendar_feeds (id, user_id, token_sha256) values ('{own}', '{user_id('lehrkraft')}',"
             f" '{'a' * 64}'), ('{other}', '{user_id('ausbilder')}', '{'b' * 64}')")
    assert attempt(owner, "lehrkraft", "select id from calendar_feeds", setup=setup) == 1
    assert attempt(owner, "ausbilder", "select id from calendar_feeds where id = %s", (own,), setup=setup) == 0
    for user in ROLES:
        assert attempt(owner, user, "select token_sha256 from calendar_feeds", setup=setup) == DENIED
        assert attempt(owner, user, "select content_etag from calendar_feeds", setup=setup) == DENIED
        assert attempt(owner, user, "delete from calendar_feeds", setup=setup) == DENIED
    # another user's feed can be neither revoked nor given names, nor can one be made in another's name
    assert attempt(owner, "ausbilder", "update calendar_feeds set revoked_at = now() where id = %s", (own,),
                   setup=setup) == 0
    assert attempt(owner, "lehrkraft", "update calendar_feeds set revoked_at = now() where id = %s", (own,),
                   setup=setup) == 1
    assert attempt(owner, "lehrkraft", "update calendar_feeds set token_sha256 = %s where id = %s",
                   ("c" * 64, own), setup=setup) == DENIED
    assert attempt(owner, "lehrkraft", "insert into calendar_feeds (token_sha256, user_id) values (%s, %s)",
                   ("d" * 64, user_id("ausbilder"))) == DENIED
    assert attempt(owner, "lehrkraft", "insert into calendar_feeds (token_sha256) values (%s)", ("e" * 64,)) == 1
    # one live feed per user
    with pytest.raises(psycopg.errors.UniqueViolation), owner.transaction():
        owner.execute(setup)
        owner.execute("insert into calendar_feeds (user_id, token_sha256) values (%s, %s)",
                      (user_id("lehrkraft"), "f" * 64))
    for user in (None,):
        assert attempt(owner, user, "select id from calendar_feeds") == DENIED


def test_the_login_role_reaches_feeds_only_through_the_two_functions(owner):
    owner.execute("set local role leokop_app")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        owner.execute("select * from public.calendar_feeds")


# --- the route's lookup ---------------------------------------------------------------------------------------------


def test_a_token_opens_the_live_feed_of_an_active_user_only(db, owner_url, feed_of):
    token = feed_of("lehrkraft")
    found = calendar_feeds.owner_of(db, token)
    assert found is not None and found.user_id == user_id("lehrkraft") and found.with_names is False
    assert calendar_feeds.owner_of(db, token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    # stored is the hash, never the token
    with psycopg.connect(owner_url) as conn:
        stored = conn.execute("select token_sha256 from calendar_feeds where id = %s", (found.feed_id,)).fetchone()[0]
    assert stored == calendar_feeds.token_hash(token) and token not in stored
    # a deactivated user's feed opens nothing, and again once the user is active
    with _changed(owner_url, "update app_users set active = false where id = %s",
                  "update app_users set active = true where id = %s", user_id("lehrkraft")):
        assert calendar_feeds.owner_of(db, token) is None
    assert calendar_feeds.owner_of(db, token) is not None
    # renewed: the old token opens nothing, the new one the new feed
    renewed = feed_of("lehrkraft")
    assert calendar_feeds.owner_of(db, token) is None
    assert calendar_feeds.owner_of(db, renewed).feed_id != found.feed_id
    # revoked: nothing
    calendar_feeds.revoke(db, user_id("lehrkraft"), calendar_feeds.owner_of(db, renewed).feed_id)
    assert calendar_feeds.owner_of(db, renewed) is None
    assert calendar_feeds.live_feed(db, user_id("lehrkraft")) is None


def test_changes_against_a_feed_that_changed_meanwhile_are_refused(db, feed_of):
    from leokop.repo._query import StaleWrite

    feed_of("ausbilder")
    first = calendar_feeds.live_feed(db, user_id("ausbilder"))
    feed_of("ausbilder")  # another tab renewed it
    with pytest.raises(StaleWrite):
        calendar_feeds.revoke(db, user_id("ausbilder"), first.id)
    with pytest.raises(StaleWrite):
        calendar_feeds.set_names(db, user_id("ausbilder"), first.id, True)
    with pytest.raises(StaleWrite):
        calendar_feeds.create(db, user_id("ausbilder"), with_names=False, replacing=first.id)
    assert calendar_feeds.live_feed(db, user_id("ausbilder")).id != first.id  # the other tab's feed stays live


def test_the_content_stamp_moves_only_when_the_content_changes(db, feed_of):
    token = feed_of("ausbilder")
    first = calendar_feeds.served(db, token, '"one"')
    assert calendar_feeds.served(db, token, '"one"') == first
    assert calendar_feeds.served(db, token, '"two"') > first
    assert calendar_feeds.owner_of(db, token).etag == '"two"'


# --- what the feed holds, per role -------------------------------------------------------------------------------


def test_every_role_gets_plan_rows_only_and_each_once(db):
    for username in ROLES:
        events = _events(db, username, with_names=True)
        assert {e["source"] for e in events} <= PLAN_SOURCES, username
        keys = [(e["source"], e["id"]) for e in events]
        assert len(keys) == len(set(keys)), f"{username}: an event twice"


def test_teacher_and_trainers_see_their_pairs_and_no_other_company(db, owner_url):
    rmd_phases = _owner_ids(owner_url, "select f.id from company_phases f join apprentices a on a.id = f.apprentice_id"
                                       " where a.company_id = %s", company_id("rmd"))
    taunus_phases = _owner_ids(owner_url, "select f.id from company_phases f join apprentices a"
                                          " on a.id = f.apprentice_id where a.company_id = %s", company_id("taunus"))
    shared_blocks = _owner_ids(owner_url, "select id from school_blocks where class_id = %s", SHARED_CLASS)
    trainer, other_trainer, teacher = (_events(db, u) for u in ("ausbilder", "ausbilder2", "lehrkraft"))
    assert _ids(trainer, "company_phases") and _ids(trainer, "company_phases") <= rmd_phases
    assert _ids(other_trainer, "company_phases") and _ids(other_trainer, "company_phases") <= taunus_phases
    assert not _ids(trainer, "company_phases") & taunus_phases
    assert not _ids(other_trainer, "company_phases") & rmd_phases
    # both companies send apprentices to the shared class: its school blocks are in both trainers' feeds
    window = {e["id"] for e in teacher if e["source"] == "school_blocks"} & shared_blocks
    assert window and window <= _ids(trainer, "school_blocks") and window <= _ids(other_trainer, "school_blocks")
    # joint dates: only of the user's own pairs
    trainer_pairs = _owner_ids(owner_url, "select id from cooperations where company_id = %s", company_id("rmd"))
    trainer_dates = _owner_ids(owner_url, "select id from joint_dates where cooperation_id = any(%s)",
                               list(trainer_pairs))
    assert _ids(trainer, "joint_dates") and _ids(trainer, "joint_dates") <= trainer_dates
    # the teacher: phases of apprentices in the teacher's classes only
    teacher_apprentices = _owner_ids(
        owner_url, "select f.id from company_phases f join apprentices a on a.id = f.apprentice_id"
                   " join memberships m on m.class_id = a.class_id where m.user_id = %s and m.active",
        user_id("lehrkraft"))
    assert _ids(teacher, "company_phases") and _ids(teacher, "company_phases") <= teacher_apprentices


def test_the_feed_holds_what_the_pair_dashboards_show(db):
    """Per pair, the feed's rows are the dashboard timeline's (without the probation ends) in the same window."""
    start, end = calendar.window(clock.today())
    for username in ("lehrkraft", "ausbilder"):
        pairs = cooperations.my_cooperations(db, user_id(username))
        assert not pairs.empty
        for coop in pairs["id"].tolist():
            people = cooperations.cooperation_apprentices(db, user_id(username), coop)
            active = people[people["status"] == "aktiv"]
            schedule = dashboard.pair_schedule(db, user_id(username), dashboard.Pair.of(coop, active), start, end)
            shown = {row.id for row in schedule.itertuples() if row.kind != "probezeit"}
            assert {e["id"] for e in _events(db, username, coop=coop)} == shown, (username, coop)


def test_leadership_gets_an_empty_feed_and_the_admin_only_the_own_school(db, owner_url):
    assert _events(db, "schulleitung") == []
    admin = _events(db, "admin")
    lahntal_phases = _owner_ids(owner_url, "select f.id from company_phases f join apprentices a"
                                           " on a.id = f.apprentice_id where a.school_id = %s", school_id("lahntal"))
    assert _ids(admin, "company_phases") and not _ids(admin, "company_phases") & lahntal_phases
    # ausbilder works with both schools: both schools' holidays (one state: each holiday once)
    assert _ids(_events(db, "ausbilder"), "school_holidays")


def test_names_only_when_chosen_and_only_of_apprentices_the_user_sees(db, owner_url):
    without = _events(db, "ausbilder2")
    assert all(e["person"] is None for e in without)
    named = [e for e in _events(db, "ausbilder2", with_names=True) if e["source"] == "company_phases"]
    assert named and all(e["person"] for e in named)
    own = {f"{f} {la}" for f, la in psycopg.connect(owner_url).execute(
        "select first_name, last_name from apprentices where company_id = %s", (company_id("taunus"),)).fetchall()}
    assert {e["person"] for e in named} <= own
    assert all(e["person"] in calendar.summary(e) for e in named)
    assert not any(e["person"] and e["person"] in calendar.summary(e) for e in without)


def test_a_deactivated_membership_empties_the_feed(db, owner_url):
    assert _events(db, "ausbilder2")
    with _changed(owner_url, "update memberships set active = false where user_id = %s",
                  "update memberships set active = true where user_id = %s", user_id("ausbilder2")):
        assert [e for e in _events(db, "ausbilder2") if e["source"] not in ("school_holidays", "school_days_off")] == []
        assert _events(db, "ausbilder2") == []
    assert _events(db, "ausbilder2")


# --- the generator ----------------------------------------------------------------------------------------------------


def test_the_calendar_parses_with_stable_uids_all_day_events_and_berlin(db):
    from icalendar import Calendar

    events = _events(db, "lehrkraft")
    body = calendar.to_ics(events, "leokop")
    parsed = Calendar.from_ical(body)
    assert str(parsed["X-WR-TIMEZONE"]) == "Europe/Berlin"
    found = {str(v["UID"]): v for v in parsed.walk("VEVENT")}
    assert len(found) == len(events)
    block = next(e for e in events if e["source"] == "school_blocks")
    vevent = found[f"school_blocks-{block['id']}@leokop"]
    assert vevent.decoded("DTSTART") == block["starts_on"]
    assert (vevent.decoded("DTEND") - block["ends_on"]).days == 1  # exclusive end
    assert "DTSTART;VALUE=DATE:" in body.decode()
    assert str(vevent["SUMMARY"]).startswith("Schulblock ")
    assert calendar.etag(events, "leokop") == calendar.etag(list(reversed(events)), "leokop")
    assert calendar.etag(events, "leokop") != calendar.etag(events[1:], "leokop")
