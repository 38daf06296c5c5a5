"""Drop everything leokop created in a database (development and tests)."""

from __future__ import annotations

import psycopg

_DROP = """
drop schema if exists public cascade;
drop schema if exists app_private cascade;
drop schema if exists app_auth cascade;
drop schema if exists app_leadership cascade;
create schema public;
grant usage on schema public to public;
"""


def reset(conninfo: str) -> None:
    """Drop the app's schemas. The auth shim and the cluster-wide roles stay: they are shared."""
    with psycopg.connect(conninfo, autocommit=True) as conn, conn.transaction():
        conn.execute(_DROP)
