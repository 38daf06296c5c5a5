"""app_private's functions are granted by name (sql/031): a signed-in user executes only the helpers that the
policies and the user's own reads need, never the retention job's, the audit's or the e-mail lookup's."""

from __future__ import annotations

import psycopg
import pytest

from tests.helpers import act_as, school_id

ROLES = ("anon", "authenticated", "leokop_app", "leokop_worker", "leokop_service")

# Reviewed: who may execute which app_private function. Anything not listed may be executed by none of ROLES; a new
# function without an entry here fails test_app_private_grants_are_the_reviewed_ones.
ALLOWED = {
    **{f"app_private.{name}": {"authenticated"} for name in (
        "admin_apprentice_ids()", "admin_class_ids()", "admin_company_ids()", "company_side_apprentice_ids()",
        "editable_project_ids()", "is_admin_anywhere()", "managed_user_ids()", "material_is_editable(uuid)",
        "material_is_visible(uuid)",
        "my_class_ids(boolean)", "my_membership_school_ids()", "my_unassigned_user_ids()", "overseen_school_ids()",
        "pair_apprentice_ids()", "readable_apprentice_ids(text)", "released_company_side_ids(text)",
        "school_ids_with_role(app_role)", "school_side_apprentice_ids()", "school_side_class_ids()",
        "visible_company_ids()", "visible_cooperation_ids()", "visible_project_ids()", "work_class_ids()",
        "work_school_occupations()", "working_cooperation_ids()")},
    "app_private.today()": {"authenticated", "leokop_service"},
    "app_private.now()": {"authenticated", "leokop_service"},
    "app_private.pair_emails(uuid)": {"leokop_service"},
}


def _matrix(owner) -> dict[str, set[str]]:
    rows = owner.execute(
        """select p.oid::regprocedure::text, r.rolname from pg_proc p
           join pg_namespace n on n.oid = p.pronamespace cross join pg_roles r
           where n.nspname = 'app_private' and r.rolname = any(%s)
             and has_function_privilege(r.oid, p.oid, 'execute')""", (list(ROLES),)).fetchall()
    matrix: dict[str, set[str]] = {}
    for signature, role in rows:
        matrix.setdefault(signature, set()).add(role)
    return matrix


def test_app_private_grants_are_the_reviewed_ones(owner):
    granted = _matrix(owner)
    every = {s for (s,) in owner.execute(
        "select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
        " where n.nspname = 'app_private'")}
    assert {s: granted.get(s, set()) for s in every} == {s: ALLOWED.get(s, set()) for s in every}


def _lahntal_apprentice(owner):
    return owner.execute("select id from apprentices where school_id = %s order by id limit 1",
                         (school_id("lahntal"),)).fetchone()[0]


@pytest.mark.parametrize("call", [
    "select app_private.anonymise_apprentice(%s)",
    "select * from app_private.pair_emails(%s)",
    "select app_private.audit_event('view', %s, 'lehrkraft')",
    "select * from app_private.retention_due(date '2036-01-01' + 0 * length(%s::text))",
])
def test_a_signed_in_user_cannot_call_the_private_jobs(owner, call):
    apprentice = _lahntal_apprentice(owner)
    audit_rows = owner.execute("select count(*) from audit_log").fetchone()[0]
    act_as(owner, "ausbilder2")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        owner.execute(call, (apprentice,))
    owner.rollback()
    assert owner.execute("select count(*) from audit_log").fetchone()[0] == audit_rows
    assert owner.execute("select anonymised_at from apprentices where id = %s", (apprentice,)).fetchone()[0] is None
