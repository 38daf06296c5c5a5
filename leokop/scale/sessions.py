"""AppTest sessions of the dashboard page, for `bench`: one session (page_script_run) or 20 at once
(concurrent_sessions_20). Runs as its own process so that the memory it reports is the app's alone.

    python -m leokop.scale.sessions --database leokop_bench_hessen --sessions 20 --rounds 3

Prints one JSON line: the milliseconds of every page run, and the process's RSS at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
from time import perf_counter
from uuid import UUID

import psutil

from leokop.config import PROJECT_ROOT
from leokop.demo.seed import DEMO_PASSWORD
from leokop.scale.params import bench_app_url, read_meta, server_url

WARMUP = 1


def dashboard_session(username: str, coop_id: str):
    """Log in through app.py like a user, choose the pair and open the dashboard page."""
    from streamlit.testing.v1 import AppTest

    from leokop.ui import widgets

    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120).run()
    at.text_input[0].input(username)
    at.text_input[1].input(DEMO_PASSWORD)
    at.button[0].click().run()
    if at.exception or "leokop_user" not in at.session_state:
        raise RuntimeError(f"login of {username} failed: {at.exception or [e.value for e in at.error]}")
    at.session_state[widgets.COOP_KEY] = UUID(coop_id)
    at.switch_page("pages/dashboard_page.py").run()
    _check(at, coop_id)
    return at


def _check(at, coop_id: str) -> None:
    if at.exception:
        raise RuntimeError(f"dashboard failed: {at.exception}")
    if UUID(str(at.selectbox[0].value)) != UUID(coop_id):
        raise RuntimeError(f"dashboard shows {at.selectbox[0].value}, not the pair {coop_id}")


def page_runs(at, coop_id: str, rounds: int, times: list[float]) -> None:
    for n in range(WARMUP + rounds):
        started = perf_counter()
        at.run()
        if n >= WARMUP:
            times.append((perf_counter() - started) * 1000)
    _check(at, coop_id)


class _SharedRuntime:
    """AppTest installs a mock Runtime for each run and removes it afterwards (`Runtime._instance = None`). With
    20 sessions running at once in one process, one session's cleanup races another's run ("Runtime hasn't been
    created"). A real server has one Runtime for all sessions; this keeps the first mock for all of them."""

    def __getattr__(self, name):
        from streamlit.runtime import Runtime

        return getattr(Runtime, name)

    def __dir__(self):
        from streamlit.runtime import Runtime

        return dir(Runtime)

    def __setattr__(self, name, value) -> None:
        from streamlit.runtime import Runtime

        if name == "_instance" and (value is None or Runtime._instance is not None):
            return
        setattr(Runtime, name, value)


def share_one_runtime() -> None:
    import streamlit.testing.v1.app_test as app_test

    app_test.Runtime = _SharedRuntime()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--sessions", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    meta = read_meta(args.database)
    os.environ["DATABASE_URL"] = server_url(args.database)
    os.environ["LEOKOP_APP_DATABASE_URL"] = bench_app_url(args.database)
    os.chdir(PROJECT_ROOT)
    chosen = [meta["sessions"][0]] if args.sessions == 1 else meta["sessions"][:args.sessions]
    apps = [dashboard_session(s["username"], s["cooperation_id"]) for s in chosen]
    if len(apps) > 1:
        share_one_runtime()
    times: list[float] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(apps))

    def drive(at, coop_id: str) -> None:
        try:
            start.wait()
            page_runs(at, coop_id, args.rounds, times)
        except BaseException as exc:  # reported to the parent, which stops with one message
            errors.append(exc)

    threads = [threading.Thread(target=drive, args=(at, s["cooperation_id"])) for at, s in zip(apps, chosen,
                                                                                               strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    rss = psutil.Process().memory_info().rss / 2**20
    print(json.dumps({"runs_ms": times, "rss_mb": round(rss, 1), "sessions": len(apps)}))


if __name__ == "__main__":
    main()
