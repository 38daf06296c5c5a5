"""Shared materials: library search per cooperation, sharing, versions, comments, audit trail, download.

Every write is one transaction; file bytes go through the configured `Storage` inside it, so a failed write
leaves no material and no version behind (and an object already sent to a bucket is removed again).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

import pandas as pd
import psycopg
from psycopg import sql

from leokop.db.session import Database
from leokop.repo._query import expect_one, fetch_df

if TYPE_CHECKING:  # what the service checked about a file; the repo only stores it
    from leokop.services.materials import FileInfo
from leokop.storage import Storage

LIBRARY_LIMIT = 200  # a page shows the newest 200 hits; the search narrows further


class NotVisible(Exception):
    """The cooperation or material is not one the user may see: nothing was written."""


@dataclass(frozen=True)
class Sharing:
    """Where a material is shared and what it is about."""
    cooperation_id: UUID
    occupation_id: UUID
    scope: str
    class_id: UUID | None
    title: str
    description: str | None
    tags: list[str]
    learning_field_ids: list[UUID]
    position_ids: list[UUID]


@dataclass(frozen=True)
class Download:
    filename: str
    mime: str
    data: bytes


@contextmanager
def _with_storage(db: Database, storage: Storage, user_id: UUID) -> Iterator[tuple[psycopg.Connection, list]]:
    """A user transaction whose storage writes are undone when it fails."""
    written: list[str | None] = []
    try:
        with db.user_tx(user_id) as conn:
            yield conn, written
    except BaseException:
        for key in written:
            storage.discard(key)
        raise


def _store_version(conn: psycopg.Connection, storage: Storage, written: list, user_id: UUID, material_id: UUID,
                   number: int, info: FileInfo, data: bytes, note: str | None) -> None:
    version_id = uuid4()
    key = storage.key_for(material_id, version_id)
    conn.execute(
        "insert into public.material_versions (id, material_id, number, filename, mime, size_bytes, sha256,"
        " storage_key, note, created_by) values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (version_id, material_id, number, info.filename, info.mime, info.size, info.sha256, key, note, user_id),
    )
    written.append(key)
    storage.write(conn, version_id, key, data, info.mime)


def _insert_material(conn: psycopg.Connection, user_id: UUID, sharing: Sharing, kind: str, url: str | None,
                     current_version: int) -> UUID:
    material_id = uuid4()  # no RETURNING: the new row is not yet visible to the policy's helper in this statement
    cur = conn.execute(
        """
        insert into public.materials (id, cooperation_id, school_id, occupation_id, scope, class_id, kind, title,
                                      description, url, tags, current_version, owner_id)
        select %s, c.id, c.school_id, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s
        from public.cooperations c where c.id = %s
        """,
        (material_id, sharing.occupation_id, sharing.scope, sharing.class_id, kind, sharing.title.strip(),
         sharing.description or None, url, sharing.tags, current_version, user_id, sharing.cooperation_id),
    )
    if cur.rowcount != 1:
        raise NotVisible
    for table, column, ids in (("material_learning_fields", "learning_field_id", sharing.learning_field_ids),
                               ("material_positions", "training_position_id", sharing.position_ids)):
        if ids:
            conn.execute(f"insert into public.{table} (material_id, {column}, occupation_id)"
                         f" select %s, unnest(%s::uuid[]), %s", (material_id, list(ids), sharing.occupation_id))
    return material_id


def share_file(db: Database, storage: Storage, user_id: UUID, sharing: Sharing, info: FileInfo, data: bytes) -> UUID:
    """A new material with its first version; all or nothing."""
    with _with_storage(db, storage, user_id) as (conn, written):
        material_id = _insert_material(conn, user_id, sharing, info.kind, None, 1)
        _store_version(conn, storage, written, user_id, material_id, 1, info, data, None)
        return material_id


def share_link(db: Database, user_id: UUID, sharing: Sharing, url: str) -> UUID:
    with db.user_tx(user_id) as conn:
        return _insert_material(conn, user_id, sharing, "link", url.strip(), 0)


def add_version(db: Database, storage: Storage, user_id: UUID, material_id: UUID, seen_version: int,
                info: FileInfo, data: bytes, note: str | None) -> int:
    """Upload a new version against the material's version the user saw; StaleWrite when it moved on."""
    with _with_storage(db, storage, user_id) as (conn, written):
        row = expect_one(conn.execute(
            "update public.materials set current_version = current_version + 1, version = version + 1, kind = %s"
            " where id = %s and version = %s and kind <> 'link' and withdrawn_at is null"
            " returning current_version",
            (info.kind, material_id, seen_version)))
        _store_version(conn, storage, written, user_id, material_id, row["current_version"], info, data, note)
        return row["current_version"]


def add_comment(db: Database, user_id: UUID, material_id: UUID, body: str) -> None:
    with db.user_tx(user_id) as conn:
        conn.execute("insert into public.material_comments (material_id, author_id, body) values (%s, %s, %s)",
                     (material_id, user_id, body.strip()))


@dataclass(frozen=True)
class MaterialEdit:
    """What the edit form saves: the description, the audience (scope and class) and the topics."""
    title: str
    description: str | None
    tags: list[str]
    scope: str
    class_id: UUID | None
    learning_field_ids: list[UUID]
    position_ids: list[UUID]


def update_material(db: Database, user_id: UUID, material_id: UUID, seen_version: int, change: MaterialEdit) -> None:
    """The description, audience and topics in one transaction, against the version the user saw: StaleWrite when
    the material changed (a new version, an edit) or was withdrawn meanwhile. The database refuses (42501) anyone
    but the owner and the school's admin, and an audience the editor could not have shared for."""
    with db.user_tx(user_id) as conn:
        row = expect_one(conn.execute(
            "update public.materials set title = %s, description = %s, tags = %s, scope = %s::public.material_scope,"
            " class_id = %s, version = version + 1 where id = %s and version = %s and withdrawn_at is null"
            " returning occupation_id",
            (change.title.strip(), change.description, change.tags, change.scope, change.class_id, material_id,
             seen_version)))
        for table, column, ids in (("material_learning_fields", "learning_field_id", change.learning_field_ids),
                                   ("material_positions", "training_position_id", change.position_ids)):
            names = {"table": sql.Identifier("public", table), "column": sql.Identifier(column)}
            conn.execute(sql.SQL("delete from {table} where material_id = %s and not ({column} = any(%s::uuid[]))")
                         .format(**names), (material_id, list(ids)))
            conn.execute(sql.SQL("insert into {table} (material_id, {column}, occupation_id)"
                                 " select %s, x, %s from unnest(%s::uuid[]) x on conflict do nothing")
                         .format(**names), (material_id, row["occupation_id"], list(ids)))


def withdraw(db: Database, user_id: UUID, material_id: UUID, seen_version: int) -> None:
    """Hide the material (owner or the school's admin; the database refuses anyone else)."""
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute(
            "update public.materials set withdrawn_at = now(), withdrawn_by = %s, version = version + 1"
            " where id = %s and version = %s returning id", (user_id, material_id, seen_version)))


def library(db: Database, user_id: UUID, cooperation_id: UUID, *, query: str | None = None,
            learning_field_id: UUID | None = None, kind: str | None = None) -> pd.DataFrame:
    """Materials for one cooperation, newest first: shared in it, for one of its classes, or for an occupation of
    its apprentices at its school. Three disjoint branches, each an index lookup of the pair with the filters
    applied inside it (no re-join over the whole table); RLS decides what of it the user sees. The German
    full-text search (websearch syntax, stemming: "Rechnungen" finds "Rechnung") runs on those rows."""
    filters, params = ["m.withdrawn_at is null"], {"coop": cooperation_id, "limit": LIBRARY_LIMIT}
    if query and query.strip():
        filters.append("m.search @@ websearch_to_tsquery('german', %(q)s)")
        params["q"] = query.strip()
    if learning_field_id:
        filters.append("exists (select 1 from public.material_learning_fields x"
                       " where x.material_id = m.id and x.learning_field_id = %(lf)s)")
        params["lf"] = learning_field_id
    if kind:
        filters.append("m.kind = %(kind)s::public.material_kind")
        params["kind"] = kind
    where = " and ".join(filters)
    columns = "m.id, m.title, m.description, m.kind, m.scope, m.tags, m.url, m.current_version, m.created_at," \
              " m.version, m.owner_id"
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            f"""
            with coop as (select id, school_id, company_id from public.cooperations where id = %(coop)s),
            coop_classes as (
              select distinct a.class_id, a.occupation_id from public.apprentices a
              join coop c on c.school_id = a.school_id and c.company_id = a.company_id),
            hits as (
              select {columns} from public.materials m where m.cooperation_id = %(coop)s and {where}
              union all
              select {columns} from public.materials m
              where m.class_id in (select class_id from coop_classes) and m.scope = 'klasse'
                and m.cooperation_id <> %(coop)s and {where}
              union all
              select {columns} from public.materials m
              where m.school_id = (select school_id from coop) and m.scope = 'beruf_schule'
                and m.occupation_id in (select occupation_id from coop_classes)
                and m.cooperation_id <> %(coop)s and {where}
              order by created_at desc
              limit %(limit)s)
            select h.id, h.title, h.description, h.kind::text as kind, h.scope::text as scope, h.tags, h.url,
                   h.current_version, h.created_at, h.version, public.user_display_name(h.owner_id) as owner,
                   (select string_agg(lf.code, ', ' order by lf.sort_order)
                    from public.material_learning_fields x join public.learning_fields lf
                      on lf.id = x.learning_field_id where x.material_id = h.id) as lf_codes
            from hits h
            order by h.created_at desc
            """,
            params,
        )


def material(db: Database, user_id: UUID, material_id: UUID) -> dict | None:
    """One material with its owner; None when the user may not see it."""
    with db.user_tx(user_id) as conn:
        return conn.execute(
            """
            select m.*, m.kind::text as kind, m.scope::text as scope, public.user_display_name(m.owner_id) as owner,
                   k.name as class_name, o.name as occupation, public.user_display_name(m.updated_by) as changed_by,
                   array(select x.learning_field_id from public.material_learning_fields x
                         join public.learning_fields lf on lf.id = x.learning_field_id
                         where x.material_id = m.id order by lf.sort_order) as learning_field_ids,
                   array(select x.training_position_id from public.material_positions x
                         join public.training_positions tp on tp.id = x.training_position_id
                         where x.material_id = m.id order by tp.sort_order) as position_ids,
                   (select string_agg(lf.code || ' ' || lf.title, ', ' order by lf.sort_order)
                    from public.material_learning_fields x join public.learning_fields lf on lf.id = x.learning_field_id
                    where x.material_id = m.id) as learning_field_labels,
                   (select string_agg(tp.number || ' ' || tp.title, ', ' order by tp.sort_order)
                    from public.material_positions x join public.training_positions tp on tp.id = x.training_position_id
                    where x.material_id = m.id) as position_labels
            from public.materials m
            left join public.classes k on k.id = m.class_id
            join public.occupations o on o.id = m.occupation_id
            where m.id = %s
            """,
            (material_id,),
        ).fetchone()


def may_edit(db: Database, user_id: UUID, material_id: UUID) -> bool:
    """Whether the user may edit the material's description and audience, or withdraw it: the owner or an admin of
    the material's school (the guard of sql/015 and sql/039 enforces the same)."""
    with db.user_tx(user_id) as conn:
        return conn.execute(
            "select exists (select 1 from public.materials m where m.id = %(m)s and m.withdrawn_at is null"
            " and (m.owner_id = %(u)s or m.school_id in (select app_private.school_ids_with_role('admin')))) as ok",
            {"m": material_id, "u": user_id}).fetchone()["ok"]


def topic_labels(conn: psycopg.Connection, owner: str, owner_id: UUID) -> pd.DataFrame:
    """The Lernfelder, then the Berufsbildpositionen, that a "material" or a "project" is about, as labels
    (from the tables <owner>_learning_fields and <owner>_positions)."""
    names = {"fields": sql.Identifier("public", f"{owner}_learning_fields"),
             "positions": sql.Identifier("public", f"{owner}_positions"), "key": sql.Identifier(f"{owner}_id")}
    return fetch_df(conn, sql.SQL("""
        select lf.code || ' ' || lf.title as label from {fields} x
        join public.learning_fields lf on lf.id = x.learning_field_id where x.{key} = %(id)s
        union all
        select tp.number || ' ' || tp.title from {positions} x
        join public.training_positions tp on tp.id = x.training_position_id where x.{key} = %(id)s""").format(**names),
        {"id": owner_id})


def material_details(db: Database, user_id: UUID, material_id: UUID) -> dict[str, pd.DataFrame]:
    """Versions, comments, the audit trail and the Lernfelder/Berufsbildpositionen of a material."""
    with db.user_tx(user_id) as conn:
        p = {"m": material_id}
        return {
            "versions": fetch_df(conn, """
                select v.id, v.number, v.filename, v.mime, v.size_bytes, v.note, v.created_at,
                       public.user_display_name(v.created_by) as author
                from public.material_versions v
                where v.material_id = %(m)s order by v.number desc""", p),
            "comments": fetch_df(conn, """
                select c.body, c.created_at, public.user_display_name(c.author_id) as author
                from public.material_comments c
                where c.material_id = %(m)s order by c.created_at""", p),
            "events": fetch_df(conn, """
                select e.at, public.user_display_name(e.actor_id) as actor, e.action, e.detail
                from public.material_events e
                where e.material_id = %(m)s order by e.at desc, e.id desc""", p),
            "topics": topic_labels(conn, "material", material_id),
        }


def download(db: Database, storage: Storage, user_id: UUID, version_id: UUID) -> Download | None:
    """The bytes of one version, or None: the version row is read as the user first, so RLS decides."""
    with db.user_tx(user_id) as conn:
        row = conn.execute("select filename, mime, storage_key from public.material_versions where id = %s",
                           (version_id,)).fetchone()
        if row is None:
            return None
        data = storage.read(conn, version_id, row["storage_key"])
        return None if data is None else Download(row["filename"], row["mime"], data)


def share_options(db: Database, user_id: UUID, cooperation_id: UUID) -> dict[str, pd.DataFrame]:
    """What the share form offers for a cooperation: its occupations and classes (of the apprentices the user sees)
    and the Lernfelder and Berufsbildpositionen of those occupations."""
    with db.user_tx(user_id) as conn:
        p = {"coop": cooperation_id}
        classes = fetch_df(conn, """
            select distinct k.id, k.name, k.occupation_id, o.name as occupation
            from public.cooperations c
            join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
            join public.classes k on k.id = a.class_id
            join public.occupations o on o.id = k.occupation_id
            where c.id = %(coop)s order by k.name""", p)
        occupations = list({*classes["occupation_id"]}) if not classes.empty else []
        q = {"occ": occupations}
        return {
            "classes": classes,
            "learning_fields": fetch_df(conn, """
                select id, occupation_id, code, title from public.learning_fields
                where occupation_id = any(%(occ)s::uuid[]) order by occupation_id, sort_order""", q),
            "positions": fetch_df(conn, """
                select id, occupation_id, number, title from public.training_positions
                where occupation_id = any(%(occ)s::uuid[]) order by occupation_id, sort_order""", q),
        }
