"""Choices that take, and one save per double click, in a real headless Chromium (issue 22).

Before, every second choice of the pair on the Dashboard and on Materialien was ignored, and so was every second
material chosen in the library (a selectbox whose index came from session state and that had no key); a double
click on "Kommentieren" saved nothing and emptied the field (clear_on_submit). Here a teacher chooses pair after
pair A → B → C → D → A on Dashboard, Materialien and Projekte, material after material in the library and
apprentice after apprentice on the Dashboard, each choice must stay chosen after the page settled; then
double-clicks "Kommentieren": exactly one comment row, equal to the typed text."""

from __future__ import annotations

from uuid import uuid4

import psycopg
import pytest
from playwright.sync_api import Page, expect

from leokop import texts
from tests.browser.conftest import wait_until_settled
from tests.browser.test_grade_flow import (
    RMD_PAIR,
    _close_options,
    _combobox,
    _open_options,
    _sign_in_on_dashboard,
    choose,
)

pytestmark = pytest.mark.browser


def _options(page: Page, label: str) -> list[str]:
    options = _open_options(page, label)
    found = [options.nth(i).inner_text().strip() for i in range(options.count())]
    _close_options(page, label)
    return found


def _open_menu_page(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebar").get_by_role("link", name=title).click()
    wait_until_settled(page)
    expect(page.get_by_role("heading", name=title).first).to_be_visible()


def _choose_in_a_row(page: Page, label: str) -> list[str]:
    """A → B → C (→ D) → A: every choice must stay chosen once the page has settled (before, every second one was
    dropped, so three choices in a row show it)."""
    found = _options(page, label)
    assert len(found) >= 3, f"lehrkraft needs three options of {label!r} for the sequence, has {found}"
    sequence = [*found[:4], found[0]]
    for option in sequence:
        choose(page, label, option)  # waits for the page to settle, then checks the box still shows the choice
        expect(_combobox(page, label)).to_have_value(option)
    return sequence


def test_every_choice_of_pair_material_and_apprentice_takes(page: Page):
    """Every page with such a choice: the pair on Dashboard, Materialien and Projekte, the material in the library,
    the apprentice to open on the Dashboard."""
    _sign_in_on_dashboard(page, "lehrkraft")
    chosen = _choose_in_a_row(page, texts.CHOOSE_COOPERATION)
    _open_menu_page(page, texts.PAGE_MATERIALS)
    # the pair chosen last on the dashboard is the one Materialien opens with
    expect(_combobox(page, texts.CHOOSE_COOPERATION)).to_have_value(chosen[-1])
    chosen = _choose_in_a_row(page, texts.CHOOSE_COOPERATION)
    # and the material in the library of a pair with several
    choose(page, texts.CHOOSE_COOPERATION, RMD_PAIR)
    _choose_in_a_row(page, texts.MAT_CHOOSE)
    _open_menu_page(page, texts.PAGE_PROJECTS)
    expect(_combobox(page, texts.CHOOSE_COOPERATION)).to_have_value(RMD_PAIR)
    _choose_in_a_row(page, texts.CHOOSE_COOPERATION)
    _open_menu_page(page, texts.PAGE_DASHBOARD)
    choose(page, texts.CHOOSE_COOPERATION, RMD_PAIR)  # the pair with the most apprentices
    _choose_in_a_row(page, texts.CHOOSE_APPRENTICE)


def test_a_double_click_on_kommentieren_saves_one_comment(page: Page, owner_url: str):
    _sign_in_on_dashboard(page, "lehrkraft")
    _open_menu_page(page, texts.PAGE_MATERIALS)
    choose(page, texts.CHOOSE_COOPERATION, RMD_PAIR)  # a pair with materials: the first one is open
    field = page.get_by_label(texts.MAT_FIELD_COMMENT).first
    expect(field).to_be_visible()
    body = f"Doppelklick {uuid4().hex[:8]}"
    field.fill(body)
    page.get_by_role("button", name=texts.MAT_SUBMIT_COMMENT).first.dblclick()
    expect(page.get_by_text(texts.MAT_COMMENTED).first).to_be_visible()
    wait_until_settled(page)
    expect(page.get_by_text(texts.MAT_COMMENTED).first).to_be_visible()
    with psycopg.connect(owner_url) as conn:
        stored = [r[0] for r in conn.execute("select body from material_comments where body = %s", (body,))]
        # the demo's comments stay as the demo tests expect them
        conn.execute("delete from material_comments where body = %s", (body,))
    assert stored == [body]
    assert page.get_by_text(texts.STALE_WRITE).count() == 0 and page.get_by_text(texts.DB_ERROR).count() == 0
