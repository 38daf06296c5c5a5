"""Data protection in the UI: the terms screen for company users and the admin page's five privacy tabs."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import streamlit as st

from leokop import formats, texts
from leokop.clock import BERLIN
from leokop.db.session import Database
from leokop.frames import records
from leokop.repo import privacy
from leokop.repo.users import Profile
from leokop.services import entries, exports
from leokop.services import privacy as rules
from leokop.ui import saving, user_cache, widgets
from leokop.ui.addresses import VIEW_VISIT
from leokop.ui.saving import Edit

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
            st.info(texts.TERMS_NONE_PUBLISHED.format(school=formats.plain(school["school"])))
    if not pending:
        return True
    st.title(texts.TERMS_TITLE)
    st.write(texts.TERMS_INTRO)
    for school in pending:
        with st.container(border=True):
            st.subheader(texts.TERMS_SCHOOL.format(school=formats.plain(school["school"]), version=school["version"],
                                                   published=widgets.german_date(school["published_at"])))
            st.text(school["body"])
            form = f"accept-{school['school_id']}-{school['version']}"
            if st.button(texts.TERMS_ACCEPT, key=saving.key(form, form)):
                saving.save(form, [], lambda school=school: privacy.accept_terms(
                    db, user.user_id, school["school_id"], school["version"]),
                    texts.TERMS_ACCEPTED,
                    after=lambda: user_cache.forget("terms", "pairs"))
    return False


def terms_tab(db: Database, admin_id) -> None:
    st.caption(texts.TERMS_ADMIN_INTRO)
    for school in privacy.admin_terms(db, admin_id):
        st.subheader(formats.plain(school["name"]))
        if school["version"] is None:
            st.warning(texts.TERMS_NO_VERSION)
        else:
            st.caption(texts.TERMS_CURRENT.format(version=school["version"], accepted=school["accepted"],
                                                  published=widgets.german_date(school["published_at"])))
        form = f"terms-{school['school_id']}"
        edit = Edit(f"terms:{school['school_id']}", school["version"],
                    {texts.TERMS_STATE: str(school["version"]) if school["version"] is not None else "–"},
                    school.get("published_by"), school["published_at"], saving.key(form, f"{form}-body"))
        with st.form(saving.key(form)):
            confirmed = saving.show_conflict(edit)
            body = st.text_area(texts.TERMS_BODY, value=school["body"] or rules.DEFAULT_TERMS, height=260,
                                max_chars=rules.MAX_TERMS, key=edit.marker)
            if st.form_submit_button(texts.TERMS_PUBLISH):
                saving.save(form, entries.text_problems(body, required=False, max_length=rules.MAX_TERMS)
                            or rules.terms_problems(body, school["body"]),
                            lambda version, school=school, body=body: privacy.publish_terms(
                                db, admin_id, school["school_id"], body.strip(), version),
                            texts.TERMS_PUBLISHED.format(version=(school["version"] or 0) + 1), edit=edit,
                            confirmed=confirmed)
        accepted = privacy.acceptances(db, admin_id, school["school_id"])
        widgets.admin_table(accepted.rename(columns=texts.TERMS_ACCEPTANCE_COLUMNS),
                            list(texts.TERMS_ACCEPTANCE_COLUMNS.values()))


def _apprentice_picker(db: Database, admin_id, key: str):
    people = privacy.admin_apprentices(db, admin_id)
    widgets.say_if_capped(people)
    chosen = st.selectbox(texts.CHOOSE_APPRENTICE, people["apprentice_id"].tolist(), key=key,
                          format_func=widgets.label_from(people, "apprentice_id", ["label"]),
                          placeholder=texts.PLACEHOLDER_CHOOSE)
    return chosen, (people.set_index("apprentice_id").loc[chosen] if chosen is not None else None)


def _consent_rows(frame):
    def labels(values) -> str:
        return ", ".join(texts.CONSENT_CATEGORY_LABELS.get(v, v) for v in values)

    out = frame.assign(
        legal_basis=frame["legal_basis"].map(texts.CONSENT_BASIS_LABELS),
        categories=frame["categories"].map(labels),
        given_by=frame["given_by"].map(lambda v: texts.CONSENT_GIVER_LABELS.get(v, "–")),
        given_on=frame["given_on"].map(widgets.german_date),
        recorded=[f"{widgets.german_date(at)} ({formats.text_or(by)})"
                  for at, by in zip(frame["recorded_at"], frame["recorded_by"], strict=True)],
        revoked=[f"{widgets.german_date(at)} ({formats.text_or(by)})" if at is not None and at == at else "–"
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
        for row in records(current):
            form = f"revoke-{row['id']}"
            is_open = formats.is_missing(row["revoked_at"])
            if not is_open and not saving.on_screen(saving.key(form, form)):
                continue
            edit = Edit(f"consent:{row['id']}", int(row["version"]), {texts.CONSENT_STATE: texts.YES_NO[not is_open]},
                        None if is_open else row["revoked_by"], None if is_open else row["revoked_at"],
                        saving.key(form, form), open=is_open)
            labels = ", ".join(texts.CONSENT_CATEGORY_LABELS[c] for c in row["categories"])
            if not edit.open:  # revoked by someone else while its button was on the screen: say so, once
                saving.show_conflict(edit)
                continue
            with st.form(saving.key(form), border=True):  # a revocation takes effect at once: ticked first
                sure = st.checkbox(texts.CONSENT_REVOKE_CONFIRM.format(categories=labels), key=edit.marker)
                if st.form_submit_button(f"{texts.CONSENT_REVOKE}: {labels}"):
                    saving.save(form, [] if sure else [texts.CONSENT_REVOKE_UNCONFIRMED],
                                lambda version, row=row: privacy.revoke_consent(db, admin_id, row["id"], version),
                                texts.CONSENT_REVOKED, edit=edit)
    st.subheader(texts.CONSENT_NEW)
    basis = st.radio(texts.CONSENT_FIELD_BASIS, list(rules.LEGAL_BASES), format_func=texts.CONSENT_BASIS_LABELS.get,
                     horizontal=True, key="consent-basis")
    form = "consent-new"
    allowed = entries.past_days(today, years=30)
    with st.form(saving.key(form), enter_to_submit=False):
        categories = st.multiselect(texts.CONSENT_FIELD_CATEGORIES, list(rules.CATEGORIES),
                                    default=list(rules.CATEGORIES), format_func=texts.CONSENT_CATEGORY_LABELS.get,
                                    key=saving.key(form, "consent-categories"),
                                    placeholder=texts.PLACEHOLDER_CHOOSE_MANY, select_all=False)
        given_by, guardian = None, ""
        if basis == "einwilligung":
            given_by = st.radio(texts.CONSENT_FIELD_GIVER, list(rules.GIVERS),
                                format_func=texts.CONSENT_GIVER_LABELS.get, horizontal=True,
                                key=saving.key(form, "consent-giver"))
            guardian = st.text_input(texts.CONSENT_FIELD_GUARDIAN, max_chars=rules.MAX_GUARDIAN,
                                     key=saving.key(form, "consent-guardian"))
        # empty at first: a day the widget refuses leaves the field empty (and is named), never today
        given_on = st.date_input(texts.CONSENT_FIELD_GIVEN_ON, value=None, min_value=allowed.widget_low,
                                 max_value=allowed.widget_high, format="DD.MM.YYYY", help=allowed.text(),
                                 key=saving.key(form, "consent-given-on"))
        reference = st.text_input(texts.CONSENT_FIELD_REFERENCE, max_chars=rules.MAX_REFERENCE,
                                  key=saving.key(form, "consent-reference"))
        if st.form_submit_button(texts.BUTTON_SAVE):
            problems = allowed.problems(given_on) + [
                p for p in rules.consent_problems(basis, categories, given_by, guardian, given_on, reference,
                                                  person["birth_date"], today)
                if p not in (texts.DATE_MISSING, texts.DATE_IN_FUTURE)]
            problems += entries.text_problems(guardian, required=False, max_length=rules.MAX_GUARDIAN)
            problems += entries.text_problems(reference, required=False, max_length=rules.MAX_REFERENCE)
            saving.save(form, list(dict.fromkeys(problems)), lambda: privacy.add_consent(
                db, admin_id, chosen, legal_basis=basis, categories=categories, given_by=given_by,
                guardian_name=guardian.strip() if given_by == "erziehungsberechtigte" else None,
                given_on=given_on, reference=reference.strip() or None), texts.CONSENT_SAVED)


def audit_tab(db: Database, admin_id, today: date) -> None:
    st.caption(texts.AUDIT_INTRO)
    left, middle, right = st.columns(3)
    allowed = entries.past_days(today)
    start = left.date_input(texts.AUDIT_FROM, value=today - AUDIT_DEFAULT_SPAN, format="DD.MM.YYYY",
                            min_value=allowed.widget_low, max_value=allowed.widget_high, key="audit-from")
    end = middle.date_input(texts.AUDIT_TO, value=today, format="DD.MM.YYYY", min_value=allowed.widget_low,
                            max_value=allowed.widget_high, key="audit-to")
    actions = [None, *texts.AUDIT_ACTION_LABELS]
    action = right.selectbox(texts.AUDIT_ACTION, actions, key="audit-action",
                             format_func=lambda a: texts.AUDIT_ALL if a is None else texts.AUDIT_ACTION_LABELS[a],
                             placeholder=texts.PLACEHOLDER_CHOOSE)
    who_col, whom_col = st.columns(2)
    username = who_col.text_input(texts.AUDIT_WHO, key="audit-who").strip().lower() or None
    people = privacy.admin_apprentices(db, admin_id)
    whom = whom_col.selectbox(texts.CHOOSE_APPRENTICE, [None, *people["apprentice_id"].tolist()], key="audit-whom",
                              format_func=lambda a: texts.AUDIT_ALL if a is None
                              else widgets.label_from(people, "apprentice_id", ["label"])(a),
                              placeholder=texts.PLACEHOLDER_CHOOSE)
    rows = privacy.audit_entries(db, admin_id, start, end, action=action, apprentice_id=whom, username=username)
    if len(rows) >= privacy.MAX_ROWS:
        st.warning(texts.AUDIT_CAPPED.format(n=privacy.MAX_ROWS))
    shown = rows.assign(
        at=rows["at"].map(lambda t: t.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M:%S")),
        actor=rows["actor"].fillna(texts.AUDIT_SYSTEM),
        action=rows["action"].map(texts.AUDIT_ACTION_LABELS),
        # the tables' and columns' German names, not the database's (issue 22)
        table_name=rows["table_name"].map(lambda t: texts.ACCESS_TABLE_LABELS.get(t, t)),
        columns=rows["columns"].map(lambda c: ", ".join(texts.ACCESS_FIELD_LABELS.get(x, x) for x in c.split(", "))
                                    if isinstance(c, str) and c else "–"),
    )[list(texts.AUDIT_COLUMNS)].fillna("–").rename(columns=texts.AUDIT_COLUMNS)
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(texts.AUDIT_EXPORT, exports.csv_bytes(shown), file_name=f"protokoll-{today.isoformat()}.csv",
                       mime=exports.CSV_MIME, key="audit-csv")


def retention_tab(db: Database, admin_id, today: date) -> None:
    st.caption(texts.RETENTION_INTRO)
    for school in privacy.retention_settings(db, admin_id):
        form = f"retention-{school['school_id']}"
        edit = Edit(f"retention:{school['school_id']}", school["version"],
                    {texts.RETENTION_STATE: str(school["months"])}, school["changed_by"], school["updated_at"],
                    saving.key(form, f"{form}-months"))
        with st.form(saving.key(form)):
            st.subheader(formats.plain(school["name"]))
            confirmed = saving.show_conflict(edit)
            months = st.number_input(texts.RETENTION_MONTHS, value=int(school["months"]), step=1, key=edit.marker)
            if st.form_submit_button(texts.BUTTON_SAVE):
                saving.save(form, rules.retention_problems(months),
                            lambda version, school=school, months=months: privacy.save_retention(
                                db, admin_id, school["school_id"], int(months), version),
                            texts.RETENTION_SAVED, edit=edit, confirmed=confirmed)
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
    form = "access-prepare"
    if st.button(texts.ACCESS_PREPARE, key=saving.key(form, form)):  # the export is recorded in the audit trail

        def prepare() -> None:
            st.session_state["leokop_access_export"] = (chosen, privacy.subject_access_export(db, admin_id, chosen))

        saving.save(form, [], prepare, texts.ACCESS_PREPARED)
    prepared = st.session_state.get("leokop_access_export")
    if prepared and prepared[0] == chosen:
        export = prepared[1]
        names = privacy.access_names(db, admin_id, rules.linked_ids(export))  # staff and catalogue ids → names
        stem = rules.access_file_stem(export)
        left, right = st.columns(2)
        left.download_button(texts.ACCESS_PDF, rules.access_pdf(export, names), file_name=f"{stem}.pdf",
                             mime=exports.PDF_MIME, key="access-pdf")
        right.download_button(texts.ACCESS_JSON, rules.access_json(export), file_name=f"{stem}.json",
                              mime="application/json", key="access-json")
