"""Test database: a fresh `leokop_test` on the embedded server, or on DATABASE_URL's server when set."""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from leokop import clock
from leokop.config import load_settings
from leokop.db import embedded
from leokop.db.locate import app_url, worker_url
from leokop.db.migrate import migrate
from leokop.db.session import Database
from leokop.demo.seed import seed_demo
from leokop.services.early_warning import refresh
from tests.helpers import SHARED_CLASS, company_id

# Separate names let two suites run side by side on one server (e.g. a developer and CI), and each pytest-xdist
# worker (`-n 2` in pyproject.toml) has its own database: gw0, gw1, ...
TEST_DATABASE = os.environ.get("LEOKOP_TEST_DATABASE", "leokop_test") + (
    f"_{os.environ['PYTEST_XDIST_WORKER']}" if os.environ.get("PYTEST_XDIST_WORKER") else "")
_SETUP_LOCK = Path(tempfile.gettempdir()) / "leokop-test-setup.lock"


@contextmanager
def setup_lock() -> Iterator[None]:
    """One worker at a time starts the embedded server or migrates: roles are shared by all databases of a server,
    and two first migrations at once would both create them (the migrations' advisory lock is per database)."""
    with open(_SETUP_LOCK, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def server_url(database: str) -> str:
    """A URL for `database` on the server under test (owner rights)."""
    settings = load_settings()
    with setup_lock():
        base = settings.database_url or embedded.start(settings.data_dir, settings.db_port)
    params = conninfo_to_dict(base)
    params["dbname"] = database
    # The tests' own SQL turns dates into moments as the app's pool does (leokop.db.session: Berlin time), and in a
    # date sweep counts from the same day (app_private.today())
    options = [f"-c TimeZone={clock.TIME_ZONE}"]
    fixed = clock.fixed_today()
    if fixed is not None:
        options.append(f"-c leokop.today={fixed.isoformat()}")
    params["options"] = " ".join(options)
    return make_conninfo(**params)


def recreate_database(name: str) -> str:
    with psycopg.connect(server_url("postgres"), autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')
        conn.execute(f'create database "{name}"')
    return server_url(name)


@contextmanager
def seeded_database(suffix: str) -> Iterator[str]:
    """A freshly migrated and seeded database of its own (for tests that must not share data), dropped after."""
    name = f"{TEST_DATABASE}_{suffix}"
    url = recreate_database(name)
    with setup_lock():
        migrate(url, load_settings().sql_dir)
    seed_demo(url)
    try:
        yield url
    finally:
        with psycopg.connect(server_url("postgres"), autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(scope="session")
def owner_url() -> Iterator[str]:
    """The migrated, seeded test database; DATABASE_URL points at it for the app under test."""
    url = recreate_database(TEST_DATABASE)
    with setup_lock():
        migrate(url, load_settings().sql_dir)
    seed_demo(url)
    evaluation = Database(worker_url(url), max_size=2)
    refresh(evaluation, None)  # the demo's risk flags, as `make run` computes them
    evaluation.close()
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    yield url
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous


@pytest.fixture(scope="session")
def worker_db(owner_url: str) -> Iterator[Database]:
    """The rule evaluation's pool (leokop_worker)."""
    database = Database(worker_url(owner_url), max_size=2)
    yield database
    database.close()


@pytest.fixture(scope="session")
def db(owner_url: str) -> Iterator[Database]:
    """The pool the app uses: the leokop_app login role, no RLS bypass."""
    database = Database(app_url(owner_url), max_size=4)
    yield database
    database.close()


@pytest.fixture()
def owner(owner_url: str) -> Iterator[psycopg.Connection]:
    """An owner connection whose transaction is rolled back after the test."""
    with psycopg.connect(owner_url) as conn:
        yield conn
        conn.rollback()


@pytest.fixture()
def caseless_flag(owner_url: str) -> Iterator[tuple]:
    """(id, apprentice_id, severity) of an open flag without a case, of an apprentice both `lehrkraft` and
    `ausbilder` work with; the cases opened on it are removed afterwards (the app never deletes a case, the tests
    leave the demo data as they found it)."""
    with psycopg.connect(owner_url) as conn:
        row = conn.execute(
            """
            select f.id, f.apprentice_id, f.severity from risk_flags f join apprentices a on a.id = f.apprentice_id
            where f.cleared_at is null and a.class_id = %s and a.company_id = %s
              and not exists (select 1 from risk_cases c where c.flag_id = f.id)
            order by f.id limit 1
            """, (SHARED_CLASS, company_id("rmd"))).fetchone()
    assert row, "the demo data must have an open flag in the shared class"
    yield row
    with psycopg.connect(owner_url) as conn:
        conn.execute("delete from risk_cases where flag_id = %s", (row[0],))


def pytest_terminal_summary(terminalreporter) -> None:
    """What a test recorded to be printed (record_property("print", text)), also from pytest-xdist's workers, whose
    own output the terminal never shows."""
    for report in terminalreporter.stats.get("passed", []):
        for name, text in getattr(report, "user_properties", []):
            if name == "print":
                terminalreporter.write_line(str(text))
