"""Where the database is: DATABASE_URL when set, otherwise the embedded server under .leokop/."""

from __future__ import annotations

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from leokop.config import Settings, load_settings
from leokop.db import embedded
from leokop.db.errors import SetupError

APP_ROLE = "leokop_app"
WORKER_ROLE = "leokop_worker"


def owner_url(settings: Settings | None = None, *, start: bool = False) -> str:
    """URL with the owner's rights (migrations, seeding, CLI). Starts the embedded server when asked."""
    settings = settings or load_settings()
    if settings.database_url:
        return settings.database_url
    if start:
        return embedded.start(settings.data_dir, settings.db_port)
    found = embedded.url(settings.data_dir)
    if not found:
        raise SetupError(
            "The embedded database is not running. Start it with `make run` or `python -m leokop db start`."
        )
    return found


def app_url(owner: str, settings: Settings | None = None) -> str:
    """URL for the app's login role (no BYPASSRLS): explicit, or the owner URL with the user swapped."""
    settings = settings or load_settings()
    return settings.app_database_url or _swap_user(owner, APP_ROLE, settings.app_password)


def worker_url(owner: str, settings: Settings | None = None) -> str:
    """URL for the rule evaluation's login role: explicit, or the owner URL with the user swapped."""
    settings = settings or load_settings()
    return settings.worker_database_url or _swap_user(owner, WORKER_ROLE, settings.worker_password)


def _swap_user(owner: str, role: str, password: str | None) -> str:
    try:
        params = conninfo_to_dict(owner)
    except psycopg.ProgrammingError as exc:
        raise SetupError(f"DATABASE_URL is not a valid PostgreSQL URL ({exc}).") from exc
    params["user"] = role
    params.pop("password", None)
    if password:
        params["password"] = password
    return make_conninfo(**params)


def runtime_url(settings: Settings | None = None) -> str:
    """What the app connects with: LEOKOP_APP_DATABASE_URL, or the owner URL with the user swapped."""
    settings = settings or load_settings()
    return settings.app_database_url or app_url(owner_url(settings), settings)


def runtime_worker_url(settings: Settings | None = None) -> str:
    """What the app's rule evaluation connects with: LEOKOP_WORKER_DATABASE_URL, or derived."""
    settings = settings or load_settings()
    return settings.worker_database_url or worker_url(owner_url(settings), settings)


def check_connection(conninfo: str) -> None:
    """Fail with one clear message when the server cannot be reached."""
    try:
        with psycopg.connect(conninfo, connect_timeout=5) as conn:
            conn.execute("select 1")
    except psycopg.ProgrammingError as exc:
        raise SetupError(f"The database URL is not valid ({exc}). Check DATABASE_URL.") from exc
    except psycopg.OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
        raise SetupError(
            f"Cannot connect to the database: {first_line}. "
            "Check DATABASE_URL, or that the server is running (`python -m leokop db start`)."
        ) from exc
