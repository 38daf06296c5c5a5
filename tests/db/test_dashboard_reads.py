"""The pair dashboard's reads (services.dashboard.load_pair) against the raw rows, as the owner computes them.

For a teacher every figure of the pair; for a trainer the same except the school data the school did not release
(release settings, per-apprentice overrides, consents), which must be missing, not zero.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from uuid import UUID

import pandas as pd
import psycopg
import pytest

from leokop import clock
from leokop.services import dashboard as service
from tests.helpers import act_as, cooperation_id, user_id

CASES = [  # (user, school, company, company side)
    ("lehrkraft", "mainufer", "rmd", False),
    ("ausbilder", "mainufer", "rmd", True),
    ("lehrkraft2", "lahntal", "rmd", False),
    ("ausbilder", "lahntal", "rmd", True),  # Lahntal keeps some categories to itself
]


def _released(owner: psycopg.Connection, ids: list[UUID], category: str, company_side: bool) -> set[UUID]:
    if not company_side:
        return set(ids)
    rows = owner.execute("select id from unnest(%s::uuid[]) id where app_private.is_released(id, %s)",
                         (ids, category)).fetchall()
    return {r[0] for r in rows}


def _active(owner: psycopg.Connection, coop: UUID, user: str) -> dict[UUID, dict]:
    """The pair's active apprentices the user may see (a teacher only those of the own classes: the apprentices
    policy, tested in test_rls.py, decides), with what the expected figures need."""
    with owner.transaction():
        act_as(owner, user)
        visible = [r[0] for r in owner.execute("select id from apprentices")]
        owner.execute("reset role")
    rows = owner.execute(
        "select a.id, a.class_id, a.contract_start, a.probation_end from cooperations c"
        " join apprentices a on a.school_id = c.school_id and a.company_id = c.company_id"
        " where c.id = %s and a.status = 'aktiv' and a.id = any(%s)", (coop, visible)).fetchall()
    return {r[0]: {"class_id": r[1], "contract_start": r[2], "probation_end": r[3]} for r in rows}


@pytest.fixture(params=CASES, ids=[f"{u}-{s}-{c}" for u, s, c, _ in CASES])
def loaded(request, db, owner):
    user, school, company, company_side = request.param
    coop = cooperation_id(school, company)
    today = clock.today()
    data = service.load_pair(db, user_id(user), coop, today, company_side=company_side)
    active = _active(owner, coop, user)
    assert active, "the demo pair has active apprentices"
    return data, active, coop, today, company_side


def test_apprentices_are_the_pairs_active_ones(loaded):
    data, active, *_ = loaded
    assert set(data.apprentices["id"]) == set(active)
    assert data.header["apprentices"] == len(active)


def test_grades_only_where_released(loaded, owner):
    data, active, _, _, company_side = loaded
    ids = list(active)
    released = _released(owner, ids, "grades", company_side)
    raw = owner.execute("select id, apprentice_id, grade from lf_results where apprentice_id = any(%s)",
                        (ids,)).fetchall()
    expected = {r[0]: (float(r[2]) if r[2] is not None else None) for r in raw if r[1] in released}
    found = {row["id"]: (None if pd.isna(row["grade"]) else float(row["grade"])) for row in data.lf.to_dict("records")}
    assert found == expected
    if company_side:
        assert data.hidden["grades"] == len(set(ids) - released)


def test_position_ratings_of_the_pair(loaded, owner):
    data, active, *_ = loaded
    raw = owner.execute("select id, level from position_ratings where apprentice_id = any(%s)",
                        (list(active),)).fetchall()
    assert dict(zip(data.positions["id"], data.positions["level"], strict=True)) == dict(raw)


def test_record_book_counts_every_full_week_since_the_contract_began(loaded, owner):
    data, active, _, today, _ = loaded
    this_monday = today - timedelta(days=today.weekday())
    statuses = {(r[0], r[1]): r[2] for r in owner.execute(
        "select apprentice_id, week_start, status::text from record_weeks where apprentice_id = any(%s)",
        (list(active),))}
    expected = {}
    for aid, person in active.items():
        start = person["contract_start"] + timedelta(days=6)
        week = start - timedelta(days=start.weekday())
        due = []
        while week <= this_monday - timedelta(days=7):
            due.append(week)
            week += timedelta(days=7)
        if not due:
            continue
        seen = Counter(statuses.get((aid, w)) for w in due)
        expected[aid] = (len(due), seen["unterschrieben"], seen["eingereicht"], seen["zurueckgegeben"], seen[None])
    found = {r["apprentice_id"]: (r["due"], r["signed"], r["submitted"], r["returned"], r["missing"])
             for r in data.record_book.to_dict("records")}
    assert found == expected


def test_absences_of_the_last_90_days_only_where_released(loaded, owner):
    data, active, _, today, company_side = loaded
    released = _released(owner, list(active), "absences", company_side)
    raw = owner.execute(
        "select apprentice_id, absence_date, excused, lessons from absences where apprentice_id = any(%s)"
        " and absence_date > %s and absence_date <= %s", (list(released), today - timedelta(days=90), today)).fetchall()
    expected: dict[UUID, tuple] = {}
    for aid in {r[0] for r in raw}:
        mine = [r for r in raw if r[0] == aid]
        expected[aid] = (sum(1 for r in mine if r[1] > today - timedelta(days=30) and not r[2]),
                         sum(1 for r in mine if r[2]), sum(1 for r in mine if not r[2]), sum(r[3] or 0 for r in mine))
    found = {r["apprentice_id"]: (r["unexcused_30"], r["excused_90"], r["unexcused_90"], r["lessons_90"])
             for r in data.absences.to_dict("records")}
    assert found == expected
    if company_side:
        assert data.hidden["absences"] == len(set(active) - released)


def test_last_activity_of_each_place(loaded, owner):
    data, active, _, _, company_side = loaded
    ids = list(active)
    school_notes = _released(owner, ids, "teacher_notes", company_side)
    school = owner.execute(
        "select greatest((select max(updated_at) from lf_results where apprentice_id = any(%(grades)s)),"
        " (select max(recorded_at) from absences where apprentice_id = any(%(absences)s)),"
        " (select max(created_at) from notes where place = 'schule' and apprentice_id = any(%(notes)s)))",
        {"grades": list(_released(owner, ids, "grades", company_side)),
         "absences": list(_released(owner, ids, "absences", company_side)), "notes": list(school_notes)}).fetchone()[0]
    company = owner.execute(
        "select greatest((select max(updated_at) from position_ratings where apprentice_id = any(%(ids)s)),"
        " (select max(decided_at) from record_weeks where apprentice_id = any(%(ids)s)),"
        " (select max(created_at) from company_phases where apprentice_id = any(%(ids)s)),"
        " (select max(created_at) from notes where place = 'betrieb' and apprentice_id = any(%(ids)s)))",
        {"ids": ids}).fetchone()[0]
    assert (data.header["last_school_activity"], data.header["last_company_activity"]) == (school, company)


def test_open_flags_and_cases_of_the_pair(loaded, owner):
    data, active, _, _, company_side = loaded
    ids = list(active)
    flags = owner.execute("select id, apprentice_id, category from risk_flags where apprentice_id = any(%s)"
                          " and cleared_at is null", (ids,)).fetchall()
    by_category = {c: _released(owner, ids, c, company_side) for c in ("grades", "absences", "teacher_notes")}
    expected = {f[0] for f in flags if f[2] not in by_category or f[1] in by_category[f[2]]}
    assert set(data.flags["id"]) == expected
    assert list(data.flags["severity"]) == sorted(data.flags["severity"],
                                                  key=["kritisch", "warnung", "hinweis"].index)
    cases = owner.execute("select id from risk_cases where apprentice_id = any(%s) and status <> 'erledigt'",
                          (ids,)).fetchall()
    assert set(data.open_cases["id"]) == {c[0] for c in cases}


def test_schedule_holds_the_pairs_dates_in_the_window(loaded, owner):
    data, active, coop, today, _ = loaded
    start, end = service.schedule_window(today)
    classes = list({p["class_id"] for p in active.values()})
    expected = Counter()
    expected["schulblock"] = owner.execute(
        "select count(*) from school_blocks where class_id = any(%s) and ends_on >= %s and starts_on <= %s",
        (classes, start, end)).fetchone()[0]
    expected["pruefung"] = owner.execute(
        "select count(*) from exams where class_id = any(%s) and ends_on >= %s and starts_on <= %s",
        (classes, start, end)).fetchone()[0]
    expected["phase"] = owner.execute(
        "select count(*) from company_phases where apprentice_id = any(%s) and ends_on >= %s and starts_on <= %s",
        (list(active), start, end)).fetchone()[0]
    expected["probezeit"] = sum(1 for p in active.values() if p["probation_end"] and start <= p["probation_end"] <= end)
    expected["termin"] = owner.execute(
        "select count(*) from joint_dates where cooperation_id = %s and on_date between %s and %s",
        (coop, start, end)).fetchone()[0]
    # the school's holidays and its own days off (public holidays are no planning conflict: not on the timeline)
    expected["ferien"] = owner.execute(
        "select count(*) from school_calendar h where h.school_id = (select c.school_id from cooperations c"
        " where c.id = %s) and h.kind in ('ferien', 'schulfrei') and ends_on >= %s and starts_on <= %s",
        (coop, start, end)).fetchone()[0]
    found = Counter(data.schedule["kind"])
    assert {k: found[k] for k in expected} == dict(expected)
    assert expected["schulblock"] and expected["ferien"], "the demo pair has blocks and holidays in the window"
    phases = data.schedule[data.schedule["kind"] == "phase"]
    assert set(phases["apprentice_id"]) <= set(active)


def test_a_user_outside_the_pair_gets_nothing(db):
    data = service.load_pair(db, user_id("ausbilder2"), cooperation_id("mainufer", "rmd"), clock.today(),
                             company_side=True)
    assert data.apprentices.empty and data.lf.empty and data.positions.empty and data.flags.empty
    assert data.schedule[data.schedule["kind"].isin(["phase", "probezeit", "termin"])].empty


def test_the_demo_hides_grades_of_one_apprentice_from_the_trainer(db):
    """So that the tests above see released and unreleased apprentices side by side."""
    data = service.load_pair(db, user_id("ausbilder"), cooperation_id("mainufer", "rmd"), clock.today(),
                             company_side=True)
    assert data.hidden["grades"] == 1


def test_absences_hidden_by_an_override_are_missing_for_the_trainer_only(db, owner_url):
    coop = cooperation_id("mainufer", "rmd")
    with psycopg.connect(owner_url, autocommit=True) as conn:
        apprentice = conn.execute(
            "select x.apprentice_id from absences x join apprentices a on a.id = x.apprentice_id"
            " join cooperations c on c.school_id = a.school_id and c.company_id = a.company_id"
            " where c.id = %s and a.status = 'aktiv' and x.absence_date > app_private.today() - 80"
            " and a.id not in (select apprentice_id from release_overrides) limit 1", (coop,)).fetchone()[0]
        conn.execute("insert into release_overrides (apprentice_id, share_absences) values (%s, false)",
                     (apprentice,))
        try:
            trainer = service.load_pair(db, user_id("ausbilder"), coop, clock.today(), company_side=True)
            teacher = service.load_pair(db, user_id("lehrkraft"), coop, clock.today(), company_side=False)
        finally:
            conn.execute("delete from release_overrides where apprentice_id = %s", (apprentice,))
    assert apprentice not in set(trainer.absences["apprentice_id"])
    assert trainer.hidden["absences"] == 1
    assert apprentice in set(teacher.absences["apprentice_id"])
