"""The early-warning part of the apprentice page: current flags, concerns, cases with comments and measures."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from leokop.db.session import Database
from leokop.frames import records
from leokop.repo import cases, risks
from leokop.repo.users import Profile
from leokop.services import entries
from leokop.ui import feedback, texts, versions
from leokop.ui.apprentice_forms import save
from leokop.ui.formats import german_date, german_datetime, plain


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
        if flag["id"] in case_of_flag:
            case = case_of_flag[flag["id"]]
            with st.container(border=True):
                st.markdown(f"{texts.SEVERITY_BADGES[flag['severity']]} {flag['reason']}")
                st.caption(texts.FLAG_HAS_CASE.format(
                    title=case["title"], status=texts.CASE_STATUS_LABELS[case["status"]],
                    opened=german_date(case["opened_at"]), by=case["opened_by"] or "–"))
            continue
        with st.form(f"case-open-{flag['id']}", border=True):
            st.markdown(f"{texts.SEVERITY_BADGES[flag['severity']]} {flag['reason']}")
            # a generic title: the case is seen by the whole pair, the flag's figures may not be released to all
            title = st.text_input(texts.CASE_TITLE, value=texts.RULE_LABELS.get(flag["rule"], flag["rule"]),
                                  key=f"case-title-{flag['id']}")
            who = st.selectbox(texts.CASE_RESPONSIBLE, list(responsible), format_func=responsible.get,
                               key=f"case-who-{flag['id']}", placeholder=texts.PLACEHOLDER_CHOOSE)
            if st.form_submit_button(texts.OPEN_CASE):
                save(entries.text_problems(title, max_length=300),
                     lambda flag=flag, title=title, who=who: cases.open_case(
                         db, user.user_id, apprentice_id=person["id"], flag_id=flag["id"], title=title.strip(),
                         severity=flag["severity"], responsible_id=who),
                     texts.CASE_OPENED)


def concern_form(db: Database, user: Profile, person: dict, place: str) -> None:
    """Raise a concern by hand; open concerns can be marked as settled, which clears their flag."""
    raised = risks.open_concerns(db, user.user_id, person["id"])
    if not raised.empty:
        st.subheader(texts.OPEN_CONCERNS)
    for concern in records(raised):
        with st.form(f"concern-resolve-{concern['id']}", border=True):
            st.markdown(f"**{texts.CONCERN_LABELS[concern['kind']]}** ({texts.PLACE_LABELS[concern['place']]}, "
                        f"{concern['raised_by'] or '–'}, {german_date(concern['raised_at'])}): "
                        f"{plain(concern['body'])}")
            if st.form_submit_button(texts.CONCERN_RESOLVE):
                save([], lambda concern=concern: risks.resolve_concern(db, user.user_id, concern["id"]),
                     texts.CONCERN_RESOLVED, [person["id"]])
    st.subheader(texts.RAISE_CONCERN)
    with st.form(feedback.key("concern-form"), border=True):
        kind = st.selectbox(texts.CONCERN_KIND, list(texts.CONCERN_LABELS), format_func=texts.CONCERN_LABELS.get,
                            placeholder=texts.PLACEHOLDER_CHOOSE)
        body = st.text_area(texts.FIELD_TEXT, key=feedback.key("concern-form", "concern-text"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            save(entries.text_problems(body, max_length=entries.MAX_COMMENT),
                 lambda: risks.add_concern(db, user.user_id, apprentice_id=person["id"], place=place, kind=kind,
                                           body=body.strip()),
                 texts.CONCERN_RAISED, [person["id"]], form="concern-form")


def cases_section(db: Database, user: Profile, place: str, all_cases: pd.DataFrame, people: pd.DataFrame,
                  today: date) -> None:
    """Open cases expanded with their thread, measures and forms; closed ones below, read only."""
    st.subheader(texts.SECTION_CASE_LIST)
    if all_cases.empty:
        st.caption(texts.NO_CASES)
        return
    ids = all_cases["id"].tolist()
    comments = cases.comments_of(db, user.user_id, ids)
    measures = cases.measures_of(db, user.user_id, ids)
    open_cases = all_cases[all_cases["status"] != "erledigt"]
    for case in records(open_cases):
        with st.expander(_case_header(case), expanded=True):
            _thread(comments[comments["case_id"] == case["id"]], measures[measures["case_id"] == case["id"]])
            _measure_done_forms(db, user, measures[(measures["case_id"] == case["id"]) & measures["done_at"].isna()])
            _comment_form(db, user, place, case)
            _measure_form(db, user, case, today)
            _status_form(db, user, case, people)
    closed = all_cases[all_cases["status"] == "erledigt"]
    if not closed.empty:
        st.subheader(texts.CLOSED_CASES)
        for case in records(closed):
            with st.expander(_case_header(case)):
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
        responsible=case["responsible"] or texts.NOBODY, opened=german_date(case["opened_at"]),
        by=case["opened_by"] or "–")


def _thread(comments: pd.DataFrame, measures: pd.DataFrame) -> None:
    if comments.empty and measures.empty:
        st.caption(texts.NO_THREAD)
    for m in records(measures):
        due = f" · fällig {german_date(m['due_on'])}" if pd.notna(m["due_on"]) else ""
        state = texts.MEASURE_STATE_BADGES[pd.notna(m["done_at"])]
        note = f" – {plain(m['description'])}" if isinstance(m["description"], str) and m["description"] else ""
        st.markdown(f"{state} **{texts.MEASURE_LABELS[m['kind']]}**{due}{note} ({m['created_by'] or '–'})")
    for c in records(comments):
        st.caption(texts.WRITTEN_BY.format(author=c["author"] or "–", place=texts.PLACE_LABELS[c["place"]],
                                           at=german_datetime(c["created_at"])))
        st.markdown(plain(c["body"]))


def _measure_done_forms(db: Database, user: Profile, open_measures: pd.DataFrame) -> None:
    for measure in records(open_measures):
        with st.form(f"measure-done-{measure['id']}", border=False):
            if st.form_submit_button(f"{texts.MEASURE_DONE}: {texts.MEASURE_LABELS[measure['kind']]}"):
                save([], lambda measure=measure: cases.complete_measure(db, user.user_id, measure["id"]),
                     texts.MEASURE_MARKED_DONE)


def _comment_form(db: Database, user: Profile, place: str, case: dict) -> None:
    form = f"case-comment-{case['id']}"
    with st.form(feedback.key(form)):
        body = st.text_area(texts.CASE_COMMENT, key=feedback.key(form, f"case-comment-text-{case['id']}"), height=68)
        if st.form_submit_button(texts.BUTTON_SAVE):
            save(entries.text_problems(body),
                 lambda: cases.add_comment(db, user.user_id, case_id=case["id"], place=place, body=body.strip()),
                 texts.CASE_COMMENTED, form=form)


def _measure_form(db: Database, user: Profile, case: dict, today: date) -> None:
    form = f"case-measure-{case['id']}"
    with st.form(feedback.key(form)):
        # no preselected kind: an emptied form (after a save) must not save a second measure on a second click
        kind = st.selectbox(texts.CASE_MEASURE, list(texts.MEASURE_LABELS), format_func=texts.MEASURE_LABELS.get,
                            index=None, key=feedback.key(form, f"case-measure-kind-{case['id']}"),
                            placeholder=texts.PLACEHOLDER_CHOOSE)
        description = st.text_input(texts.CASE_MEASURE_NOTE, key=feedback.key(form, f"case-measure-text-{case['id']}"))
        due_on = st.date_input(texts.CASE_MEASURE_DUE, value=None, format="DD.MM.YYYY",
                               key=feedback.key(form, f"case-measure-due-{case['id']}"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            problems = [texts.MEASURE_KIND_MISSING] if kind is None else []
            problems += entries.text_problems(description, required=False, max_length=entries.MAX_COMMENT)
            if due_on is not None and due_on < today:
                problems.append(texts.DUE_IN_PAST)
            save(problems, lambda: cases.add_measure(db, user.user_id, case_id=case["id"], kind=kind,
                                                     description=description.strip() or None, due_on=due_on),
                 texts.CASE_MEASURE_ADDED, form=form)


def _status_form(db: Database, user: Profile, case: dict, people: pd.DataFrame) -> None:
    record_key = f"case:{case['id']}"
    base = versions.seen(record_key, int(case["version"]))
    versions.remember(record_key, int(case["version"]))
    responsible = _people_options(people)
    statuses = list(texts.CASE_STATUS_LABELS)
    form = f"case-status-{case['id']}"
    with st.form(feedback.key(form)):
        status = st.selectbox(texts.CASE_STATUS, statuses, index=statuses.index(case["status"]),
                              format_func=texts.CASE_STATUS_LABELS.get,
                              key=feedback.key(form, f"case-status-value-{case['id']}"),
                              placeholder=texts.PLACEHOLDER_CHOOSE)
        keys = list(responsible)
        who = st.selectbox(texts.CASE_RESPONSIBLE, keys, format_func=responsible.get,
                           index=keys.index(case["responsible_id"]) if case["responsible_id"] in keys else 0,
                           key=feedback.key(form, f"case-status-who-{case['id']}"),
                           placeholder=texts.PLACEHOLDER_CHOOSE)
        reason = st.text_input(texts.CASE_CLOSING_REASON, key=feedback.key(form, f"case-status-reason-{case['id']}"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            problems = [texts.CASE_CLOSING_REQUIRED] if status == "erledigt" and not reason.strip() else []
            problems += entries.text_problems(reason, required=False, max_length=entries.MAX_COMMENT)
            save(problems, lambda: cases.update_case(db, user.user_id, case_id=case["id"], version=base, status=status,
                                                     responsible_id=who, closing_reason=reason.strip() or None),
                 texts.CASE_UPDATED, form=form)
