"""Command line: python -m leokop db start|stop|url|migrate|seed-demo|reset|setup, and serve."""

from __future__ import annotations

import argparse
import os
import socket
import sys

from leokop.config import PROJECT_ROOT, load_settings
from leokop.db import embedded
from leokop.db.errors import SetupError
from leokop.db.locate import check_connection, owner_url
from leokop.db.migrate import migrate


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


def _db_seed_demo(args) -> None:
    from leokop.demo.seed import seed_demo

    url = owner_url(start=True)
    check_connection(url)
    done = seed_demo(url, only_if_empty=not args.force)
    print("demo data loaded" if done else "database already holds data; demo data not loaded (use --force)")


def _db_setup(_args) -> None:
    """Start (embedded), migrate and load the demo data into an empty database: what `make run` needs."""
    from leokop.demo.seed import seed_demo

    settings = load_settings()
    url = owner_url(settings, start=True)
    check_connection(url)
    migrate(url, settings.sql_dir)
    seeded = settings.demo_data and seed_demo(url, only_if_empty=True)
    print("database ready" + (" (demo data loaded)" if seeded else ""))


def _db_reset(args) -> None:
    from leokop.db.reset import reset

    url = owner_url(start=True)
    if load_settings().database_url and not args.yes:
        raise SetupError("Refusing to reset a database given by DATABASE_URL without --yes.")
    reset(url)
    print("database emptied; run `python -m leokop db setup` to migrate and load the demo data")


def _serve(args) -> None:
    """Prepare the database, then replace this process with Streamlit."""
    if _port_taken(args.address, args.port):
        raise SetupError(
            f"Port {args.port} on {args.address} is already in use (is leokop already running?). "
            f"Stop that program or choose another port: make run PORT=8502"
        )
    _db_setup(args)
    os.chdir(PROJECT_ROOT)
    os.execvp(
        sys.executable,
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(args.port),
         "--server.address", args.address, "--server.headless", "true"],
    )


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
    serve = sub.add_parser("serve", help="prepare the database and start the app")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="127.0.0.1")
    serve.set_defaults(func=_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except SetupError as exc:
        print(f"leokop: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
