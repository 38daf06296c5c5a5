"""public.leadership_*(): every figure against the raw demo data, small-group suppression, cross-school refusal.

The expected numbers are computed here in Python from plain rows read as the owner (no function of 011 is used),
with the rules of docs/leadership.md written out once more: the cohort of the school year, classes and cells
under 5 hidden and left out of every sum.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID, uuid4

import psycopg
import pytest

from leokop.demo.seed import demo_id
from tests.helpers import act_as, school_id

MAINUFER = school_id("mainufer")
LAHNTAL = school_id("lahntal")
FUNCTIONS = ("headcounts", "cooperations", "absences", "grades", "record_book", "dissolutions", "risks", "cases",
             "measures")
K = 5  # smallest group that is shown


# --- Independent computation from the raw data ----------------------------------------------------------------


def _month(day: date) -> date:
    return day.replace(day=1)


def _months(start: date, end: date) -> list[date]:
    out, m = [], _month(start)
    while m <= end:
        out.append(m)
        m = (m + timedelta(days=32)).replace(day=1)
    return out


def _last_day(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)


class Raw:
    """The demo rows of one school and school year, read as the owner."""

    def __init__(self, conn: psycopg.Connection, school: UUID, year: int):
        today = conn.execute("select app_private.today()").fetchone()[0]
        self.sy_start = date(year, 8, 1)
        self.ref = min(today, date(year + 1, 7, 31))
        rows = conn.execute(
            "select a.id, a.class_id, a.company_id, a.contract_start, a.contract_end, a.probation_end, a.dissolved_on,"
            " k.name, k.start_year, o.name from apprentices a join classes k on k.id = a.class_id"
            " join occupations o on o.id = k.occupation_id where a.school_id = %s", (school,)).fetchall()
        self.cohort = {}
        for aid, cid, company, start, end, probation, dissolved, cname, start_year, occupation in rows:
            until = min(dissolved or end, self.ref)
            if start <= self.ref and (dissolved or end) >= self.sy_start:
                self.cohort[aid] = dict(class_id=cid, company=company, start=start, until=until, probation=probation,
                                        dissolved=dissolved, class_name=cname, occupation=occupation,
                                        year=year - start_year + 1)
        ids = list(self.cohort)
        self.absences = conn.execute("select apprentice_id, absence_date, excused from absences"
                                     " where apprentice_id = any(%s)", (ids,)).fetchall()
        self.grades = conn.execute(
            "select r.apprentice_id, lf.code, o.name, r.grade, r.graded_on from lf_results r"
            " join learning_fields lf on lf.id = r.learning_field_id join occupations o on o.id = lf.occupation_id"
            " where r.apprentice_id = any(%s) and r.grade is not null", (ids,)).fetchall()
        self.signed = {(a, w) for a, w in conn.execute(
            "select apprentice_id, week_start from record_weeks where status = 'unterschrieben'"
            " and apprentice_id = any(%s)", (ids,)).fetchall()}
        # activity days in the database's time zone (the functions run in the same one)
        self.activity = conn.execute(
            "select apprentice_id, 'note', created_at::date from notes where apprentice_id = any(%(ids)s)"
            " union all select apprentice_id, 'grade', recorded_at::date from lf_grade_history"
            "  where apprentice_id = any(%(ids)s)"
            " union all select apprentice_id, 'record_book', decided_at::date from record_weeks"
            "  where status = 'unterschrieben' and apprentice_id = any(%(ids)s)"
            " union all select c.apprentice_id, 'case_comment', k.created_at::date from case_comments k"
            "  join risk_cases c on c.id = k.case_id where c.apprentice_id = any(%(ids)s)", {"ids": ids}).fetchall()
        # early warning: flags (open on a day), cases and their measures, dated as days of the database
        self.flags = conn.execute(
            "select apprentice_id, severity, first_seen_at::date, cleared_at::date from risk_flags"
            " where apprentice_id = any(%s)", (ids,)).fetchall()
        self.cases = conn.execute(
            "select id, apprentice_id, opened_at::date, closed_at::date,"
            " extract(epoch from closed_at - opened_at) / 86400 from risk_cases where apprentice_id = any(%s)",
            (ids,)).fetchall()
        self.measures = conn.execute(
            "select m.case_id, m.kind::text, m.created_at::date, m.done_at::date from case_measures m"
            " join risk_cases c on c.id = m.case_id where c.apprentice_id = any(%s)", (ids,)).fetchall()

    def class_sizes(self) -> dict[str, int]:
        sizes: dict[str, int] = defaultdict(int)
        for a in self.cohort.values():
            sizes[a["class_name"]] += 1
        return dict(sizes)

    def enrolled(self, aid, month: date) -> bool:
        a = self.cohort[aid]
        return a["start"] <= _last_day(month) and a["until"] >= month

    def months(self) -> list[date]:
        return _months(self.sy_start, self.ref)


def _cell_sums(cells: dict[tuple[str, date], dict], keys: tuple[str, ...]) -> dict:
    """Rows per class, per month and in total over the cells with at least K apprentices."""
    out: dict = defaultdict(lambda: dict.fromkeys(keys, 0))
    for (cname, month), cell in cells.items():
        if cell["n"] < K:
            continue
        for key in ("klasse_monat", cname, month, "gesamt"):
            target = out[(cname, month)] if key == "klasse_monat" else out[key]
            for k in keys:
                target[k] += cell[k]
    return out


# --- Calling the functions as a user --------------------------------------------------------------------------


def _call(conn: psycopg.Connection, user: str | UUID, function: str, school: UUID, year: int, occupation=None,
          klass=None) -> list[dict]:
    with conn.transaction():
        act_as(conn, user)
        cur = conn.execute(f"select * from public.leadership_{function}(%s, %s, %s, %s)",
                           (school, year, occupation, klass))
        names = [d.name for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        raise psycopg.Rollback()
    return rows


def _round(value: float, places: int) -> Decimal:
    """SQL's round(): half away from zero."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _year(conn) -> int:
    return conn.execute("select public.school_year_start()").fetchone()[0]


@pytest.fixture(params=[0, 1], ids=["this-school-year", "last-school-year"])
def year(request, owner) -> int:
    return _year(owner) - request.param


@pytest.fixture()
def raw(owner, year) -> Raw:
    return Raw(owner, MAINUFER, year)


# --- Each aggregate against the raw data ----------------------------------------------------------------------


def test_headcounts(owner, year, raw):
    rows = _call(owner, "schulleitung", "headcounts", MAINUFER, year)
    got = {(r["dimension"], r["label"]): r["apprentices"] for r in rows}
    sizes = raw.class_sizes()
    assert min(sizes.values()) >= K  # the demo has no small class: nothing hidden
    assert got[("gesamt", "Alle")] == len(raw.cohort)
    assert got[("ausgeblendet", "Alle")] == 0
    assert {label: n for (d, label), n in got.items() if d == "klasse"} == sizes
    by_occupation: dict[str, int] = defaultdict(int)
    by_year: dict[str, int] = defaultdict(int)
    for a in raw.cohort.values():
        by_occupation[a["occupation"]] += 1
        by_year[f"{a['year']}. Ausbildungsjahr"] += 1
    assert {label: n for (d, label), n in got.items() if d == "beruf"} == by_occupation
    assert {label: n for (d, label), n in got.items() if d == "ausbildungsjahr"} == by_year


def test_absences(owner, year, raw):
    rows = _call(owner, "schulleitung", "absences", MAINUFER, year)
    cells: dict[tuple[str, date], dict] = {}
    for aid, a in raw.cohort.items():
        for month in raw.months():
            if raw.enrolled(aid, month):
                cell = cells.setdefault((a["class_name"], month), {"n": 0, "days": 0, "unexcused": 0})
                cell["n"] += 1
    for aid, day, excused in raw.absences:
        a = raw.cohort[aid]
        if raw.sy_start <= day <= a["until"] and raw.enrolled(aid, _month(day)):
            cells[(a["class_name"], _month(day))]["days"] += 1
            cells[(a["class_name"], _month(day))]["unexcused"] += 0 if excused else 1
    expected = _cell_sums(cells, ("n", "days", "unexcused"))
    got = {}
    for r in rows:
        key = {"klasse_monat": (r["class_name"], r["month"]), "klasse": r["class_name"], "monat": r["month"],
               "gesamt": "gesamt"}[r["dimension"]]
        got[key] = {"n": r["apprentice_months"], "days": r["absence_days"], "unexcused": r["unexcused_days"]}
        if r["apprentice_months"]:
            assert r["days_per_apprentice"] == _round(r["absence_days"] / r["apprentice_months"], 2)
    hidden = {k for k, c in cells.items() if c["n"] < K}
    assert {k: v for k, v in got.items() if v["n"] is not None} == dict(expected)
    assert {k for k, v in got.items() if v["n"] is None and isinstance(k, tuple)} == hidden
    assert expected["gesamt"]["days"] > 0


def test_grades(owner, year, raw):
    rows = _call(owner, "schulleitung", "grades", MAINUFER, year)
    cells: dict[tuple, list[int]] = defaultdict(list)
    for aid, code, occupation, grade, graded_on in raw.grades:
        if raw.sy_start <= graded_on <= raw.ref:
            cells[(raw.cohort[aid]["class_name"], occupation, code)].append(grade)
    per_lf: dict[tuple, list[int]] = {}
    for (_cname, occupation, code), grades in cells.items():
        per_lf.setdefault((occupation, code), [])
        if len(grades) >= K:
            per_lf[(occupation, code)] += grades
    got = {(r["occupation"], r["code"]): r for r in rows if r["dimension"] == "lernfeld"}
    assert set(got) == set(per_lf)
    for key, grades in per_lf.items():
        row = got[key]
        if not grades:
            assert row["graded"] is None and row["grade_1"] is None and row["average"] is None
            continue
        assert row["graded"] == len(grades)
        assert [row[f"grade_{n}"] for n in range(1, 7)] == [grades.count(n) for n in range(1, 7)]
        assert row["average"] == _round(sum(grades) / len(grades), 2)
    total = [g for grades in per_lf.values() for g in grades]
    [overall] = [r for r in rows if r["dimension"] == "gesamt"]
    assert overall["graded"] == len(total) > 0


def _mondays(start: date, end: date):
    day = start + timedelta(days=(7 - start.weekday()) % 7)
    while day <= end:
        yield day
        day += timedelta(days=7)


def test_record_book(owner, year, raw):
    rows = _call(owner, "schulleitung", "record_book", MAINUFER, year)
    last_due = raw.ref - timedelta(days=raw.ref.weekday() + 7)  # Monday of the last full week before ref
    cells: dict[tuple[str, date], dict] = {}
    people: dict[tuple[str, date], set] = defaultdict(set)
    for aid, a in raw.cohort.items():
        for monday in _mondays(raw.sy_start, last_due):
            if monday >= a["start"] and monday + timedelta(days=4) <= a["until"]:
                key = (a["class_name"], _month(monday))
                cell = cells.setdefault(key, {"n": 0, "due": 0, "signed": 0})
                cell["due"] += 1
                cell["signed"] += (aid, monday) in raw.signed
                people[key].add(aid)
    for key, cell in cells.items():
        cell["n"] = len(people[key])
    shown = {k: c for k, c in cells.items() if c["n"] >= K}
    got = {}
    for r in rows:
        key = {"klasse_monat": (r["class_name"], r["month"]), "klasse": r["class_name"], "monat": r["month"],
               "gesamt": "gesamt"}[r["dimension"]]
        got[key] = r
    for key, cell in shown.items():
        assert (got[key]["apprentices"], got[key]["due_weeks"], got[key]["signed_weeks"]) == (
            cell["n"], cell["due"], cell["signed"])
    for key in set(cells) - set(shown):
        assert got[key]["due_weeks"] is None
    due = sum(c["due"] for c in shown.values())
    signed = sum(c["signed"] for c in shown.values())
    assert (got["gesamt"]["due_weeks"], got["gesamt"]["signed_weeks"]) == (due, signed)
    assert got["gesamt"]["completion_percent"] == _round(100 * signed / due, 1)
    with_weeks: dict[str, set] = defaultdict(set)  # apprentices of a class with a week due in the school year
    for key, ids in people.items():
        with_weeks[key[0]] |= ids
    for cname in {k[0] for k in shown}:
        mine = [c for k, c in shown.items() if k[0] == cname]
        assert got[cname]["due_weeks"] == sum(c["due"] for c in mine)
        assert got[cname]["apprentices"] == len(with_weeks[cname])
    assert got["gesamt"]["apprentices"] == sum(len(with_weeks[c]) for c in {k[0] for k in shown})


def test_dissolutions(owner, year, raw):
    rows = _call(owner, "schulleitung", "dissolutions", MAINUFER, year)
    per_occupation: dict[str, list] = defaultdict(lambda: [0, 0, 0])
    per_month: dict[date, int] = defaultdict(int)
    for a in raw.cohort.values():
        counts = per_occupation[a["occupation"]]
        counts[0] += 1
        if a["dissolved"] and raw.sy_start <= a["dissolved"] <= raw.ref:
            counts[1] += 1
            counts[2] += a["dissolved"] <= a["probation"]
            per_month[_month(a["dissolved"])] += 1
    got = {r["label"]: r for r in rows if r["dimension"] == "beruf"}
    assert {k: [r["apprentices"], r["dissolved"], r["in_probation"]] for k, r in got.items()} == dict(per_occupation)
    for occupation, (n, dissolved, _p) in per_occupation.items():
        assert got[occupation]["rate_percent"] == _round(100 * dissolved / n, 1)
    [total] = [r for r in rows if r["dimension"] == "gesamt"]
    assert total["dissolved"] == sum(c[1] for c in per_occupation.values())
    months = {r["month"]: r["dissolved"] for r in rows if r["dimension"] == "monat"}
    assert list(months) == raw.months()
    assert {m: n for m, n in months.items() if n} == dict(per_month)


def test_cooperations(owner, year, raw):
    rows = _call(owner, "schulleitung", "cooperations", MAINUFER, year)
    pairs = {a["company"] for a in raw.cohort.values()}
    recent: dict[str, set] = defaultdict(set)
    active_months: dict[date, set] = defaultdict(set)
    shared = owner.execute("""
        select c.company_id, x.at from cooperations c join (
          select cooperation_id, created_at as at from materials where school_id = %(s)s
          union all
          select m.cooperation_id, v.created_at from material_versions v join materials m on m.id = v.material_id
          where m.school_id = %(s)s and v.number > 1) x on x.cooperation_id = c.id""", {"s": MAINUFER}).fetchall()
    events = list(raw.activity) + [(None, "material", at.date(), company) for company, at in shared]
    for aid, kind, day, *by_pair in events:
        if raw.sy_start <= day <= raw.ref:
            company = by_pair[0] if by_pair else raw.cohort[aid]["company"]
            if company not in pairs:
                continue
            active_months[_month(day)].add(company)
            if day > raw.ref - timedelta(days=30):
                recent[kind].add(company)
    [total] = [r for r in rows if r["dimension"] == "gesamt"]
    assert total["cooperations"] == len(pairs)
    assert total["active"] == len(set().union(*recent.values()))
    assert (total["by_notes"], total["by_grades"], total["by_record_book"], total["by_case_comments"]) == (
        len(recent["note"]), len(recent["grade"]), len(recent["record_book"]), len(recent["case_comment"]))
    assert total["by_materials"] == len(recent["material"])  # sql/015: materials shared in the pair
    for r in (r for r in rows if r["dimension"] == "monat"):
        enrolled = {a["company"] for aid, a in raw.cohort.items() if raw.enrolled(aid, r["month"])}
        assert r["cooperations"] == len(enrolled)
        assert r["active"] == len(enrolled & active_months[r["month"]])


def _in_window(raw: Raw, day: date | None) -> bool:
    return day is not None and raw.sy_start <= day <= raw.ref


def test_risks(owner, year, raw):
    rows = _call(owner, "schulleitung", "risks", MAINUFER, year)
    level = {"hinweis": 1, "warnung": 2, "kritisch": 3}
    open_flags: dict[UUID, list[str]] = defaultdict(list)
    for aid, severity, first_seen, cleared in raw.flags:
        if first_seen <= raw.ref and (cleared is None or cleared > raw.ref):
            open_flags[aid].append(severity)
    cells: dict[str, dict] = {}
    for aid, a in raw.cohort.items():
        if a["until"] < raw.ref:  # not under contract on the reference day
            continue
        cell = cells.setdefault(a["class_name"], {"occupation": a["occupation"], "n": 0, "flagged": 0, "flags": 0,
                                                  "hinweis": 0, "warnung": 0, "kritisch": 0})
        cell["n"] += 1
        if open_flags[aid]:
            cell["flagged"] += 1
            cell["flags"] += len(open_flags[aid])
            cell[max(open_flags[aid], key=level.get)] += 1
    keys = ("n", "flagged", "hinweis", "warnung", "kritisch", "flags")
    expected: dict[tuple[str, str], dict] = {}
    for cname, cell in cells.items():
        if cell["n"] < K:
            continue
        for key in (("klasse", cname), ("beruf", cell["occupation"]), ("gesamt", "Alle")):
            target = expected.setdefault(key, dict.fromkeys(keys, 0))
            for k in keys:
                target[k] += cell[k]
    got = {(r["dimension"], r["label"]): r for r in rows}
    assert set(got) == set(expected)
    for key, want in expected.items():
        row = got[key]
        assert [row[c] for c in ("apprentices", "flagged", "hinweis", "warnung", "kritisch", "open_flags")] == [
            want[k] for k in keys], key
        assert row["flagged_percent"] == _round(100 * want["flagged"] / want["n"], 1)
    if year == _year(owner):
        assert expected[("gesamt", "Alle")]["flagged"] > 0  # the demo's troubled apprentices


def test_cases(owner, year, raw):
    rows = _call(owner, "schulleitung", "cases", MAINUFER, year)
    groups: dict[tuple[str, str], dict] = defaultdict(lambda: {"opened": 0, "closed": 0, "open": 0, "days": []})
    months: dict[date, dict] = {m: {"opened": 0, "closed": 0, "days": []} for m in raw.months()}
    for a in raw.cohort.values():  # every shown class has a row, also without cases
        for key in (("klasse", a["class_name"]), ("beruf", a["occupation"]), ("gesamt", "Alle")):
            groups[key]
    for _cid, aid, opened, closed, days in raw.cases:
        a = raw.cohort[aid]
        for key in (("klasse", a["class_name"]), ("beruf", a["occupation"]), ("gesamt", "Alle")):
            group = groups[key]
            group["opened"] += _in_window(raw, opened)
            group["closed"] += _in_window(raw, closed)
            group["open"] += opened <= raw.ref and (closed is None or closed > raw.ref)
            if _in_window(raw, closed):
                group["days"].append(float(days))
        if _in_window(raw, opened):
            months[_month(opened)]["opened"] += 1
        if _in_window(raw, closed):
            months[_month(closed)]["closed"] += 1
            months[_month(closed)]["days"].append(float(days))

    def median(days: list[float]):
        return _round(statistics.median(days), 1) if len(days) >= K else None

    got = {(r["dimension"], r["label"] if r["dimension"] != "monat" else r["month"]): r for r in rows}
    assert {k for k in got if k[0] != "monat"} == set(groups)
    for key, want in groups.items():
        row = got[key]
        assert (row["opened"], row["closed"], row["open_at_end"]) == (want["opened"], want["closed"], want["open"])
        assert row["median_days_to_close"] == median(want["days"]), key
    assert [m for (d, m) in got if d == "monat"] == raw.months()
    for month, want in months.items():
        row = got[("monat", month)]
        assert (row["opened"], row["closed"]) == (want["opened"], want["closed"])
        assert row["median_days_to_close"] == median(want["days"])
    total = groups[("gesamt", "Alle")]
    assert total["opened"] > 0 and total["closed"] > 0
    if year == _year(owner):
        assert got[("gesamt", "Alle")]["median_days_to_close"] is not None  # the demo has 5 or more closed cases


def test_measures(owner, year, raw):
    rows = _call(owner, "schulleitung", "measures", MAINUFER, year)
    kinds = [r[0] for r in owner.execute("select unnest(enum_range(null::measure_kind))::text")]
    expected = {k: {"measures": 0, "done": 0, "cases": set()} for k in kinds}
    for case_id, kind, created, done in raw.measures:
        if _in_window(raw, created):
            expected[kind]["measures"] += 1
            expected[kind]["done"] += done is not None and done <= raw.ref
            expected[kind]["cases"].add(case_id)
    got = {r["kind"]: r for r in rows if r["dimension"] == "art"}
    assert list(got) == kinds
    for kind, want in expected.items():
        assert (got[kind]["measures"], got[kind]["done"], got[kind]["cases"]) == (
            want["measures"], want["done"], len(want["cases"]))
    [total] = [r for r in rows if r["dimension"] == "gesamt"]
    assert total["measures"] == sum(w["measures"] for w in expected.values()) > 0
    assert total["cases"] == len(set().union(*(w["cases"] for w in expected.values())))


def test_shared_materials_count_once_the_extension_point_is_filled(owner):
    """The materials migration replaces app_leadership.shared_materials(); a material shared by a pair (and one of
    another school's pair) then makes exactly that pair active by_materials."""
    year = _year(owner)
    raw = Raw(owner, MAINUFER, year)
    company = sorted({a["company"] for a in raw.cohort.values()}, key=str)[0]
    other = owner.execute("select company_id from cooperations where school_id = %s limit 1", (LAHNTAL,)).fetchone()[0]
    [before] = [r for r in _call(owner, "schulleitung", "cooperations", MAINUFER, year) if r["dimension"] == "gesamt"]
    with owner.transaction():
        owner.execute(
            "create or replace function app_leadership.shared_materials(p_school_ids uuid[], p_from timestamptz,"
            " p_to timestamptz) returns table (school_id uuid, company_id uuid, shared_at timestamptz)"
            " language sql stable set search_path = '' as $$"
            f" select s, c, now() - interval '2 days' from (values ('{MAINUFER}'::uuid, '{company}'::uuid),"
            f" ('{LAHNTAL}'::uuid, '{other}'::uuid)) v(s, c) where v.s = any (p_school_ids)"
            " and now() - interval '2 days' >= p_from and now() - interval '2 days' < p_to $$")
        rows = _call(owner, "schulleitung", "cooperations", MAINUFER, year)
        raise psycopg.Rollback()
    [total] = [r for r in rows if r["dimension"] == "gesamt"]
    assert total["by_materials"] == 1
    [after] = [r for r in _call(owner, "schulleitung", "cooperations", MAINUFER, year) if r["dimension"] == "gesamt"]
    assert after["by_materials"] == before["by_materials"]  # rolled back: sql/015's definition again


def test_shared_materials_are_the_pairs_new_materials_and_versions(owner):
    """sql/015 fills the extension point from the materials tables: every material shared and every later version,
    under the pair it was shared in, of the schools asked for only (other tests may have shared at Lahntal)."""
    def shared(school):
        return owner.execute("select school_id, company_id, shared_at from app_leadership.shared_materials("
                             "array[%s]::uuid[], '-infinity', 'infinity') order by 3, 2", (school,)).fetchall()

    def expected(school):
        return owner.execute("""
            select c.school_id, c.company_id, x.at from cooperations c join (
              select cooperation_id, created_at as at from materials where school_id = %(s)s
              union all
              select m.cooperation_id, v.created_at from material_versions v join materials m on m.id = v.material_id
              where m.school_id = %(s)s and v.number > 1) x on x.cooperation_id = c.id
            order by 3, 2""", {"s": school}).fetchall()

    rows = shared(MAINUFER)
    assert rows == expected(MAINUFER) and len(rows) >= 3  # the demo's PDF (two versions), link and checklist
    assert shared(LAHNTAL) == expected(LAHNTAL)
    assert {row[0] for row in shared(LAHNTAL)} <= {LAHNTAL}


def test_filters_select_classes_and_occupations(owner, year, raw):
    occupation = demo_id("occupation", "FI")
    rows = _call(owner, "schulleitung", "headcounts", MAINUFER, year, occupation)
    fi = {n: c for n, c in raw.class_sizes().items() if n.startswith("FI")}
    got = {(r["dimension"], r["label"]): r["apprentices"] for r in rows}
    assert got[("gesamt", "Alle")] == sum(fi.values())
    assert {label for (d, label) in got if d == "klasse"} == set(fi)
    assert ("ausgeblendet", "Alle") not in got
    klass = owner.execute("select id, name from classes where school_id = %s and name like 'BM%%' limit 1",
                          (MAINUFER,)).fetchone()
    rows = _call(owner, "schulleitung", "absences", MAINUFER, year, None, klass[0])
    assert {r["class_name"] for r in rows if r["class_name"]} == {klass[1]}


# --- Small groups ---------------------------------------------------------------------------------------------


def _school(conn: psycopg.Connection, classes: dict[str, tuple[str, int, int]]) -> UUID:
    """A new school; classes: name -> (occupation code, years since start, apprentices). Returns its leader."""
    school, company = uuid4(), uuid4()
    conn.execute("insert into schools (id, name, school_number, city) values (%s, 'Testschule', %s, 'Kassel')",
                 (school, school.hex[:8]))
    conn.execute("insert into companies (id, name, city, chamber) values (%s, 'Test GmbH', 'Kassel', 'IHK')",
                 (company,))
    conn.execute("insert into cooperations (school_id, company_id) values (%s, %s)", (school, company))
    year = _year(conn)
    for name, (code, years_ago, size) in classes.items():
        class_id = uuid4()
        occupation = demo_id("occupation", code)
        conn.execute("insert into classes (id, school_id, occupation_id, name, start_year, schedule)"
                     " values (%s, %s, %s, %s, %s, 'teilzeitunterricht')",
                     (class_id, school, occupation, name, year - years_ago))
        start = date(year - years_ago, 8, 1)
        for i in range(size):
            conn.execute(
                "insert into apprentices (id, first_name, last_name, birth_date, school_id, class_id, company_id,"
                " occupation_id, contract_start, contract_end, probation_end) values (%s, 'A', %s, '2008-01-01', %s,"
                " %s, %s, %s, %s, %s, %s)",
                (uuid4(), f"{name}-{i}", school, class_id, company, occupation, start,
                 date(start.year + 3, 7, 31), date(start.year, 11, 30)))
    leader = conn.execute("insert into app_users (username, display_name) values (%s, 'Leitung') returning id",
                          (f"leitung-{school.hex[:8]}",)).fetchone()[0]
    conn.execute("insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)",
                 (leader, school))
    return leader


def _school_of(conn, leader) -> UUID:
    return conn.execute("select school_id from memberships where user_id = %s", (leader,)).fetchone()[0]


def _classes(conn, classes: dict) -> dict[str, int | None]:
    with conn.transaction():
        leader = _school(conn, classes)
        rows = _call(conn, leader, "headcounts", _school_of(conn, leader), _year(conn))
        raise psycopg.Rollback()
    return {r["label"]: r["apprentices"] for r in rows if r["dimension"] == "klasse"}


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        # 4 hidden, 5 shown (the two small ones hide each other: 3 + 4 = 7 together)
        ({"K3": ("FI", 0, 3), "K4": ("FI", 0, 4), "K5": ("FI", 0, 5)}, {"K3": None, "K4": None, "K5": 5}),
        ({"K5": ("FI", 0, 5)}, {"K5": 5}),
        ({"K4": ("FI", 0, 4)}, {"K4": None}),
        # one hidden class: the next smallest is hidden too
        ({"K4": ("FI", 0, 4), "K5": ("FI", 0, 5), "K6": ("FI", 0, 6)}, {"K4": None, "K5": None, "K6": 6}),
        # two hidden classes with 4 together: one more
        ({"A2": ("FI", 0, 2), "B2": ("FI", 0, 2), "K5": ("FI", 0, 5), "K6": ("FI", 0, 6)},
         {"A2": None, "B2": None, "K5": None, "K6": 6}),
        # within the occupation: F4 alone would be FI's total minus F9; the other occupation stays untouched
        ({"F4": ("FI", 0, 4), "F9": ("FI", 0, 9), "B7": ("KBM", 0, 7), "B8": ("KBM", 0, 8)},
         {"F4": None, "F9": None, "B7": 7, "B8": 8}),
        # within the training year as well: F4 alone in year 1 would be year 1's total minus B7
        ({"F4": ("FI", 0, 4), "F9": ("FI", 0, 9), "B7": ("KBM", 1, 7), "B8": ("KBM", 1, 8)},
         {"F4": None, "F9": None, "B7": 7, "B8": 8}),
    ],
)
def test_small_classes_are_hidden(owner, classes, expected):
    assert _classes(owner, classes) == expected


def test_hidden_classes_are_left_out_of_every_sum(owner):
    with owner.transaction():
        leader = _school(owner, {"K3": ("FI", 0, 3), "K4": ("FI", 0, 4), "K9": ("FI", 0, 9)})
        school, year = _school_of(owner, leader), _year(owner)
        heads = {(r["dimension"], r["label"]): r["apprentices"]
                 for r in _call(owner, leader, "headcounts", school, year)}
        dissolutions = _call(owner, leader, "dissolutions", school, year)
        absences = _call(owner, leader, "absences", school, year)
        raise psycopg.Rollback()
    assert heads[("gesamt", "Alle")] == 16  # the school's exact total
    assert heads[("ausgeblendet", "Alle")] == 7
    assert heads[("beruf", "Fachinformatiker/-in")] == 9  # only the shown class
    assert [r["apprentices"] for r in dissolutions if r["dimension"] == "gesamt"] == [9]
    assert {r["class_name"]: r["apprentice_months"] for r in absences if r["dimension"] == "klasse"} == {
        "K3": None, "K4": None, "K9": 9 * len({r["month"] for r in absences if r["dimension"] == "monat"})}


def test_a_school_of_four_gets_no_number_of_persons(owner):
    with owner.transaction():
        leader = _school(owner, {"K4": ("FI", 0, 4)})
        school, year = _school_of(owner, leader), _year(owner)
        results = {f: _call(owner, leader, f, school, year) for f in FUNCTIONS}
        raise psycopg.Rollback()
    counts = ("apprentices", "apprentice_months", "absence_days", "graded", "due_weeks", "dissolved", "flagged",
              "opened", "closed", "measures")
    for function, rows in results.items():
        for row in rows:
            assert all(row.get(c) is None for c in counts), (function, row)
    assert [r["cooperations"] for r in results["cooperations"] if r["dimension"] == "gesamt"] == [0]


def test_cells_under_five_are_hidden_inside_a_shown_class(owner):
    """A class of 9: a Lernfeld graded for 4 is hidden, one graded for 5 is shown; a month with 4 under contract
    is hidden and left out of the class's and the school's absence figures."""
    with owner.transaction():
        leader = _school(owner, {"K9": ("FI", 0, 9)})
        school, year = _school_of(owner, leader), _year(owner)
        people = [r[0] for r in owner.execute("select id from apprentices where school_id = %s order by last_name",
                                              (school,))]
        fields = dict(owner.execute("select code, id from learning_fields where occupation_id = %s",
                                    (demo_id("occupation", "FI"),)).fetchall())
        today = owner.execute("select app_private.today()").fetchone()[0]
        if today < date(year, 9, 15):
            pytest.skip("needs a school year that has run into September")
        graded = today
        for i, aid in enumerate(people):
            for code, limit in (("LF1", 4), ("LF2", 5)):
                if i < limit:
                    owner.execute("insert into lf_results (apprentice_id, learning_field_id, status, grade, graded_on)"
                                  " values (%s, %s, 'abgeschlossen', %s, %s)", (aid, fields[code], 1 + i % 6, graded))
        # five start in September: August has only 4 under contract
        owner.execute("update apprentices set contract_start = %s where id = any(%s)",
                      (date(year, 9, 1), people[4:]))
        owner.execute("insert into absences (apprentice_id, absence_date, lessons) values (%s, %s, 6), (%s, %s, 6)",
                      (people[0], date(year, 8, 11), people[5], date(year, 9, 8)))
        grades = {r["code"]: r for r in _call(owner, leader, "grades", school, year) if r["dimension"] == "lernfeld"}
        absences = _call(owner, leader, "absences", school, year)
        raise psycopg.Rollback()
    assert grades["LF1"]["graded"] is None and grades["LF1"]["grade_1"] is None
    assert grades["LF2"]["graded"] == 5
    cells = {r["month"]: r for r in absences if r["dimension"] == "klasse_monat"}
    assert cells[date(year, 8, 1)]["apprentice_months"] is None
    assert cells[date(year, 9, 1)]["absence_days"] == 1
    [klass] = [r for r in absences if r["dimension"] == "klasse"]
    assert klass["absence_days"] == 1  # August's absence is in no sum


def _case(conn, apprentice: UUID, opened: datetime, closed: datetime | None = None, kind: str | None = None) -> None:
    case = conn.execute(
        "insert into risk_cases (apprentice_id, title, severity, status, opened_at, closed_at, closing_reason)"
        " values (%s, 'Test', 'warnung', %s, %s, %s, %s) returning id",
        (apprentice, "erledigt" if closed else "offen", opened, closed, "gut" if closed else None)).fetchone()[0]
    if kind:
        conn.execute("insert into case_measures (case_id, kind, created_at) values (%s, %s, %s)", (case, kind, opened))


def test_risks_cases_and_measures_leave_out_hidden_classes(owner):
    """K3 and K4 are hidden: their flag, case and measure are in no figure; K9's are."""
    with owner.transaction():
        leader = _school(owner, {"K3": ("FI", 0, 3), "K4": ("FI", 0, 4), "K9": ("FI", 0, 9)})
        school, year = _school_of(owner, leader), _year(owner)
        first = {name: aid for name, aid in owner.execute(
            "select distinct on (k.name) k.name, a.id from apprentices a join classes k on k.id = a.class_id"
            " where a.school_id = %s order by k.name, a.last_name", (school,))}
        start = datetime.combine(date(year, 8, 1), datetime.min.time(), tzinfo=UTC) + timedelta(days=2)
        for name in ("K3", "K9"):
            owner.execute("insert into risk_flags (apprentice_id, rule, severity, category, reason, first_seen_at)"
                          " values (%s, 'test', 'kritisch', 'concern', 'Test', %s)", (first[name], start))
            _case(owner, first[name], start, kind="quabb")
        risks = _call(owner, leader, "risks", school, year)
        cases = _call(owner, leader, "cases", school, year)
        measures = _call(owner, leader, "measures", school, year)
        raise psycopg.Rollback()
    got = {(r["dimension"], r["label"]): r for r in risks}
    assert got[("klasse", "K3")]["flagged"] is None and got[("klasse", "K4")]["apprentices"] is None
    assert (got[("gesamt", "Alle")]["apprentices"], got[("gesamt", "Alle")]["flagged"],
            got[("gesamt", "Alle")]["kritisch"]) == (9, 1, 1)
    got = {(r["dimension"], r["label"]): r for r in cases}
    assert got[("klasse", "K3")]["opened"] is None
    assert got[("gesamt", "Alle")]["opened"] == 1 and got[("gesamt", "Alle")]["open_at_end"] == 1
    [quabb] = [r for r in measures if r["kind"] == "quabb"]
    assert (quabb["measures"], quabb["cases"]) == (1, 1)


def test_risks_hide_a_class_with_four_under_contract_on_the_reference_day(owner):
    """K9 is shown (9 in the school year), but 5 have left: 4 under contract on the reference day are hidden."""
    with owner.transaction():
        leader = _school(owner, {"K9": ("FI", 0, 9), "K5": ("FI", 0, 5)})
        school, year = _school_of(owner, leader), _year(owner)
        today = owner.execute("select app_private.today()").fetchone()[0]
        if today < date(year, 8, 3):
            pytest.skip("needs a school year that has begun")
        owner.execute(
            "update apprentices set dissolved_on = %s, status = 'geloest' where id in (select a.id from apprentices a"
            " join classes k on k.id = a.class_id where k.school_id = %s and k.name = 'K9' order by a.last_name"
            " limit 5)", (date(year, 8, 1), school))
        risks = {r["label"]: r["apprentices"] for r in _call(owner, leader, "risks", school, year)}
        raise psycopg.Rollback()
    assert risks["K9"] is None and risks["K5"] == 5 and risks["Alle"] == 5


def test_state_wide_risks_keep_classes_of_the_same_name_apart(owner):
    """Two schools each with a class "K9" of which 3 are under contract on the reference day: state-wide, both stay
    hidden (not one merged "K9" of 6)."""
    with owner.transaction():
        schools = [_school_of(owner, _school(owner, {"K9": ("FI", 0, 9), "K5": ("FI", 0, 5)})) for _ in range(2)]
        year = _year(owner)
        if owner.execute("select app_private.today()").fetchone()[0] < date(year, 8, 3):
            pytest.skip("needs a school year that has begun")
        owner.execute(
            "update apprentices set dissolved_on = %s, status = 'geloest' where id in (select a.id from apprentices a"
            " join classes k on k.id = a.class_id where k.school_id = any(%s) and k.name = 'K9'"
            " and right(a.last_name, 1)::int < 6)", (date(year, 8, 1), schools))
        rows = owner.execute("select label, apprentices from app_leadership.risks(%s, %s, null, null)"
                             " where dimension = 'klasse'", (schools, year)).fetchall()
        raise psycopg.Rollback()
    assert sorted(rows, key=lambda r: (r[0], r[1] or 0)) == [("K5", 5), ("K5", 5), ("K9", None), ("K9", None)]


@pytest.mark.parametrize(("closed", "shown"), [(4, False), (5, True)])
def test_median_time_to_close_needs_five_closed_cases(owner, closed, shown):
    with owner.transaction():
        leader = _school(owner, {"K9": ("FI", 0, 9)})
        school, year = _school_of(owner, leader), _year(owner)
        people = [r[0] for r in owner.execute("select id from apprentices where school_id = %s order by last_name",
                                              (school,))]
        start = datetime.combine(date(year, 8, 1), datetime.min.time(), tzinfo=UTC) + timedelta(days=1)
        now = owner.execute("select now()").fetchone()[0]
        if now < start + timedelta(days=closed + 1):
            pytest.skip("needs a school year that has run a week")
        for i in range(closed):
            _case(owner, people[i], start, start + timedelta(days=i + 1))
        rows = {r["dimension"]: r for r in _call(owner, leader, "cases", school, year) if r["dimension"] != "monat"}
        raise psycopg.Rollback()
    assert rows["gesamt"]["closed"] == closed
    assert rows["gesamt"]["median_days_to_close"] == (_round(statistics.median(range(1, closed + 1)), 1)
                                                      if shown else None)


def test_statewide_snapshot_equals_the_aggregates_over_all_schools(owner):
    """refresh_statewide() stores, per figure, exactly what the aggregate gives over every school; owner only."""
    with owner.transaction():
        assert owner.execute("select app_leadership.refresh_statewide()").fetchone()[0] == len(FUNCTIONS)
        stored = dict(owner.execute("select figure, rows from app_leadership.statewide(p_classes => true)").fetchall())
        totals = dict(owner.execute("select figure, rows from app_leadership.statewide()").fetchall())
        live = {f: owner.execute(
            f"select coalesce(jsonb_agg(to_jsonb(x)), '[]') from app_leadership.{f}("
            " array(select id from schools order by id), public.school_year_start(), null, null) x").fetchone()[0]
            for f in FUNCTIONS}
        raise psycopg.Rollback()
    assert stored == live
    assert totals == {f: [r for r in rows if r.get("dimension") not in ("klasse", "klasse_monat")]
                      for f, rows in live.items()}
    assert any(r["dimension"] == "klasse" for r in stored["risks"])
    schools = {r["label"]: r["apprentices"] for r in stored["headcounts"] if r["dimension"] == "gesamt"}
    assert schools["Alle"] == owner.execute(
        "select count(*) from apprentices where contract_start <= app_private.today()"
        " and coalesce(dissolved_on, contract_end) >= make_date(public.school_year_start(), 8, 1)").fetchone()[0]


def test_school_overview_is_gone(owner):
    """007's school_overview() let a hidden class be worked out by subtraction: 014 drops it."""
    assert owner.execute("select to_regprocedure('public.school_overview()')").fetchone()[0] is None


# --- Who gets what --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("user", "school"), [
    ("schulleitung2", MAINUFER), ("schulleitung", LAHNTAL), ("admin2", MAINUFER), ("lehrkraft", MAINUFER),
    ("ausbilder", MAINUFER), ("ausbilder", LAHNTAL), ("lehrkraft2", LAHNTAL),
])
@pytest.mark.parametrize("function", FUNCTIONS)
def test_other_schools_and_roles_are_refused(owner, user, school, function):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _call(owner, user, function, school, _year(owner))


@pytest.mark.parametrize(("user", "school"), [("schulleitung", MAINUFER), ("schulleitung2", LAHNTAL),
                                              ("admin", MAINUFER)])
def test_leadership_and_admin_of_the_school_get_figures(owner, user, school):
    rows = _call(owner, user, "headcounts", school, _year(owner))
    assert next(r["apprentices"] for r in rows if r["dimension"] == "gesamt") > 0


def test_refused_by_hand_written_sql_too(owner):
    """The internal functions and the cohort are out of reach; the options and the schools list only one's own."""
    statements = [
        "select * from app_leadership.cohort(array[%(s)s]::uuid[], public.school_year_start())",
        "select * from app_leadership.headcounts(array[%(s)s]::uuid[], public.school_year_start(), null, null)",
        "select * from app_leadership.classes(array[%(s)s]::uuid[], public.school_year_start())",
        "select * from app_leadership.risks(array[%(s)s]::uuid[], public.school_year_start(), null, null)",
        "select * from app_leadership.statewide()",
        "select * from app_leadership.statewide_figures",
    ]
    for sql in statements:
        with pytest.raises(psycopg.errors.InsufficientPrivilege), owner.transaction():
            act_as(owner, "schulleitung2")
            owner.execute(sql, {"s": MAINUFER})
    with pytest.raises(psycopg.errors.InsufficientPrivilege), owner.transaction():
        act_as(owner, "schulleitung2")
        owner.execute("select * from public.leadership_filter_options(%s, public.school_year_start())", (MAINUFER,))
    with owner.transaction():
        act_as(owner, "schulleitung2")
        schools = owner.execute("select school_id from public.leadership_schools()").fetchall()
        apprentices = owner.execute("select count(*) from apprentices").fetchone()[0]
        raise psycopg.Rollback()
    assert schools == [(LAHNTAL,)]
    assert apprentices == 0


@pytest.mark.parametrize(("occupation", "klass", "year_offset"), [
    (None, "lahntal-class", 0),  # a class of the other school
    (demo_id("occupation", "IM"), None, 0),  # an occupation Mainufer does not teach
    (None, None, -1),  # a school year that has not begun
    (None, None, 40),  # before 2000
])
def test_invalid_filters_are_refused(owner, occupation, klass, year_offset):
    if klass == "lahntal-class":
        klass = owner.execute("select id from classes where school_id = %s limit 1", (LAHNTAL,)).fetchone()[0]
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        _call(owner, "schulleitung", "headcounts", MAINUFER, _year(owner) - year_offset, occupation, klass)


def test_no_name_and_no_id_of_a_person_leaves_the_functions(owner):
    year = _year(owner)
    out = " ".join(str(row) for f in FUNCTIONS for row in _call(owner, "schulleitung", f, MAINUFER, year))
    assert "UUID(" not in out  # no ids at all in the figures
    people = owner.execute("select id, first_name, last_name from apprentices").fetchall()
    assert not [p for p in people if re.search(rf"\b({re.escape(p[1])}|{re.escape(p[2])})\b", out)]
    with owner.transaction():
        act_as(owner, "schulleitung")
        options = owner.execute("select * from public.leadership_filter_options(%s, %s)", (MAINUFER, year)).fetchall()
        raise psycopg.Rollback()
    ids = {v for row in options for v in row if isinstance(v, UUID)}
    classes = {r[0] for r in owner.execute("select id from classes")}
    occupations = {r[0] for r in owner.execute("select id from occupations")}
    assert ids and ids <= classes | occupations  # class and occupation ids only, for the filters


# sql/020: the class protection is computed once per transaction --------------------------------------------------

def _protection(owner, function: str, school: UUID, year: int) -> list[tuple]:
    return sorted(owner.execute(f"select * from app_leadership.{function}(%s, %s)", ([school], year)).fetchall())


def test_class_protection_is_kept_for_the_transaction_only(owner_url):
    with psycopg.connect(owner_url) as owner:
        year = owner.execute("select public.school_year_start()").fetchone()[0]
        computed = {s: _protection(owner, "classes_computed", s, year) for s in (MAINUFER, LAHNTAL)}
        assert computed[MAINUFER] and computed[LAHNTAL] and computed[MAINUFER] != computed[LAHNTAL]
        # the first call computes and keeps it, the second reads it; another school is computed, not reused
        assert _protection(owner, "classes", MAINUFER, year) == computed[MAINUFER]
        assert owner.execute("select current_setting('leokop.leadership_classes', true)").fetchone()[0].startswith(
            f"{year}/{MAINUFER}|")
        assert _protection(owner, "classes", MAINUFER, year) == computed[MAINUFER]
        assert _protection(owner, "classes", LAHNTAL, year) == computed[LAHNTAL]
        last_year = _protection(owner, "classes_computed", MAINUFER, year - 1)
        assert _protection(owner, "classes", MAINUFER, year - 1) == last_year
        owner.commit()
        # a new transaction starts without it
        assert owner.execute("select current_setting('leokop.leadership_classes', true)").fetchone()[0] in (None, "")

