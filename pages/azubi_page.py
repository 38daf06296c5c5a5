"""Auszubildende/r: everything about one apprentice in one timeline, and the forms of both learning places."""

import streamlit as st

from leokop import auth, clock, formats, texts
from leokop.formats import german_datetime
from leokop.frames import records
from leokop.services.addresses import APPRENTICE_PARAM, CASE_PARAM, MALFORMED
from leokop.services.apprentice import load_apprentice
from leokop.ui import addresses, case_forms, charts, privacy_forms, widgets
from leokop.ui import apprentice_forms as forms
from leokop.ui.apprentice_search import apprentice_search
from leokop.ui.dashboard_view import history_table
from leokop.ui.resources import database

user = auth.require_page("azubi")
db = database()
today = clock.today()

# the apprentice (and case) the address names, /azubi?id=…&case=… (decision 97), else the one opened in this session
named = addresses.address_id(APPRENTICE_PARAM)
if named is MALFORMED:  # a value that is no id: the same German message
    addresses.refuse(db, user.user_id, "apprentices", named)
if named is not None:
    st.session_state[widgets.APPRENTICE_KEY] = named
apprentice_id = st.session_state.get(widgets.APPRENTICE_KEY)
data = None if apprentice_id is None else load_apprentice(db, user.user_id, apprentice_id)  # one read-only transaction
if apprentice_id is not None and data is None:  # RLS returned nothing: "nicht sichtbar" and nothing else
    addresses.refuse(db, user.user_id, "apprentices", apprentice_id)
if data is not None:
    case_id = addresses.address_id(CASE_PARAM)
    addresses.refuse_unless(db, user.user_id, "risk_cases", case_id, set(data.cases["id"]))
if apprentice_id is None:  # nobody open yet: the page's own heading
    st.title(texts.PAGE_APPRENTICE)
apprentice_search(db, user.user_id)  # the page's own search; also shows who is open
if data is None:
    st.info(texts.APPRENTICE_SEARCH_HINT)
    st.stop()
addresses.show_in_address(id=apprentice_id)
privacy_forms.record_view(db, user, apprentice_id)  # the audit trail: who opened whose page, when
person, place = data.person, data.place

st.title(formats.plain(f"{person['first_name']} {person['last_name']}"))
st.caption(
    f"{formats.plain(person['occupation'])} · Klasse {formats.plain(person['class_name'])} "
    f"({person['training_year']}. Ausbildungsjahr) · "
    f"{formats.plain(person['school'])} ↔ {formats.plain(person['company'])} · "
    f"Ausbildung {widgets.german_date(person['contract_start'])}–"
    f"{widgets.german_date(person['contract_end'])} · Probezeit bis {widgets.german_date(person['probation_end'])}"
)

overview, cases_tab, forms_tab, notes_tab = st.tabs(
    [texts.SECTION_HISTORY, texts.SECTION_CASES, texts.SECTION_ENTER, texts.SECTION_NOTES],
    default=texts.SECTION_CASES if case_id is not None else None)  # a case's address opens its tab
with overview:
    if not data.events.empty:
        st.plotly_chart(charts.history(data.events), key="history")
    history_table(data.events, today)
with cases_tab:
    case_forms.flags_section(db, user, person, data.flags, data.people, data.cases)
    if place:
        case_forms.concern_form(db, user, person, place)
        case_forms.cases_section(db, user, place, data.cases, data.people, today, person["contract_end"],
                                 opened=case_id)
with forms_tab:
    if place == "schule":
        forms.grade_form(db, user, person, data.lf, today)
        forms.absence_form(db, user, person, today)
        forms.decide_excuses_form(db, user, data.absences)
        if data.may_plan_blocks:
            forms.school_block_form(db, user, person, today)
    elif place == "betrieb":
        forms.rating_form(db, user, person, data.positions)
        forms.week_form(db, user, data.weeks)
        forms.propose_excuse_form(db, user, data.absences, today)
        forms.phase_form(db, user, person, today)
with notes_tab:
    if place:
        forms.note_form(db, user, person, place)
    for note in records(data.notes):
        with st.container(border=True):
            st.caption(texts.WRITTEN_BY.format(author=formats.plain_or(note["author"]),
                                               place=texts.PLACE_LABELS[note["place"]],
                                               at=german_datetime(note["created_at"])))
            st.markdown(formats.plain(note["body"]))
