"""Row-level security of progress and planning data: school side, company side, release settings."""

from __future__ import annotations

import psycopg
import pytest

from leokop.demo.seed import demo_id
from tests.db.test_rls import EXPECTED_VISIBLE, ROLES
from tests.helpers import (
    DENIED,
    SHARED_CLASS,
    act_as,
    attempt,
    company_id,
    cooperation_id,
    expected_write,
    user_id,
    visible_ids,
)

_MY = "select * from memberships where user_id = %(uid)s and active"
SCHOOL_SIDE = f"""
    select a.id from apprentices a
    where a.class_id in (select class_id from ({_MY}) m where role = 'lehrkraft')
       or a.school_id in (select school_id from ({_MY}) m where role = 'admin')
       or exists (select 1 from ({_MY}) m join cooperations c on c.id = m.cooperation_id
                  where m.role = 'lehrkraft' and c.school_id = a.school_id and c.company_id = a.company_id)
"""
COMPANY_SIDE = f"""
    select a.id from apprentices a
    where exists (select 1 from ({_MY}) m where m.role = 'ausbilder'
                  and ((m.company_id = a.company_id and m.school_id = a.school_id)
                       or m.cooperation_id in (select c.id from cooperations c
                                               where c.school_id = a.school_id and c.company_id = a.company_id)))
"""


def _released(category: str) -> str:
    return f"""
        select a.id from apprentices a
        left join release_settings s on s.school_id = a.school_id
        left join release_overrides o on o.apprentice_id = a.id
        where coalesce(o.share_{category}, s.share_{category}, true)
    """


def _by_apprentice(table: str, released: str | None = None, extra: str = "") -> str:
    company = f"({COMPANY_SIDE}) intersect ({_released(released)})" if released else COMPANY_SIDE
    return f"""select t.id from {table} t where (t.apprentice_id in ({SCHOOL_SIDE})
               or (t.apprentice_id in ({company}) {extra}))"""


_CLASSES_OF = f"""
    select class_id from apprentices where id in ({SCHOOL_SIDE})
    union select k.id from classes k where k.id in (select class_id from ({_MY}) m where role = 'lehrkraft')
    union select class_id from apprentices where id in ({COMPANY_SIDE})
"""
EXPECTED = {
    "lf_results": _by_apprentice("lf_results", "grades"),
    "lf_grade_history": _by_apprentice("lf_grade_history", "grades"),
    "absences": _by_apprentice("absences", "absences"),
    "position_ratings": _by_apprentice("position_ratings"),
    "record_weeks": _by_apprentice("record_weeks"),
    "company_phases": _by_apprentice("company_phases"),
    "notes": f"""select t.id from notes t where t.apprentice_id in ({SCHOOL_SIDE})
                 or (t.apprentice_id in ({COMPANY_SIDE})
                     and (t.place = 'betrieb' or t.apprentice_id in ({_released('teacher_notes')})))""",
    "release_overrides": f"select t.apprentice_id from release_overrides t where t.apprentice_id in ({SCHOOL_SIDE})",
    "school_blocks": f"select t.id from school_blocks t where t.class_id in ({_CLASSES_OF})",
    "exams": f"select t.id from exams t where t.class_id in ({_CLASSES_OF})",
    "joint_dates": f"select t.id from joint_dates t where t.cooperation_id in ({EXPECTED_VISIBLE['cooperations']})",
    "release_settings": f"""select t.school_id from release_settings t
        where t.school_id in (select school_id from ({_MY}) m where role = 'admin')
           or t.school_id in (select school_id from apprentices where id in ({SCHOOL_SIDE}))""",
    "school_holidays": "select id from school_holidays",
}
NEW_TABLES = tuple(EXPECTED)


def _expected(owner, table: str, username: str) -> set:
    return {r[0] for r in owner.execute(EXPECTED[table], {"uid": user_id(username)}).fetchall()}


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("table", NEW_TABLES)
def test_select_shows_exactly_what_side_and_release_allow(owner, table, username):
    assert visible_ids(owner, table, username) == _expected(owner, table, username)


@pytest.mark.parametrize("table", NEW_TABLES)
def test_anonymous_reads_nothing(owner, table):
    assert visible_ids(owner, table, None) == DENIED


@pytest.mark.parametrize("table", [t for t in NEW_TABLES if t not in ("school_holidays", "release_overrides")])
def test_demo_data_makes_the_matrix_meaningful(owner, table):
    """Each table has rows, and trainers see fewer than the school admin: the checks above can fail."""
    total = owner.execute(f"select count(*) from {table}").fetchone()[0]
    assert total > 0
    assert len(_expected(owner, table, "ausbilder2")) < total


A_RMD = demo_id("apprentice", f"{SHARED_CLASS}/0")  # first apprentice of FI25a: company rmd (see the seed)
_LF6 = demo_id("lf", "FI/LF6")
_A1 = demo_id("position", "FI/A1")
_MONDAY = "date_trunc('week', app_private.today())::date - 7"


def _update_all(table: str, assignment: str, *roles: str) -> tuple:
    """An update of all of A_RMD's rows in table: each of the roles changes every one of them, the others none."""
    every = ("count", f"select count(*) from {table} where apprentice_id = '{A_RMD}'")
    return (f"update {table} set {assignment} where apprentice_id = '{A_RMD}'", None, dict.fromkeys(roles, every), 0)


WRITE_CASES = {
    "lf_results insert": (
        f"insert into lf_results (apprentice_id, learning_field_id, status, updated_by)"
        f" values ('{A_RMD}', '{_LF6}', 'laufend', auth.uid())",
        f"delete from lf_results where apprentice_id = '{A_RMD}' and learning_field_id = '{_LF6}'",
        {"lehrkraft": 1, "admin": 1}, DENIED),
    "lf_results update": _update_all("lf_results", "status = status, updated_by = auth.uid()", "lehrkraft", "admin"),
    "lf_grade_history insert": (
        f"insert into lf_grade_history (apprentice_id, learning_field_id, grade, graded_on)"
        f" values ('{A_RMD}', '{_LF6}', 1, app_private.today())", None, {}, DENIED),
    "lf_grade_history delete": (f"delete from lf_grade_history where apprentice_id = '{A_RMD}'", None, {}, DENIED),
    "position_ratings insert": (
        f"insert into position_ratings (apprentice_id, training_position_id, level, updated_by)"
        f" values ('{A_RMD}', '{_A1}', 2, auth.uid())",
        f"delete from position_ratings where apprentice_id = '{A_RMD}' and training_position_id = '{_A1}'",
        {"ausbilder": 1}, DENIED),
    "position_ratings update": _update_all("position_ratings", "level = level, updated_by = auth.uid()", "ausbilder"),
    "record_weeks insert": (
        f"insert into record_weeks (apprentice_id, week_start) values ('{A_RMD}', {_MONDAY})",
        f"delete from record_weeks where apprentice_id = '{A_RMD}' and week_start = {_MONDAY}",
        {"ausbilder": 1}, DENIED),
    "record_weeks update": _update_all("record_weeks", "version = version, decided_by = auth.uid()", "ausbilder"),
    "absences insert": (
        f"insert into absences (apprentice_id, absence_date, lessons, recorded_by)"
        f" values ('{A_RMD}', app_private.today(), 4, auth.uid())",
        f"delete from absences where apprentice_id = '{A_RMD}' and absence_date = app_private.today()",
        {"lehrkraft": 1, "admin": 1}, DENIED),
    "absences excuse by update": _update_all("absences", "excused = true", "lehrkraft", "admin"),
    "notes insert as school": (
        f"insert into notes (apprentice_id, author_id, place, body) values ('{A_RMD}', auth.uid(), 'schule', 'x')",
        None, {"lehrkraft": 1, "admin": 1}, DENIED),
    "notes insert as company": (
        f"insert into notes (apprentice_id, author_id, place, body) values ('{A_RMD}', auth.uid(), 'betrieb', 'x')",
        None, {"ausbilder": 1}, DENIED),
    "notes insert for someone else": (
        f"insert into notes (apprentice_id, author_id, place, body)"
        f" values ('{A_RMD}', '{user_id('koordination')}', 'schule', 'x')", None, {}, DENIED),
    "lf_results credited to someone else": (
        f"update lf_results set updated_by = '{user_id('koordination')}' where apprentice_id = '{A_RMD}'", None,
        {"lehrkraft": DENIED, "admin": DENIED}, 0),  # visible rows: WITH CHECK refuses; others: none seen
    "absences recorder rewritten": (
        f"update absences set recorded_by = '{user_id('koordination')}' where apprentice_id = '{A_RMD}'", None,
        {}, DENIED),
    "notes update": (f"update notes set body = 'x' where apprentice_id = '{A_RMD}'", None, {}, DENIED),
    "notes delete": (f"delete from notes where apprentice_id = '{A_RMD}'", None, {}, DENIED),
    "school_blocks insert": (
        f"insert into school_blocks (class_id, starts_on, ends_on, created_by) values ('{SHARED_CLASS}',"
        f" '2027-05-03', '2027-05-14', auth.uid())", None, {"lehrkraft": 1, "admin": 1}, DENIED),
    "school_blocks delete": (
        "delete from school_blocks where note = 'rls-probe'",
        f"insert into school_blocks (class_id, starts_on, ends_on, note) values ('{SHARED_CLASS}', '2027-05-03',"
        f" '2027-05-14', 'rls-probe')", {"lehrkraft": 1, "admin": 1}, 0),
    "company_phases insert": (
        f"insert into company_phases (apprentice_id, title, starts_on, ends_on, created_by) values ('{A_RMD}', 'x',"
        f" '2027-05-03', '2027-05-14', auth.uid())", None, {"ausbilder": 1}, DENIED),
    "company_phases delete": (
        "delete from company_phases where title = 'rls-probe'",
        f"insert into company_phases (apprentice_id, title, starts_on, ends_on) values ('{A_RMD}', 'rls-probe',"
        f" '2027-05-03', '2027-05-14')", {"ausbilder": 1}, 0),
    "exams insert": (
        f"insert into exams (class_id, kind, starts_on, ends_on) values ('{SHARED_CLASS}', 'zwischenpruefung',"
        f" '2027-03-01', '2027-03-01')",
        f"delete from exams where class_id = '{SHARED_CLASS}' and kind = 'zwischenpruefung'", {"admin": 1}, DENIED),
    "joint_dates insert": (
        f"insert into joint_dates (cooperation_id, title, on_date, created_by)"
        f" values ('{cooperation_id('mainufer', 'rmd')}', 'x', app_private.today(), auth.uid())", None,
        {"lehrkraft": 1, "ausbilder": 1, "admin": 1, "schulleitung": 1}, DENIED),
    "release_settings update": (
        f"update release_settings set share_grades = false where school_id = '{demo_id('school', 'mainufer')}'",
        None, {"admin": 1}, 0),
    "release_overrides insert": (
        f"insert into release_overrides (apprentice_id, share_grades) values ('{A_RMD}', false)",
        f"delete from release_overrides where apprentice_id = '{A_RMD}'", {"admin": 1}, DENIED),
    "school_holidays insert": (
        "insert into school_holidays (state, name, starts_on, ends_on) values ('Hessen', 'x', '2030-01-01',"
        " '2030-01-02')", None, {}, DENIED),
}


@pytest.mark.parametrize("username", (*ROLES, None))
@pytest.mark.parametrize("case", sorted(WRITE_CASES))
def test_write(owner, case, username):
    sql, setup, allowed, default = WRITE_CASES[case]
    expected = expected_write(allowed, default, username)
    if isinstance(expected, tuple):
        expected = owner.execute(expected[1]).fetchone()[0]
        assert expected > 0, "the demo data must give this case rows to change"
    assert attempt(owner, username, sql, None, setup) == expected


def _release(owner, grades: bool | None = None, override: bool | None = None) -> None:
    owner.execute("update release_settings set share_grades = %s where school_id = %s",
                  (grades, demo_id("school", "mainufer")))
    owner.execute("delete from release_overrides where apprentice_id = %s", (A_RMD,))
    if override is not None:
        owner.execute("insert into release_overrides (apprentice_id, share_grades) values (%s, %s)",
                      (A_RMD, override))


def _grades_seen(owner, username: str) -> int:
    act_as(owner, username)
    n = owner.execute("select count(*) from lf_results where apprentice_id = %s", (A_RMD,)).fetchone()[0]
    owner.execute("reset role")
    return n


@pytest.mark.parametrize(
    ("school_default", "override", "trainer_sees"),
    [(True, None, True), (False, None, False), (False, True, True), (True, False, False)],
)
def test_release_decides_what_the_company_sees(owner, school_default, override, trainer_sees):
    with owner.transaction():
        _release(owner, school_default, override)
        seen_by_trainer, seen_by_teacher = _grades_seen(owner, "ausbilder"), _grades_seen(owner, "lehrkraft")
        raise psycopg.Rollback()
    assert (seen_by_trainer > 0) is trainer_sees
    assert seen_by_teacher > 0  # the school always sees its grades


def test_company_cannot_excuse_but_can_propose(owner):
    with owner.transaction():
        absence = owner.execute(
            "insert into absences (apprentice_id, absence_date, lessons) values (%s, app_private.today() - 1, 3)"
            " on conflict (apprentice_id, absence_date) do update set excused = false, excuse_state = 'keiner'"
            " returning id, version", (A_RMD,)).fetchone()
        act_as(owner, "ausbilder")
        assert owner.execute("update absences set excused = true where id = %s", (absence[0],)).rowcount == 0
        assert owner.execute("select public.propose_excuse(%s, %s, 'Arzttermin, Attest liegt vor')",
                             absence).fetchone()[0] is True
        owner.execute("reset role")
        state = owner.execute("select excused, excuse_state::text from absences where id = %s",
                              (absence[0],)).fetchone()
        act_as(owner, "ausbilder2")
        refused = owner.execute("select public.propose_excuse(%s, %s, 'x')", (absence[0], absence[1] + 1)).fetchone()
        owner.execute("reset role")
        raise psycopg.Rollback()
    assert state == (False, "vorgeschlagen")
    assert refused[0] is False


def test_trainer_of_other_company_sees_nothing_of_the_apprentice(owner):
    with owner.transaction():
        act_as(owner, "ausbilder2")
        counts = [owner.execute(f"select count(*) from {t} where apprentice_id = %s", (A_RMD,)).fetchone()[0]
                  for t in ("lf_results", "absences", "record_weeks", "notes", "position_ratings", "company_phases")]
        owner.execute("reset role")
    assert counts == [0] * 6
    assert company_id("rmd") == owner.execute("select company_id from apprentices where id = %s",
                                              (A_RMD,)).fetchone()[0]
