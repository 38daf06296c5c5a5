"""The apprentice page's own search in a real headless Chromium (issue 18): a teacher opens "Auszubildende/r" from
the menu, types part of a last name, sees the hit with class and pair, chooses it and is on that apprentice's page.
An apprentice of another teacher's pairs is not offered."""

from __future__ import annotations

import psycopg
import pytest
from playwright.sync_api import Page, expect

from leokop import texts
from tests.browser.conftest import wait_until_settled
from tests.browser.test_choices_flow import _open_menu_page
from tests.browser.test_grade_flow import _combobox, _sign_in_on_dashboard
from tests.helpers import visible_ids

pytestmark = pytest.mark.browser


def _target(owner_url: str) -> tuple[str, str, str]:
    """An apprentice lehrkraft sees whose last name no other of lehrkraft's apprentices shares, with the hit's label,
    and the last name of one lehrkraft does not see."""
    with psycopg.connect(owner_url) as conn:
        mine = visible_ids(conn, "apprentices", "lehrkraft")
        rows = conn.execute(
            "select a.id, a.first_name, a.last_name, a.last_name || ', ' || a.first_name || ' · Klasse ' || k.name"
            " || ' · ' || s.name || ' ↔ ' || co.name from apprentices a join classes k on k.id = a.class_id"
            " join schools s on s.id = a.school_id join companies co on co.id = a.company_id"
            " where a.anonymised_at is null order by a.last_name, a.first_name").fetchall()
    names = [r[2] for r in rows if r[0] in mine]
    own = next(r for r in rows if r[0] in mine and names.count(r[2]) == 1)
    foreign = next(r[2] for r in rows if r[0] not in mine and r[2] not in names)
    return f"{own[1]} {own[2]}", own[3], foreign


def test_a_teacher_finds_an_apprentice_by_name_and_opens_the_page(page: Page, owner_url: str):
    name, hit, foreign = _target(owner_url)
    last_name = name.split(" ", 1)[1]
    _sign_in_on_dashboard(page, "lehrkraft")
    _open_menu_page(page, texts.PAGE_APPRENTICE)
    expect(page.get_by_text(texts.APPRENTICE_SEARCH_HINT)).to_be_visible()
    box = _combobox(page, texts.APPRENTICE_SEARCH)
    box.click()
    box.fill(foreign)  # someone of another teacher's pairs: not offered
    options = page.get_by_test_id("stSelectboxVirtualDropdown").get_by_role("option")
    expect(options.filter(has_text=foreign)).to_have_count(0)
    box.fill(last_name[:5])  # type-ahead: a part of the name narrows the list
    wanted = options.filter(has_text=hit)
    expect(wanted).to_have_count(1)  # with class and pair
    wanted.click()
    wait_until_settled(page)
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    expect(_combobox(page, texts.APPRENTICE_SEARCH)).to_have_value(hit)
    expect(page.get_by_text(texts.APPRENTICE_SEARCH_HINT)).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
