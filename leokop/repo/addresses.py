"""What an address needs from the database: the refused view of an id the user may not see (sql/042), the pair the
user chose last (kept across sessions) and the pair that needs attention first."""

from __future__ import annotations

from uuid import UUID

from leokop.db.session import Database

REFUSED_KINDS = ("apprentices", "cooperations", "risk_cases")


def record_refused_view(db: Database, user_id: UUID, kind: str, ident: UUID) -> None:
    """Record in the audit trail that the user opened an address naming an id they may not see."""
    with db.user_tx(user_id) as conn:
        conn.execute("select public.record_refused_view(%s, %s)", (kind, ident))


def remembered_pair(db: Database, user_id: UUID) -> UUID | None:
    """The pair the user chose last (on any device), or None."""
    with db.user_tx(user_id) as conn:
        row = conn.execute("select cooperation_id from public.pair_choices where user_id = %s",
                           (user_id,)).fetchone()
    return row["cooperation_id"] if row else None


def remember_pair(db: Database, user_id: UUID, cooperation_id: UUID) -> None:
    """Keep this pair as the user's last choice (RLS refuses a pair the user does not work in)."""
    with db.user_tx(user_id) as conn:
        conn.execute(
            "insert into public.pair_choices (user_id, cooperation_id, chosen_at) values (%s, %s, now())"
            " on conflict (user_id) do update set cooperation_id = excluded.cooperation_id, chosen_at = now()",
            (user_id, cooperation_id))


def pair_needing_attention(db: Database, user_id: UUID, cooperation_ids: list[UUID]) -> UUID | None:
    """Among these pairs, the one that needs attention first: the most open cases, then the most critical flags,
    then the most warning signs (open flags); None when none has any. Counted from the user's apprentices (the
    set the policies allow, as the start of the plan)."""
    with db.user_tx(user_id) as conn:
        row = conn.execute(
            """
            with mine as (select app_private.pair_apprentice_ids() as id),
            pairs as (
              select c.id, a.id as apprentice_id
              from public.cooperations c
              join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
              where c.id = any(%s) and a.id in (select id from mine)
            ),
            counted as (
              select p.id,
                     (select count(*) from public.risk_cases r
                      where r.apprentice_id = any(array_agg(p.apprentice_id)) and r.status <> 'erledigt') as cases,
                     (select count(*) filter (where f.severity = 'kritisch') from public.risk_flags f
                      where f.apprentice_id = any(array_agg(p.apprentice_id)) and f.cleared_at is null) as critical,
                     (select count(*) from public.risk_flags f
                      where f.apprentice_id = any(array_agg(p.apprentice_id)) and f.cleared_at is null) as flags
              from pairs p group by p.id
            )
            select id from counted where cases + critical + flags > 0
            order by cases desc, critical desc, flags desc, id
            limit 1
            """,
            (list(cooperation_ids),),
        ).fetchone()
    return row["id"] if row else None
