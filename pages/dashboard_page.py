"""Kooperations-Dashboard: one pair's apprentices, progress at both places, risks and the plan ahead."""

import streamlit as st

from leokop import auth, clock, texts
from leokop.services import calendar
from leokop.services import dashboard as dashboard_service
from leokop.ui import dashboard_view as view
from leokop.ui import widgets
from leokop.ui.resources import database

user = auth.require_page("dashboard")
db = database()
today = clock.today()

st.title(texts.PAGE_DASHBOARD)
coop_id = widgets.chosen_cooperation(db, user.user_id)

place = view.own_place(user.roles)
data = dashboard_service.load_pair(db, user.user_id, coop_id, today, company_side=place == "betrieb")
header, apprentices, flags = data.header, data.apprentices, data.flags
names = dashboard_service.display_names(apprentices)
window = dashboard_service.schedule_window(today)
schedule = view.schedule_rows(data.schedule, names)

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

open_cases = data.open_cases
if not open_cases.empty:
    st.subheader(f"{texts.SECTION_OPEN_CASES} ({len(open_cases)})")
    view.case_list(open_cases, names)
with st.expander(f"{texts.SECTION_RISKS} ({len(flags)})", expanded=not flags.empty):
    view.risk_list(flags, names)

widgets.apprentice_opener(apprentices, names)

# Lazy tabs: only the open tab's charts are built on a run (they were most of a page run's CPU time).
school_tab, company_tab, book_tab, absence_tab, plan_tab = st.tabs(
    [texts.SECTION_SCHOOL, texts.SECTION_COMPANY, texts.SECTION_RECORD_BOOK, texts.SECTION_ABSENCES,
     texts.SECTION_TIMELINE], key=view.SECTION_KEY, on_change="rerun")
hidden = data.hidden
if school_tab.open:
    with school_tab:
        view.release_hint(hidden, "grades")
        view.lf_chart(data.lf, names, key="lf-heatmap")
if company_tab.open:
    with company_tab:
        view.position_chart(data.positions, names, key="position-heatmap")
if book_tab.open:
    with book_tab:
        view.named_table(dashboard_service.with_names(data.record_book, apprentices), texts.RECORD_BOOK_COLUMNS)
if absence_tab.open:
    with absence_tab:
        view.release_hint(hidden, "absences")
        view.named_table(dashboard_service.with_names(data.absences, apprentices), texts.ABSENCE_COLUMNS)
if plan_tab.open:
    with plan_tab:
        if not schedule.empty:
            st.plotly_chart(view.timeline_figure(schedule, *window, today), key="timeline")
        st.subheader(texts.SECTION_NEXT_WEEKS)
        view.upcoming_table(schedule, today)
        # built only when pressed (a callable): no extra read on every run of the dashboard
        st.download_button(texts.CAL_DOWNLOAD, data=lambda: calendar.pair_ics(db, user.user_id, coop_id, today),
                           file_name="leokop-plan.ics", mime="text/calendar", help=texts.CAL_DOWNLOAD_HELP,
                           on_click="ignore", key="plan-ics", icon=":material/event:")
