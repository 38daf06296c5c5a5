"""Materialien: the library of one cooperation, sharing files and links, versions, comments, withdrawal."""

import streamlit as st

from leokop import auth, texts
from leokop.repo import materials
from leokop.ui import material_views, widgets
from leokop.ui.resources import database, storage

user = auth.require_page("materialien")
db = database()

st.title(texts.PAGE_MATERIALS)
coop_id = widgets.chosen_cooperation(db, user.user_id)

options = materials.share_options(db, user.user_id, coop_id)
library_tab, share_tab = st.tabs([texts.MAT_TAB_LIBRARY, texts.MAT_TAB_SHARE])
with share_tab:  # runs first, so that a material shared in this run is already in the library below
    material_views.share_form(db, storage(), user, coop_id, options)
with library_tab:
    chosen = material_views.library(db, user, coop_id, options["learning_fields"])
    if chosen is not None:
        st.divider()
        material_views.detail(db, storage(), user, chosen, options)
