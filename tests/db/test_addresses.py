"""sql/042 (decision 97): the pair a user chose last (pair_choices: own rows only, only a pair the user works in)
and the refused view of an address (record_refused_view: the caller's attempt, nothing else), for every role."""

from __future__ import annotations

import psycopg
import pytest

from tests.db.test_rls import ROLES
from tests.helpers import DENIED, act_as, attempt, cooperation_id, seen_and_expected, user_id, visible_ids

ADDRESS_TABLES = ("pair_choices",)
_PAIR = cooperation_id("mainufer", "rmd")
# two users have chosen a pair already: the matrix reads more than the own row
_SETUP = f"""
insert into pair_choices (user_id, cooperation_id) values ('{user_id("lehrkraft")}', '{_PAIR}'),
  ('{user_id("ausbilder")}', '{_PAIR}') on conflict (user_id) do nothing;
"""


@pytest.mark.parametrize("username", ROLES)
def test_each_user_reads_only_the_own_choice(owner, username):
    seen, expected, total = seen_and_expected(
        owner, "pair_choices", username, "select user_id from pair_choices where user_id = %(uid)s", _SETUP)
    assert total >= 2
    assert seen == expected


def test_anonymous_reads_nothing(owner):
    assert visible_ids(owner, "pair_choices", None) == DENIED


def _works_in(owner, username: str, pair) -> bool:
    return pair in visible_ids(owner, "cooperations", username)


@pytest.mark.parametrize("username", (*ROLES, None))
def test_a_user_keeps_only_a_pair_they_work_in_and_only_for_themselves(owner, username):
    own = ("insert into pair_choices (user_id, cooperation_id) values (auth.uid(), %s)"
           " on conflict (user_id) do update set cooperation_id = excluded.cooperation_id, chosen_at = now()")
    expected = DENIED if username is None else 1 if _works_in(owner, username, _PAIR) else DENIED
    assert attempt(owner, username, own, (_PAIR,), _SETUP) == expected
    other = "insert into pair_choices (user_id, cooperation_id) values (%s, %s) on conflict do nothing"
    assert attempt(owner, username, other, (user_id("schulleitung2"), _PAIR), _SETUP) == DENIED


@pytest.mark.parametrize("username", (*ROLES, None))
def test_a_user_changes_and_deletes_only_the_own_choice(owner, username):
    others = "update pair_choices set chosen_at = now() where user_id <> auth.uid()"
    assert attempt(owner, username, others, None, _SETUP) in ((DENIED,) if username is None else (0,))
    delete = "delete from pair_choices"
    assert attempt(owner, username, delete, None, _SETUP) == (
        DENIED if username is None else 1 if username in ("lehrkraft", "ausbilder") else 0)


def test_a_trainer_cannot_point_the_own_choice_at_a_foreign_pair(owner):
    mine = visible_ids(owner, "cooperations", "ausbilder")
    foreign = next(i for (i,) in owner.execute("select id from cooperations order by id") if i not in mine)
    sql = "update pair_choices set cooperation_id = %s where user_id = auth.uid()"
    assert attempt(owner, "ausbilder", sql, (foreign,), _SETUP) == DENIED


def _refused_rows(owner) -> list[tuple]:
    return owner.execute("select actor_id, actor_role, table_name, row_id, apprentice_id, school_id from audit_log"
                         " where action = 'refused' order by id").fetchall()


@pytest.mark.parametrize("username", ROLES)
def test_every_signed_in_user_records_the_own_refused_view_and_nothing_more(owner, username):
    apprentice, school = owner.execute("select id, school_id from apprentices order by id limit 1").fetchone()
    before = len(_refused_rows(owner))
    with owner.transaction():
        act_as(owner, username)
        owner.execute("select public.record_refused_view('apprentices', %s)", (apprentice,))
        owner.execute("select public.record_refused_view('cooperations', %s)", (_PAIR,))
        owner.execute("select public.record_refused_view('risk_cases', gen_random_uuid())")  # no such case
        owner.execute("select set_config('role', 'none', true)")  # back to the owner, to read the trail
        rows = _refused_rows(owner)[before:]
        raise psycopg.Rollback()
    me = user_id(username)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [(me, "authenticated", kind, None)
                                                        for kind in ("apprentices", "cooperations", "risk_cases")]
    assert rows[0][3] == str(apprentice) and rows[0][5] == school  # the school's admin sees the attempt
    assert rows[2][5] is None


def test_an_unknown_kind_is_refused_and_anonymous_may_not_call_it(owner):
    with pytest.raises(psycopg.errors.InvalidParameterValue), owner.transaction():
        act_as(owner, "lehrkraft")
        owner.execute("select public.record_refused_view('app_users', %s)", (user_id("admin"),))
    assert attempt(owner, None, "select public.record_refused_view('apprentices', %s)", (user_id("admin"),)) \
        == DENIED
