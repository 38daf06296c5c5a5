"""The current schema in one readable file, generated from a migrated database: tables, indexes, policies, functions
and their grants as 23+ migrations leave them, without replaying them in one's head (`docs/schema.sql`)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from leokop.config import PROJECT_ROOT
from leokop.db.backup import APP_SCHEMAS, client_args, find_tools
from leokop.db.errors import SetupError
from leokop.db.migrate import migrate

SCHEMA_FILE = PROJECT_ROOT / "docs" / "schema.sql"
COMMAND = "python -m leokop db schema --write"

_HEADER = f"""-- leokop: the schema as the migrations in sql/ leave it (generated; do not edit).
-- Regenerate after adding a migration: `{COMMAND}` (tests/db/test_schema_file.py compares it).
-- Schemas: {", ".join(APP_SCHEMAS)}. Owners are left out; grants, row-level security and policies are in.
"""
# Lines that say which server and client made the dump, or carry pg_dump's per-run random \restrict key: they differ
# between runs and machines without any change to the schema.
# Some PostgreSQL 15 builds also store a per-column option pg_attver that no migration sets.
_VOLATILE = re.compile(r"^(-- Dumped (from|by) |\\restrict |\\unrestrict |SET |SELECT pg_catalog\.set_config"
                       r"|ALTER TABLE ONLY \S+ ALTER COLUMN \S+ SET \(pg_attver=\d+\);$)")


def current_schema(url: str) -> str:
    """pg_dump --schema-only of the app's schemas, without the lines that change from run to run."""
    with psycopg.connect(url) as conn:
        tools = find_tools(conn.info.server_version // 10000)
    conninfo, env = client_args(url)
    command = [tools.pg_dump, "--schema-only", "--no-owner", "--no-tablespaces",
               *(f"--schema={schema}" for schema in APP_SCHEMAS), "--dbname", conninfo]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SetupError(f"pg_dump failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else '?'}")
    lines = [line for line in done.stdout.splitlines() if not _VOLATILE.match(line)]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return f"{_HEADER}\n{body}\n"


def migrated_schema(server_url: str, sql_dir: Path) -> str:
    """The schema of a scratch database on the same server, freshly migrated (dropped again afterwards)."""
    params = conninfo_to_dict(server_url)
    scratch = f"leokop_schema_{os.getpid()}"
    admin = make_conninfo(**{**params, "dbname": "postgres"})
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{scratch}"')
        conn.execute(f'create database "{scratch}"')
    try:
        url = make_conninfo(**{**params, "dbname": scratch})
        migrate(url, sql_dir)
        return current_schema(url)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'drop database if exists "{scratch}" with (force)')
