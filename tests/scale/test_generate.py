"""The synthetic data generator: deterministic, loadable under every constraint, and RLS works on it as on real data.

Small scale (300 apprentices, two schools) so that it stays fast; the benchmark itself is not a test.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import psycopg
import pytest

from leokop.db.session import Database
from leokop.repo import cooperations
from leokop.scale.generate import drop_database, generate
from leokop.scale.params import bench_app_url, meta_path, parse_scale, server_url

DATABASES = ("leokop_bench_test_a", "leokop_bench_test_b")
TODAY = date(2026, 11, 25)  # fixed: the same seed and day give the same data
TABLES = ("schools", "companies", "cooperations", "classes", "app_users", "user_credentials", "memberships", "concerns",
          "apprentices", "lf_results", "lf_grade_history", "position_ratings", "record_weeks", "absences",
          "company_phases", "school_blocks", "exams", "notes", "joint_dates", "release_settings", "release_overrides",
          "risk_cases", "case_comments", "case_measures", "risk_flags", "materials", "material_versions",
          "material_learning_fields", "terms_versions", "terms_acceptances", "consents")
# Columns that do not depend on the moment of loading (created_at and the like do).
CHECKSUMS = {
    "apprentices": "id, first_name, last_name, birth_date, school_id, class_id, company_id, occupation_id, track,"
                   " contract_start, contract_end, probation_end, status, dissolved_on",
    "memberships": "id, user_id, role, school_id, class_id, company_id, cooperation_id",
    "lf_results": "id, apprentice_id, learning_field_id, status, grade, graded_on, updated_at",
    "record_weeks": "id, apprentice_id, week_start, status, submitted_at, decided_at, decided_by",
    "absences": "id, apprentice_id, absence_date, lessons, excused, excuse_state, proposed_by",
    "company_phases": "id, apprentice_id, title, starts_on, ends_on",
    "school_blocks": "id, class_id, starts_on, ends_on",
    "materials": "id, cooperation_id, school_id, occupation_id, scope, class_id, kind, title, tags, current_version,"
                 " owner_id, created_at",
}


@pytest.fixture(scope="module")
def generated():
    metas = [generate(parse_scale("300"), database=name, today=TODAY, out=lambda _line: None) for name in DATABASES]
    yield metas
    for name in DATABASES:
        drop_database(name)
        meta_path(name).unlink(missing_ok=True)


def _snapshot(database: str) -> dict:
    with psycopg.connect(server_url(database)) as conn:
        counts = {t: conn.execute(f"select count(*) from public.{t}").fetchone()[0] for t in TABLES}
        sums = {t: conn.execute(f"select md5(string_agg(row({cols})::text, ',' order by id)) from public.{t}")
                .fetchone()[0] for t, cols in CHECKSUMS.items()}
    return {"counts": counts, "checksums": sums}


def test_same_seed_same_data(generated):
    first, second = (_snapshot(name) for name in DATABASES)
    assert first == second
    assert all(first["counts"][t] > 0 for t in TABLES), first["counts"]
    pick = ("cooperation_id", "teacher", "trainer", "apprentice_id", "leadership", "sessions", "rows")
    assert {k: generated[0][k] for k in pick} == {k: generated[1][k] for k in pick}


def test_shape_of_the_data(generated):
    assert 10 <= generated[0]["pair_apprentices"] <= 30  # the benchmark pair (15-30 at larger scales)
    with psycopg.connect(server_url(DATABASES[0])) as conn:

        def one(sql: str) -> tuple:
            return conn.execute(sql).fetchone()

        assert one("select count(*) from pg_constraint where not convalidated")[0] == 0
        assert one("select count(*) from apprentices")[0] == 300
        assert one("select count(*) from schools")[0] == 2
        assert one("select max(n) from (select count(*) n from apprentices group by class_id) x")[0] <= 30
        assert one("select count(distinct extract(year from contract_start)) from apprentices")[0] == 3
        assert one("select bool_and(probation_end <= (contract_start + interval '4 months')::date) from apprentices")[0]
        present, due = one("""
            select count(w.id), count(*) from apprentices a
            cross join lateral generate_series(date_trunc('week', a.contract_start + 6)::date,
                                               date '2026-11-16', interval '7 days') g
            left join record_weeks w on w.apprentice_id = a.id and w.week_start = g::date
            where a.status = 'aktiv'""")
        assert 0.9 <= present / due < 1.0
        assert one("select count(*) from app_users u join user_credentials c on c.user_id = u.id")[0] == \
            one("select count(*) from app_users")[0]


def _visible(db: Database, user: str, sql: str) -> set:
    with db.user_tx(UUID(user)) as conn:
        return {r["id"] for r in conn.execute(sql).fetchall()}


def test_rls_on_generated_data(generated):
    meta, name = generated[0], DATABASES[0]
    owner = psycopg.connect(server_url(name))
    db = Database(bench_app_url(name), max_size=2)
    try:
        trainer = meta["trainer"]["user_id"]
        own = {r[0] for r in owner.execute(
            "select a.id from apprentices a join memberships m on m.company_id = a.company_id"
            " and m.school_id = a.school_id where m.user_id = %s", (trainer,))}
        assert own and _visible(db, trainer, "select id from apprentices") == own
        pairs = set(cooperations.my_cooperations(db, UUID(trainer))["id"])
        company = owner.execute("select company_id from cooperations where id = %s",
                                (meta["cooperation_id"],)).fetchone()[0]
        assert pairs == {r[0] for r in owner.execute(
            "select id from cooperations where company_id = %s", (company,))}
        assert _visible(db, trainer, "select distinct apprentice_id as id from record_weeks") <= own
        # the generator's terms acceptance and consents (sql/016) open the released school data to the trainer
        assert _visible(db, trainer, "select distinct apprentice_id as id from lf_results") & own

        # a class teacher without a pair scope: exactly the apprentices of the class
        teacher, klass = owner.execute(
            "select m.user_id, m.class_id from memberships m where m.role = 'lehrkraft' and m.class_id is not null"
            " and m.user_id <> %s order by m.id limit 1", (meta["teacher"]["user_id"],)).fetchone()
        in_class = {r[0] for r in owner.execute("select id from apprentices where class_id = %s", (klass,))}
        assert _visible(db, str(teacher), "select id from apprentices") == in_class
        assert _visible(db, str(teacher), "select distinct apprentice_id as id from absences") <= in_class
        assert _visible(db, str(teacher), "select id from app_users") == {teacher}

        # the benchmark teacher also holds the pair: the whole pair is visible on the dashboard
        bench_teacher = UUID(meta["teacher"]["user_id"])
        shown = cooperations.cooperation_apprentices(db, bench_teacher, UUID(meta["cooperation_id"]))
        assert len(shown) == owner.execute(
            "select count(*) from apprentices a join cooperations c on c.school_id = a.school_id"
            " and c.company_id = a.company_id where c.id = %s", (meta["cooperation_id"],)).fetchone()[0]
    finally:
        db.close()
        owner.close()


def test_materials_are_searchable_under_rls(generated):
    """About 1.1 per apprentice; the benchmark pair's teacher finds some by a stemmed word of the titles."""
    meta = generated[0]
    with psycopg.connect(server_url(DATABASES[0])) as conn:
        n, apprentices = conn.execute("select (select count(*) from materials), (select count(*) from apprentices)"
                                      ).fetchone()
    assert n == round(apprentices * 1.1)
    from leokop.repo import materials

    db = Database(bench_app_url(DATABASES[0]), max_size=1)
    try:
        teacher, coop = UUID(meta["teacher"]["user_id"]), UUID(meta["cooperation_id"])
        everything = materials.library(db, teacher, coop)
        found = materials.library(db, teacher, coop, query="Aufgaben")
    finally:
        db.close()
    assert len(everything) > 0
    assert 0 < len(found) < len(everything) or len(everything) == materials.LIBRARY_LIMIT
    assert all("aufgaben" in (t + " " + d).lower() for t, d in zip(found["title"], found["description"], strict=True))


def _indexes(url: str) -> set[tuple[str, str]]:
    with psycopg.connect(url) as conn:
        return {(r[0], r[1]) for r in conn.execute(
            "select indexname, indexdef from pg_indexes"
            " where schemaname in ('public', 'app_private', 'app_leadership')")}


def test_the_indexes_dropped_for_the_load_are_built_again(generated, owner_url):
    """The loader drops record_weeks' secondary indexes for the COPY and builds them afterwards: the generated
    database ends with exactly the indexes the migrations create (compared with the test database)."""
    generated_indexes = _indexes(server_url(DATABASES[0]))
    assert generated_indexes == _indexes(owner_url)
    assert any(name == "record_weeks_signed_idx" for name, _definition in generated_indexes)
    assert generated[0]["load_seconds"]["indexes (after the load)"] >= 0
    assert generated[0]["rows"]["indexes (after the load)"] == len(
        [name for name, _definition in generated_indexes if name.startswith("record_weeks_signed")])
