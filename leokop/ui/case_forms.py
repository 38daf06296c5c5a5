"""The early-warning part of the apprentice page: current flags, concerns, cases with comments and measures."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pandas as pd
import streamlit as st

from leokop import texts
from leokop.db.session import Database
from leokop.formats import german_date, german_datetime, plain, plain_or
from leokop.frames import records
from leokop.repo import cases, risks
from leokop.repo.users import Profile
from leokop.services import entries
from leokop.ui import saving
from leokop.ui.addresses import apprentice_link
from leokop.ui.apprentice_forms import _changed_at, _changed_by, _shown_rows, date_field, reevaluate
from leokop.ui.saving import Edit


def flags_section(db: Database, user: Profile, person: dict, flags: pd.DataFrame, people: pd.DataFrame,
                  all_cases: pd.DataFrame) -> None:
    """Each open flag with its reason, and a form to open a case on it (or the case already open on it)."""
    st.subheader(texts.OPEN_FLAGS)
    if flags.empty:
        st.caption(texts.NO_FLAGS)
    responsible = _people_options(people)
    open_cases = all_cases[all_cases["status"] != "erledigt"] if not all_cases.empty else all_cases
    case_of_flag = {case["flag_id"]: case for case in records(open_cases) if case["flag_id"]}
    for flag in records(flags):
        form = f"case-open-{flag['id']}"
        case = case_of_flag.get(flag["id"])
        has_case = None if case is None else texts.FLAG_HAS_CASE.format(
            title=plain(case["title"]), status=texts.CASE_STATUS_LABELS[case["status"]],
            opened=german_date(case["opened_at"]), by=plain_or(case["opened_by"]))
        # a case opened by someone else while this form was on the screen: the form stays (with that case named),
        # so that a click on it gets its answer ("someone was quicker") instead of vanishing
        if case is not None and not saving.on_screen(saving.key(form, f"case-title-{flag['id']}")):
            with st.container(border=True):
                st.markdown(f"{texts.SEVERITY_BADGES[flag['severity']]} {plain(flag['reason'])}")
                st.caption(has_case)
            continue
        with st.form(saving.key(form), border=True, enter_to_submit=False):
            st.markdown(f"{texts.SEVERITY_BADGES[flag['severity']]} {plain(flag['reason'])}")
            if has_case is not None:
                st.caption(has_case)
            # a generic title: the case is seen by the whole pair, the flag's figures may not be released to all
            title = st.text_input(texts.CASE_TITLE, value=texts.RULE_LABELS.get(flag["rule"], flag["rule"]),
                                  key=saving.key(form, f"case-title-{flag['id']}"))
            who = st.selectbox(texts.CASE_RESPONSIBLE, list(responsible), format_func=responsible.get,
                               key=saving.key(form, f"case-who-{flag['id']}"), placeholder=texts.PLACEHOLDER_CHOOSE)
            if st.form_submit_button(texts.OPEN_CASE):
                saving.save(form, entries.text_problems(title, max_length=300),
                            lambda flag=flag, title=title, who=who: cases.open_case(
                                db, user.user_id, apprentice_id=person["id"], flag_id=flag["id"],
                                title=title.strip(), severity=flag["severity"], responsible_id=who),
                            texts.CASE_OPENED,
                            # someone was quicker: nothing to correct, the rerun shows their case instead of the form
                            notices={cases.CaseAlreadyOpen: texts.CASE_ALREADY_OPEN})


def concern_form(db: Database, user: Profile, person: dict, place: str) -> None:
    """Raise a concern by hand; open concerns can be marked as settled, which clears their flag."""
    on_screen = saving.on_screen_ids("concern-resolve-")
    raised = risks.concerns_to_show(db, user.user_id, person["id"], on_screen)
    if not raised.empty:
        st.subheader(texts.OPEN_CONCERNS)
    for concern in _shown_rows(raised, lambda row: _missing(row["resolved_at"]),
                               lambda row: saving.key(f"concern-resolve-{row['id']}", f"concern-resolve-{row['id']}")):
        form = f"concern-resolve-{concern['id']}"
        is_open = _missing(concern["resolved_at"])
        edit = Edit(f"concern:{concern['id']}", 0 if is_open else 1,
                    {texts.CASE_STATE_STATUS: texts.CONCERN_STATE_LABELS[is_open]},
                    None if _missing(concern["resolved_by"]) else concern["resolved_by"],
                    None if is_open else concern["resolved_at"], saving.key(form, form), open=is_open)
        if not edit.open:  # settled by someone else while it was on the screen: say who, once
            saving.show_conflict(edit)
            continue
        with st.form(saving.key(form), border=True):
            st.markdown(f"**{texts.CONCERN_LABELS[concern['kind']]}** ({texts.PLACE_LABELS[concern['place']]}, "
                        f"{plain_or(concern['raised_by'])}, {german_date(concern['raised_at'])}): "
                        f"{plain(concern['body'])}")
            if st.form_submit_button(texts.CONCERN_RESOLVE, key=edit.marker):
                saving.save(form, [], lambda _version, concern=concern: risks.resolve_concern(
                    db, user.user_id, concern["id"]), texts.CONCERN_RESOLVED, edit=edit,
                    after=reevaluate(person["id"]))
    st.subheader(texts.RAISE_CONCERN)
    form = "concern-form"
    with st.form(saving.key(form), border=True):
        kind = st.selectbox(texts.CONCERN_KIND, list(texts.CONCERN_LABELS), format_func=texts.CONCERN_LABELS.get,
                            placeholder=texts.PLACEHOLDER_CHOOSE, key=saving.key(form, "concern-kind"))
        body = st.text_area(texts.FIELD_TEXT, key=saving.key(form, "concern-text"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            saving.save(form, ([texts.CONCERN_KIND_MISSING] if kind is None else [])
                        + entries.text_problems(body, max_length=entries.MAX_COMMENT),
                        lambda: risks.add_concern(db, user.user_id, apprentice_id=person["id"], place=place,
                                                  kind=kind, body=body.strip()),
                        texts.CONCERN_RAISED, after=reevaluate(person["id"]))


def _missing(value) -> bool:
    return value is None or bool(pd.isna(value))


def cases_section(db: Database, user: Profile, place: str, all_cases: pd.DataFrame, people: pd.DataFrame,
                  today: date, contract_end: date | None = None, opened: UUID | None = None) -> None:
    """Open cases expanded with their thread, measures and forms; closed ones below, read only. `opened`: the case
    the address names (/azubi?id=…&case=…): only it is expanded, also a closed one. Each case has its link."""
    st.subheader(texts.SECTION_CASE_LIST)
    if all_cases.empty:
        st.caption(texts.NO_CASES)
        return
    ids = all_cases["id"].tolist()
    comments = cases.comments_of(db, user.user_id, ids)
    measures = cases.measures_of(db, user.user_id, ids)
    # a case closed by someone else while its forms were on the screen keeps them for this visit: the status form
    # says who closed it, a comment or measure typed meanwhile can still be saved
    on_screen = all_cases["id"].map(lambda i: saving.on_screen(
        saving.key(f"case-status-{i}", f"case-status-value-{i}")))
    open_cases = all_cases[(all_cases["status"] != "erledigt") | on_screen]
    for case in records(open_cases):
        with st.expander(_case_header(case), expanded=opened is None or case["id"] == opened):
            apprentice_link(case["apprentice_id"], texts.CASE_OWN_LINK, case["id"])
            _thread(comments[comments["case_id"] == case["id"]], measures[measures["case_id"] == case["id"]])
            _measure_done_forms(db, user, measures[measures["case_id"] == case["id"]])
            _comment_form(db, user, place, case)
            _measure_form(db, user, case, today, contract_end)
            _status_form(db, user, case, people)
    closed = all_cases[(all_cases["status"] == "erledigt") & ~on_screen]
    if not closed.empty:
        st.subheader(texts.CLOSED_CASES)
        for case in records(closed):
            with st.expander(_case_header(case), expanded=case["id"] == opened):
                apprentice_link(case["apprentice_id"], texts.CASE_OWN_LINK, case["id"])
                st.caption(f"{texts.CASE_CLOSING_REASON}: {plain(case['closing_reason'])}")
                _thread(comments[comments["case_id"] == case["id"]], measures[measures["case_id"] == case["id"]])


def _people_options(people: pd.DataFrame) -> dict:
    options = {None: texts.NOBODY}
    options.update({r["user_id"]: f"{r['display_name']} ({texts.PLACE_LABELS[r['place']]})"
                    for r in records(people)})
    return options


def _case_header(case: dict) -> str:
    return texts.CASE_HEADER.format(
        severity=texts.SEVERITY_BADGES[case["severity"]], title=plain(case["title"]),
        status=texts.CASE_STATUS_LABELS[case["status"]],
        responsible=plain_or(case["responsible"], texts.NOBODY), opened=german_date(case["opened_at"]),
        by=plain_or(case["opened_by"]))


def _thread(comments: pd.DataFrame, measures: pd.DataFrame) -> None:
    if comments.empty and measures.empty:
        st.caption(texts.NO_THREAD)
    for m in records(measures):
        due = f" · fällig {german_date(m['due_on'])}" if pd.notna(m["due_on"]) else ""
        state = texts.MEASURE_STATE_BADGES[pd.notna(m["done_at"])]
        note = f" – {plain(m['description'])}" if isinstance(m["description"], str) and m["description"] else ""
        st.markdown(f"{state} **{texts.MEASURE_LABELS[m['kind']]}**{due}{note} ({plain_or(m['created_by'])})")
    for c in records(comments):
        st.caption(texts.WRITTEN_BY.format(author=plain_or(c["author"]), place=texts.PLACE_LABELS[c["place"]],
                                           at=german_datetime(c["created_at"])))
        st.markdown(plain(c["body"]))


def _measure_done_forms(db: Database, user: Profile, measures: pd.DataFrame) -> None:
    """A button per open measure of the case; a measure someone else marked done meanwhile keeps its form (with
    who did it) while it was on the screen."""
    def marker(row):
        return saving.key(f"measure-done-{row['id']}", f"measure-done-{row['id']}")

    for measure in _shown_rows(measures, lambda row: _missing(row["done_at"]), marker):
        form = f"measure-done-{measure['id']}"
        is_open = _missing(measure["done_at"])
        edit = Edit(f"measure:{measure['id']}", int(measure["version"]),
                    {texts.CASE_STATE_STATUS: texts.CONCERN_STATE_LABELS[is_open]},
                    _changed_by(measure), _changed_at(measure), marker(measure), open=is_open)
        if not edit.open:  # done by someone else while it was on the screen: say who, once
            saving.show_conflict(edit)
            continue
        with st.form(saving.key(form), border=False):
            if st.form_submit_button(f"{texts.MEASURE_DONE}: {texts.MEASURE_LABELS[measure['kind']]}",
                                     key=marker(measure)):
                saving.save(form, [], lambda version, measure=measure: cases.complete_measure(
                    db, user.user_id, measure["id"], version), texts.MEASURE_MARKED_DONE, edit=edit)


def _comment_form(db: Database, user: Profile, place: str, case: dict) -> None:
    form = f"case-comment-{case['id']}"
    with st.form(saving.key(form)):
        body = st.text_area(texts.CASE_COMMENT, key=saving.key(form, f"case-comment-text-{case['id']}"), height=68)
        if st.form_submit_button(texts.BUTTON_SAVE):
            saving.save(form, entries.text_problems(body),
                        lambda: cases.add_comment(db, user.user_id, case_id=case["id"], place=place,
                                                  body=body.strip()),
                        texts.CASE_COMMENTED)


def _measure_form(db: Database, user: Profile, case: dict, today: date, contract_end: date | None) -> None:
    form = f"case-measure-{case['id']}"
    allowed = entries.due_days(today, contract_end)
    with st.form(saving.key(form), enter_to_submit=False):
        # no preselected kind: an emptied form (after a save) must not save a second measure on a second click
        kind = st.selectbox(texts.CASE_MEASURE, list(texts.MEASURE_LABELS), format_func=texts.MEASURE_LABELS.get,
                            index=None, key=saving.key(form, f"case-measure-kind-{case['id']}"),
                            placeholder=texts.PLACEHOLDER_CHOOSE)
        description = st.text_input(texts.CASE_MEASURE_NOTE, key=saving.key(form, f"case-measure-text-{case['id']}"))
        left, right = st.columns([2, 1], vertical_alignment="bottom")
        due_on = date_field(texts.CASE_MEASURE_DUE, allowed, key=saving.key(form, f"case-measure-due-{case['id']}"),
                            parent=left)
        # a due day the widget refuses leaves the field empty: "no due date" must be said, never assumed
        no_due = right.checkbox(texts.MEASURE_NO_DUE, key=saving.key(form, f"case-measure-nodue-{case['id']}"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            problems = [texts.MEASURE_KIND_MISSING] if kind is None else []
            problems += entries.text_problems(description, required=False, max_length=entries.MAX_COMMENT)
            if no_due and due_on is not None:
                problems.append(texts.MEASURE_DUE_AND_NONE)
            elif not no_due:
                problems += allowed.problems(due_on, missing=texts.MEASURE_DUE_MISSING.format(
                    low=german_date(allowed.low), high=german_date(allowed.high)))
            saving.save(form, problems, lambda: cases.add_measure(
                db, user.user_id, case_id=case["id"], kind=kind, description=description.strip() or None,
                due_on=None if no_due else due_on), texts.CASE_MEASURE_ADDED)


def _status_form(db: Database, user: Profile, case: dict, people: pd.DataFrame) -> None:
    responsible = _people_options(people)
    statuses = list(texts.CASE_STATUS_LABELS)
    form = f"case-status-{case['id']}"
    edit = Edit(f"case:{case['id']}", int(case["version"]),
                {texts.CASE_STATE_STATUS: texts.CASE_STATUS_LABELS[case["status"]],
                 texts.CASE_STATE_RESPONSIBLE: case["responsible"] or texts.NOBODY,
                 texts.CASE_STATE_REASON: case["closing_reason"] or "–"},
                _changed_by(case), _changed_at(case), saving.key(form, f"case-status-value-{case['id']}"))
    with st.form(saving.key(form), enter_to_submit=False):
        confirmed = saving.show_conflict(edit)
        status = st.selectbox(texts.CASE_STATUS, statuses, index=statuses.index(case["status"]),
                              format_func=texts.CASE_STATUS_LABELS.get,
                              key=saving.key(form, f"case-status-value-{case['id']}"),
                              placeholder=texts.PLACEHOLDER_CHOOSE)
        keys = list(responsible)
        who = st.selectbox(texts.CASE_RESPONSIBLE, keys, format_func=responsible.get,
                           index=keys.index(case["responsible_id"]) if case["responsible_id"] in keys else 0,
                           key=saving.key(form, f"case-status-who-{case['id']}"),
                           placeholder=texts.PLACEHOLDER_CHOOSE)
        reason = st.text_input(texts.CASE_CLOSING_REASON, key=saving.key(form, f"case-status-reason-{case['id']}"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            problems = ([texts.CASE_CLOSING_REQUIRED] if status == "erledigt" and not reason.strip()
                        and not entries.invisible_characters(reason) else [])
            problems += entries.text_problems(reason, required=False, max_length=entries.MAX_COMMENT)
            saving.save(form, problems, lambda version: cases.update_case(
                db, user.user_id, case_id=case["id"], version=version, status=status, responsible_id=who,
                closing_reason=reason.strip() or None), texts.CASE_UPDATED, edit=edit, confirmed=confirmed)
