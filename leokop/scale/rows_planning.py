"""Planning rows: school blocks and chamber exams per class, company phases per apprentice, joint dates per pair."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np

from leokop.demo.activity import FIRST_EXAM_MONTH, GENERIC_PHASES, JOINT_TITLES, PHASE_TITLES, TEILZEIT_DAYS
from leokop.demo.catalog import OCCUPATIONS
from leokop.scale.calendar import Calendar, monday_on_or_after, weekday
from leokop.scale.copytext import NULL, Days, esc, line, months_later, rng_for, uuids
from leokop.scale.model import Model

CHUNK = 50_000  # apprentices per random stream


@dataclass
class Plan:
    """Exams and school blocks of every class, and the weekdays of the Teilzeit classes."""

    exams: list[list[tuple[str, int, int]]]
    blocks: list[list[tuple[int, int]]]
    teilzeit: np.ndarray  # classes x 7 weekdays

    def school_day_matrix(self, m: Model, cal: Calendar) -> np.ndarray:
        """classes x calendar days: whether the class has school that day."""
        days = np.arange(cal.first, cal.last + 1)
        matrix = self.teilzeit[:, weekday(days)] & ~m.class_block[:, None]
        for k, blocks in enumerate(self.blocks):
            for start, end in blocks:
                matrix[k, start - cal.first:end - cal.first + 1] = True
        return matrix & cal.free[None, :]


def plan(m: Model, cal: Calendar) -> Plan:
    rng = rng_for(m.seed, "plan")
    classes = len(m.class_ids)
    patterns = rng.integers(0, len(TEILZEIT_DAYS), classes)
    teilzeit = np.zeros((classes, 7), dtype=bool)
    for k, p in enumerate(patterns):
        teilzeit[k, list(TEILZEIT_DAYS[p])] = True
    exams = [_exams(m, cal, k, rng) for k in range(classes)]
    blocks = [_blocks(m, cal, k, exams[k], rng) if m.class_block[k] else [] for k in range(classes)]
    return Plan(exams, blocks, teilzeit)


def _exams(m: Model, cal: Calendar, k: int, rng: np.random.Generator) -> list[tuple[str, int, int]]:
    """Abschlussprüfung Teil 1 (one day) and Teil 2 (two days), on a Tuesday outside holidays."""
    occ = OCCUPATIONS[m.class_occ[k]]
    begin = date(int(m.class_start_year[k]), 8, 1)
    first = _tuesday(cal, months_later(begin, FIRST_EXAM_MONTH.get(occ.code, 18)).toordinal() + rng.integers(0, 15))
    second = _tuesday(cal, months_later(begin, occ.duration_months - 3).toordinal() + rng.integers(0, 11))
    return [("abschluss_teil1", first, first), ("abschluss_teil2", second, second + 1)]


def _tuesday(cal: Calendar, day: int) -> int:
    day = int(day) + (1 - weekday(int(day))) % 7
    while not (cal.is_free(day) and cal.is_free(day + 1)) and day < cal.last - 7:
        day += 7
    return day


def _blocks(m: Model, cal: Calendar, k: int, exams: list, rng: np.random.Generator) -> list[tuple[int, int]]:
    """Blocks of 2-3 weeks every 7-10 weeks of each school year since the class began, clear of holidays and
    exams (about twelve weeks of school a year)."""
    blocks = []
    for year in range(max(int(m.class_start_year[k]), m.year - 2), m.year + 1):
        cursor = monday_on_or_after(date(year, 8, 15).toordinal()) + 7 * int(rng.integers(0, 6))
        last = date(year + 1, 7, 10).toordinal()
        while True:
            weeks = int(rng.integers(2, 4))
            start = cursor
            while start + 7 * weeks - 3 <= last and (
                    cal.touches_holidays(start, start + 7 * weeks - 3)
                    or any(s <= start + 7 * weeks - 3 and start <= e for _kind, s, e in exams)):
                start += 7
            if start + 7 * weeks - 3 > last:
                break
            blocks.append((start, start + 7 * weeks - 3))
            cursor = start + 7 * (weeks + int(rng.integers(5, 8)))
    return blocks


def school_block_rows(m: Model, p: Plan, days: Days) -> Iterator[str]:
    rng = rng_for(m.seed, "school-blocks")
    for k, blocks in enumerate(p.blocks):
        ids = uuids(rng, len(blocks))
        for n, (start, end) in enumerate(blocks):
            year = date.fromordinal(start).year - (date.fromordinal(start).month < 8)
            yield line(ids[n], m.class_ids[k], days(start), days(end),
                       f"Block im Schuljahr {year}/{(year + 1) % 100:02d}", m.teacher_ids[k])


def exam_rows(m: Model, p: Plan, days: Days) -> Iterator[str]:
    rng = rng_for(m.seed, "exams")
    for k, exams in enumerate(p.exams):
        for exam_id, (kind, start, end) in zip(uuids(rng, len(exams)), exams, strict=True):
            yield line(exam_id, m.class_ids[k], kind, days(start), days(end))


def company_phase_rows(m: Model, days: Days) -> Iterator[str]:
    """3-6 consecutive Ausbildungsabschnitte from the contract start to about six months ahead."""
    today = m.today.toordinal()
    start, end, dissolved, occ = m.a_start.tolist(), m.a_end.tolist(), m.a_dissolved.tolist(), m.a_occ.tolist()
    trainers = [m.trainer_ids[c] for c in m.a_company.tolist()]
    titles = [[(esc(t), esc(d)) for t, d in PHASE_TITLES.get(o.code, GENERIC_PHASES)] for o in OCCUPATIONS]
    for lo in range(0, m.n, CHUNK):
        rng = rng_for(m.seed, "phases", lo)
        hi = min(m.n, lo + CHUNK)
        parts = rng.integers(3, 7, hi - lo).tolist()
        ahead = (rng.integers(23, 30, hi - lo) * 7).tolist()
        ids = iter(uuids(rng, sum(parts)))
        order = rng.random((hi - lo, 8)).argsort(axis=1).tolist()
        for i in range(lo, hi):
            j, begin = i - lo, start[i]
            stop = dissolved[i] or min(end[i], today + ahead[j])
            mine = titles[occ[i]]
            later = [mine[1 + k] for k in order[j] if k < len(mine) - 1]
            count = parts[j]
            cuts = [begin + (stop - begin + 1) * n // count for n in range(count + 1)]
            for n in range(count):
                phase_id = next(ids)
                if cuts[n + 1] - 1 < cuts[n]:
                    continue
                title, department = mine[0] if n == 0 else later[(n - 1) % len(later)]
                created = days.at(min(today, max(begin, cuts[n] - 28)), 9)
                yield (f"{phase_id}\t{m.appr_ids[i]}\t{title}\t{department or NULL}\t{days(cuts[n])}\t"
                       f"{days(cuts[n + 1] - 1)}\t{trainers[i]}\t{created}\n")


def joint_date_rows(m: Model, cal: Calendar, days: Days) -> Iterator[str]:
    """1-3 joint dates per pair: one in the next eight weeks, the others before or after."""
    rng = rng_for(m.seed, "joint-dates")
    today = m.today.toordinal()
    count = len(m.coop_ids)
    numbers = rng.integers(1, 4, count)
    offsets = rng.integers(3, 57, (count, 3))
    past = rng.random((count, 3)) < 0.5
    back = rng.integers(3, 91, (count, 3))
    picks = rng.random((count, len(JOINT_TITLES))).argsort(axis=1)
    ids = iter(uuids(rng, int(numbers.sum())))
    for i in range(count):
        trainer = m.trainer_ids[m.coop_company[i]]
        for n in range(int(numbers[i])):
            day = today - int(back[i, n]) if n and past[i, n] else today + int(offsets[i, n])
            while not cal.is_free(day) and day < cal.last:
                day += 1
            created = min(day, today) - 14
            yield line(next(ids), m.coop_ids[i], JOINT_TITLES[picks[i, n]], days(day), trainer, days.at(created, 11))
