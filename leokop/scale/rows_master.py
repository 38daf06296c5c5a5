"""Rows of the master data, users and apprentices, as COPY text lines (FK order is the caller's)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np

from leokop.demo.catalog import OCCUPATIONS
from leokop.demo.seed import FIRST_NAMES, LAST_NAMES
from leokop.scale import model as mdl
from leokop.scale.calendar import EARLIER_HESSEN_HOLIDAYS
from leokop.scale.copytext import Days, line, rng_for, uuids
from leokop.scale.model import Model


@dataclass(frozen=True)
class LearningFieldRow:
    id: str
    school_year: int
    track: str | None


@dataclass
class Catalog:
    """Ids of the occupations (OCCUPATIONS order), their Lernfelder and Berufsbildpositionen."""

    occupation_ids: list[str]
    learning_fields: list[list[LearningFieldRow]]
    positions: list[list[str]]


def catalog(m: Model) -> Catalog:
    rng = rng_for(m.seed, "catalog")
    occ_ids = uuids(rng, len(OCCUPATIONS))
    fields = [[LearningFieldRow(i, lf.school_year, lf.track) for i, lf in zip(uuids(rng, len(o.learning_fields)),
                                                                           o.learning_fields, strict=True)]
              for o in OCCUPATIONS]
    positions = [uuids(rng, len(o.positions)) for o in OCCUPATIONS]
    return Catalog(occ_ids, fields, positions)


def occupation_rows(cat: Catalog) -> Iterator[str]:
    for occ_id, o in zip(cat.occupation_ids, OCCUPATIONS, strict=True):
        yield line(occ_id, o.code, o.name, o.regulation, o.duration_months)


def learning_field_rows(cat: Catalog) -> Iterator[str]:
    for occ_id, o, rows in zip(cat.occupation_ids, OCCUPATIONS, cat.learning_fields, strict=True):
        for order, (row, lf) in enumerate(zip(rows, o.learning_fields, strict=True)):
            yield line(row.id, occ_id, lf.code, lf.title, lf.hours, lf.school_year, lf.track, order)


def position_rows(cat: Catalog) -> Iterator[str]:
    for occ_id, o, ids in zip(cat.occupation_ids, OCCUPATIONS, cat.positions, strict=True):
        for order, (pos_id, (number, title, section)) in enumerate(zip(ids, o.positions, strict=True)):
            yield line(pos_id, occ_id, number, title, section, order)


def school_rows(m: Model) -> Iterator[str]:
    for i, school_id in enumerate(m.school_ids):
        yield line(school_id, m.school_names[i], str(10_000 + i), m.school_cities[i], m.school_states[i])


def holiday_rows(existing: set[date]) -> Iterator[str]:
    """Hessen's holidays of the school years before those the migration holds."""
    rng = rng_for(0, "holidays")
    for (name, start, end), hid in zip(EARLIER_HESSEN_HOLIDAYS, uuids(rng, len(EARLIER_HESSEN_HOLIDAYS)), strict=True):
        if start not in existing:
            yield line(hid, "Hessen", name, start, end)


def company_rows(m: Model) -> Iterator[str]:
    for i, company_id in enumerate(m.company_ids):
        yield line(company_id, m.company_names[i], m.company_cities[i], m.company_chambers[i], m.company_sectors[i])


def cooperation_rows(m: Model, days: Days) -> Iterator[str]:
    for i, coop_id in enumerate(m.coop_ids):
        yield line(coop_id, m.school_ids[m.coop_school[i]], m.company_ids[m.coop_company[i]],
                   days(int(m.coop_since[i])), "t")


def class_rows(m: Model, cat: Catalog, teilzeit: np.ndarray | None) -> Iterator[str]:
    """Classes; with `teilzeit` (classes x weekdays) also their school days per week (null for block classes)."""
    for k, class_id in enumerate(m.class_ids):
        values = [class_id, m.school_ids[m.class_school[k]], cat.occupation_ids[m.class_occ[k]], m.class_names[k],
                  int(m.class_start_year[k]), "blockunterricht" if m.class_block[k] else "teilzeitunterricht"]
        if teilzeit is not None:
            values.append(None if m.class_block[k] else int(teilzeit[k].sum()))
        yield line(*values)


def _users(m: Model) -> Iterator[tuple[str, str]]:
    """(user id, username) of every generated user: admins, leadership, teachers, trainers."""
    for s in range(len(m.school_ids)):
        yield m.admin_ids[s], mdl.admin_username(s)
        yield m.leader_ids[s], mdl.leader_username(s)
    for k, uid in enumerate(m.teacher_ids):
        yield uid, mdl.teacher_username(k)
    for c, uid in enumerate(m.trainer_ids):
        yield uid, mdl.trainer_username(c)


def user_rows(m: Model) -> Iterator[str]:
    rng = rng_for(m.seed, "user-names")
    for n, (uid, username) in enumerate(_users(m)):
        first, last = rng.integers(0, len(FIRST_NAMES)), rng.integers(0, len(LAST_NAMES))
        email = f"{username}@bench.leokop.example" if n % 3 else None
        yield line(uid, username, f"{FIRST_NAMES[first]} {LAST_NAMES[last]}", email, "t")


def credential_rows(m: Model, password_hash: str) -> Iterator[str]:
    for uid, _username in _users(m):
        yield line(uid, password_hash)


def membership_rows(m: Model) -> Iterator[str]:
    """Admin and leadership per school, a teacher per class, the company's trainer in every pair, and the
    benchmark teacher's pair scope (Kooperationsbeauftragte/r)."""
    rng = rng_for(m.seed, "memberships")
    count = 2 * len(m.school_ids) + len(m.class_ids) + len(m.coop_ids) + 1
    ids = iter(uuids(rng, count))
    for s, school_id in enumerate(m.school_ids):
        yield line(next(ids), m.admin_ids[s], "admin", school_id, None, None, None)
        yield line(next(ids), m.leader_ids[s], "schulleitung", school_id, None, None, None)
    for k, class_id in enumerate(m.class_ids):
        yield line(next(ids), m.teacher_ids[k], "lehrkraft", m.school_ids[m.class_school[k]], class_id, None, None)
    for i in range(len(m.coop_ids)):
        company = int(m.coop_company[i])
        yield line(next(ids), m.trainer_ids[company], "ausbilder", m.school_ids[m.coop_school[i]],
                   None, m.company_ids[company], None)
    pair = m.bench["cooperation_index"]
    yield line(next(ids), m.bench["teacher"]["user_id"], "lehrkraft", m.school_ids[m.coop_school[pair]], None, None,
               m.coop_ids[pair])


def apprentice_rows(m: Model, cat: Catalog, days: Days) -> Iterator[str]:
    tracks = [*mdl.TRACKS, None]
    for i, appr_id in enumerate(m.appr_ids):
        dissolved = int(m.a_dissolved[i])
        yield line(appr_id, FIRST_NAMES[m.a_first[i]], LAST_NAMES[m.a_last[i]], days(int(m.a_birth[i])),
                   m.school_ids[m.a_school[i]], m.class_ids[m.a_class[i]], m.company_ids[m.a_company[i]],
                   cat.occupation_ids[m.a_occ[i]], tracks[m.a_track[i]], days(int(m.a_start[i])),
                   days(int(m.a_end[i])), days(int(m.a_probation[i])), "geloest" if dissolved else "aktiv",
                   days(dissolved) if dissolved else None)


def release_setting_rows(m: Model) -> Iterator[str]:
    """Most schools share everything with the companies; some keep teacher notes or absences to themselves."""
    rng = rng_for(m.seed, "release")
    rolls = rng.random((len(m.school_ids), 2))
    for s, school_id in enumerate(m.school_ids):
        yield line(school_id, "t", "f" if rolls[s, 0] < 0.05 else "t", "f" if rolls[s, 1] < 0.1 else "t",
                   m.admin_ids[s])


def release_override_rows(m: Model) -> Iterator[str]:
    """A few apprentices whose grades the school does not share with the company (0.5 %)."""
    rng = rng_for(m.seed, "overrides")
    for i in np.flatnonzero(rng.random(m.n) < 0.005):
        yield line(m.appr_ids[i], "f", m.admin_ids[m.a_school[i]])
