"""A date typed out of range is refused aloud, in a real headless Chromium (issue 22).

Before, "Fehlzeit erfassen" with 01.01.2040 typed saved the absence on today and said so; st.date_input without a
range fell back to its old value. Now the field has the training period's range, and a day outside it is refused
by leokop's German message naming the allowed range: nothing is stored, the form stays."""

from __future__ import annotations

import psycopg
import pytest
from playwright.sync_api import Page, expect

from leokop import texts
from tests.browser.conftest import wait_until_settled
from tests.browser.test_grade_flow import _open_apprentice, _sign_in_on_dashboard, _target

pytestmark = pytest.mark.browser

OUT_OF_RANGE = "01.01.2040"


def _absences(owner_url: str, apprentice_id) -> list:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select absence_date, lessons from absences where apprentice_id = %s order by 1, 2",
                            (apprentice_id,)).fetchall()


def test_an_absence_typed_out_of_range_is_refused_in_german_and_nothing_is_stored(page: Page, owner_url: str):
    target = _target(owner_url)
    before = _absences(owner_url, target["id"])
    _sign_in_on_dashboard(page, "lehrkraft")
    _open_apprentice(page, target["display"])
    page.get_by_role("tab", name="Eintragen").click()
    wait_until_settled(page)
    form = page.get_by_test_id("stForm").filter(has=page.get_by_label(texts.FIELD_LESSONS, exact=True))
    day = form.get_by_label(texts.FIELD_DATE, exact=True)
    # a segmented date field (day, month, year): typed as a person types it, digit by digit
    day.get_by_role("spinbutton").first.click()
    page.keyboard.type(OUT_OF_RANGE.replace(".", ""))
    page.keyboard.press("Tab")
    expect(day).to_contain_text("2040")  # the field shows the day as typed
    lessons = form.get_by_label(texts.FIELD_LESSONS, exact=True)
    lessons.fill("3")
    form.get_by_role("button", name=texts.BUTTON_SAVE).click()
    wait_until_settled(page)
    error = page.get_by_test_id("stAlertContentError").filter(has_text="erlaubten Zeitraums").or_(
        page.get_by_test_id("stAlertContentError").filter(has_text="Bitte ein Datum zwischen"))
    expect(error.first).to_be_visible()
    expect(page.get_by_test_id("stToast")).to_have_count(0)  # no "Fehlzeit ... gespeichert."
    expect(lessons).to_have_value("3")  # the form kept what was typed
    expect(day).to_contain_text("2040")
    assert _absences(owner_url, target["id"]) == before
