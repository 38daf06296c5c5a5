"""Terms of use, their acceptance and consents for loaded data (demo seed and the Hessen generator).

Without them no trainer would see an apprentice (sql/016): every school publishes version 1 of the default terms,
every trainer accepts the terms of each school that administers one of their memberships, and every apprentice
gets a consent for all categories, given by the guardian when the apprentice was under 18 at the contract start.
Set-based and with ids derived from the rows, so that loading twice adds nothing twice. Owner rights; the caller's
transaction. The audit rows record what the school's admin and the trainers did, as the app would have.
"""

from __future__ import annotations

from datetime import date, timedelta

import psycopg

from leokop.services.privacy import DEFAULT_TERMS

_STATEMENTS = ("""
insert into public.terms_versions (id, school_id, version, body, published_at, published_by)
select md5('terms/' || s.id)::uuid, s.id, 1, %(body)s, %(published)s,
       (select min(m.user_id::text)::uuid from public.memberships m where m.school_id = s.id and m.role = 'admin')
from public.schools s
on conflict (school_id, version) do nothing
""", """
with added as (
  insert into public.terms_acceptances (user_id, school_id, version, accepted_at)
  select distinct m.user_id, m.school_id, 1, %(published)s + interval '9 days 10 hours'
  from public.memberships m where m.role = 'ausbilder' and m.active
  on conflict do nothing
  returning user_id, school_id, accepted_at
)
insert into public.audit_log (at, actor_id, actor_role, action, table_name, row_id, school_id)
select accepted_at, user_id, 'authenticated', 'insert', 'terms_acceptances', school_id::text, school_id from added
""", """
with added as (
  insert into public.consents (id, apprentice_id, legal_basis, categories, given_by, guardian_name, given_on,
                               recorded_by, recorded_at)
  select md5('consent/' || a.id)::uuid, a.id, 'einwilligung', array['grades', 'absences', 'teacher_notes'],
         case when minor then 'erziehungsberechtigte' else 'azubi' end,
         case when minor then 'Familie ' || a.last_name end,
         a.contract_start - 14,
         (select min(m.user_id::text)::uuid from public.memberships m
          where m.school_id = a.school_id and m.role = 'admin'),
         least(app_private.now(), (a.contract_start - 10) + time '09:00')
  from public.apprentices a
  cross join lateral (select a.birth_date > (a.contract_start - 14) - interval '18 years' as minor) age
  where a.anonymised_at is null
  on conflict (id) do nothing
  returning id, apprentice_id, recorded_by, recorded_at
)
insert into public.audit_log (at, actor_id, actor_role, action, table_name, row_id, apprentice_id, school_id)
select c.recorded_at, c.recorded_by, 'authenticated', 'insert', 'consents', c.id::text, c.apprentice_id, a.school_id
from added c join public.apprentices a on a.id = c.apprentice_id
""")


def load_privacy(conn: psycopg.Connection, published: date) -> None:
    """Terms (published on `published`), acceptances by every trainer and a consent for every apprentice."""
    for statement in _STATEMENTS:
        conn.execute(statement, {"body": DEFAULT_TERMS, "published": published})


# One apprentice of Lahntal's IM class at a company without a demo trainer withdrew the consent for teacher notes
# (Lahntal does not release them anyway): the admin page shows a revoked consent and its successor, and nothing any
# demo trainer sees changes.
REVOKED_FOR = ("lahntal", ("IM", 0, "a"), "gab")


def load_demo_privacy(conn: psycopg.Connection, today: date) -> None:
    """The demo's terms, acceptances and consents, plus one revoked consent (REVOKED_FOR)."""
    from leokop.demo.seed import _id, demo_class_id, school_year_start

    load_privacy(conn, date(school_year_start(today) - 3, 7, 1))
    school, (prefix, years_ago, suffix), company = REVOKED_FOR
    row = conn.execute(
        "select a.id, a.contract_start from public.apprentices a where a.class_id = %s and a.company_id = %s"
        " order by a.id limit 1",
        (demo_class_id(school, prefix, years_ago, suffix), _id("company", company)),
    ).fetchone()
    if row is None:
        return
    apprentice, start = row
    admin = _id("user", "admin2")
    revoked = conn.execute(
        "update public.consents set revoked_at = least(app_private.now(), %s::date + time '11:00'), revoked_by = %s,"
        " version = version + 1 where apprentice_id = %s and revoked_at is null"
        " and cardinality(categories) = 3 returning revoked_at",
        (start + timedelta(days=30), admin, apprentice),
    ).fetchone()
    if revoked is None:
        return  # loaded before: nothing twice
    conn.execute(
        "insert into public.consents (id, apprentice_id, legal_basis, categories, given_by, guardian_name, given_on,"
        " recorded_by, recorded_at)"
        " select %s, a.id, 'einwilligung', array['grades', 'absences'], c.given_by, c.guardian_name, %s::date, %s, %s"
        " from public.apprentices a join public.consents c on c.apprentice_id = a.id where a.id = %s limit 1"
        " on conflict do nothing",
        (_id("consent", f"{apprentice}/2"), revoked[0].date(), admin, revoked[0], apprentice),
    )
