"""Browser tests: the real app under `streamlit run`, driven by Debian's headless Chromium through playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from leokop import processes

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
STARTUP_TIMEOUT = 60.0  # seconds until /_stcore/health must answer "ok"
EXPECT_TIMEOUT = 15_000  # milliseconds, for playwright's expect and actions
QUIET_MS = 1_000  # how long the app must stay idle to count as settled

# True once the app is connected, no script run is going on and no element is stale, for `quietMs` in a row.
# A fresh session runs the script twice (the second run right after the first form appears); during a run the
# previous run's widgets stay in the DOM marked data-stale="true", so for a moment there are two "Benutzername"
# fields and get_by_label(...) would hit a strict-mode violation or a field that is about to be replaced.
_SETTLED_JS = """(quietMs) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const idle = !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && document.querySelector('[data-stale="true"]') === null;
  const now = performance.now();
  if (!idle) { window.__leokopIdleSince = undefined; return false; }
  if (window.__leokopIdleSince === undefined) window.__leokopIdleSince = now;
  return now - window.__leokopIdleSince >= quietMs;
}"""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: real headless Chromium")


@pytest.fixture(scope="module")
def chromium() -> Path:
    """The system Chromium; skips (hand runs only: .ci/run installs it) when it is missing."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found: install Debian's chromium package (apt-get install chromium) or run .ci/run"
        print(f"\nbrowser tests skipped: {reason}", file=sys.stderr)
        pytest.skip(reason)
    return CHROMIUM


def wait_until_settled(page) -> None:
    """Wait until Streamlit has finished every pending script run and shows no stale elements."""
    page.evaluate("() => { window.__leokopIdleSince = undefined; }")
    page.wait_for_function(_SETTLED_JS, arg=QUIET_MS, polling=50, timeout=EXPECT_TIMEOUT)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_output(log: Path) -> str:
    try:
        return log.read_text(errors="replace")
    except OSError:
        return "(no output captured)"


def _wait_until_healthy(proc: subprocess.Popen, base_url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last_error = "no answer yet"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with code {proc.returncode} before it was healthy:\n{_server_output(log)}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                body = response.read().decode(errors="replace").strip()
            if body == "ok":
                return
            last_error = f"health answered {body!r}"
        except (urllib.error.URLError, OSError) as exc:
            last_error = str(exc)
        time.sleep(0.25)
    pytest.fail(f"streamlit not healthy after {STARTUP_TIMEOUT:.0f} s ({last_error}):\n{_server_output(log)}")


@contextmanager
def streamlit_server(script: str, owner_url: str, log_dir: Path, options: tuple[str, ...] = (), *,
                     env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run <script>` on a free loopback port against the test database (with more command line
    `options`, e.g. `--secrets.files`, and `env` added to the environment); its base URL once /_stcore/health
    answers. The process is stopped by its PID afterwards."""
    port = _free_port()
    log = log_dir / "server.log"
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
               *options]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env={**os.environ, "DATABASE_URL": owner_url, **(env or {})},
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_healthy(proc, base_url, log)
        yield base_url
    finally:
        processes.end_process(proc)


@pytest.fixture(scope="module")
def app_url(chromium: Path, owner_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` on a free port against the migrated, seeded test database."""
    with streamlit_server("app.py", owner_url, tmp_path_factory.mktemp("streamlit")) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def browser(chromium: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# What a failing test prints of each page it had open: Streamlit's exception boxes and the app's error and warning
# messages, so that a failure in CI says what the user would have seen.
_PAGE_PROBLEMS = ", ".join(f'[data-testid="{test_id}"]'
                           for test_id in ("stException", "stAlertContentError", "stAlertContentWarning"))
_OPEN_PAGES = pytest.StashKey[list]()


def describe_page(page, screenshot: Path | None = None) -> str:
    """The page's address and every error or warning text it shows (and a screenshot, if a path is given)."""
    try:
        problems = page.locator(_PAGE_PROBLEMS).all_inner_texts()
        if screenshot is not None:
            page.screenshot(path=str(screenshot), full_page=True)
    except Exception as exc:  # the page may be gone (a crashed renderer); say so instead of hiding the real failure
        return f"{page.url}: could not be read ({exc})"
    shown = "\n".join(f"  - {' '.join(text.split())}" for text in problems) or "  (no error or warning shown)"
    where = f"\n  screenshot: {screenshot}" if screenshot is not None else ""
    return f"{page.url}\n{shown}{where}"


def _failure_shot() -> Path:
    return Path(tempfile.mkdtemp(prefix="leokop-browser-")) / "failure.png"


def _new_context_page(browser, app_url: str):
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    context.set_default_timeout(EXPECT_TIMEOUT)
    page = context.new_page()
    page.goto(app_url, wait_until="domcontentloaded")
    wait_until_settled(page)
    return page


@contextmanager
def session_page(browser, app_url: str) -> Iterator:
    """A fresh context (own cookies, own Streamlit session) opened on the app; closed afterwards. When the block
    fails, the page's error texts are printed before it is closed (pytest shows them with the failure)."""
    page = _new_context_page(browser, app_url)
    try:
        yield page
    except BaseException:
        print(f"\npage at the failure: {describe_page(page, _failure_shot())}", file=sys.stderr)
        raise
    finally:
        page.context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        for page in item.stash.get(_OPEN_PAGES, []):
            if not page.is_closed():
                report.sections.append(("page at the failure", describe_page(page, _failure_shot())))


@pytest.fixture()
def page(browser, app_url: str, request: pytest.FixtureRequest):
    """A fresh browser context (own Streamlit session) per test, opened on the app; a failure report lists the
    page's error texts."""
    page = _new_context_page(browser, app_url)
    request.node.stash[_OPEN_PAGES] = [page]
    try:
        yield page
    finally:
        page.context.close()
