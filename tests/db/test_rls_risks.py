"""Row-level security of the early-warning tables: flags, concerns, cases, thresholds, inbox."""

from __future__ import annotations

import psycopg
import pytest

from leokop.demo.seed import demo_id
from tests.db.test_rls import ROLES
from tests.db.test_rls_progress import A_RMD, COMPANY_SIDE, SCHOOL_SIDE, _released
from tests.helpers import DENIED, attempt, expected_write, seen_and_expected, user_id, visible_ids

RISK_TABLES = ("risk_thresholds", "concerns", "risk_flags", "risk_cases", "case_comments", "case_measures",
               "inbox_seen")
_MAINUFER = demo_id("school", "mainufer")

# A case with a comment and a measure, a concern and thresholds: made inside each test's rolled-back transaction.
_SETUP = f"""
insert into risk_thresholds (school_id) values ('{_MAINUFER}') on conflict do nothing;
insert into concerns (apprentice_id, place, kind, body, raised_by)
  values ('{A_RMD}', 'schule', 'motivation', 'wirkt erschöpft', '{user_id("lehrkraft")}');
insert into risk_cases (id, apprentice_id, title, severity, opened_by)
  values ('00000000-0000-4000-8000-00000000c0de', '{A_RMD}', 'Fehlzeiten', 'warnung', '{user_id("lehrkraft")}');
insert into case_comments (case_id, place, body, author_id)
  values ('00000000-0000-4000-8000-00000000c0de', 'betrieb', 'Gespräch vereinbart', '{user_id("ausbilder")}');
insert into case_measures (case_id, kind, due_on, created_by)
  values ('00000000-0000-4000-8000-00000000c0de', 'gespraech_azubi', app_private.today() + 7, '{user_id("lehrkraft")}');
insert into inbox_seen (user_id) values ('{user_id("ausbilder")}'), ('{user_id("lehrkraft")}') on conflict do nothing;
"""
_PAIR = f"({SCHOOL_SIDE}) union ({COMPANY_SIDE})"
EXPECTED = {
    "risk_thresholds": """select school_id from risk_thresholds where school_id in
                          (select school_id from memberships where user_id = %(uid)s and role = 'admin' and active)""",
    "concerns": f"select id from concerns where apprentice_id in ({_PAIR})",
    "risk_flags": f"""select id from risk_flags where apprentice_id in ({SCHOOL_SIDE})
                      or (apprentice_id in ({COMPANY_SIDE}) and (category not in ('grades', 'absences', 'teacher_notes')
                          or (category = 'grades' and apprentice_id in ({_released('grades')}))
                          or (category = 'absences' and apprentice_id in ({_released('absences')}))
                          or (category = 'teacher_notes' and apprentice_id in ({_released('teacher_notes')}))))""",
    "risk_cases": f"select id from risk_cases where apprentice_id in ({_PAIR})",
    "case_comments": f"""select id from case_comments where case_id in
                         (select id from risk_cases where apprentice_id in ({_PAIR}))""",
    "case_measures": f"""select id from case_measures where case_id in
                         (select id from risk_cases where apprentice_id in ({_PAIR}))""",
    "inbox_seen": "select user_id from inbox_seen where user_id = %(uid)s",
}


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("table", RISK_TABLES)
def test_select_shows_exactly_what_the_pair_may_see(owner, table, username):
    seen, expected, total = seen_and_expected(owner, table, username, EXPECTED[table], _SETUP)
    assert total > 0
    assert seen == expected


@pytest.mark.parametrize("table", RISK_TABLES)
def test_anonymous_reads_nothing(owner, table):
    assert visible_ids(owner, table, None) == DENIED


def test_company_sees_no_flag_about_unreleased_grades(owner):
    with owner.transaction():
        owner.execute("insert into release_overrides (apprentice_id, share_grades, share_absences)"
                      " values (%s, false, true) on conflict (apprentice_id) do update set share_grades = false,"
                      " share_absences = true", (A_RMD,))
        owner.execute("insert into risk_flags (apprentice_id, rule, severity, category, reason) values"
                      " (%s, 'noten', 'warnung', 'grades', 'x'), (%s, 'berichtsheft', 'warnung', 'record_book', 'y')"
                      " on conflict do nothing", (A_RMD, A_RMD))
        trainer = visible_ids(owner, "risk_flags", "ausbilder")
        teacher = visible_ids(owner, "risk_flags", "lehrkraft")
        categories = dict(owner.execute("select id, category from risk_flags where apprentice_id = %s",
                                        (A_RMD,)).fetchall())
        raise psycopg.Rollback()
    mine = set(categories)
    seen = {categories[i] for i in trainer & mine}
    assert "grades" in categories.values() and "grades" not in seen and "record_book" in seen
    # every other category of the apprentice's flags stays visible (other tests may have added some)
    assert set(categories.values()) - {"grades", "teacher_notes"} <= seen
    assert mine <= teacher


_CASE = "00000000-0000-4000-8000-00000000c0de"
WRITE_CASES = {
    "risk_flags insert": (f"insert into risk_flags (apprentice_id, rule, severity, category, reason)"
                          f" values ('{A_RMD}', 'gefaelscht', 'kritisch', 'concern', 'x')", {}, DENIED),
    "risk_flags update": ("update risk_flags set severity = 'hinweis'", {}, DENIED),
    "risk_flags delete": ("delete from risk_flags", {}, DENIED),
    "risk_cases insert": (f"insert into risk_cases (apprentice_id, title, severity, opened_by)"
                          f" values ('{A_RMD}', 'Fall', 'warnung', auth.uid())",
                          {"lehrkraft": 1, "ausbilder": 1, "admin": 1}, DENIED),
    "risk_cases delete": (f"delete from risk_cases where id = '{_CASE}'", {}, DENIED),
    "risk_cases close": (f"update risk_cases set status = 'erledigt', closed_at = now(), closing_reason = 'gut'"
                         f" where id = '{_CASE}'", {"lehrkraft": 1, "ausbilder": 1, "admin": 1}, 0),
    "case_comments insert": (f"insert into case_comments (case_id, place, body, author_id)"
                             f" values ('{_CASE}', 'schule', 'x', auth.uid())",
                             {"lehrkraft": 1, "admin": 1}, DENIED),  # the trainer writes as "betrieb" only
    "case_comments insert as company": (f"insert into case_comments (case_id, place, body, author_id)"
                                        f" values ('{_CASE}', 'betrieb', 'x', auth.uid())", {"ausbilder": 1}, DENIED),
    "case_comments update": ("update case_comments set body = 'x'", {}, DENIED),
    "case_measures insert": (f"insert into case_measures (case_id, kind, created_by)"
                             f" values ('{_CASE}', 'quabb', auth.uid())",
                             {"lehrkraft": 1, "ausbilder": 1, "admin": 1}, DENIED),
    "concerns insert as company": (f"insert into concerns (apprentice_id, place, kind, body, raised_by)"
                                   f" values ('{A_RMD}', 'betrieb', 'konflikt', 'x', auth.uid())",
                                   {"ausbilder": 1}, DENIED),
    "risk_thresholds update": ("update risk_thresholds set unexcused_days_4_weeks = 3, updated_by = auth.uid()",
                               {"admin": 1}, 0),
    "inbox_seen own": ("insert into inbox_seen (user_id) values (auth.uid()) on conflict (user_id) do update"
                       " set seen_at = now()", {r: 1 for r in ROLES}, DENIED),
    "inbox_seen of another": (f"insert into inbox_seen (user_id) values ('{user_id('schulleitung2')}')"
                              f" on conflict do nothing", {}, DENIED),
}


@pytest.mark.parametrize("username", (*ROLES, None))
@pytest.mark.parametrize("case", sorted(WRITE_CASES))
def test_write(owner, case, username):
    sql, allowed, default = WRITE_CASES[case]
    assert attempt(owner, username, sql, None, _SETUP) == expected_write(allowed, default, username)


def test_a_user_transaction_cannot_become_the_evaluation_role(db):
    with pytest.raises(psycopg.errors.InsufficientPrivilege), db.user_tx(user_id("ausbilder")) as conn:
        conn.execute("set role leokop_service")


def test_the_evaluation_role_writes_flags(worker_db):
    with worker_db.service_tx() as conn:
        n = conn.execute("select count(*) as n from public.risk_flags").fetchone()["n"]
        conn.execute("insert into public.risk_flags (apprentice_id, rule, severity, category, reason)"
                     " values (%s, 'probe', 'hinweis', 'concern', 'x')", (A_RMD,))
        assert conn.execute("select count(*) as n from public.risk_flags").fetchone()["n"] == n + 1
        raise psycopg.Rollback()
