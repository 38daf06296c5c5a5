"""Scales, database names and where the generator leaves what the benchmark needs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from leokop.config import Settings, load_settings
from leokop.db.errors import SetupError
from leokop.db.locate import app_url, owner_url, worker_url

# Hessen: about 92,500 apprentices, 115 Berufsschulen, 25,000 training companies; Germany: 1.2 million.
NAMED_SCALES = {"hessen": 92_500, "germany": 1_200_000}
APPRENTICES_PER_SCHOOL = 92_500 / 115
APPRENTICES_PER_COMPANY = 92_500 / 25_000
MIN_APPRENTICES = 50
DB_PREFIX = "leokop_bench_"


@dataclass(frozen=True)
class Scale:
    name: str  # "hessen", "germany", "demo" or the number of apprentices
    apprentices: int | None  # None: the demo data

    @property
    def is_demo(self) -> bool:
        return self.apprentices is None

    @property
    def database(self) -> str:
        return DB_PREFIX + self.name

    @property
    def schools(self) -> int:
        return max(2, round((self.apprentices or 0) / APPRENTICES_PER_SCHOOL))

    @property
    def companies(self) -> int:
        return max(4, round((self.apprentices or 0) / APPRENTICES_PER_COMPANY))


def parse_scale(text: str) -> Scale:
    """hessen, germany, demo, or a number of apprentices (at least 50)."""
    key = text.strip().lower()
    if key == "demo":
        return Scale("demo", None)
    if key in NAMED_SCALES:
        return Scale(key, NAMED_SCALES[key])
    if key.isdigit() and int(key) >= MIN_APPRENTICES:
        return Scale(str(int(key)), int(key))
    raise SetupError(f"--scale must be hessen, germany, demo or a number of apprentices >= {MIN_APPRENTICES}, "
                     f"not {text!r}.")


def check_database_name(name: str) -> str:
    """Only databases named leokop_bench_* are ever dropped and created by these commands."""
    if not name.startswith(DB_PREFIX) or not name.replace("_", "").isalnum() or len(name) > 63:
        raise SetupError(f"--database must be a name starting with {DB_PREFIX} (letters, digits, _), not {name!r}.")
    return name


def server_url(database: str, settings: Settings | None = None, *, start: bool = True) -> str:
    """The owner URL for `database` on the server of DATABASE_URL or the embedded one."""
    params = conninfo_to_dict(owner_url(settings, start=start))
    params["dbname"] = database
    return make_conninfo(**params)


def bench_app_url(database: str, settings: Settings | None = None) -> str:
    """The app's login role (leokop_app, no BYPASSRLS) on `database`."""
    settings = settings or load_settings()
    params = conninfo_to_dict(app_url(server_url(database, settings), settings))
    params["dbname"] = database
    return make_conninfo(**params)


def bench_worker_url(database: str, settings: Settings | None = None) -> str:
    """The rule evaluation's login role (leokop_worker) on `database`."""
    settings = settings or load_settings()
    params = conninfo_to_dict(worker_url(server_url(database, settings), settings))
    params["dbname"] = database
    return make_conninfo(**params)


def meta_path(database: str, settings: Settings | None = None) -> Path:
    """The JSON the generator writes next to the data: the benchmark pair, its users, the session users."""
    return (settings or load_settings()).data_dir / "bench" / f"{database}.json"


def write_meta(database: str, meta: dict) -> Path:
    path = meta_path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(meta, indent=2, default=str) + "\n", encoding="utf-8")
    return path


def read_meta(database: str) -> dict:
    path = meta_path(database)
    if not path.exists():
        raise SetupError(f"{path} is missing: generate the database first (python -m leokop generate --scale ...).")
    return json.loads(path.read_text(encoding="utf-8"))
