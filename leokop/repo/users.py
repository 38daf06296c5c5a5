"""Users and memberships: the signed-in user's profile and the admin's user management."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

import pandas as pd
from psycopg import sql

from leokop.db.session import Database
from leokop.repo._query import fetch_df


@dataclass(frozen=True)
class Profile:
    user_id: UUID
    username: str
    display_name: str
    roles: frozenset[str]


def load_profile(db: Database, user_id: UUID) -> Profile | None:
    """The user's own row and active roles, read under the user's own RLS."""
    with db.user_tx(user_id) as conn:
        user = conn.execute(
            "select id, username, display_name from public.app_users where id = %s and active", (user_id,)
        ).fetchone()
        if not user:
            return None
        roles = conn.execute(
            "select distinct role::text as role from public.memberships where user_id = %s and active", (user_id,)
        ).fetchall()
    return Profile(user["id"], user["username"], user["display_name"], frozenset(r["role"] for r in roles))


def list_managed_users(db: Database, admin_id: UUID) -> pd.DataFrame:
    """Users holding a membership of the admin's schools, with their roles."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select u.id, u.username, u.display_name, u.email, u.active,
                   string_agg(distinct m.role::text, ', ' order by m.role::text) as roles
            from public.app_users u
            left join public.memberships m on m.user_id = u.id
            group by u.id
            order by u.display_name
            """,
        )


def list_memberships(db: Database, admin_id: UUID) -> pd.DataFrame:
    """Memberships administered by the admin's schools, with a readable scope and the user's id."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select m.id, m.user_id, u.username, u.display_name, m.role::text as role, s.name as school,
                   coalesce(k.name, co.name, cs.name || ' – ' || cc.name, s.name) as scope, m.active
            from public.memberships m
            join public.app_users u on u.id = m.user_id
            join public.schools s on s.id = m.school_id
            left join public.classes k on k.id = m.class_id
            left join public.companies co on co.id = m.company_id
            left join public.cooperations c on c.id = m.cooperation_id
            left join public.schools cs on cs.id = c.school_id
            left join public.companies cc on cc.id = c.company_id
            where m.school_id in (select app_private.school_ids_with_role('admin'))
            order by u.display_name, m.role
            """,
        )


def admin_school_ids(db: Database, admin_id: UUID) -> list[UUID]:
    with db.user_tx(admin_id) as conn:
        rows = conn.execute("select app_private.school_ids_with_role('admin') as id").fetchall()
    return [r["id"] for r in rows]


def scope_options(db: Database, admin_id: UUID) -> dict[str, pd.DataFrame]:
    """What an admin can grant: the schools, classes, cooperation companies and cooperations they administer."""
    with db.user_tx(admin_id) as conn:
        classes = fetch_df(
            conn,
            """
            select k.id, k.school_id, k.name || ' (' || s.name || ')' as label
            from public.classes k join public.schools s on s.id = k.school_id
            where k.school_id in (select app_private.school_ids_with_role('admin'))
            order by k.name
            """,
        )
        companies = fetch_df(
            conn,
            """
            select co.id, c.school_id, co.name || ' (' || s.name || ')' as label
            from public.cooperations c
            join public.companies co on co.id = c.company_id
            join public.schools s on s.id = c.school_id
            where c.school_id in (select app_private.school_ids_with_role('admin'))
            order by co.name
            """,
        )
        pairs = fetch_df(
            conn,
            """
            select c.id, c.school_id, s.name || ' ↔ ' || co.name as label
            from public.cooperations c
            join public.companies co on co.id = c.company_id
            join public.schools s on s.id = c.school_id
            where c.school_id in (select app_private.school_ids_with_role('admin'))
            order by s.name, co.name
            """,
        )
        schools = fetch_df(
            conn,
            """
            select s.id, s.id as school_id, s.name as label from public.schools s
            where s.id in (select app_private.school_ids_with_role('admin')) order by s.name
            """,
        )
    return {"class": classes, "company": companies, "cooperation": pairs, "school": schools}


def create_user_with_membership(
    db: Database,
    admin_id: UUID,
    *,
    username: str,
    display_name: str,
    email: str | None,
    password_hash: str,
    role: str,
    scope: dict[str, UUID | None],
) -> UUID:
    """Create user, first membership and password in one transaction (all or nothing)."""
    user_id = uuid4()
    with db.user_tx(admin_id) as conn:
        conn.execute(
            "insert into public.app_users (id, username, display_name, email) values (%s, %s, %s, %s)",
            (user_id, username, display_name, email),
        )
        _insert_membership(conn, user_id, role, scope)
        conn.execute("select public.admin_set_password(%s, %s)", (user_id, password_hash))
    return user_id


class MembershipExists(Exception):
    """The user already holds exactly this membership: nothing was written."""


class NotManaged(Exception):
    """The account or membership is not one the admin manages (or it is gone): nothing was written."""


def add_membership(db: Database, admin_id: UUID, *, user_id: UUID, role: str, scope: dict[str, UUID | None]) -> bool:
    """Grant a role; MembershipExists (the transaction rolled back) when the user already holds exactly it."""
    with db.user_tx(admin_id) as conn:
        if not _insert_membership(conn, user_id, role, scope):
            raise MembershipExists
        return True


def _insert_membership(conn, user_id: UUID, role: str, scope: dict[str, UUID | None]) -> bool:
    cur = conn.execute(
        """
        insert into public.memberships (user_id, role, school_id, class_id, company_id, cooperation_id)
        values (%(user_id)s, %(role)s, %(school_id)s, %(class_id)s, %(company_id)s, %(cooperation_id)s)
        on conflict on constraint memberships_unique do nothing
        """,
        {"user_id": user_id, "role": role, **scope},
    )
    return cur.rowcount == 1


def username_taken(db: Database, admin_id: UUID, username: str) -> bool:
    """Whether the name is in use anywhere (checked through a definer function: other schools' users are hidden)."""
    with db.user_tx(admin_id) as conn:
        return conn.execute("select public.username_taken(%s) as taken", (username,)).fetchone()["taken"]


def set_user_active(db: Database, admin_id: UUID, user_id: UUID, active: bool) -> bool:
    """Activate or deactivate; NotManaged (rolled back) when the user is not one the admin manages."""
    return _set_active(db, admin_id, "app_users", user_id, active)


def set_membership_active(db: Database, admin_id: UUID, membership_id: UUID, active: bool) -> bool:
    """Activate or deactivate a membership; NotManaged (rolled back) when the admin does not manage it."""
    return _set_active(db, admin_id, "memberships", membership_id, active)


def _set_active(db: Database, admin_id: UUID, table: str, row_id: UUID, active: bool) -> bool:
    with db.user_tx(admin_id) as conn:
        cur = conn.execute(sql.SQL("update {} set active = %s where id = %s").format(sql.Identifier("public", table)),
                           (active, row_id))
        if cur.rowcount != 1:
            raise NotManaged
        return True
