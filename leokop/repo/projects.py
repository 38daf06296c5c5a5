"""Joint projects of one or several cooperations of a school: participants, materials, milestones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import expect_one, fetch_df
from leokop.repo.materials import topic_labels


@dataclass(frozen=True)
class NewProject:
    school_id: UUID
    cooperation_ids: list[UUID]
    title: str
    goal: str | None
    starts_on: date
    ends_on: date
    learning_field_ids: list[UUID]
    position_ids: list[UUID]
    apprentice_ids: list[UUID]
    material_ids: list[UUID]
    milestones: list[tuple[date, str]]


def create_project(db: Database, user_id: UUID, project: NewProject) -> UUID:
    """The project with all its links in one transaction (RLS refuses cooperations the user does not work in)."""
    project_id = uuid4()  # no RETURNING: the project is visible only once its cooperations are linked
    links = (("project_cooperations", "cooperation_id, school_id", "%s, %s",
              [(c, project.school_id) for c in project.cooperation_ids]),
             ("project_learning_fields", "learning_field_id", "%s", [(i,) for i in project.learning_field_ids]),
             ("project_positions", "training_position_id", "%s", [(i,) for i in project.position_ids]),
             ("project_apprentices", "apprentice_id", "%s", [(i,) for i in project.apprentice_ids]),
             ("project_materials", "material_id", "%s", [(i,) for i in project.material_ids]))
    with db.user_tx(user_id) as conn:
        conn.execute(
            "insert into public.projects (id, school_id, title, goal, starts_on, ends_on, created_by)"
            " values (%s, %s, %s, %s, %s, %s, %s)",
            (project_id, project.school_id, project.title.strip(), project.goal or None, project.starts_on,
             project.ends_on, user_id))
        with conn.cursor() as cur:
            for table, columns, values, rows in links:
                cur.executemany(f"insert into public.{table} (project_id, {columns}) values (%s, {values})",
                                [(project_id, *row) for row in rows])
            cur.executemany("insert into public.project_milestones (project_id, title, due_on, created_by)"
                            " values (%s, %s, %s, %s)",
                            [(project_id, title.strip(), due, user_id) for due, title in project.milestones])
    return project_id


def projects_of(db: Database, user_id: UUID, cooperation_id: UUID) -> pd.DataFrame:
    """The cooperation's projects with the next open milestone, running ones first."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, """
            select p.id, p.title, p.goal, p.status::text as status, p.starts_on, p.ends_on, p.version, p.updated_at,
                   public.user_display_name(p.updated_by) as changed_by,
                   (select ms.title || ' (' || to_char(ms.due_on, 'DD.MM.YYYY') || ')'
                    from public.project_milestones ms
                    where ms.project_id = p.id and ms.done_at is null order by ms.due_on limit 1) as next_milestone
            from public.project_cooperations pc join public.projects p on p.id = pc.project_id
            where pc.cooperation_id = %s
            order by p.status = 'laufend' desc, p.starts_on desc""", (cooperation_id,))


def project_details(db: Database, user_id: UUID, project_id: UUID) -> dict[str, pd.DataFrame]:
    """Cooperations, topics, the participants the user may see, materials and milestones of a project."""
    with db.user_tx(user_id) as conn:
        p = {"p": project_id}
        return {
            "cooperations": fetch_df(conn, """
                select s.name || ' ↔ ' || co.name as label from public.project_cooperations pc
                join public.cooperations c on c.id = pc.cooperation_id
                join public.schools s on s.id = c.school_id join public.companies co on co.id = c.company_id
                where pc.project_id = %(p)s order by 1""", p),
            "topics": topic_labels(conn, "project", project_id),
            "apprentices": fetch_df(conn, """
                select a.id, a.first_name || ' ' || a.last_name as name, co.name as company
                from public.project_apprentices x join public.apprentices a on a.id = x.apprentice_id
                join public.companies co on co.id = a.company_id
                where x.project_id = %(p)s order by a.last_name, a.first_name""", p),
            "materials": fetch_df(conn, """
                select m.id, m.title, m.kind::text as kind from public.project_materials x
                join public.materials m on m.id = x.material_id
                where x.project_id = %(p)s and m.withdrawn_at is null order by m.title""", p),
            "milestones": fetch_df(conn, """
                select id, title, due_on, done_at is not null as done, place::text as place, description, version,
                       updated_at, public.user_display_name(updated_by) as changed_by
                from public.project_milestones where project_id = %(p)s order by due_on""", p),
            "events": fetch_df(conn, """
                select e.at, public.user_display_name(e.actor_id) as actor, e.action, e.detail
                from public.project_events e where e.project_id = %(p)s order by e.at desc, e.id desc""", p),
        }


def set_status(db: Database, user_id: UUID, project_id: UUID, seen_version: int, status: str) -> None:
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute(
            "update public.projects set status = %s, version = version + 1, updated_at = now()"
            " where id = %s and version = %s returning id", (status, project_id, seen_version)))


def save_progress(db: Database, user_id: UUID, project_id: UUID, seen_version: int, status: str | None,
                  done: dict[UUID, int]) -> None:
    """A new status (None: unchanged) and milestones marked done, in one transaction, each against the version the
    user saw: StaleWrite (nothing written) when the project or one of the milestones changed meanwhile."""
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute(
            "update public.projects set status = coalesce(%s::public.project_status, status), updated_at = now()"
            " where id = %s and version = %s returning id", (status, project_id, seen_version)))
        for milestone_id, version in done.items():
            expect_one(conn.execute(
                "update public.project_milestones set done_at = now()"
                " where id = %s and project_id = %s and version = %s and done_at is null returning id",
                (milestone_id, project_id, version)))


@dataclass(frozen=True)
class MilestoneEdit:
    """What the milestone form saves: place None is both learning places."""
    title: str
    due_on: date
    place: str | None
    description: str | None


def update_milestone(db: Database, user_id: UUID, project_id: UUID, milestone_id: UUID, seen_version: int,
                     change: MilestoneEdit) -> None:
    """Title, due date, responsible place and description against the version the user saw: StaleWrite (nothing
    written) when the milestone changed meanwhile or is not the user's to edit (RLS: the project's pairs)."""
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute(
            "update public.project_milestones set title = %s, due_on = %s, place = %s::public.learning_place,"
            " description = %s where id = %s and project_id = %s and version = %s returning id",
            (change.title.strip(), change.due_on, change.place, change.description, milestone_id, project_id,
             seen_version)))


def project_choices(db: Database, user_id: UUID, cooperation_id: UUID) -> dict[str, pd.DataFrame]:
    """What the project form offers: the school's cooperations the user works in, their apprentices the user
    sees, and the materials of this cooperation's library."""
    with db.user_tx(user_id) as conn:
        p = {"coop": cooperation_id}
        return {
            "cooperations": fetch_df(conn, """
                select c.id, c.school_id, s.name || ' ↔ ' || co.name as label from public.cooperations c
                join public.schools s on s.id = c.school_id join public.companies co on co.id = c.company_id
                where c.school_id = (select school_id from public.cooperations where id = %(coop)s)
                  and c.id in (select app_private.working_cooperation_ids())
                order by c.id <> %(coop)s, label""", p),
            "apprentices": fetch_df(conn, """
                select a.id, a.first_name || ' ' || a.last_name || ' (' || co.name || ', ' || k.name || ')' as label,
                       c.id as cooperation_id
                from public.cooperations c
                join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
                join public.companies co on co.id = a.company_id join public.classes k on k.id = a.class_id
                where c.school_id = (select school_id from public.cooperations where id = %(coop)s)
                  and a.status = 'aktiv'
                order by a.last_name, a.first_name""", p),
        }
