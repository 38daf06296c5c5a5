"""Row-level security: every table, every operation, every demo role and anon, allowed and denied."""

from __future__ import annotations

import psycopg
import pytest

from leokop.demo.seed import demo_id
from leokop.repo import cooperations
from tests.helpers import DENIED, SHARED_CLASS, attempt, company_id, cooperation_id, school_id, user_id, visible_ids

ROLES = ("lehrkraft", "ausbilder", "ausbilder2", "schulleitung", "admin", "admin2", "koordination")
ALL_USERS = (*ROLES, None)  # None = anonymous connection
ALL_TABLES = (
    "schools", "companies", "occupations", "learning_fields", "training_positions", "classes", "cooperations",
    "app_users", "user_credentials", "memberships", "apprentices", "schema_migrations",
)

# What each user may see, computed as the owner straight from the membership data (no helper functions).
_MY_MEMBERSHIPS = "select * from memberships where user_id = %(uid)s and active"
EXPECTED_VISIBLE = {
    "schools": "select id from schools",
    "occupations": "select id from occupations",
    "learning_fields": "select id from learning_fields",
    "training_positions": "select id from training_positions",
    "classes": f"""
        select k.id from classes k where k.id in (select class_id from ({_MY_MEMBERSHIPS}) m
                                                  where role = 'lehrkraft')
        or k.school_id in (select school_id from ({_MY_MEMBERSHIPS}) m where role in ('admin', 'schulleitung'))
        or k.id in (select a.class_id from apprentices a join ({_MY_MEMBERSHIPS}) m
                      on m.role = 'ausbilder' and m.company_id = a.company_id and m.school_id = a.school_id)
        or k.id in (select a.class_id from apprentices a join cooperations c
                      on c.school_id = a.school_id and c.company_id = a.company_id
                    join ({_MY_MEMBERSHIPS}) m on m.cooperation_id = c.id)
    """,
    "cooperations": f"""
        select c.id from cooperations c
        where exists (select 1 from ({_MY_MEMBERSHIPS}) m
                      where m.role = 'ausbilder' and m.company_id = c.company_id and m.school_id = c.school_id)
        or c.id in (select cooperation_id from ({_MY_MEMBERSHIPS}) m)
        or c.school_id in (select school_id from ({_MY_MEMBERSHIPS}) m where role in ('admin', 'schulleitung'))
        or exists (select 1 from apprentices a join ({_MY_MEMBERSHIPS}) m on m.class_id = a.class_id
                   where a.school_id = c.school_id and a.company_id = c.company_id)
    """,
    "apprentices": f"""
        select a.id from apprentices a
        where a.class_id in (select class_id from ({_MY_MEMBERSHIPS}) m where role = 'lehrkraft')
        or exists (select 1 from ({_MY_MEMBERSHIPS}) m
                   where m.role = 'ausbilder' and m.company_id = a.company_id and m.school_id = a.school_id)
        or a.school_id in (select school_id from ({_MY_MEMBERSHIPS}) m where role = 'admin')
        or exists (select 1 from cooperations c join ({_MY_MEMBERSHIPS}) m on m.cooperation_id = c.id
                   where c.school_id = a.school_id and c.company_id = a.company_id)
    """,
    "app_users": f"""
        select u.id from app_users u where u.id = %(uid)s
        or u.id in (select m2.user_id from memberships m2
                    where m2.school_id in (select school_id from ({_MY_MEMBERSHIPS}) m where role = 'admin'))
    """,
    "memberships": f"""
        select x.id from memberships x where x.user_id = %(uid)s
        or x.school_id in (select school_id from ({_MY_MEMBERSHIPS}) m where role = 'admin')
    """,
}
EXPECTED_VISIBLE["companies"] = f"""
    select co.id from companies co
    where co.id in (select c.company_id from cooperations c where c.id in ({EXPECTED_VISIBLE["cooperations"]}))
"""


def _expected_ids(owner: psycopg.Connection, table: str, username: str) -> set:
    return {row[0] for row in owner.execute(EXPECTED_VISIBLE[table], {"uid": user_id(username)}).fetchall()}


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("table", sorted(EXPECTED_VISIBLE))
def test_select_shows_exactly_what_memberships_allow(owner, table, username):
    expected = _expected_ids(owner, table, username)
    assert visible_ids(owner, table, username) == expected


@pytest.mark.parametrize("table", ALL_TABLES)
def test_anonymous_connection_reads_nothing(owner, table):
    assert visible_ids(owner, table, None) == DENIED


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("table", ["user_credentials", "schema_migrations"])
def test_internal_tables_are_closed_to_every_user(owner, table, username):
    assert visible_ids(owner, table, username) in (DENIED, set())


def test_visibility_is_not_trivial(owner):
    """Guards the matrix above against passing on empty data: the roles really differ."""
    seen = {u: len(_expected_ids(owner, "apprentices", u)) for u in ROLES}
    assert seen["schulleitung"] == 0
    assert 0 < seen["ausbilder"] < seen["admin"]
    assert 0 < seen["ausbilder2"] < seen["admin"]
    assert 0 < seen["lehrkraft"] < seen["admin"]
    assert seen["koordination"] > 0


# Writes: (sql, params, setup as owner, {user: expected}) — expected is rows affected or DENIED;
# users not listed expect `default`.
_NEW_ID = "00000000-0000-4000-8000-000000000001"
_MAINUFER = school_id("mainufer")
_FI = demo_id("occupation", "FI")
_EMPTY_CLASS_SETUP = (
    f"insert into classes (id, school_id, occupation_id, name, start_year, schedule) "
    f"select '{_NEW_ID}', '{_MAINUFER}', occupation_id, 'XY99z', 2099, 'blockunterricht' "
    f"from classes where id = '{SHARED_CLASS}'"
)
_FREE_COOP_SETUP = (
    f"insert into cooperations (id, school_id, company_id) values ('{_NEW_ID}', '{_MAINUFER}', "
    f"'{company_id('ldv')}')"
)
WRITE_CASES = {
    "schools insert": ("insert into schools (name, school_number, city) values ('X', '9999', 'Kassel')", None,
                       None, {}, DENIED),
    "schools update": ("update schools set name = 'X'", None, None, {}, DENIED),
    "schools delete": ("delete from schools", None, None, {}, DENIED),
    "occupations insert": ("insert into occupations (code, name, regulation, duration_months)"
                           " values ('X', 'X', 'X', 36)", None, None, {}, DENIED),
    "occupations update": ("update occupations set name = 'X'", None, None, {}, DENIED),
    "occupations delete": ("delete from occupations", None, None, {}, DENIED),
    "learning_fields update": ("update learning_fields set title = 'X'", None, None, {}, DENIED),
    "learning_fields delete": ("delete from learning_fields", None, None, {}, DENIED),
    "learning_fields insert": ("insert into learning_fields (occupation_id, code, title, school_year, sort_order)"
                               " select id, 'LF99', 'X', 1, 99 from occupations limit 1", None, None, {}, DENIED),
    "training_positions insert": ("insert into training_positions (occupation_id, number, title, section,"
                                  " sort_order) select id, '99', 'X', 'X', 99 from occupations limit 1",
                                  None, None, {}, DENIED),
    "training_positions update": ("update training_positions set title = 'X'", None, None, {}, DENIED),
    "training_positions delete": ("delete from training_positions", None, None, {}, DENIED),
    "companies insert": (f"insert into companies (id, name, city, chamber) values ('{_NEW_ID}', 'Neu GmbH',"
                         " 'Kassel', 'IHK')", None, None, {"admin": 1, "admin2": 1}, DENIED),
    "companies update": ("update companies set sector = 'X' where id = %s", (company_id("rmd"),), None,
                         {"admin": 1, "admin2": 1}, 0),
    "companies delete": ("delete from companies where id = %s", (company_id("rmd"),), None, {}, DENIED),
    "classes insert": (f"insert into classes (school_id, occupation_id, name, start_year, schedule)"
                       f" values ('{_MAINUFER}', '{_FI}', 'XY98z', 2098, 'blockunterricht')", None, None,
                       {"admin": 1}, DENIED),
    "classes update": ("update classes set schedule = 'teilzeitunterricht' where id = %s", (SHARED_CLASS,), None,
                       {"admin": 1}, 0),
    "classes delete": (f"delete from classes where id = '{_NEW_ID}'", None, _EMPTY_CLASS_SETUP, {"admin": 1}, 0),
    "cooperations insert": ("insert into cooperations (school_id, company_id) values (%s, %s)",
                            (_MAINUFER, company_id("ldv")), None, {"admin": 1}, DENIED),
    "cooperations update": ("update cooperations set active = false where id = %s",
                            (cooperation_id("mainufer", "rmd"),), None, {"admin": 1}, 0),
    "cooperations delete": (f"delete from cooperations where id = '{_NEW_ID}'", None, _FREE_COOP_SETUP,
                            {"admin": 1}, 0),
    "apprentices insert": (f"insert into apprentices (first_name, last_name, birth_date, school_id, class_id,"
                           f" company_id, occupation_id, contract_start, contract_end, probation_end)"
                           f" values ('Neu', 'Azubi', '2008-01-01', '{_MAINUFER}', '{SHARED_CLASS}',"
                           f" '{company_id('rmd')}', '{_FI}', '2026-08-01', '2029-07-31', '2026-11-30')",
                           None, None, {"admin": 1}, DENIED),
    "apprentices update": ("update apprentices set last_name = last_name where class_id = %s and company_id = %s",
                           (SHARED_CLASS, company_id("rmd")), None, {"admin": None}, 0),
    "apprentices delete": ("delete from apprentices where class_id = %s", (SHARED_CLASS,), None, {}, DENIED),
    "app_users insert": ("insert into app_users (username, display_name) values ('neu.user', 'Neu')", None, None,
                         {"admin": 1, "admin2": 1}, DENIED),
    "app_users update": ("update app_users set display_name = 'X' where id = %s", (user_id("ausbilder"),), None,
                         {"admin": 1, "admin2": 1}, 0),  # both schools granted ausbilder a membership
    "app_users update created_by": ("update app_users set created_by = null where id = %s",
                                    (user_id("ausbilder"),), None, {}, DENIED),
    "app_users delete": ("delete from app_users where id = %s", (user_id("ausbilder"),), None, {}, DENIED),
    "user_credentials insert": ("insert into user_credentials (user_id, password_hash) values (%s, 'x')",
                                (user_id("ausbilder"),), None, {}, DENIED),
    "user_credentials update": ("update user_credentials set failed_attempts = 0", None, None, {}, DENIED),
    "user_credentials delete": ("delete from user_credentials", None, None, {}, DENIED),
    "memberships insert": ("insert into memberships (user_id, role, school_id, class_id) values (%s, 'lehrkraft',"
                           " %s, %s)", (user_id("ausbilder2"), _MAINUFER, SHARED_CLASS), None, {"admin": 1},
                           DENIED),
    "memberships insert foreign user": ("insert into memberships (user_id, role, school_id, class_id)"
                                        " values (%s, 'lehrkraft', %s, %s)",
                                        (user_id("lehrkraft2"), _MAINUFER, SHARED_CLASS), None, {}, DENIED),
    "memberships insert duplicate": ("insert into memberships (user_id, role, school_id, company_id)"
                                     " values (%s, 'ausbilder', %s, %s) on conflict do nothing",
                                     (user_id("ausbilder"), _MAINUFER, company_id("rmd")), None, {"admin": 0},
                                     DENIED),
    "memberships update": ("update memberships set active = false where user_id = %s",
                           (user_id("ausbilder"),), None, {"admin": 1, "admin2": 1}, 0),
    "memberships update user_id": ("update memberships set user_id = %s where user_id = %s",
                                   (user_id("admin"), user_id("ausbilder2")), None, {}, DENIED),
    "memberships delete": ("delete from memberships where user_id = %s", (user_id("ausbilder2"),), None,
                           {"admin": 1}, 0),
}


def _expected_write(owner, case: str, username: str | None):
    _sql, _params, _setup, allowed, default = WRITE_CASES[case]
    if username is None:
        return DENIED
    expected = allowed.get(username, default)
    if expected is None:  # "all rows of the filter": count them as the owner
        return owner.execute("select count(*) from apprentices where class_id = %s and company_id = %s",
                             (SHARED_CLASS, company_id("rmd"))).fetchone()[0]
    return expected


@pytest.mark.parametrize("username", ALL_USERS)
@pytest.mark.parametrize("case", sorted(WRITE_CASES))
def test_write(owner, case, username):
    sql, params, setup, _allowed, _default = WRITE_CASES[case]
    assert attempt(owner, username, sql, params, setup) == _expected_write(owner, case, username)


def test_every_table_has_rls_enabled(owner):
    rows = owner.execute(
        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity"
    ).fetchall()
    assert rows == []
    tables = {r[0] for r in owner.execute(
        "select tablename from pg_tables where schemaname = 'public'").fetchall()}
    from tests.db.test_addresses import ADDRESS_TABLES
    from tests.db.test_calendar_feed import FEED_TABLES
    from tests.db.test_identities import IDENTITY_TABLES
    from tests.db.test_imports import IMPORT_TABLES
    from tests.db.test_invitations import INVITATION_TABLES
    from tests.db.test_one_save import FORM_TABLES
    from tests.db.test_rls_materials import MATERIAL_TABLES, PROJECT_TABLES
    from tests.db.test_rls_privacy import PRIVACY_TABLES
    from tests.db.test_rls_progress import NEW_TABLES
    from tests.db.test_rls_risks import RISK_TABLES
    from tests.db.test_school_calendar import CALENDAR_TABLES
    from tests.db.test_sessions import SESSION_TABLES

    matrices = (set(ALL_TABLES) | set(NEW_TABLES) | set(RISK_TABLES) | set(MATERIAL_TABLES) | set(PROJECT_TABLES)
                | set(PRIVACY_TABLES) | set(IMPORT_TABLES) | set(FORM_TABLES) | set(CALENDAR_TABLES)
                | set(FEED_TABLES) | set(SESSION_TABLES) | set(INVITATION_TABLES)
                | set(IDENTITY_TABLES) | set(ADDRESS_TABLES))
    assert tables == matrices, "a new table needs an RLS matrix"


def test_app_login_role_cannot_bypass_rls(owner):
    row = owner.execute(
        "select rolsuper, rolbypassrls, rolinherit from pg_roles where rolname = 'leokop_app'").fetchone()
    assert row == (False, False, False)


def test_trainer_never_sees_other_company_apprentices_through_the_data_layer(db, owner):
    """Hand-written SQL through the real pool as ausbilder: nothing of ausbilder2's company leaks."""
    foreign = company_id("taunus")
    assert owner.execute("select count(*) from apprentices where company_id = %s and class_id = %s",
                         (foreign, SHARED_CLASS)).fetchone()[0] > 0
    probes = [
        ("select count(*) as n from public.apprentices where company_id = %s", (foreign,)),
        ("select count(*) as n from public.apprentices where class_id = %s and company_id <> %s",
         (SHARED_CLASS, company_id("rmd"))),
        ("select count(*) as n from public.classes k join public.apprentices a on a.class_id = k.id"
         " where a.company_id = %s", (foreign,)),
        ("select count(*) as n from public.cooperations where company_id = %s", (foreign,)),
        ("select count(*) as n from public.companies where id = %s", (foreign,)),
    ]
    with db.user_tx(user_id("ausbilder")) as conn:
        for sql, params in probes:
            assert conn.execute(sql, params).fetchone()["n"] == 0, sql
    # the same pair as seen by ausbilder2 is not empty: the probes above can fail
    with db.user_tx(user_id("ausbilder2")) as conn:
        assert conn.execute(probes[0][0], probes[0][1]).fetchone()["n"] > 0


def test_trainer_access_follows_the_granting_school(db, owner_url):
    """ausbilder's company also trains at Lahntal; without Lahntal's own grant those apprentices stay hidden."""
    lahntal_pair = "select count(*) as n from public.apprentices where school_id = %s"
    with db.user_tx(user_id("ausbilder")) as conn:
        assert conn.execute(lahntal_pair, (school_id("lahntal"),)).fetchone()["n"] > 0
    with psycopg.connect(owner_url) as conn:
        conn.execute("update memberships set active = false where user_id = %s and school_id = %s",
                     (user_id("ausbilder"), school_id("lahntal")))
    try:
        with db.user_tx(user_id("ausbilder")) as conn:
            assert conn.execute(lahntal_pair, (school_id("lahntal"),)).fetchone()["n"] == 0
            assert conn.execute(lahntal_pair, (school_id("mainufer"),)).fetchone()["n"] > 0
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("update memberships set active = true where user_id = %s", (user_id("ausbilder"),))


def test_leaving_the_user_role_gives_no_access(db):
    """`reset role` inside a user transaction falls back to leokop_app, which holds no table privileges."""
    with pytest.raises(psycopg.errors.InsufficientPrivilege), db.user_tx(user_id("ausbilder")) as conn:
        conn.execute("reset role")
        conn.execute("select count(*) from public.apprentices")


def test_query_without_user_context_sees_nothing(db):
    with pytest.raises(psycopg.errors.InsufficientPrivilege), db.login_tx() as conn:
        conn.execute("select count(*) from public.apprentices")


def test_deactivated_user_sees_nothing(db, owner_url):
    with psycopg.connect(owner_url) as conn:
        conn.execute("update app_users set active = false where username = 'ausbilder2'")
    try:
        assert cooperations.my_cooperations(db, user_id("ausbilder2")).empty
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("update app_users set active = true where username = 'ausbilder2'")
    assert not cooperations.my_cooperations(db, user_id("ausbilder2")).empty


def test_cross_school_admin_is_refused(db):
    """admin2 (Lahntal) cannot read or change Mainufer's users or classes."""
    with db.user_tx(user_id("admin2")) as conn:
        assert conn.execute("select count(*) as n from public.app_users where id = %s",
                            (user_id("lehrkraft"),)).fetchone()["n"] == 0
        assert conn.execute("update public.classes set name = name where id = %s",
                            (SHARED_CLASS,)).rowcount == 0
    with pytest.raises(psycopg.errors.InsufficientPrivilege), db.user_tx(user_id("admin2")) as conn:
        conn.execute("select public.admin_set_password(%s, %s)",
                     (user_id("lehrkraft"), "$2b$12$" + "a" * 53))
