"""The migration runner: from empty, idempotent, refuses edited files, locks, shim only where needed."""

from __future__ import annotations

import shutil
import threading

import psycopg
import pytest

from leokop.config import load_settings
from leokop.db.errors import SetupError
from leokop.db.migrate import discover, migrate
from tests.conftest import TEST_DATABASE, recreate_database, server_url

SQL_DIR = load_settings().sql_dir


@pytest.fixture()
def empty_db(owner_url):  # owner_url first: the cluster-wide roles exist, as on any server after one setup
    name = f"{TEST_DATABASE}_migrations"
    url = recreate_database(name)
    yield url
    with psycopg.connect(server_url("postgres"), autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def _applied(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute("select name from public.schema_migrations order by name")]


def test_from_empty_applies_every_file_in_order(empty_db):
    names = [m.name for m in discover(SQL_DIR)]
    assert migrate(empty_db, SQL_DIR) == names
    assert _applied(empty_db) == names


def test_second_run_changes_nothing(empty_db):
    migrate(empty_db, SQL_DIR)
    assert migrate(empty_db, SQL_DIR) == []


def test_edited_applied_file_is_refused(empty_db, tmp_path):
    copy = tmp_path / "sql"
    shutil.copytree(SQL_DIR, copy)
    migrate(empty_db, copy)
    first = sorted(copy.glob("0*.sql"))[1]
    first.write_text(first.read_text() + "\n-- edited\n")
    with pytest.raises(SetupError, match=first.name):
        migrate(empty_db, copy)


def test_new_file_is_applied_after_the_others(empty_db, tmp_path):
    copy = tmp_path / "sql"
    shutil.copytree(SQL_DIR, copy)
    migrate(empty_db, copy)
    (copy / "999_extra.sql").write_text("create table public.extra (id int primary key);"
                                        "alter table public.extra enable row level security;")
    assert migrate(empty_db, copy) == ["999_extra.sql"]


def test_failing_file_leaves_nothing_half_applied(empty_db, tmp_path):
    copy = tmp_path / "sql"
    shutil.copytree(SQL_DIR, copy)
    migrate(empty_db, copy)
    (copy / "998_broken.sql").write_text("create table public.half (id int); select 1/0;")
    with pytest.raises(SetupError, match=r"998_broken\.sql failed and was rolled back: division by zero"):
        migrate(empty_db, copy)
    with psycopg.connect(empty_db) as conn:
        assert conn.execute("select to_regclass('public.half')").fetchone()[0] is None
    assert "998_broken.sql" not in _applied(empty_db)


def test_missing_folder_gives_one_clear_message(empty_db, tmp_path):
    with pytest.raises(SetupError, match=r"Migration folder .* is missing"):
        migrate(empty_db, tmp_path / "nowhere")


def test_badly_named_file_is_refused(tmp_path):
    (tmp_path / "1_bad.sql").write_text("select 1;")
    with pytest.raises(SetupError, match="NNN_lower_case_name"):
        discover(tmp_path)


def test_concurrent_runs_apply_each_file_once(empty_db):
    results, errors = [], []

    def run():
        try:
            results.append(migrate(empty_db, SQL_DIR))
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(len(r) for r in results) == [0, 0, len(discover(SQL_DIR))]


def test_shim_is_skipped_where_auth_schema_exists(empty_db):
    """On Supabase the auth schema exists: the runner must not touch it."""
    marker = "11111111-1111-4111-8111-111111111111"
    with psycopg.connect(empty_db, autocommit=True) as conn:
        conn.execute("create schema auth")
        conn.execute(f"create function auth.uid() returns uuid language sql as $$ select '{marker}'::uuid $$")
        conn.execute("grant usage on schema auth to public")
    migrate(empty_db, SQL_DIR)
    with psycopg.connect(empty_db) as conn:
        assert str(conn.execute("select auth.uid()").fetchone()[0]) == marker
        assert conn.execute("select to_regclass('auth.users')").fetchone()[0] is None


def test_shim_provides_supabase_auth_functions(empty_db):
    migrate(empty_db, SQL_DIR)
    with psycopg.connect(empty_db) as conn:
        conn.execute("select set_config('request.jwt.claims', %s, true)",
                     ('{"sub": "22222222-2222-4222-8222-222222222222", "role": "authenticated"}',))
        row = conn.execute("select auth.uid()::text, auth.role(), auth.jwt() ->> 'sub'").fetchone()
    assert row == ("22222222-2222-4222-8222-222222222222", "authenticated", "22222222-2222-4222-8222-222222222222")
