"""The trainer shares a PDF in the cooperation; the teacher finds it by a search word and downloads the same
bytes; the trainer of the other company in the same class does not see it. In a real headless Chromium."""

from __future__ import annotations

import hashlib
from pathlib import Path

import psycopg
import pytest
from playwright.sync_api import Browser, Page, expect

from leokop import texts
from leokop.demo.materials import demo_pdf
from tests.browser.conftest import session_page, wait_until_settled
from tests.browser.test_grade_flow import RMD_PAIR, choose
from tests.browser.test_login_flow import PASSWORD, sign_in

pytestmark = pytest.mark.browser

TITLE = "Firewallregeln für kleine Büros"
FILENAME = "firewallregeln_buero.pdf"
DESCRIPTION = "Übung: Paketfilter für ein Büronetz mit Gäste-WLAN planen und begründen."
SEARCH = "Paketfiltern"  # not literally in the text: German stemming finds "Paketfilter"
PDF = demo_pdf(TITLE, [DESCRIPTION, "Aufgabe 1: Welche Dienste braucht das Büro?"])


def _materials_page(page: Page, username: str) -> None:
    sign_in(page, username, PASSWORD)
    page.get_by_test_id("stSidebar").get_by_role("link", name=texts.PAGE_MATERIALS).click()
    wait_until_settled(page)
    expect(page.get_by_role("heading", name=texts.PAGE_MATERIALS)).to_be_visible()


def _search(page: Page, word: str) -> None:
    field = page.get_by_label(texts.MAT_SEARCH)
    field.fill(word)
    field.press("Enter")
    wait_until_settled(page)


def test_trainer_shares_teacher_downloads_other_company_sees_nothing(browser: Browser, app_url: str,
                                                                     owner_url: str, tmp_path: Path):
    # 1. the trainer uploads the PDF to the cooperation
    with session_page(browser, app_url) as trainer:
        _materials_page(trainer, "ausbilder")
        expect(trainer.get_by_role("combobox", name=texts.CHOOSE_COOPERATION, exact=True)).to_have_value(RMD_PAIR)
        trainer.get_by_role("tab", name=texts.MAT_TAB_SHARE).click()
        wait_until_settled(trainer)
        form = trainer.get_by_test_id("stForm").filter(
            has=trainer.get_by_role("button", name=texts.MAT_SUBMIT_SHARE))
        form.locator("input[type=file]").set_input_files(
            files=[{"name": FILENAME, "mimeType": "application/pdf", "buffer": PDF}])
        wait_until_settled(trainer)
        form.get_by_label(texts.MAT_FIELD_TITLE).fill(TITLE)
        form.get_by_label(texts.MAT_FIELD_DESCRIPTION).fill(DESCRIPTION)
        form.get_by_role("button", name=texts.MAT_SUBMIT_SHARE).click()
        wait_until_settled(trainer)
        expect(trainer.get_by_test_id("stToast").filter(
            has_text=texts.MAT_SHARED.format(title=TITLE))).to_be_visible()
        expect(trainer.get_by_test_id("stAlertContentError")).to_have_count(0)

    with psycopg.connect(owner_url) as conn:
        stored = conn.execute(
            "select m.scope::text, u.username, v.filename, v.sha256, v.size_bytes from materials m"
            " join material_versions v on v.material_id = m.id join app_users u on u.id = m.owner_id"
            " where m.title = %s", (TITLE,)).fetchall()
    assert stored == [("kooperation", "ausbilder", FILENAME, hashlib.sha256(PDF).hexdigest(), len(PDF))]

    # 2. the teacher finds it by a search word and downloads exactly these bytes
    with session_page(browser, app_url) as teacher:
        _materials_page(teacher, "lehrkraft")
        choose(teacher, texts.CHOOSE_COOPERATION, RMD_PAIR)
        _search(teacher, SEARCH)
        expect(teacher.get_by_role("heading", name=TITLE)).to_be_visible()
        with teacher.expect_download() as info:
            teacher.get_by_test_id("stDownloadButton").get_by_role("button", name=texts.MAT_DOWNLOAD).click()
        download = info.value
        assert download.suggested_filename == FILENAME
        target = tmp_path / FILENAME
        download.save_as(target)
        assert target.read_bytes() == PDF
        teacher.screenshot(path=str(tmp_path / "lehrkraft_materialien.png"), full_page=True)

    # 3. ausbilder2 (Taunus, same class FI25a) does not see it
    with session_page(browser, app_url) as other:
        _materials_page(other, "ausbilder2")
        _search(other, SEARCH)
        expect(other.get_by_text(texts.MAT_NONE)).to_be_visible()
        expect(other.get_by_role("heading", name=TITLE)).to_have_count(0)
