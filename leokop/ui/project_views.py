"""Joint-projects page pieces: the cooperation's projects with milestones, and the form for a new one."""

from __future__ import annotations

from uuid import UUID

import pandas as pd
import streamlit as st

from leokop import clock, texts
from leokop.db.session import Database
from leokop.formats import german_datetime, is_missing, plain, text_or
from leokop.frames import records
from leokop.repo import materials, projects
from leokop.repo.users import Profile
from leokop.services import entries
from leokop.services import projects as checks
from leokop.ui import saving
from leokop.ui.apprentice_forms import date_field
from leokop.ui.material_views import labels_by_id, pick_many
from leokop.ui.saving import Edit
from leokop.ui.widgets import german_date, record_select


def project_list(db: Database, user: Profile, coop_id: UUID) -> None:
    found = projects.projects_of(db, user.user_id, coop_id)
    if found.empty:
        st.info(texts.PROJ_NONE)
        return
    table = found.assign(status=found["status"].map(texts.PROJ_STATUS_LABELS),
                         starts_on=found["starts_on"].map(german_date), ends_on=found["ends_on"].map(german_date),
                         next_milestone=found["next_milestone"].fillna("–"))
    st.dataframe(table[list(texts.PROJ_COLUMNS)].rename(columns=texts.PROJ_COLUMNS), hide_index=True,
                 width="stretch")
    for project in records(found):
        with st.expander(plain(project["title"]), expanded=len(found) == 1):
            _project(db, user, project)


def _project(db: Database, user: Profile, project: dict) -> None:
    info = projects.project_details(db, user.user_id, project["id"])
    if project["goal"]:
        st.markdown(plain(project["goal"]))
    st.caption(plain(" · ".join(info["cooperations"]["label"])))
    st.caption(plain(" · ".join(info["topics"]["label"])))
    left, right = st.columns(2)
    left.markdown(f"**{texts.PROJ_FIELD_APPRENTICES}**  \n" + "  \n".join(
        f"{plain(a['name'])} ({plain(a['company'])})" for a in records(info["apprentices"])))
    right.markdown(f"**{texts.PROJ_FIELD_MATERIALS}**  \n" + "  \n".join(
        f"{plain(m['title'])} ({texts.MAT_KIND_LABELS[m['kind']]})" for m in records(info["materials"])))
    milestones = info["milestones"].assign(due_on=info["milestones"]["due_on"].map(german_date),
                                           place=info["milestones"]["place"].map(_place).map(texts.PROJ_PLACE_LABELS),
                                           description=info["milestones"]["description"].map(text_or))
    st.dataframe(milestones[list(texts.PROJ_MILESTONE_COLUMNS)].rename(columns=texts.PROJ_MILESTONE_COLUMNS),
                 hide_index=True, width="stretch")
    _progress_form(db, user, project, info["milestones"])
    _milestone_form(db, user, project, info["milestones"])
    with st.expander(texts.PROJ_SECTION_EVENTS):
        events = info["events"].assign(at=info["events"]["at"].map(german_datetime),
                                       action=info["events"]["action"].map(texts.PROJ_EVENT_LABELS))
        st.dataframe(events.fillna("").rename(columns=texts.PROJ_EVENT_COLUMNS), hide_index=True, width="stretch")


def _place(value) -> str:
    """The milestone's responsible place as the form's key: "beide" where none is stored (both places)."""
    return "beide" if is_missing(value) else str(value)


def _or_none(value):
    return None if is_missing(value) else value


def _milestone_form(db: Database, user: Profile, project: dict, milestones: pd.DataFrame) -> None:
    """One milestone at a time: title, due day (within the project's period), responsible place, description, against
    the milestone's version the form was drawn from."""
    if milestones.empty:
        return
    rows = {m["id"]: m for m in records(milestones)}
    st.markdown(f"**{texts.PROJ_EDIT_MILESTONE}**")
    chosen = record_select(texts.PROJ_CHOOSE_MILESTONE,
                           {m["id"]: f"{german_date(m['due_on'])} {m['title']}" for m in rows.values()},
                           f"proj-milestone-choice-{project['id']}")
    if chosen is None:
        return
    m = rows[chosen]
    description = text_or(m["description"], "")
    form = f"proj-milestone-{chosen}"
    edit = Edit(f"milestone:{chosen}", int(m["version"]),
                {texts.PROJ_FIELD_MILESTONE_TITLE: m["title"], texts.PROJ_FIELD_DUE: german_date(m["due_on"]),
                 texts.PROJ_FIELD_PLACE: texts.PROJ_PLACE_LABELS[_place(m["place"])],
                 texts.PROJ_FIELD_MILESTONE_DESCRIPTION: description or "–"},
                _or_none(m["changed_by"]), _or_none(m["updated_at"]),
                saving.key(form, f"proj-milestone-title-{chosen}"))
    allowed = entries.milestone_days(project["starts_on"], project["ends_on"])
    places = list(texts.PROJ_PLACE_LABELS)
    with st.form(saving.key(form), enter_to_submit=False):
        confirmed = saving.show_conflict(edit)
        title = st.text_input(texts.PROJ_FIELD_MILESTONE_TITLE, value=m["title"], max_chars=200, key=edit.marker)
        left, right = st.columns(2)
        due_on = date_field(texts.PROJ_FIELD_DUE, allowed, value=m["due_on"],
                            key=saving.key(form, f"proj-milestone-due-{chosen}"), parent=left)
        place = right.selectbox(texts.PROJ_FIELD_PLACE, places, index=places.index(_place(m["place"])),
                                format_func=texts.PROJ_PLACE_LABELS.get,
                                key=saving.key(form, f"proj-milestone-place-{chosen}"),
                                placeholder=texts.PLACEHOLDER_CHOOSE)
        text = st.text_area(texts.PROJ_FIELD_MILESTONE_DESCRIPTION, value=description, max_chars=4000,
                            key=saving.key(form, f"proj-milestone-description-{chosen}"))
        if not st.form_submit_button(texts.PROJ_SUBMIT_MILESTONE):
            return
        change = projects.MilestoneEdit(title.strip(), due_on, None if place in (None, "beide") else place,
                                        text.strip() or None)
        problems = checks.milestone_problems(title, due_on, text, allowed)
        if not problems and (change.title, change.due_on, _place(change.place), change.description or "") == (
                m["title"], m["due_on"], _place(m["place"]), description):
            problems = [texts.EDIT_NOTHING_CHANGED]
        saving.save(form, problems, lambda version: projects.update_milestone(
            db, user.user_id, project["id"], chosen, version, change),
            texts.PROJ_MILESTONE_SAVED.format(title=plain(change.title)), edit=edit, confirmed=confirmed,
            after=lambda: saving.forget_record(f"project:{project['id']}"))


def _progress_form(db: Database, user: Profile, project: dict, milestones: pd.DataFrame) -> None:
    """Status and milestones done, against the versions the form was drawn from (the project's and each
    milestone's): a change by someone else meanwhile is named, and saved over only when confirmed."""
    form = f"proj-status-{project['id']}"
    open_rows = milestones[~milestones["done"].astype(bool)]  # an empty frame too (object dtype)
    labels = dict(zip(milestones["id"], milestones["title"], strict=True))
    changes = [(project.get("updated_at"), project.get("changed_by"))] + [
        (m["updated_at"], m["changed_by"]) for m in records(milestones) if not pd.isna(m["updated_at"])]
    latest = max((c for c in changes if c[0] is not None and not pd.isna(c[0])), default=(None, None),
                 key=lambda c: c[0])
    milestone_versions = tuple(sorted((str(m["id"]), int(m["version"])) for m in records(milestones)))
    edit = Edit(f"project:{project['id']}", (int(project["version"]), milestone_versions),
                {texts.PROJ_FIELD_STATUS: texts.PROJ_STATUS_LABELS[project["status"]],
                 **{texts.MILESTONE_STATE.format(title=m["title"]): texts.CONCERN_STATE_LABELS[not m["done"]]
                    for m in records(milestones)}},
                None if latest[1] is None or pd.isna(latest[1]) else latest[1], latest[0],
                saving.key(form, f"proj-status-value-{project['id']}"))
    versions = {m["id"]: int(m["version"]) for m in records(milestones)}
    with st.form(saving.key(form)):
        confirmed = saving.show_conflict(edit)
        status = st.selectbox(texts.PROJ_FIELD_STATUS, list(texts.PROJ_STATUS_LABELS),
                              index=list(texts.PROJ_STATUS_LABELS).index(project["status"]),
                              format_func=texts.PROJ_STATUS_LABELS.get, key=edit.marker,
                              placeholder=texts.PLACEHOLDER_CHOOSE)
        done = st.multiselect(texts.PROJ_MILESTONE_DONE, list(open_rows["id"]), format_func=labels.get,
                              key=saving.key(form, f"proj-status-done-{project['id']}"),
                              placeholder=texts.PLACEHOLDER_CHOOSE_MANY, select_all=False)
        if st.form_submit_button(texts.PROJ_SUBMIT_STATUS):
            problems = [] if status != project["status"] or done else [texts.PROJ_NOTHING_TO_SAVE]
            saving.save(form, problems, lambda version: projects.save_progress(
                db, user.user_id, project["id"], version[0], status if status != project["status"] else None,
                {m: versions[m] for m in done}), texts.PROJ_STATUS_SAVED, edit=edit, confirmed=confirmed,
                after=lambda: [saving.forget_record(f"milestone:{m}") for m in done])


def new_project_form(db: Database, user: Profile, coop_id: UUID, learning_fields: pd.DataFrame,
                     positions: pd.DataFrame) -> None:
    choices = projects.project_choices(db, user.user_id, coop_id)
    coops = choices["cooperations"]
    library = materials.library(db, user.user_id, coop_id)
    today = clock.today()
    allowed = entries.plan_days(today)
    form = "proj-new"
    with st.form(saving.key(form), enter_to_submit=False):  # emptied only after the project is saved
        title = st.text_input(texts.PROJ_FIELD_TITLE, max_chars=200, key=saving.key(form, "proj-new-title"))
        goal = st.text_area(texts.PROJ_FIELD_GOAL, max_chars=4000, key=saving.key(form, "proj-new-goal"))
        left, right = st.columns(2)
        # empty at first: a day the widget refuses leaves the field empty (and is named), never a default
        starts_on = date_field(texts.PROJ_FIELD_START, allowed, key=saving.key(form, "proj-new-start"), parent=left)
        ends_on = date_field(texts.PROJ_FIELD_END, allowed, key=saving.key(form, "proj-new-end"), parent=right)
        coop_ids = st.multiselect(texts.PROJ_FIELD_COOPS, list(coops["id"]), default=[coop_id],
                                  format_func=labels_by_id(coops, "label").get, key=saving.key(form, "proj-new-coops"),
                                  placeholder=texts.PLACEHOLDER_CHOOSE_MANY, select_all=False)
        people = choices["apprentices"]
        apprentice_ids = pick_many(texts.PROJ_FIELD_APPRENTICES, people, ("label",),
                                   saving.key(form, "proj-new-apprentices"))
        lf_ids = pick_many(texts.MAT_FIELD_LFS, learning_fields, ("code", "title"), saving.key(form, "proj-new-lfs"))
        position_ids = pick_many(texts.MAT_FIELD_POSITIONS, positions, ("number", "title"),
                                 saving.key(form, "proj-new-positions"))
        material_ids = pick_many(texts.PROJ_FIELD_MATERIALS, library, ("title",),
                                 saving.key(form, "proj-new-materials"))
        milestone_text = st.text_area(texts.PROJ_FIELD_MILESTONES, key=saving.key(form, "proj-new-milestones"))
        submitted = st.form_submit_button(texts.PROJ_SUBMIT, type="primary")
    if not submitted:
        return
    milestones, problems = checks.parse_milestones(milestone_text)
    problems = entries.text_problems(milestone_text, required=False, max_length=20_000) + problems
    problems += checks.project_problems(title, goal, starts_on, ends_on, coop_ids, milestones, allowed)
    chosen_coops = set(coop_ids)
    labels = labels_by_id(people, "label")
    problems += [texts.PROJ_ERR_APPRENTICE_COOP.format(name=plain(labels[a])) for a in apprentice_ids
                 if people.set_index("id").loc[a, "cooperation_id"] not in chosen_coops]
    new = projects.NewProject(coops["school_id"].iloc[0] if not coops.empty else None, coop_ids, title,
                              goal.strip() or None, starts_on, ends_on, lf_ids, position_ids, apprentice_ids,
                              material_ids, milestones)
    saving.save(form, list(dict.fromkeys(problems)), lambda: projects.create_project(db, user.user_id, new),
                texts.PROJ_SAVED.format(title=plain(title.strip())))
