"""After a save the page shows fresh lists at once, confirms in German and empties the form; a refused input stays.

Also: one open case per flag in the UI, severity as text badges, German selectbox placeholders.
"""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import clock, texts
from leokop.demo.seed import demo_id
from leokop.repo import cases
from leokop.services import entries
from leokop.ui import widgets
from tests.helpers import SHARED_CLASS, cooperation_id, user_id
from tests.pages.conftest import confirmations, errors, submit, widget

A_RMD = demo_id("apprentice", f"{SHARED_CLASS}/0")  # FI25a, company rmd: lehrkraft and ausbilder work with them


def _page(login, username: str, apprentice_id) -> AppTest:
    at = login(username)
    at.session_state[widgets.APPRENTICE_KEY] = apprentice_id
    at.switch_page("pages/azubi_page.py").run()
    assert not at.exception, at.exception
    return at


def _count(owner_url: str, sql: str, *params) -> int:
    with psycopg.connect(owner_url) as conn:
        return conn.execute(sql, params).fetchone()[0]


@pytest.fixture()
def case_id(owner_url):
    """An open case (raised by hand, no flag) on A_RMD; removed afterwards with its thread."""
    with psycopg.connect(owner_url) as conn:
        cid = conn.execute("insert into risk_cases (apprentice_id, title, severity, opened_by) values"
                           " (%s, 'Motivation', 'hinweis', %s) returning id", (A_RMD, user_id("lehrkraft"))
                           ).fetchone()[0]
    yield cid
    with psycopg.connect(owner_url) as conn:
        conn.execute("delete from risk_cases where id = %s", (cid,))


def test_a_comment_is_listed_at_once_and_a_second_click_saves_nothing(login, owner_url, case_id):
    at = _page(login, "ausbilder", A_RMD)
    form = f"case-comment-{case_id}"
    widget(at.text_area, f"case-comment-text-{case_id}").input("Gespräch am Montag geführt.")
    at = submit(at, form, texts.BUTTON_SAVE)
    assert confirmations(at) == [texts.CASE_COMMENTED]
    assert "Gespräch am Montag geführt." in [m.value for m in at.markdown]  # the thread above the form is fresh
    assert widget(at.text_area, f"case-comment-text-{case_id}").value == ""
    at = submit(at, form, texts.BUTTON_SAVE)  # the same button again
    assert errors(at) == [texts.TEXT_EMPTY]
    assert _count(owner_url, "select count(*) from case_comments where case_id = %s", case_id) == 1


def test_a_refused_measure_keeps_its_input_and_a_saved_one_is_listed_once(login, owner_url, case_id):
    at = _page(login, "lehrkraft", A_RMD)
    form = f"case-measure-{case_id}"
    widget(at.selectbox, f"case-measure-kind-{case_id}").select("foerderunterricht")
    widget(at.text_input, f"case-measure-text-{case_id}").input("Mathematik, dienstags")
    yesterday = clock.today() - timedelta(days=1)
    widget(at.date_input, f"case-measure-due-{case_id}").set_value(yesterday)
    at = submit(at, form, texts.BUTTON_SAVE)
    contract_end = _count(owner_url, "select contract_end from apprentices where id = %s", A_RMD)
    assert errors(at) == entries.due_days(clock.today(), contract_end).problems(yesterday)
    assert widget(at.text_input, f"case-measure-text-{case_id}").value == "Mathematik, dienstags"  # to correct
    widget(at.date_input, f"case-measure-due-{case_id}").set_value(clock.today() + timedelta(days=7))
    at = submit(at, form, texts.BUTTON_SAVE)
    assert confirmations(at) == [texts.CASE_MEASURE_ADDED]
    assert any("Mathematik, dienstags" in m.value and texts.MEASURE_STATE_BADGES[False] in m.value
               for m in at.markdown)
    assert widget(at.text_input, f"case-measure-text-{case_id}").value == ""
    assert widget(at.selectbox, f"case-measure-kind-{case_id}").value is None
    at = submit(at, form, texts.BUTTON_SAVE)
    assert errors(at)[0] == texts.MEASURE_KIND_MISSING  # and the due date (or "none") is asked for
    assert _count(owner_url, "select count(*) from case_measures where case_id = %s", case_id) == 1


def test_a_status_change_shows_in_the_case_header_at_once(login, case_id):
    at = _page(login, "lehrkraft", A_RMD)
    widget(at.selectbox, f"case-status-value-{case_id}").select("in_bearbeitung")
    at = submit(at, f"case-status-{case_id}", texts.BUTTON_SAVE)
    assert confirmations(at) == [texts.CASE_UPDATED]
    assert any(e.label.startswith(f"{texts.SEVERITY_BADGES['hinweis']} Motivation – in Bearbeitung")
               for e in at.expander)


def test_a_note_is_in_the_history_above_the_form_at_once(login, owner_url):
    body = "Kurze Rückmeldung: Projekt läuft gut."
    at = _page(login, "ausbilder", A_RMD)
    widget(at.text_area, "note-text").input(body)
    at = submit(at, "note-form", texts.BUTTON_SAVE)
    assert confirmations(at) == [texts.SAVED_NOTE]
    history = at.dataframe[0].value  # the "Verlauf" tab comes first on the page
    assert body in history[texts.HISTORY_COLUMNS["what"]].tolist()
    assert widget(at.text_area, "note-text").value == ""
    at = submit(at, "note-form", texts.BUTTON_SAVE)
    assert errors(at) == [texts.TEXT_EMPTY]
    assert _count(owner_url, "select count(*) from notes where body = %s", body) == 1


def test_a_flag_with_an_open_case_shows_the_case_instead_of_the_form(login, owner_url, caseless_flag):
    flag_id, apprentice_id, _severity = caseless_flag
    trainer = _page(login, "ausbilder", apprentice_id)
    teacher = _page(login, "lehrkraft", apprentice_id)  # sees the form too
    trainer = submit(trainer, f"case-open-{flag_id}", texts.OPEN_CASE)
    assert confirmations(trainer) == [texts.CASE_OPENED]
    teacher = submit(teacher, f"case-open-{flag_id}", texts.OPEN_CASE)  # too late: the form is gone
    assert not [b for b in teacher.button if b.key and b.key.startswith(f"FormSubmitter:case-open-{flag_id}")]
    assert any(c.value.startswith("Fall bereits offen:") for c in teacher.caption)
    assert _count(owner_url, "select count(*) from risk_cases where flag_id = %s", flag_id) == 1


def _open_case_script(flag_id, apprentice_id, severity, username):
    """A save that loses the race: the page was drawn before the other user's case existed."""
    import streamlit as st

    from leokop import texts
    from leokop.repo import cases
    from leokop.ui import feedback, saving
    from leokop.ui.resources import database
    from tests.helpers import user_id

    feedback.show_confirmation()
    if st.button(texts.OPEN_CASE):
        saving.save("open-case", [], lambda: cases.open_case(
            database(), user_id(username), apprentice_id=apprentice_id, flag_id=flag_id, title="Gespräch",
            severity=severity, responsible_id=None), texts.CASE_OPENED,
            notices={cases.CaseAlreadyOpen: texts.CASE_ALREADY_OPEN})


def test_losing_the_race_for_a_case_says_so_in_german(db, owner_url, caseless_flag):
    flag_id, apprentice_id, severity = caseless_flag
    at = AppTest.from_function(_open_case_script, args=(flag_id, apprentice_id, severity, "lehrkraft")).run()
    cases.open_case(db, user_id("ausbilder"), apprentice_id=apprentice_id, flag_id=flag_id, title="Fehlzeiten",
                    severity=severity, responsible_id=None)
    at = at.button[0].click().run()
    assert confirmations(at) == [texts.CASE_ALREADY_OPEN]
    assert errors(at) == []
    assert _count(owner_url, "select count(*) from risk_cases where flag_id = %s", flag_id) == 1


def test_severities_are_text_badges_and_placeholders_are_german(login):
    at = login("ausbilder")
    at.session_state[widgets.COOP_KEY] = cooperation_id("mainufer", "rmd")
    at.switch_page("pages/dashboard_page.py").run()
    shown = " ".join(m.value for m in at.markdown)
    assert texts.SEVERITY_BADGES["warnung"] in shown  # the demo's apprentices in trouble
    at = _page(login, "ausbilder", A_RMD)
    # the page's search box asks for a name (issue 18)
    assert {s.proto.placeholder for s in at.selectbox} == {texts.PLACEHOLDER_CHOOSE,
                                                          texts.APPRENTICE_SEARCH_PLACEHOLDER}
