"""Failed logins limited per client address (issue 15, sql/040) in Chromium: after the limit, a right password
from the same address is refused with the German message, while the account itself is not locked.

The browser comes as if through a proxy on this machine: Streamlit's server (uvicorn) takes the client's address
from X-Forwarded-For when the connection comes from 127.0.0.1, as it does behind a local HAProxy; without the
header Streamlit reports no address for a browser on this machine, and nothing is counted."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from playwright.sync_api import Page, expect

from leokop import texts
from leokop.services.invitations import client_digest
from tests.browser.conftest import EXPECT_TIMEOUT, describe_page, streamlit_server, wait_until_settled
from tests.browser.test_login_flow import PASSWORD, sign_in

pytestmark = pytest.mark.browser

ADDRESS = "192.0.2.50"  # the browser's address as the proxy passes it on (a documentation address)
LIMIT = 3


@pytest.fixture(scope="module")
def limited_url(chromium, owner_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with streamlit_server("app.py", owner_url, tmp_path_factory.mktemp("limit"),
                          env={"LEOKOP_LOGIN_FAILURES_PER_ADDRESS": str(LIMIT)}) as base_url:
        yield base_url


@pytest.fixture()
def counted(owner_url: str) -> Iterator[str]:
    """The address's failed logins, removed before and after the test."""
    client = client_digest(ADDRESS, "")
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from auth_requests where client_sha256 = %s", (client,))
    yield client
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from auth_requests where client_sha256 = %s", (client,))


def _count(owner_url: str, client: str) -> int:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select count(*) from auth_requests where kind = 'anmeldung' and client_sha256 = %s",
                            (client,)).fetchone()[0]


def test_an_address_with_too_many_failed_logins_is_stopped_but_the_account_is_not(browser, limited_url: str,
                                                                                   owner_url: str, counted: str):
    context = browser.new_context(locale="de-DE", extra_http_headers={"X-Forwarded-For": ADDRESS})
    context.set_default_timeout(EXPECT_TIMEOUT)
    page: Page = context.new_page()
    page.goto(limited_url)
    wait_until_settled(page)
    try:
        for n in range(1, LIMIT + 1):  # unknown names: no account's own lockout is touched
            sign_in(page, f"niemand-{n}", "falsch-falsch-falsch")
            expect(page.get_by_text(texts.LOGIN_FAILED)).to_be_visible()
        assert _count(owner_url, counted) == LIMIT
        sign_in(page, "schulleitung", PASSWORD)
        expect(page.get_by_text(texts.LOGIN_CLIENT_LIMITED)).to_be_visible()
        expect(page.get_by_role("button", name=texts.LOGOUT)).to_have_count(0)
        assert _count(owner_url, counted) == LIMIT  # a refused attempt is not tried, so not counted again
    except BaseException:
        print(f"\npage at the failure: {describe_page(page)}")
        raise
    finally:
        page.context.close()

    other = browser.new_context(locale="de-DE")  # another address (none reported): the account signs in
    other.set_default_timeout(EXPECT_TIMEOUT)
    try:
        page = other.new_page()
        page.goto(limited_url)
        wait_until_settled(page)
        sign_in(page, "schulleitung", PASSWORD)
        expect(page.get_by_role("button", name=texts.LOGOUT)).to_be_visible()
    finally:
        other.close()
