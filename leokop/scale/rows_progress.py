"""Learning progress rows: Lernfeld results and grade history, Berufsbildposition ratings, notes."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date

import numpy as np

from leokop.demo.activity import COMPANY_NOTES, RATING_COMMENTS, SCHOOL_NOTES
from leokop.demo.catalog import OCCUPATIONS
from leokop.demo.seed import FIRST_NAMES, school_year_start
from leokop.scale import model as mdl
from leokop.scale.copytext import NULL, Days, esc, rng_for, uuids
from leokop.scale.model import Model
from leokop.scale.rows_master import Catalog

CHUNK = 50_000  # apprentices per random stream


def _training_year(m: Model) -> list[int]:
    """The training year (1-3) each apprentice is in on their last day with facts."""
    fact_end = m.a_fact_end
    distinct = np.unique(fact_end).tolist()
    year_of = {d: school_year_start(date.fromordinal(d)) for d in distinct}
    start_year = (m.year - 2 + m.a_cohort).tolist()
    return [year_of[d] - y + 1 for d, y in zip(fact_end.tolist(), start_year, strict=True)]


def _weekday(day: int) -> int:
    """The day itself, or the Friday before a weekend."""
    wd = (day - 1) % 7
    return day - (wd - 4) if wd > 4 else day


def lf_rows(m: Model, cat: Catalog, days: Days, history: bool) -> Iterator[str]:
    """lf_results (history=False) or the older grades for lf_grade_history (history=True).

    Grouped by the Lernfeld's school year, as teachers enter them year after year. Earlier years are finished and
    graded between November and June; in the current year the Lernfelder are begun as the year goes on, some with
    an interim grade. 40 % of the finished ones were graded before (the history holds that older grade)."""
    today = m.today.toordinal()
    year_now = _training_year(m)
    fact_end, start, occ, track = (m.a_fact_end.tolist(), m.a_start.tolist(), m.a_occ.tolist(), m.a_track.tolist())
    first_year = (m.year - 2 + m.a_cohort).tolist()
    teachers = [m.teacher_ids[k] for k in m.a_class.tolist()]
    tracks = [*mdl.TRACKS, None]
    abilities = rng_for(m.seed, "ability").normal(2.7, 0.55, m.n)  # one per apprentice, all years
    fields = {(o, t, y): [lf.id for lf in cat.learning_fields[o]
                          if lf.school_year == y and lf.track in (None, tracks[t])]
              for o in range(len(OCCUPATIONS)) for t in (-1, 0, 1) for y in (1, 2, 3)}
    for school_year in (1, 2, 3):
        for lo in range(0, m.n, CHUNK):
            hi = min(m.n, lo + CHUNK)
            rng = rng_for(m.seed, "lf", school_year, lo)
            ability = abilities[lo:hi]
            draws = rng.random((hi - lo, 8, 4)).tolist()
            grades = np.clip(np.rint(rng.normal(ability[:, None], 0.6, (hi - lo, 8))), 1, 6).astype(int)
            earlier = np.clip(grades + rng.integers(-1, 2, grades.shape), 1, 6).tolist()
            grades = grades.tolist()
            ids = uuids(rng, (hi - lo) * 8)
            for i in range(lo, hi):
                if year_now[i] < school_year:
                    continue
                j = i - lo
                r, g, e, teacher, aid = draws[j], grades[j], earlier[j], teachers[i], m.appr_ids[i]
                mine = fields[(occ[i], track[i], school_year)]
                begin, end = start[i], fact_end[i]
                year_begin = date(first_year[i] + school_year - 1, 8, 1).toordinal()
                begun = max(1, math.ceil(len(mine) * min(1.0, 0.3 + min(1.0, (end - year_begin) / 330))))
                for n, lf_id in enumerate(mine):
                    graded = None
                    if year_now[i] > school_year:  # finished
                        first = max(year_begin + 92, begin + 28)
                        graded = _weekday(first + int(r[n][0] * max(1, min(end, year_begin + 323) - first)))
                        status, grade = "abgeschlossen", g[n]
                        if history and r[n][1] < 0.4 and graded - 70 >= begin + 21:
                            before = _weekday(graded - 42 - int(r[n][2] * 42))
                            yield (f"{aid}\t{lf_id}\t{e[n]}\t{days(before)}\t{teacher}\t"
                                   f"{days.at(min(before, today), 15)}\n")
                    elif n < begun:
                        first = max(year_begin + 35, begin + 28)
                        if end - 1 > first and r[n][3] < 0.55:
                            graded = _weekday(first + int(r[n][0] * (end - 1 - first)))
                        status, grade = "laufend", g[n] if graded else None
                    else:
                        status, grade = "nicht_begonnen", None
                    if not history:
                        touched = min(graded or max(begin, year_begin), today)
                        yield (f"{ids[j * 8 + n]}\t{aid}\t{lf_id}\t{status}\t{grade if grade else NULL}\t"
                               f"{days(graded) if graded else NULL}\t{days.at(touched, 15)}\t{teacher}\n")


def rating_rows(m: Model, cat: Catalog, days: Days) -> Iterator[str]:
    """The trainer's rating of every Berufsbildposition, growing with the time in training."""
    today = m.today.toordinal()
    fact_end, start, occ = m.a_fact_end.tolist(), m.a_start.tolist(), m.a_occ.tolist()
    durations = [o.duration_months * 30.44 for o in OCCUPATIONS]
    trainers = [m.trainer_ids[c] for c in m.a_company.tolist()]
    comments = [esc(c) for c in RATING_COMMENTS]
    for lo in range(0, m.n, CHUNK):
        hi = min(m.n, lo + CHUNK)
        rng = rng_for(m.seed, "ratings", lo)
        noise = rng.normal(0, 0.45, (hi - lo, 12)).tolist()
        rolls = rng.random((hi - lo, 12, 3)).tolist()
        ids = uuids(rng, (hi - lo) * 12)
        for i in range(lo, hi):
            j, begin, end = i - lo, start[i], fact_end[i]
            progress = min(1.0, (end - begin) / durations[occ[i]])
            positions = cat.positions[occ[i]]
            last = max(1, len(positions) - 1)
            for n, position in enumerate(positions):
                level = min(4, max(0, round(min(4.0, 5 * progress * (1.4 - 0.7 * n / last)) + noise[j][n])))
                r = rolls[j][n]
                comment = comments[int(r[0] * len(comments))] if level >= 2 and r[1] < 0.15 else NULL
                day = min(_weekday(max(begin, end - 56) + int(r[2] * min(56, end - begin))), today)
                yield (f"{ids[j * 12 + n]}\t{m.appr_ids[i]}\t{position}\t{level}\t{comment}\t{days.at(day, 14)}\t"
                       f"{trainers[i]}\n")


def note_rows(m: Model, days: Days) -> Iterator[str]:
    """0-3 notes from each learning place in the last 26 weeks of the training so far."""
    fact_end, start, first_name = m.a_fact_end.tolist(), m.a_start.tolist(), m.a_first.tolist()
    teachers = [m.teacher_ids[k] for k in m.a_class.tolist()]
    trainers = [m.trainer_ids[c] for c in m.a_company.tolist()]
    for lo in range(0, m.n, CHUNK):
        hi = min(m.n, lo + CHUNK)
        rng = rng_for(m.seed, "notes", lo)
        counts = rng.choice([0, 1, 1, 2, 3], (hi - lo, 2))
        picks = rng.random((hi - lo, 2, 3, 3)).tolist()
        ids = iter(uuids(rng, int(counts.sum())))
        counts = counts.tolist()
        for i in range(lo, hi):
            begin, end = start[i] + 14, fact_end[i]
            if begin > end:
                continue
            begin = max(begin, end - 182)
            name = FIRST_NAMES[first_name[i]]
            for place, (texts, author, label) in enumerate(((SCHOOL_NOTES, teachers[i], "schule"),
                                                            (COMPANY_NOTES, trainers[i], "betrieb"))):
                for n in range(counts[i - lo][place]):
                    p = picks[i - lo][place][n]
                    day = _weekday(begin + int(p[0] * (end - begin)))
                    body = esc(texts[int(p[1] * len(texts))].format(name=name))
                    created = days.at(day, 8 + int(p[2] * 9))
                    yield f"{next(ids)}\t{m.appr_ids[i]}\t{author}\t{label}\t{body}\t{created}\n"
