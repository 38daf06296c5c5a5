"""One save per double click on every Materialien form, in a real headless Chromium (issue 22).

A teacher double-clicks "Material teilen" (a link), "Neue Version hochladen" and "Material zurückziehen": each
writes exactly once (one material, one version, one withdrawal, and one event of it in the trail), stored as typed,
and the page shows the confirmation and no error. "Kommentieren" is in test_choices_flow.py. The materials the
version and the withdrawal act on are shared by the test itself, and everything the tests create (the materials
with their versions, files and events) is removed afterwards: the demo tests run later in the same database."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from uuid import UUID, uuid4

import psycopg
import pytest
from playwright.sync_api import Locator, Page, expect

from leokop import texts
from leokop.config import load_settings
from leokop.demo.materials import demo_pdf
from leokop.demo.seed import demo_id
from leokop.repo import materials
from leokop.services.materials import file_problems
from leokop.storage import storage_from_settings
from tests.browser.conftest import wait_until_settled
from tests.browser.test_choices_flow import _open_menu_page
from tests.browser.test_grade_flow import RMD_PAIR, _combobox, _sign_in_on_dashboard, choose
from tests.helpers import cooperation_id, user_id

pytestmark = pytest.mark.browser

RMD_COOPERATION = cooperation_id("mainufer", "rmd")
FI = demo_id("occupation", "FI")
TEACHER = user_id("lehrkraft")

# Every table that points at a material, children first (material_blobs goes with its version: on delete cascade).
_MATERIAL_CHILDREN = ("material_comments", "material_events", "material_learning_fields", "material_positions",
                      "project_materials", "material_versions")


def _remove_materials(owner_url: str, ids: list[UUID]) -> None:
    """Take the test's own materials out again, with everything that hangs on them (also a withdrawn one: only an
    update of it is refused by its guard, a delete is not)."""
    with psycopg.connect(owner_url) as conn:
        for table in _MATERIAL_CHILDREN:
            conn.execute(f"delete from {table} where material_id = any(%s)", (ids,))
        conn.execute("delete from materials where id = any(%s)", (ids,))


def _events(owner_url: str, material_id: UUID) -> list[tuple]:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select e.action, u.username, e.detail from material_events e"
                            " left join app_users u on u.id = e.actor_id where e.material_id = %s order by e.at, e.id",
                            (material_id,)).fetchall()


def _sharing(title: str) -> materials.Sharing:
    return materials.Sharing(RMD_COOPERATION, FI, "kooperation", None, title, None, [], [], [])


@pytest.fixture()
def created(owner_url: str) -> Iterator[list[UUID]]:
    """The ids of the materials a test shares (by the repo or in the browser); removed after the test."""
    ids: list[UUID] = []
    yield ids
    if ids:
        _remove_materials(owner_url, ids)


def _shown_or_chosen(page: Page, label: str, option: str) -> None:
    """The box shows the option: it already does (the pair lehrkraft starts with, the newest material), or it is
    chosen (a choice costs a rerun and a settled page)."""
    if _combobox(page, label).input_value() != option:
        choose(page, label, option)
    expect(_combobox(page, label)).to_have_value(option)


def _materials_of_rmd(page: Page) -> None:
    _sign_in_on_dashboard(page, "lehrkraft")
    _open_menu_page(page, texts.PAGE_MATERIALS)
    _shown_or_chosen(page, texts.CHOOSE_COOPERATION, RMD_PAIR)


def _open_material(page: Page, title: str) -> None:
    """Materialien of the pair with the materials, the library tab, this material open in the detail."""
    _materials_of_rmd(page)
    _shown_or_chosen(page, texts.MAT_CHOOSE, title)
    expect(page.get_by_role("heading", name=title)).to_be_visible()


def _form(page: Page, button: str) -> Locator:
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=button, exact=True))
    expect(form).to_have_count(1)
    return form


def _double_click_and_settle(page: Page, form: Locator, button: str, confirmation: str) -> None:
    """Double-click the form's button; wait for the confirmation, then until no run is pending any more (a second
    request of the double click must have been answered too)."""
    form.get_by_role("button", name=button, exact=True).dblclick()
    expect(page.get_by_test_id("stToast").filter(has_text=confirmation)).to_be_visible()
    wait_until_settled(page)
    expect(page.get_by_test_id("stToast").filter(has_text=confirmation)).to_have_count(1)


def _assert_no_error(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    for message in (texts.STALE_WRITE, texts.DB_ERROR, texts.MAT_ERR_STORAGE, texts.STALE_NOT_POSSIBLE):
        expect(page.get_by_text(message)).to_have_count(0)


def test_a_double_click_on_material_teilen_shares_one_link(page: Page, owner_url: str, created: list[UUID]):
    mark = uuid4().hex[:8]
    title = f"Doppelklick {mark}: Subnetze „üben“ & <prüfen>"
    url = f"https://example.org/doppelklick/{mark}?seite=2&thema=Subnetze#aufgabe-1"
    description = f"Zwei Klicks, ein Material ({mark}).\nZweite Zeile: **nicht fett**."
    _materials_of_rmd(page)
    page.get_by_role("tab", name=texts.MAT_TAB_SHARE).click()  # drawn already: the tab only shows it
    link = page.get_by_text(texts.MAT_SOURCE_LINK, exact=True)
    expect(link).to_be_visible()
    link.click()  # the radio outside the form reruns the page
    wait_until_settled(page)
    form = _form(page, texts.MAT_SUBMIT_SHARE)
    field_url = form.get_by_label(texts.MAT_FIELD_URL)
    expect(field_url).to_be_visible()
    field_url.fill(url)
    form.get_by_label(texts.MAT_FIELD_TITLE).fill(title)
    form.get_by_label(texts.MAT_FIELD_DESCRIPTION).fill(description)
    expect(field_url).to_have_value(url)

    try:
        _double_click_and_settle(page, form, texts.MAT_SUBMIT_SHARE, mark)
    finally:  # whatever was written is removed, also when the test fails
        with psycopg.connect(owner_url) as conn:
            stored = conn.execute(
                "select m.id, m.title, m.url, m.description, m.kind::text, m.scope::text, m.cooperation_id,"
                " u.username, m.withdrawn_at is null from materials m join app_users u on u.id = m.owner_id"
                " where m.title like %s or m.url like %s order by m.created_at", (f"%{mark}%", f"%{mark}%")).fetchall()
        created.extend(row[0] for row in stored)

    assert [row[1:] for row in stored] == [
        (title, url, description, "link", "kooperation", RMD_COOPERATION, "lehrkraft", True)]
    assert _events(owner_url, stored[0][0]) == [("angelegt", "lehrkraft", title)]
    _assert_no_error(page)
    # the form is emptied for the next material once, after the save
    expect(_form(page, texts.MAT_SUBMIT_SHARE).get_by_label(texts.MAT_FIELD_TITLE)).to_have_value("")


def test_a_double_click_on_neue_version_hochladen_stores_one_version(page: Page, owner_url: str, db,
                                                                      created: list[UUID]):
    mark = uuid4().hex[:8]
    title = f"Doppelklick-Version {mark}"
    first = demo_pdf(title, ["Version 1"])
    info = file_problems("version1.pdf", first, len(first))[1]
    material_id = materials.share_file(db, storage_from_settings(load_settings()), TEACHER, _sharing(title), info,
                                       first)
    created.append(material_id)
    second = demo_pdf(title, ["Version 2", f"Doppelklick {mark}"])
    filename = f"version2_{mark}.pdf"
    note = f"Aufgabe 2 ergänzt – „Doppelklick“ {mark}"

    _open_material(page, title)
    form = _form(page, texts.MAT_SUBMIT_VERSION)
    form.locator("input[type=file]").set_input_files(
        files=[{"name": filename, "mimeType": "application/pdf", "buffer": second}])
    # listed in the uploader (whose shown name is shortened in the middle; its remove button's is not), and the
    # upload done: Streamlit disables a form's submit button while one of its files is still uploading
    expect(form.get_by_role("button", name=f"Remove {filename}")).to_be_visible()
    expect(form.get_by_role("button", name=texts.MAT_SUBMIT_VERSION, exact=True)).to_be_enabled()
    form.get_by_label(texts.MAT_FIELD_NOTE).fill(note)
    _double_click_and_settle(page, form, texts.MAT_SUBMIT_VERSION, texts.MAT_VERSION_SAVED.format(n=2))

    with psycopg.connect(owner_url) as conn:
        versions = conn.execute(
            "select v.number, v.filename, v.mime, v.size_bytes, v.sha256, v.note, u.username, b.content"
            " from material_versions v left join app_users u on u.id = v.created_by"
            " left join material_blobs b on b.version_id = v.id where v.material_id = %s order by v.number",
            (material_id,)).fetchall()
        current = conn.execute("select current_version, version, withdrawn_at is null from materials where id = %s",
                               (material_id,)).fetchone()
    assert [v[:2] for v in versions] == [(1, "version1.pdf"), (2, filename)]
    assert versions[1][2:7] == ("application/pdf", len(second), hashlib.sha256(second).hexdigest(), note,
                                "lehrkraft")
    assert bytes(versions[1][7]) == second
    assert current == (2, 2, True)  # moved on once: shared as 1, one new version
    # the share wrote the first two events; the double click one more
    assert _events(owner_url, material_id) == [("angelegt", "lehrkraft", title),
                                               ("neue_version", "lehrkraft", "Version 1: version1.pdf"),
                                               ("neue_version", "lehrkraft", f"Version 2: {filename}")]
    _assert_no_error(page)


def test_a_double_click_on_material_zurueckziehen_withdraws_once(page: Page, owner_url: str, db,
                                                                 created: list[UUID]):
    mark = uuid4().hex[:8]
    title = f"Doppelklick-Zurückziehen {mark}"
    material_id = materials.share_link(db, TEACHER, _sharing(title), f"https://example.org/weg/{mark}")
    created.append(material_id)

    _open_material(page, title)
    form = _form(page, texts.MAT_WITHDRAW)
    sure = form.get_by_text(texts.MAT_WITHDRAW_CONFIRM)
    sure.click()
    expect(form.get_by_role("checkbox", name=texts.MAT_WITHDRAW_CONFIRM)).to_be_checked()
    _double_click_and_settle(page, form, texts.MAT_WITHDRAW, texts.MAT_WITHDRAWN)

    with psycopg.connect(owner_url) as conn:
        row = conn.execute("select m.version, m.withdrawn_at is not null, u.username from materials m"
                           " left join app_users u on u.id = m.withdrawn_by where m.id = %s", (material_id,)).fetchone()
    assert row == (2, True, "lehrkraft")  # shared as version 1, withdrawn once
    assert _events(owner_url, material_id) == [("angelegt", "lehrkraft", title), ("zurueckgezogen", "lehrkraft", None)]
    _assert_no_error(page)
    expect(page.get_by_role("heading", name=title)).to_have_count(0)  # gone from the library
