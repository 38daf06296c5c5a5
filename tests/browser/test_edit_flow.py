"""Editing what exists (issue 18) in a real headless Chromium: a teacher renames a material and moves a milestone's
due day, and sees the change on the page; the database holds what was typed and the trail says from what to what.
The material and the project are the test's own, removed afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from uuid import UUID, uuid4

import psycopg
import pytest
from playwright.sync_api import Locator, Page, expect

from leokop import clock, texts
from leokop.demo.seed import demo_id
from leokop.formats import german_date
from leokop.repo import materials, projects
from tests.browser.conftest import wait_until_settled
from tests.browser.test_choices_flow import _open_menu_page
from tests.browser.test_grade_flow import RMD_PAIR, _combobox, _sign_in_on_dashboard
from tests.browser.test_material_double_flow import (
    TEACHER,
    _assert_no_error,
    _open_material,
    _remove_materials,
    _sharing,
    _shown_or_chosen,
)
from tests.helpers import cooperation_id

pytestmark = pytest.mark.browser


def _form_in(scope: Locator, page: Page, button: str) -> Locator:
    form = scope.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=button, exact=True))
    expect(form).to_have_count(1)
    return form


def _expand(page: Page, label: str) -> Locator:
    """Open the expander with this label (a click on its summary) and return it."""
    expander = page.get_by_test_id("stExpander").filter(
        has=page.locator("summary").filter(has_text=label)).first
    expander.locator("summary").first.click()
    wait_until_settled(page)
    return expander


@pytest.fixture()
def material(db, owner_url: str) -> Iterator[tuple[UUID, str]]:
    title = f"Umbenennen {uuid4().hex[:8]}"
    material_id = materials.share_link(db, TEACHER, _sharing(title), "https://example.org/umbenennen")
    yield material_id, title
    _remove_materials(owner_url, [material_id])


def test_a_teacher_renames_a_material_and_sees_the_new_title(page: Page, owner_url: str, material):
    material_id, title = material
    new_title = f"{title} – „neu“ & <geprüft>"
    _open_material(page, title)
    form = _form_in(_expand(page, texts.MAT_EDIT), page, texts.MAT_SUBMIT_EDIT)
    field = form.get_by_label(texts.MAT_FIELD_TITLE, exact=True)
    expect(field).to_have_value(title)
    field.fill(new_title)
    form.get_by_role("button", name=texts.MAT_SUBMIT_EDIT, exact=True).click()
    expect(page.get_by_test_id("stToast").filter(has_text="ist gespeichert")).to_be_visible()
    wait_until_settled(page)
    expect(page.get_by_role("heading", name=new_title)).to_be_visible()  # the detail shows it, as typed
    expect(_combobox(page, texts.MAT_CHOOSE)).to_have_value(new_title)  # and the library
    _assert_no_error(page)
    with psycopg.connect(owner_url) as conn:
        stored = conn.execute("select title, version from materials where id = %s", (material_id,)).fetchone()
        trail = conn.execute("select action, detail from material_events where material_id = %s order by id",
                             (material_id,)).fetchall()
    assert stored == (new_title, 2)
    assert trail[-1] == ("bearbeitet", f"Titel: „{title}“ → „{new_title}“")


@pytest.fixture()
def project(db, owner_url: str) -> Iterator[tuple[UUID, str]]:
    today = clock.today()
    title = f"Verschieben {uuid4().hex[:8]}"
    project_id = projects.create_project(db, TEACHER, projects.NewProject(
        demo_id("school", "mainufer"), [cooperation_id("mainufer", "rmd")], title, None, today,
        today + timedelta(days=60), [], [], [], [], [(today + timedelta(days=10), "Abnahme")]))
    yield project_id, title
    with psycopg.connect(owner_url) as conn:
        for table in ("project_events", "project_milestones", "project_cooperations"):
            conn.execute(f"delete from {table} where project_id = %s", (project_id,))
        conn.execute("delete from projects where id = %s", (project_id,))


def test_a_teacher_moves_a_milestone_and_sees_the_new_due_day(page: Page, owner_url: str, project):
    project_id, title = project
    old_due, new_due = clock.today() + timedelta(days=10), clock.today() + timedelta(days=24)
    _sign_in_on_dashboard(page, "lehrkraft")
    _open_menu_page(page, texts.PAGE_PROJECTS)
    _shown_or_chosen(page, texts.CHOOSE_COOPERATION, RMD_PAIR)
    expander = _expand(page, title)
    choice = expander.get_by_role("combobox", name=texts.PROJ_CHOOSE_MILESTONE, exact=True)
    expect(choice).to_have_value(f"{german_date(old_due)} Abnahme")
    form = _form_in(expander, page, texts.PROJ_SUBMIT_MILESTONE)
    due = form.get_by_label(texts.PROJ_FIELD_DUE, exact=True)
    due.get_by_role("spinbutton").first.click()  # a segmented date field: typed digit by digit, as a person does
    page.keyboard.type(german_date(new_due).replace(".", ""))
    page.keyboard.press("Tab")
    expect(due).to_contain_text(str(new_due.year))
    form.get_by_role("button", name=texts.PROJ_SUBMIT_MILESTONE, exact=True).click()
    expect(page.get_by_test_id("stToast").filter(
        has_text=texts.PROJ_MILESTONE_SAVED.format(title="Abnahme"))).to_be_visible()
    wait_until_settled(page)
    expander = page.get_by_test_id("stExpander").filter(has=page.locator("summary").filter(has_text=title)).first
    expect(expander.get_by_role("combobox", name=texts.PROJ_CHOOSE_MILESTONE, exact=True)).to_have_value(
        f"{german_date(new_due)} Abnahme")  # the page shows the new day
    _assert_no_error(page)
    with psycopg.connect(owner_url) as conn:
        stored = conn.execute("select due_on, version from project_milestones where project_id = %s",
                              (project_id,)).fetchone()
        trail = conn.execute("select action, detail from project_events where project_id = %s order by id",
                             (project_id,)).fetchall()
    assert stored == (new_due, 2)
    assert trail[-1] == ("meilenstein_bearbeitet", f"„Abnahme“: fällig am: „{german_date(old_due)}“ → "
                                                   f"„{german_date(new_due)}“")
