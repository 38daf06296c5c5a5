"""`db backup` / `db restore`: demo data, an upload and an audit entry survive backup → drop → restore exactly (rows,
bytes, audit trail, privileges, policies), also into a fresh cluster without the app's roles; the app logs in
afterwards; a non-empty database is refused without --replace; an older backup is migrated after the restore."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from leokop.config import load_settings
from leokop.db import embedded
from leokop.db.backup import APP_SCHEMAS, CHECKSUM_LENGTH
from leokop.db.locate import app_url, runtime_url, worker_url
from leokop.db.migrate import discover, migrate
from leokop.db.session import Database
from leokop.demo.materials import demo_pdf
from leokop.demo.seed import demo_id
from leokop.repo import materials, privacy
from leokop.services.early_warning import refresh
from leokop.services.materials import file_problems
from leokop.storage.postgres_backend import PostgresStorage
from leokop.ui import resources
from tests.conftest import TEST_DATABASE, recreate_database, seeded_database, server_url
from tests.helpers import SHARED_CLASS, cooperation_id, user_id
from tests.pages.conftest import errors, registered_pages, start_app, submit_login

ROOT = Path(__file__).parents[2]
APP_ROLES = ("anon", "authenticated", "service_role", "leokop_app", "leokop_worker", "leokop_service")
UPLOAD_TEXT = "Prüfungsvorbereitung Lernfeld 3: Übungen mit Lösungen (ß, Ä)"


# --- helpers shared with tests/db/test_restart.py ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def private_server(data_dir: Path) -> Iterator[str]:
    """An embedded PostgreSQL of its own (a fresh cluster: no app roles) in data_dir on a free port; the owner URL of
    its database `leokop`. Stopped and deleted afterwards; the shared test server is never touched."""
    try:
        url = embedded.start(data_dir, free_port())
        yield url
    finally:
        try:
            embedded.stop(data_dir)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)


def drop_database(name: str) -> None:
    with psycopg.connect(server_url("postgres"), autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def with_database(url: str, name: str) -> str:
    params = conninfo_to_dict(url)
    params["dbname"] = name
    return make_conninfo(**params)


def cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "leokop", *args], cwd=ROOT, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=300)


# --- what must come back -----------------------------------------------------------------------------------------


def _session(conn: psycopg.Connection) -> None:
    """Same text output for the same values on any server (row hashes are compared across clusters)."""
    conn.execute("set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres';"
                 " set extra_float_digits = 1; set bytea_output = 'hex'")


def table_rows(url: str) -> dict[str, tuple[int, str]]:
    """Row count and a hash over the ordered row hashes, per table of the app's schemas and auth.users."""
    with psycopg.connect(url) as conn:
        _session(conn)
        tables = [row[0] for row in conn.execute(
            "select format('%%I.%%I', n.nspname, c.relname) from pg_class c"
            " join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p')"
            " and (n.nspname = any(%s) or (n.nspname, c.relname) = ('auth', 'users'))"
            " order by 1", (list(APP_SCHEMAS),))]
        found = {t: conn.execute(
            f"select count(*), md5(coalesce(string_agg(md5(x::text), ',' order by md5(x::text) collate \"C\"), ''))"
            f" from {t} x").fetchone() for t in tables}
        found["large objects"] = conn.execute(
            "select count(*), md5(coalesce(string_agg(oid::text || ':' || md5(lo_get(oid)), ',' order by oid), ''))"
            " from pg_largeobject_metadata").fetchone()
        return found


CATALOGUE = """
with roles(r) as (select unnest(%(roles)s::text[]) union all select 'public'),
rels as (select c.oid, c.relkind, c.relrowsecurity, c.relforcerowsecurity, format('%%I.%%I', n.nspname, c.relname) k
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = any(%(schemas)s) and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')),
funcs as (select p.oid, p.oid::regprocedure::text k, p.prosecdef, p.proconfig, md5(p.prosrc) src
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = any(%(schemas)s))
select 'table', k, r, priv, has_table_privilege(r, oid, priv)::text
  from rels, roles, unnest(array['select', 'insert', 'update', 'delete', 'truncate', 'references', 'trigger']) priv
  where relkind <> 'S'
union all
select 'sequence', k, r, priv, has_sequence_privilege(r, oid, priv)::text
  from rels, roles, unnest(array['usage', 'select', 'update']) priv where relkind = 'S'
union all
select 'function', k, r, 'execute', has_function_privilege(r, oid, 'execute')::text from funcs, roles
union all
select 'schema', n.nspname, r, priv, has_schema_privilege(r, n.oid, priv)::text
  from pg_namespace n, roles, unnest(array['usage', 'create']) priv where n.nspname = any(%(schemas)s || '{auth}')
union all
select 'column acl', format('%%s.%%I', k, a.attname), '', '', a.attacl::text
  from rels join pg_attribute a on a.attrelid = rels.oid where a.attacl is not null
union all
select 'rls', k, '', '', format('%%s %%s', relrowsecurity, relforcerowsecurity) from rels where relkind in ('r', 'p')
union all
select 'function def', k, '', '', format('%%s %%s %%s', prosecdef, proconfig, src) from funcs
union all
select 'trigger', format('%%s.%%I', k, t.tgname), '', '', t.tgenabled::text
  from rels join pg_trigger t on t.tgrelid = rels.oid where not t.tgisinternal
union all
select 'policy', format('%%I.%%I.%%I', schemaname, tablename, policyname), array_to_string(roles, ','), cmd,
       format('%%s | %%s | %%s', permissive, qual, with_check)
  from pg_policies where schemaname = any(%(schemas)s)
union all
select 'default privileges', coalesce(defaclnamespace::regnamespace::text, '(database)'), defaclrole::regrole::text,
       defaclobjtype::text, defaclacl::text
  from pg_default_acl
union all
select 'owner', k, pg_get_userbyid(c.relowner), '', '' from rels join pg_class c on c.oid = rels.oid
order by 1, 2, 3, 4
"""


def catalogue(url: str) -> list[tuple]:
    """Privileges of every app role (and PUBLIC) on every table, sequence, function and schema; column grants; RLS
    switches; security definer settings and function bodies; triggers; every policy; the database's default
    privileges; owners. The owner's name reads `<owner>` (a restore as another user makes that user the owner)."""
    with psycopg.connect(url) as conn:
        owner = conn.execute("select current_user").fetchone()[0]
        rows = conn.execute(CATALOGUE, {"roles": list(APP_ROLES), "schemas": list(APP_SCHEMAS)}).fetchall()
    return sorted(tuple(re.sub(rf"\b{re.escape(owner)}\b", "<owner>", str(v)) for v in row) for row in rows)


def roles(url: str) -> dict:
    """The app roles' attributes and their memberships among each other (cluster-wide)."""
    with psycopg.connect(url) as conn:
        attributes = conn.execute(
            "select rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolbypassrls"
            " from pg_roles where rolname = any(%s) order by 1", (list(APP_ROLES),)).fetchall()
        members = conn.execute(
            "select m.roleid::regrole::text, m.member::regrole::text from pg_auth_members m"
            " where m.roleid::regrole::text = any(%(r)s) and m.member::regrole::text = any(%(r)s) order by 1, 2",
            {"r": list(APP_ROLES)}).fetchall()
    return {"attributes": attributes, "members": members}


def audit_trail(url: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        _session(conn)
        return conn.execute("select l::text from public.audit_log l order by id").fetchall()


def uploaded_bytes(url: str, version_id: UUID) -> bytes:
    """The file as the trainer downloads it through the app's login role (RLS applies)."""
    db = Database(app_url(url), max_size=1)
    try:
        found = materials.download(db, PostgresStorage(), user_id("ausbilder"), version_id)
    finally:
        db.close()
    assert found is not None, "the trainer must still see the uploaded version"
    return found.data


def close_app_pool(*, server_up: bool = True) -> None:
    """Close the app's pool for the current DATABASE_URL and forget it: Streamlit keeps it per process and URL, and a
    later server on the same port (a free port is handed out again) must not inherit its dead connections. With the
    server down it is only forgotten (asking the cache for it would open a new pool and wait for the server)."""
    conninfo = runtime_url()
    if server_up:
        resources._database(conninfo).close()
    resources._database.clear(conninfo)


def signs_in(monkeypatch, url: str) -> None:
    """The real app against url: `lehrkraft` signs in with the demo password and reaches the dashboard."""
    monkeypatch.setenv("DATABASE_URL", url)
    try:
        at = submit_login(start_app(), "lehrkraft", "leokop-demo")
        assert not at.exception, at.exception
        assert errors(at) == []
        assert "dashboard" in registered_pages(at)
    finally:
        close_app_pool()


# --- the source: demo data, one upload, one audit entry ----------------------------------------------------------


@dataclass(frozen=True)
class Source:
    dump: Path
    rows: dict
    catalogue: list
    roles: dict
    audit: list
    version_id: UUID
    data: bytes
    backup_output: str


def _upload_and_view(url: str) -> tuple[UUID, bytes]:
    """One PDF shared by `ausbilder` through the materials repository (as the page does) and one view of an
    apprentice's page by `lehrkraft` in the audit trail."""
    data = demo_pdf(UPLOAD_TEXT, ["Aufgabe 1: Subnetze", "Aufgabe 2: VLANs"])
    problems, info = file_problems("Pruefungsvorbereitung_LF3.pdf", data, len(data))
    assert problems == []
    sharing = materials.Sharing(cooperation_id("mainufer", "rmd"), demo_id("occupation", "FI"), "kooperation", None,
                                "Prüfungsvorbereitung LF3", "Sicherung und Wiederherstellung", ["backup"],
                                [demo_id("lf", "FI/LF3")], [])
    db = Database(app_url(url), max_size=2)
    try:
        material_id = materials.share_file(db, PostgresStorage(), user_id("ausbilder"), sharing, info, data)
        with psycopg.connect(url) as conn:
            apprentice = conn.execute("select id from apprentices where class_id = %s order by id limit 1",
                                      (SHARED_CLASS,)).fetchone()[0]
            version_id = conn.execute("select id from material_versions where material_id = %s",
                                      (material_id,)).fetchone()[0]
        assert privacy.record_view(db, user_id("lehrkraft"), apprentice)
    finally:
        db.close()
    return version_id, data


def _extras(url: str) -> None:
    """What a backup must also carry: a large object and the database's default privileges (the owner's, as a
    migration that closes new functions sets them); and what it must leave out: a schema that is not the app's
    with an extension, an event trigger on a function there and a publication (as on a Supabase project)."""
    with psycopg.connect(url) as conn:
        conn.execute("select lo_from_bytea(0, '\\x00ff0a0d2700'::bytea)")
        conn.execute("alter default privileges revoke execute on functions from public")
        conn.execute("alter default privileges in schema app_private grant select on tables to leokop_service")
        conn.execute('create schema "Plattform Dienste"')  # a name pg_dump's patterns would misread unquoted
        conn.execute('create extension citext schema "Plattform Dienste"')
        conn.execute('create function "Plattform Dienste".ddl_watch() returns event_trigger language plpgsql'
                     " as $$ begin end $$")
        conn.execute('create event trigger ddl_watch on ddl_command_end execute function'
                     ' "Plattform Dienste".ddl_watch()')
        conn.execute("create publication platform_changes")


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Iterator[Source]:
    with seeded_database("bk_source") as url:
        evaluation = Database(worker_url(url), max_size=2)
        try:
            refresh(evaluation, None)  # the demo's risk flags, as `make run` has them
        finally:
            evaluation.close()
        version_id, data = _upload_and_view(url)
        _extras(url)
        dump = tmp_path_factory.mktemp("backup") / "leokop.dump"
        done = cli("db", "backup", str(dump), DATABASE_URL=url)
        assert done.returncode == 0, done.stderr
        yield Source(dump, table_rows(url), catalogue(url), roles(url), audit_trail(url), version_id, data,
                     done.stdout)


@pytest.fixture()
def target() -> Iterator[tuple[str, str]]:
    """(name, url) of an empty database of this test's own, dropped afterwards."""
    name = f"{TEST_DATABASE}_bk_target"
    url = recreate_database(name)
    yield name, url
    drop_database(name)


# --- tests -------------------------------------------------------------------------------------------------------


def test_the_app_has_no_schema_outside_the_backup(source, target):
    """A migration that adds a schema must add it to APP_SCHEMAS (and to reset), or the backup would miss it."""
    _, url = target
    migrate(url, load_settings().sql_dir)
    with psycopg.connect(url) as conn:
        schemas = {row[0] for row in conn.execute(
            "select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema', 'auth')"
            " and nspname not like 'pg\\_%'")}
    assert schemas == set(APP_SCHEMAS)


def test_backup_drop_restore_gives_back_every_row_byte_grant_and_policy(source, monkeypatch):
    assert source.dump.stat().st_mode & 0o077 == 0, "a backup holds personal data: readable by its owner only"
    assert "backup written: " in source.backup_output and " tables, migration " in source.backup_output
    assert source.rows["public.material_blobs"][0] >= 1 and len(source.audit) >= 1
    # the source database is dropped (the broken disk) and an empty one takes its name
    name = f"{TEST_DATABASE}_bk_source"
    url = recreate_database(name)
    done = cli("db", "restore", str(source.dump), DATABASE_URL=url)
    assert done.returncode == 0, done.stderr
    assert f"into database {name} in " in done.stdout and "schema up to date" in done.stdout
    assert "checksum verified" in done.stdout
    left_out = next(line for line in done.stdout.splitlines() if line.startswith("left out (not the app's): "))
    assert sorted(left_out.split(": ", 1)[1].split(", ")) == ["EVENT TRIGGER ddl_watch", "PUBLICATION platform_changes"]
    assert table_rows(url) == source.rows
    assert audit_trail(url) == source.audit
    assert catalogue(url) == source.catalogue
    assert uploaded_bytes(url, source.version_id) == source.data
    signs_in(monkeypatch, url)


def test_restore_into_a_fresh_cluster_creates_the_roles(source, tmp_path, monkeypatch):
    """A new server without any of the app's roles (the broken disk, rebuilt), restored by an owner of another name:
    roles, grants, policies and default privileges come back, the restoring owner owns what the old one owned."""
    with private_server(tmp_path / "cluster") as postgres_url:
        with psycopg.connect(postgres_url) as conn:
            assert conn.execute("select count(*) from pg_roles where rolname = any(%s)",
                                (list(APP_ROLES),)).fetchone()[0] == 0
            conn.execute("create role schultraeger login superuser")
        params = conninfo_to_dict(postgres_url)
        params["user"] = "schultraeger"
        url = make_conninfo(**params)
        done = cli("db", "restore", str(source.dump), DATABASE_URL=url)
        assert done.returncode == 0, done.stderr
        assert roles(url) == source.roles
        assert table_rows(url) == source.rows
        assert catalogue(url) == source.catalogue
        assert uploaded_bytes(url, source.version_id) == source.data
        signs_in(monkeypatch, url)


def test_a_database_with_data_is_refused_and_left_unchanged(source, target):
    _, url = target
    with psycopg.connect(url) as conn:  # the app's schema and one row of a school's own
        conn.execute("create table public.schools (id int primary key, name text)")
        conn.execute("insert into public.schools values (1, 'Bestandsdaten')")
    before = (table_rows(url), catalogue(url))
    done = cli("db", "restore", str(source.dump), DATABASE_URL=url)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("leokop: The database ")
    assert "--replace" in done.stderr and "Traceback" not in done.stderr
    assert (table_rows(url), catalogue(url)) == before


def test_replace_drops_what_was_there_and_restores_exactly(source, target):
    _, url = target
    assert cli("db", "restore", str(source.dump), DATABASE_URL=url).returncode == 0
    with psycopg.connect(url) as conn:  # a later day's work that the restore must undo
        conn.execute("create table public.leftover (id int)")
        conn.execute("delete from public.material_comments")
        conn.execute("grant select on public.schools to anon")
        conn.execute("alter default privileges grant select on tables to anon")
        conn.execute("select lo_from_bytea(0, 'neu'::bytea)")
    done = cli("db", "restore", "--replace", str(source.dump), DATABASE_URL=url)
    assert done.returncode == 0, done.stderr
    assert "replacing its previous data" in done.stdout
    assert table_rows(url) == source.rows
    assert catalogue(url) == source.catalogue


def test_a_damaged_backup_changes_nothing(source, target, tmp_path):
    _, url = target
    damaged = tmp_path / "damaged.dump"
    data = source.dump.read_bytes()
    archive = data[:-CHECKSUM_LENGTH]
    assert data.startswith(archive) and re.fullmatch(rb"\nleokop-backup sha256=[0-9a-f]{64}\n",
                                                     data[len(archive):])
    # one flipped bit in a function's message (y -> x): refused by the checksum
    flipped = data.replace(b"'audit_log is append-only'", b"'audit_log is append-onlx'", 1)
    assert len(flipped) == len(data) and flipped != data
    damaged.write_bytes(flipped)
    done = cli("db", "restore", str(damaged), DATABASE_URL=url)
    assert done.returncode == 2 and "does not match the checksum" in done.stderr
    # the table of contents is whole; the rows are cut off in the middle, or only the last of them: refused by the
    # checksum, and without it (--no-checksum) by pg_restore, in the transaction that is rolled back
    for end in (len(archive) * 2 // 3, len(archive) - 64):
        damaged.write_bytes(data[:end])
        done = cli("db", "restore", str(damaged), DATABASE_URL=url)
        assert done.returncode == 2 and "does not end in the checksum line" in done.stderr
        done = cli("db", "restore", "--no-checksum", str(damaged), DATABASE_URL=url)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert "is damaged or incomplete" in done.stderr and "the database is unchanged" in done.stderr
        with psycopg.connect(url) as conn:
            assert conn.execute("select count(*) from pg_namespace where nspname = any(%s)",
                                (["app_private", "app_auth", "app_leadership", "auth"],)).fetchone()[0] == 0
            assert conn.execute("select to_regclass('public.schema_migrations')").fetchone()[0] is None
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("keine Sicherung")
    done = cli("db", "restore", str(not_a_backup), DATABASE_URL=url)
    assert done.returncode == 2 and "is not a backup made by" in done.stderr
    done = cli("db", "restore", str(tmp_path / "missing.dump"), DATABASE_URL=url)
    assert done.returncode == 2 and "does not exist" in done.stderr
    done = cli("db", "backup", str(tmp_path / "no" / "such" / "folder.dump"), DATABASE_URL=url)
    assert done.returncode == 2 and "does not exist" in done.stderr
    done = cli("db", "backup", str(tmp_path / "empty.dump"), DATABASE_URL=url)
    assert done.returncode == 2 and "holds no leokop schema" in done.stderr
    assert not (tmp_path / "empty.dump").exists()
    # what the checksum is for: pg_restore alone restores the flipped bit without a word
    damaged.write_bytes(flipped)
    assert cli("db", "restore", "--no-checksum", str(damaged), DATABASE_URL=url).returncode == 0
    with psycopg.connect(url) as conn:
        assert conn.execute("select prosrc like '%append-onlx%' from pg_proc"
                            " where proname = 'audit_log_is_append_only'").fetchone()[0]


def test_a_backup_without_the_checksum_line_restores_with_no_checksum(source, target, tmp_path):
    """A backup of a leokop before the checksum line (a pure pg_dump archive) is refused, and restored with
    --no-checksum."""
    _, url = target
    older = tmp_path / "older.dump"
    older.write_bytes(source.dump.read_bytes()[:-CHECKSUM_LENGTH])
    done = cli("db", "restore", str(older), DATABASE_URL=url)
    assert done.returncode == 2 and "restores with --no-checksum" in done.stderr
    done = cli("db", "restore", "--no-checksum", str(older), DATABASE_URL=url)
    assert done.returncode == 0, done.stderr
    assert "checksum not checked (--no-checksum)" in done.stdout
    assert table_rows(url) == source.rows


def test_an_older_backup_is_migrated_after_the_restore(tmp_path, target):
    """A backup made at migration N-1 (an older leokop) restores into the current one: the missing migration runs."""
    all_migrations = discover(load_settings().sql_dir)
    older = tmp_path / "sql"
    (older / "compat").mkdir(parents=True)
    shutil.copy(load_settings().sql_dir / "compat" / "supabase_shim.sql", older / "compat")
    for migration in all_migrations[:-1]:
        shutil.copy(migration.path, older)
    name = f"{TEST_DATABASE}_bk_older"
    url = recreate_database(name)
    try:
        migrate(url, older)
        with psycopg.connect(url) as conn:
            conn.execute("insert into public.schools (name, school_number, city)"
                         " values ('Schule von gestern', '9999', 'Kassel')")
        dump = tmp_path / "older.dump"
        assert cli("db", "backup", str(dump), DATABASE_URL=url).returncode == 0
    finally:
        drop_database(name)
    _, target_url = target
    done = cli("db", "restore", str(dump), DATABASE_URL=target_url)
    assert done.returncode == 0, done.stderr
    assert f"applied 1 migration(s) after the restore: {all_migrations[-1].name}" in done.stdout
    with psycopg.connect(target_url) as conn:
        applied = [row[0] for row in conn.execute("select name from public.schema_migrations order by name")]
        school = conn.execute("select name from public.schools where school_number = '9999'").fetchone()
    assert applied == [m.name for m in all_migrations]
    assert school == ("Schule von gestern",)
