"""The personal calendar feed (sql/035): the user's subscription, the route's token lookup, and the events a feed
or a pair's download holds, read as the user (row-level security decides)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

import psycopg

from leokop.db.session import Database
from leokop.repo._query import StaleWrite


def token_hash(token: str) -> str:
    """What the database keeps of a token: its sha256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A token of 256 random bits, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Feed:
    """The user's live feed (the token itself is never stored)."""
    id: UUID
    with_names: bool
    created_at: datetime


@dataclass(frozen=True)
class Owner:
    """Who a token belongs to, and what the feed last served."""
    feed_id: UUID
    user_id: UUID
    with_names: bool
    etag: str | None
    changed_at: datetime | None


def live_feed(db: Database, user_id: UUID) -> Feed | None:
    with db.user_tx(user_id) as conn:
        row = conn.execute("select id, with_names, created_at from public.calendar_feeds"
                           " where user_id = %s and revoked_at is null", (user_id,)).fetchone()
    return Feed(row["id"], row["with_names"], row["created_at"]) if row else None


def last_revoked(db: Database, user_id: UUID) -> datetime | None:
    """When the user's last feed stopped working (for the form's conflict message)."""
    with db.user_tx(user_id) as conn:
        return conn.execute("select max(revoked_at) as at from public.calendar_feeds where user_id = %s",
                            (user_id,)).fetchone()["at"]


def _revoke(conn: psycopg.Connection, user_id: UUID, expected: UUID | None) -> None:
    """Revoke the live feed, which must be `expected` (None: there must be none)."""
    live = conn.execute("select id from public.calendar_feeds where user_id = %s and revoked_at is null for update",
                        (user_id,)).fetchone()
    if (live["id"] if live else None) != expected:
        raise StaleWrite("calendar feed changed meanwhile")
    if live:
        conn.execute("update public.calendar_feeds set revoked_at = now() where id = %s", (live["id"],))


def create(db: Database, user_id: UUID, *, with_names: bool, replacing: UUID | None) -> str:
    """A new feed (revoking `replacing`, the live one the form was drawn from); returns the token, shown once."""
    token = new_token()
    with db.user_tx(user_id) as conn:
        _revoke(conn, user_id, replacing)
        conn.execute("insert into public.calendar_feeds (token_sha256, with_names) values (%s, %s)",
                     (token_hash(token), with_names))
    return token


def revoke(db: Database, user_id: UUID, feed_id: UUID) -> None:
    with db.user_tx(user_id) as conn:
        _revoke(conn, user_id, feed_id)


def set_names(db: Database, user_id: UUID, feed_id: UUID, with_names: bool) -> None:
    with db.user_tx(user_id) as conn:
        if conn.execute("update public.calendar_feeds set with_names = %s where id = %s and revoked_at is null",
                        (with_names, feed_id)).rowcount != 1:
            raise StaleWrite("calendar feed changed meanwhile")


# --- the route (as the app's login role, before any user is known) ---------------------------------------------


def owner_of(db: Database, token: str) -> Owner | None:
    """The live feed of an active user that `token` opens, or None."""
    with db.login_tx() as conn:
        row = conn.execute("select * from app_auth.calendar_feed_owner(%s)", (token_hash(token),)).fetchone()
    if row is None:
        return None
    return Owner(row["feed_id"], row["user_id"], row["with_names"], row["content_etag"], row["content_changed_at"])


def served(db: Database, token: str, etag: str) -> datetime | None:
    """Record that the feed serves content `etag`; the moment its content last changed (None: feed gone)."""
    with db.login_tx() as conn:
        row = conn.execute("select app_auth.calendar_feed_served(%s, %s) as at", (token_hash(token), etag)).fetchone()
    return row["at"] if row else None


# --- the events, as the user ------------------------------------------------------------------------------------


def school_holidays(conn: psycopg.Connection, school_ids: list[UUID], start: date, end: date) -> list[dict]:
    """The school holidays and own days off of these schools between start and end, from the one school calendar
    (sql/034): id, kind (ferien, schulfrei), name, starts_on, ends_on. Public holidays stay out: every calendar
    program has them already."""
    return conn.execute(
        """
        select distinct c.id, c.kind, c.name, c.starts_on, c.ends_on
        from public.school_calendar c
        where c.school_id = any(%(schools)s) and c.kind in ('ferien', 'schulfrei')
          and c.ends_on >= %(start)s and c.starts_on <= %(end)s
        """,
        {"schools": school_ids, "start": start, "end": end},
    ).fetchall()


# The user's working pairs (or one of them), their active apprentices as the user sees them, and every dated row of
# those pairs. `source` is the table a row comes from: with `id` it makes the event's stable UID.
_EVENTS = """
with pairs as (
  select c.id, c.school_id, c.company_id, s.name as school, co.name as company
  from public.cooperations c
  join public.schools s on s.id = c.school_id
  join public.companies co on co.id = c.company_id
  where c.active and c.id in (select app_private.working_cooperation_ids())
    and (%(coop)s::uuid is null or c.id = %(coop)s::uuid)
),
people as materialized (
  select a.id, a.first_name, a.last_name, a.class_id, p.id as coop_id
  from pairs p join public.apprentices a on a.school_id = p.school_id and a.company_id = p.company_id
  where a.status = 'aktiv'
),
classes as (
  select k.id, k.name from public.classes k where k.id in (select class_id from people)
)
select 'school_blocks' as source, b.id, 'schulblock' as kind, k.name as title, null::text as detail,
       b.starts_on, b.ends_on, null::text as person
from public.school_blocks b join classes k on k.id = b.class_id
where b.ends_on >= %(start)s and b.starts_on <= %(end)s
union all
select 'exams', e.id, 'pruefung', e.kind::text, k.name, e.starts_on, e.ends_on, null
from public.exams e join classes k on k.id = e.class_id
where e.ends_on >= %(start)s and e.starts_on <= %(end)s
union all
select 'company_phases', f.id, 'phase', f.title, k.name, f.starts_on, f.ends_on,
       case when %(names)s then a.first_name || ' ' || a.last_name end
from public.company_phases f join people a on a.id = f.apprentice_id join classes k on k.id = a.class_id
where f.ends_on >= %(start)s and f.starts_on <= %(end)s
union all
select 'joint_dates', j.id, 'termin', j.title, p.school || ' – ' || p.company, j.on_date, j.on_date, null
from public.joint_dates j join pairs p on p.id = j.cooperation_id
where j.on_date between %(start)s and %(end)s
union all
select distinct 'project_milestones', ms.id, 'meilenstein', pr.title || ': ' || ms.title, null::text,
       ms.due_on, ms.due_on, null::text
from public.project_cooperations pc
join public.projects pr on pr.id = pc.project_id
join public.project_milestones ms on ms.project_id = pc.project_id
where pc.cooperation_id in (select id from pairs) and ms.due_on between %(start)s and %(end)s
"""


def events(db: Database, user_id: UUID, start: date, end: date, *, with_names: bool,
           cooperation_id: UUID | None = None) -> list[dict]:
    """The dated rows of the user's working pairs (or of one pair) between start and end, as the user may see them
    now, each once; with the holidays of the pairs' schools. Apprentice names only `with_names`."""
    with db.user_tx(user_id) as conn:
        rows = conn.execute(_EVENTS, {"coop": cooperation_id, "start": start, "end": end,
                                      "names": with_names}).fetchall()
        schools = [r["school_id"] for r in conn.execute(
            "select distinct c.school_id from public.cooperations c where c.active"
            " and c.id in (select app_private.working_cooperation_ids())"
            " and (%(coop)s::uuid is null or c.id = %(coop)s::uuid)"
            " and exists (select 1 from public.apprentices a where a.school_id = c.school_id"
            " and a.company_id = c.company_id and a.status = 'aktiv')", {"coop": cooperation_id}).fetchall()]
        holidays = school_holidays(conn, schools, start, end) if schools else []
    seen: set[tuple[str, UUID]] = set()
    found: list[dict] = []
    for row in rows:
        if (row["source"], row["id"]) not in seen:  # a class's block reached through two pairs is one event
            seen.add((row["source"], row["id"]))
            found.append(dict(row))
    found += [{"source": "school_holidays" if h["kind"] == "ferien" else "school_days_off", "id": h["id"],
               "kind": h["kind"], "title": h["name"], "detail": None,
               "starts_on": h["starts_on"], "ends_on": h["ends_on"], "person": None} for h in holidays]
    return found
