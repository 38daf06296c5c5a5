"""Least privilege, proven (sql/024, issue 14).

The whole privilege matrix of the app's schemas (every function, table, sequence and schema × the roles anon,
authenticated, leokop_app, leokop_worker, leokop_service, service_role) is read from the catalogue and compared
with the reviewed list in tests/db/privileges.toml: a new object without an entry, or a grant the list does not
name, fails with the object's name. Beside the matrix: the owner-only functions refused to a signed-in user of
another school, every id-taking security definer function that a user may call refused for a foreign id (and
working for an own one) for every demo user, and the credentials reachable through the login functions only.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import psycopg
import pytest
from psycopg.rows import dict_row

from leokop.config import load_settings
from leokop.db.backup import APP_SCHEMAS
from leokop.db.locate import app_url, worker_url
from leokop.db.migrate import migrate
from tests.conftest import TEST_DATABASE, recreate_database, server_url
from tests.helpers import act_as, school_id, user_id

ALLOWLIST = Path(__file__).with_name("privileges.toml")
ROLES = ("anon", "authenticated", "leokop_app", "leokop_worker", "leokop_service", "service_role")
USERS = ("lehrkraft", "ausbilder", "ausbilder2", "schulleitung", "admin", "lehrkraft2", "koordination", "ausbilder3",
         "schulleitung2", "admin2")

_NOT_EXTENSION = """not exists (select 1 from pg_catalog.pg_depend d
                                where d.classid = %(catalog)s::regclass and d.objid = {oid} and d.deptype = 'e')"""


# --- the matrix ------------------------------------------------------------------------------------------------


def function_matrix(conn: psycopg.Connection) -> dict[str, set[str]]:
    """`schema.name(argument types)` of every function of the app's schemas → the roles that may execute it."""
    rows = conn.execute(
        f"""
        select n.nspname || '.' || p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')',
               array(select r.rolname from pg_catalog.pg_roles r
                     where r.rolname = any(%(roles)s) and has_function_privilege(r.oid, p.oid, 'execute'))
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any(%(schemas)s) and {_NOT_EXTENSION.format(oid="p.oid")}
        """, {"roles": list(ROLES), "schemas": list(APP_SCHEMAS), "catalog": "pg_catalog.pg_proc"}).fetchall()
    return {signature: set(roles) for signature, roles in rows}


_TABLE_PRIVILEGES = ("select", "insert", "update", "delete", "truncate", "references", "trigger")


def table_matrix(conn: psycopg.Connection) -> dict[str, dict[str, set[str]]]:
    """`schema.table` of every table and view → role → privileges; a privilege held on some columns only is
    written `update(col, col)`."""
    rows = conn.execute(
        f"""
        select n.nspname || '.' || c.relname, r.rolname, x.privilege, has_table_privilege(r.oid, c.oid, x.privilege),
               array(select a.attname::text from pg_catalog.pg_attribute a
                     where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                       and x.privilege in ('select', 'insert', 'update', 'references')
                       and has_column_privilege(r.oid, c.oid, a.attnum, x.privilege) order by a.attname)
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        cross join pg_catalog.pg_roles r cross join unnest(%(privileges)s::text[]) x(privilege)
        where n.nspname = any(%(schemas)s) and c.relkind in ('r', 'p', 'v', 'm', 'f') and r.rolname = any(%(roles)s)
          and {_NOT_EXTENSION.format(oid="c.oid")}
        """, {"roles": list(ROLES), "schemas": list(APP_SCHEMAS), "privileges": list(_TABLE_PRIVILEGES),
              "catalog": "pg_catalog.pg_class"}).fetchall()
    matrix: dict[str, dict[str, set[str]]] = {}
    for table, role, privilege, whole, columns in rows:
        held = matrix.setdefault(table, {}).setdefault(role, set())
        if whole:
            held.add(privilege)
        elif columns:
            held.add(f"{privilege}({', '.join(columns)})")
    return {table: {role: p for role, p in roles.items() if p} for table, roles in matrix.items()}


def sequence_matrix(conn: psycopg.Connection) -> dict[str, dict[str, set[str]]]:
    rows = conn.execute(
        f"""
        select n.nspname || '.' || c.relname, r.rolname,
               array(select x from unnest(array['usage', 'select', 'update']) x
                     where has_sequence_privilege(r.oid, c.oid, x))
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        cross join pg_catalog.pg_roles r
        where n.nspname = any(%(schemas)s) and c.relkind = 'S' and r.rolname = any(%(roles)s)
          and {_NOT_EXTENSION.format(oid="c.oid")}
        """, {"roles": list(ROLES), "schemas": list(APP_SCHEMAS), "catalog": "pg_catalog.pg_class"}).fetchall()
    matrix: dict[str, dict[str, set[str]]] = {}
    for sequence, role, privileges in rows:
        roles = matrix.setdefault(sequence, {})
        if privileges:
            roles[role] = set(privileges)
    return matrix


def schema_matrix(conn: psycopg.Connection) -> dict[str, dict[str, set[str]]]:
    rows = conn.execute(
        """
        select n.nspname, r.rolname,
               array(select x from unnest(array['usage', 'create']) x where has_schema_privilege(r.oid, n.oid, x))
        from pg_catalog.pg_namespace n cross join pg_catalog.pg_roles r
        where n.nspname = any(%(schemas)s) and r.rolname = any(%(roles)s)
        """, {"roles": list(ROLES), "schemas": list(APP_SCHEMAS)}).fetchall()
    matrix: dict[str, dict[str, set[str]]] = {}
    for schema, role, privileges in rows:
        roles = matrix.setdefault(schema, {})
        if privileges:
            roles[role] = set(privileges)
    return matrix


def _allowlist() -> dict:
    return tomllib.loads(ALLOWLIST.read_text(encoding="utf-8"))


def _normalised(entries: dict) -> dict:
    """The allowlist's lists as sets (functions: a list of roles; the rest: role → list of privileges)."""
    return {name: set(value) if isinstance(value, list) else {role: set(p) for role, p in value.items() if p}
            for name, value in entries.items()}


def _unknown_roles(entries: dict) -> list[str]:
    roles: set[str] = set()
    for value in entries.values():  # a list of roles, or a table of roles
        roles |= set(value)
    return sorted(roles - set(ROLES))


def _differences(kind: str, found: dict, allowed: dict) -> list[str]:
    problems = []
    for name in sorted(found.keys() - allowed.keys()):
        problems.append(f"{kind} {name} has no entry in {ALLOWLIST.name} (granted: {_show(found[name])}); "
                        "review its grants and add it")
    for name in sorted(allowed.keys() - found.keys()):
        problems.append(f"{kind} {name} is listed in {ALLOWLIST.name} but does not exist; remove the entry")
    for name in sorted(found.keys() & allowed.keys()):
        if found[name] != allowed[name]:
            problems.append(f"{kind} {name}: granted {_show(found[name])}, reviewed {_show(allowed[name])}")
    return problems


def _show(value) -> str:
    if isinstance(value, set):
        return "[" + ", ".join(sorted(value)) + "]" if value else "nothing"
    return "{" + "; ".join(f"{role}: {', '.join(sorted(p))}" for role, p in sorted(value.items())) + "}" \
        if value else "nothing"


MATRICES: dict[str, Callable[[psycopg.Connection], dict]] = {
    "functions": function_matrix, "tables": table_matrix, "sequences": sequence_matrix, "schemas": schema_matrix,
}


def _matrix_problems(conn: psycopg.Connection, section: str) -> list[str]:
    entries = _allowlist()[section]
    assert _unknown_roles(entries) == [], f"{ALLOWLIST.name} [{section}] names roles outside {ROLES}"
    return _differences(section[:-1], MATRICES[section](conn), _normalised(entries))


@pytest.mark.parametrize("section", sorted(MATRICES))
def test_the_privilege_matrix_is_the_reviewed_one(owner, section):
    problems = _matrix_problems(owner, section)
    assert problems == [], "\n".join(problems)


def test_the_matrix_is_not_empty(owner):
    """A matrix that reads nothing would pass the comparison above."""
    functions = function_matrix(owner)
    assert len(functions) > 90 and "app_private.pair_emails(uuid)" in functions
    assert len(table_matrix(owner)) > 40 and len(sequence_matrix(owner)) >= 3


def test_nothing_relies_on_grants_to_public(owner):
    """No function, table or sequence of the app's schemas is open to PUBLIC: not by an explicit grant and not by
    PostgreSQL's default (a NULL ACL means execute for PUBLIC on a function). On Supabase `authenticated` is also the
    API's role, so every grant names its role."""
    open_to_public = owner.execute(
        f"""
        select n.nspname || '.' || p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')'
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any(%(schemas)s) and {_NOT_EXTENSION.format(oid="p.oid")}
          and (p.proacl is null or exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0))
        union all
        select n.nspname || '.' || c.relname
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any(%(schemas)s) and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
          and exists (select 1 from aclexplode(c.relacl) a where a.grantee = 0)
        """, {"schemas": list(APP_SCHEMAS), "catalog": "pg_catalog.pg_proc"}).fetchall()
    assert open_to_public == []


def test_new_functions_tables_and_sequences_start_closed(owner):
    """The migrations' owner creates objects without any privilege for the app roles (default privileges)."""
    for schema in APP_SCHEMAS:
        owner.execute(f"create function {schema}.zz_new_function() returns int language sql as 'select 1'")
        owner.execute(f"create table {schema}.zz_new_table (id int generated always as identity primary key)")
    found = function_matrix(owner)
    tables, sequences = table_matrix(owner), sequence_matrix(owner)
    owner.rollback()
    for schema in APP_SCHEMAS:
        assert found[f"{schema}.zz_new_function()"] == set(), schema
        assert tables[f"{schema}.zz_new_table"] == {}, schema
        assert sequences[f"{schema}.zz_new_table_id_seq"] == {}, schema


@pytest.fixture()
def late_db(owner_url) -> Iterator[str]:  # owner_url first: the cluster-wide roles exist
    name = f"{TEST_DATABASE}_privileges_late"
    url = recreate_database(name)
    yield url
    with psycopg.connect(server_url("postgres"), autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def test_024_applied_after_the_later_files_gives_the_same_grants(late_db, tmp_path):
    """A database migrated before 024 was added gets it after 025 and 031 (the runner applies a missing file after
    the others): the grants end the same."""
    sql_dir = load_settings().sql_dir
    partial = tmp_path / "sql"
    shutil.copytree(sql_dir, partial)
    (partial / "024_least_privilege.sql").unlink()
    # migrations written after 024 was in the repository never ran before it on any database
    # (029, 030, and every file from 032 on: 035's feed functions, for one, would lose their grants to 024)
    written_after = sorted(p.name for p in partial.glob("*.sql") if p.name[:3] in ("029", "030")
                           or p.name[:3] >= "032")
    for name in written_after:
        (partial / name).unlink()
    migrate(late_db, partial)
    applied = migrate(late_db, sql_dir)
    assert applied == ["024_least_privilege.sql", *written_after]
    with psycopg.connect(late_db) as conn:
        problems = [p for section in sorted(MATRICES) for p in _matrix_problems(conn, section)]
    assert problems == [], "\n".join(problems)


def test_a_platform_that_grants_everything_in_public_ends_in_the_same_grants(late_db):
    """Supabase's per-schema default privileges give anon, authenticated and service_role everything created in
    public (tables, sequences, functions); the migrations take it back."""
    with psycopg.connect(late_db, autocommit=True) as conn:
        for kind in ("tables", "sequences", "functions"):
            conn.execute(f"alter default privileges in schema public grant all on {kind}"
                         " to anon, authenticated, service_role")
    migrate(late_db, load_settings().sql_dir)
    with psycopg.connect(late_db) as conn:
        problems = [p for section in sorted(MATRICES) for p in _matrix_problems(conn, section)]
    assert problems == [], "\n".join(problems)


# --- owner-only functions refused to a signed-in user ----------------------------------------------------------


def _lahntal_apprentice(owner) -> UUID:
    return owner.execute("select id from apprentices where school_id = %s and anonymised_at is null"
                         " order by id limit 1", (school_id("lahntal"),)).fetchone()[0]


# The three calls of the issue (as the app: leokop_app switched to authenticated with ausbilder2's claims, on an
# apprentice of Lahntal-Schule Gießen, which ausbilder2 has no part in), and the other owner-only functions a user
# could try.
OWNER_ONLY_CALLS = {
    "anonymise_apprentice": "select app_private.anonymise_apprentice(%(a)s)",
    "pair_emails": "select * from app_private.pair_emails(%(a)s)",
    "audit_event": "select app_private.audit_event('view', %(a)s, 'lehrkraft')",
    "retention_due": "select * from app_private.retention_due(date '2099-01-01') where apprentice_id = %(a)s",
    "attach_audit_triggers": "select app_private.attach_audit_triggers(), %(a)s",
    "audit_row": "select app_private.audit_row(), %(a)s",
    "apprentice_rows_condition": "select app_private.apprentice_rows_condition('notes'), %(a)s",
    "is_released": "select app_private.is_released(%(a)s, 'grades')",
    "leadership_check": "select app_private.leadership_check(%(s)s, 2026, null, null), %(a)s",
    "headcounts of the state": "select * from app_leadership.headcounts(array[%(s)s]::uuid[], 2026, null, null),"
                               " (select %(a)s) x",
    "statewide figures": "select * from app_leadership.statewide(2026, true), (select %(a)s) x",
}


@pytest.mark.parametrize("call", sorted(OWNER_ONLY_CALLS))
def test_a_signed_in_user_of_another_school_cannot_call_owner_only_functions(owner, owner_url, call):
    apprentice = _lahntal_apprentice(owner)
    audit_rows = owner.execute("select count(*) from audit_log").fetchone()[0]
    with psycopg.connect(app_url(owner_url)) as app:  # leokop_app, as the app connects
        act_as(app, "ausbilder2")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            app.execute(OWNER_ONLY_CALLS[call], {"a": apprentice, "s": school_id("lahntal")})
        app.rollback()
    assert owner.execute("select count(*) from audit_log").fetchone()[0] == audit_rows
    assert owner.execute("select anonymised_at from apprentices where id = %s", (apprentice,)).fetchone()[0] is None


_THE_THREE = ("anonymise_apprentice", "pair_emails", "audit_event")


@pytest.mark.parametrize(("role", "call"), [
    (role, call) for role in ("anon", "leokop_app", "leokop_worker", "leokop_service") for call in _THE_THREE
    if (role, call) != ("leokop_service", "pair_emails")  # the evaluation's own lookup
])
def test_no_other_app_role_calls_them_either(owner_url, owner, role, call):
    apprentice = _lahntal_apprentice(owner)
    url = worker_url(owner_url) if role in ("leokop_worker", "leokop_service") else app_url(owner_url)
    with psycopg.connect(url) as conn:
        if role == "anon":
            act_as(conn, None)
        elif role == "leokop_service":
            conn.execute("select set_config('role', 'leokop_service', true)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(OWNER_ONLY_CALLS[call], {"a": apprentice})
        conn.rollback()
    assert owner.execute("select anonymised_at from apprentices where id = %s", (apprentice,)).fetchone()[0] is None


# --- every id-taking security definer function checks the caller -----------------------------------------------

_MY = "select * from memberships m join app_users u on u.id = m.user_id where m.user_id = %(uid)s and m.active" \
      " and u.active"
# The apprentices a user works with, from the membership data alone (no helper function): the school side (class,
# the admin's school, a teacher's pair) and the company side (company at the granting school, a trainer's pair).
_PAIR_APPRENTICES = f"""
    select a.id from apprentices a where exists (
      select 1 from ({_MY}) m left join cooperations c on c.id = m.cooperation_id
      where (m.role = 'lehrkraft' and m.class_id = a.class_id)
         or (m.role = 'admin' and m.school_id = a.school_id)
         or (m.role in ('lehrkraft', 'ausbilder') and c.school_id = a.school_id and c.company_id = a.company_id)
         or (m.role = 'ausbilder' and m.company_id = a.company_id and m.school_id = a.school_id))"""
# ... and of those, the ones someone of the pair can be named for (pair_people lists them).
_PAIR_WITH_PEOPLE = f"""
    select p.id from ({_PAIR_APPRENTICES}) p join apprentices a on a.id = p.id where exists (
      select 1 from memberships m join app_users u on u.id = m.user_id and u.active
      left join cooperations c on c.id = m.cooperation_id
      where m.active and m.role in ('lehrkraft', 'ausbilder')
        and (m.class_id = a.class_id or (m.company_id = a.company_id and m.school_id = a.school_id)
             or (c.school_id = a.school_id and c.company_id = a.company_id)))"""
_ADMIN_APPRENTICES = f"select a.id from apprentices a where a.school_id in (select m.school_id from ({_MY}) m" \
                     " where m.role = 'admin')"
_LEADERSHIP_SCHOOLS = f"select m.school_id from ({_MY}) m where m.role in ('schulleitung', 'admin')"
_MANAGED_USERS = f"select x.user_id from memberships x where x.school_id in (select m.school_id from ({_MY}) m" \
                 " where m.role = 'admin')"
# Absences the company side may propose an excuse for: its apprentices' absences that the school released (release
# settings, the apprentice's exception, an open consent for absences) and that are open for a proposal.
_PROPOSABLE_ABSENCES = f"""
    select x.id from absences x join apprentices a on a.id = x.apprentice_id
    left join release_settings s on s.school_id = a.school_id
    left join release_overrides o on o.apprentice_id = a.id
    where not x.excused and x.excuse_state in ('keiner', 'abgelehnt')
      and coalesce(o.share_absences, s.share_absences, true)
      and exists (select 1 from consents k where k.apprentice_id = a.id and k.revoked_at is null
                  and 'absences' = any (k.categories))
      and exists (select 1 from ({_MY}) m left join cooperations c on c.id = m.cooperation_id
                  where m.role = 'ausbilder'
                    and ((m.company_id = a.company_id and m.school_id = a.school_id)
                         or (c.school_id = a.school_id and c.company_id = a.company_id)))"""
_SCHOOLS = "select id from schools"
_APPRENTICES = "select id from apprentices"
_ABSENCES = "select id from absences"
_USERS = "select id from app_users"
_HASH = "$2b$12$" + "a" * 53
_YEAR = "(select public.school_year_start())"


@dataclass(frozen=True)
class IdCheck:
    """A security definer function a signed-in user may call with an id: how to call it, which ids the user may
    act on (owner SQL from the membership data), and how an answer shows it worked or was refused."""

    call: str  # %(id)s is the id
    allowed: str  # the ids this user may act on (%(uid)s: the user)
    every: str  # all ids of that kind
    worked: Callable[[list[tuple]], bool]
    refused_quietly: Callable[[list[tuple]], bool] | None = None  # None: refused with 42501
    owner_params: str | None = None  # owner SQL giving further named parameters for the id (%(id)s)
    owner_setup: str | None = None  # owner SQL run first, in the test's transaction (rows the demo has none of)


def _rows(rows: list[tuple]) -> bool:
    return len(rows) > 0


def _no_rows(rows: list[tuple]) -> bool:
    return rows == []


def _true(rows: list[tuple]) -> bool:
    return rows == [(True,)]


def _false(rows: list[tuple]) -> bool:
    return rows == [(False,)]


def _completed(rows: list[tuple]) -> bool:
    return True


def _null(rows: list[tuple]) -> bool:
    return rows == [(None,)]


# One invited account per school (a Schulleitung without a password) with an open invitation.
_INVITED = """
    with u as (insert into app_users (username, display_name, active)
               select 'eingeladen-' || left(s.id::text, 8), 'Eingeladen', false from schools s returning id, username),
         m as (insert into memberships (user_id, role, school_id)
               select u.id, 'schulleitung', s.id from u join schools s
               on u.username = 'eingeladen-' || left(s.id::text, 8))
    insert into invitations (user_id, token_sha256, valid_until)
    select id, md5(id::text) || md5(username), now() + interval '1 day' from u"""
_LEADERSHIP_FIGURES = ("headcounts", "cooperations", "absences", "grades", "record_book", "dissolutions", "risks",
                       "cases", "measures")
ID_CHECKS: dict[str, IdCheck] = {
    "public.pair_people(uuid)": IdCheck(
        "select * from public.pair_people(%(id)s)", _PAIR_WITH_PEOPLE, _APPRENTICES, _rows, _no_rows),
    "public.record_apprentice_view(uuid)": IdCheck(
        "select public.record_apprentice_view(%(id)s)", _PAIR_APPRENTICES, _APPRENTICES, _true, _false),
    "public.subject_access_export(uuid)": IdCheck(
        "select public.subject_access_export(%(id)s) -> 'apprentice' ->> 'id'", _ADMIN_APPRENTICES, _APPRENTICES,
        lambda rows: len(rows) == 1 and rows[0][0] is not None),
    "public.propose_excuse(uuid, integer, text)": IdCheck(
        "select public.propose_excuse(%(id)s, %(version)s, 'Attest liegt vor')", _PROPOSABLE_ABSENCES, _ABSENCES,
        _true, _false, "select version from absences where id = %(id)s"),
    "public.admin_set_password(uuid, text)": IdCheck(
        f"select public.admin_set_password(%(id)s, '{_HASH}')", _MANAGED_USERS, _USERS, _completed),
    "public.leadership_filter_options(uuid, integer)": IdCheck(
        f"select * from public.leadership_filter_options(%(id)s, {_YEAR})", _LEADERSHIP_SCHOOLS, _SCHOOLS,
        _completed),
    "public.import_find_companies(uuid, text[], text[])": IdCheck(
        "select count(*) from public.import_find_companies(%(id)s, array['x'], array['12345'])",
        f"select m.school_id from ({_MY}) m where m.role = 'admin'", _SCHOOLS, lambda rows: rows == [(0,)]),
    # sessions (036): the demo has none, so every user gets an open one first
    "public.session_end(uuid, text)": IdCheck(
        "select public.session_end(%(id)s, 'beendet')",
        "select id from user_sessions where user_id = %(uid)s and ended_at is null", "select id from user_sessions",
        _true, _null,
        owner_setup="insert into user_sessions (user_id, idle_minutes, expires_at)"
                    " select id, 30, now() + interval '1 hour' from app_users"),
    # invitations (037): the demo has none, so every school gets an invited account (no password) with an open one
    "public.invitation_issue(uuid, text, text)": IdCheck(
        f"select public.invitation_issue(%(id)s, '{'b' * 64}', null)",
        f"{_MANAGED_USERS} and not exists (select 1 from user_credentials c where c.user_id = x.user_id)", _USERS,
        _rows, owner_setup=_INVITED),
    "public.invitation_withdraw(uuid)": IdCheck(
        "select public.invitation_withdraw(%(id)s)",
        f"select i.id from invitations i where i.ended_at is null and i.user_id in ({_MANAGED_USERS})",
        "select id from invitations", _true, _null, owner_setup=_INVITED),
    **{f"public.leadership_{figure}(uuid, integer, uuid, uuid)": IdCheck(
        f"select * from public.leadership_{figure}(%(id)s, {_YEAR}, null, null)", _LEADERSHIP_SCHOOLS, _SCHOOLS,
        _rows) for figure in _LEADERSHIP_FIGURES},
}
# Security definer functions that take a uuid but need no caller check, and why.
NOT_ID_CHECKED = {
    # a staff member's display name for "who wrote it" beside rows the caller can read; no apprentice, pair, class
    # or school data, and no e-mail, username or role (decision 83)
    "public.user_display_name(uuid)": "display name only",
    # writes one audit row "the caller opened an address naming this id and was refused" (sql/042): the actor is
    # always auth.uid(), nothing is read back, and the answer is the same for any id (decision 97)
    "public.record_refused_view(text, uuid)": "records the caller's own refused view only",
}


def test_every_id_taking_function_a_user_may_call_is_checked(owner):
    """The list below covers every security definer function that authenticated may execute and that takes an id."""
    rows = owner.execute(
        """
        select n.nspname || '.' || p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')'
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any(%s) and p.prosecdef and 'uuid'::regtype = any (p.proargtypes::oid[])
          and has_function_privilege('authenticated', p.oid, 'execute')
        """, (list(APP_SCHEMAS),)).fetchall()
    assert {s for (s,) in rows} == set(ID_CHECKS) | set(NOT_ID_CHECKED)


def _ids(owner, sql: str, username: str) -> list:
    return [r[0] for r in owner.execute(f"select id from ({sql}) x(id) order by id", {"uid": user_id(username)})]


def _as_user(owner, username: str, check: IdCheck, ident) -> list[tuple] | str:
    """The function's rows as the user, in a savepoint that is always undone; 'refused' on 42501."""
    params = {"id": ident}
    if check.owner_params:
        with owner.cursor(row_factory=dict_row) as cur:
            params |= cur.execute(check.owner_params, params).fetchone()
    try:
        with owner.transaction():
            act_as(owner, username)
            with owner.cursor() as cur:
                rows = cur.execute(check.call, params).fetchall()
            raise psycopg.Rollback()
    except psycopg.errors.InsufficientPrivilege:
        return "refused"
    return rows


def _shape(answer: list[tuple] | str) -> str:
    """What came back, without its values (they may name people)."""
    return answer if isinstance(answer, str) else f"{len(answer)} row(s) " + str([len(r) for r in answer[:3]])


@pytest.mark.parametrize("username", USERS)
@pytest.mark.parametrize("function", sorted(ID_CHECKS))
def test_an_id_taking_function_refuses_foreign_ids_and_serves_own_ones(owner, function, username):
    check = ID_CHECKS[function]
    if check.owner_setup:
        owner.execute(check.owner_setup)
    allowed = _ids(owner, check.allowed, username)
    foreign = [i for i in _ids(owner, check.every, username) if i not in set(allowed)]
    assert foreign, "every demo user has ids of others to try"
    audit_rows = owner.execute("select count(*) from audit_log").fetchone()[0]
    for ident in (foreign[0], foreign[-1]):
        answer = _as_user(owner, username, check, ident)
        if check.refused_quietly is None:
            assert answer == "refused", f"{function} as {username} with a foreign id: {_shape(answer)}"
        else:
            assert answer != "refused" and check.refused_quietly(answer), \
                f"{function} as {username} with a foreign id: {_shape(answer)}"
    assert owner.execute("select count(*) from audit_log").fetchone()[0] == audit_rows
    if allowed:
        answer = _as_user(owner, username, check, allowed[0])
        assert answer != "refused" and check.worked(answer), \
            f"{function} as {username} with an own id: {_shape(answer)}"


@pytest.mark.parametrize("function", sorted(ID_CHECKS))
def test_each_id_check_has_a_demo_user_with_an_own_id(owner, function):
    """The 'serves own ones' half above is not vacuous: some demo user may act on some id of each function."""
    if ID_CHECKS[function].owner_setup:
        owner.execute(ID_CHECKS[function].owner_setup)
    assert any(_ids(owner, ID_CHECKS[function].allowed, username) for username in USERS)


def test_leadership_refuses_a_class_of_another_school_for_the_own_school(owner):
    foreign_class = owner.execute("select id from classes where school_id = %s order by id limit 1",
                                  (school_id("lahntal"),)).fetchone()[0]
    with pytest.raises(psycopg.errors.InvalidParameterValue), owner.transaction():
        act_as(owner, "schulleitung")
        owner.execute(f"select * from public.leadership_headcounts(%s, {_YEAR}, null, %s)",
                      (school_id("mainufer"), foreign_class))


# --- credentials ---------------------------------------------------------------------------------------------------

LOGIN_FUNCTIONS = {"app_auth.login_record(text)", "app_auth.record_login_attempt(text, boolean)"}
# They write a hash and return nothing.
PASSWORD_WRITERS = {"public.change_own_password(text)", "public.admin_set_password(uuid, text)"}
# Invitations and reset links (037), and the single sign-on's invitation link (038): they ask whether an account has
# a password, or write the hash of a link's new password, and hand out no credential column (their result types,
# reviewed: a time, an id, an address, a profile).
LINK_FUNCTIONS = {
    "public.invitation_issue(uuid, text, text)": ("timestamp with time zone", False, {"authenticated"}),
    "app_auth.invitation_lookup(text)": ("record", True, {"leokop_app"}),
    "app_auth.invitation_accept(text, text)": ("uuid", False, {"leokop_app"}),
    "app_auth.password_reset_request(text, text, text)": ("text", False, {"leokop_app"}),
    "app_auth.password_reset_use(text, text)": ("uuid", False, {"leokop_app"}),
    # single sign-on (038): an invitation links an identity only to an account without a password
    "app_auth.sso_link_invitation(text, text, text, text, timestamp with time zone)": ("uuid", False, {"leokop_app"}),
}


def test_no_view_reads_the_credentials(owner):
    views = owner.execute(
        """
        select distinct v.oid::regclass::text from pg_catalog.pg_depend d
        join pg_catalog.pg_rewrite w on w.oid = d.objid join pg_catalog.pg_class v on v.oid = w.ev_class
        where d.classid = 'pg_catalog.pg_rewrite'::regclass and d.refobjid = 'public.user_credentials'::regclass
          and v.oid <> 'public.user_credentials'::regclass
        """).fetchall()
    assert views == []
    any_view_text = owner.execute(
        "select c.oid::regclass::text from pg_catalog.pg_class c"
        " where c.relkind in ('v', 'm') and pg_catalog.pg_get_viewdef(c.oid) ilike '%%user_credentials%%'").fetchall()
    assert any_view_text == []


def test_only_the_login_functions_hand_out_credential_columns(owner):
    readers = owner.execute(
        """
        select n.nspname || '.' || p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')',
               pg_catalog.format_type(p.prorettype, null), p.proretset,
               array(select r.rolname from pg_catalog.pg_roles r
                     where r.rolname = any(%s) and has_function_privilege(r.oid, p.oid, 'execute'))
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
        where n.nspname not in ('pg_catalog', 'information_schema')
          and (p.prosrc ilike '%%user_credentials%%' or p.prosrc ilike '%%password_hash%%'
               or 'password_hash' = any (p.proargnames))
        """, (list(ROLES),)).fetchall()
    found = {signature: (returns, returns_set, set(roles)) for signature, returns, returns_set, roles in readers}
    assert set(found) == LOGIN_FUNCTIONS | PASSWORD_WRITERS | set(LINK_FUNCTIONS)
    for signature, expected in LINK_FUNCTIONS.items():
        assert found[signature] == expected, signature
    for signature in LOGIN_FUNCTIONS:
        assert found[signature][2] == {"leokop_app"}, signature
    for signature in PASSWORD_WRITERS:
        assert found[signature][:2] == ("void", False), signature
    # the access-request export walks every apprentice table: the credentials are none of them
    tables = {t for (t,) in owner.execute("select table_name from app_private.apprentice_tables()")}
    assert "user_credentials" not in tables and tables


@pytest.mark.parametrize("who", [*USERS, None])
def test_no_user_reads_the_credentials(owner, who):
    for sql in ("select * from public.user_credentials", "select password_hash from public.user_credentials",
                "select * from app_auth.login_record('admin')"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege), owner.transaction():
            act_as(owner, who)
            owner.execute(sql)


@pytest.mark.parametrize("role", ["leokop_app", "leokop_worker", "leokop_service", "service_role"])
def test_no_app_role_reads_the_credentials(owner, role):
    with pytest.raises(psycopg.errors.InsufficientPrivilege), owner.transaction():
        owner.execute(f"set local role {role}")
        owner.execute("select * from public.user_credentials")


def test_the_login_role_reads_one_record_through_the_login_function_only(db):
    from leokop.repo import credentials

    record = credentials.login_record(db, "admin")
    assert record is not None and record.password_hash.startswith("$2")
    with db.pool.connection() as conn, pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
        conn.execute("select * from public.user_credentials")
