"""Editing what exists (issue 18): a material's description, audience and topics, a milestone's title, due day,
responsible place and description, through the real app. Saved equals shown, the trail says what changed from what
to what, a later writer is told who changed what and when (input kept, saved over only when confirmed), a refused
input changes no row, and only who may edit sees the form."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import clock, texts
from leokop.demo.seed import demo_id
from leokop.formats import german_date, plain
from leokop.repo import materials, projects
from leokop.ui import widgets
from tests.helpers import cooperation_id, user_id
from tests.pages.conftest import confirmations, errors, form_button, widget

PAIR = cooperation_id("mainufer", "rmd")
FI = demo_id("occupation", "FI")


def _open(login, username: str, page: str, **state) -> AppTest:
    at = login(username)
    at.session_state[widgets.COOP_KEY] = PAIR
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(f"pages/{page}_page.py").run()
    assert not at.exception, at.exception
    return at


def _warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


# --- materials ----------------------------------------------------------------------------------------------------


@pytest.fixture()
def material(db, owner_url):
    """A link lehrkraft shared in the Mainufer ↔ RMD pair, about the first Lernfeld of FI."""
    with psycopg.connect(owner_url) as conn:
        lfs = [r[0] for r in conn.execute("select id from learning_fields where occupation_id = %s"
                                          " order by sort_order limit 2", (FI,)).fetchall()]
    material_id = materials.share_link(db, user_id("lehrkraft"), materials.Sharing(
        PAIR, FI, "kooperation", None, "Bearbeiten: alter Titel", "alte Beschreibung", ["alt"], lfs[:1], []),
        "https://example.org/bearbeiten")
    yield material_id, lfs
    with psycopg.connect(owner_url) as conn:
        for table in ("material_events", "material_learning_fields", "material_positions"):
            conn.execute(f"delete from {table} where material_id = %s", (material_id,))
        conn.execute("delete from materials where id = %s", (material_id,))


def _material_row(owner_url, material_id) -> tuple:
    with psycopg.connect(owner_url) as conn:
        row = conn.execute("select title, description, tags, scope::text, version from materials where id = %s",
                           (material_id,)).fetchone()
        lfs = {r[0] for r in conn.execute("select learning_field_id from material_learning_fields"
                                          " where material_id = %s", (material_id,)).fetchall()}
        events = [r for r in conn.execute("select action, detail from material_events where material_id = %s"
                                          " order by id", (material_id,)).fetchall()]
    return row, lfs, events


def _edit_material(at: AppTest, material_id, *, title: str | None = None, description: str | None = None,
                   tags: str | None = None, lfs: list | None = None) -> None:
    if title is not None:
        widget(at.text_input, f"mat-edit-title-{material_id}").set_value(title)
    if description is not None:
        widget(at.text_area, f"mat-edit-description-{material_id}").set_value(description)
    if tags is not None:
        widget(at.text_input, f"mat-edit-tags-{material_id}").set_value(tags)
    if lfs is not None:
        widget(at.multiselect, f"mat-edit-lfs-{material_id}").set_value(lfs)
    form_button(at, f"mat-edit-{material_id}", texts.MAT_SUBMIT_EDIT).click().run()
    assert not at.exception, at.exception


def test_material_edit_saves_what_was_typed_and_the_trail_says_from_what_to_what(login, owner_url, material):
    material_id, lfs = material
    at = _open(login, "lehrkraft", "materialien", leokop_material=material_id)
    title = "**Neuer** Titel :material/home: <b>x</b>"
    _edit_material(at, material_id, title=title, description="neue Beschreibung", tags="neu, Netz",
                   lfs=[lfs[1]])
    assert errors(at) == []
    assert confirmations(at) == [texts.MAT_EDITED.format(title=plain(title))]
    (saved_title, description, tags, scope, version), saved_lfs, events = _material_row(owner_url, material_id)
    assert (saved_title, description, tags, scope, version) == (title, "neue Beschreibung", ["neu", "Netz"],
                                                                 "kooperation", 2)
    assert saved_lfs == {lfs[1]}
    at.run()
    assert next(s.value for s in at.subheader) == plain(title)  # shown as typed
    details = " | ".join(d or "" for a, d in events if a == "bearbeitet")
    assert f"Titel: „Bearbeiten: alter Titel“ → „{title}“" in details
    assert "Beschreibung: „alte Beschreibung“ → „neue Beschreibung“" in details
    assert "Schlagwörter: „alt“ → „neu, Netz“" in details
    assert "Lernfeld entfernt" in details and "Lernfeld hinzugefügt" in details
    # the form now shows the saved state: submitting it as it comes changes nothing
    form_button(at, f"mat-edit-{material_id}", texts.MAT_SUBMIT_EDIT).click().run()
    assert errors(at) == [texts.EDIT_NOTHING_CHANGED]
    assert _material_row(owner_url, material_id)[0][4] == 2


def test_a_refused_material_edit_changes_nothing_and_keeps_the_input(login, owner_url, material):
    material_id, _lfs = material
    before = _material_row(owner_url, material_id)
    at = _open(login, "lehrkraft", "materialien", leokop_material=material_id)
    _edit_material(at, material_id, title="   ", tags=", ".join(f"t{n}" for n in range(25)))
    assert errors(at) == [texts.TITLE_EMPTY, texts.MAT_ERR_TAGS]
    assert widget(at.text_input, f"mat-edit-title-{material_id}").value == "   "
    assert _material_row(owner_url, material_id) == before


def test_a_stale_material_edit_names_who_changed_what_and_keeps_the_input(login, db, owner_url, material):
    material_id, _lfs = material
    at = _open(login, "lehrkraft", "materialien", leokop_material=material_id)
    # the school's admin, meanwhile, in a session of their own
    materials.update_material(db, user_id("admin"), material_id, 1, materials.MaterialEdit(
        "Vom Admin geändert", "alte Beschreibung", ["alt"], "kooperation", None, [], []))
    _edit_material(at, material_id, title="Meine Fassung")
    warning = next(w for w in _warnings(at) if "Vom Admin geändert" in w)
    assert "„Bearbeiten: alter Titel“ → „Vom Admin geändert“" in warning
    assert errors(at) and errors(at)[0].startswith(texts.STALE_NOT_CONFIRMED.split("{")[0])
    assert widget(at.text_input, f"mat-edit-title-{material_id}").value == "Meine Fassung"
    assert _material_row(owner_url, material_id)[0][0] == "Vom Admin geändert"
    # pressing again without the confirmation is refused again; with it, the input is saved over the other change
    form_button(at, f"mat-edit-{material_id}", texts.MAT_SUBMIT_EDIT).click().run()
    assert _material_row(owner_url, material_id)[0][0] == "Vom Admin geändert"
    next(c for c in at.checkbox if c.key.startswith(f"mat-edit-title-{material_id}")).check()
    form_button(at, f"mat-edit-{material_id}", texts.MAT_SUBMIT_EDIT).click().run()
    assert errors(at) == []
    assert _material_row(owner_url, material_id)[0][0] == "Meine Fassung"


def test_who_may_not_edit_sees_no_edit_form(login, material):
    """The trainer of the pair sees lehrkraft's material (and may upload a new version of a file) but not edit it."""
    material_id, _lfs = material
    at = _open(login, "ausbilder", "materialien", leokop_material=material_id)
    assert [s.value for s in at.subheader][:1] == ["Bearbeiten: alter Titel"]  # sees the material
    assert not any(b.label == texts.MAT_SUBMIT_EDIT for b in at.button)


# --- milestones -----------------------------------------------------------------------------------------------------


@pytest.fixture()
def project(db, owner_url):
    today = clock.today()
    project_id = projects.create_project(db, user_id("lehrkraft"), projects.NewProject(
        demo_id("school", "mainufer"), [PAIR], "Bearbeiten-Projekt", None, today, today + timedelta(days=60),
        [], [], [], [], [(today + timedelta(days=20), "Erster Entwurf")]))
    with psycopg.connect(owner_url) as conn:
        milestone_id = conn.execute("select id from project_milestones where project_id = %s",
                                    (project_id,)).fetchone()[0]
    yield project_id, milestone_id
    with psycopg.connect(owner_url) as conn:
        for table in ("project_events", "project_milestones", "project_cooperations"):
            conn.execute(f"delete from {table} where project_id = %s", (project_id,))
        conn.execute("delete from projects where id = %s", (project_id,))


def _milestone(owner_url, milestone_id) -> tuple:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select title, due_on, place::text, description, version from project_milestones"
                            " where id = %s", (milestone_id,)).fetchone()


def _trail(owner_url, project_id) -> list[str]:
    with psycopg.connect(owner_url) as conn:
        return [r[0] for r in conn.execute("select action || ': ' || coalesce(detail, '') from project_events"
                                           " where project_id = %s order by id", (project_id,)).fetchall()]


def _edit_milestone(at: AppTest, milestone_id, *, title=None, due_on=None, place=None, description=None) -> None:
    if title is not None:
        widget(at.text_input, f"proj-milestone-title-{milestone_id}").set_value(title)
    if due_on is not None:
        widget(at.date_input, f"proj-milestone-due-{milestone_id}").set_value(due_on)
    if place is not None:
        widget(at.selectbox, f"proj-milestone-place-{milestone_id}").set_value(place)
    if description is not None:
        widget(at.text_area, f"proj-milestone-description-{milestone_id}").set_value(description)
    form_button(at, f"proj-milestone-{milestone_id}", texts.PROJ_SUBMIT_MILESTONE).click().run()
    assert not at.exception, at.exception


def _open_project(login, username: str, project_id, milestone_id) -> AppTest:
    return _open(login, username, "projekte", **{f"proj-milestone-choice-{project_id}": milestone_id})


def test_milestone_edit_saves_what_was_typed_and_the_trail_says_from_what_to_what(login, owner_url, project):
    project_id, milestone_id = project
    due = clock.today() + timedelta(days=40)
    at = _open_project(login, "ausbilder", project_id, milestone_id)  # the other side of the pair
    _edit_milestone(at, milestone_id, title="Entwurf _fertig_", due_on=due, place="betrieb",
                    description="Mit **Netzplan**")
    assert errors(at) == []
    assert confirmations(at) == [texts.PROJ_MILESTONE_SAVED.format(title=r"Entwurf \_fertig\_")]
    assert _milestone(owner_url, milestone_id) == ("Entwurf _fertig_", due, "betrieb", "Mit **Netzplan**", 2)
    trail = _trail(owner_url, project_id)
    assert trail[-1] == (f"meilenstein_bearbeitet: „Erster Entwurf“: Titel: „Erster Entwurf“ → „Entwurf _fertig_“; "
                         f"fällig am: „{german_date(clock.today() + timedelta(days=20))}“ → „{german_date(due)}“; "
                         "zuständig: „beide Lernorte“ → „Betrieb“; Beschreibung: „–“ → „Mit **Netzplan**“")
    at.run()
    column = texts.PROJ_MILESTONE_COLUMNS["title"]
    table = next(f.value for f in at.dataframe if column in f.value and "Entwurf _fertig_" in set(f.value[column]))
    row = table[table[texts.PROJ_MILESTONE_COLUMNS["title"]] == "Entwurf _fertig_"].iloc[0]  # shown as typed
    assert (row[texts.PROJ_MILESTONE_COLUMNS["due_on"]], row[texts.PROJ_MILESTONE_COLUMNS["place"]],
            row[texts.PROJ_MILESTONE_COLUMNS["description"]]) == (german_date(due), "Betrieb", "Mit **Netzplan**")
    shown = [set(f.value[texts.PROJ_EVENT_COLUMNS["action"]]) for f in at.dataframe
             if texts.PROJ_EVENT_COLUMNS["detail"] in f.value]
    assert any(texts.PROJ_EVENT_LABELS["meilenstein_bearbeitet"] in actions for actions in shown)


def test_a_due_day_outside_the_project_is_refused_with_the_range(login, owner_url, project):
    project_id, milestone_id = project
    before = _milestone(owner_url, milestone_id)
    trail = _trail(owner_url, project_id)
    at = _open_project(login, "lehrkraft", project_id, milestone_id)
    late = clock.today() + timedelta(days=61)
    _edit_milestone(at, milestone_id, title="Zu spät", due_on=late)
    assert errors(at) == [texts.DATE_OUTSIDE.format(day=german_date(late), low=german_date(clock.today()),
                                                    high=german_date(clock.today() + timedelta(days=60)))]
    assert widget(at.text_input, f"proj-milestone-title-{milestone_id}").value == "Zu spät"
    assert _milestone(owner_url, milestone_id) == before and _trail(owner_url, project_id) == trail
    _edit_milestone(at, milestone_id, title=" ", due_on=clock.today())
    assert errors(at) == [texts.TITLE_EMPTY]
    assert _milestone(owner_url, milestone_id) == before


def test_a_stale_milestone_edit_names_who_changed_what_and_keeps_the_input(login, db, owner_url, project):
    project_id, milestone_id = project
    at = _open_project(login, "lehrkraft", project_id, milestone_id)
    projects.update_milestone(db, user_id("ausbilder"), project_id, milestone_id, 1, projects.MilestoneEdit(
        "Vom Betrieb verschoben", clock.today() + timedelta(days=30), "betrieb", None))
    _edit_milestone(at, milestone_id, description="Meine Ergänzung")
    # the form's own warning (the project's status form names the milestone's change too)
    warning = next(w for w in _warnings(at) if texts.PROJ_FIELD_MILESTONE_TITLE in w)
    assert "„Erster Entwurf“ → „Vom Betrieb verschoben“" in warning and "Betrieb" in warning
    assert errors(at)[0].startswith(texts.STALE_NOT_CONFIRMED.split("{")[0])
    assert widget(at.text_area, f"proj-milestone-description-{milestone_id}").value == "Meine Ergänzung"
    assert _milestone(owner_url, milestone_id)[3] is None
    next(c for c in at.checkbox if c.key.startswith(f"proj-milestone-title-{milestone_id}")).check()
    form_button(at, f"proj-milestone-{milestone_id}", texts.PROJ_SUBMIT_MILESTONE).click().run()
    assert errors(at) == []
    assert _milestone(owner_url, milestone_id)[3] == "Meine Ergänzung"

