"""Migration runner for sql/NNN_name.sql: ordered, one transaction per file, checksummed, locked, idempotent."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

from leokop.db.errors import SetupError

_FILE_PATTERN = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
# Any constant works; it only has to be the same in every process that migrates.
_ADVISORY_LOCK_KEY = 4_711_2025
SHIM_FILE = "compat/supabase_shim.sql"


@dataclass(frozen=True)
class Migration:
    name: str
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def discover(sql_dir: Path) -> list[Migration]:
    """The numbered migration files in order; refuses badly named files and duplicate numbers."""
    if not sql_dir.is_dir():
        raise SetupError(f"Migration folder {sql_dir} is missing. Run from the project root or set LEOKOP_SQL_DIR.")
    found = sorted(p for p in sql_dir.glob("*.sql"))
    migrations = []
    numbers: set[str] = set()
    for path in found:
        match = _FILE_PATTERN.match(path.name)
        if not match:
            raise SetupError(f"{path.name}: migration files must be named NNN_lower_case_name.sql")
        if match.group(1) in numbers:
            raise SetupError(f"{path.name}: two migrations share the number {match.group(1)}")
        numbers.add(match.group(1))
        migrations.append(Migration(path.name, path))
    if not migrations:
        raise SetupError(f"Migration folder {sql_dir} holds no NNN_name.sql files.")
    return migrations


def migrate(conninfo: str, sql_dir: Path) -> list[str]:
    """Apply every pending migration; return the names applied now (empty when up to date)."""
    migrations = discover(sql_dir)
    applied_now: list[str] = []
    with psycopg.connect(conninfo, autocommit=True) as conn:
        # Session-level lock: held across the per-file transactions below, released on disconnect.
        conn.execute("select pg_advisory_lock(%s)", (_ADVISORY_LOCK_KEY,))
        try:
            _ensure_bookkeeping(conn)
            _apply_shim_if_needed(conn, sql_dir)
            applied = dict(conn.execute("select name, checksum from public.schema_migrations").fetchall())
            _refuse_edited(migrations, applied)
            for migration in migrations:
                if migration.name in applied:
                    continue
                try:
                    with conn.transaction():
                        conn.execute(migration.sql)
                        conn.execute(
                            "insert into public.schema_migrations (name, checksum) values (%s, %s)",
                            (migration.name, migration.checksum),
                        )
                except psycopg.Error as exc:
                    raise SetupError(f"Migration {migration.name} failed and was rolled back: {exc}") from exc
                applied_now.append(migration.name)
        finally:
            conn.execute("select pg_advisory_unlock(%s)", (_ADVISORY_LOCK_KEY,))
    return applied_now


def _ensure_bookkeeping(conn: psycopg.Connection) -> None:
    conn.execute(
        """
        create table if not exists public.schema_migrations (
          name text primary key,
          checksum text not null,
          applied_at timestamptz not null default now()
        )
        """
    )
    # The bookkeeping table is under RLS like every other table; no policy, so no app user reads it.
    conn.execute("alter table public.schema_migrations enable row level security")


def _apply_shim_if_needed(conn: psycopg.Connection, sql_dir: Path) -> None:
    has_auth = conn.execute("select to_regnamespace('auth') is not null").fetchone()[0]
    if has_auth:
        return
    shim = sql_dir / SHIM_FILE
    if not shim.exists():
        raise SetupError(f"{shim} is missing; it is needed on PostgreSQL servers without Supabase's auth schema.")
    with conn.transaction():
        conn.execute(shim.read_text(encoding="utf-8"))


def _refuse_edited(migrations: list[Migration], applied: dict[str, str]) -> None:
    edited = [m.name for m in migrations if m.name in applied and applied[m.name] != m.checksum]
    if edited:
        raise SetupError(
            "Already applied migrations were edited: " + ", ".join(edited)
            + ". Never change an applied file; add a new NNN_name.sql instead "
            "(or `python -m leokop db reset` to rebuild a development database)."
        )
