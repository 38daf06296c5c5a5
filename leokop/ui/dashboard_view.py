"""Rendering pieces of the cooperation dashboard (German tables and charts from repo frames)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from leokop import texts
from leokop.formats import plain, plain_or
from leokop.frames import records
from leokop.services import planning
from leokop.ui import charts
from leokop.ui.addresses import apprentice_link
from leokop.ui.widgets import german_date

SECTION_KEY = "dashboard-section"  # the open tab of the pair dashboard (its label)


def own_place(roles: frozenset[str]) -> str:
    """The learning place a user speaks for on the dashboard (a teacher's, else a trainer's view)."""
    return "schule" if "lehrkraft" in roles else "betrieb"


def release_hint(hidden: dict, category: str) -> None:
    """For the company side: how many apprentices the school keeps this category from."""
    if hidden.get(category):
        st.info(texts.NOT_RELEASED_FOR.format(n=hidden[category], what=texts.RELEASE_WHAT[category]))


def case_list(open_cases: pd.DataFrame, names: dict) -> None:
    """Open cases, most severe first (the order comes from the query), each with the link to the case."""
    for case in records(open_cases):
        text, link = st.columns([5, 1], vertical_alignment="center")
        text.markdown(f"{texts.SEVERITY_BADGES[case['severity']]} **{plain_or(names.get(case['apprentice_id']))}**: "
                      f"{plain(case['title'])} – {texts.CASE_STATUS_LABELS[case['status']]}, "
                      f"{texts.CASE_STATE_RESPONSIBLE}: {plain_or(case['responsible'], texts.NOBODY)}")
        apprentice_link(case["apprentice_id"], texts.OPEN_CASE_LINK, case["id"], parent=link)


def risk_list(flags: pd.DataFrame, names: dict) -> None:
    """Open flags grouped by apprentice; the apprentices with the most severe flag first (the query's order); each
    apprentice's flags with the link to their page."""
    if flags.empty:
        st.success(texts.NO_RISKS)
        return
    grouped: dict = {}
    for flag in records(flags):
        grouped.setdefault(flag["apprentice_id"], []).append(
            f"{texts.SEVERITY_BADGES[flag['severity']]} {plain(flag['reason'])}")  # may quote a concern's text
    for apprentice_id, lines in grouped.items():
        st.markdown(f"**{plain_or(names.get(apprentice_id))}**  \n" + "  \n".join(lines))
        apprentice_link(apprentice_id, texts.OPEN_APPRENTICE_LINK.format(name=plain_or(names.get(apprentice_id))))


def schedule_rows(schedule: pd.DataFrame, names: dict) -> pd.DataFrame:
    """The schedule with German kind labels, a lane per class/apprentice, and conflict reasons (None: no conflict).
    Row by row in plain Python: a few dozen rows, where pandas column operations cost more than they save."""
    extra = ["who", "kind_label", "lane", "conflict"]
    if schedule.empty:
        return schedule.assign(**{column: [] for column in extra})
    rows = records(schedule)
    for row in rows:
        row["label"] = planning.display_label(row["kind"], row["label"])
    conflicts = {c.item_id: c.reason for c in planning.find_conflicts(rows)}
    for row in rows:
        who = names.get(row["apprentice_id"], "") if row["apprentice_id"] is not None else ""
        row.update(who=who, kind_label=texts.KIND_LABELS[row["kind"]],
                   lane=who or texts.KIND_LABELS[row["kind"]], conflict=conflicts.get(row["id"]))
    return pd.DataFrame(rows, columns=[*schedule.columns, *extra])


def upcoming_table(rows: pd.DataFrame, today: date) -> None:
    upcoming = planning.upcoming(rows, today)
    if upcoming.empty:
        st.caption(texts.NO_DATA)
        return
    table = upcoming[list(texts.UPCOMING_COLUMNS)].copy()
    table["kind"] = table["kind"].map(texts.KIND_LABELS)
    table["conflict"] = table["conflict"].astype(object).fillna("")
    for column in ("starts_on", "ends_on"):
        table[column] = table[column].map(german_date)
    st.dataframe(table.rename(columns=texts.UPCOMING_COLUMNS), hide_index=True, width="stretch")


def next_date(rows: pd.DataFrame, today: date) -> tuple[str, str]:
    """The next event that starts after today and is not a holiday: (kind, date), or dashes."""
    if rows.empty:
        return "–", "–"
    ahead = [(start, kind) for start, kind in zip(rows["starts_on"].tolist(), rows["kind"].tolist(), strict=True)
             if kind != planning.HOLIDAY and start > today]
    if not ahead:
        return "–", "–"
    start, kind = min(ahead, key=lambda item: item[0])
    return texts.KIND_LABELS[kind], german_date(start)


def named_table(frame: pd.DataFrame, columns: dict[str, str]) -> None:
    if frame.empty:
        st.caption(texts.NO_DATA)
        return
    table = frame[list(columns)].copy()
    for column in table.columns:
        if table[column].map(lambda v: isinstance(v, list)).any():
            table[column] = table[column].map(lambda v: ", ".join(german_date(d) for d in v) if v else "")
    st.dataframe(table.rename(columns=columns), hide_index=True, width="stretch")


# The figures this session drew last, with the data they show: a rerun with the same data (a click elsewhere on the
# page) reuses the figure instead of building it again (building plotly figures was most of a dashboard run's CPU
# time). Kept in the session, so a figure never reaches another user; compared with DataFrame.equals (0.2 ms for the
# Lernfeld matrix, where Streamlit's cache hashed it in 4 ms). Decision 72.
_FIGURES = "leokop_dashboard_figures"


def _figure(name: str, build, frame: pd.DataFrame, *args):
    store = st.session_state.setdefault(_FIGURES, {})
    hit = store.get(name)
    if hit is not None and hit[1] == args and hit[0].equals(frame):
        return hit[2]
    figure = build(frame, *args)
    store[name] = (frame, args, figure)
    return figure


def timeline_figure(rows: pd.DataFrame, start: date, end: date, today: date):
    return _figure("timeline", charts.timeline, rows, start, end, today)


def lf_chart(matrix: pd.DataFrame, names: dict, key: str) -> None:
    if matrix.empty:
        st.caption(texts.NO_DATA)
        return
    st.plotly_chart(_figure("lf", charts.lf_heatmap, matrix, names), key=key)


def position_chart(ratings: pd.DataFrame, names: dict, key: str) -> None:
    if ratings.empty:
        st.caption(texts.NO_DATA)
        return
    st.plotly_chart(_figure("positions", charts.position_heatmap, ratings, names), key=key)


def history_table(events: pd.DataFrame, today: date) -> None:
    """What happened, newest first; below it what is planned, soonest first."""
    past = events[events["day"] <= today]
    ahead = events[events["day"] > today].iloc[::-1]
    for title, part in ((None, past), (texts.SECTION_PLANNED, ahead)):
        if title:
            st.subheader(title)
        if part.empty:
            st.caption(texts.NO_DATA)
            continue
        table = part.assign(day=part["day"].map(german_date), who=part["who"].fillna(""))
        st.dataframe(table.rename(columns=texts.HISTORY_COLUMNS), hide_index=True, width="stretch")
