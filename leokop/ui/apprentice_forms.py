"""The forms of the apprentice page. Each validates first, saves in one transaction, confirms in German."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from uuid import UUID

import pandas as pd
import psycopg
import streamlit as st

from leokop.db.session import Database
from leokop.frames import records
from leokop.repo import absences, cases, grades, notes, planning, ratings, record_book
from leokop.repo._query import StaleWrite
from leokop.repo.users import Profile
from leokop.services import early_warning, entries
from leokop.ui import feedback, texts, versions
from leokop.ui.formats import plain
from leokop.ui.resources import worker_database
from leokop.ui.widgets import german_date


def save(problems: list[str], action: Callable[[], object], success: str,
         reevaluate: list[UUID] | None = None, form: str | None = None) -> None:
    """Show the problems, or run the write, then rerun the page with the confirmation (see feedback.saved).

    `reevaluate` names the apprentices whose risk flags rest on what was written: they are evaluated right after.
    `form` is emptied after the save (its widgets take their keys from feedback.key).
    """
    for problem in problems:
        st.error(problem)
    if problems:
        return
    try:
        action()
    except StaleWrite:
        st.error(texts.STALE_WRITE)
        return
    except absences.DuplicateAbsence:
        st.error(texts.DUPLICATE_ABSENCE)
        return
    except cases.CaseAlreadyOpen:
        # someone was quicker: nothing to correct, the rerun shows their case in place of the form
        feedback.saved(texts.CASE_ALREADY_OPEN, icon=feedback.NOTICE)
    except psycopg.Error:
        st.error(texts.DB_ERROR)
        return
    if reevaluate:
        early_warning.refresh_quietly(worker_database, reevaluate)
    feedback.saved(success, form)


def _versioned_save(record_key: str, fresh: int | None, problems: list[str], write: Callable[[int | None], object],
                    success: str, reevaluate: list[UUID] | None = None) -> None:
    """Save against the version the user saw; the version shown next is the fresh one (a new one after a save)."""
    base = versions.seen(record_key, fresh)
    versions.remember(record_key, fresh)
    save(problems, lambda: write(base), success, reevaluate)


def _optional_int(value) -> int | None:
    return None if value is None else int(value)


def grade_form(db: Database, user: Profile, person: dict, lf: pd.DataFrame, today: date) -> None:
    st.subheader(texts.FORM_GRADE)
    labels = {row["learning_field_id"]: f"{row['code']} {row['title']}" for row in records(lf)}
    lf_id = st.selectbox(texts.FIELD_LF, list(labels), format_func=labels.get, key="grade-lf",
                         placeholder=texts.PLACEHOLDER_CHOOSE)
    if lf_id is None:
        return
    current = lf.set_index("learning_field_id").loc[lf_id]
    fresh = None if pd.isna(current["version"]) else int(current["version"])
    record_key = f"lf:{person['id']}:{lf_id}"
    statuses = list(texts.LF_STATUS_LABELS)
    with st.form("grade-form"):
        status = st.selectbox(texts.FIELD_STATUS, statuses, format_func=texts.LF_STATUS_LABELS.get,
                              index=statuses.index(current["status"]) if isinstance(current["status"], str) else 1,
                              placeholder=texts.PLACEHOLDER_CHOOSE)
        grade = st.number_input(texts.FIELD_GRADE, value=None if pd.isna(current["grade"]) else int(current["grade"]),
                                step=1, placeholder=texts.FIELD_NO_GRADE)
        graded_on = st.date_input(texts.FIELD_GRADED_ON, value=current["graded_on"] if pd.notna(
            current["graded_on"]) else today, format="DD.MM.YYYY")
        if st.form_submit_button(texts.BUTTON_SAVE):
            grade = _optional_int(grade)
            on = graded_on if grade is not None else None
            _versioned_save(record_key, fresh, entries.grade_problems(status, grade, on, today),
                            lambda version: grades.save_lf_result(
                                db, user.user_id, apprentice_id=person["id"], learning_field_id=lf_id, status=status,
                                grade=grade, graded_on=on, version=version),
                            texts.SAVED_GRADE.format(code=current["code"]), [person["id"]])
            return
    versions.remember(record_key, fresh)


def absence_form(db: Database, user: Profile, person: dict, today: date) -> None:
    st.subheader(texts.FORM_ABSENCE)
    with st.form(feedback.key("absence-form")):
        on = st.date_input(texts.FIELD_DATE, value=today, format="DD.MM.YYYY")
        lessons = st.number_input(texts.FIELD_LESSONS, value=6, step=1)
        excused = st.checkbox(texts.FIELD_EXCUSED)
        if st.form_submit_button(texts.BUTTON_SAVE):
            lessons = _optional_int(lessons)
            save(entries.absence_problems(on, lessons, today, person["contract_start"]),
                  lambda: absences.record_absence(db, user.user_id, apprentice_id=person["id"], on=on,
                                                  lessons=lessons, excused=excused),
                  texts.SAVED_ABSENCE.format(day=german_date(on)), [person["id"]], form="absence-form")


def decide_excuses_form(db: Database, user: Profile, absence_rows: pd.DataFrame) -> None:
    """One small form per open proposal, so that a decision can only ever hit the row it was shown for."""
    st.subheader(texts.FORM_DECIDE)
    open_rows = absence_rows[absence_rows["excuse_state"] == "vorgeschlagen"]
    if open_rows.empty:
        st.caption(texts.NO_OPEN_PROPOSALS)
    for row in records(open_rows):
        with st.form(f"decide-{row['id']}", border=True):
            st.markdown(f"**{german_date(row['absence_date'])}**, {row['lessons']} Std. – "
                        f"„{plain(row['excuse_comment'])}“ ({row['proposed_by']})")
            accept_col, reject_col = st.columns(2)
            accept = accept_col.form_submit_button(texts.BUTTON_ACCEPT)
            reject = reject_col.form_submit_button(texts.BUTTON_REJECT)
            if accept or reject:
                save([], lambda row=row, accept=accept: absences.decide_excuse(
                    db, user.user_id, absence_id=row["id"], version=int(row["version"]), accept=accept),
                    texts.SAVED_DECISION, [row["apprentice_id"]])


def school_block_form(db: Database, user: Profile, person: dict, today: date) -> None:
    st.subheader(texts.FORM_BLOCK)
    with st.form(feedback.key("block-form")):
        starts_on = st.date_input(texts.FIELD_START, value=None, format="DD.MM.YYYY")
        ends_on = st.date_input(texts.FIELD_END, value=None, format="DD.MM.YYYY")
        note = st.text_input(texts.FIELD_NOTE)
        if st.form_submit_button(texts.BUTTON_PLAN):
            save(entries.period_problems(starts_on, ends_on, today, max_days=entries.MAX_BLOCK_DAYS)
                  + entries.text_problems(note, required=False, max_length=entries.MAX_BLOCK_NOTE),
                  lambda: planning.add_school_block(db, user.user_id, class_id=person["class_id"],
                                                    starts_on=starts_on, ends_on=ends_on, note=note.strip() or None),
                  texts.SAVED_BLOCK.format(start=german_date(starts_on), end=german_date(ends_on),
                                           class_name=person["class_name"]) if starts_on and ends_on else "",
                  planning.class_apprentice_ids(db, user.user_id, person["class_id"]),  # school days changed
                  form="block-form")


def rating_form(db: Database, user: Profile, person: dict, positions: pd.DataFrame) -> None:
    st.subheader(texts.FORM_RATING)
    labels = {r["training_position_id"]: f"{r['number']} {r['title']}" for r in records(positions)}
    position_id = st.selectbox(texts.FIELD_POSITION, list(labels), format_func=labels.get, key="rating-position",
                               placeholder=texts.PLACEHOLDER_CHOOSE)
    if position_id is None:
        return
    current = positions.set_index("training_position_id").loc[position_id]
    fresh = None if pd.isna(current["version"]) else int(current["version"])
    record_key = f"rating:{person['id']}:{position_id}"
    with st.form("rating-form"):
        levels = list(texts.POSITION_LEVELS)
        level = st.select_slider(texts.FIELD_LEVEL, levels, format_func=texts.POSITION_LEVELS.get,
                                 value=0 if pd.isna(current["level"]) else int(current["level"]))
        comment = st.text_area(texts.FIELD_COMMENT, value=current["comment"] if isinstance(current["comment"], str)
                               else "", key=f"rating-comment-{position_id}")
        if st.form_submit_button(texts.BUTTON_SAVE):
            _versioned_save(record_key, fresh,
                            entries.text_problems(comment, required=False, max_length=entries.MAX_COMMENT),
                            lambda version: ratings.rate_position(
                                db, user.user_id, apprentice_id=person["id"], training_position_id=position_id,
                                level=level, comment=comment.strip() or None, version=version),
                            texts.SAVED_RATING.format(number=current["number"]))
            return
    versions.remember(record_key, fresh)


def week_form(db: Database, user: Profile, weeks: pd.DataFrame) -> None:
    """One form per handed-in week: sign it, or send it back with a comment."""
    st.subheader(texts.FORM_WEEK)
    open_weeks = weeks[weeks["status"] == "eingereicht"]
    if open_weeks.empty:
        st.caption(texts.NO_OPEN_WEEKS)
    for row in records(open_weeks):
        with st.form(f"week-{row['id']}", border=True):
            st.markdown(f"**Woche ab {german_date(row['week_start'])}**")
            comment = st.text_area(texts.FIELD_COMMENT, key=f"week-comment-{row['id']}", height=68)
            sign_col, return_col = st.columns(2)
            sign = sign_col.form_submit_button(texts.BUTTON_SIGN)
            send_back = return_col.form_submit_button(texts.BUTTON_RETURN)
            if sign or send_back:
                problems = ([texts.COMMENT_REQUIRED] if send_back and not comment.strip()
                            else entries.text_problems(comment, required=False, max_length=entries.MAX_COMMENT))
                save(problems, lambda row=row, sign=sign, comment=comment: record_book.decide_week(
                    db, user.user_id, week_id=row["id"], version=int(row["version"]), sign=sign,
                    comment=comment.strip() or None),
                    texts.SAVED_WEEK.format(week=german_date(row["week_start"]),
                                            action=texts.WEEK_SIGNED if sign else texts.WEEK_RETURNED),
                    [row["apprentice_id"]])


# The company proposes for recent absences only; older ones are settled.
PROPOSABLE_DAYS = 60


def propose_excuse_form(db: Database, user: Profile, absence_rows: pd.DataFrame, today: date) -> None:
    """One form per recent unexcused absence: propose "entschuldigt" with a reason."""
    st.subheader(texts.FORM_PROPOSE)
    candidates = absence_rows[~absence_rows["excused"] & absence_rows["excuse_state"].isin(["keiner", "abgelehnt"])
                              & (absence_rows["absence_date"] >= today - timedelta(days=PROPOSABLE_DAYS))]
    if candidates.empty:
        st.caption(texts.NO_UNEXCUSED)
    for row in records(candidates):
        with st.form(f"propose-{row['id']}", border=True):
            st.markdown(f"**{german_date(row['absence_date'])}**, {row['lessons']} Std.")
            comment = st.text_area(texts.FIELD_COMMENT, key=f"propose-comment-{row['id']}", height=68)
            if st.form_submit_button(texts.BUTTON_PROPOSE):
                problems = ([texts.COMMENT_REQUIRED] if not comment.strip()
                            else entries.text_problems(comment, max_length=entries.MAX_COMMENT))
                save(problems, lambda row=row, comment=comment: absences.propose_excuse(
                    db, user.user_id, absence_id=row["id"], version=int(row["version"]), comment=comment.strip()),
                    texts.SAVED_PROPOSAL)


def phase_form(db: Database, user: Profile, person: dict, today: date) -> None:
    st.subheader(texts.FORM_PHASE)
    with st.form(feedback.key("phase-form")):
        title = st.text_input(texts.FIELD_TITLE)
        department = st.text_input(texts.FIELD_DEPARTMENT)
        starts_on = st.date_input(texts.FIELD_START, value=None, format="DD.MM.YYYY")
        ends_on = st.date_input(texts.FIELD_END, value=None, format="DD.MM.YYYY")
        if st.form_submit_button(texts.BUTTON_PLAN):
            save(entries.title_problems(title) + entries.title_problems(department, required=False)
                  + entries.period_problems(starts_on, ends_on, today),
                  lambda: planning.add_company_phase(db, user.user_id, apprentice_id=person["id"], title=title.strip(),
                                                     department=department.strip() or None, starts_on=starts_on,
                                                     ends_on=ends_on),
                  texts.SAVED_PHASE.format(title=title.strip()), form="phase-form")


def note_form(db: Database, user: Profile, person: dict, place: str) -> None:
    st.subheader(texts.FORM_NOTE)
    with st.form(feedback.key("note-form")):
        body = st.text_area(texts.FIELD_TEXT, key=feedback.key("note-form", "note-text"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            save(entries.text_problems(body),
                  lambda: notes.add_note(db, user.user_id, apprentice_id=person["id"], place=place, body=body.strip()),
                  texts.SAVED_NOTE, form="note-form")
