"""Two app processes behind HAProxy (`python -m leokop serve --workers 2`, issue 19, decision 96) in Chromium: a
save in one process is seen by a browser on the other at its next run; killing the process that holds a signed-in
browser's session brings the browser back signed in (through the session cookie) on a process that lives; the
per-address login limit sees the browser's address through the proxy (X-Forwarded-For).

Real HAProxy (Debian's package; .ci/run installs it), real processes, real Chromium. Skipped with the reason when
haproxy is not on PATH."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID, uuid4

import psycopg
import pytest
from playwright.sync_api import Page, expect

from leokop import processes, texts
from leokop.repo import materials
from leokop.services.invitations import client_digest
from tests.browser.conftest import _OPEN_PAGES as OPEN_PAGES
from tests.browser.conftest import EXPECT_TIMEOUT, PROJECT_ROOT, _free_port, wait_until_settled
from tests.browser.test_choices_flow import _open_menu_page
from tests.browser.test_grade_flow import _combobox
from tests.browser.test_login_flow import PASSWORD, sign_in
from tests.browser.test_material_double_flow import (
    TEACHER,
    _assert_no_error,
    _open_material,
    _remove_materials,
    _sharing,
    _shown_or_chosen,
)
from tests.browser.test_session_flow import _expect_signed_in

pytestmark = pytest.mark.browser

START_TIMEOUT_S = 150.0  # database set-up, two Streamlit processes and HAProxy on a loaded machine
RECONNECT_MS = 60_000  # the browser's reconnects back off; HAProxy needs a failed check to mark the process down
LIMIT = 3
_PROCESS_LINE = re.compile(r"process (w\d) (?:\(pid (\d+)\) on|exited with code -?\d+; started again \(pid (\d+)\))")


class Served:
    """The running `serve --workers 2`: its public URL and the PIDs of its processes, read from its output."""

    def __init__(self, proc: subprocess.Popen, log: Path, port: int):
        self.proc, self.log, self.port = proc, log, port
        self.url = f"http://127.0.0.1:{port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def pids(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for name, pid, again in _PROCESS_LINE.findall(self.output()):
            found[name] = int(pid or again)
        return found


@pytest.fixture(scope="module")
def served(chromium, owner_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    if shutil.which(processes.HAPROXY) is None:
        reason = "haproxy not found on PATH: install Debian's haproxy package (apt-get install haproxy) or run .ci/run"
        print(f"\ntwo-process tests skipped: {reason}", file=sys.stderr)
        pytest.skip(reason)
    port = _free_port()
    log = tmp_path_factory.mktemp("processes") / "serve.log"
    env = {**os.environ, "DATABASE_URL": owner_url, "PYTHONUNBUFFERED": "1",
           "LEOKOP_LOGIN_FAILURES_PER_ADDRESS": str(LIMIT)}
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "leokop", "serve", "--workers", "2", "--address", "127.0.0.1",
                                 "--port", str(port)], cwd=PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT)
    server = Served(proc, log, port)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while "processes behind HAProxy" not in server.output():
            if proc.poll() is not None:
                pytest.fail(f"serve --workers 2 exited with code {proc.returncode}:\n{server.output()}")
            if time.monotonic() > deadline:
                pytest.fail(f"serve --workers 2 not up after {START_TIMEOUT_S:.0f} s:\n{server.output()}")
            time.sleep(0.25)
        assert set(server.pids()) == {"w1", "w2"}, server.output()
        yield server
    finally:
        processes.end_process(proc, grace=60)  # the supervisor stops HAProxy and its processes itself
    for pid in server.pids().values():  # nothing it started is left
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


@pytest.fixture()
def contexts(browser, request: pytest.FixtureRequest):
    """Makes new browser contexts (own cookies), optionally with HAProxy's cookie naming a process; all closed
    afterwards, and a failure report lists what each page showed."""
    made = []
    request.node.stash[OPEN_PAGES] = pages = []

    def new(pinned_to: str | None = None, url: str | None = None, headers: dict[str, str] | None = None):
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE",
                                      extra_http_headers=headers)
        context.set_default_timeout(EXPECT_TIMEOUT)
        context.on("page", lambda page: pages.append(page))
        if pinned_to is not None:
            context.add_cookies([{"name": processes.STICKY_COOKIE, "value": pinned_to, "url": url}])
        made.append(context)
        return context

    expect.set_options(timeout=EXPECT_TIMEOUT)
    try:
        yield new
    finally:
        for context in made:
            context.close()


def _open(context, url: str) -> Page:
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    wait_until_settled(page)
    return page


def _process_of(context) -> str:
    found = [c["value"] for c in context.cookies() if c["name"] == processes.STICKY_COOKIE]
    assert found, "HAProxy set no process cookie"
    return found[0]


@pytest.fixture()
def material(db, owner_url: str) -> Iterator[str]:
    title = f"Zwei Prozesse {uuid4().hex[:8]}"
    material_id: UUID = materials.share_link(db, TEACHER, _sharing(title), "https://example.org/zwei-prozesse")
    yield title
    _remove_materials(owner_url, [material_id])


def test_a_save_in_one_process_is_seen_in_the_other_at_its_next_run(served: Served, contexts, material: str):
    here = contexts()
    page = _open(here, served.url)
    _open_material(page, material)
    writer = _process_of(here)
    there = contexts(pinned_to="w2" if writer == "w1" else "w1", url=served.url)
    other = _open(there, served.url)
    _open_material(other, material)  # the other process has read (and may keep) the old title
    reader = _process_of(there)
    assert {writer, reader} == {"w1", "w2"}, "both browsers were served by the same process"

    new_title = f"{material} – umbenannt"
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=texts.MAT_SUBMIT_EDIT,
                                                                     exact=True))
    page.get_by_test_id("stExpander").filter(has=page.locator("summary").filter(has_text=texts.MAT_EDIT)).first \
        .locator("summary").first.click()
    wait_until_settled(page)
    form.get_by_label(texts.MAT_FIELD_TITLE, exact=True).fill(new_title)
    form.get_by_role("button", name=texts.MAT_SUBMIT_EDIT, exact=True).click()
    expect(page.get_by_test_id("stToast").filter(has_text="ist gespeichert")).to_be_visible()
    wait_until_settled(page)
    assert _process_of(here) == writer

    _open_menu_page(other, texts.PAGE_MATERIALS)  # the next run on the other process
    _shown_or_chosen(other, texts.MAT_CHOOSE, new_title)
    expect(other.get_by_role("heading", name=new_title)).to_be_visible()
    expect(_combobox(other, texts.MAT_CHOOSE)).to_have_value(new_title)
    _assert_no_error(other)
    assert _process_of(there) == reader


def test_killing_the_process_of_a_signed_in_browser_brings_it_back_signed_in(served: Served, contexts):
    context = contexts()
    page = _open(context, served.url)
    sign_in(page, "lehrkraft", PASSWORD)
    _expect_signed_in(page, "Sabine Keller")
    victim = _process_of(context)
    pid = served.pids()[victim]
    os.kill(pid, signal.SIGKILL)

    # Streamlit's page notices the closed WebSocket and reconnects; HAProxy sends it to a process that lives (the
    # other one, or the same name started again by the supervisor), where a new session resumes from the cookie.
    page.evaluate("() => { window.__leokopIdleSince = undefined; }")
    page.wait_for_function("""() => document.querySelector('[data-testid="stApp"]')
        ?.getAttribute('data-test-connection-state') !== 'CONNECTED'""", timeout=RECONNECT_MS)
    page.wait_for_function("""() => document.querySelector('[data-testid="stApp"]')
        ?.getAttribute('data-test-connection-state') === 'CONNECTED'""", timeout=RECONNECT_MS)
    wait_until_settled(page)
    _expect_signed_in(page, "Sabine Keller")
    _assert_no_error(page)
    page.reload(wait_until="domcontentloaded")  # a reload lands signed in too
    wait_until_settled(page)
    _expect_signed_in(page, "Sabine Keller")
    deadline = time.monotonic() + 60
    while served.pids()[victim] == pid:  # the supervisor started the killed process again
        assert time.monotonic() < deadline, served.output()
        time.sleep(0.25)


def _failures(owner_url: str, client: str) -> int:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select count(*) from auth_requests where kind = 'anmeldung' and client_sha256 = %s",
                            (client,)).fetchone()[0]


def test_the_login_limit_counts_the_browsers_address_through_the_proxy(served: Served, contexts, owner_url: str):
    """The browser stands for a client behind another proxy (its X-Forwarded-For names 192.0.2.50): HAProxy appends
    the address it sees (127.0.0.1) and Streamlit's server takes the rightmost address it does not trust, so the app
    counts the client's address, not the proxy's. (A real client's own header cannot hide its address: HAProxy's
    appended one comes last.) Every browser here is on loopback: no other address of the machine is used."""
    address = "192.0.2.50"
    client = client_digest(address, "")
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from auth_requests where client_sha256 = %s", (client,))
    try:
        page = _open(contexts(headers={"X-Forwarded-For": address}), served.url)
        for n in range(1, LIMIT + 1):
            sign_in(page, f"niemand-{n}", "falsch-falsch-falsch")
            expect(page.get_by_text(texts.LOGIN_FAILED)).to_be_visible()
        assert _failures(owner_url, client) == LIMIT  # counted under the browser's address, not the proxy's
        sign_in(page, "schulleitung", PASSWORD)
        expect(page.get_by_text(texts.LOGIN_CLIENT_LIMITED)).to_be_visible()
        expect(page.get_by_role("button", name=texts.LOGOUT)).to_have_count(0)

        loopback = _open(contexts(), served.url)  # the same proxy, another client address: signs in
        sign_in(loopback, "schulleitung", PASSWORD)
        expect(loopback.get_by_role("button", name=texts.LOGOUT)).to_be_visible()
    finally:
        with psycopg.connect(owner_url, autocommit=True) as conn:
            conn.execute("delete from auth_requests where client_sha256 = %s", (client,))
