"""docs/schema.sql is the schema the migrations produce: a migration added without regenerating it fails here."""

from __future__ import annotations

import difflib

from leokop.db.schema_file import COMMAND, SCHEMA_FILE, current_schema


def test_the_committed_schema_is_what_the_migrations_produce(owner_url):
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    produced = current_schema(owner_url)
    if produced != committed:
        diff = "".join(list(difflib.unified_diff(committed.splitlines(True), produced.splitlines(True),
                                                 "docs/schema.sql", "migrated database"))[:60])
        raise AssertionError(f"docs/schema.sql differs from the migrated database; run `{COMMAND}`:\n{diff}")


def test_it_holds_every_table_policy_and_function(owner, owner_url):
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    tables = owner.execute("select schemaname || '.' || tablename from pg_tables"
                           " where schemaname in ('public', 'app_private', 'app_auth', 'app_leadership')").fetchall()
    policies = owner.execute("select policyname, schemaname || '.' || tablename from pg_policies"
                             " where schemaname = 'public'").fetchall()
    assert tables and policies
    assert [t for (t,) in tables if f"CREATE TABLE {t} (" not in text] == []
    assert [p for p, t in policies if f'CREATE POLICY {p} ON {t}' not in text
            and f'CREATE POLICY "{p}" ON {t}' not in text] == []
    assert "GRANT ALL ON FUNCTION" in text and "ENABLE ROW LEVEL SECURITY" in text
