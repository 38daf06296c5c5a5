"""The cooperation dashboard and the apprentice page with every form, for teacher and trainer."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import clock, texts
from leokop.demo.seed import demo_id
from leokop.ui import dashboard_view as view
from leokop.ui import widgets
from tests.helpers import SHARED_CLASS, company_id, cooperation_id, user_id
from tests.pages.conftest import confirmations, errors
from tests.pages.conftest import submit as _submit

A_RMD = demo_id("apprentice", f"{SHARED_CLASS}/0")  # FI25a, company rmd
LF6 = demo_id("lf", "FI/LF6")
TODAY = clock.today()


def _by_label(elements, label):
    return next(e for e in elements if e.label == label)


def _dashboard(login, username: str) -> AppTest:
    at = login(username)
    at.session_state[widgets.COOP_KEY] = cooperation_id("mainufer", "rmd")
    at.switch_page("pages/dashboard_page.py").run()
    assert not at.exception, at.exception
    return at


def _apprentice_page(login, username: str) -> AppTest:
    at = login(username)
    at.session_state[widgets.APPRENTICE_KEY] = A_RMD
    at.switch_page("pages/azubi_page.py").run()
    assert not at.exception, at.exception
    return at


def _one(owner_url, sql, *params):
    with psycopg.connect(owner_url) as conn:
        return conn.execute(sql, params).fetchone()


def _open_tab(at: AppTest, label: str) -> AppTest:
    at.session_state[view.SECTION_KEY] = label
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("username", ["lehrkraft", "ausbilder"])
def test_dashboard_shows_figures_charts_and_plan(login, username):
    at = _dashboard(login, username)
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics[texts.METRIC_APPRENTICES]) > 0
    assert texts.METRIC_OPEN_RISKS in metrics
    assert len(at.get("plotly_chart")) == 1  # lazy tabs: only the open one (Lernfelder) is built
    assert len(_open_tab(at, texts.SECTION_COMPANY).get("plotly_chart")) == 1  # Berufsbildpositionen
    assert len(_open_tab(at, texts.SECTION_TIMELINE).get("plotly_chart")) == 1  # the timeline
    assert texts.SECTION_NEXT_WEEKS in [h.value for h in at.subheader]
    assert len(_open_tab(at, texts.SECTION_RECORD_BOOK).dataframe) >= 1
    assert at.get("plotly_chart") == []
    # absences of the last 90 days: a table, or the German "no data" when the window holds none (early August, a
    # Blockunterricht pair without a block since May)
    tables, captions = len(_open_tab(at, texts.SECTION_ABSENCES).dataframe), [c.value for c in at.caption]
    assert (tables >= 1) != (texts.NO_DATA in captions)
    assert tables >= 1 or clock.today().month in (7, 8, 9)
    assert at.get("plotly_chart") == []
    assert errors(at) == []


def test_trainer_dashboard_lists_only_own_company(login, owner):
    at = _dashboard(login, "ausbilder")
    shown = set(_by_label(at.selectbox, texts.CHOOSE_APPRENTICE).options)
    own = {f"{ln}, {fn}" for ln, fn in owner.execute(
        "select last_name, first_name from apprentices where company_id = %s and school_id = %s and status = 'aktiv'",
        (company_id("rmd"), demo_id("school", "mainufer")))}
    assert shown == own


def test_teacher_saves_a_grade_and_history_records_it(login, owner_url):
    at = _apprentice_page(login, "lehrkraft")
    _by_label(at.selectbox, texts.FIELD_LF).select(LF6).run()
    _by_label(at.selectbox, texts.FIELD_STATUS).select("laufend")
    _by_label(at.number_input, texts.FIELD_GRADE).set_value(2)
    _by_label(at.date_input, texts.FIELD_GRADED_ON).set_value(TODAY)
    at = _submit(at, "grade-form", texts.BUTTON_SAVE)
    assert confirmations(at) == [texts.SAVED_GRADE.format(code="LF6")]
    assert _one(owner_url, "select grade, status::text from lf_results where apprentice_id = %s"
                " and learning_field_id = %s", A_RMD, LF6) == (2, "laufend")
    assert _one(owner_url, "select count(*) from lf_grade_history where apprentice_id = %s and learning_field_id = %s"
                " and grade = 2 and graded_on = %s", A_RMD, LF6, TODAY)[0] >= 1


def _lf6_state(owner_url):
    return _one(owner_url, "select grade, version from lf_results where apprentice_id = %s and learning_field_id = %s",
                A_RMD, LF6)


def test_grade_seven_is_refused_and_nothing_changes(login, owner_url):
    before = _lf6_state(owner_url)
    at = _apprentice_page(login, "lehrkraft")
    _by_label(at.selectbox, texts.FIELD_LF).select(LF6).run()
    _by_label(at.number_input, texts.FIELD_GRADE).set_value(7)
    at = _submit(at, "grade-form", texts.BUTTON_SAVE)
    assert errors(at) == [texts.GRADE_RANGE]
    assert _lf6_state(owner_url) == before


def test_second_save_of_the_same_record_is_refused(login, owner_url):
    at = _apprentice_page(login, "lehrkraft")
    _by_label(at.selectbox, texts.FIELD_LF).select(LF6).run()
    # someone else saves LF6 meanwhile
    with psycopg.connect(owner_url) as conn:
        conn.execute("insert into lf_results (apprentice_id, learning_field_id, status, grade, graded_on)"
                     " values (%s, %s, 'laufend', 3, app_private.today())"
                     " on conflict (apprentice_id, learning_field_id)"
                     " do update set grade = 3, version = lf_results.version + 1", (A_RMD, LF6))
    before = _lf6_state(owner_url)
    _by_label(at.number_input, texts.FIELD_GRADE).set_value(1)
    _by_label(at.date_input, texts.FIELD_GRADED_ON).set_value(TODAY)
    at = _submit(at, "grade-form", texts.BUTTON_SAVE)
    who = _one(owner_url, "select coalesce(u.display_name, %s) from lf_results r left join app_users u"
               " on u.id = r.updated_by where r.apprentice_id = %s and r.learning_field_id = %s",
               texts.STALE_SOMEONE, A_RMD, LF6)[0]
    assert errors(at) == [texts.STALE_NOT_CONFIRMED.format(who=who)]  # with who changed what, and when
    assert any("„3“" in w.value for w in at.warning)  # the grade they saved
    assert _lf6_state(owner_url) == before
    assert _by_label(at.number_input, texts.FIELD_GRADE).value == 1  # the input is kept
    # pressing the button once more does not overwrite blindly
    at = _submit(at, "grade-form", texts.BUTTON_SAVE)
    assert errors(at) == [texts.STALE_NOT_CONFIRMED.format(who=who)]
    assert _lf6_state(owner_url) == before
    # saving over it takes the confirmation
    next(c for c in at.checkbox if c.label == texts.STALE_CONFIRM.format(who=who)).check()
    at = _submit(at, "grade-form", texts.BUTTON_SAVE)
    assert confirmations(at) == [texts.SAVED_GRADE.format(code="LF6")]
    assert _lf6_state(owner_url)[0] == 1


def _absence_count(owner_url) -> int:
    return _one(owner_url, "select count(*) from absences where apprentice_id = %s", A_RMD)[0]


def test_absence_in_the_future_is_refused(login, owner_url):
    before = _absence_count(owner_url)
    at = _apprentice_page(login, "lehrkraft")
    _by_label(at.date_input, texts.FIELD_DATE).set_value(TODAY + timedelta(days=3))  # the widget offers no future
    at = _submit(at, "absence-form", texts.BUTTON_SAVE)
    contract_start = _one(owner_url, "select contract_start from apprentices where id = %s", A_RMD)[0]
    assert errors(at) == [texts.DATE_MISSING_RANGE.format(low=contract_start.strftime("%d.%m.%Y"),
                                                          high=TODAY.strftime("%d.%m.%Y"))]
    assert _absence_count(owner_url) == before


def test_absence_is_recorded_once(login, owner_url):
    day = TODAY - timedelta(days=400 % 7 + 1)
    with psycopg.connect(owner_url) as conn:
        conn.execute("delete from absences where apprentice_id = %s and absence_date = %s", (A_RMD, day))
    at = _apprentice_page(login, "lehrkraft")
    _by_label(at.date_input, texts.FIELD_DATE).set_value(day)
    _by_label(at.number_input, texts.FIELD_LESSONS).set_value(4)
    at = _submit(at, "absence-form", texts.BUTTON_SAVE)
    assert errors(at) == []
    assert _one(owner_url, "select lessons, excused from absences where apprentice_id = %s and absence_date = %s",
                A_RMD, day) == (4, False)
    _by_label(at.date_input, texts.FIELD_DATE).set_value(day)  # the saved form came back empty
    at = _submit(at, "absence-form", texts.BUTTON_SAVE)
    assert errors(at) == [texts.DUPLICATE_ABSENCE]


def test_block_ending_before_it_starts_is_refused(login, owner_url):
    count = _one(owner_url, "select count(*) from school_blocks")[0]
    at = _apprentice_page(login, "lehrkraft")
    _by_label(at.date_input, texts.FIELD_START).set_value(TODAY + timedelta(days=30))
    _by_label(at.date_input, texts.FIELD_END).set_value(TODAY + timedelta(days=20))
    at = _submit(at, "block-form", texts.BUTTON_PLAN)
    assert errors(at) == [texts.END_BEFORE_START]
    assert _one(owner_url, "select count(*) from school_blocks")[0] == count


@pytest.mark.parametrize("username", ["lehrkraft", "ausbilder"])
def test_empty_note_is_refused_and_a_note_shows_its_author(login, owner_url, username):
    count = _one(owner_url, "select count(*) from notes where apprentice_id = %s", A_RMD)[0]
    at = _apprentice_page(login, username)
    at.text_area(key="note-text").input("   ")
    at = _submit(at, "note-form", texts.BUTTON_SAVE)
    assert errors(at) == [texts.TEXT_EMPTY]
    assert _one(owner_url, "select count(*) from notes where apprentice_id = %s", A_RMD)[0] == count
    at.text_area(key="note-text").input(f"Rückmeldung von {username}: Gespräch geführt.")
    at = _submit(at, "note-form", texts.BUTTON_SAVE)
    assert confirmations(at) == [texts.SAVED_NOTE]
    place = "schule" if username == "lehrkraft" else "betrieb"
    row = _one(owner_url, "select n.place::text, u.username from notes n join app_users u on u.id = n.author_id"
               " where n.body = %s", f"Rückmeldung von {username}: Gespräch geführt.")
    assert row == (place, username)


def test_phase_ending_before_it_starts_is_refused_then_a_valid_one_is_planned(login, owner_url):
    count = _one(owner_url, "select count(*) from company_phases where apprentice_id = %s", A_RMD)[0]
    at = _apprentice_page(login, "ausbilder")
    _by_label(at.text_input, texts.FIELD_TITLE).input("Netzwerkadministration")
    _by_label(at.date_input, texts.FIELD_START).set_value(TODAY + timedelta(days=60))
    _by_label(at.date_input, texts.FIELD_END).set_value(TODAY + timedelta(days=40))
    at = _submit(at, "phase-form", texts.BUTTON_PLAN)
    assert errors(at) == [texts.END_BEFORE_START]
    assert _one(owner_url, "select count(*) from company_phases where apprentice_id = %s", A_RMD)[0] == count
    _by_label(at.date_input, texts.FIELD_END).set_value(TODAY + timedelta(days=90))
    at = _submit(at, "phase-form", texts.BUTTON_PLAN)
    if errors(at):  # the demo's phases move with the day: an overlap is saved only once confirmed
        assert len(errors(at)) == 1 and errors(at)[0].startswith(texts.PHASE_OVERLAP.split("{")[0])
        assert _one(owner_url, "select count(*) from company_phases where apprentice_id = %s", A_RMD)[0] == count
        _by_label(at.checkbox, texts.PHASE_OVERLAP_CONFIRM).check()
        at = _submit(at, "phase-form", texts.BUTTON_PLAN)
    assert confirmations(at) == [texts.SAVED_PHASE.format(title="Netzwerkadministration")]
    assert _one(owner_url, "select count(*) from company_phases where apprentice_id = %s", A_RMD)[0] == count + 1


def test_trainer_rates_a_position(login, owner_url):
    at = _apprentice_page(login, "ausbilder")
    _by_label(at.selectbox, texts.FIELD_POSITION).select(demo_id("position", "FI/A1")).run()
    _by_label(at.select_slider, texts.FIELD_LEVEL).set_value(3)
    at = _submit(at, "rating-form", texts.BUTTON_SAVE)
    assert errors(at) == []
    assert _one(owner_url, "select level from position_ratings where apprentice_id = %s and training_position_id = %s",
                A_RMD, demo_id("position", "FI/A1")) == (3,)


def test_trainer_signs_and_returns_weeks(login, owner_url):
    monday = TODAY - timedelta(days=TODAY.weekday() + 7)
    with psycopg.connect(owner_url) as conn:
        week_id = conn.execute("insert into record_weeks (apprentice_id, week_start) values (%s, %s)"
                               " on conflict (apprentice_id, week_start) do update set status = 'eingereicht',"
                               " trainer_comment = null returning id", (A_RMD, monday)).fetchone()[0]
    at = _apprentice_page(login, "ausbilder")
    at = _submit(at, f"week-{week_id}", texts.BUTTON_RETURN)
    assert errors(at) == [texts.COMMENT_REQUIRED]  # sending back needs a reason
    at = _submit(at, f"week-{week_id}", texts.BUTTON_SIGN)
    assert errors(at) == []
    status = _one(owner_url, "select status::text from record_weeks where id = %s", week_id)
    assert status == ("unterschrieben",)


def test_company_proposes_and_teacher_decides(login, owner_url):
    day = TODAY - timedelta(days=2)
    with psycopg.connect(owner_url) as conn:
        absence_id = conn.execute(
            "insert into absences (apprentice_id, absence_date, lessons) values (%s, %s, 5)"
            " on conflict (apprentice_id, absence_date) do update set excused = false, excuse_state = 'keiner'"
            " returning id", (A_RMD, day)).fetchone()[0]
    at = _apprentice_page(login, "ausbilder")
    at.text_area(key=f"propose-comment-{absence_id}").input("Arzttermin, Attest liegt dem Betrieb vor.")
    at = _submit(at, f"propose-{absence_id}", texts.BUTTON_PROPOSE)
    assert confirmations(at) == [texts.SAVED_PROPOSAL]
    teacher = _apprentice_page(login, "lehrkraft")
    teacher = _submit(teacher, f"decide-{absence_id}", texts.BUTTON_ACCEPT)
    assert confirmations(teacher) == [texts.SAVED_DECISION]
    assert _one(owner_url, "select excused, excuse_state::text from absences where apprentice_id = %s"
                " and absence_date = %s", A_RMD, day) == (True, "angenommen")


def test_pair_scoped_teacher_gets_no_block_planning(login, owner):
    """koordination works with one pair only: she writes notes and grades, but does not plan the class's blocks."""
    hartmann = owner.execute("select id from apprentices where company_id = %s and status = 'aktiv' limit 1",
                             (company_id("hartmann"),)).fetchone()[0]
    at = login("koordination")
    at.session_state[widgets.APPRENTICE_KEY] = hartmann
    at.switch_page("pages/azubi_page.py").run()
    headers = [s.value for s in at.subheader]
    assert texts.FORM_GRADE in headers and texts.FORM_NOTE in headers
    assert texts.FORM_BLOCK not in headers


def test_school_block_longer_than_twelve_weeks_is_refused(login, owner_url):
    count = _one(owner_url, "select count(*) from school_blocks")[0]
    at = _apprentice_page(login, "lehrkraft")
    _by_label(at.date_input, texts.FIELD_START).set_value(TODAY + timedelta(days=10))
    _by_label(at.date_input, texts.FIELD_END).set_value(TODAY + timedelta(days=10 + 85))
    at = _submit(at, "block-form", texts.BUTTON_PLAN)
    assert errors(at) == [texts.PERIOD_TOO_LONG.format(weeks=12)]
    assert _one(owner_url, "select count(*) from school_blocks")[0] == count


def test_foreign_apprentice_page_is_refused(login):
    at = login("ausbilder2")
    at.session_state[widgets.APPRENTICE_KEY] = A_RMD
    at.switch_page("pages/azubi_page.py").run()
    assert errors(at) == [texts.NOT_VISIBLE]


@pytest.mark.parametrize("username", ["lehrkraft", "ausbilder"])
def test_the_plan_tab_offers_the_pairs_plan_as_ics(login, db, username):
    """The download button is on the plan tab; its file is the feed's read limited to the pair: the pair's events
    with the feed's UIDs, no apprentice names."""
    from icalendar import Calendar

    from leokop.repo import calendar_feeds
    from leokop.services import calendar

    at = _open_tab(_dashboard(login, username), texts.SECTION_TIMELINE)
    buttons = [b for b in at.get("download_button") if b.proto.label == texts.CAL_DOWNLOAD]
    assert len(buttons) == 1
    pair = cooperation_id("mainufer", "rmd")
    body = calendar.pair_ics(db, user_id(username), pair, TODAY)
    uids = {str(e["UID"]) for e in Calendar.from_ical(body).walk("VEVENT")}
    start, end = calendar.window(TODAY)
    everything = calendar_feeds.events(db, user_id(username), start, end, with_names=True)
    feed_uids = {calendar.uid(e["source"], e["id"]) for e in everything}
    assert uids and uids <= feed_uids
    names = {e["person"] for e in everything if e["person"]}
    assert names and not any(name in body.decode("utf-8") for name in names)
