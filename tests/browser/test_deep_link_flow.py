"""Addresses that lead where they say (issue 18): a page's address opened without a session shows the login and
then that page; another role's page shows leokop's German refusal, never Streamlit's English "Page not found"."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from leokop import texts
from tests.browser.conftest import wait_until_settled
from tests.browser.test_login_flow import PASSWORD, sign_in

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
    assert page.url.rstrip("/").endswith("/materialien")
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
