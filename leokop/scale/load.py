"""Streaming COPY with per-table timing, and the load of a whole synthetic state in foreign-key order.

Master data loads first, one table after the other. The activity tables depend only on it, so they load as jobs
on two connections at once (the longest first; record_weeks in two halves): most of the time goes into the
per-row foreign-key checks and index inserts of the server, and this machine has two cores.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from time import perf_counter

import psycopg

from leokop.demo.privacy import load_privacy
from leokop.demo.seed import DEMO_PASSWORD
from leokop.scale import rows_cases as work
from leokop.scale import rows_master as master
from leokop.scale import rows_materials as shared
from leokop.scale import rows_planning as planning
from leokop.scale import rows_progress as progress
from leokop.scale import rows_weekly as weekly
from leokop.scale.calendar import Calendar
from leokop.scale.copytext import Days
from leokop.scale.model import Model
from leokop.services.passwords import hash_password

# Tables whose secondary indexes are dropped for the load and built afterwards (each an index of the signed weeks,
# which neither a trigger nor a foreign-key check reads): building an index from sorted rows is far cheaper than
# inserting millions of random UUID keys into it one row at a time. Keys of constraints stay (they are checks).
DEFERRED_INDEX_TABLES = ("record_weeks",)
BATCH_ROWS = 250_000  # rows per COPY statement and commit: keeps the queue of foreign-key checks small
WRITE_CHARS = 1 << 20  # characters per write to the server
WORKERS = 2

COLUMNS = {
    "occupations": ("id", "code", "name", "regulation", "duration_months"),
    "learning_fields": ("id", "occupation_id", "code", "title", "hours", "school_year", "track", "sort_order"),
    "training_positions": ("id", "occupation_id", "number", "title", "section", "sort_order"),
    "schools": ("id", "name", "school_number", "city", "state"),
    "school_holidays": ("id", "state", "name", "starts_on", "ends_on"),
    "companies": ("id", "name", "city", "chamber", "sector"),
    "cooperations": ("id", "school_id", "company_id", "since", "active"),
    "classes": ("id", "school_id", "occupation_id", "name", "start_year", "schedule"),
    "app_users": ("id", "username", "display_name", "email", "active"),
    "user_credentials": ("user_id", "password_hash"),
    "memberships": ("id", "user_id", "role", "school_id", "class_id", "company_id", "cooperation_id"),
    "apprentices": ("id", "first_name", "last_name", "birth_date", "school_id", "class_id", "company_id",
                    "occupation_id", "track", "contract_start", "contract_end", "probation_end", "status",
                    "dissolved_on"),
    "release_settings": ("school_id", "share_grades", "share_absences", "share_teacher_notes", "updated_by"),
    "release_overrides": ("apprentice_id", "share_grades", "updated_by"),
    "exams": ("id", "class_id", "kind", "starts_on", "ends_on"),
    "school_blocks": ("id", "class_id", "starts_on", "ends_on", "note", "created_by"),
    "lf_grade_history": ("apprentice_id", "learning_field_id", "grade", "graded_on", "recorded_by", "recorded_at"),
    "lf_results": ("id", "apprentice_id", "learning_field_id", "status", "grade", "graded_on", "updated_at",
                   "updated_by"),
    "position_ratings": ("id", "apprentice_id", "training_position_id", "level", "comment", "updated_at",
                         "updated_by"),
    "record_weeks": ("id", "apprentice_id", "week_start", "status", "submitted_at", "trainer_comment", "decided_at",
                     "decided_by"),
    "absences": ("id", "apprentice_id", "absence_date", "lessons", "excused", "excuse_state", "excuse_comment",
                 "proposed_by", "proposed_at", "recorded_by", "recorded_at"),
    "company_phases": ("id", "apprentice_id", "title", "department", "starts_on", "ends_on", "created_by",
                       "created_at"),
    "notes": ("id", "apprentice_id", "author_id", "place", "body", "created_at"),
    "joint_dates": ("id", "cooperation_id", "title", "on_date", "created_by", "created_at"),
    "concerns": ("id", "apprentice_id", "place", "kind", "body", "raised_by", "raised_at", "resolved_at",
                 "resolved_by"),
    "risk_cases": ("id", "apprentice_id", "title", "severity", "status", "responsible_id", "opened_by", "opened_at",
                   "closed_at", "closing_reason"),
    "case_comments": ("id", "case_id", "author_id", "place", "body", "created_at"),
    "case_measures": ("id", "case_id", "kind", "description", "due_on", "done_at", "created_by", "created_at"),
    "materials": ("id", "cooperation_id", "school_id", "occupation_id", "scope", "class_id", "kind", "title",
                  "description", "url", "tags", "current_version", "owner_id", "created_at"),
    "material_versions": ("id", "material_id", "number", "filename", "mime", "size_bytes", "sha256", "storage_key",
                          "created_at"),
    "material_learning_fields": ("material_id", "learning_field_id", "occupation_id"),
}


class Timings:
    """Rows and wall-clock span per table, shared by the loaders of all connections."""

    def __init__(self, out: Callable[[str], None]) -> None:
        self.out, self.lock = out, threading.Lock()
        self.rows: dict[str, int] = {}
        self.spans: dict[str, tuple[float, float]] = {}

    def record(self, label: str, rows: int, started: float) -> None:
        ended = perf_counter()
        with self.lock:
            self.rows[label] = self.rows.get(label, 0) + rows
            first, _last = self.spans.get(label, (started, ended))
            self.spans[label] = (min(first, started), ended)
            seconds = ended - self.spans[label][0]
        self.out(f"  {label:<28} {self.rows[label]:>12,} rows {seconds:>9.1f} s")

    @property
    def seconds(self) -> dict[str, float]:
        return {label: round(end - start, 2) for label, (start, end) in self.spans.items()}


class Loader:
    """COPY text into tables as the owner on one connection."""

    def __init__(self, conn: psycopg.Connection, timings: Timings) -> None:
        self.conn, self.timings = conn, timings

    def copy(self, table: str, blocks: Iterable[str], columns: Sequence[str] | None = None, *,
             commit: bool = True) -> None:
        """COPY text `blocks` (each one or more whole lines) into the table, in statements of about BATCH_ROWS.

        commit=False leaves the transaction open, for tables whose deferred checks need the next table's rows."""
        started = perf_counter()
        statement = f"copy public.{table} ({', '.join(columns or COLUMNS[table])}) from stdin"
        rows, source, more = 0, iter(blocks), True
        with self.conn.cursor() as cur:
            while more:
                more, in_statement = False, 0
                with cur.copy(statement) as copy:
                    buffer: list[str] = []
                    size = 0
                    for block in source:
                        buffer.append(block)
                        size += len(block)
                        if size >= WRITE_CHARS:
                            in_statement += self._write(copy, buffer)
                            size = 0
                            if in_statement >= BATCH_ROWS:
                                more = True
                                break
                    in_statement += self._write(copy, buffer)
                if commit:
                    self.conn.commit()
                rows += in_statement
        self.timings.record(table, rows, started)

    @staticmethod
    def _write(copy: psycopg.Copy, buffer: list[str]) -> int:
        text = "".join(buffer)
        buffer.clear()
        if text:
            copy.write(text)
        return text.count("\n")

    def execute(self, label: str, sql: str, params=None) -> None:
        started = perf_counter()
        cur = self.conn.execute(sql, params)
        self.conn.commit()
        self.timings.record(label, max(cur.rowcount, 0), started)


def _connect(url: str) -> psycopg.Connection:
    conn = psycopg.connect(url)
    conn.execute("set synchronous_commit = off")
    conn.commit()
    return conn


def load_state(url: str, m: Model, out: Callable[[str], None], materials: int | None = None) -> Timings:
    """Fill the migrated, empty database with the model's state and its three school years of activity
    (and `materials` shared materials; default rows_materials.count)."""
    timings = Timings(out)
    cat = master.catalog(m)
    days = Days(date(1980, 1, 1), date(m.year + 6, 12, 31))
    with _connect(url) as conn:
        loaded_since = conn.execute("select now()").fetchone()[0]
        conn.commit()
        cal, plan = _load_master(Loader(conn, timings), m, cat, days)
    school_days = plan.school_day_matrix(m, cal)

    def lf(load: Loader) -> None:
        load.copy("lf_grade_history", progress.lf_rows(m, cat, days, history=True))
        load.copy("lf_results", progress.lf_rows(m, cat, days, history=False))
        # the history trigger stamped the current grades with the load time: date them to the day they were given
        load.execute("lf_grade_history (dated)",
                     "update public.lf_grade_history set recorded_at = least(now(), (graded_on + time '15:00')"
                     " at time zone 'Europe/Berlin') where recorded_at >= %s", (loaded_since,))

    def early_warning(load: Loader) -> None:
        found = work.cases(m)
        load.copy("concerns", work.concern_rows(m, days))
        load.copy("risk_cases", work.case_rows(m, found, days))
        load.copy("case_comments", work.comment_rows(m, found, days))
        load.copy("case_measures", work.measure_rows(m, found, days))

    def shared_materials(load: Loader) -> None:
        # one transaction: a file material without a version is refused at commit (sql/015)
        drawn = shared.draw(m, shared.count(m) if materials is None else materials)
        load.copy("materials", shared.material_rows(m, cat, drawn, days), commit=False)
        load.copy("material_versions", shared.version_rows(m, drawn, days), commit=False)
        load.copy("material_learning_fields", shared.learning_field_rows(m, cat, drawn))

    jobs = [
        *[lambda load, p=p: load.copy("record_weeks", weekly.record_week_rows(m, days, p, WORKERS))
          for p in range(WORKERS)],
        lf,
        lambda load: load.copy("position_ratings", progress.rating_rows(m, cat, days)),
        lambda load: load.copy("absences", weekly.absence_rows(m, cal, school_days, days)),
        lambda load: load.copy("company_phases", planning.company_phase_rows(m, days)),
        lambda load: load.copy("notes", progress.note_rows(m, days)),
        lambda load: load.copy("joint_dates", planning.joint_date_rows(m, cal, days)),
        early_warning,
        shared_materials,
    ]

    def run(job) -> None:
        with _connect(url) as conn:
            job(Loader(conn, timings))

    with _connect(url) as conn:
        deferred = _drop_secondary_indexes(conn, DEFERRED_INDEX_TABLES)
    with ThreadPoolExecutor(WORKERS) as pool:
        for future in [pool.submit(run, job) for job in jobs]:
            future.result()
    _build_indexes(url, deferred, timings)
    with psycopg.connect(url, autocommit=True) as conn:
        Loader(conn, timings).execute("vacuum (analyze)", "vacuum (analyze)")
    return timings


def _drop_secondary_indexes(conn: psycopg.Connection, tables: Sequence[str]) -> list[tuple[str, str]]:
    """Drop the indexes of these tables that back no constraint; return (name, definition) to build them again."""
    found = conn.execute(
        """
        select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
        from pg_index i
        join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = 'public' and t.relname = any (%s)
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
        order by 1
        """, (list(tables),)).fetchall()
    for name, _definition in found:
        conn.execute(f"drop index {name}")
    conn.commit()
    return found


def _build_indexes(url: str, indexes: list[tuple[str, str]], timings: Timings) -> None:
    """Build the dropped indexes again, on two connections at once, with the memory to sort in one pass."""
    def build(definition: str) -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("set maintenance_work_mem = '512MB'")
            conn.execute(definition)

    started = perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        for future in [pool.submit(build, definition) for _name, definition in indexes]:
            future.result()
    timings.record("indexes (after the load)", len(indexes), started)


def _load_master(load: Loader, m: Model, cat: master.Catalog, days: Days) -> tuple[Calendar, planning.Plan]:
    """Master data, users and apprentices in foreign-key order; returns the calendar and the class plans."""
    conn = load.conn
    load.copy("occupations", master.occupation_rows(cat))
    load.copy("learning_fields", master.learning_field_rows(cat))
    load.copy("training_positions", master.position_rows(cat))
    load.copy("schools", master.school_rows(m))
    existing = {r[0] for r in conn.execute("select starts_on from public.school_holidays where state = 'Hessen'")}
    load.copy("school_holidays", master.holiday_rows(existing))
    load.copy("companies", master.company_rows(m))
    load.copy("cooperations", master.cooperation_rows(m, days))
    holidays = conn.execute("select starts_on, ends_on from public.school_holidays where state = 'Hessen'").fetchall()
    cal = Calendar(date(m.year - 2, 7, 1), date(m.year + 5, 12, 31), holidays)
    plan = planning.plan(m, cal)
    class_columns = [c[0] for c in conn.execute(
        "select column_name from information_schema.columns where table_schema = 'public' and table_name = 'classes'")]
    with_days = "school_days_per_week" in class_columns  # the early-warning migration adds it
    load.copy("classes", master.class_rows(m, cat, plan.teilzeit if with_days else None),
              COLUMNS["classes"] + (("school_days_per_week",) if with_days else ()))
    load.copy("app_users", master.user_rows(m))
    load.copy("user_credentials", master.credential_rows(m, hash_password(DEMO_PASSWORD)))
    load.copy("memberships", master.membership_rows(m))
    load.copy("apprentices", master.apprentice_rows(m, cat, days))
    load.copy("release_settings", master.release_setting_rows(m))
    load.copy("release_overrides", master.release_override_rows(m))
    load.copy("exams", planning.exam_rows(m, plan, days))
    load.copy("school_blocks", planning.school_block_rows(m, plan, days))
    # terms accepted by every trainer and a consent per apprentice (sql/016): without them no trainer sees anything
    started = perf_counter()
    load_privacy(conn, date(m.year - 3, 7, 1))
    conn.commit()
    load.timings.record("terms, acceptances, consents", 0, started)
    return cal, plan
