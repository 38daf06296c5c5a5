"""Login, first page and logout in a real headless Chromium against `streamlit run app.py`."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from leokop import texts
from tests.browser.conftest import wait_until_settled

pytestmark = pytest.mark.browser

PASSWORD = "leokop-demo"


def sign_in(page: Page, username: str, password: str) -> None:
    """Fill and send the login form. A fresh session's second script run (the login's cookie component answering
    once it has loaded) can come after the page looked settled, under load seconds later, and draws the form anew:
    wait until there is one form to fill, and fill it again when that run took what was typed (no message shown).
    Signed in means the login button is gone (a signed-in page may have "Benutzername" fields of its own)."""
    button = page.get_by_role("button", name=texts.LOGIN_FIELDS["Login"], exact=True)
    refused = page.get_by_test_id("stAlertContentError").or_(page.get_by_test_id("stAlertContentWarning"))
    for _ in range(3):
        expect(button).to_have_count(1)
        form = page.get_by_test_id("stForm").filter(has=button)
        form.get_by_label(texts.LOGIN_FIELDS["Username"]).fill(username)
        form.get_by_label(texts.LOGIN_FIELDS["Password"]).fill(password)
        button.click()
        wait_until_settled(page)
        if button.count() == 0 or refused.count() > 0:
            return


def test_teacher_signs_in_sees_cooperations_and_signs_out(page: Page, tmp_path):
    expect(page.get_by_label("Benutzername")).to_be_visible()
    sign_in(page, "lehrkraft", PASSWORD)

    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Sabine Keller").first).to_be_visible()
    # The first page in the menu is the landing page; open "Meine Kooperationen" from the menu whichever it is.
    sidebar.get_by_role("link", name=texts.PAGE_COOPERATIONS).click()
    wait_until_settled(page)
    expect(page.get_by_role("heading", name=texts.PAGE_COOPERATIONS)).to_be_visible()
    pairs = page.get_by_role("heading", name=re.compile("↔"))
    expect(pairs.first).to_be_visible()
    expect(page.get_by_role("heading", name="Berufliche Schulen am Mainufer ↔ Rhein-Main Datentechnik GmbH")
           ).to_be_visible()
    # the apprentice tables are drawn on a canvas once the grid component has loaded
    expect(page.get_by_test_id("stDataFrame").first.locator("canvas").first).to_be_attached()
    wait_until_settled(page)
    page.screenshot(path=str(tmp_path / "lehrkraft_kooperationen.png"), full_page=True)

    sidebar.get_by_role("button", name=texts.LOGOUT).click()
    wait_until_settled(page)
    expect(page.get_by_label("Benutzername")).to_be_visible()
    expect(page.get_by_role("heading", name=texts.PAGE_COOPERATIONS)).to_have_count(0)
    expect(sidebar.get_by_text("Sabine Keller")).to_have_count(0)


def test_wrong_password_shows_german_error(page: Page):
    sign_in(page, "lehrkraft", "falsch-falsch")
    expect(page.get_by_text(texts.LOGIN_FAILED)).to_be_visible()
    assert texts.LOGIN_FAILED == "Benutzername oder Passwort ist falsch."
    expect(page.get_by_label("Benutzername")).to_be_visible()
