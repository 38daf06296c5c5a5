"""The forms of the apprentice page. Each checks first, saves in one transaction, confirms in German
(leokop.ui.saving): a refusal keeps the input, a double click saves once, an edit of a record someone else
changed meanwhile is saved only when the user confirms it over the other change."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from leokop import texts
from leokop.db.session import Database
from leokop.formats import german_date, plain
from leokop.frames import records
from leokop.repo import absences, grades, notes, planning, ratings, record_book
from leokop.repo.users import Profile
from leokop.services import early_warning, entries
from leokop.ui import saving
from leokop.ui.resources import worker_database
from leokop.ui.saving import Edit


def reevaluate(*apprentice_ids):
    """After a committed save: re-evaluate the risk flags that rest on what was written."""
    ids = [i for i in apprentice_ids if i is not None]
    return lambda: early_warning.refresh_quietly(worker_database, ids)


def date_field(label: str, allowed: entries.Allowed, *, key: str, value: date | None = None, parent=st) -> date | None:
    """A German date field offering `allowed`'s widget range, its allowed range as help."""
    return parent.date_input(label, value=value, min_value=allowed.widget_low, max_value=allowed.widget_high,
                             format="DD.MM.YYYY", key=key, help=allowed.text())


def _optional_int(value) -> int | None:
    return None if value is None else int(value)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _missing(value) -> bool:
    return value is None or bool(pd.isna(value))


def _version(value) -> int | None:
    return None if _missing(value) else int(value)


def _changed_at(row) -> object:
    value = row.get("updated_at")
    return None if _missing(value) else value


def _changed_by(row) -> str | None:
    value = row.get("changed_by", row.get("updated_by"))
    return None if _missing(value) else str(value)


def _pick_row(label: str, frame: pd.DataFrame, id_column: str, parts: tuple[str, ...], key: str) -> tuple:
    """A selectbox over a frame's rows shown by their parts: the chosen id and its row, (None, None) before a choice."""
    labels = {row[id_column]: " ".join(str(row[p]) for p in parts) for row in records(frame)}
    chosen = st.selectbox(label, list(labels), format_func=labels.get, key=key, placeholder=texts.PLACEHOLDER_CHOOSE)
    return (None, None) if chosen is None else (chosen, frame.set_index(id_column).loc[chosen])


def grade_form(db: Database, user: Profile, person: dict, lf: pd.DataFrame, today: date) -> None:
    st.subheader(texts.FORM_GRADE)
    lf_id, current = _pick_row(texts.FIELD_LF, lf, "learning_field_id", ("code", "title"), "grade-lf")
    if lf_id is None:
        return
    status_now = current["status"] if isinstance(current["status"], str) else None
    grade_now = None if _missing(current["grade"]) else int(current["grade"])
    date_now = None if _missing(current["graded_on"]) else current["graded_on"]
    form = "grade-form"
    edit = Edit(f"lf:{person['id']}:{lf_id}", _version(current["version"]),
                {texts.GRADE_STATE_STATUS: texts.LF_STATUS_LABELS.get(status_now, "–"),
                 texts.GRADE_STATE: str(grade_now) if grade_now is not None else "–",
                 texts.GRADE_STATE_DATE: german_date(date_now)},
                _changed_by(current), _changed_at(current), saving.key(form, f"grade-status-{lf_id}"))
    allowed = entries.grade_days(today, person["contract_start"])
    statuses = list(texts.LF_STATUS_LABELS)
    with st.form(saving.key(form), enter_to_submit=False):
        confirmed = saving.show_conflict(edit)
        status = st.selectbox(texts.FIELD_STATUS, statuses, format_func=texts.LF_STATUS_LABELS.get,
                              index=statuses.index(status_now) if status_now in statuses else 1,
                              placeholder=texts.PLACEHOLDER_CHOOSE, key=edit.marker)
        grade = st.number_input(texts.FIELD_GRADE, value=grade_now, step=1, placeholder=texts.FIELD_NO_GRADE,
                                key=saving.key(form, f"grade-value-{lf_id}"))
        # a Lernfeld without a grade yet proposes today (shown in the field, so saved only as seen)
        proposed = date_now if date_now is not None else (today if allowed.low <= today <= allowed.high else None)
        graded_on = date_field(texts.FIELD_GRADED_ON, allowed, value=proposed,
                               key=saving.key(form, f"grade-on-{lf_id}"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            grade = _optional_int(grade)
            on = graded_on if grade is not None else None
            saving.save(form, entries.grade_problems(status, grade, on, allowed),
                        lambda version: grades.save_lf_result(
                            db, user.user_id, apprentice_id=person["id"], learning_field_id=lf_id, status=status,
                            grade=grade, graded_on=on, version=version),
                        texts.SAVED_GRADE.format(code=current["code"]), edit=edit, confirmed=confirmed,
                        after=reevaluate(person["id"]))


def absence_form(db: Database, user: Profile, person: dict, today: date) -> None:
    st.subheader(texts.FORM_ABSENCE)
    form = "absence-form"
    allowed = entries.absence_days(today, person["contract_start"], person.get("contract_end"))
    with st.form(saving.key(form), enter_to_submit=False):
        # empty at first: a day the widget refuses (typed outside its range) leaves it empty, never today
        on = date_field(texts.FIELD_DATE, allowed, key=saving.key(form, "absence-date"))
        lessons = st.number_input(texts.FIELD_LESSONS, value=6, step=1, key=saving.key(form, "absence-lessons"))
        excused = st.checkbox(texts.FIELD_EXCUSED, key=saving.key(form, "absence-excused"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            lessons = _optional_int(lessons)
            saving.save(form, entries.absence_problems(on, lessons, allowed),
                        lambda: absences.record_absence(db, user.user_id, apprentice_id=person["id"], on=on,
                                                        lessons=lessons, excused=excused),
                        texts.SAVED_ABSENCE.format(day=german_date(on)),
                        refusals={absences.DuplicateAbsence: texts.DUPLICATE_ABSENCE},
                        after=reevaluate(person["id"]))


def _excuse_edit(row: dict, marker: str, is_open: bool) -> Edit:
    state = {texts.EXCUSE_STATE: texts.EXCUSE_STATE_LABELS.get(row["excuse_state"], row["excuse_state"]),
             texts.FIELD_EXCUSED: texts.YES_NO[bool(row["excused"])]}
    return Edit(f"absence:{row['id']}", int(row["version"]), state, _changed_by(row), _changed_at(row), marker,
                open=is_open)


def _shown_rows(rows: pd.DataFrame, is_open, marker) -> list[dict]:
    """The rows a list of per-row forms shows: the open ones, and those whose form was on the screen in the previous
    run although they are no longer open (someone else acted on them meanwhile): their form stays, with the
    message of who did what, until the user hides it, so that nothing typed into it vanishes unsaid."""
    return [row for row in records(rows) if is_open(row) or saving.on_screen(marker(row))]


def _excuse_forms(rows: pd.DataFrame, is_open, marker, nothing: str) -> Iterator[tuple[dict, Edit]]:
    """Row and edit of each per-row excuse form that is shown (_shown_rows); the caption nothing if none. The
    caller names the form (written out there, so that the form matrix's scan finds it)."""
    shown = _shown_rows(rows, is_open, marker)
    if not shown:
        st.caption(nothing)
    for row in shown:
        yield row, _excuse_edit(row, marker(row), is_open(row))


def decide_excuses_form(db: Database, user: Profile, absence_rows: pd.DataFrame) -> None:
    """One small form per open proposal, so that a decision can only ever hit the row it was shown for."""
    st.subheader(texts.FORM_DECIDE)

    def marker(row):
        return saving.key(f"decide-{row['id']}", f"decide-{row['id']}-accept")  # one per row

    def is_open(row) -> bool:
        return row["excuse_state"] == "vorgeschlagen"

    for row, edit in _excuse_forms(absence_rows, is_open, marker, texts.NO_OPEN_PROPOSALS):
        form = f"decide-{row['id']}"
        if not edit.open:  # decided by someone else while it was on the screen: say who, once (nothing was typed)
            saving.show_conflict(edit)
            continue
        with st.form(saving.key(form), border=True):
            st.markdown(f"**{german_date(row['absence_date'])}**, {row['lessons']} Std. – "
                        f"„{plain(row['excuse_comment'])}“ ({plain(row['proposed_by'])})")
            confirmed = saving.show_conflict(edit)
            accept_col, reject_col = st.columns(2)
            accept = accept_col.form_submit_button(texts.BUTTON_ACCEPT, key=marker(row))
            reject = reject_col.form_submit_button(texts.BUTTON_REJECT, key=saving.key(form, f"{form}-reject"))
            if accept or reject:
                saving.save(form, [], lambda version, row=row, accept=accept: absences.decide_excuse(
                    db, user.user_id, absence_id=row["id"], version=version, accept=accept),
                    texts.SAVED_DECISION, edit=edit, confirmed=confirmed,
                    after=reevaluate(row["apprentice_id"]))


def _hide_button(form: str, edit: Edit) -> None:
    """For a row that is no longer open: a button that removes its form (and what was typed in it)."""
    if not edit.open and st.form_submit_button(texts.STALE_HIDE, key=saving.key(form, f"{form}-hide")):
        saving.hide(form, edit)


def school_block_form(db: Database, user: Profile, person: dict, today: date) -> None:
    st.subheader(texts.FORM_BLOCK)
    form = "block-form"
    allowed = entries.plan_days(today)
    with st.form(saving.key(form), enter_to_submit=False):
        starts_on = date_field(texts.FIELD_START, allowed, key=saving.key(form, "block-start"))
        ends_on = date_field(texts.FIELD_END, allowed, key=saving.key(form, "block-end"))
        note = st.text_input(texts.FIELD_NOTE, key=saving.key(form, "block-note"))
        if st.form_submit_button(texts.BUTTON_PLAN):
            saving.save(form, entries.period_problems(starts_on, ends_on, allowed, max_days=entries.MAX_BLOCK_DAYS)
                        + entries.text_problems(note, required=False, max_length=entries.MAX_BLOCK_NOTE),
                        lambda: planning.add_school_block(db, user.user_id, class_id=person["class_id"],
                                                          starts_on=starts_on, ends_on=ends_on,
                                                          note=note.strip() or None),
                        texts.SAVED_BLOCK.format(start=german_date(starts_on), end=german_date(ends_on),
                                                 class_name=person["class_name"]),
                        # school days changed: the class's absence rates
                        after=lambda: early_warning.refresh_quietly(
                            worker_database, planning.class_apprentice_ids(db, user.user_id, person["class_id"])))


def rating_form(db: Database, user: Profile, person: dict, positions: pd.DataFrame) -> None:
    st.subheader(texts.FORM_RATING)
    position_id, current = _pick_row(texts.FIELD_POSITION, positions, "training_position_id", ("number", "title"),
                                     "rating-position")
    if position_id is None:
        return
    level_now = 0 if _missing(current["level"]) else int(current["level"])
    comment_now = _text(current["comment"])
    form = "rating-form"
    edit = Edit(f"rating:{person['id']}:{position_id}", _version(current["version"]),
                {texts.RATING_STATE_LEVEL: texts.POSITION_LEVELS[level_now],
                 texts.RATING_STATE_COMMENT: comment_now or "–"},
                _changed_by(current), _changed_at(current), saving.key(form, f"rating-comment-{position_id}"))
    with st.form(saving.key(form)):
        confirmed = saving.show_conflict(edit)
        levels = list(texts.POSITION_LEVELS)
        level = st.select_slider(texts.FIELD_LEVEL, levels, format_func=texts.POSITION_LEVELS.get, value=level_now,
                                 key=saving.key(form, f"rating-level-{position_id}"))
        comment = st.text_area(texts.FIELD_COMMENT, value=comment_now,
                               key=saving.key(form, f"rating-comment-{position_id}"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            saving.save(form, entries.text_problems(comment, required=False, max_length=entries.MAX_COMMENT),
                        lambda version: ratings.rate_position(
                            db, user.user_id, apprentice_id=person["id"], training_position_id=position_id,
                            level=level, comment=comment.strip() or None, version=version),
                        texts.SAVED_RATING.format(number=current["number"]), edit=edit, confirmed=confirmed)


def week_form(db: Database, user: Profile, weeks: pd.DataFrame) -> None:
    """One form per handed-in week: sign it, or send it back with a comment."""
    st.subheader(texts.FORM_WEEK)

    def marker(row):
        return saving.key(f"week-{row['id']}", f"week-comment-{row['id']}")

    shown = _shown_rows(weeks, lambda row: row["status"] == "eingereicht", marker)
    if not shown:
        st.caption(texts.NO_OPEN_WEEKS)
    for row in shown:
        form = f"week-{row['id']}"
        edit = Edit(f"week:{row['id']}", int(row["version"]),
                    {texts.WEEK_STATE: texts.WEEK_STATUS_LABELS.get(row["status"], row["status"])},
                    _changed_by(row) or (None if _missing(row["decided_by"]) else row["decided_by"]),
                    _changed_at(row) or (None if _missing(row["decided_at"]) else row["decided_at"]),
                    marker(row), open=row["status"] == "eingereicht")
        with st.form(saving.key(form), border=True):
            st.markdown(f"**Woche ab {german_date(row['week_start'])}**")
            confirmed = saving.show_conflict(edit)
            comment = st.text_area(texts.FIELD_COMMENT, key=marker(row), height=68)
            sign_col, return_col = st.columns(2)
            sign = sign_col.form_submit_button(texts.BUTTON_SIGN, key=saving.key(form, f"{form}-sign"))
            send_back = return_col.form_submit_button(texts.BUTTON_RETURN, key=saving.key(form, f"{form}-return"))
            _hide_button(form, edit)
            if sign or send_back:
                problems = ([texts.COMMENT_REQUIRED] if send_back and not comment.strip()
                            and not entries.invisible_characters(comment)
                            else entries.text_problems(comment, required=False, max_length=entries.MAX_COMMENT))
                saving.save(form, problems, lambda version, row=row, sign=sign, comment=comment:
                            record_book.decide_week(db, user.user_id, week_id=row["id"], version=version, sign=sign,
                                                    comment=comment.strip() or None),
                            texts.SAVED_WEEK.format(week=german_date(row["week_start"]),
                                                    action=texts.WEEK_SIGNED if sign else texts.WEEK_RETURNED),
                            edit=edit, confirmed=confirmed and edit.open, after=reevaluate(row["apprentice_id"]))


# The company proposes for recent absences only; older ones are settled.
PROPOSABLE_DAYS = 60


def propose_excuse_form(db: Database, user: Profile, absence_rows: pd.DataFrame, today: date) -> None:
    """One form per recent unexcused absence: propose "entschuldigt" with a reason."""
    st.subheader(texts.FORM_PROPOSE)

    def marker(row):
        return saving.key(f"propose-{row['id']}", f"propose-comment-{row['id']}")

    def proposable(row) -> bool:
        return (not row["excused"] and row["excuse_state"] in ("keiner", "abgelehnt")
                and row["absence_date"] >= today - timedelta(days=PROPOSABLE_DAYS))

    for row, edit in _excuse_forms(absence_rows, proposable, marker, texts.NO_UNEXCUSED):
        form = f"propose-{row['id']}"
        with st.form(saving.key(form), border=True):
            st.markdown(f"**{german_date(row['absence_date'])}**, {row['lessons']} Std.")
            confirmed = saving.show_conflict(edit)
            comment = st.text_area(texts.FIELD_COMMENT, key=marker(row), height=68)
            _hide_button(form, edit)
            if st.form_submit_button(texts.BUTTON_PROPOSE, key=saving.key(form, f"{form}-propose")):
                problems = ([texts.COMMENT_REQUIRED] if not comment.strip()
                            and not entries.invisible_characters(comment)
                            else entries.text_problems(comment, max_length=entries.MAX_COMMENT))
                saving.save(form, problems, lambda version, row=row, comment=comment: absences.propose_excuse(
                    db, user.user_id, absence_id=row["id"], version=version, comment=comment.strip()),
                    texts.SAVED_PROPOSAL, edit=edit, confirmed=confirmed and edit.open)


def phase_form(db: Database, user: Profile, person: dict, today: date) -> None:
    st.subheader(texts.FORM_PHASE)
    form = "phase-form"
    allowed = entries.phase_days(person["contract_start"], person["contract_end"])
    overlap = f"leokop_overlap:{saving.key(form)}"  # the phases a refused save overlapped
    pending = st.session_state.get(overlap)
    confirmed = pending if pending and st.session_state.get(_overlap_key(form, pending)) else ()
    with st.form(saving.key(form), enter_to_submit=False):
        title = st.text_input(texts.FIELD_TITLE, key=saving.key(form, "phase-title"))
        department = st.text_input(texts.FIELD_DEPARTMENT, key=saving.key(form, "phase-department"))
        starts_on = date_field(texts.FIELD_START, allowed, key=saving.key(form, "phase-start"))
        ends_on = date_field(texts.FIELD_END, allowed, key=saving.key(form, "phase-end"))
        if st.form_submit_button(texts.BUTTON_PLAN):
            saving.save(form, entries.title_problems(title) + entries.title_problems(department, required=False)
                        + entries.period_problems(starts_on, ends_on, allowed),
                        lambda: planning.add_company_phase(
                            db, user.user_id, apprentice_id=person["id"], title=title.strip(),
                            department=department.strip() or None, starts_on=starts_on, ends_on=ends_on,
                            confirmed=confirmed),
                        texts.SAVED_PHASE.format(title=plain(title.strip())),
                        refusals={planning.PhaseOverlap: lambda exc: _overlap_refused(overlap, exc)})
        if st.session_state.get(overlap):  # below the button: confirms exactly the phases named in the message
            st.checkbox(texts.PHASE_OVERLAP_CONFIRM, key=_overlap_key(form, st.session_state[overlap]))


def _overlap_key(form: str, phase_ids) -> str:
    return saving.key(form, f"{form}-overlap-" + "-".join(sorted(str(i) for i in phase_ids)))


def _overlap_refused(overlap: str, exc: planning.PhaseOverlap) -> str:
    """Remember which phases the new one overlaps (the confirmation is for exactly these) and say so in German."""
    st.session_state[overlap] = tuple(p.id for p in exc.phases)
    names = ", ".join(texts.PHASE_OVERLAP_ONE.format(title=plain(p.title), start=german_date(p.starts_on),
                                                     end=german_date(p.ends_on)) for p in exc.phases)
    return texts.PHASE_OVERLAP.format(phases=names) + " " + texts.PHASE_OVERLAP_HINT


def note_form(db: Database, user: Profile, person: dict, place: str) -> None:
    st.subheader(texts.FORM_NOTE)
    form = "note-form"
    with st.form(saving.key(form)):
        body = st.text_area(texts.FIELD_TEXT, key=saving.key(form, "note-text"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            saving.save(form, entries.text_problems(body),
                        lambda: notes.add_note(db, user.user_id, apprentice_id=person["id"], place=place,
                                               body=body.strip()),
                        texts.SAVED_NOTE)
