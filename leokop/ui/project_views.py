"""Joint-projects page pieces: the cooperation's projects with milestones, and the form for a new one."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import pandas as pd
import streamlit as st

from leokop import clock
from leokop.db.session import Database
from leokop.frames import records
from leokop.repo import materials, projects
from leokop.repo.users import Profile
from leokop.services import projects as checks
from leokop.ui import texts
from leokop.ui.material_views import labels_by_id, run_write
from leokop.ui.widgets import german_date


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
        with st.expander(project["title"], expanded=len(found) == 1):
            _project(db, user, project)


def _project(db: Database, user: Profile, project: dict) -> None:
    info = projects.project_details(db, user.user_id, project["id"])
    if project["goal"]:
        st.write(project["goal"])
    st.caption(" · ".join(info["cooperations"]["label"]))
    st.caption(" · ".join(info["topics"]["label"]))
    left, right = st.columns(2)
    left.markdown(f"**{texts.PROJ_FIELD_APPRENTICES}**  \n" + "  \n".join(
        f"{a['name']} ({a['company']})" for a in records(info["apprentices"])))
    right.markdown(f"**{texts.PROJ_FIELD_MATERIALS}**  \n" + "  \n".join(
        f"{m['title']} ({texts.MAT_KIND_LABELS[m['kind']]})" for m in records(info["materials"])))
    milestones = info["milestones"].assign(due_on=info["milestones"]["due_on"].map(german_date))
    st.dataframe(milestones[list(texts.PROJ_MILESTONE_COLUMNS)].rename(columns=texts.PROJ_MILESTONE_COLUMNS),
                 hide_index=True, width="stretch")
    with st.form(f"proj-status-{project['id']}"):
        status = st.selectbox(texts.PROJ_FIELD_STATUS, list(texts.PROJ_STATUS_LABELS),
                              index=list(texts.PROJ_STATUS_LABELS).index(project["status"]),
                              format_func=texts.PROJ_STATUS_LABELS.get)
        open_ids = list(info["milestones"][~info["milestones"]["done"]]["id"])
        labels = dict(zip(info["milestones"]["id"], info["milestones"]["title"], strict=True))
        done = st.multiselect(texts.PROJ_MILESTONE_DONE, open_ids, format_func=labels.get)
        if st.form_submit_button(texts.PROJ_SUBMIT_STATUS):
            def write() -> None:
                if status != project["status"]:
                    projects.set_status(db, user.user_id, project["id"], project["version"], status)
                for milestone_id in done:
                    projects.set_milestone_done(db, user.user_id, milestone_id, True)
            run_write([], write, texts.PROJ_STATUS_SAVED)


def new_project_form(db: Database, user: Profile, coop_id: UUID, learning_fields: pd.DataFrame,
                     positions: pd.DataFrame) -> None:
    choices = projects.project_choices(db, user.user_id, coop_id)
    coops = choices["cooperations"]
    library = materials.library(db, user.user_id, coop_id)
    today = clock.today()
    with st.form("proj-new", clear_on_submit=True):
        title = st.text_input(texts.PROJ_FIELD_TITLE, max_chars=200)
        goal = st.text_area(texts.PROJ_FIELD_GOAL, max_chars=4000)
        left, right = st.columns(2)
        starts_on = left.date_input(texts.PROJ_FIELD_START, today, format="DD.MM.YYYY")
        ends_on = right.date_input(texts.PROJ_FIELD_END, today + timedelta(weeks=8), format="DD.MM.YYYY")
        coop_ids = st.multiselect(texts.PROJ_FIELD_COOPS, list(coops["id"]), default=[coop_id],
                                  format_func=labels_by_id(coops, "label").get)
        people = choices["apprentices"]
        apprentice_ids = st.multiselect(texts.PROJ_FIELD_APPRENTICES, list(people["id"]),
                                        format_func=labels_by_id(people, "label").get)
        lf_ids = st.multiselect(texts.MAT_FIELD_LFS, list(learning_fields["id"]),
                                format_func=labels_by_id(learning_fields, "code", "title").get)
        position_ids = st.multiselect(texts.MAT_FIELD_POSITIONS, list(positions["id"]),
                                      format_func=labels_by_id(positions, "number", "title").get)
        material_ids = st.multiselect(texts.PROJ_FIELD_MATERIALS, list(library["id"]),
                                      format_func=labels_by_id(library, "title").get)
        milestone_text = st.text_area(texts.PROJ_FIELD_MILESTONES)
        if not st.form_submit_button(texts.PROJ_SUBMIT, type="primary"):
            return
    milestones, problems = checks.parse_milestones(milestone_text)
    problems += checks.project_problems(title, goal, starts_on, ends_on, coop_ids, milestones, today)
    chosen_coops = set(coop_ids)
    apprentice_ids = [a for a in apprentice_ids
                      if people.set_index("id").loc[a, "cooperation_id"] in chosen_coops]
    new = projects.NewProject(coops["school_id"].iloc[0] if not coops.empty else None, coop_ids, title,
                              goal.strip() or None, starts_on, ends_on, lf_ids, position_ids, apprentice_ids,
                              material_ids, milestones)
    run_write(problems, lambda: projects.create_project(db, user.user_id, new),
              texts.PROJ_SAVED.format(title=title.strip()))
