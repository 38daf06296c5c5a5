"""Schulüberblick: the leadership's figures of one school and school year.

Counts and rates only, from the security definer functions public.leadership_*(): the database checks the role,
hides groups under 5 apprentices and never returns a name or an apprentice id (sql/011, sql/014).
"""

from functools import partial
from uuid import UUID

import streamlit as st

from leokop import auth, clock, texts
from leokop.formats import german_number
from leokop.repo import leadership
from leokop.services import exports
from leokop.services import leadership as lead
from leokop.ui import charts, widgets
from leokop.ui.resources import database

user = auth.require_page("schulueberblick")
db = database()

st.title(texts.PAGE_OVERVIEW)
st.caption(texts.LEAD_INTRO)

schools = leadership.schools(db, user.user_id)
if schools.empty:
    st.info(texts.LEAD_NONE)
    st.stop()

# --- Filters (checked again by the database) ---------------------------------------------------------------------
columns = st.columns(4 if len(schools) > 1 else 3)
if len(schools) > 1:
    names = dict(zip(schools["school_id"], schools["school_name"], strict=True))
    school_id = widgets.record_select(texts.LEAD_SCHOOL, names, "lead-school", parent=columns.pop(0))
else:
    school_id = schools["school_id"].iloc[0]
school = schools[schools["school_id"] == school_id].iloc[0]
years = list(range(int(school["current_school_year"]), int(school["first_school_year"]) - 1, -1))
year = widgets.record_select(texts.LEAD_SCHOOL_YEAR, {y: lead.school_year_label(y) for y in years}, "lead-year",
                             parent=columns[0])

# The occupations and classes depend on the school and year chosen: a choice no longer offered falls back to "alle".
options = leadership.filter_options(db, user.user_id, school_id, year)
occupations = dict(zip(options["occupation_id"], options["occupation"], strict=True))
occupation_id = widgets.record_select(texts.LEAD_OCCUPATION, {None: texts.LEAD_ALL, **occupations},
                                      "lead-occupation", parent=columns[1])
in_occupation = options if occupation_id is None else options[options["occupation_id"] == occupation_id]
class_names = dict(zip(in_occupation["class_id"], in_occupation["class_name"], strict=True))
class_id = widgets.record_select(texts.LEAD_CLASS, {None: texts.LEAD_ALL, **class_names}, "lead-class",
                                 parent=columns[2])


@st.cache_data(ttl=60, show_spinner=False)
def load_figures(user_id: str, school: str, school_year: int, occupation: str | None,
                 klass: str | None) -> leadership.Figures:
    """The figures of one view for one user (the user id is part of the key), kept for a minute: filter changes
    and reruns do not recompute the aggregates every time."""
    def uuid_or_none(value):
        return None if value is None else UUID(value)

    return leadership.figures(database(), UUID(user_id), leadership.Filters(
        UUID(school), school_year, uuid_or_none(occupation), uuid_or_none(klass)))


try:
    figures = load_figures(str(user.user_id), str(school_id), year, occupation_id and str(occupation_id),
                           class_id and str(class_id))
except leadership.NotAllowed:
    st.error(texts.LEAD_REFUSED)
    st.stop()

keys = lead.key_figures(figures)
tables = lead.tables(figures)
today = clock.today()


def downloads(key: str) -> None:
    """CSV and Excel of one table, generated when clicked."""
    table, stem = tables[key], lead.file_stem(key, year)
    left, right, _ = st.columns([1, 1, 5])
    left.download_button(texts.LEAD_DOWNLOAD_CSV, data=partial(exports.csv_bytes, table), file_name=f"{stem}.csv",
                         mime=exports.CSV_MIME, key=f"csv-{key}", on_click="ignore", icon=":material/download:")
    right.download_button(texts.LEAD_DOWNLOAD_XLSX, data=partial(exports.xlsx_bytes, {texts.LEAD_SHEETS[key]: table}),
                          file_name=f"{stem}.xlsx", mime=exports.XLSX_MIME, key=f"xlsx-{key}", on_click="ignore",
                          icon=":material/download:")


def table(key: str) -> None:
    st.dataframe(lead.display(tables[key]), hide_index=True, width="stretch")
    downloads(key)


# --- Key figures and the report ----------------------------------------------------------------------------------
for column, (label, value) in zip(st.columns(5), lead.metric_values(keys), strict=True):
    column.metric(label, value)
if keys.hidden:
    st.caption(texts.LEAD_HIDDEN_CLASSES.format(n=german_number(keys.hidden, thousands=True)))

report = lead.report(figures, school_name=str(school["school_name"]), school_year=year, today=today,
                     selection=lead.selection_label(occupations.get(occupation_id), class_names.get(class_id)))
left, right, _ = st.columns([2, 2, 3])
left.download_button(texts.LEAD_DOWNLOAD_PDF, data=partial(exports.pdf_report, report),
                     file_name=f"{lead.file_stem('schulueberblick', year)}.pdf", mime=exports.PDF_MIME,
                     key="pdf-report", on_click="ignore", icon=":material/picture_as_pdf:", type="primary")
right.download_button(texts.LEAD_DOWNLOAD_ALL_XLSX,
                      data=partial(exports.xlsx_bytes, {texts.LEAD_SHEETS[k]: t for k, t in tables.items()}),
                      file_name=f"{lead.file_stem(texts.LEAD_FILE_ALL, year)}.xlsx", mime=exports.XLSX_MIME,
                      key="xlsx-all", on_click="ignore", icon=":material/download:")

if keys.apprentices is None and figures.headcounts["apprentices"].isna().all():
    st.info(texts.LEAD_EMPTY)

(tab_people, tab_coop, tab_absence, tab_grades, tab_record, tab_dissolved, tab_risks, tab_trend) = st.tabs([
    texts.LEAD_TAB_APPRENTICES, texts.LEAD_TAB_COOPERATIONS, texts.LEAD_TAB_ABSENCES, texts.LEAD_TAB_GRADES,
    texts.LEAD_TAB_RECORD_BOOK, texts.LEAD_TAB_DISSOLUTIONS, texts.LEAD_TAB_RISKS, texts.LEAD_TAB_TRENDS])

with tab_people:
    for column, (dimension, title) in zip(st.columns(3), (("beruf", texts.LEAD_BY_OCCUPATION),
                                                          ("ausbildungsjahr", texts.LEAD_BY_YEAR),
                                                          ("klasse", texts.LEAD_BY_CLASS)), strict=True):
        rows = lead.dimension_rows(figures.headcounts, dimension, "label", "apprentices")
        with column:
            st.subheader(title)
            st.plotly_chart(charts.leadership_bars(rows["label"], rows["value"]), key=f"people-{dimension}")
    table("auszubildende")

with tab_coop:
    trend = lead.trend(figures)
    st.plotly_chart(charts.month_line(trend["label"], trend["active"], title=texts.LEAD_TREND_TITLES["active"],
                                       percent=True), key="coop-trend")
    st.caption(texts.LEAD_COOPERATIONS_NOTE + " " + texts.LEAD_MATERIALS_NOTE)
    table("kooperationen")

with tab_absence:
    st.plotly_chart(charts.month_heatmap(lead.class_month_rows(figures.absences, "days_per_apprentice"), "value",
                                          title=texts.LEAD_AXIS_DAYS), key="absence-heatmap")
    rows = lead.dimension_rows(figures.absences, "klasse", "class_name", "days_per_apprentice")
    st.plotly_chart(charts.leadership_bars(rows["label"], rows["value"], decimals=2), key="absence-classes")
    st.caption(texts.LEAD_ABSENCES_NOTE)
    table("fehlzeiten")

with tab_grades:
    st.plotly_chart(charts.grade_distribution(lead.grade_rows(figures)), key="grades")
    st.caption(texts.LEAD_GRADES_NOTE)
    table("noten")

with tab_record:
    rows = lead.dimension_rows(figures.record_book, "klasse", "class_name", "completion_percent")
    st.plotly_chart(charts.leadership_bars(rows["label"], rows["value"], percent=True, decimals=1),
                    key="record-classes")
    st.plotly_chart(charts.month_heatmap(lead.class_month_rows(figures.record_book, "completion_percent"), "value",
                                          decimals=1, title=texts.LEAD_AXIS_PERCENT), key="record-heatmap")
    st.caption(texts.LEAD_RECORD_BOOK_NOTE)
    table("berichtsheft")

with tab_dissolved:
    rows = lead.dimension_rows(figures.dissolutions, "beruf", "label", "rate_percent")
    st.plotly_chart(charts.leadership_bars(rows["label"], rows["value"], percent=True, decimals=1,
                                            reference=lead.NATIONAL_DISSOLUTION_RATE,
                                            reference_label=texts.LEAD_REFERENCE_LABEL), key="dissolution-rates")
    st.caption(texts.LEAD_DISSOLUTIONS_NOTE)
    table("vertragsloesungen")

with tab_risks:
    st.subheader(texts.LEAD_TABLES["risiken"])
    st.plotly_chart(charts.severity_bars(lead.severity_rows(figures)), key="risk-classes")
    st.caption(texts.LEAD_RISKS_NOTE)
    table("risiken")
    st.subheader(texts.LEAD_TABLES["faelle"])
    st.plotly_chart(charts.case_month_bars(lead.case_month_rows(figures)), key="case-months")
    st.caption(texts.LEAD_CASES_NOTE)
    table("faelle")
    st.subheader(texts.LEAD_TABLES["massnahmen"])
    measures = lead.measure_rows(figures)
    st.plotly_chart(charts.leadership_bars(measures["label"], measures["value"]), key="measure-kinds")
    st.caption(texts.LEAD_MEASURES_NOTE)
    table("massnahmen")

with tab_trend:
    trend = lead.trend(figures)
    trend_charts = (("absence", False, 2), ("record_book", True, 1), ("active", True, 1), ("dissolutions", False, 0))
    for row in (trend_charts[:2], trend_charts[2:]):
        for column, (name, percent, decimals) in zip(st.columns(2), row, strict=True):
            with column:
                st.plotly_chart(charts.month_line(trend["label"], trend[name], title=texts.LEAD_TREND_TITLES[name],
                                                   percent=percent, decimals=decimals, bars=name == "dissolutions"),
                                key=f"trend-{name}")
    table("verlauf")

st.caption(texts.LEAD_SUPPRESSION_NOTE)
