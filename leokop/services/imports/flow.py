"""Preview and apply of an import: the file's rows planned against the school's data as it is in the transaction.

Apply plans again inside its own transaction, under a per-school lock, and writes exactly that plan: what the
preview showed may have changed meanwhile, what is written never is half of anything.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from uuid import UUID

import psycopg

from leokop.repo import imports as repo
from leokop.services.imports.fields import mapping_problems
from leokop.services.imports.planning import Plan, company_keys, interpret, make_plan, school_state
from leokop.services.imports.reading import Table

Transaction = Callable[[], AbstractContextManager[psycopg.Connection]]


class MappingRefused(ValueError):
    """The column mapping cannot be imported; the German reasons are its args."""


@dataclass(frozen=True)
class Result:
    plan: Plan
    run_id: UUID | None  # the import record, when applied

    @property
    def apprentice_ids(self) -> list[UUID]:
        """The apprentices created or changed: their risk flags are evaluated after the commit."""
        return [a["id"] for a in self.plan.new_apprentices] + [a["id"] for a in self.plan.apprentice_updates]


def _check(fields: list[str]) -> None:
    problems = mapping_problems(fields)
    if problems:
        raise MappingRefused(*problems)


def preview(transaction: Transaction, school_id: UUID, table: Table, fields: list[str], today: date) -> Plan:
    """What the import would do, read in one transaction; nothing is written."""
    _check(fields)
    entries = interpret(table, fields)
    with transaction() as conn:
        repo.require_admin(conn, school_id)
        state = school_state(school_id, today, repo.read_state(conn, school_id, company_keys(entries)))
    return make_plan(entries, state, fields)


def apply(transaction: Transaction, school_id: UUID, table: Table, fields: list[str], today: date) -> Result:
    """Plan and write in one transaction: everything the plan holds, and the import's record, or nothing."""
    _check(fields)
    entries = interpret(table, fields)
    with transaction() as conn:
        repo.require_admin(conn, school_id)
        repo.lock(conn, school_id)
        state = school_state(school_id, today, repo.read_state(conn, school_id, company_keys(entries)))
        plan = make_plan(entries, state, fields)
        run_id = repo.write_plan(conn, plan, table.file_name, today)
    return Result(plan, run_id)
