"""The command line: bad set-ups end with one clear message and exit code 2, never a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from leokop import clock, texts

ROOT = Path(__file__).parents[1]


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "leokop", *args], cwd=ROOT, env=full_env, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture()
def busy_port():
    """A port on 127.0.0.1 that something else already listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://postgres@127.0.0.1:{port}/leokop", "Cannot connect to the database"),
        ("not a url at all", "not valid"),
    ],
)
def test_bad_database_url(url, message):
    result = _cli("db", "migrate", DATABASE_URL=url.format(port=_free_port()))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_missing_migration_folder(owner_url, tmp_path):
    result = _cli("db", "migrate", DATABASE_URL=owner_url, LEOKOP_SQL_DIR=str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "Migration folder" in result.stderr and "is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_app_port_already_taken(busy_port, owner_url):
    result = _cli("serve", "--port", str(busy_port), DATABASE_URL=owner_url)
    assert result.returncode == 2
    assert f"Port {busy_port} on 127.0.0.1 is already in use" in result.stderr


def test_embedded_database_port_already_taken(busy_port, tmp_path):
    result = _cli("db", "start", LEOKOP_DATA_DIR=str(tmp_path), LEOKOP_DB_PORT=str(busy_port), DATABASE_URL="")
    assert result.returncode == 2
    assert f"Port {busy_port} on 127.0.0.1 is already taken" in result.stderr


def test_url_of_a_stopped_embedded_database(tmp_path):
    result = _cli("db", "url", LEOKOP_DATA_DIR=str(tmp_path), DATABASE_URL="")
    assert result.returncode == 2
    assert "is not running" in result.stderr


def test_url_prints_the_running_database(owner_url):
    result = _cli("db", "url", DATABASE_URL=owner_url)
    assert result.returncode == 0 and result.stdout.strip() == owner_url


def test_migrate_twice_reports_up_to_date(owner_url):
    result = _cli("db", "migrate", DATABASE_URL=owner_url)
    assert result.returncode == 0 and "up to date" in result.stdout


def test_leadership_refresh_stores_the_statewide_figures(owner_url):
    import psycopg

    result = _cli("leadership", "refresh", DATABASE_URL=owner_url)
    assert result.returncode == 0 and "9 figures" in result.stdout, result.stderr
    with psycopg.connect(owner_url) as conn:
        figures = {r[0] for r in conn.execute("select figure from app_leadership.statewide()")}
    assert {"cooperations", "record_book", "risks", "cases", "measures"} <= figures


def test_database_down_shows_german_message_in_the_app(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"postgresql://postgres@127.0.0.1:{_free_port()}/leokop")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert [e.value for e in at.error] == [texts.DB_UNAVAILABLE]


@pytest.fixture()
def purge_database(owner_url):
    """A freshly seeded database of its own: the purge changes data that other tests read."""
    from tests.conftest import seeded_database

    with seeded_database("purge") as url:
        yield url


def test_privacy_purge_dry_run_lists_what_the_purge_anonymises(purge_database):
    import psycopg

    later = (clock.today() + timedelta(days=3 * 365)).isoformat()
    dry = _cli("privacy", "purge", "--dry-run", "--today", later, DATABASE_URL=purge_database)
    assert dry.returncode == 0, dry.stderr
    listed = dry.stdout.splitlines()
    assert listed[-1].startswith(f"{len(listed) - 1} apprentice(s) would be anonymised") and len(listed) > 20
    with psycopg.connect(purge_database) as conn:
        names = {n for row in conn.execute("select first_name, last_name from apprentices") for n in row}
        assert conn.execute("select count(*) from apprentices where anonymised_at is not null").fetchone()[0] == 0
    assert not any(name in dry.stdout for name in names)  # ids, school, class and dates only
    done = _cli("privacy", "purge", "--today", later, DATABASE_URL=purge_database)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:-1] == listed[:-1]
    assert done.stdout.splitlines()[-1].startswith(f"{len(listed) - 1} apprentice(s) anonymised")
    with psycopg.connect(purge_database) as conn:
        assert conn.execute("select count(*) from apprentices where anonymised_at is not null").fetchone()[0] == (
            len(listed) - 1)
    again = _cli("privacy", "purge", "--dry-run", "--today", later, DATABASE_URL=purge_database)
    assert again.stdout.splitlines() == [f"0 apprentice(s) would be anonymised (retention as of {later})"]
