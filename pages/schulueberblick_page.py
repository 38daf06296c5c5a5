"""Schulüberblick: counts of the leader's school, small groups suppressed in the database."""

import streamlit as st

from leokop import auth
from leokop.repo import overview
from leokop.ui import charts, texts, widgets
from leokop.ui.resources import database

user = auth.require_page("schulueberblick")
db = database()

st.title(texts.PAGE_OVERVIEW)
st.caption(texts.OVERVIEW_INTRO)

figures = overview.school_overview(db, user.user_id)
if figures.empty:
    st.info(texts.OVERVIEW_NONE)

for school_name, school in figures.groupby("school_name", sort=True):
    st.header(school_name)
    widgets.overview_metrics(school)
    columns = st.columns(len(texts.OVERVIEW_DIMENSIONS))
    for column, (dimension, title) in zip(columns, texts.OVERVIEW_DIMENSIONS.items(), strict=False):
        rows = school[school["dimension"] == dimension]
        with column:
            st.subheader(title)
            st.plotly_chart(charts.count_bars(rows), key=f"{school_name}-{dimension}")
            widgets.count_table(rows)
