"""The admin page's tab "Kalender": how far the school's calendar reaches (a warning when it runs short), the
coming holidays, and the school's own days off — typed in, removed, or imported from an .ics file."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

import pandas as pd
import streamlit as st

from leokop import texts
from leokop.db.session import Database
from leokop.formats import german_date, plain
from leokop.frames import records
from leokop.repo import school_calendar as repo
from leokop.services import entries
from leokop.services.school_calendar import DayOff, IcsRefused, day_off_problems, read_ics, runs_short
from leokop.ui import saving, widgets
from leokop.ui.saving import Edit

COMING = timedelta(days=365)  # the table of holidays and days off ahead
_ICS_LIMIT_MB = 3  # above read_ics's own limit, so that the German message says why a file is too large


def calendar_tab(db: Database, user_id: UUID, today: date) -> None:
    st.caption(texts.CALENDAR_INTRO)
    chosen = widgets.admin_school(db, user_id, "calendar-school")
    if chosen is None:
        return
    school, name = chosen
    _reach(db, user_id, school, name, today)
    _coming(db, user_id, school, today)
    allowed = entries.plan_days(today)
    st.subheader(texts.CALENDAR_DAYS_OFF)
    _day_off_form(db, user_id, school, allowed)
    _delete_form(db, user_id, school)
    st.subheader(texts.CALENDAR_ICS_TITLE)
    _ics_import(db, user_id, school, allowed)


def _reach(db: Database, user_id: UUID, school: UUID, name: str, today: date) -> None:
    """A warning when the known school holidays end within nine months (the calendar never runs out silently)."""
    last = repo.last_holiday(db, user_id, school)
    if runs_short(last, today):
        st.warning(texts.CALENDAR_RUNS_SHORT.format(school=plain(name), last=german_date(last)),
                   icon=":material/event_busy:")
    else:
        st.caption(texts.CALENDAR_KNOWN_UNTIL.format(last=german_date(last)))


def _coming(db: Database, user_id: UUID, school: UUID, today: date) -> None:
    ahead = repo.calendar(db, user_id, school, today, today + COMING)
    st.subheader(texts.CALENDAR_COMING)
    if ahead.empty:
        st.info(texts.CALENDAR_NOTHING_AHEAD)
        return
    shown = ahead.assign(kind=ahead["kind"].map(texts.CALENDAR_KIND_LABELS),
                         starts_on=ahead["starts_on"].map(german_date), ends_on=ahead["ends_on"].map(german_date))
    st.dataframe(shown.rename(columns=texts.CALENDAR_COLUMNS), hide_index=True, width="stretch")


def _day_off_form(db: Database, user_id: UUID, school: UUID, allowed: entries.Allowed) -> None:
    form = "calendar-day-off"
    with st.form(saving.key(form), enter_to_submit=False):
        name = st.text_input(texts.CALENDAR_FIELD_NAME, max_chars=200, key=saving.key(form, "calendar-name"),
                             placeholder=texts.CALENDAR_NAME_PLACEHOLDER)
        left, right = st.columns(2)
        start = left.date_input(texts.FIELD_START, value=None, min_value=allowed.widget_low,
                                max_value=allowed.widget_high, format="DD.MM.YYYY", help=allowed.text(),
                                key=saving.key(form, "calendar-start"))
        end = right.date_input(texts.FIELD_END, value=None, min_value=allowed.widget_low,
                               max_value=allowed.widget_high, format="DD.MM.YYYY", help=texts.CALENDAR_END_HELP,
                               key=saving.key(form, "calendar-end"))
        if st.form_submit_button(texts.CALENDAR_ADD):
            end = end or start  # one day: the end may stay empty
            saving.save(form, day_off_problems(name, start, end, allowed),
                        lambda: repo.add_days_off(db, user_id, school, [DayOff(name.strip(), start, end)]),
                        texts.CALENDAR_ADDED.format(name=plain(name.strip())),
                        refusals={repo.DayOffExists: texts.CALENDAR_DAY_OFF_EXISTS})


def _delete_form(db: Database, user_id: UUID, school: UUID) -> None:
    own = repo.days_off(db, user_id, school)
    if own.empty:
        st.caption(texts.CALENDAR_NO_DAYS_OFF)
        return
    shown = own.assign(starts_on=own["starts_on"].map(german_date), ends_on=own["ends_on"].map(german_date),
                       source=own["source"].map(texts.CALENDAR_SOURCE_LABELS),
                       created_by=own["created_by"].fillna("–"))
    st.dataframe(shown[list(texts.CALENDAR_DAY_OFF_COLUMNS)].rename(columns=texts.CALENDAR_DAY_OFF_COLUMNS),
                 hide_index=True, width="stretch")
    with st.expander(texts.CALENDAR_DELETE_TITLE):
        for row in records(own):  # one form per day off: a day deleted meanwhile takes its form with it
            form = f"calendar-delete-{row['id']}"
            with st.form(saving.key(form), border=False):
                sure = st.checkbox(texts.CALENDAR_DELETE_CONFIRM.format(
                    day=german_date(row["starts_on"]), name=plain(row["name"])), key=saving.key(form, form))
                if st.form_submit_button(texts.CALENDAR_DELETE):
                    edit = Edit(f"day-off:{row['id']}", int(row["version"]), {}, None, None, saving.key(form, form))
                    saving.save(form, [] if sure else [texts.CALENDAR_DELETE_UNCONFIRMED],
                                lambda version, row=row: repo.delete_day_off(db, user_id, row["id"], version),
                                texts.CALENDAR_DELETED.format(name=plain(row["name"])), edit=edit)


def _ics_import(db: Database, user_id: UUID, school: UUID, allowed: entries.Allowed) -> None:
    """Upload, preview what will be added and what is left out (with why), then add in one transaction."""
    upload = st.file_uploader(texts.CALENDAR_ICS_FILE, key="calendar-ics", max_upload_size=_ICS_LIMIT_MB,
                              help=texts.CALENDAR_ICS_HELP)
    if upload is None:
        return
    try:
        found, skipped = read_ics(upload.getvalue(), allowed)
    except IcsRefused as refused:
        st.error(str(refused))
        return
    if skipped:
        st.warning(texts.CALENDAR_ICS_SKIPPED.format(n=len(skipped)))
        st.dataframe(pd.DataFrame({texts.CALENDAR_ICS_REASON: skipped}), hide_index=True, width="stretch")
    if not found:
        st.info(texts.CALENDAR_ICS_NOTHING)
        return
    st.dataframe(pd.DataFrame([{texts.CALENDAR_COLUMNS["name"]: d.name,
                                texts.CALENDAR_COLUMNS["starts_on"]: german_date(d.starts_on),
                                texts.CALENDAR_COLUMNS["ends_on"]: german_date(d.ends_on)} for d in found]),
                 hide_index=True, width="stretch")
    form = "calendar-ics-apply"
    if st.button(texts.CALENDAR_ICS_APPLY.format(n=len(found)), type="primary", key=saving.key(form, form)):
        saving.save(form, [], lambda: repo.add_days_off(db, user_id, school, found, source="ics"),
                    lambda added: texts.CALENDAR_ICS_IMPORTED.format(n=added) if added is not None
                    else texts.CALENDAR_ICS_ONCE)
