"""`python -m leokop generate`: drop and create a leokop_bench_* database, migrate it, fill it, describe it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from time import perf_counter

import psycopg

from leokop import clock
from leokop.config import load_settings
from leokop.db.locate import check_connection, worker_url
from leokop.db.migrate import migrate
from leokop.db.session import Database
from leokop.demo.seed import demo_id, seed_demo
from leokop.scale.load import Timings, load_state
from leokop.scale.model import build
from leokop.scale.params import Scale, check_database_name, server_url, write_meta
from leokop.services.early_warning import refresh

# The demo's benchmark pair and sessions: (username, cooperation key) as in leokop/demo/seed.py.
DEMO_PAIR = "mainufer/rmd"
DEMO_SESSIONS = (("lehrkraft", "mainufer/rmd"), ("ausbilder", "mainufer/rmd"), ("ausbilder2", "mainufer/taunus"),
                 ("koordination", "mainufer/hartmann"), ("lehrkraft2", "lahntal/wpm"), ("ausbilder3", "lahntal/wpm"))


def generate(scale: Scale, *, database: str | None = None, seed: int = 2026, today: date | None = None,
             materials: int | None = None, out: Callable[[str], None] = print) -> dict:
    """Build the database and return its description (also written to .leokop/bench/<database>.json)."""
    name = check_database_name(database or scale.database)
    today = today or clock.today()
    started = perf_counter()
    url = recreate_database(name)
    migrate(url, load_settings().sql_dir)
    out(f"{name}: migrated in {perf_counter() - started:.1f} s; loading {scale.name} scale (seed {seed}, {today})")
    if scale.is_demo:
        seed_demo(url)
        recompute_risks(url)
        meta = demo_meta(url)
    else:
        model = build(scale, seed, today)
        out(f"  {'model (in memory)':<28} {model.n:>12,} apprentices {perf_counter() - started:>5.1f} s")
        timings = load_state(url, model, out, materials)
        loaded = perf_counter() - started
        out(f"{name}: loaded in {loaded:.1f} s ({loaded / 60:.1f} min); storing the risk flags")
        recompute_risks(url, timings)
        meta = {k: v for k, v in model.bench.items() if not k.endswith("_index")}
        meta["rows"], meta["load_seconds"] = timings.rows, timings.seconds
        meta["load_total_seconds"] = round(loaded, 1)
    total = perf_counter() - started
    meta.update(database=name, scale=scale.name, seed=seed, today=today.isoformat(), total_seconds=round(total, 1))
    out(f"{name}: done in {total:.1f} s ({total / 60:.1f} min); description in {write_meta(name, meta)}")
    return meta


def recompute_risks(url: str, timings: Timings | None = None) -> int:
    """Store the early-warning flags of every apprentice, as `python -m leokop risks recompute` does."""
    started = perf_counter()
    db = Database(worker_url(url), max_size=2)
    try:
        done = refresh(db, None)
    finally:
        db.close()
    if timings:
        with psycopg.connect(url) as conn:
            flags = conn.execute("select count(*) from public.risk_flags where cleared_at is null").fetchone()[0]
        timings.record("risk_flags (recompute)", flags, started)
    return done


def recreate_database(name: str) -> str:
    """Drop and create `name` on the server of DATABASE_URL or the embedded one; return its owner URL."""
    admin = server_url("postgres")
    check_connection(admin)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')
        conn.execute(f'create database "{name}"')
    return server_url(name)


def drop_database(name: str) -> None:
    with psycopg.connect(server_url("postgres"), autocommit=True) as conn:
        conn.execute(f'drop database if exists "{check_database_name(name)}" with (force)')


def demo_meta(url: str) -> dict:
    """The benchmark pair of the demo data: Mainufer and Rhein-Main Datentechnik, `lehrkraft` and `ausbilder`."""
    coop = demo_id("cooperation", DEMO_PAIR)
    teacher = demo_id("user", "lehrkraft")
    with psycopg.connect(url) as conn:
        school, pair_count = conn.execute(
            "select c.school_id, count(a.id) filter (where a.status = 'aktiv') from cooperations c"
            " join apprentices a on a.school_id = c.school_id and a.company_id = c.company_id"
            " where c.id = %s group by c.school_id", (coop,)).fetchone()
        school_count = conn.execute("select count(*) from apprentices where school_id = %s and status = 'aktiv'",
                                    (school,)).fetchone()[0]
        apprentice = conn.execute(
            "select a.id from cooperations c join apprentices a on a.school_id = c.school_id"
            " and a.company_id = c.company_id join memberships m on m.class_id = a.class_id and m.user_id = %s"
            " where c.id = %s and a.status = 'aktiv' order by a.id limit 1", (teacher, coop)).fetchone()[0]
        rows = dict(conn.execute(
            "select relname, n_live_tup from pg_stat_user_tables where schemaname = 'public'").fetchall())
    sessions = [{"user_id": str(demo_id("user", user)), "username": user,
                 "role": "ausbilder" if user.startswith("ausbilder") else "lehrkraft",
                 "cooperation_id": str(demo_id("cooperation", pair))}
                for user, pair in (DEMO_SESSIONS * 4)[:20]]
    return {
        "cooperation_id": str(coop), "school_id": str(school), "school_apprentices": school_count,
        "pair_apprentices": pair_count,
        "teacher": {"user_id": str(teacher), "username": "lehrkraft"},
        "trainer": {"user_id": str(demo_id("user", "ausbilder")), "username": "ausbilder"},
        "apprentice_id": str(apprentice),
        "leadership": {"user_id": str(demo_id("user", "schulleitung")), "username": "schulleitung"},
        "sessions": sessions, "rows": rows,
    }
