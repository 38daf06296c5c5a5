"""A stale click is refused aloud, in two real browser contexts (issue 22).

Before, a trainer who signed a Berichtsheft week in one tab and then pressed "Zurückgeben" with a comment in a
second tab that still showed it unsigned lost the comment silently: the database stayed "unterschrieben" and no
message said so. Now the second tab says who changed the week and when, refuses in German, and keeps the typed
comment in the field."""

from __future__ import annotations

import psycopg
import pytest
from playwright.sync_api import Browser, Page, expect

from leokop import texts
from leokop.demo.seed import demo_id
from leokop.formats import german_date
from leokop.services.early_warning import refresh
from tests.browser.conftest import session_page, wait_until_settled
from tests.browser.test_grade_flow import _open_apprentice, _sign_in_on_dashboard

pytestmark = pytest.mark.browser

_WEEK_SQL = """
select w.id, w.week_start, a.id, a.last_name || ', ' || a.first_name
from record_weeks w join apprentices a on a.id = w.apprentice_id
where a.company_id = %(company)s and a.school_id = %(school)s and a.status = 'aktiv' and w.status = 'eingereicht'
  and not exists (select 1 from apprentices b where b.id <> a.id
                  and b.first_name = a.first_name and b.last_name = a.last_name)
order by a.last_name, a.first_name, w.week_start
limit 1
"""


def _week(owner_url: str):
    with psycopg.connect(owner_url) as conn:
        row = conn.execute(_WEEK_SQL, {"company": demo_id("company", "rmd"),
                                       "school": demo_id("school", "mainufer")}).fetchone()
    assert row is not None, "the demo has no submitted week of a Mainufer apprentice of rmd"
    return row


def _stored(owner_url: str, week_id):
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select status::text, trainer_comment from record_weeks where id = %s",
                            (week_id,)).fetchone()


def _open_week_form(page: Page, apprentice: str, week_start):
    _sign_in_on_dashboard(page, "ausbilder")
    _open_apprentice(page, apprentice)
    page.get_by_role("tab", name="Eintragen").click()
    wait_until_settled(page)
    form = page.get_by_test_id("stForm").filter(has_text=f"Woche ab {german_date(week_start)}")
    expect(form).to_have_count(1)
    return form


def test_a_return_in_a_stale_tab_is_refused_with_who_and_keeps_the_comment(browser: Browser, app_url: str,
                                                                           owner_url: str, worker_db):
    week_id, week_start, apprentice_id, name = _week(owner_url)
    comment = "Bitte die Tätigkeiten vom Mittwoch ergänzen."
    try:
        with session_page(browser, app_url) as first, session_page(browser, app_url) as second:
            first_form = _open_week_form(first, name, week_start)
            second_form = _open_week_form(second, name, week_start)
            second_field = second_form.get_by_label(texts.FIELD_COMMENT)
            second_field.fill(comment)
            # the first tab signs the week
            first_form.get_by_role("button", name=texts.BUTTON_SIGN).click()
            wait_until_settled(first)
            expect(first.get_by_test_id("stToast").first).to_be_visible()
            assert _stored(owner_url, week_id) == ("unterschrieben", None)
            # the second tab, still showing it submitted, returns it with a comment
            second_form.get_by_role("button", name=texts.BUTTON_RETURN).click()
            wait_until_settled(second)
            expect(second.get_by_test_id("stAlertContentError").filter(has_text=texts.STALE_NOT_POSSIBLE)
                   ).to_be_visible()
            expect(second.get_by_test_id("stAlertContentWarning").filter(has_text="bereits bearbeitet")
                   ).to_be_visible()
            kept = second.get_by_test_id("stForm").filter(has_text=f"Woche ab {german_date(week_start)}")
            expect(kept.get_by_label(texts.FIELD_COMMENT)).to_have_value(comment)  # the typed comment stays
            expect(second.get_by_test_id("stToast")).to_have_count(0)
        assert _stored(owner_url, week_id) == ("unterschrieben", None)  # the signature stands, no comment
    finally:  # the demo's week as it was, for the tests after this one
        with psycopg.connect(owner_url) as conn:
            conn.execute("update record_weeks set status = 'eingereicht', trainer_comment = null, decided_at = null,"
                         " decided_by = null where id = %s", (week_id,))
        refresh(worker_db, [apprentice_id])
