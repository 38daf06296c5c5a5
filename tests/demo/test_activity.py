"""Demo activity: deterministic, consistent with contracts, holidays and curricula, and a few visibly in trouble."""

from __future__ import annotations

from datetime import date, timedelta

import psycopg
import pytest

from leokop import clock
from leokop.config import load_settings
from leokop.db.migrate import migrate
from leokop.demo.activity import NEXT_YEAR_PLANNED
from leokop.demo.seed import demo_class_id, demo_id, school_year_start, seed_demo
from tests.conftest import TEST_DATABASE, recreate_database, seeded_database, server_url

TABLES = ("lf_results", "lf_grade_history", "position_ratings", "record_weeks", "absences", "notes", "risk_cases",
          "case_comments", "case_measures",
          "school_blocks", "exams", "company_phases", "joint_dates", "release_settings", "release_overrides")
FI25A = demo_class_id("mainufer", "FI", 1, "a")
RMD, TAUNUS = demo_id("company", "rmd"), demo_id("company", "taunus")
# (table, the expression that dates the fact as a day)
FACT_DAYS = (
    ("lf_results", "x.graded_on"),
    ("lf_grade_history", "x.graded_on"),
    ("absences", "x.absence_date"),
    ("record_weeks", "x.week_start"),
    ("notes", "(x.created_at at time zone 'Europe/Berlin')::date"),
    ("position_ratings", "(x.updated_at at time zone 'Europe/Berlin')::date"),
)
FACT_TIMES = (
    ("lf_results", "updated_at"), ("lf_grade_history", "recorded_at"), ("absences", "recorded_at"),
    ("absences", "proposed_at"), ("record_weeks", "submitted_at"), ("record_weeks", "decided_at"),
    ("notes", "created_at"), ("position_ratings", "updated_at"), ("risk_cases", "opened_at"),
    ("risk_cases", "closed_at"), ("case_comments", "created_at"), ("case_measures", "created_at"),
    ("case_measures", "done_at"),
)
# The thresholds of leokop.services.risk_rules, as the dashboard counts them.
FLAGGED = """
    with due as (
      select a.id, count(*) - count(w.id) filter (where w.status = 'unterschrieben') as unsigned
      from apprentices a
      cross join lateral generate_series(date_trunc('week', a.contract_start + 6)::date,
                                         date_trunc('week', %(today)s::date)::date - 7, interval '7 days') g
      left join record_weeks w on w.apprentice_id = a.id and w.week_start = g::date
      group by a.id
    )
    select a.id, a.class_id, a.company_id from apprentices a join due on due.id = a.id
    where a.status = 'aktiv' and (
      due.unsigned >= 3
      or (select count(*) from absences x where x.apprentice_id = a.id and not x.excused
          and x.absence_date > %(today)s::date - 28) >= 2
      or (select count(*) from lf_results r where r.apprentice_id = a.id and r.grade >= 5) >= 2
      or (select avg(r.grade) from lf_results r where r.apprentice_id = a.id) > 4)
"""


@pytest.fixture(scope="module")
def pristine_url(owner_url):
    """A freshly seeded database of its own: the other suites write into the shared test database."""
    with seeded_database("pristine") as url:
        yield url


@pytest.fixture()
def owner(pristine_url):
    """This module reads the demo data exactly as seeded (shadows the shared owner fixture)."""
    with psycopg.connect(pristine_url) as conn:
        yield conn
        conn.rollback()


def _one(conn: psycopg.Connection, sql: str, params=None):
    return conn.execute(sql, params).fetchone()[0]


def _snapshot(url: str) -> dict[str, list]:
    """Row counts and the facts that must not depend on the run (timestamps may: they are capped at now)."""
    queries = {
        "counts": " union all ".join(f"select '{t}', count(*) from {t}" for t in TABLES),
        "grades": "select apprentice_id, learning_field_id, status::text, grade, graded_on from lf_results",
        "absences": "select apprentice_id, absence_date, lessons, excused, excuse_state::text from absences",
        "weeks": "select apprentice_id, week_start, status::text from record_weeks",
        "phases": "select apprentice_id, title, starts_on, ends_on from company_phases",
        "blocks": "select class_id, starts_on, ends_on from school_blocks",
        "exams": "select class_id, kind::text, starts_on, ends_on from exams",
    }
    with psycopg.connect(url) as conn:
        return {name: sorted(conn.execute(sql).fetchall()) for name, sql in queries.items()}


def test_every_table_has_activity(owner):
    counts = {t: _one(owner, f"select count(*) from {t}") for t in TABLES}
    assert all(counts.values()), counts


def test_seeding_is_deterministic_and_adds_nothing_twice():
    names = [f"{TEST_DATABASE}_activity_{n}" for n in (1, 2)]
    try:
        urls = [recreate_database(name) for name in names]
        for url in urls:
            migrate(url, load_settings().sql_dir)
            assert seed_demo(url)
        first = _snapshot(urls[0])
        assert first == _snapshot(urls[1])
        seed_demo(urls[0], only_if_empty=False)
        assert _snapshot(urls[0]) == first
    finally:
        with psycopg.connect(server_url("postgres"), autocommit=True) as conn:
            for name in names:
                conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.mark.parametrize(("table", "day"), FACT_DAYS)
def test_facts_lie_within_the_contract_and_not_after_today(owner, table, day):
    outside = _one(owner, f"""
        select count(*) from {table} x join apprentices a on a.id = x.apprentice_id
        where {day} < a.contract_start or {day} > coalesce(a.dissolved_on, %(today)s)""", {"today": clock.today()})
    assert outside == 0


@pytest.mark.parametrize(("table", "column"), FACT_TIMES)
def test_no_timestamp_in_the_future(owner, table, column):
    """Nothing after the moment the demo was loaded at (LEOKOP_TODAY's day at the real time of day)."""
    assert _one(owner, f"select count(*) from {table} where {column} > %s", (clock.now(),)) == 0


def test_record_weeks_end_with_the_last_full_week(owner):
    assert _one(owner, "select count(*) from record_weeks where week_start + 6 >= %s", (clock.today(),)) == 0


def test_absences_only_on_school_days(owner):
    """Blockunterricht: inside a block; Teilzeit: weekdays outside the holidays."""
    assert _one(owner, """
        select count(*) from absences x
        join apprentices a on a.id = x.apprentice_id join classes k on k.id = a.class_id
        join schools s on s.id = a.school_id
        where extract(isodow from x.absence_date) > 5
           or exists (select 1 from school_holidays h where h.state = s.state
                      and x.absence_date between h.starts_on and h.ends_on)
           or (k.schedule = 'blockunterricht' and not exists (
                 select 1 from school_blocks b where b.class_id = k.id
                 and x.absence_date between b.starts_on and b.ends_on))""") == 0


def test_lernfelder_follow_the_training_year_and_track(owner):
    wrong = _one(owner, """
        select count(*) from lf_results r
        join learning_fields lf on lf.id = r.learning_field_id
        join apprentices a on a.id = r.apprentice_id join classes k on k.id = a.class_id
        where a.status = 'aktiv' and (
          lf.school_year > %(year)s - k.start_year + 1
          or (lf.school_year < %(year)s - k.start_year + 1) <> (r.status = 'abgeschlossen')
          or (r.status = 'abgeschlossen' and r.grade is null)
          or (r.status = 'nicht_begonnen' and r.grade is not null)
          or (lf.track is not null and lf.track is distinct from a.track)
          or lf.occupation_id <> a.occupation_id)""", {"year": school_year_start(clock.today())})
    assert wrong == 0
    third_year = {r[0] for r in owner.execute(
        "select distinct lf.code from lf_results r join learning_fields lf on lf.id = r.learning_field_id"
        " join apprentices a on a.id = r.apprentice_id where a.class_id = %s and lf.school_year = 3",
        (demo_class_id("mainufer", "FI", 2, "a"),))}
    assert third_year == {"LF10b", "LF11b", "LF12b"}  # FI24a: Systemintegration
    statuses = dict(owner.execute(
        "select status::text, count(*) filter (where grade is not null) from lf_results group by 1").fetchall())
    assert set(statuses) == {"abgeschlossen", "laufend", "nicht_begonnen"}
    assert statuses["laufend"] > 0  # some interim grades in the current year


def test_grades_have_a_history_from_the_previous_half_year(owner):
    """Second-year apprentices have grades older than six months, so trends can be shown."""
    assert _one(owner, """
        select count(distinct h.apprentice_id) from lf_grade_history h
        join apprentices a on a.id = h.apprentice_id
        where a.class_id = %s and h.graded_on < %s""", (FI25A, clock.today() - timedelta(days=182))) >= 10


def test_an_rmd_apprentice_in_the_shared_class_is_visibly_in_trouble(owner):
    today = clock.today()
    school_days = _one(owner, """
        select count(*) from school_blocks b
        cross join lateral generate_series(b.starts_on, b.ends_on, interval '1 day') d
        where b.class_id = %s and d::date > %s and d::date < %s and extract(isodow from d) <= 5""",
                       (FI25A, today - timedelta(days=28), today))
    if school_days < 5:
        pytest.skip("no school block of FI25a in the last four weeks (holidays)")
    troubled = [r[0] for r in owner.execute("""
        select a.id from apprentices a
        where a.class_id = %s and a.company_id = %s and a.status = 'aktiv'
          and (select count(*) from absences x where x.apprentice_id = a.id and not x.excused
               and x.absence_date > %s) >= 3
          and exists (select 1 from notes n where n.apprentice_id = a.id and n.place = 'schule')
          and exists (select 1 from notes n where n.apprentice_id = a.id and n.place = 'betrieb')""",
                                            (FI25A, RMD, today - timedelta(days=28)))]
    assert troubled == [demo_id("apprentice", f"{FI25A}/0")]  # the first of the class, A_RMD in other tests


def test_only_a_handful_cross_the_warning_thresholds(owner):
    flagged = owner.execute(FLAGGED, {"today": clock.today()}).fetchall()
    assert 4 <= len(flagged) <= 8
    assert {RMD, TAUNUS} <= {company for _id, _class, company in flagged}
    assert len({klass for _id, klass, _company in flagged}) >= 4
    for apprentice, _class, _company in flagged:  # both places wrote about the concern
        places = {r[0] for r in owner.execute("select place::text from notes where apprentice_id = %s"
                                               " and created_at > now() - interval '14 days'", (apprentice,))}
        assert places == {"schule", "betrieb"}


def test_every_block_class_has_blocks_clear_of_holidays(owner):
    counts = owner.execute("""
        select k.schedule::text, count(b.id) from classes k left join school_blocks b on b.class_id = k.id
        group by k.id, k.schedule""").fetchall()
    assert all((n > 0) == (schedule == "blockunterricht") for schedule, n in counts)
    year = school_year_start(clock.today())
    assert _one(owner, """
        select count(*) from school_blocks b join classes k on k.id = b.class_id join schools s on s.id = k.school_id
        where extract(isodow from b.starts_on) <> 1 or extract(isodow from b.ends_on) <> 5
           or b.starts_on < %(first)s or b.ends_on > %(last)s
           or public.school_year_start(b.starts_on) <> public.school_year_start(b.ends_on)
           or exists (select 1 from school_holidays h where h.state = s.state
                      and h.starts_on <= b.ends_on and b.starts_on <= h.ends_on)
           or exists (select 1 from school_blocks o where o.class_id = b.class_id and o.id <> b.id
                      and o.starts_on <= b.ends_on and b.starts_on <= o.ends_on)""",
                {"first": date(year, 8, 1), "last": date(year + 2, 7, 31)}) == 0


def test_before_the_summer_next_years_blocks_are_planned(owner):
    """Within NEXT_YEAR_PLANNED of 1 August the plan holds next school year's blocks (the timelines and conflict
    checks of July must see them); earlier in the year only this year's."""
    today = clock.today()
    next_year = date(school_year_start(today) + 1, 8, 1)
    ahead = _one(owner, "select count(*) from school_blocks where starts_on >= %s", (next_year,))
    assert (ahead > 0) == (next_year - today <= NEXT_YEAR_PLANNED)


def test_every_class_has_exams_in_the_right_half_year(owner):
    exams = owner.execute("""
        select k.id, o.code, k.start_year, e.kind::text, e.starts_on from classes k
        join occupations o on o.id = k.occupation_id left join exams e on e.class_id = k.id""").fetchall()
    assert all(kind for *_rest, kind, _day in exams)
    for _class, code, start_year, kind, day in exams:
        if kind == "abschluss_teil1" and code in ("FI", "IM"):  # 4th half-year
            assert date(start_year + 2, 2, 1) <= day <= date(start_year + 2, 7, 31)
        if kind == "abschluss_teil1" and code == "KBM":  # around month 15-18
            assert date(start_year + 1, 10, 1) <= day <= date(start_year + 2, 1, 31)
    by_class: dict = {}
    for class_id, _code, _year, kind, day in exams:
        by_class.setdefault(class_id, {})[kind] = day
    assert all(kinds["abschluss_teil1"] < kinds["abschluss_teil2"] for kinds in by_class.values())


def test_phases_are_consecutive_and_only_the_planned_ones_clash(owner):
    assert _one(owner, """
        select count(*) from company_phases p join company_phases q
          on q.apprentice_id = p.apprentice_id and q.id <> p.id
         and q.starts_on <= p.ends_on and p.starts_on <= q.ends_on""") == 0
    assert _one(owner, """
        select count(*) from company_phases p join apprentices a on a.id = p.apprentice_id
        where p.starts_on < a.contract_start or p.ends_on > coalesce(a.dissolved_on, a.contract_end)""") == 0
    clashing = owner.execute("""
        select distinct a.id, a.class_id from company_phases p join apprentices a on a.id = p.apprentice_id
        where exists (select 1 from school_blocks b where b.class_id = a.class_id
                      and b.starts_on <= p.ends_on and p.starts_on <= b.ends_on)
           or exists (select 1 from exams e where e.class_id = a.class_id
                      and e.starts_on <= p.ends_on and p.starts_on <= e.ends_on)""").fetchall()
    assert 2 <= len(clashing) <= 3
    assert FI25A in {klass for _a, klass in clashing}


def test_release_settings_per_school_and_one_override(owner):
    settings = {school: tuple(shares) for school, *shares in owner.execute(
        "select school_id, share_grades, share_absences, share_teacher_notes from release_settings")}
    assert settings[demo_id("school", "mainufer")] == (True, True, True)
    assert settings[demo_id("school", "lahntal")] == (True, True, False)
    overrides = owner.execute("select a.school_id, o.share_grades from release_overrides o"
                              " join apprentices a on a.id = o.apprentice_id").fetchall()
    assert overrides == [(demo_id("school", "mainufer"), False)]


def test_joint_dates_for_every_cooperation_some_ahead(owner):
    today = clock.today()
    rows = owner.execute("""
        select c.id, count(j.id), count(j.id) filter (where j.on_date between %s and %s)
        from cooperations c left join joint_dates j on j.cooperation_id = c.id group by c.id""",
                         (today, today + timedelta(weeks=8))).fetchall()
    assert all(1 <= total <= 3 and ahead >= 1 for _c, total, ahead in rows)


def test_every_trainer_accepted_the_terms_of_each_school_of_theirs(owner):
    versions = owner.execute("select count(*) from terms_versions").fetchone()[0]
    missing = owner.execute(
        "select count(*) from memberships m where m.role = 'ausbilder' and not exists"
        " (select 1 from terms_acceptances t where t.user_id = m.user_id and t.school_id = m.school_id)"
    ).fetchone()[0]
    assert (versions, missing) == (2, 0)


def test_every_apprentice_has_a_consent_and_minors_the_guardians(owner):
    missing = _one(owner, "select count(*) from apprentices a where not exists"
                          " (select 1 from consents c where c.apprentice_id = a.id and c.revoked_at is null)")
    minors_wrong = _one(owner, """
        select count(*) from consents c join apprentices a on a.id = c.apprentice_id
        where a.birth_date > c.given_on - interval '18 years' and c.given_by <> 'erziehungsberechtigte'""")
    guardians = _one(owner, "select count(*) from consents where given_by = 'erziehungsberechtigte'")
    assert (missing, minors_wrong) == (0, 0) and guardians > 10


def test_one_revoked_consent_at_a_company_without_demo_trainer(owner):
    rows = owner.execute("""
        select a.company_id, c.categories from consents c join apprentices a on a.id = c.apprentice_id
        where a.id in (select apprentice_id from consents where revoked_at is not null)
        order by c.recorded_at""").fetchall()
    assert rows == [(demo_id("company", "gab"), ["grades", "absences", "teacher_notes"]),
                    (demo_id("company", "gab"), ["grades", "absences"])]


def test_the_audit_trail_starts_with_the_recorded_consents(owner):
    assert _one(owner, "select count(*) from audit_log where table_name = 'consents'") == _one(
        owner, "select count(*) from consents where id = md5('consent/' || apprentice_id)::uuid")
    assert _one(owner, "select count(*) from audit_log where at > app_private.now()") == 0

def test_leadership_sees_cases_closed_and_open_this_school_year(owner):
    """Mainufer's leadership page shows case figures on first login: 5 or more closed this school year (so the
    median time to close is shown), open ones, comments from both places, measures."""
    today = _one(owner, "select app_private.today()")
    start = date(school_year_start(today), 8, 1)
    rows = owner.execute(
        "select c.status::text, c.closed_at::date, (select array_agg(distinct k.place::text) from case_comments k"
        " where k.case_id = c.id), (select count(*) from case_measures m where m.case_id = c.id)"
        " from risk_cases c join apprentices a on a.id = c.apprentice_id where a.school_id = %s",
        (demo_id("school", "mainufer"),)).fetchall()
    if today < start + timedelta(days=75):
        pytest.skip("the school year is too young for closed demo cases")
    closed = [r for r in rows if r[0] == "erledigt" and r[1] >= start]
    assert len(closed) >= 5
    assert any(r[0] != "erledigt" for r in rows)
    assert all(sorted(r[2]) == ["betrieb", "schule"] and r[3] >= 1 for r in rows)
