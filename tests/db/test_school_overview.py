"""school_overview(): counts only, small groups suppressed, secondary suppression, own school only."""

from __future__ import annotations

from uuid import uuid4

import psycopg
import pytest

from leokop.demo.seed import demo_id
from tests.helpers import act_as

_FI = demo_id("occupation", "FI")


def _school_with_classes(conn: psycopg.Connection, sizes: dict[str, int]) -> str:
    """A new school with one class per entry, each holding that many active apprentices; returns its leader."""
    school, company = uuid4(), uuid4()
    leader = f"leitung-{school.hex[:8]}"
    conn.execute("insert into schools (id, name, school_number, city) values (%s, 'Testschule', %s, 'Kassel')",
                 (school, school.hex[:8]))
    conn.execute("insert into companies (id, name, city, chamber) values (%s, 'Test GmbH', 'Kassel', 'IHK')",
                 (company,))
    conn.execute("insert into cooperations (school_id, company_id) values (%s, %s)", (school, company))
    for name, size in sizes.items():
        class_id = uuid4()
        conn.execute("insert into classes (id, school_id, occupation_id, name, start_year, schedule)"
                     " values (%s, %s, %s, %s, public.school_year_start(), 'blockunterricht')",
                     (class_id, school, _FI, name))
        for i in range(size):
            conn.execute(
                "insert into apprentices (first_name, last_name, birth_date, school_id, class_id, company_id,"
                " occupation_id, contract_start, contract_end, probation_end) values ('A', %s, '2008-01-01', %s,"
                " %s, %s, %s, '2026-08-01', '2029-07-31', '2026-11-30')",
                (f"N{i}", school, class_id, company, _FI))
    uid = conn.execute("insert into app_users (username, display_name) values (%s, 'Leitung') returning id",
                       (leader,)).fetchone()[0]
    conn.execute("insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)",
                 (uid, school))
    return uid


def _classes_as(conn: psycopg.Connection, uid) -> dict[str, int | None]:
    act_as(conn, uid)
    rows = conn.execute("select label, apprentices from school_overview() where dimension = 'klasse'").fetchall()
    return dict(rows)


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        ({"K4": 4, "K3": 3, "K5": 5}, {"K4": None, "K3": None, "K5": 5}),  # 4 hidden, 5 shown
        ({"K4": 4, "K5": 5, "K6": 6}, {"K4": None, "K5": None, "K6": 6}),  # one hidden: next smallest hidden too
        ({"K5": 5, "K6": 6}, {"K5": 5, "K6": 6}),
    ],
)
def test_small_groups_are_suppressed(owner, sizes, expected):
    with owner.transaction():
        uid = _school_with_classes(owner, sizes)
        assert _classes_as(owner, uid) == expected
        raise psycopg.Rollback()


def test_total_is_exact_and_no_names_or_ids_leave(owner):
    with owner.transaction():
        uid = _school_with_classes(owner, {"K5": 5, "K7": 7})
        act_as(owner, uid)
        rows = owner.execute("select dimension, label, apprentices from school_overview()").fetchall()
        raise psycopg.Rollback()
    assert ("gesamt", "Alle", 12) in rows
    assert all(not label.startswith("N") for _d, label, _n in rows)


@pytest.mark.parametrize("username", ["schulleitung2", "lehrkraft", "ausbilder", "admin2"])
def test_other_users_get_nothing_of_mainufer(owner, username):
    mainufer = demo_id("school", "mainufer")
    with owner.transaction():
        act_as(owner, username)
        rows = owner.execute("select count(*) from school_overview() where school_id = %s", (mainufer,)).fetchone()
        raise psycopg.Rollback()
    assert rows[0] == 0


def test_leadership_gets_its_own_school(owner):
    with owner.transaction():
        act_as(owner, "schulleitung")
        schools = {r[0] for r in owner.execute("select distinct school_id from school_overview()")}
        raise psycopg.Rollback()
    assert schools == {demo_id("school", "mainufer")}
