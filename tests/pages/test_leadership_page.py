"""The leadership page (Schulüberblick) through the real app script: charts, tables, downloads, no names."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import clock, texts
from leokop.demo.seed import school_year_start
from leokop.repo.users import Profile
from tests.helpers import user_id
from tests.pages.conftest import errors

PAGES_DIR = Path(__file__).parents[2] / "pages"

# 3 headcounts, 1 cooperations, 2 absences, 1 grades, 2 Berichtsheft, 1 dissolutions, 3 risks/cases/measures, 4 trends
EXPECTED_CHARTS = 17
EXPECTED_TABLES = 10
TABLE_DOWNLOADS = 2 * EXPECTED_TABLES  # CSV and Excel per table
REPORT_DOWNLOADS = 2  # the PDF report and the workbook of all tables


def _leadership(login, username: str = "schulleitung") -> AppTest:
    at = login(username)
    if texts.PAGE_OVERVIEW not in [t.value for t in at.title]:
        at = at.switch_page("pages/schulueberblick_page.py").run()
    assert not at.exception, at.exception
    return at


def _page_text(at: AppTest) -> str:
    parts = [str(frame.value.to_dict()) for frame in at.dataframe]
    parts += [m.label + " " + str(m.value) for m in at.metric]
    parts += [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [str(chart.proto.spec) for chart in at.get("plotly_chart")]
    return " ".join(parts)


def test_leadership_page_shows_charts_tables_and_downloads(login, owner):
    at = _leadership(login)
    assert errors(at) == []
    assert len(at.get("plotly_chart")) == EXPECTED_CHARTS
    assert len(at.dataframe) == EXPECTED_TABLES
    assert len(at.get("download_button")) == TABLE_DOWNLOADS + REPORT_DOWNLOADS
    total = owner.execute(
        "select count(*) from apprentices a join schools s on s.id = a.school_id where s.school_number = '9401'"
        " and a.contract_start <= app_private.today()"
        " and coalesce(a.dissolved_on, a.contract_end) >= make_date(public.school_year_start(), 8, 1)").fetchone()[0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[texts.LEAD_METRIC_APPRENTICES] == str(total)
    opened = owner.execute(
        "select count(*) from risk_cases c join apprentices a on a.id = c.apprentice_id join schools s"
        " on s.id = a.school_id where s.school_number = '9401'"
        " and c.opened_at >= make_date(public.school_year_start(), 8, 1)").fetchone()[0]
    cases = next(f.value for f in at.dataframe if texts.LEAD_COL_MEDIAN_DAYS in f.value.columns)
    total_row = cases[cases[texts.LEAD_COL_GROUP] == texts.LEAD_DIMENSIONS["gesamt"]].iloc[0]
    assert total_row[texts.LEAD_COL_OPENED] == str(opened)
    # the demo opens cases through the year; in its first two weeks a school year may have none yet
    school_year_age = clock.today() - date(school_year_start(clock.today()), 8, 1)
    assert opened > 0 or school_year_age < timedelta(weeks=2)


def test_leadership_page_shows_no_names(login, owner):
    at = _leadership(login)
    own_name = owner.execute("select display_name from app_users where username = 'schulleitung'").fetchone()[0]
    text = _page_text(at).replace(own_name, "")  # "Angemeldet als ..." in the sidebar
    for month in texts.LEAD_MONTHS:  # the page's own month labels: "Jan." is a month there, not the name Jan
        text = text.replace(month, "")
    people = owner.execute("select first_name, last_name, id::text from apprentices").fetchall()
    names = {r[0] for r in people} | {r[1] for r in people}
    assert not [name for name in names if re.search(rf"\b{re.escape(name)}\b", text)]
    assert not [pid for _f, _l, pid in people if pid in text]
    staff = {r[0] for r in owner.execute("select display_name from app_users where username <> 'schulleitung'")}
    assert not [name for name in staff if re.search(rf"\b{re.escape(name)}\b", text)]


def test_filters_narrow_the_figures_to_one_class(login, owner):
    at = _leadership(login)
    boxes = {box.label: box for box in at.selectbox}
    occupation = next(o for o in boxes[texts.LEAD_OCCUPATION].options if o != texts.LEAD_ALL)
    at = boxes[texts.LEAD_OCCUPATION].select(occupation).run()
    boxes = {box.label: box for box in at.selectbox}
    class_name = next(o for o in boxes[texts.LEAD_CLASS].options if o != texts.LEAD_ALL)
    at = boxes[texts.LEAD_CLASS].select(class_name).run()
    assert not at.exception and errors(at) == []
    size = owner.execute(
        "select count(*) from apprentices a join classes k on k.id = a.class_id where k.name = %s"
        " and k.school_id = (select id from schools where school_number = '9401')"
        " and a.contract_start <= app_private.today()"
        " and coalesce(a.dissolved_on, a.contract_end) >= make_date(public.school_year_start(), 8, 1)",
        (class_name,)).fetchone()[0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[texts.LEAD_METRIC_APPRENTICES] == (str(size) if size >= 5 else texts.SUPPRESSED)
    assert len(at.get("plotly_chart")) == EXPECTED_CHARTS


def test_leadership_of_the_other_school_sees_only_its_own(login, owner):
    at = _leadership(login, "schulleitung2")
    assert errors(at) == []
    page = _page_text(at)
    own = {r[0] for r in owner.execute("select k.name from classes k join schools s on s.id = k.school_id"
                                           " where s.school_number = '9402'")}
    other = {r[0] for r in owner.execute("select k.name from classes k join schools s on s.id = k.school_id"
                                             " where s.school_number = '9401'")}
    assert any(re.search(rf"\b{name}\b", page) for name in own)
    assert not [name for name in other - own if re.search(rf"\b{name}\b", page)]


def test_a_small_school_shows_under_five(owner_url):
    """A school whose only class has 4 apprentices: every figure is "< 5", no number of persons."""
    from uuid import uuid4

    from leokop.demo.seed import demo_id
    school, company, leader = uuid4(), uuid4(), uuid4()
    with psycopg.connect(owner_url) as conn:
        conn.execute("insert into schools (id, name, school_number, city) values (%s, 'Kleine Schule', %s, 'Fulda')",
                     (school, school.hex[:8]))
        conn.execute("insert into companies (id, name, city, chamber) values (%s, 'Klein GmbH', 'Fulda', 'IHK')",
                     (company,))
        conn.execute("insert into cooperations (school_id, company_id) values (%s, %s)", (school, company))
        klass = conn.execute("insert into classes (school_id, occupation_id, name, start_year, schedule) values"
                             " (%s, %s, 'KL1', public.school_year_start(), 'teilzeitunterricht') returning id",
                             (school, demo_id("occupation", "FI"))).fetchone()[0]
        for i in range(4):
            conn.execute("insert into apprentices (first_name, last_name, birth_date, school_id, class_id, company_id,"
                         " occupation_id, contract_start, contract_end, probation_end) values ('Klein', %s,"
                         " '2008-01-01', %s, %s, %s, %s, make_date(public.school_year_start(), 8, 1),"
                         " make_date(public.school_year_start() + 3, 7, 31),"
                         " make_date(public.school_year_start(), 10, 31))",
                         (f"Zwerg{i}", school, klass, company, demo_id("occupation", "FI")))
        conn.execute("insert into app_users (id, username, display_name) values (%s, %s, 'Leitung Klein')",
                     (leader, f"klein-{school.hex[:6]}"))
        conn.execute("insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)",
                     (leader, school))
    try:
        at = AppTest.from_file(str(PAGES_DIR / "schulueberblick_page.py"), default_timeout=30)
        at.session_state["leokop_user"] = Profile(leader, "klein", "Leitung Klein", frozenset({"schulleitung"}))
        at.run()
        assert not at.exception, at.exception
        metrics = {m.label: m.value for m in at.metric}
        assert metrics[texts.LEAD_METRIC_APPRENTICES] == texts.SUPPRESSED
        assert "Zwerg" not in _page_text(at)
        shown = at.dataframe[0].value
        assert set(shown[texts.LEAD_COL_APPRENTICES]) <= {texts.SUPPRESSED, "0", ""}
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from apprentices where school_id = %s", (school,))
            conn.execute("delete from app_users where id = %s", (leader,))
            conn.execute("delete from memberships where school_id = %s", (school,))
            conn.execute("delete from classes where school_id = %s", (school,))
            conn.execute("delete from cooperations where school_id = %s", (school,))
            conn.execute("delete from companies where id = %s", (company,))
            conn.execute("delete from schools where id = %s", (school,))


@pytest.mark.parametrize("username", ["ausbilder", "lehrkraft"])
def test_other_roles_are_refused(owner_url, username):
    at = AppTest.from_file(str(PAGES_DIR / "schulueberblick_page.py"), default_timeout=30)
    at.session_state["leokop_user"] = Profile(user_id(username), username, username, frozenset({username}))
    at.run()
    assert errors(at) == [texts.PAGE_NOT_ALLOWED]
    assert len(at.get("plotly_chart")) == 0 and len(at.get("download_button")) == 0
