"""Meine Kooperationen: the pairs a teacher or trainer works in, each with its apprentices."""

import streamlit as st

from leokop import auth, texts
from leokop.formats import plain
from leokop.repo import cooperations
from leokop.ui import user_cache, widgets
from leokop.ui.resources import database

user = auth.require_page("kooperationen")
db = database()

st.title(texts.PAGE_COOPERATIONS)
st.caption(texts.COOP_INTRO)

pairs = user_cache.my_cooperations(db, user.user_id)
if pairs.empty:
    st.info(texts.COOP_NONE)

for pair in pairs.itertuples():
    with st.container(border=True):
        st.subheader(texts.COOP_HEADER.format(school=plain(pair.school), company=plain(pair.company)))
        st.caption(texts.COOP_META.format(since=widgets.german_date(pair.since), n=pair.apprentices))
        apprentices = cooperations.cooperation_apprentices(db, user.user_id, pair.id)
        widgets.apprentice_table(apprentices)
