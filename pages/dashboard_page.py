"""Kooperations-Dashboard: one pair's apprentices, progress at both places, risks and the plan ahead."""

from datetime import timedelta

import streamlit as st

from leokop import auth
from leokop.repo import cases, cooperations, dashboard, risks
from leokop.services import dashboard as dashboard_service
from leokop.ui import charts, formats, texts, widgets
from leokop.ui import dashboard_view as view
from leokop.ui.resources import database

user = auth.require_page("dashboard")
db = database()
today = formats.today()

st.title(texts.PAGE_DASHBOARD)
pairs = cooperations.my_cooperations(db, user.user_id)
if pairs.empty:
    st.info(texts.COOP_NONE)
    st.stop()
coop_id = widgets.cooperation_select(pairs)

header = dashboard.pair_header(db, user.user_id, coop_id)
apprentices = cooperations.cooperation_apprentices(db, user.user_id, coop_id)
apprentices = apprentices[apprentices["status"] == "aktiv"]
names = dashboard_service.display_names(apprentices)
lf = dashboard.lf_matrix(db, user.user_id, coop_id)
positions = dashboard.position_progress(db, user.user_id, coop_id)
record_book = dashboard.record_book_summary(db, user.user_id, coop_id, today)
absences = dashboard.absence_summary(db, user.user_id, coop_id, today)
window = (today - timedelta(days=30), today + timedelta(days=180))
schedule = view.schedule_rows(dashboard.pair_schedule(db, user.user_id, coop_id, *window), names)
flags = risks.open_flags(db, user.user_id, apprentices["id"].tolist())

place = view.own_place(user.roles)
other = "betrieb" if place == "schule" else "schule"
last_other = header[f"last_{'company' if other == 'betrieb' else 'school'}_activity"]
columns = st.columns(4)
columns[0].metric(texts.METRIC_APPRENTICES, header["apprentices"])
columns[1].metric(texts.METRIC_OPEN_RISKS, flags["apprentice_id"].nunique() if not flags.empty else 0)
next_kind, next_day = view.next_date(schedule, today)
columns[2].metric(texts.METRIC_NEXT_PHASE, next_day, delta=next_kind if next_kind != "–" else None,
                  delta_color="off", delta_arrow="off")  # the kind below the date: a long kind cut the label off
columns[3].metric(texts.METRIC_LAST_OTHER.format(place=texts.PLACE_LABELS[other]),
                  widgets.german_date(last_other) if last_other else texts.NONE_YET)
if apprentices.empty:
    st.info(texts.COOP_NO_ACTIVE)
    st.stop()

open_cases = cases.open_cases_of_pair(db, user.user_id, apprentices["id"].tolist())
if not open_cases.empty:
    st.subheader(f"{texts.SECTION_OPEN_CASES} ({len(open_cases)})")
    view.case_list(open_cases, names)
with st.expander(f"{texts.SECTION_RISKS} ({len(flags)})", expanded=not flags.empty):
    view.risk_list(flags, names)

widgets.apprentice_opener(apprentices, names)

school_tab, company_tab, book_tab, absence_tab, plan_tab = st.tabs(
    [texts.SECTION_SCHOOL, texts.SECTION_COMPANY, texts.SECTION_RECORD_BOOK, texts.SECTION_ABSENCES,
     texts.SECTION_TIMELINE])
hidden = dashboard.hidden_from_company(db, user.user_id, coop_id) if place == "betrieb" else {}
with school_tab:
    view.release_hint(hidden, "grades")
    view.lf_chart(lf, names, key="lf-heatmap")
with company_tab:
    view.position_chart(positions, names, key="position-heatmap")
with book_tab:
    view.named_table(dashboard_service.with_names(record_book, apprentices), texts.RECORD_BOOK_COLUMNS)
with absence_tab:
    view.release_hint(hidden, "absences")
    view.named_table(dashboard_service.with_names(absences, apprentices), texts.ABSENCE_COLUMNS)
with plan_tab:
    if not schedule.empty:
        st.plotly_chart(charts.timeline(schedule, *window, today), key="timeline")
    st.subheader(texts.SECTION_NEXT_WEEKS)
    view.upcoming_table(schedule, today)
