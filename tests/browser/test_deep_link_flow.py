"""Addresses that lead where they say (issue 18): a page's address opened without a session shows the login and
then that page; another role's page shows leokop's German refusal, never Streamlit's English "Page not found"."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import psycopg
import pytest
from playwright.sync_api import Page, expect

from leokop import texts
from tests.browser.conftest import wait_until_settled
from tests.browser.test_login_flow import PASSWORD, sign_in
from tests.db.test_rls_progress import A_RMD
from tests.helpers import user_id

pytestmark = pytest.mark.browser

NOT_FOUND = "Page not found"  # Streamlit's own dialog (English, not settable)


def test_a_link_to_materialien_leads_through_the_login_to_materialien(page: Page, app_url: str):
    page.goto(f"{app_url}/materialien")
    login = page.get_by_role("button", name=texts.LOGIN_FIELDS["Login"], exact=True)
    expect(login).to_be_visible()
    wait_until_settled(page)
    expect(page.get_by_text(NOT_FOUND)).to_have_count(0)

    sign_in(page, "lehrkraft", PASSWORD)

    expect(page.get_by_role("heading", name=texts.PAGE_MATERIALS)).to_be_visible()
    assert urlparse(page.url).path.rstrip("/").endswith("/materialien")  # the page adds its pair: ?pair=…
    expect(page.get_by_text(NOT_FOUND)).to_have_count(0)
    expect(page.get_by_role("heading", name=texts.PAGE_DASHBOARD)).to_have_count(0)


def test_another_roles_page_is_refused_in_german(page: Page, app_url: str):
    page.goto(f"{app_url}/schulueberblick")  # the school leadership's page, opened by a trainer
    expect(page.get_by_role("button", name=texts.LOGIN_FIELDS["Login"], exact=True)).to_be_visible()
    sign_in(page, "ausbilder", PASSWORD)

    expect(page.get_by_text(texts.PAGE_NOT_ALLOWED)).to_be_visible()
    expect(page.get_by_role("heading", name=texts.PAGE_OVERVIEW)).to_have_count(0)
    expect(page.get_by_text(NOT_FOUND)).to_have_count(0)
    # not in the menu
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name=texts.PAGE_OVERVIEW)).to_have_count(0)


def _name(owner_url: str) -> tuple[str, str]:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select first_name, last_name from apprentices where id = %s", (A_RMD,)).fetchone()


def test_an_apprentice_address_leads_through_the_login_to_that_apprentice(page: Page, app_url: str, owner_url):
    first, last = _name(owner_url)
    page.goto(f"{app_url}/azubi?id={A_RMD}")
    expect(page.get_by_role("button", name=texts.LOGIN_FIELDS["Login"], exact=True)).to_be_visible()
    sign_in(page, "lehrkraft", PASSWORD)

    expect(page.get_by_role("heading", name=f"{first} {last}")).to_be_visible()
    assert f"id={A_RMD}" in page.url
    expect(page.get_by_text(NOT_FOUND)).to_have_count(0)


def test_a_foreign_apprentice_address_says_not_visible(page: Page, app_url: str, owner_url):
    first, last = _name(owner_url)
    page.goto(f"{app_url}/azubi?id={A_RMD}")
    sign_in(page, "ausbilder2", PASSWORD)

    expect(page.get_by_text(texts.ADDRESS_NOT_VISIBLE["apprentices"])).to_be_visible()
    expect(page.get_by_role("heading", name=f"{first} {last}")).to_have_count(0)
    expect(page.get_by_label(texts.APPRENTICE_SEARCH)).to_have_count(0)  # nothing else, not even the search


def test_an_inbox_item_leads_to_its_case(page: Page, app_url: str, owner_url):
    first, last = _name(owner_url)
    title = "Browser-Adresstest: Gespräch"
    with psycopg.connect(owner_url) as conn:
        case = conn.execute("insert into risk_cases (apprentice_id, title, severity, opened_by) values"
                            " (%s, %s, 'hinweis', %s) returning id", (A_RMD, title, user_id("lehrkraft"))).fetchone()[0]
        conn.execute("insert into case_comments (case_id, place, body, author_id) values (%s, 'betrieb',"
                     " 'Termin steht', %s)", (case, user_id("ausbilder")))
        conn.execute("insert into inbox_seen (user_id, seen_at) values (%s, now() - interval '1 hour')"
                     " on conflict (user_id) do update set seen_at = excluded.seen_at", (user_id("lehrkraft"),))
    try:
        page.goto(f"{app_url}/posteingang")
        sign_in(page, "lehrkraft", PASSWORD)
        label = texts.INBOX_OPEN["comment"].format(apprentice=f"{last}, {first}")
        link = page.get_by_role("link", name=re.compile("^" + re.escape(label)))
        expect(link.first).to_be_visible()
        link.first.click()

        expect(page).to_have_url(re.compile(f"/azubi\\?id={A_RMD}&case={case}$"))
        expect(page.get_by_role("heading", name=f"{first} {last}")).to_be_visible()
        # the case's expander is open: its own link and the trainer's comment show
        expect(page.get_by_role("link", name=texts.CASE_OWN_LINK)).to_be_visible()
        expect(page.get_by_text("Termin steht")).to_be_visible()
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from risk_cases where id = %s", (case,))
