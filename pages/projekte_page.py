"""Gemeinsame Projekte: the joint projects of a cooperation, their milestones (also on the dashboard's timeline)."""

import streamlit as st

from leokop import auth, texts
from leokop.repo import materials
from leokop.ui import project_views, widgets
from leokop.ui.resources import database

user = auth.require_page("projekte")
db = database()

st.title(texts.PAGE_PROJECTS)
coop_id = widgets.chosen_cooperation(db, user.user_id)

options = materials.share_options(db, user.user_id, coop_id)
with st.expander(texts.PROJ_NEW):
    project_views.new_project_form(db, user, coop_id, options["learning_fields"], options["positions"])
project_views.project_list(db, user, coop_id)
