"""The import's SQL: the school's current data for the plan, writing a plan in one transaction, import profiles and
the record of past imports.

The functions that take a connection run in the caller's transaction: the admin's (Database.user_tx, under the
admin's row-level security) or, for the command line, the owner's.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID

import pandas as pd
import psycopg
from psycopg.rows import tuple_row

from leokop.db.session import Database
from leokop.repo._query import StaleWrite, fetch_df

if TYPE_CHECKING:  # the plan is built by the service; the repo only writes what it holds
    from leokop.services.imports.planning import Plan


class NotAdmin(PermissionError):
    """The signed-in user is not the admin of the school the import is for."""


def _scalar(conn: psycopg.Connection, sql: str, params=None):
    """The first value of the first row, whatever the connection's row factory (dicts in the app, tuples in the
    command line)."""
    with conn.cursor(row_factory=tuple_row) as cur:
        return cur.execute(sql, params).fetchone()[0]


def is_owner(conn: psycopg.Connection) -> bool:
    """Whether the transaction runs as the owner (the command line) rather than as a signed-in user."""
    return _scalar(conn, "select pg_catalog.current_setting('role') = 'none'")


def require_admin(conn: psycopg.Connection, school_id: UUID) -> None:
    """NotAdmin unless the signed-in user administers the school (the owner always may)."""
    if not _scalar(conn, "select pg_catalog.current_setting('role') = 'none'"
                         " or %s in (select app_private.school_ids_with_role('admin'))", (school_id,)):
        raise NotAdmin(str(school_id))


def lock(conn: psycopg.Connection, school_id: UUID) -> None:
    """One import per school at a time: a second waits for the first to commit, then plans on its result."""
    conn.execute("select pg_advisory_xact_lock(hashtextextended('leokop-import:' || %s::text, 0))", (school_id,))


def read_state(conn: psycopg.Connection, school_id: UUID, company_keys: list[tuple[str, str]]) -> dict[str, list]:
    """Everything the plan compares the file with, as rows (services.imports.planning.school_state makes the
    state of them): the school's classes, pairs with their companies, apprentices and trainer contacts, the
    occupations, and under "elsewhere" the companies of other schools the file names."""
    def rows(sql: str, params=None) -> list[tuple]:
        with conn.cursor(row_factory=tuple_row) as cur:
            return cur.execute(sql, params).fetchall()

    occupations = rows("select id, code, name from public.occupations order by code")
    classes = rows(
        "select id, name, start_year, occupation_id, schedule::text from public.classes where school_id = %s",
        (school_id,))
    companies = rows(
        """
        select co.id, co.name, co.city, co.postcode, co.street, co.email, co.sector, co.chamber, c.company_code,
               c.id, c.active
        from public.cooperations c join public.companies co on co.id = c.company_id
        where c.school_id = %s
        """, (school_id,))
    apprentices = rows(
        """
        select id, pupil_id, last_name, first_name, birth_date, class_id, company_id, occupation_id, track,
               contract_start, contract_end, probation_end, status::text, dissolved_on
        from public.apprentices where school_id = %s and anonymised_at is null
        """, (school_id,))
    contacts = rows(
        "select id, company_id, first_name, last_name, email from public.trainer_contacts where school_id = %s",
        (school_id,))
    elsewhere = {}
    if company_keys:
        names, postcodes = zip(*company_keys, strict=True)
        elsewhere = {(name, postcode): company for name, postcode, company in rows(
            "select name_key, postcode, company_id from public.import_find_companies(%s, %s, %s)",
            (school_id, list(names), list(postcodes)))}
    return {"occupations": occupations, "classes": classes, "companies": companies, "apprentices": apprentices,
            "contacts": contacts, "elsewhere": elsewhere}


# Column types of what a plan writes, for jsonb_to_recordset.
_APPRENTICE = {"id": "uuid", "pupil_id": "text", "last_name": "text", "first_name": "text", "birth_date": "date",
               "class_id": "uuid", "company_id": "uuid", "occupation_id": "uuid", "track": "text",
               "contract_start": "date", "contract_end": "date", "probation_end": "date",
               "status": "public.apprentice_status", "dissolved_on": "date"}
_COMPANY = {"id": "uuid", "name": "text", "city": "text", "postcode": "text", "street": "text", "email": "text",
            "sector": "text", "chamber": "text"}
_COOPERATION = {"id": "uuid", "company_id": "uuid", "company_code": "text", "active": "boolean"}
_CLASS = {"id": "uuid", "name": "text", "occupation_id": "uuid", "start_year": "int",
          "schedule": "public.class_schedule"}
_CONTACT = {"id": "uuid", "company_id": "uuid", "first_name": "text", "last_name": "text", "email": "text"}


def _json(rows: list[dict]) -> str:
    return json.dumps(rows, default=str)


def _insert(conn: psycopg.Connection, table: str, types: dict[str, str], rows: list[dict],
            fixed: dict[str, object] | None = None) -> None:
    """One INSERT of all rows (their keys are a subset of `types`), plus columns with one value for all."""
    if not rows:
        return
    fixed = fixed or {}
    columns = [c for c in types if any(c in r for r in rows)]
    record = ", ".join(f"{c} {types[c]}" for c in columns)
    names = ", ".join([*columns, *fixed])
    conn.execute(
        f"insert into public.{table} ({names}) select {', '.join(columns)}"
        f"{''.join(', %s' for _ in fixed)} from jsonb_to_recordset(%s::jsonb) as x({record})",
        [*fixed.values(), _json(rows)],
    )


def _update(conn: psycopg.Connection, table: str, types: dict[str, str], rows: list[dict]) -> None:
    """One UPDATE of all rows by id; a column changes only in the rows whose dict names it (NULL included)."""
    if not rows:
        return
    columns = [c for c in types if c != "id" and any(c in r for r in rows)]
    sets = ", ".join(f"{c} = case when u.j ? '{c}' then (u.j ->> '{c}')::{types[c]} else t.{c} end" for c in columns)
    conn.execute(
        f"update public.{table} t set {sets} from jsonb_array_elements(%s::jsonb) as u(j)"
        " where t.id = (u.j ->> 'id')::uuid", (_json(rows),))


def write_plan(conn: psycopg.Connection, plan: Plan, file_name: str, today: date) -> UUID:
    """Write everything the plan holds and the import's record; returns the record's id. The order follows the
    foreign keys: companies, their pairs with the school, classes, apprentices, contacts."""
    school = plan.school_id
    _insert(conn, "companies", _COMPANY, plan.new_companies)
    _insert(conn, "cooperations", _COOPERATION, plan.new_cooperations, {"school_id": school, "since": today})
    _update(conn, "cooperations", _COOPERATION, plan.cooperation_updates)
    _update(conn, "companies", _COMPANY, plan.company_updates)  # after the pairs: the admin may update them now
    _insert(conn, "classes", _CLASS, plan.new_classes, {"school_id": school})
    _update(conn, "classes", _CLASS, plan.class_updates)
    _insert(conn, "apprentices", _APPRENTICE, plan.new_apprentices, {"school_id": school})
    _update(conn, "apprentices", _APPRENTICE, plan.apprentice_updates)
    _insert(conn, "trainer_contacts", _CONTACT, plan.new_contacts, {"school_id": school})
    _update(conn, "trainer_contacts", _CONTACT, plan.contact_updates)
    counts = {**plan.summary(), "refused_rows": plan.refused_rows, "rows": plan.rows}
    return _scalar(conn, "insert into public.import_runs (school_id, file_name, counts, refused)"
                         " values (%s, %s, %s::jsonb, %s) returning id",
                   (school, file_name[:255] or "-", json.dumps(counts), plan.refused_rows))


# --- school choice, profiles, past imports (for the admin page) ---------------------------------------------------

def admin_schools(db: Database, user_id: UUID) -> pd.DataFrame:
    """The schools the user administers: id, name."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, "select s.id, s.name from public.schools s"
                              " where s.id in (select app_private.school_ids_with_role('admin')) order by s.name")


def profiles(db: Database, user_id: UUID, school_id: UUID) -> dict[str, dict[str, str]]:
    """The school's import profiles: name -> {header: field}."""
    with db.user_tx(user_id) as conn:
        return profiles_in(conn, school_id)


def profiles_in(conn: psycopg.Connection, school_id: UUID) -> dict[str, dict[str, str]]:
    with conn.cursor(row_factory=tuple_row) as cur:
        return dict(cur.execute("select name, mapping from public.import_profiles where school_id = %s order by name",
                                (school_id,)).fetchall())


class ProfileExists(Exception):
    """A new profile's name is taken by another profile of the school."""


def profile_stamps(db: Database, user_id: UUID, school_id: UUID) -> dict[str, dict]:
    """Per profile name: when it was last saved (its version) and by whom."""
    with db.user_tx(user_id) as conn:
        return {r["name"]: r for r in conn.execute(
            "select p.name, p.updated_at, u.display_name as updated_by from public.import_profiles p"
            " left join public.app_users u on u.id = p.updated_by where p.school_id = %s", (school_id,)).fetchall()}


def save_profile(db: Database, user_id: UUID, school_id: UUID, name: str, mapping: dict[str, str],
                 replaces: datetime | None = None) -> None:
    """Create the named profile (ProfileExists when the name is taken), or, with `replaces` (the version the user
    loaded), replace its mapping unless it was saved since (StaleWrite)."""
    with db.user_tx(user_id) as conn:
        if replaces is None:
            cur = conn.execute("insert into public.import_profiles (school_id, name, mapping, updated_by)"
                               " values (%s, %s, %s::jsonb, %s) on conflict (school_id, name) do nothing",
                               (school_id, name, json.dumps(mapping), user_id))
            if cur.rowcount == 0:
                raise ProfileExists(name)
            return
        cur = conn.execute("update public.import_profiles set mapping = %s::jsonb, updated_by = %s, updated_at = now()"
                           " where school_id = %s and name = %s and updated_at = %s",
                           (json.dumps(mapping), user_id, school_id, name, replaces))
        if cur.rowcount == 0:
            raise StaleWrite(name)


def delete_profile(db: Database, user_id: UUID, school_id: UUID, name: str) -> bool:
    with db.user_tx(user_id) as conn:
        return conn.execute("delete from public.import_profiles where school_id = %s and name = %s",
                            (school_id, name)).rowcount == 1


def past_imports(db: Database, user_id: UUID, school_id: UUID) -> pd.DataFrame:
    """The school's last 20 imports: at, who, file name, counts, refused rows."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select r.at, coalesce(public.user_display_name(r.actor_id), 'Kommandozeile') as actor, r.file_name,
                   r.counts, r.refused
            from public.import_runs r where r.school_id = %s order by r.at desc limit 20
            """, (school_id,))


def find_school(conn: psycopg.Connection, name_or_id: str) -> list[tuple[UUID, str]]:
    """Schools whose id, school number or name (case ignored) is the given text: (id, name)."""
    with conn.cursor(row_factory=tuple_row) as cur:
        return cur.execute(
            "select id, name from public.schools where id::text = %(v)s or school_number = %(v)s"
            " or lower(name) = lower(%(v)s) order by name", {"v": name_or_id.strip()}).fetchall()
