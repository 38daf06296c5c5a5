"""The RLS helpers rewritten for speed in sql/013 return the same sets as their first definitions (004, 010)."""

from __future__ import annotations

import json

import pytest

from tests.helpers import user_id

USERS = ["lehrkraft", "lehrkraft2", "koordination", "ausbilder", "ausbilder2", "ausbilder3", "schulleitung",
         "schulleitung2", "admin", "admin2"]

# The bodies as 004 and 010 defined them (OR over whole tables), run as the owner with the user's claims.
_ORIGINAL = {
    "visible_cooperation_ids": """
      select c.id from public.cooperations c
      join app_private.my_pairs() p on p.school_id = c.school_id and p.company_id = c.company_id
      union
      select c.id from public.apprentices a
      join public.cooperations c on c.school_id = a.school_id and c.company_id = a.company_id
      where a.class_id in (select app_private.teacher_class_ids())
      union
      select c.id from public.cooperations c
      where c.school_id in (select app_private.school_ids_with_role('admin'))
         or c.school_id in (select app_private.school_ids_with_role('schulleitung'))""",
    "classes_of_my_pairs": """
      select distinct a.class_id from public.apprentices a
      where (a.school_id, a.company_id) in (select p.school_id, p.company_id from app_private.my_pairs() p)""",
    "school_side_apprentice_ids": """
      select a.id from public.apprentices a
      where a.class_id in (select app_private.teacher_class_ids())
         or a.school_id in (select app_private.school_ids_with_role('admin'))
      union
      select a.id from public.apprentices a
      join app_private.active_memberships() m on m.role = 'lehrkraft' and m.cooperation_id is not null
      join public.cooperations c on c.id = m.cooperation_id
      where a.school_id = c.school_id and a.company_id = c.company_id""",
    "company_side_apprentice_ids": """
      select a.id from public.apprentices a
      join app_private.active_memberships() m on m.role = 'ausbilder'
      left join public.cooperations c on c.id = m.cooperation_id
      where (m.company_id = a.company_id and m.school_id = a.school_id)
         or (c.school_id = a.school_id and c.company_id = a.company_id)""",
    "visible_company_ids": """
      select c.company_id from public.cooperations c
      where c.id in (select app_private.visible_cooperation_ids())""",
    "admin_company_ids": """
      select c.company_id from public.cooperations c
      where c.school_id in (select app_private.school_ids_with_role('admin'))""",
}


def _with_claims(owner, username: str) -> None:
    claims = json.dumps({"sub": str(user_id(username)), "role": "authenticated"})
    owner.execute("select set_config('request.jwt.claims', %s, true)", (claims,))


@pytest.mark.parametrize("function", sorted(_ORIGINAL))
@pytest.mark.parametrize("username", USERS)
def test_rewritten_helper_returns_the_original_set(owner, function, username):
    _with_claims(owner, username)
    rewritten = {r[0] for r in owner.execute(f"select app_private.{function}()").fetchall()}
    original = {r[0] for r in owner.execute(_ORIGINAL[function]).fetchall()}
    assert rewritten == original


def test_the_comparison_sees_real_sets(owner):
    """Guard against comparing empty sets: the teacher and the trainer each see apprentices."""
    for username, function in [("lehrkraft", "school_side_apprentice_ids"),
                               ("ausbilder", "company_side_apprentice_ids"),
                               ("admin", "visible_cooperation_ids")]:
        _with_claims(owner, username)
        assert owner.execute(f"select count(*) as n from app_private.{function}()").fetchone()[0] > 0
