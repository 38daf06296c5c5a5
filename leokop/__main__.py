"""Command line: python -m leokop db start|stop|url|migrate|seed-demo|reset|setup|backup|restore|schema, serve,
generate, bench and privacy purge."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from datetime import date
from pathlib import Path

from leokop import clock
from leokop.config import PROJECT_ROOT, load_settings
from leokop.db import embedded
from leokop.db.errors import SetupError
from leokop.db.locate import check_connection, owner_url
from leokop.db.migrate import migrate
from leokop.processes import haproxy_binary
from leokop.processes import run as run_processes


def _db_start(_args) -> None:
    settings = load_settings()
    if settings.database_url:
        check_connection(settings.database_url)
        print("DATABASE_URL is set; using that server, nothing to start.")
        return
    print(embedded.start(settings.data_dir, settings.db_port))


def _db_stop(_args) -> None:
    settings = load_settings()
    print("stopped" if embedded.stop(settings.data_dir) else "not running")


def _db_url(_args) -> None:
    print(owner_url())


def _db_migrate(_args) -> None:
    url = owner_url(start=True)
    check_connection(url)
    applied = migrate(url, load_settings().sql_dir)
    print(f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else "; up to date"))
    _sync_calendar(url)


def _sync_calendar(url: str) -> int:
    """The holidays of every state from the `holidays` package into the database (decision 86)."""
    import psycopg

    from leokop.services.school_calendar import sync_all

    with psycopg.connect(url) as conn, conn.transaction():
        return sync_all(conn, clock.today())


def _calendar_sync(_args) -> None:
    from leokop.services.school_calendar import STATE_CODES

    url = owner_url(start=True)
    check_connection(url)
    print(f"school calendar: {_sync_calendar(url)} holiday periods of {len(STATE_CODES)} states from the holidays "
          f"package")


def _db_seed_demo(args) -> None:
    from leokop.demo.seed import seed_demo

    url = owner_url(start=True)
    check_connection(url)
    done = seed_demo(url, only_if_empty=not args.force)
    if done:
        _recompute_risks(url)
    print("demo data loaded" if done else "database already holds data; demo data not loaded (use --force)")


def _db_setup(_args) -> None:
    """Start (embedded), migrate and load the demo data into an empty database: what `make run` needs."""
    from leokop.demo.seed import seed_demo

    settings = load_settings()
    url = owner_url(settings, start=True)
    check_connection(url)
    migrate(url, settings.sql_dir)
    seeded = settings.demo_data and seed_demo(url, only_if_empty=True)  # the demo load syncs the calendar first
    if seeded:
        _recompute_risks(url)
    else:
        _sync_calendar(url)
    print("database ready" + (" (demo data loaded)" if seeded else ""))


def _db_reset(args) -> None:
    from leokop.db.reset import reset

    url = owner_url(start=True)
    if load_settings().database_url and not args.yes:
        raise SetupError("Refusing to reset a database given by DATABASE_URL without --yes.")
    reset(url)
    print("database emptied; run `python -m leokop db setup` to migrate and load the demo data")


def _db_backup(args) -> None:
    from leokop.db.backup import backup

    url = owner_url(start=True)
    check_connection(url)
    done = backup(url, Path(args.file))
    print(f"backup written: {done.path} ({_size(done.size)}, {done.tables} tables, migration {done.migration})"
          f" in {done.seconds:.1f} s")


def _db_schema(args) -> None:
    """The schema that the migrations produce (in a scratch database on the server), printed or --write'n to
    docs/schema.sql."""
    from leokop.db.schema_file import SCHEMA_FILE, migrated_schema

    url = owner_url(start=True)
    check_connection(url)
    text = migrated_schema(url, load_settings().sql_dir)
    if args.write:
        SCHEMA_FILE.write_text(text, encoding="utf-8")
        print(f"written: {SCHEMA_FILE} ({len(text.splitlines())} lines)")
    else:
        print(text, end="")


def _db_restore(args) -> None:
    from leokop.db.backup import restore

    url = owner_url(start=True)
    check_connection(url)
    done = restore(url, Path(args.file), replace=args.replace, sql_dir=load_settings().sql_dir,
                   checksum=not args.no_checksum)
    print(f"restored {done.path} ({_size(done.size)}, {done.tables} tables, migration {done.backup_migration})"
          f" into database {done.database}" + (", replacing its previous data" if done.replaced else "")
          + f" in {done.seconds:.1f} s")
    print("checksum verified (SHA-256 of the whole archive)" if done.checked
          else "checksum not checked (--no-checksum): only pg_restore's own checks")
    print((f"applied {len(done.applied)} migration(s) after the restore: " + ", ".join(done.applied))
          if done.applied else "schema up to date; no migration to apply")
    if done.left_out:
        print("left out (not the app's): " + ", ".join(done.left_out))


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.1f} kB"


def _recompute_risks(url: str, apprentice_ids: list | None = None) -> int:
    """Evaluate the risk rules for these apprentices (None: every one) and store the flags (the same code as after
    a change)."""
    from leokop.db.locate import worker_url
    from leokop.db.session import Database
    from leokop.services.early_warning import refresh

    db = Database(worker_url(url), max_size=2)
    try:
        return refresh(db, apprentice_ids)
    finally:
        db.close()


def _risks_recompute(_args) -> None:
    import time

    url = owner_url()
    check_connection(url)
    started = time.perf_counter()
    done = _recompute_risks(url)
    print(f"risk flags recomputed for {done} apprentices in {time.perf_counter() - started:.1f} s")


def _privacy_purge(args) -> None:
    """Anonymise the apprentices past their school's retention period (with --dry-run: only list them)."""
    import psycopg

    from leokop.repo.retention import purge

    url = owner_url()
    check_connection(url)
    today = args.today or clock.today()
    with psycopg.connect(url) as conn, conn.transaction():
        found = purge(conn, today, dry_run=args.dry_run)
    # ids, school, class and dates only: the list may end up in a job log, so no names
    for item in found:
        print(f"{item.apprentice_id}  {item.school}  {item.class_name}  ended {item.ended_on.isoformat()}"
              f"  ({item.months} months)")
    verb = "would be anonymised" if args.dry_run else "anonymised"
    print(f"{len(found)} apprentice(s) {verb} (retention as of {today.isoformat()})")

def _leadership_refresh(args) -> None:
    """Compute the state-wide leadership figures of a school year into their snapshot (owner rights)."""
    import time

    import psycopg

    from leokop.repo.leadership import refresh_statewide

    url = owner_url()
    check_connection(url)
    started = time.perf_counter()
    with psycopg.connect(url) as conn:
        done = refresh_statewide(conn, args.school_year)
    print(f"state-wide leadership figures refreshed ({done} figures) in {time.perf_counter() - started:.1f} s")


def _import(args) -> None:
    """Import a school's export (LUSD, WebUntis, Magellan, SchILD: CSV, TXT or XLSX) as the owner, in one
    transaction; with --dry-run only the preview. Refused rows are listed with line, column and German reason."""
    import psycopg

    from leokop.repo import imports as repo
    from leokop.services.imports import flow
    from leokop.services.imports.fields import from_profile, recognise
    from leokop.services.imports.reading import FileRefused, read_table

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SetupError(f"Die Datei {path} lässt sich nicht lesen ({exc.strerror or type(exc).__name__}).") from None
    url = owner_url()
    check_connection(url)
    today = clock.today()
    try:
        table = read_table(path.name, data)
        with psycopg.connect(url) as conn:
            schools = repo.find_school(conn, args.school)
            if len(schools) != 1:
                raise SetupError(f"Schule „{args.school}“ {'ist mehrdeutig' if schools else 'gibt es nicht'}:"
                                 " bitte den Namen wie in der App, die Schulnummer oder die Id angeben.")
            school_id, school_name = schools[0]
            profiles = repo.profiles_in(conn, school_id)
        if args.profile is not None and args.profile not in profiles:
            raise SetupError(f"Das Importprofil „{args.profile}“ gibt es für {school_name} nicht"
                             + (f" (vorhanden: {', '.join(profiles)})." if profiles else "."))
        fields = (from_profile(table.headers, profiles[args.profile]) if args.profile is not None
                  else recognise(table.headers))

        def transaction():
            return _owner_transaction(url)

        if args.dry_run:
            plan, run_id = flow.preview(transaction, school_id, table, fields, today), None
        else:
            result = flow.apply(transaction, school_id, table, fields, today)
            plan, run_id = result.plan, result.run_id
            if result.apprentice_ids:
                _recompute_risks(url, result.apprentice_ids)
    except (FileRefused, flow.MappingRefused) as exc:
        raise SetupError(" ".join(str(a) for a in exc.args)) from None
    print(f"{path.name}: {table.file_format}, {plan.rows} rows, for {school_name}")
    print("columns: " + ", ".join(f"{h} -> {f or '-'}" for h, f in zip(table.headers, fields, strict=True)))
    for kind, counts in plan.summary().items():
        print(f"  {kind:<13} {counts['created']:>6} created {counts['updated']:>6} updated"
              f" {counts['unchanged']:>6} unchanged")
    for problem in plan.refused:
        print(f"  refused: line {problem.line}" + (f", column {problem.column}" if problem.column else "")
              + f": {problem.reason}")
    if plan.missing:
        print(f"  {len(plan.missing)} active apprentice(s) of the school are not in the file (kept, not deleted)")
    print(f"{plan.refused_rows} row(s) refused; " + ("dry run, nothing written" if args.dry_run
                                                     else f"applied as import {run_id}"))


def _owner_transaction(url: str):
    """A transaction on a new owner connection (the command line's import)."""
    from contextlib import contextmanager

    import psycopg

    @contextmanager
    def transaction():
        with psycopg.connect(url) as conn, conn.transaction():
            conn.execute("select set_config('leokop.today', %s, true)", (clock.today().isoformat(),))
            yield conn
    return transaction()


def _serve(args) -> None:
    """Prepare the database, then replace this process with Streamlit; with --workers, run N Streamlit processes
    behind HAProxy on the port (leokop/processes.py) until SIGINT/SIGTERM."""
    if _port_taken(args.address, args.port):
        raise SetupError(
            f"Port {args.port} on {args.address} is already in use (is leokop already running?). "
            f"Stop that program or choose another port: make run PORT=8502"
        )
    if args.workers is not None:
        haproxy_binary()  # a missing HAProxy stops before the database is touched
    _db_setup(args)
    if args.workers is not None:
        code = run_processes(args.workers, args.address, args.port,
                             cookie_secret=load_settings().cookie_secret)
        if code:
            raise SystemExit(code)
        return
    os.chdir(PROJECT_ROOT)
    os.execvp(
        sys.executable,
        [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(args.port),
         "--server.address", args.address, "--server.headless", "true"],
    )


def _generate(args) -> None:
    """Drop, create, migrate and fill a leokop_bench_* database with synthetic data (see docs/benchmarks.md)."""
    from leokop.scale.generate import generate
    from leokop.scale.params import parse_scale

    generate(parse_scale(args.scale), database=args.database, seed=args.seed, today=args.today,
             materials=args.materials)


def _bench(args) -> None:
    """Time the data layer, the pages and 20 sessions on a generated database."""
    from leokop.scale.bench import run_bench
    from leokop.scale.params import parse_scale

    run_bench(parse_scale(args.scale), database=args.database, runs=args.runs, json_path=args.json,
              baseline=args.baseline, only=args.only, explain=args.explain)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a whole number of at least 1 is expected: {text!r}")
    return int(text)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _port_taken(address: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((address, port)) == 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m leokop")
    sub = parser.add_subparsers(dest="command", required=True)
    db = sub.add_parser("db", help="the database").add_subparsers(dest="db_command", required=True)
    db.add_parser("start", help="start the embedded server (no-op with DATABASE_URL)").set_defaults(func=_db_start)
    db.add_parser("stop", help="stop the embedded server").set_defaults(func=_db_stop)
    db.add_parser("url", help="print the URL of the running database").set_defaults(func=_db_url)
    db.add_parser("migrate", help="apply pending migrations").set_defaults(func=_db_migrate)
    seed = db.add_parser("seed-demo", help="load the demo data into an empty database")
    seed.add_argument("--force", action="store_true", help="load even when data exists (adds nothing twice)")
    seed.set_defaults(func=_db_seed_demo)
    db.add_parser("setup", help="start, migrate and seed an empty database").set_defaults(func=_db_setup)
    reset = db.add_parser("reset", help="drop everything in the database")
    reset.add_argument("--yes", action="store_true", help="confirm a reset of a DATABASE_URL server")
    reset.set_defaults(func=_db_reset)
    backup = db.add_parser("backup", help="write a backup of the database (pg_dump custom format) to FILE")
    backup.add_argument("file", metavar="FILE")
    backup.set_defaults(func=_db_backup)
    schema = db.add_parser("schema", help="print the schema the migrations produce (or --write it to docs/schema.sql)")
    schema.add_argument("--write", action="store_true", help="write it to docs/schema.sql instead")
    schema.set_defaults(func=_db_schema)
    restore = db.add_parser("restore", help="restore a backup into an empty database, then migrate it")
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--replace", action="store_true", help="drop the app's schemas first (one transaction)")
    restore.add_argument("--no-checksum", action="store_true",
                         help="restore a file without the checksum line of `db backup` (a backup of an older leokop)")
    restore.set_defaults(func=_db_restore)
    calendar = sub.add_parser("calendar", help="the school calendar").add_subparsers(dest="calendar_command",
                                                                                  required=True)
    calendar.add_parser("sync", help="write every state's holidays from the holidays package (e.g. nightly)"
                        ).set_defaults(func=_calendar_sync)
    risks = sub.add_parser("risks", help="early-warning flags").add_subparsers(dest="risks_command", required=True)
    risks.add_parser("recompute", help="evaluate the rules for everyone").set_defaults(func=_risks_recompute)
    privacy = sub.add_parser("privacy", help="data protection").add_subparsers(dest="privacy_command", required=True)
    purge = privacy.add_parser("purge", help="anonymise apprentices past the retention period")
    purge.add_argument("--dry-run", action="store_true", help="only list who would be anonymised")
    purge.add_argument("--today", type=_day, help="the day the retention is counted from (default: today)")
    purge.set_defaults(func=_privacy_purge)
    lead = sub.add_parser("leadership", help="school leadership figures").add_subparsers(dest="leadership_command",
                                                                                          required=True)
    refresh = lead.add_parser("refresh", help="compute the state-wide totals of a school year (e.g. nightly)")
    refresh.add_argument("--school-year", type=int, help="the year it began in, e.g. 2026 (default: the current)")
    refresh.set_defaults(func=_leadership_refresh)
    imp = sub.add_parser("import", help="import a school's pupils, classes, companies and trainers (CSV, TXT, XLSX)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--school", required=True, help="the school's name as shown in the app, its number or its id")
    imp.add_argument("--profile", help="a saved import profile of the school (default: recognise the headers)")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.set_defaults(func=_import)
    serve = sub.add_parser("serve", help="prepare the database and start the app")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="127.0.0.1")
    serve.add_argument("--workers", type=_positive, default=None, metavar="N",
                       help="N Streamlit processes behind HAProxy (Debian package haproxy) on --port")
    serve.set_defaults(func=_serve)
    generate = sub.add_parser("generate", help="create a leokop_bench_* database with synthetic data (drop + create)")
    generate.add_argument("--scale", required=True, help="hessen, germany, demo, or a number of apprentices")
    generate.add_argument("--database", help="database name (default leokop_bench_<scale>)")
    generate.add_argument("--seed", type=int, default=2026, help="same seed and day, same data (default 2026)")
    generate.add_argument("--today", type=_day, help="the day the data is generated for (default: today)")
    generate.add_argument("--materials", type=int, help="number of shared materials (default 1.1 per apprentice)")
    generate.set_defaults(func=_generate)
    bench = sub.add_parser("bench", help="benchmark a generated database")
    bench.add_argument("--scale", default="hessen", help="the scale it was generated with (default hessen)")
    bench.add_argument("--database", help="database name (default leokop_bench_<scale>)")
    bench.add_argument("--runs", type=int, default=30, help="timed runs per figure (default 30)")
    bench.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    bench.add_argument("--baseline", metavar="FILE", help="a JSON of an earlier run to print side by side")
    bench.add_argument("--only", metavar="NAMES", help="comma-separated figure names to run")
    bench.add_argument("--explain", choices=("teacher", "trainer"),
                       help="instead: EXPLAIN (ANALYZE, BUFFERS) of each dashboard query as that user, with RLS")
    bench.set_defaults(func=_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        clock.fixed_today()  # a mistyped LEOKOP_TODAY stops here, not in the middle of a load
        args.func(args)
    except (SetupError, clock.BadToday) as exc:
        print(f"leokop: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
