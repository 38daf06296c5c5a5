"""One save per submission (sql/027, Database.user_tx inside one_save) and the stamp of who changed a record."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import psycopg
import pytest

from leokop import clock
from leokop.db.errors import AlreadySaved
from leokop.db.session import SecondTransaction, one_save
from leokop.repo import notes, planning
from leokop.repo._query import StaleWrite
from leokop.repo.cases import update_case
from tests.db.test_rls_progress import A_RMD
from tests.helpers import DENIED, attempt, user_id

FORM_TABLES = ("form_saves",)


def _notes(owner_url: str, body: str) -> int:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select count(*) from notes where body = %s", (body,)).fetchone()[0]


def test_the_same_submission_writes_once(db, owner_url):
    token, body = uuid4(), f"Einmal gespeichert {uuid4().hex}"
    for attempt_no in range(3):
        try:
            with one_save(token):
                notes.add_note(db, user_id("ausbilder"), apprentice_id=A_RMD, place="betrieb", body=body)
        except AlreadySaved:
            assert attempt_no > 0
    assert _notes(owner_url, body) == 1
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select user_id from form_saves where token = %s", (token,)).fetchone() == (
            user_id("ausbilder"),)


def test_a_refused_save_leaves_its_token_free(db, owner_url):
    """A save that fails (rolled back) has not used its form's token: the corrected submission saves."""
    token, body = uuid4(), f"Zweiter Versuch {uuid4().hex}"
    with pytest.raises(psycopg.errors.CheckViolation), one_save(token):
        notes.add_note(db, user_id("ausbilder"), apprentice_id=A_RMD, place="betrieb", body=" ")
    with one_save(token):
        notes.add_note(db, user_id("ausbilder"), apprentice_id=A_RMD, place="betrieb", body=body)
    assert _notes(owner_url, body) == 1


def test_a_save_is_one_transaction(db, owner_url):
    body = f"Zwei Transaktionen {uuid4().hex}"
    with pytest.raises(SecondTransaction), one_save(uuid4()):
        notes.add_note(db, user_id("ausbilder"), apprentice_id=A_RMD, place="betrieb", body=body)
        notes.add_note(db, user_id("ausbilder"), apprentice_id=A_RMD, place="betrieb", body=body)
    assert _notes(owner_url, body) == 1  # the first committed; the second never began


def test_tokens_are_the_users_own_and_only_the_own_are_readable(owner):
    token = uuid4()
    for user in ("lehrkraft", "ausbilder2", "admin"):
        assert attempt(owner, user, "select * from form_saves") == DENIED  # user and time stay unreadable
        assert attempt(owner, user, "insert into form_saves (token) values (%s)", (token,)) == 1
        # a saved token of the user is readable to the user, another user's is not
        other = "ausbilder" if user != "ausbilder" else "lehrkraft"
        for owner_name, seen in ((user, 1), (other, 0)):
            saved = uuid4()
            assert attempt(owner, user, "select token from form_saves where token = %s", (saved,),
                           setup=f"insert into form_saves (token, user_id) values ('{saved}', '{user_id(owner_name)}')"
                           ) == seen
        assert attempt(owner, user, "insert into form_saves (token, user_id) values (%s, %s)",
                       (uuid4(), user_id("admin"))) == DENIED
        assert attempt(owner, user, "delete from form_saves") == DENIED
    assert attempt(owner, None, "insert into form_saves (token) values (%s)", (token,)) == DENIED


def test_tokens_older_than_a_day_go_with_the_next_save(db, owner_url):
    old = uuid4()
    with psycopg.connect(owner_url) as conn:
        conn.execute("insert into form_saves (token, user_id, saved_at) values (%s, %s, now() - interval '2 days')",
                     (old, user_id("ausbilder")))
    with one_save(uuid4()):
        notes.add_note(db, user_id("ausbilder"), apprentice_id=A_RMD, place="betrieb",
                       body=f"Aufräumen {uuid4().hex}")
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select count(*) from form_saves where token = %s", (old,)).fetchone()[0] == 0


def test_a_change_names_its_author_and_moves_the_version(db, owner_url):
    with psycopg.connect(owner_url) as conn:
        case_id = conn.execute("insert into risk_cases (apprentice_id, title, severity, opened_by) values"
                               " (%s, 'Stempel', 'hinweis', %s) returning id", (A_RMD, user_id("lehrkraft"))
                               ).fetchone()[0]
    try:
        update_case(db, user_id("ausbilder"), case_id=case_id, version=1, status="in_bearbeitung",
                    responsible_id=None, closing_reason=None)
        with pytest.raises(StaleWrite):  # the version the teacher saw is gone
            update_case(db, user_id("lehrkraft"), case_id=case_id, version=1, status="erledigt",
                        responsible_id=None, closing_reason="x")
        with psycopg.connect(owner_url) as conn:
            row = conn.execute("select version, updated_by, updated_at is not null, status::text from risk_cases"
                               " where id = %s", (case_id,)).fetchone()
            assert row == (2, user_id("ausbilder"), True, "in_bearbeitung")
            # a statement that forgets the version still moves it on
            conn.execute("update risk_cases set title = 'Stempel 2' where id = %s", (case_id,))
            assert conn.execute("select version, updated_by from risk_cases where id = %s", (case_id,)
                                ).fetchone() == (3, user_id("ausbilder"))  # no signed-in user: the name stays
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from risk_cases where id = %s", (case_id,))


def test_an_overlapping_phase_needs_its_confirmation(db, owner_url):
    today = clock.today()
    start, end = today + timedelta(days=400), today + timedelta(days=430)
    first = f"Abschnitt A {uuid4().hex}"
    planning.add_company_phase(db, user_id("ausbilder"), apprentice_id=A_RMD, title=first, department=None,
                               starts_on=start, ends_on=end)
    try:
        with pytest.raises(planning.PhaseOverlap) as refused:
            planning.add_company_phase(db, user_id("ausbilder"), apprentice_id=A_RMD, title="B", department=None,
                                       starts_on=end - timedelta(days=5), ends_on=end + timedelta(days=5))
        assert [p.title for p in refused.value.phases] == [first]
        with psycopg.connect(owner_url) as conn:
            assert conn.execute("select count(*) from company_phases where title = 'B'").fetchone()[0] == 0
        planning.add_company_phase(db, user_id("ausbilder"), apprentice_id=A_RMD, title="B", department=None,
                                   starts_on=end - timedelta(days=5), ends_on=end + timedelta(days=5),
                                   confirmed=[p.id for p in refused.value.phases])
        with psycopg.connect(owner_url) as conn:
            assert conn.execute("select count(*) from company_phases where title = 'B'").fetchone()[0] == 1
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from company_phases where apprentice_id = %s and (title = %s or title = 'B')",
                         (A_RMD, first))


def test_touching_a_phase_next_to_another_is_no_overlap(db, owner_url):
    day = date(2031, 1, 6)
    for title, start, end in (("X1", day, day + timedelta(days=6)), ("X2", day + timedelta(days=7),
                                                                       day + timedelta(days=13))):
        planning.add_company_phase(db, user_id("ausbilder"), apprentice_id=A_RMD, title=title, department=None,
                                   starts_on=start, ends_on=end)
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("delete from company_phases where title in ('X1', 'X2') and apprentice_id = %s",
                            (A_RMD,)).rowcount == 2
