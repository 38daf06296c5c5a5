"""Data protection in the UI: the terms screen for company users and the admin page's five privacy tabs."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import psycopg
import streamlit as st

from leokop.clock import BERLIN
from leokop.db.session import Database
from leokop.frames import records
from leokop.repo import privacy
from leokop.repo._query import StaleWrite
from leokop.repo.users import Profile
from leokop.services import exports
from leokop.services import privacy as rules
from leokop.ui import texts, user_cache, widgets


def _write(action, success: str) -> bool:
    """Run one write; confirm it, or say in German that nothing was changed."""
    try:
        action()
    except StaleWrite:
        st.error(texts.STALE_WRITE)
    except psycopg.Error:
        st.error(texts.DB_ERROR)
    else:
        st.success(success)
        return True
    return False


# Streamlit reruns the page on every click in it: reruns within this time after a recorded view are the same visit.
VIEW_VISIT = timedelta(minutes=15)
_VIEWS_KEY = "leokop_recorded_views"
# The audit tab opens on the last year: the school year's consents and acceptances are in it.
AUDIT_DEFAULT_SPAN = timedelta(days=365)


def record_view(db: Database, user: Profile, apprentice_id) -> None:
    """Record the view of an apprentice page in the audit trail, once per visit of this session."""
    seen = st.session_state.setdefault(_VIEWS_KEY, {})
    now = datetime.now()
    if apprentice_id in seen and now - seen[apprentice_id] < VIEW_VISIT:
        return
    privacy.record_view(db, user.user_id, apprentice_id)
    seen[apprentice_id] = now


def terms_gate(db: Database, user: Profile) -> bool:
    """For a trainer: show every school's terms not yet accepted, with the button to accept. True when nothing
    is pending (the app goes on to the pages); schools without published terms only get a hint."""
    if "ausbilder" not in user.roles:
        return True
    schools = privacy.terms_to_accept(db, user.user_id)
    pending = [s for s in schools if s["version"] is not None and not s["accepted"]]
    for school in schools:
        if school["version"] is None:
            st.info(texts.TERMS_NONE_PUBLISHED.format(school=school["school"]))
    if not pending:
        return True
    st.title(texts.TERMS_TITLE)
    st.write(texts.TERMS_INTRO)
    for school in pending:
        with st.container(border=True):
            st.subheader(texts.TERMS_SCHOOL.format(school=school["school"], version=school["version"],
                                                   published=widgets.german_date(school["published_at"].date())))
            st.text(school["body"])
            if st.button(texts.TERMS_ACCEPT, key=f"accept-{school['school_id']}-{school['version']}"):
                privacy.accept_terms(db, user.user_id, school["school_id"], school["version"])
                user_cache.forget("terms", "pairs")
                st.rerun()
    return False


def terms_tab(db: Database, admin_id) -> None:
    st.caption(texts.TERMS_ADMIN_INTRO)
    for school in privacy.admin_terms(db, admin_id):
        st.subheader(school["name"])
        if school["version"] is None:
            st.warning(texts.TERMS_NO_VERSION)
        else:
            st.caption(texts.TERMS_CURRENT.format(version=school["version"], accepted=school["accepted"],
                                                  published=widgets.german_date(school["published_at"].date())))
        with st.form(f"terms-{school['school_id']}"):
            body = st.text_area(texts.TERMS_BODY, value=school["body"] or rules.DEFAULT_TERMS, height=260,
                                max_chars=rules.MAX_TERMS)
            if st.form_submit_button(texts.TERMS_PUBLISH):
                problems = rules.terms_problems(body, school["body"])
                for problem in problems:
                    st.error(problem)
                if not problems:
                    _write(lambda school=school, body=body: privacy.publish_terms(db, admin_id, school["school_id"],
                                                                                  body),
                           texts.TERMS_PUBLISHED.format(version=(school["version"] or 0) + 1))
        accepted = privacy.acceptances(db, admin_id, school["school_id"])
        widgets.admin_table(accepted.rename(columns=texts.TERMS_ACCEPTANCE_COLUMNS),
                            list(texts.TERMS_ACCEPTANCE_COLUMNS.values()))


def _apprentice_picker(db: Database, admin_id, key: str):
    people = privacy.admin_apprentices(db, admin_id)
    chosen = st.selectbox(texts.CHOOSE_APPRENTICE, people["apprentice_id"].tolist(), key=key,
                          format_func=widgets.label_from(people, "apprentice_id", ["label"]))
    return chosen, (people.set_index("apprentice_id").loc[chosen] if chosen is not None else None)


def _consent_rows(frame):
    def labels(values) -> str:
        return ", ".join(texts.CONSENT_CATEGORY_LABELS.get(v, v) for v in values)

    out = frame.assign(
        legal_basis=frame["legal_basis"].map(texts.CONSENT_BASIS_LABELS),
        categories=frame["categories"].map(labels),
        given_by=frame["given_by"].map(lambda v: texts.CONSENT_GIVER_LABELS.get(v, "–")),
        given_on=frame["given_on"].map(widgets.german_date),
        recorded=[f"{widgets.german_date(at.date())} ({by or '–'})"
                  for at, by in zip(frame["recorded_at"], frame["recorded_by"], strict=True)],
        revoked=[f"{widgets.german_date(at.date())} ({by or '–'})" if at is not None and at == at else "–"
                 for at, by in zip(frame["revoked_at"], frame["revoked_by"], strict=True)],
    )
    return out[list(texts.CONSENT_COLUMNS)].fillna("–").rename(columns=texts.CONSENT_COLUMNS)


def consents_tab(db: Database, admin_id, today: date) -> None:
    st.caption(texts.CONSENT_INTRO)
    chosen, person = _apprentice_picker(db, admin_id, "consent-who")
    if chosen is None:
        return
    current = privacy.consents_of(db, admin_id, chosen)
    if current.empty or current["revoked_at"].notna().all():
        st.warning(texts.CONSENT_NONE)
    if not current.empty:
        st.dataframe(_consent_rows(current), hide_index=True, width="stretch")
        open_rows = current[current["revoked_at"].isna()]
        for row in records(open_rows):
            labels = ", ".join(texts.CONSENT_CATEGORY_LABELS[c] for c in row["categories"])
            if st.button(f"{texts.CONSENT_REVOKE}: {labels}", key=f"revoke-{row['id']}"):
                _write(lambda row=row: privacy.revoke_consent(db, admin_id, row["id"], row["version"]),
                       texts.CONSENT_REVOKED)
    st.subheader(texts.CONSENT_NEW)
    basis = st.radio(texts.CONSENT_FIELD_BASIS, list(rules.LEGAL_BASES), format_func=texts.CONSENT_BASIS_LABELS.get,
                     horizontal=True, key="consent-basis")
    with st.form("consent-new"):
        categories = st.multiselect(texts.CONSENT_FIELD_CATEGORIES, list(rules.CATEGORIES),
                                    default=list(rules.CATEGORIES), format_func=texts.CONSENT_CATEGORY_LABELS.get)
        given_by, guardian = None, ""
        if basis == "einwilligung":
            given_by = st.radio(texts.CONSENT_FIELD_GIVER, list(rules.GIVERS),
                                format_func=texts.CONSENT_GIVER_LABELS.get, horizontal=True)
            guardian = st.text_input(texts.CONSENT_FIELD_GUARDIAN, max_chars=rules.MAX_GUARDIAN)
        given_on = st.date_input(texts.CONSENT_FIELD_GIVEN_ON, value=today, format="DD.MM.YYYY")
        reference = st.text_input(texts.CONSENT_FIELD_REFERENCE, max_chars=rules.MAX_REFERENCE)
        if st.form_submit_button(texts.BUTTON_SAVE):
            problems = rules.consent_problems(basis, categories, given_by, guardian, given_on, reference,
                                              person["birth_date"], today)
            for problem in problems:
                st.error(problem)
            if not problems:
                _write(lambda: privacy.add_consent(
                    db, admin_id, chosen, legal_basis=basis, categories=categories, given_by=given_by,
                    guardian_name=guardian.strip() if given_by == "erziehungsberechtigte" else None,
                    given_on=given_on, reference=reference.strip() or None), texts.CONSENT_SAVED)


def audit_tab(db: Database, admin_id, today: date) -> None:
    st.caption(texts.AUDIT_INTRO)
    left, middle, right = st.columns(3)
    start = left.date_input(texts.AUDIT_FROM, value=today - AUDIT_DEFAULT_SPAN, format="DD.MM.YYYY",
                              key="audit-from")
    end = middle.date_input(texts.AUDIT_TO, value=today, format="DD.MM.YYYY", key="audit-to")
    actions = [None, *texts.AUDIT_ACTION_LABELS]
    action = right.selectbox(texts.AUDIT_ACTION, actions, key="audit-action",
                             format_func=lambda a: texts.AUDIT_ALL if a is None else texts.AUDIT_ACTION_LABELS[a])
    who_col, whom_col = st.columns(2)
    username = who_col.text_input(texts.AUDIT_WHO, key="audit-who").strip().lower() or None
    people = privacy.admin_apprentices(db, admin_id)
    whom = whom_col.selectbox(texts.CHOOSE_APPRENTICE, [None, *people["apprentice_id"].tolist()], key="audit-whom",
                              format_func=lambda a: texts.AUDIT_ALL if a is None
                              else widgets.label_from(people, "apprentice_id", ["label"])(a))
    rows = privacy.audit_entries(db, admin_id, start, end, action=action, apprentice_id=whom, username=username)
    if len(rows) >= privacy.MAX_ROWS:
        st.warning(texts.AUDIT_CAPPED.format(n=privacy.MAX_ROWS))
    shown = rows.assign(
        at=rows["at"].map(lambda t: t.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M:%S")),
        actor=rows["actor"].fillna(texts.AUDIT_SYSTEM),
        action=rows["action"].map(texts.AUDIT_ACTION_LABELS),
    )[list(texts.AUDIT_COLUMNS)].fillna("–").rename(columns=texts.AUDIT_COLUMNS)
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(texts.AUDIT_EXPORT, exports.csv_bytes(shown), file_name=f"protokoll-{today.isoformat()}.csv",
                       mime=exports.CSV_MIME, key="audit-csv")


def retention_tab(db: Database, admin_id, today: date) -> None:
    st.caption(texts.RETENTION_INTRO)
    for school in privacy.retention_settings(db, admin_id):
        with st.form(f"retention-{school['school_id']}"):
            st.subheader(school["name"])
            months = st.number_input(texts.RETENTION_MONTHS, value=int(school["months"]), step=1)
            if st.form_submit_button(texts.BUTTON_SAVE):
                problems = rules.retention_problems(months)
                for problem in problems:
                    st.error(problem)
                if not problems:
                    _write(lambda school=school, months=months: privacy.save_retention(
                        db, admin_id, school["school_id"], int(months)), texts.RETENTION_SAVED)
    due = privacy.retention_preview(db, admin_id, today)
    st.write(texts.RETENTION_DUE.format(n=len(due)))
    if not due.empty:
        shown = due.assign(ended_on=due["ended_on"].map(widgets.german_date))
        st.dataframe(shown[list(texts.RETENTION_COLUMNS)].rename(columns=texts.RETENTION_COLUMNS), hide_index=True,
                     width="stretch")


def access_tab(db: Database, admin_id) -> None:
    st.caption(texts.ACCESS_INTRO)
    chosen, _person = _apprentice_picker(db, admin_id, "access-who")
    if chosen is None:
        return
    if st.button(texts.ACCESS_PREPARE, key="access-prepare"):
        st.session_state["leokop_access_export"] = (chosen, privacy.subject_access_export(db, admin_id, chosen))
    prepared = st.session_state.get("leokop_access_export")
    if prepared and prepared[0] == chosen:
        export = prepared[1]
        left, right = st.columns(2)
        left.download_button(texts.ACCESS_PDF, rules.access_pdf(export), file_name=f"auskunft-{chosen}.pdf",
                             mime=exports.PDF_MIME, key="access-pdf")
        right.download_button(texts.ACCESS_JSON, rules.access_json(export), file_name=f"auskunft-{chosen}.json",
                              mime="application/json", key="access-json")
