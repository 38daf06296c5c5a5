"""The admin imports a pupil export in a real headless Chromium: upload, map an unknown column, preview with the
refused row, apply, and the same file again changes nothing."""

from __future__ import annotations

import psycopg
import pytest
from playwright.sync_api import Browser, expect

from leokop import texts
from tests.browser.conftest import session_page, wait_until_settled
from tests.browser.test_grade_flow import _grid_row, choose
from tests.browser.test_login_flow import PASSWORD, sign_in
from tests.db.test_imports import MAINUFER, mainufer_file, remove_imported

pytestmark = pytest.mark.browser


def _imported(owner_url: str) -> list[tuple]:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select a.pupil_id, co.name from apprentices a join companies co on co.id = a.company_id"
                            " where a.school_id = %s and a.pupil_id like 'IMP-%%' order by 1", (MAINUFER,)).fetchall()


def test_admin_uploads_maps_previews_applies_and_reimports(browser: Browser, app_url: str, owner_url: str):
    # a header no school system uses: the admin maps it by hand
    data = mainufer_file().replace(b";Ausbildungsbetrieb;", b";Lehrbetrieb;")
    with psycopg.connect(owner_url) as conn:
        since = conn.execute("select now()").fetchone()[0]
    try:
        with session_page(browser, app_url) as page:
            sign_in(page, "admin", PASSWORD)
            page.get_by_test_id("stSidebar").get_by_role("link", name=texts.PAGE_ADMIN).click()
            wait_until_settled(page)
            page.get_by_role("tab", name=texts.ADMIN_IMPORT).click()
            wait_until_settled(page)
            panel = page.get_by_role("tabpanel", name=texts.ADMIN_IMPORT)
            panel.locator("input[type=file]").set_input_files(
                files=[{"name": "schueler.csv", "mimeType": "text/csv", "buffer": data}])
            wait_until_settled(page)
            expect(panel.get_by_text("CSV (Windows-1252, Semikolon), 3 Datenzeilen")).to_be_visible()

            # the unknown column is not taken over: without a company the new pupils are refused; map it
            choose(page, "Lehrbetrieb", texts.IMPORT_FIELD_LABELS["company_name"])

            panel.get_by_role("button", name=texts.IMPORT_PREVIEW_BUTTON).click()
            wait_until_settled(page)
            expect(panel.get_by_text(texts.IMPORT_REFUSED_TITLE.format(rows=1, total=3))).to_be_visible()
            refused = panel.get_by_test_id("stDataFrame").nth(1)  # after the counts
            _grid_row(refused, ["4", "Geburtsdatum", texts.IMPORT_INVALID_DATE.format(value=_bad_date(data))])
            assert _imported(owner_url) == []  # a preview writes nothing

            panel.get_by_role("button", name=texts.IMPORT_APPLY_BUTTON).click()
            wait_until_settled(page)
            expect(page.get_by_test_id("stToast").filter(
                has_text=texts.IMPORT_APPLIED.format(created=2, updated=0, refused=1))).to_be_visible()
            expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
            assert _imported(owner_url) == [("IMP-1", "Rhein-Main Datentechnik GmbH"),
                                            ("IMP-2", "Importfirma Schäfer KG")]

            # the same file once more: the mapping is kept, and nothing would change
            panel.get_by_role("button", name=texts.IMPORT_PREVIEW_BUTTON).click()
            wait_until_settled(page)
            expect(panel.get_by_text(texts.IMPORT_NOTHING_TO_DO)).to_be_visible()
            expect(panel.get_by_role("button", name=texts.IMPORT_APPLY_BUTTON)).to_have_count(0)
            expect(panel.get_by_text(texts.IMPORT_PAST)).to_be_visible()
        assert len(_imported(owner_url)) == 2
    finally:
        remove_imported(owner_url, since)


def _bad_date(data: bytes) -> str:
    line = data.decode("cp1252").splitlines()[3]
    return line.split(";")[3]
