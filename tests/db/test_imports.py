"""The import against the database (sql/029): applying as the school's admin under RLS in one transaction,
re-importing without change, the audit entry, who may import and read profiles, contacts and the record, and the
lookup of other schools' companies. Every import here runs inside the test's rolled-back transaction."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from uuid import UUID

import psycopg
import pytest
from psycopg import sql

from leokop import clock
from leokop.demo.seed import class_name, school_year_start
from leokop.repo import imports as repo
from leokop.scale.import_sample import sample_csv
from leokop.services.imports import flow
from leokop.services.imports.fields import recognise
from leokop.services.imports.reading import read_table
from tests.db.test_rls import ROLES
from tests.helpers import DENIED, act_as, attempt, company_id, school_id, seen_and_expected, user_id, visible_ids

IMPORT_TABLES = ("import_profiles", "trainer_contacts", "import_runs")
MAINUFER, LAHNTAL = school_id("mainufer"), school_id("lahntal")


def mainufer_file() -> bytes:
    """Two new pupils of Mainufer's first-year FI class, one at a new company, one at an existing, with contacts."""
    year = school_year_start()
    klass = class_name("FI", 0, "a")
    start, end = f"01.08.{year}", f"31.07.{year + 3}"
    return "\r\n".join([
        "Schüler-ID;Nachname;Vorname;Geburtsdatum;Klasse;Ausbildungsberuf;Ausbildungsbetrieb;Betrieb PLZ;"
        "Betrieb Ort;Ausbildungsbeginn;Ausbildungsende;Ausbilder;AusbilderKontaktEmail",
        f"IMP-1;Öztürk;Defne;14.03.{year - 17};{klass};Fachinformatiker/-in;Rhein-Main Datentechnik GmbH;;;"
        f"{start};{end};Markus Brandt;m.brandt@rhein-main-datentechnik.de",
        f"IMP-2;Kowalczyk;Jan;02.12.{year - 18};{klass};FI;Importfirma Schäfer KG;60314;Frankfurt am Main;"
        f"{start};{end};Schäfer, Gisela;",
        f"IMP-3;Ohne;Datum;31.02.{year - 18};{klass};FI;Importfirma Schäfer KG;60314;Frankfurt am Main;"
        f"{start};{end};;",
        "",
    ]).encode("cp1252")


def remove_imported(owner_url: str, since: datetime) -> None:
    """Delete what imports committed since `since` (for the tests that apply through the app: AppTest, browser).
    Audit rows stay: the trail is append-only."""
    with psycopg.connect(owner_url) as conn:
        conn.execute("delete from apprentices where created_at >= %s", (since,))
        conn.execute("delete from trainer_contacts where created_at >= %s", (since,))
        conn.execute("delete from classes k where created_at >= %s"
                     " and not exists (select 1 from apprentices a where a.class_id = k.id)", (since,))
        conn.execute("delete from cooperations c where created_at >= %s and not exists"
                     " (select 1 from apprentices a where a.school_id = c.school_id and a.company_id = c.company_id)",
                     (since,))
        conn.execute("delete from companies co where created_at >= %s"
                     " and not exists (select 1 from cooperations c where c.company_id = co.id)", (since,))
        conn.execute("delete from import_runs where at >= %s", (since,))
        conn.execute("delete from import_profiles where updated_at >= %s", (since,))


@contextmanager
def acting(conn: psycopg.Connection, username: str | None) -> Iterator[psycopg.Connection]:
    """What Database.user_tx does, on the test's owner connection inside a savepoint (None: the owner itself, as
    the command line); the role is switched back afterwards so that the test reads as the owner again."""
    conn.execute("select 1")  # the test's own transaction is open, so the block below is a savepoint in it
    try:
        with conn.transaction():
            if username:
                act_as(conn, username)
            yield conn
    finally:
        conn.execute("select set_config('role', 'none', true), set_config('request.jwt.claims', '', true)")


def _run(owner, username: str | None, data: bytes, school: UUID = MAINUFER, *, dry_run: bool = False):
    table = read_table("schueler.csv", data)
    fields = recognise(table.headers)
    step = flow.preview if dry_run else flow.apply
    return step(lambda: acting(owner, username), school, table, fields, clock.today())


def _count(owner, sql: str, *params) -> int:
    return owner.execute(sql, params).fetchone()[0]


def test_admin_imports_then_the_same_file_changes_nothing(owner):
    before = _count(owner, "select count(*) from audit_log where action = 'import'")
    preview = _run(owner, "admin", mainufer_file(), dry_run=True)
    assert preview.summary()["apprentices"] == {"created": 2, "updated": 0, "unchanged": 0}
    assert [(p.line, p.column) for p in preview.refused] == [(4, "Geburtsdatum")]
    assert _count(owner, "select count(*) from apprentices where pupil_id like 'IMP-%%'") == 0

    first = _run(owner, "admin", mainufer_file())
    assert first.plan.summary() == preview.summary()
    assert first.plan.summary()["companies"] == {"created": 1, "updated": 0, "unchanged": 1}
    assert first.plan.summary()["contacts"] == {"created": 2, "updated": 0, "unchanged": 0}
    stored = owner.execute(
        "select a.pupil_id, a.last_name, co.name, a.status::text, a.probation_end - a.contract_start"
        " from apprentices a join companies co on co.id = a.company_id where a.pupil_id like 'IMP-%%'"
        " order by a.pupil_id").fetchall()
    assert [r[:4] for r in stored] == [("IMP-1", "Öztürk", "Rhein-Main Datentechnik GmbH", "aktiv"),
                                       ("IMP-2", "Kowalczyk", "Importfirma Schäfer KG", "aktiv")]
    assert owner.execute("select last_name, first_name, email from trainer_contacts where school_id = %s"
                         " order by last_name", (MAINUFER,)).fetchall() == [
        ("Brandt", "Markus", "m.brandt@rhein-main-datentechnik.de"), ("Schäfer", "Gisela", None)]

    # the audit trail: one import row by the admin, the rows' own inserts, never their content
    run = owner.execute("select file_name, counts, refused, actor_id from import_runs where id = %s",
                        (first.run_id,)).fetchone()
    assert run[0] == "schueler.csv" and run[2] == 1 and run[3] == user_id("admin")
    assert run[1]["apprentices"]["created"] == 2 and "Öztürk" not in str(run[1])
    audit = owner.execute("select actor_id, actor_role, school_id, row_id from audit_log where action = 'import'"
                          " order by id desc limit 1").fetchone()
    assert audit == (user_id("admin"), "authenticated", MAINUFER, str(first.run_id))
    assert _count(owner, "select count(*) from audit_log where action = 'import'") == before + 1
    assert _count(owner, "select count(*) from audit_log where table_name = 'apprentices' and action = 'insert'"
                         " and row_id in (select id::text from apprentices where pupil_id like 'IMP-%%')") == 2

    again = _run(owner, "admin", mainufer_file())
    assert again.plan.changes == 0 and again.apprentice_ids == []
    assert again.plan.summary()["apprentices"] == {"created": 0, "updated": 0, "unchanged": 2}
    assert _count(owner, "select count(*) from companies where name = 'Importfirma Schäfer KG'") == 1


def test_a_pupil_missing_from_the_file_is_listed_and_kept(owner):
    plan = _run(owner, "admin", mainufer_file(), dry_run=True)
    active = _count(owner, "select count(*) from apprentices where school_id = %s and status = 'aktiv'", MAINUFER)
    assert len(plan.missing) == active
    _run(owner, "admin", mainufer_file())
    assert _count(owner, "select count(*) from apprentices where school_id = %s and status = 'aktiv'",
                  MAINUFER) == active + 2


@pytest.mark.parametrize("username", ["admin2", "lehrkraft", "schulleitung", "ausbilder"])
def test_only_the_schools_admin_may_import(owner, username):
    with pytest.raises(repo.NotAdmin):
        _run(owner, username, mainufer_file())
    with pytest.raises(repo.NotAdmin):
        _run(owner, username, mainufer_file(), dry_run=True)


def test_the_owner_imports_as_the_command_line(owner):
    result = _run(owner, None, mainufer_file(), LAHNTAL)
    assert result.plan.summary()["apprentices"]["created"] == 2
    assert result.plan.summary()["classes"]["created"] == 1  # Lahntal has no first-year FI class "a"
    assert owner.execute("select actor_id, actor_role from audit_log where action = 'import' order by id desc"
                         " limit 1").fetchone() == (None, "kommandozeile")


def test_a_failing_write_leaves_nothing(owner):
    """All or nothing: a statement that fails in the middle (here the new class, which a constraint added for the
    test refuses) rolls back the companies and pairs written before it."""
    new_class = class_name("FI", 0, "z")
    owner.execute(sql.SQL("alter table classes add constraint test_no_new_class check (name <> {})").format(
        sql.Literal(new_class)))
    runs = _count(owner, "select count(*) from import_runs")
    data = mainufer_file().decode("cp1252").replace(class_name("FI", 0, "a"), new_class).encode("cp1252")
    with pytest.raises(psycopg.errors.CheckViolation):
        _run(owner, "admin", data)
    assert _count(owner, "select count(*) from companies where name = 'Importfirma Schäfer KG'") == 0
    assert _count(owner, "select count(*) from import_runs") == runs


def test_another_schools_company_is_found_by_name_and_postcode(owner):
    owner.execute("update companies set postcode = '35576' where id = %s", (company_id("ldv"),))
    data = mainufer_file().decode("cp1252").replace("Importfirma Schäfer KG;60314;Frankfurt am Main",
                                            "Lahn-Dill Versicherungsservice GmbH;35576;Wetzlar").encode("cp1252")
    result = _run(owner, "admin", data)
    assert result.plan.new_companies == []
    assert _count(owner, "select count(*) from cooperations where school_id = %s and company_id = %s",
                  MAINUFER, company_id("ldv")) == 1


def test_the_company_lookup_answers_only_the_schools_admin(owner):
    owner.execute("update companies set postcode = '35576' where id = %s", (company_id("ldv"),))
    call = "select * from import_find_companies(%s, array['lahn-dill versicherungsservice gmbh'], array['35576'])"
    assert attempt(owner, "admin", call, (MAINUFER,)) == 1
    for username in ("admin2", "lehrkraft", "ausbilder"):
        assert attempt(owner, username, call, (MAINUFER,)) == DENIED
    assert attempt(owner, None, call, (MAINUFER,)) == DENIED


def test_profiles_are_the_schools_own(owner):
    with acting(owner, "admin"):
        owner.execute("insert into import_profiles (school_id, name, mapping, updated_by)"
                      " values (%s, 'LUSD', '{\"Zuname\": \"last_name\"}', %s)", (MAINUFER, user_id("admin")))
    assert repo.profiles_in(owner, MAINUFER) == {"LUSD": {"Zuname": "last_name"}}
    assert visible_ids(owner, "import_profiles", "admin2") == set()


def test_anonymisation_removes_the_pupil_id(owner):
    _run(owner, "admin", mainufer_file())
    aid = owner.execute("select id from apprentices where pupil_id = 'IMP-1'").fetchone()[0]
    owner.execute("select app_private.anonymise_apprentice(%s)", (aid,))
    assert owner.execute("select pupil_id, last_name from apprentices where id = %s", (aid,)).fetchone() == (
        None, "Anonymisiert")


def test_two_thousand_apprentices_preview_and_apply_in_under_ten_seconds(owner):
    data = sample_csv(2000, today=clock.today(), prefix="T")
    started = time.perf_counter()
    plan = _run(owner, "admin2", data, LAHNTAL, dry_run=True)
    result = _run(owner, "admin2", data, LAHNTAL)
    seconds = time.perf_counter() - started
    assert plan.refused == [] and result.plan.summary()["apprentices"]["created"] == 2000
    assert seconds < 10, f"{seconds:.1f} s"


# --- row-level security of the new tables -------------------------------------------------------------------------

_ADMIN_OF = "select school_id from memberships where user_id = %(uid)s and role = 'admin' and active"
EXPECTED = {table: f"select id from {table} where school_id in ({_ADMIN_OF})" for table in IMPORT_TABLES}
_SETUP = f"""
insert into import_profiles (school_id, name, mapping) values ('{MAINUFER}', 'A', '{{}}'), ('{LAHNTAL}', 'B', '{{}}');
insert into trainer_contacts (school_id, company_id, last_name)
  values ('{MAINUFER}', '{company_id("rmd")}', 'Brandt'), ('{LAHNTAL}', '{company_id("rmd")}', 'Brandt');
insert into import_runs (school_id, file_name, counts, refused)
  values ('{MAINUFER}', 'a.csv', '{{}}', 0), ('{LAHNTAL}', 'b.csv', '{{}}', 0);
"""


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("table", IMPORT_TABLES)
def test_select_shows_exactly_what_the_role_may_see(owner, table, username):
    seen, expected, total = seen_and_expected(owner, table, username, EXPECTED[table], _SETUP)
    assert total > 0
    assert seen == expected


@pytest.mark.parametrize("table", IMPORT_TABLES)
def test_anonymous_reads_nothing(owner, table):
    assert visible_ids(owner, table, None) == DENIED


WRITE_CASES = {
    "save profile": ("insert into import_profiles (school_id, name, mapping, updated_by)"
                     " values (%(s)s, 'P', '{}', %(me)s)", {"admin": 1}),
    "delete profile": ("delete from import_profiles where school_id = %(s)s", {"admin": 1}),
    "add contact": ("insert into trainer_contacts (school_id, company_id, last_name, created_by)"
                    " values (%(s)s, %(c)s, 'Neu', %(me)s)", {"admin": 1}),
    "change contact": ("update trainer_contacts set email = 'x@y.de' where school_id = %(s)s", {"admin": 1}),
    "delete contact": ("delete from trainer_contacts where school_id = %(s)s", {}),
    "record import": ("insert into import_runs (school_id, file_name, counts, refused, actor_id)"
                      " values (%(s)s, 'x.csv', '{}', 0, %(me)s)", {"admin": 1}),
    "change import record": ("update import_runs set refused = 9 where school_id = %(s)s", {}),
}


@pytest.mark.parametrize("username", (*ROLES, None))
@pytest.mark.parametrize("case", sorted(WRITE_CASES))
def test_write(owner, case, username):
    sql, allowed = WRITE_CASES[case]
    params = {"s": MAINUFER, "c": company_id("rmd"), "me": user_id(username) if username else None}
    result = attempt(owner, username, sql, params, setup=_SETUP)
    if username is None or case in ("delete contact", "change import record"):
        assert result == DENIED  # no grant at all
    else:
        assert result == allowed.get(username, 0) or (result == DENIED and username not in allowed)


def test_a_school_year_class_of_the_sample_file_is_new_at_lahntal(owner):
    """The benchmark's file (leokop.scale.import_sample) fits the demo schools' occupations."""
    data = sample_csv(30, today=date(school_year_start(), 9, 1), prefix="Q")
    plan = _run(owner, "admin2", data, LAHNTAL, dry_run=True)
    assert plan.refused == [] and plan.summary()["apprentices"]["created"] == 30
