"""Data protection (sql/016): terms gate, consent, the append-only audit trail, the access export, retention."""

from __future__ import annotations

import json
from datetime import timedelta
from uuid import UUID, uuid4

import psycopg
import pytest

from leokop import clock
from leokop.repo import privacy
from leokop.repo.retention import due, purge
from tests.db.test_rls import ROLES
from tests.db.test_rls_progress import A_RMD, SCHOOL_SIDE
from tests.helpers import DENIED, act_as, attempt, company_id, school_id, seen_and_expected, user_id, visible_ids

PRIVACY_TABLES = ("terms_versions", "terms_acceptances", "consents", "retention_settings", "audit_log")
MAINUFER, LAHNTAL = school_id("mainufer"), school_id("lahntal")
_ADMIN_OF = "select school_id from memberships where user_id = %(uid)s and role = 'admin' and active"
EXPECTED = {
    "terms_versions": "select id from terms_versions where school_id in"
                      " (select school_id from memberships where user_id = %(uid)s and active)",
    "terms_acceptances": f"select user_id from terms_acceptances where user_id = %(uid)s or school_id in ({_ADMIN_OF})",
    "consents": f"select id from consents where apprentice_id in ({SCHOOL_SIDE})",
    "retention_settings": f"select school_id from retention_settings where school_id in ({_ADMIN_OF})",
    "audit_log": f"""select id from audit_log where school_id in ({_ADMIN_OF})
                     or (table_name = 'app_users' and row_id in (select m.user_id::text from memberships m
                                                                 where m.school_id in ({_ADMIN_OF})))""",
}
_SETUP = f"""
insert into retention_settings (school_id, months) values ('{MAINUFER}', 24), ('{LAHNTAL}', 6);
insert into audit_log (actor_id, actor_role, action, table_name, row_id)
  values ('{user_id("lehrkraft")}', 'authenticated', 'update', 'app_users', '{user_id("lehrkraft")}');
"""


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("table", PRIVACY_TABLES)
def test_select_shows_exactly_what_the_role_may_see(owner, table, username):
    seen, expected, total = seen_and_expected(owner, table, username, EXPECTED[table], _SETUP)
    assert total > 0
    assert seen == expected


@pytest.mark.parametrize("table", PRIVACY_TABLES)
def test_anonymous_reads_nothing(owner, table):
    assert visible_ids(owner, table, None) == DENIED


def _consent_of(owner, apprentice: UUID) -> UUID:
    return owner.execute("select id from consents where apprentice_id = %s and revoked_at is null", (apprentice,)
                         ).fetchone()[0]


WRITE_CASES = {
    # (sql, params, users allowed -> rows)
    "publish terms": ("insert into terms_versions (school_id, version, body, published_by)"
                      " values (%(s)s, 99, 'neu', %(me)s)", {"s": MAINUFER}, {"admin": 1}),
    "accept own terms": ("insert into terms_acceptances (user_id, school_id, version) values (%(me)s, %(s)s, 1)"
                         " on conflict do nothing", {"s": MAINUFER}, {"lehrkraft": 1, "schulleitung": 1, "admin": 1,
                                                                        "koordination": 1}),
    "accept for another": ("insert into terms_acceptances (user_id, school_id, version) values (%(other)s, %(s)s, 1)",
                           {"s": MAINUFER, "other": user_id("lehrkraft2")}, {}),
    "record consent": ("insert into consents (apprentice_id, legal_basis, categories, given_by, given_on, recorded_by)"
                       " values (%(a)s, 'einwilligung', array['grades'], 'azubi', app_private.today(), %(me)s)",
                       {"a": A_RMD}, {"admin": 1}),
    "revoke consent": ("update consents set revoked_at = now(), revoked_by = %(me)s where apprentice_id = %(a)s",
                       {"a": A_RMD}, {"admin": 1}),
    "delete consent": ("delete from consents where apprentice_id = %(a)s", {"a": A_RMD}, {}),
    "retention": ("insert into retention_settings (school_id, months, updated_by) values (%(s)s, 6, %(me)s)",
                  {"s": MAINUFER}, {"admin": 1}),
}


@pytest.mark.parametrize("username", (*ROLES, None))
@pytest.mark.parametrize("case", sorted(WRITE_CASES))
def test_write(owner, case, username):
    sql, params, allowed = WRITE_CASES[case]
    me = {"me": user_id(username) if username else None}
    result = attempt(owner, username, sql, {**params, **me})
    if username is None:
        assert result == DENIED
    elif case == "delete consent":
        assert result == DENIED  # no delete grant at all
    else:
        assert result == allowed.get(username, 0) or (result == DENIED and username not in allowed)


# --- terms of use gate every company-side policy -------------------------------------------------------------------


def _apprentice_tables(owner) -> list[str]:
    """Every table in public with an apprentice_id column, found from the catalogue (as the export does)."""
    return [r[0] for r in owner.execute(
        "select table_name from information_schema.columns where table_schema = 'public'"
        " and column_name = 'apprentice_id' and table_name <> 'audit_log' order by 1").fetchall()]


def _new_trainer(owner) -> UUID:
    """A trainer of rmd, administered by Mainufer, who accepted nothing (inside the test's transaction)."""
    uid = uuid4()
    owner.execute("insert into app_users (id, username, display_name) values (%s, %s, 'Neu')",
                  (uid, f"neu{uid.hex[:8]}"))
    owner.execute("insert into memberships (user_id, role, school_id, company_id) values (%s, 'ausbilder', %s, %s)",
                  (uid, MAINUFER, company_id("rmd")))
    return uid


def _seen(owner, uid: UUID, tables: list[str]) -> dict[str, int]:
    with owner.transaction():
        act_as(owner, uid)
        counts = {t: owner.execute(f"select count(*) from public.{t}").fetchone()[0]
                  for t in ("apprentices", "cooperations", "classes", "companies", *tables)}
        raise psycopg.Rollback()
    return counts


def test_a_company_user_without_accepted_terms_sees_nothing(owner):
    tables = _apprentice_tables(owner)
    uid = _new_trainer(owner)
    before = _seen(owner, uid, tables)
    assert set(before.values()) == {0}, before
    owner.execute("insert into terms_acceptances (user_id, school_id, version) values (%s, %s, 1)", (uid, MAINUFER))
    after = _seen(owner, uid, tables)
    assert after["apprentices"] > 0 and after["lf_results"] > 0 and after["record_weeks"] > 0
    # a new version of the terms closes everything again until it is accepted
    owner.execute("insert into terms_versions (school_id, version, body) values (%s, 2, 'Neue Fassung')", (MAINUFER,))
    assert set(_seen(owner, uid, tables).values()) == {0}



def test_terms_gate_in_the_repo(db, owner):
    assert not privacy.pending_terms(db, user_id("ausbilder"))
    pending = [s for s in privacy.terms_to_accept(db, user_id("ausbilder")) if not s["accepted"]]
    assert pending == []


# --- consent ------------------------------------------------------------------------------------------------------


def _trainer_counts(owner, apprentice: UUID) -> dict[str, int]:
    with owner.transaction():
        act_as(owner, "ausbilder")
        counts = {t: owner.execute(f"select count(*) from {t} where apprentice_id = %s", (apprentice,)).fetchone()[0]
                  for t in ("lf_results", "lf_grade_history", "absences", "notes", "record_weeks")}
        counts["grade flags"] = owner.execute(
            "select count(*) from risk_flags where apprentice_id = %s and category = 'grades'", (apprentice,)
        ).fetchone()[0]
        raise psycopg.Rollback()
    return counts


def test_revoking_consent_hides_the_categories_at_once(owner):
    before = _trainer_counts(owner, A_RMD)
    assert before["lf_results"] > 0 and before["absences"] > 0
    consent = _consent_of(owner, A_RMD)
    with owner.transaction():  # the admin revokes, through the policies
        act_as(owner, "admin")
        owner.execute("update consents set revoked_at = now(), revoked_by = %s where id = %s",
                      (user_id("admin"), consent))
        # and records a new consent that leaves out the grades
        owner.execute("insert into consents (apprentice_id, legal_basis, categories, given_by, given_on, recorded_by)"
                      " values (%s, 'einwilligung', array['absences', 'teacher_notes'], 'azubi',"
                      " app_private.today(), %s)",
                      (A_RMD, user_id("admin")))
    after = _trainer_counts(owner, A_RMD)
    assert after["lf_results"] == after["lf_grade_history"] == after["grade flags"] == 0
    assert after["absences"] == before["absences"] and after["record_weeks"] == before["record_weeks"]
    with owner.transaction():
        act_as(owner, "lehrkraft")  # the school keeps seeing everything
        assert owner.execute("select count(*) from lf_results where apprentice_id = %s", (A_RMD,)).fetchone()[0] > 0
        raise psycopg.Rollback()


def test_without_any_consent_the_company_sees_no_school_data(owner):
    owner.execute("delete from consents where apprentice_id = %s", (A_RMD,))
    after = _trainer_counts(owner, A_RMD)
    assert after["lf_results"] == after["absences"] == 0
    assert after["record_weeks"] > 0  # the company's own data stays



# --- audit trail ---------------------------------------------------------------------------------------------------


_AUDIT_WRITES = ("update public.audit_log set actor_role = 'x'", "delete from public.audit_log",
                 "truncate public.audit_log",
                 "insert into public.audit_log (actor_role, action, table_name) values ('x', 'view', 'x')")


@pytest.mark.parametrize("statement", _AUDIT_WRITES)
@pytest.mark.parametrize("username", ROLES)
def test_no_app_user_can_change_the_audit_trail(db, username, statement):
    with pytest.raises(psycopg.errors.InsufficientPrivilege), db.user_tx(user_id(username)) as conn:
        conn.execute(statement)


@pytest.mark.parametrize("statement", _AUDIT_WRITES)
def test_neither_the_worker_nor_the_bare_app_role_can_change_it(db, worker_db, statement):
    with pytest.raises(psycopg.errors.InsufficientPrivilege), worker_db.service_tx() as conn:
        conn.execute(statement)
    with pytest.raises(psycopg.errors.InsufficientPrivilege), worker_db.login_tx() as conn:
        conn.execute(statement)
    with pytest.raises(psycopg.errors.InsufficientPrivilege), db.login_tx() as conn:
        conn.execute(statement)


@pytest.mark.parametrize("statement", _AUDIT_WRITES[:3])
def test_even_the_owner_is_stopped_by_the_trigger(owner, statement):
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"), owner.transaction():
        owner.execute(statement)


def test_writes_are_recorded_with_who_what_and_whom(owner):
    with owner.transaction():
        act_as(owner, "lehrkraft")
        absence = owner.execute(
            "insert into absences (apprentice_id, absence_date, lessons, recorded_by) values (%s, %s, 2, %s)"
            " returning id", (A_RMD, clock.today() - timedelta(days=400), user_id("lehrkraft"))).fetchone()[0]
        owner.execute("update absences set lessons = 3, version = version + 1 where id = %s", (absence,))
    rows = owner.execute("select actor_id, actor_role, action, table_name, apprentice_id, school_id, columns"
                         " from audit_log where row_id = %s order by id", (str(absence),)).fetchall()
    who = (user_id("lehrkraft"), "authenticated")
    assert rows == [(*who, "insert", "absences", A_RMD, MAINUFER, None),
                    (*who, "update", "absences", A_RMD, MAINUFER, ["lessons"])]


def test_case_comments_reach_their_apprentice(owner):
    with owner.transaction():
        act_as(owner, "lehrkraft")
        case = owner.execute("insert into risk_cases (apprentice_id, title, severity, opened_by)"
                             " values (%s, 'Test', 'warnung', %s) returning id",
                             (A_RMD, user_id("lehrkraft"))).fetchone()[0]
        owner.execute("insert into case_comments (case_id, place, body, author_id) values (%s, 'schule', 'x', %s)",
                      (case, user_id("lehrkraft")))
    assert owner.execute("select apprentice_id from audit_log where table_name = 'case_comments' order by id desc"
                         " limit 1").fetchone()[0] == A_RMD


def test_owner_bulk_writes_are_not_audited(owner):
    before = owner.execute("select count(*) from audit_log").fetchone()[0]
    owner.execute("update notes set body = body where apprentice_id = %s", (A_RMD,))
    assert owner.execute("select count(*) from audit_log").fetchone()[0] == before


@pytest.mark.parametrize(("username", "recorded"), [("ausbilder", True), ("lehrkraft", True), ("admin", True),
                                                    ("ausbilder2", False), ("admin2", False), ("schulleitung", False)])
def test_a_page_view_is_recorded_only_for_who_may_see(db, owner, username, recorded):
    assert privacy.record_view(db, user_id(username), A_RMD) is recorded
    last = owner.execute("select actor_id, action from audit_log where apprentice_id = %s order by id desc limit 1",
                         (A_RMD,)).fetchone()
    assert (last == (user_id(username), "view")) is recorded


def test_the_admin_filters_the_trail(db):
    privacy.record_view(db, user_id("ausbilder"), A_RMD)
    today = clock.today()
    rows = privacy.audit_entries(db, user_id("admin"), today, today, action="view", apprentice_id=A_RMD,
                                 username="ausbilder")
    assert len(rows) >= 1 and set(rows["action"]) == {"view"} and set(rows["actor"]) == {"ausbilder"}
    assert privacy.audit_entries(db, user_id("admin2"), today, today, apprentice_id=A_RMD).empty


# --- access request ------------------------------------------------------------------------------------------------


def _linked_tables(owner) -> dict[str, str]:
    """Independently of the database's own discovery: tables with apprentice_id or a foreign key to apprentices,
    and those with a foreign key to one of them; each with the SQL that selects one apprentice's rows."""
    direct = {r[0]: f"select count(*) from {r[0]} t where t.{r[1]} = %(a)s" for r in owner.execute("""
        select c.table_name, c.column_name from information_schema.columns c
        where c.table_schema = 'public' and c.column_name = 'apprentice_id'
        union
        select cl.relname, a.attname from pg_constraint k join pg_class cl on cl.oid = k.conrelid
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
        where k.confrelid = 'public.apprentices'::regclass and k.contype = 'f'""").fetchall()}
    indirect = {r[0]: f"select count(*) from {r[0]} t where t.{r[1]} in (select id from {r[2]} where apprentice_id"
                      f" = %(a)s)" for r in owner.execute("""
        select cl.relname, a.attname, p.relname from pg_constraint k
        join pg_class cl on cl.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
        where k.contype = 'f' and p.relnamespace = 'public'::regnamespace""").fetchall()
                if r[2] in direct and r[0] not in direct}
    return {**direct, **indirect}


def test_the_export_holds_every_table_of_that_apprentice_and_nothing_of_another(db, owner):
    # a table another branch might add later: found without anyone listing it
    owner.execute("create table public.zz_later (id uuid primary key default gen_random_uuid(),"
                  " apprentice_id uuid references public.apprentices, what text)")
    owner.execute("insert into zz_later (apprentice_id, what) select id, 'x' from apprentices limit 20")
    owner.execute("insert into zz_later (apprentice_id, what) values (%s, 'meins')", (A_RMD,))
    with owner.transaction():
        act_as(owner, "admin")
        export = owner.execute("select public.subject_access_export(%s)", (A_RMD,)).fetchone()[0]
        raise psycopg.Rollback()
    linked = _linked_tables(owner)
    assert set(export["tables"]) == set(linked) and "zz_later" in linked and "case_comments" in linked
    for table, count_sql in linked.items():
        stored = owner.execute(count_sql, {"a": A_RMD}).fetchone()[0]
        if table == "audit_log":
            stored += 1  # the export records itself before it reads the trail
        assert len(export["tables"][table]) == stored, table
        for row in export["tables"][table]:
            assert row.get("apprentice_id", str(A_RMD)) == str(A_RMD), table
    assert export["apprentice"]["id"] == str(A_RMD)
    assert sum(len(v) for v in export["tables"].values()) > 50
    text = json.dumps(export)
    others = owner.execute("select id::text from apprentices where id <> %s", (A_RMD,)).fetchall()
    assert not any(o[0] in text for o in others)


@pytest.mark.parametrize("username", ("admin2", "lehrkraft", "ausbilder", "schulleitung"))
def test_only_the_schools_admin_may_export(owner, username):
    with pytest.raises(psycopg.errors.InsufficientPrivilege), owner.transaction():
        act_as(owner, username)
        owner.execute("select public.subject_access_export(%s)", (A_RMD,))


def test_the_export_is_audited(db, owner):
    export = privacy.subject_access_export(db, user_id("admin"), A_RMD)
    assert export["context"]["company"] == "Rhein-Main Datentechnik GmbH"
    last = owner.execute("select actor_id, action from audit_log where apprentice_id = %s order by id desc limit 1",
                         (A_RMD,)).fetchone()
    assert last == (user_id("admin"), "export")


# --- retention -----------------------------------------------------------------------------------------------------

_LEADERSHIP = ("headcounts", "cooperations", "absences", "grades", "record_book", "dissolutions", "risks", "cases",
               "measures")
FAR = clock.today() + timedelta(days=3 * 365)  # three years on: every demo class of two years ago has ended


def _leadership_figures(owner) -> dict:
    with owner.transaction():
        act_as(owner, "schulleitung")
        years = owner.execute("select first_school_year, current_school_year from public.leadership_schools()"
                              ).fetchone()
        figures = {(f, y): sorted(map(str, owner.execute(f"select * from public.leadership_{f}(%s, %s)",
                                                         (MAINUFER, y)).fetchall()))
                   for f in _LEADERSHIP for y in range(years[0], years[1] + 1)}
        raise psycopg.Rollback()
    return figures


def test_dry_run_lists_exactly_what_the_purge_anonymises(owner):
    listed = due(owner, FAR)
    assert len(listed) > 20
    assert purge(owner, FAR, dry_run=True) == listed
    assert owner.execute("select count(*) from apprentices where anonymised_at is not null").fetchone()[0] == 0
    done = purge(owner, FAR)
    assert done == listed
    ids = [d.apprentice_id for d in done]
    assert owner.execute("select count(*) from apprentices where anonymised_at is not null").fetchone()[0] == len(ids)
    assert due(owner, FAR) == []


def test_the_retention_period_is_per_school(owner):
    near = clock.today() + timedelta(days=400)
    owner.execute("insert into retention_settings (school_id, months) values (%s, 120)", (MAINUFER,))
    assert {d.school for d in due(owner, near)} <= {"Lahntal-Schule Gießen"}


def test_purge_keeps_the_leadership_numbers_and_removes_the_person(owner):
    before = _leadership_figures(owner)
    done = purge(owner, FAR)
    ids = [d.apprentice_id for d in done]
    assert _leadership_figures(owner) == before
    names = owner.execute("select distinct first_name, last_name from apprentices where id = any(%s)", (ids,)
                          ).fetchall()
    assert names == [("Anonymisiert", "Anonymisiert")]
    texts = owner.execute("""
        select (select count(*) from notes where apprentice_id = any(%(i)s) and body <> '(gelöscht)')
             + (select count(*) from absences where apprentice_id = any(%(i)s) and excuse_comment is not null)
             + (select count(*) from record_weeks where apprentice_id = any(%(i)s)
                and trainer_comment is not null and trainer_comment <> '(gelöscht)')""", {"i": ids}).fetchone()[0]
    assert texts == 0
    kept_texts = owner.execute("""
        select (select count(*) from risk_flags where apprentice_id = any(%(i)s) and reason <> '(gelöscht)')
             + (select count(*) from risk_cases where apprentice_id = any(%(i)s) and title <> '(gelöscht)')
             + (select count(*) from case_comments k join risk_cases c on c.id = k.case_id
                where c.apprentice_id = any(%(i)s) and k.body <> '(gelöscht)')
             + (select count(*) from case_measures x join risk_cases c on c.id = x.case_id
                where c.apprentice_id = any(%(i)s) and x.description is not null)""", {"i": ids}).fetchone()[0]
    assert kept_texts == 0  # risks and cases stay counted for the leadership page, without their text
    for table in ("consents", "position_ratings", "company_phases", "concerns", "release_overrides"):
        assert owner.execute(f"select count(*) from {table} where apprentice_id = any(%s)", (ids,)
                             ).fetchone()[0] == 0, table
    purged = owner.execute("select count(*) from audit_log where action = 'purge' and apprentice_id = any(%s)",
                           (ids,)).fetchone()[0]
    assert purged == len(ids)


def test_the_admin_sees_the_preview_of_the_own_schools_only(db):
    preview = privacy.retention_preview(db, user_id("admin"), FAR)
    assert len(preview) > 0 and set(preview["school"]) == {"Berufliche Schulen am Mainufer"}
    assert "first_name" not in preview.columns


def test_every_table_with_an_apprentices_data_is_audited(owner):
    expected = (set(_linked_tables(owner)) - {"audit_log", "lf_grade_history", "risk_flags"}) | {"apprentices"}
    audited = {r[0] for r in owner.execute(
        "select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid"
        " where t.tgname = c.relname || '_audit'")}
    assert expected <= audited and {"case_comments", "consents", "memberships"} <= audited


def _later_table_row(owner, table: str, column: str, reference: str, value) -> str:
    """A table created after the migrations, with `column` referencing `reference`, gets the audit triggers attached;
    lehrkraft inserts a row linked to value: the row's id."""
    owner.execute(f"create table public.{table} (id uuid primary key default gen_random_uuid(),"
                  f" {column} {reference}, what text)")
    owner.execute(f"grant select, insert on public.{table} to authenticated")
    owner.execute("select app_private.attach_audit_triggers()")
    act_as(owner, "lehrkraft")
    row = owner.execute(f"insert into {table} ({column}, what) values (%s, 'x') returning id", (value,)).fetchone()[0]
    owner.execute("reset role")
    return str(row)


def test_a_later_table_is_audited_after_attach_audit_triggers(owner):
    row = _later_table_row(owner, "zz_later", "apprentice_id", "uuid references public.apprentices", A_RMD)
    assert owner.execute("select actor_id, apprentice_id, school_id from audit_log where row_id = %s",
                         (row,)).fetchone() == (user_id("lehrkraft"), A_RMD, MAINUFER)


def test_a_later_table_reaching_its_apprentice_through_a_bigint_key_is_audited(owner):
    history = owner.execute("select id from lf_grade_history where apprentice_id = %s limit 1", (A_RMD,)).fetchone()[0]
    row = _later_table_row(owner, "zz_remark", "history_id", "bigint references public.lf_grade_history", history)
    assert owner.execute("select apprentice_id from audit_log where row_id = %s", (row,)).fetchone() == (A_RMD,)
    assert "zz_remark" in _linked_tables(owner)
