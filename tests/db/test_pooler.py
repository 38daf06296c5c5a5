"""Connections through a pooler in transaction mode (LEOKOP_TRANSACTION_POOLER=1, docs/deployment.md): no startup
options (PgBouncer refuses them) and no prepared statements; the login role must bring Berlin time and the
statement timeout itself, and a pool refuses to start when it does not. The RLS tests were run through PgBouncer
1.18 in transaction mode with this setting (decision 96)."""

from __future__ import annotations

import psycopg
import pytest

from leokop import clock
from leokop.db.errors import SetupError
from leokop.db.locate import app_url
from leokop.db.session import STATEMENT_TIMEOUT_MS, Database, _connection_settings


def test_without_a_pooler_the_connection_brings_its_settings():
    settings = _connection_settings(False)
    assert f"-c TimeZone={clock.TIME_ZONE}" in settings["options"]
    assert f"-c statement_timeout={STATEMENT_TIMEOUT_MS}" in settings["options"]


def test_behind_a_pooler_nothing_is_sent_at_the_start_and_nothing_prepared():
    settings = _connection_settings(True)
    assert "options" not in settings
    assert settings["prepare_threshold"] is None


def _plain_app_url(owner_url: str) -> str:
    """The app's URL without the tests' startup options (a pooler would refuse them)."""
    params = psycopg.conninfo.conninfo_to_dict(app_url(owner_url))
    params.pop("options", None)
    return psycopg.conninfo.make_conninfo(**params)


def _role_settings(owner_url: str, database: str, timezone: str | None, timeout: str | None) -> None:
    with psycopg.connect(owner_url, autocommit=True) as conn:
        for name, value in (("timezone", timezone), ("statement_timeout", timeout)):
            if value is None:
                conn.execute(f'alter role leokop_app in database "{database}" reset {name}')
            else:
                conn.execute(f"alter role leokop_app in database \"{database}\" set {name} = '{value}'")


def test_a_pool_behind_a_pooler_checks_the_login_roles_settings(owner_url: str, monkeypatch):
    monkeypatch.setenv("LEOKOP_TRANSACTION_POOLER", "1")
    database = psycopg.conninfo.conninfo_to_dict(owner_url)["dbname"]
    try:
        _role_settings(owner_url, database, "UTC", "15s")
        with pytest.raises(SetupError, match="alter role leokop_app set timezone = 'Europe/Berlin'"):
            Database(_plain_app_url(owner_url), max_size=1)
        _role_settings(owner_url, database, clock.TIME_ZONE, "15s")
        pool = Database(_plain_app_url(owner_url), max_size=1)
        try:
            with pool.pool.connection() as conn:
                row = conn.execute("select current_setting('TimeZone') as tz").fetchone()
            assert row["tz"] == clock.TIME_ZONE
        finally:
            pool.close()
    finally:
        _role_settings(owner_url, database, None, None)
