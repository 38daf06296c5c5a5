"""`python -m leokop bench`: time the app's data layer, pages and sessions on a generated database."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from time import perf_counter
from uuid import UUID

import pandas as pd
import psutil
import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from leokop import clock
from leokop.config import PROJECT_ROOT
from leokop.db.errors import SetupError
from leokop.db.locate import check_connection
from leokop.db.session import Database
from leokop.repo import (
    cases,
    cooperations,
    dashboard,
    leadership,
    materials,
    risks,
)
from leokop.repo._query import fetch_df
from leokop.scale import bench_sql
from leokop.scale.import_sample import sample_csv
from leokop.scale.params import Scale, bench_app_url, bench_worker_url, check_database_name, read_meta, server_url
from leokop.scale.report import Result
from leokop.services.dashboard import load_pair
from leokop.services.early_warning import refresh as refresh_risks

WARMUP = 2
IMPORT_APPRENTICES = 2_000  # a large Berufsschule's pupil export (issue 16: preview and apply under 10 s)
# A word of one generated description in four and of some Lernfeld titles: 27 % of the materials match.
MATERIAL_QUERY = "Aufgaben"


class OwnerDatabase:
    """Looks like leokop.db.session.Database to the repo functions, but runs as the owner: no role switch, no
    claims, so row-level security does not apply (the owner bypasses it)."""

    def __init__(self, conninfo: str) -> None:
        self.pool = ConnectionPool(conninfo, min_size=1, max_size=2, kwargs={"row_factory": dict_row}, open=True)
        self.pool.wait(timeout=10)
        self._pinned: psycopg.Connection | None = None

    @contextmanager
    def user_tx(self, _user_id) -> Iterator[psycopg.Connection]:
        if self._pinned is not None:
            yield self._pinned
            return
        with self.pool.connection() as conn, conn.transaction():
            yield conn

    @contextmanager
    def reads(self, _user_id) -> Iterator[None]:
        """One transaction for the page's reads, as Database.reads."""
        with self.user_tx(None) as conn:
            self._pinned = conn
            try:
                yield
            finally:
                self._pinned = None

    def close(self) -> None:
        self.pool.close()


def timed(action: Callable[[], object], runs: int, warmup: int = WARMUP) -> list[float]:
    """Milliseconds of each of `runs` calls, after `warmup` calls that are not counted."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(runs):
        started = perf_counter()
        action()
        times.append((perf_counter() - started) * 1000)
    return times


# The repo functions a dashboard load calls, timed one by one for the split (services.dashboard.load_pair decides
# which run and in what order; the bench only watches).
_SPLIT_FUNCTIONS = ((cooperations, "cooperation_apprentices"), (dashboard, "pair_overview"), (dashboard, "lf_matrix"),
                    (dashboard, "position_progress"), (dashboard, "record_book_summary"),
                    (dashboard, "absence_summary"), (dashboard, "pair_schedule"), (risks, "open_flags"),
                    (cases, "open_cases_of_pair"))


@contextmanager
def _timing(split: dict[str, list[float]] | None) -> Iterator[None]:
    """While active, every call of _SPLIT_FUNCTIONS adds its milliseconds to split[name]."""
    if split is None:
        yield
        return
    originals = [(module, name, getattr(module, name)) for module, name in _SPLIT_FUNCTIONS]

    def timed_version(name: str, function: Callable) -> Callable:
        def call(*args, **kwargs):
            started = perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                split.setdefault(name, []).append((perf_counter() - started) * 1000)
        return call

    for module, name, function in originals:
        setattr(module, name, timed_version(name, function))
    try:
        yield
    finally:
        for module, name, function in originals:
            setattr(module, name, function)


def timed_in_turn(actions: dict[str, Callable[[], object]], runs: int, warmup: int = WARMUP) -> dict[str, list[float]]:
    """timed() for several actions, one call of each per round."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for round_ in range(warmup + runs):
        for name, action in actions.items():
            started = perf_counter()
            action()
            if round_ >= warmup:
                times[name].append((perf_counter() - started) * 1000)
    return times


def dashboard_queries(db, user_id: UUID, coop: UUID, today: date, *, company_side: bool,
                      split: dict[str, list[float]] | None = None, my_cooperations: Callable | None = None) -> None:
    """Every query of one dashboard load, as pages/dashboard_page.py runs them: the user's pairs, then the pair's
    reads (services.dashboard.load_pair, one read transaction)."""
    with _timing(split):
        started = perf_counter()
        (my_cooperations or cooperations.my_cooperations)(db, user_id)
        if split is not None:
            split.setdefault("my_cooperations", []).append((perf_counter() - started) * 1000)
        load_pair(db, user_id, coop, today, company_side=company_side)


def owner_my_cooperations(db: OwnerDatabase, user_id: UUID) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, bench_sql.OWNER_MY_COOPERATIONS, {"user": user_id})


def calendar_feed(db: Database, user_id: UUID, today: date) -> int:
    """The calendar feed of a user with names (leokop.web.feed without HTTP and the token lookup): its bytes."""
    from leokop.repo import calendar_feeds
    from leokop.services import calendar

    start, end = calendar.window(today)
    events = calendar_feeds.events(db, user_id, start, end, with_names=True)
    calendar.etag(events, "leokop")
    return len(calendar.to_ics(events, "leokop"))


def largest_trainer(owner: OwnerDatabase) -> UUID:
    """The trainer whose companies train the most active apprentices (the longest feed of the generated data)."""
    with owner.user_tx(None) as conn:
        return conn.execute(
            "select m.user_id from public.memberships m join public.apprentices a on a.company_id = m.company_id"
            " and a.school_id = m.school_id and a.status = 'aktiv' where m.role = 'ausbilder' and m.active"
            " group by m.user_id order by count(*) desc, m.user_id limit 1").fetchone()["user_id"]


def apprentice_page(db: Database, user_id: UUID, apprentice_id: UUID) -> None:
    """The reads of pages/azubi_page.py for a teacher: services.apprentice.load_apprentice (one read-only
    transaction), then what its case section reads per case."""
    from leokop.services.apprentice import load_apprentice

    data = load_apprentice(db, user_id, apprentice_id)
    ids = data.cases["id"].tolist() if "id" in data.cases else []
    cases.comments_of(db, user_id, ids)
    cases.measures_of(db, user_id, ids)


def naive_dashboard(owner_url: str, coop: UUID, today: date) -> int:
    """What a first Streamlit app would do: read whole tables into pandas, then filter to the pair there."""
    with psycopg.connect(owner_url) as conn, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pandas prefers SQLAlchemy; a DBAPI connection works
        frames = {t: pd.read_sql(f"select * from public.{t}", conn) for t in bench_sql.NAIVE_TABLES}
    pair = frames["cooperations"].set_index("id").loc[coop]
    people = frames["apprentices"]
    mine = people[(people["school_id"] == pair["school_id"]) & (people["company_id"] == pair["company_id"])
                  & (people["status"] == "aktiv")]
    ids = set(mine["id"])
    lf = frames["lf_results"][frames["lf_results"]["apprentice_id"].isin(ids)]
    weeks = frames["record_weeks"][frames["record_weeks"]["apprentice_id"].isin(ids)]
    signed = weeks[weeks["status"] == "unterschrieben"].groupby("apprentice_id").size()
    absent = frames["absences"][frames["absences"]["apprentice_id"].isin(ids)]
    recent = absent[absent["absence_date"] > today - timedelta(days=90)]
    summary = recent.groupby("apprentice_id").agg(days=("id", "size"), lessons=("lessons", "sum"))
    return len(lf) + len(signed) + len(summary)


class Bench:
    def __init__(self, scale: Scale, database: str | None, runs: int, out: Callable[[str], None]) -> None:
        self.database = check_database_name(database or scale.database)
        self.meta = read_meta(self.database)
        self.owner_url = server_url(self.database)
        check_connection(self.owner_url)
        self.app_url = bench_app_url(self.database)
        self.runs, self.out = runs, out
        self.today = clock.today()
        self.coop = UUID(self.meta["cooperation_id"])
        self.teacher = UUID(self.meta["teacher"]["user_id"])
        self.trainer = UUID(self.meta["trainer"]["user_id"])
        self.result = Result(self.database, self.meta, machine(self.owner_url))

    def figure(self, name: str, times: list[float], **extra) -> None:
        self.result.add(name, times, **extra)
        self.out(self.result.line(name))

    def run(self, only: set[str] | None = None) -> Result:
        def want(name: str) -> bool:
            return only is None or name in only

        db = Database(self.app_url, max_size=4)
        owner = OwnerDatabase(self.owner_url)
        try:
            self._dashboards(db, owner, want)
            if want("apprentice_page"):
                aid = UUID(self.meta["apprentice_id"])
                self.figure("apprentice_page", timed(lambda: apprentice_page(db, self.teacher, aid), self.runs))
            if want("material_search"):
                self.figure("material_search", timed(lambda: materials.library(
                    db, self.teacher, self.coop, query=MATERIAL_QUERY), self.runs))
            if want("leadership_overview_largest_school"):
                leader = UUID(self.meta["leadership"]["user_id"])
                self.figure("leadership_overview_largest_school",
                            timed(lambda: leadership_page(db, leader), self.runs))
            feed_users = (("calendar_feed_trainer", largest_trainer(owner)), ("calendar_feed_teacher", self.teacher))
            for name, user in feed_users:
                if want(name):  # the route's work after the token lookup: read as the user, tag, render
                    self.figure(name, timed(lambda u=user: calendar_feed(db, u, self.today), self.runs))
            if want("statewide_totals"):
                self._statewide(owner)
            self._imports(db, want)
            self._risks(want)
        finally:
            db.close()
            owner.close()
        for name, sessions, rounds in (("page_script_run", 1, self.runs), ("concurrent_sessions_20", 20, 3)):
            if want(name):
                self._sessions(name, sessions, rounds)
        if want("dashboard_naive_pandas"):
            self.figure("dashboard_naive_pandas",
                        timed(lambda: naive_dashboard(self.owner_url, self.coop, self.today), 3, warmup=0))
        self.result.derive()
        return self.result

    def _dashboards(self, db: Database, owner: OwnerDatabase, want) -> None:
        """Teacher, trainer and owner take turns run by run, so that a slower minute of the machine weighs on all
        three alike and their ratio (RLS / owner) stays comparable."""
        loads = {}
        for name, user, conn, mine, company_side in (
                ("dashboard_queries_teacher", self.teacher, db, None, False),
                ("dashboard_queries_trainer", self.trainer, db, None, True),
                ("dashboard_queries_owner", self.teacher, owner, owner_my_cooperations, False)):
            if want(name):
                split: dict[str, list[float]] = {}

                def load(u=user, c=conn, m=mine, side=company_side, s=split) -> None:
                    dashboard_queries(c, u, self.coop, self.today, company_side=side, split=s, my_cooperations=m)
                loads[name] = (load, split)
        times = timed_in_turn({name: load for name, (load, _) in loads.items()}, self.runs)
        for name, (_, split) in loads.items():
            self.figure(name, times[name], queries={q: v[WARMUP:] for q, v in split.items()})

    def _statewide(self, owner: OwnerDatabase) -> None:
        """The state-wide totals as the state initiative reads them: the snapshot of every leadership aggregate over
        all schools (app_leadership.statewide()); computing it (`leadership refresh`) is timed once beside it."""
        with owner.user_tx(None) as conn:
            started = perf_counter()
            leadership.refresh_statewide(conn)
            refresh_ms = round((perf_counter() - started) * 1000, 1)

        def read() -> None:
            with owner.user_tx(None) as conn:
                leadership.statewide(conn)

        self.figure("statewide_totals", timed(read, self.runs), refresh_ms=refresh_ms)

    def _imports(self, db: Database, want) -> None:
        """A school's export of 2,000 apprentices (leokop.scale.import_sample, all new) imported into the largest
        school by its admin under RLS: the preview, and the apply in a transaction that is rolled back afterwards (so
        that every run imports the same file into the same data)."""
        from leokop.services.imports import flow
        from leokop.services.imports.fields import recognise
        from leokop.services.imports.reading import read_table

        if not (want("import_2000_preview") or want("import_2000_apply")):
            return
        school = UUID(self.meta["school_id"])
        with psycopg.connect(self.owner_url) as conn:
            admin = conn.execute("select user_id from public.memberships where role = 'admin' and school_id = %s"
                                 " and active order by user_id limit 1", (school,)).fetchone()[0]
        data = sample_csv(IMPORT_APPRENTICES, today=self.today, prefix="BENCH")

        def plan(step):
            table = read_table("bench.csv", data)
            return step(lambda: undone(db, admin), school, table, recognise(table.headers), self.today)

        for name, step in (("import_2000_preview", flow.preview), ("import_2000_apply", flow.apply)):
            if want(name):
                self.figure(name, timed(lambda step=step: plan(step), min(self.runs, 5), warmup=1),
                            apprentices=IMPORT_APPRENTICES, bytes=len(data))

    def _risks(self, want) -> None:
        """The stored early-warning flags: recompute for everyone (as `risks recompute` does, in batches) and for
        one apprentice (what a save triggers), through services.early_warning with the service role."""
        worker = Database(bench_worker_url(self.database), max_size=2)
        try:
            if want("risk_recompute_all"):
                done = []
                self.figure("risk_recompute_all", timed(lambda: done.append(refresh_risks(worker, None, self.today)),
                                                        min(self.runs, 3), warmup=0), apprentices=done[-1])
            if want("risk_one_apprentice"):
                aid = UUID(self.meta["apprentice_id"])
                self.figure("risk_one_apprentice", timed(lambda: refresh_risks(worker, [aid], self.today), self.runs))
        finally:
            worker.close()

    def _sessions(self, name: str, sessions: int, rounds: int) -> None:
        """AppTest runs in a child process, so that its memory is the app's alone."""
        command = [sys.executable, "-m", "leokop.scale.sessions", "--database", self.database,
                   "--sessions", str(sessions), "--rounds", str(rounds)]
        done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, env=os.environ.copy())
        if done.returncode != 0:
            raise SetupError(f"{name}: the AppTest runner failed:\n{done.stderr[-2000:]}")
        found = json.loads(done.stdout.strip().splitlines()[-1])
        self.figure(name, found.pop("runs_ms"), **found)


class _Undo(Exception):
    """Raised at the end of an `undone` block to roll its transaction back."""


@contextmanager
def undone(db: Database, user_id: UUID) -> Iterator[psycopg.Connection]:
    """A transaction as the user (Database.user_tx) that is rolled back at the end, whatever happened in it."""
    try:
        with db.user_tx(user_id) as conn:
            yield conn
            raise _Undo
    except _Undo:
        pass


def leadership_page(db: Database, user_id: UUID) -> None:
    """Every repository call of the leadership page for the user's (first) school, current school year, no
    filters: as one page view after a filter change (the page's 60 s cache not counted)."""
    school = leadership.schools(db, user_id).iloc[0]
    year = int(school["current_school_year"])
    leadership.filter_options(db, user_id, school["school_id"], year)
    leadership.figures(db, user_id, leadership.Filters(school["school_id"], year))


def cpu_probe_ms() -> float:
    """Milliseconds of a fixed pure-Python loop (a million additions), best of three: how fast this machine's CPU is
    at the moment. The bench records it before and after, so that runs taken in different minutes can be compared
    (on 2026-12-03 the same machine took 180–240 ms, and the owner's dashboard moved 22 -> 32 ms with it)."""
    best = float("inf")
    for _ in range(3):
        started = perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i
        best = min(best, (perf_counter() - started) * 1000)
    return round(best, 1)


def machine(owner_url: str) -> dict:
    with psycopg.connect(owner_url) as conn:
        version = conn.execute("show server_version").fetchone()[0]
        settings = dict(conn.execute(
            "select name, current_setting(name) from pg_settings where name in"
            " ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'random_page_cost')").fetchall())
        size = conn.execute("select pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
    return {"cpus": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "postgresql": version, "postgresql_settings": settings, "database_size": size,
            "python": platform.python_version(), "date": date.today().isoformat(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()], "cpu_probe_ms_at_start": cpu_probe_ms()}


def read_baseline(path: str) -> dict:
    """An earlier run's JSON (`--json`), checked enough that printing it beside this run cannot fail."""
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SetupError(f"--baseline {path}: not a benchmark JSON written by --json ({type(exc).__name__}).") from None
    figures = data.get("figures") if isinstance(data, dict) else None
    if not isinstance(figures, dict) or not all(
            isinstance(v, dict) and all(isinstance(v.get(k, 0), int | float) for k in ("median_ms", "ratio"))
            for v in figures.values()):
        raise SetupError(f"--baseline {path}: not a benchmark JSON written by --json (no figures).")
    return data


def run_bench(scale: Scale, *, database: str | None = None, runs: int = 30, json_path: str | None = None,
              baseline: str | None = None, only: str | None = None, explain: str | None = None,
              out: Callable[[str], None] = print) -> Result | None:
    """Measure, print the table (next to a baseline JSON when given) and write the JSON when asked."""
    if runs < 1:
        raise SetupError("--runs must be at least 1.")
    base = read_baseline(baseline) if baseline else None  # a wrong file stops before the minutes of measuring
    bench = Bench(scale, database, runs, out)
    if explain:
        from leokop.scale.explain import explain_dashboard

        plans = explain_dashboard(bench.owner_url, bench.meta, bench.today, trainer=explain == "trainer")
        for name, ms, plan in sorted(plans, key=lambda p: -p[1]):
            out(f"=== {name} ({ms:.1f} ms) ===\n{plan}\n")
        return None
    out(f"{bench.database}: {bench.meta.get('pair_apprentices')} apprentices in the benchmark pair, "
        f"{runs} runs per figure")
    result = bench.run({n.strip() for n in only.split(",")} if only else None)
    result.machine["cpu_probe_ms_at_end"] = cpu_probe_ms()
    out(f"CPU probe (a million Python additions, best of 3): {result.machine['cpu_probe_ms_at_start']} ms before,"
        f" {result.machine['cpu_probe_ms_at_end']} ms after")
    out("")
    out(result.table(base))
    out("")
    out(result.query_table())
    if json_path:
        result.write(Path(json_path))
        out(f"\nfigures written to {json_path}")
    return result
