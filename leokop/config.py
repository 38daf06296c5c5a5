"""Settings from the environment, with defaults for the embedded database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    starttls: bool
    user: str | None
    password: str | None


@dataclass(frozen=True)
class Settings:
    database_url: str | None
    app_database_url: str | None
    app_password: str | None
    worker_database_url: str | None
    worker_password: str | None
    data_dir: Path
    db_port: int
    sql_dir: Path
    demo_data: bool
    smtp: SmtpSettings | None
    storage: str
    supabase_url: str | None
    supabase_service_key: str | None
    storage_bucket: str
    session_idle_minutes: int = 30
    session_max_hours: int = 10
    login_failures_per_address: int = 50  # failed logins from one client address an hour (sql/040)
    cookie_secret: str | None = None  # Streamlit's server.cookieSecret for `serve --workers N` (docs/deployment.md)
    transaction_pooler: bool = False  # the app's URLs lead through PgBouncer/Supavisor in transaction mode


def load_settings() -> Settings:
    """Read the settings once per call; nothing is cached so tests can change the environment."""
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or None,
        app_database_url=os.environ.get("LEOKOP_APP_DATABASE_URL") or None,
        app_password=os.environ.get("LEOKOP_APP_PASSWORD") or None,
        worker_database_url=os.environ.get("LEOKOP_WORKER_DATABASE_URL") or None,
        worker_password=os.environ.get("LEOKOP_WORKER_PASSWORD") or None,
        data_dir=Path(os.environ.get("LEOKOP_DATA_DIR", PROJECT_ROOT / ".leokop")),
        db_port=int(os.environ.get("LEOKOP_DB_PORT", "54329")),
        sql_dir=Path(os.environ.get("LEOKOP_SQL_DIR", PROJECT_ROOT / "sql")),
        # `make run` loads the demo data into an empty database; set 0 for a real school's database
        demo_data=os.environ.get("LEOKOP_DEMO_DATA", "1") != "0",
        smtp=_smtp(),
        # where material files go: "postgres" (default) or "supabase" (needs the next two)
        storage=os.environ.get("LEOKOP_STORAGE", "postgres"),
        supabase_url=os.environ.get("SUPABASE_URL") or None,
        supabase_service_key=os.environ.get("SUPABASE_SERVICE_KEY") or None,
        storage_bucket=os.environ.get("LEOKOP_STORAGE_BUCKET", "leokop-materials"),
        # a signed-in session ends after this long without a click, and this long after the sign-in at most
        session_idle_minutes=_bounded("LEOKOP_SESSION_IDLE_MINUTES", 30, 1, 1440),
        session_max_hours=_bounded("LEOKOP_SESSION_MAX_HOURS", 10, 1, 168),
        login_failures_per_address=_bounded("LEOKOP_LOGIN_FAILURES_PER_ADDRESS", 50, 1, 100_000),
        # the same on every process and machine behind the proxy; unset: `serve --workers N` makes one per start
        cookie_secret=os.environ.get("LEOKOP_COOKIE_SECRET") or None,
        # 1: the app's and the worker's URLs go through a pooler in transaction mode (docs/deployment.md): no
        # prepared statements, no startup options (time zone and statement timeout come from the login roles)
        transaction_pooler=os.environ.get("LEOKOP_TRANSACTION_POOLER", "0") == "1",
    )


def _bounded(name: str, default: int, low: int, high: int) -> int:
    """An integer setting within its range; a value outside it (or no number) stops the start with the reason."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r}: a whole number from {low} to {high} is expected") from None
    if not low <= value <= high:
        raise ValueError(f"{name}={value}: a whole number from {low} to {high} is expected")
    return value


def _smtp() -> SmtpSettings | None:
    """E-mail is optional: only with LEOKOP_SMTP_HOST set."""
    host = os.environ.get("LEOKOP_SMTP_HOST")
    if not host:
        return None
    return SmtpSettings(
        host=host,
        port=int(os.environ.get("LEOKOP_SMTP_PORT", "25")),
        sender=os.environ.get("LEOKOP_SMTP_FROM", "leokop@localhost"),
        starttls=os.environ.get("LEOKOP_SMTP_STARTTLS", "0") == "1",
        user=os.environ.get("LEOKOP_SMTP_USER") or None,
        password=os.environ.get("LEOKOP_SMTP_PASSWORD") or None,
    )


def public_url() -> str | None:
    """LEOKOP_PUBLIC_URL: the app's public base address (calendar-feed addresses), when it runs behind a proxy."""
    value = os.environ.get("LEOKOP_PUBLIC_URL", "").strip().rstrip("/")
    return value or None
