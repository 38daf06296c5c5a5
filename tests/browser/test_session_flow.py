"""Sessions that survive a reload (issue 15, sql/036, decision 90) in a real headless Chromium against
`streamlit run serve.py` (the pages and the cookie route on one port, as `make run` serves them)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import psycopg
import pytest
from playwright.sync_api import Page, expect

from leokop import texts
from leokop.services import sessions
from leokop.services.passwords import hash_password
from tests.browser.conftest import _OPEN_PAGES as OPEN_PAGES
from tests.browser.conftest import _SETTLED_JS as SETTLED_JS
from tests.browser.conftest import EXPECT_TIMEOUT, QUIET_MS, streamlit_server, wait_until_settled
from tests.browser.test_login_flow import PASSWORD
from tests.helpers import school_id

pytestmark = pytest.mark.browser

USER = "sitzung-browser"
USER_PASSWORD = "Sitzung-Browser-Passwort-7"
NEW_PASSWORD = "Sitzung-Browser-Neu-Kooperation-8"


@pytest.fixture(scope="module")
def served_url(chromium, owner_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with streamlit_server("serve.py", owner_url, tmp_path_factory.mktemp("serve")) as base_url:
        yield base_url


@pytest.fixture()
def person(owner_url: str) -> Iterator[str]:
    """A user of its own (a Schulleitung of Mainufer), removed with its sessions afterwards."""
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from app_users where username = %s", (USER,))
        uid = conn.execute("insert into app_users (username, display_name) values (%s, 'Sitzung Browser')"
                           " returning id", (USER,)).fetchone()[0]
        conn.execute("insert into user_credentials (user_id, password_hash) values (%s, %s)",
                     (uid, hash_password(USER_PASSWORD)))
        conn.execute("insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)",
                     (uid, school_id("mainufer")))
    yield USER
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from app_users where id = %s", (uid,))


@pytest.fixture()
def context(browser, request: pytest.FixtureRequest):
    """A fresh browser context; a failure report lists the error texts of every page it (or another context of
    the test) opened."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    context.set_default_timeout(EXPECT_TIMEOUT)
    expect.set_options(timeout=EXPECT_TIMEOUT)
    request.node.stash[OPEN_PAGES] = pages = []
    context.on("page", lambda page: pages.append(page))
    try:
        yield context
    finally:
        context.close()


def _open(context, url: str) -> Page:
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    _settled(page)
    return page


def _settled(page: Page) -> None:
    """wait_until_settled with the patience of a landing page (a reload or a link signs in onto one)."""
    page.evaluate("() => { window.__leokopIdleSince = undefined; }")
    page.wait_for_function(SETTLED_JS, arg=QUIET_MS, polling=50, timeout=LANDING_TIMEOUT)


def _reload(page: Page) -> None:
    page.reload(wait_until="domcontentloaded")
    _settled(page)


def _cookie(context) -> str | None:
    found = [c["value"] for c in context.cookies() if c["name"] == sessions.COOKIE]
    return found[0] if found else None


def _handed_over(page: Page):
    """Waits for the page script's POST to the cookie route that the block below causes."""
    return page.expect_response(lambda r: r.url.endswith("/sitzung") and r.request.method == "POST")


LANDING_TIMEOUT = 60_000  # ms: the landing pages (dashboard, leadership figures) take long on a loaded machine


def _signed_in_page(context, url: str, username: str, password: str = PASSWORD) -> Page:
    page = _open(context, url)
    page.get_by_label(texts.LOGIN_FIELDS["Username"]).fill(username)
    page.get_by_label(texts.LOGIN_FIELDS["Password"]).fill(password)
    with _handed_over(page) as handover:
        page.get_by_role("button", name=texts.LOGIN_FIELDS["Login"]).click()
    assert handover.value.status == 204, "the cookie route refused the handoff"
    _settled(page)
    expect(page.get_by_test_id("stSidebar").get_by_role("button", name=texts.LOGOUT)).to_be_visible()
    assert _cookie(context), "the cookie route set no session cookie"
    return page


def _expect_signed_in(page: Page, name: str) -> None:
    expect(page.get_by_test_id("stSidebar").get_by_text(name).first).to_be_visible()
    expect(page.get_by_label(texts.LOGIN_FIELDS["Username"])).to_have_count(0)


def _expect_login_form(page: Page) -> None:
    expect(page.get_by_label(texts.LOGIN_FIELDS["Username"])).to_be_visible()
    expect(page.get_by_role("button", name=texts.LOGOUT)).to_have_count(0)


def test_reload_second_tab_and_deep_link_keep_the_session(context, served_url):
    page = _signed_in_page(context, served_url, "lehrkraft")
    cookie = next(c for c in context.cookies() if c["name"] == sessions.COOKIE)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    # page scripts cannot read it
    assert sessions.COOKIE not in page.evaluate("document.cookie")
    assert cookie["value"] not in page.evaluate("document.cookie")

    _reload(page)
    _expect_signed_in(page, "Sabine Keller")

    second = _open(context, served_url)
    _expect_signed_in(second, "Sabine Keller")

    linked = _open(context, f"{served_url}/materialien")
    _expect_signed_in(linked, "Sabine Keller")
    expect(linked.get_by_role("heading", name=texts.PAGE_MATERIALS)).to_be_visible()
    assert urlparse(linked.url).path.endswith("/materialien")  # the page adds its pair (?pair=…, decision 97)


def test_logout_ends_the_session_and_a_copied_cookie_is_refused(context, browser, served_url):
    page = _signed_in_page(context, served_url, "lehrkraft")
    copied = _cookie(context)
    page.get_by_test_id("stSidebar").get_by_role("button", name=texts.LOGOUT).click()
    wait_until_settled(page)
    _expect_login_form(page)
    _reload(page)
    _expect_login_form(page)

    other = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        host = served_url.split("//", 1)[1].split(":")[0]
        other.add_cookies([{"name": sessions.COOKIE, "value": copied, "domain": host, "path": "/",
                            "httpOnly": True, "sameSite": "Strict"}])
        stolen = _open(other, served_url)
        _expect_login_form(stolen)
    finally:
        other.close()


def test_a_cookie_works_in_a_new_browser_context_before_logout(context, browser, served_url):
    """The counterpart of the test above: the same copy is accepted while the session is open (so the refusal
    there is the logout's doing)."""
    _signed_in_page(context, served_url, "lehrkraft")
    copied = _cookie(context)
    other = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        host = served_url.split("//", 1)[1].split(":")[0]
        other.add_cookies([{"name": sessions.COOKIE, "value": copied, "domain": host, "path": "/",
                            "httpOnly": True, "sameSite": "Strict"}])
        _expect_signed_in(_open(other, served_url), "Sabine Keller")
    finally:
        other.close()


def test_a_deactivated_user_is_out_at_the_next_click(context, served_url, owner_url, person):
    page = _signed_in_page(context, served_url, person, USER_PASSWORD)
    _expect_signed_in(page, "Sitzung Browser")
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("update app_users set active = false where username = %s", (person,))
    page.get_by_test_id("stSidebar").get_by_role("link", name=texts.PAGE_ACCOUNT).click()
    wait_until_settled(page)
    _expect_login_form(page)
    expect(page.get_by_text(texts.SESSION_EXPIRED)).to_be_visible()


def test_idle_timeout_ends_the_session(context, served_url, owner_url, person):
    page = _signed_in_page(context, served_url, person, USER_PASSWORD)
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("update user_sessions set last_seen_at = now() - interval '31 minutes' where user_id ="
                     " (select id from app_users where username = %s) and ended_at is null", (person,))
    _reload(page)
    _expect_login_form(page)


def test_password_change_ends_the_other_sessions(context, browser, served_url, owner_url, person):
    other_context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        elsewhere = _signed_in_page(other_context, served_url, person, USER_PASSWORD)
        page = _signed_in_page(context, served_url, person, USER_PASSWORD)
        old_cookie = _cookie(context)
        page.get_by_test_id("stSidebar").get_by_role("link", name=texts.PAGE_ACCOUNT).click()
        wait_until_settled(page)
        # both sessions are listed, this one marked
        expect(page.get_by_role("button", name=texts.SESSION_END, exact=True)).to_have_count(2)
        expect(page.get_by_text(texts.SESSION_THIS, exact=True)).to_have_count(1)
        page.get_by_label(texts.FIELD_CURRENT_PASSWORD).fill(USER_PASSWORD)
        page.get_by_label(texts.FIELD_NEW_PASSWORD, exact=True).fill(NEW_PASSWORD)
        page.get_by_label(texts.FIELD_NEW_PASSWORD_REPEAT).fill(NEW_PASSWORD)
        with _handed_over(page) as handover:
            page.get_by_role("button", name=texts.BUTTON_SAVE).first.click()
        assert handover.value.status == 204
        wait_until_settled(page)
        expect(page.get_by_text(texts.PASSWORD_CHANGED)).to_be_visible()
        # the changing tab goes on, in a new session with a new cookie that survives a reload
        assert _cookie(context) not in (None, old_cookie)
        _reload(page)
        _expect_signed_in(page, "Sitzung Browser")
        # the other browser is out at its next click
        elsewhere.get_by_test_id("stSidebar").get_by_role("link", name=texts.PAGE_ACCOUNT).click()
        wait_until_settled(elsewhere)
        _expect_login_form(elsewhere)
    finally:
        other_context.close()


def test_ending_another_session_on_mein_konto(context, browser, served_url, person):
    other_context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        elsewhere = _signed_in_page(other_context, served_url, person, USER_PASSWORD)
        page = _signed_in_page(context, served_url, person, USER_PASSWORD)
        page.get_by_test_id("stSidebar").get_by_role("link", name=texts.PAGE_ACCOUNT).click()
        wait_until_settled(page)
        expect(page.get_by_text(texts.SESSION_THIS, exact=True)).to_be_visible()
        ends = page.get_by_role("button", name=texts.SESSION_END, exact=True)
        expect(ends).to_have_count(2)
        # the other browser's session: the form that does not say "diese Sitzung"
        page.get_by_test_id("stForm").filter(has_not=page.get_by_text(texts.SESSION_THIS, exact=True)).filter(
            has=ends).get_by_role("button", name=texts.SESSION_END, exact=True).click()
        wait_until_settled(page)
        expect(ends).to_have_count(1)
        _expect_signed_in(page, "Sitzung Browser")
        _reload(elsewhere)
        _expect_login_form(elsewhere)
    finally:
        other_context.close()
