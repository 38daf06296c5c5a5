"""The tall tables, in the order real use writes them (week after week, day after day, all apprentices at once):
Berichtsheft weeks and school absences. Built per week or day as whole columns, not row by row."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from leokop.demo.activity import COMPANY_EXCUSES, RETURN_COMMENTS
from leokop.scale.calendar import Calendar, monday_on_or_after
from leokop.scale.copytext import NULL, Days, esc, mapped, pick, rng_for, unix_ms, uuids7
from leokop.scale.model import Model

SUBMIT_OFFSETS = np.array([4, 4, 4, 5, 7])  # days after Monday: mostly Friday, some over the weekend
WEEK_STATUS = ("eingereicht", "zurueckgegeben", "unterschrieben")
LESSONS = np.array([2, 3, 4, 6, 8, 8, 8])
# (excused, excuse_state) by the kind of case; proposed ones carry the company's reason
ABSENCE_STATES = (("t", "keiner"), ("t", "angenommen"), ("f", "abgelehnt"), ("f", "keiner"), ("f", "vorgeschlagen"))


def _trainers(m: Model) -> list[str]:
    return [m.trainer_ids[c] for c in m.a_company.tolist()]


def record_week_rows(m: Model, days: Days, part: int = 0, parts: int = 1) -> Iterator[str]:
    """One row per apprentice and week handed in, from the first Monday of the contract to last week; about 92 %
    of the weeks are there. Older weeks are signed; in the last weeks now and then one was sent back, and the last
    one or two may still wait for the trainer. Yields one block of lines per week; `part` of `parts` yields only the
    apprentices whose number modulo `parts` is `part` (the same rows, loaded by several connections)."""
    today = m.today.toordinal()
    rng = rng_for(m.seed, "weeks")
    # three kinds of Berichtsheft keepers: 80 % complete, 15 % with a rare gap, 5 % sloppy (10-40 % missing)
    profile = rng.random(m.n)
    missing = np.where(profile < 0.8, 0.0, np.where(profile < 0.95, 0.01, rng.uniform(0.1, 0.4, m.n)))
    pending = rng.choice([0, 0, 1, 1, 2], m.n)
    first = monday_on_or_after(m.a_start)
    # the last week due: before this week, and (dissolved) one whose Friday the contract still ran
    last_due = np.where(m.a_dissolved > 0, m.a_dissolved - 4, today - 7)
    trainers = _trainers(m)
    comments = [esc(c) for c in RETURN_COMMENTS]
    week = int(first.min())
    while week + 6 < today:
        r = rng_for(m.seed, "weeks", week)
        due = np.flatnonzero((first <= week) & (week <= last_due))
        u = r.random((len(due), 4))
        submitted_day = np.minimum(week + SUBMIT_OFFSETS[r.integers(0, len(SUBMIT_OFFSETS), len(due))], today - 1)
        submitted_hour = 13 + (u[:, 2] * 7).astype(int)
        ids = uuids7(r, unix_ms(submitted_day, submitted_hour))
        keep = np.flatnonzero((u[:, 0] >= missing[due]) & (due % parts == part))
        idx, u, submitted_day, submitted_hour, ids = (due[keep], u[keep], submitted_day[keep],
                                                      submitted_hour[keep], pick(ids, keep))
        ago = (today - 7 - week) // 7 + 1
        waiting = (ago <= pending[idx]) & (m.a_dissolved[idx] == 0)
        # waiting for the trainer (or, rarely, forgotten); in the last eight weeks now and then sent back
        status = np.where(waiting | (u[:, 1] < 0.002), 0, np.where((ago <= 8) & (u[:, 1] < 0.022), 1, 2))
        submitted = mapped(submitted_day * 24 + submitted_hour, lambda k: days.at(k // 24, k % 24, 20))
        decided_day = np.minimum(submitted_day + 1 + (u[:, 3] * 5).astype(int), today - 1)
        decided = mapped(np.where(status == 0, -1, decided_day * 24 + 8 + (u[:, 2] * 8).astype(int)),
                         lambda k: NULL if k < 0 else days.at(k // 24, k % 24))
        comment = mapped(np.where(status == 1, (u[:, 3] * len(comments)).astype(int), -1),
                         lambda k: NULL if k < 0 else comments[k])
        by = [t if s else NULL for t, s in zip(pick(trainers, idx), status.tolist(), strict=True)]
        week_text = days(week)
        yield "".join(
            f"{i}\t{a}\t{week_text}\t{WEEK_STATUS[s]}\t{sub}\t{c}\t{dec}\t{b}\n"
            for i, a, s, sub, c, dec, b in zip(ids, pick(m.appr_ids, idx), status.tolist(),
                                               submitted, comment, decided, by, strict=True))
        week += 7


def absence_rows(m: Model, cal: Calendar, school_days: np.ndarray, days: Days) -> Iterator[str]:
    """Absences on the class's school days: 30 % of the apprentices are never absent, the others on 3 % of their
    school days on average (a few on far more). Older ones are mostly excused (some after the company proposed
    it); the last two weeks still have open cases and proposals. Yields one block of lines per school day."""
    today = m.today.toordinal()
    rng = rng_for(m.seed, "absence-rates")
    rate = np.where(rng.random(m.n) < 0.3, 0.0, np.minimum(0.3, rng.exponential(0.03, m.n)))
    fact_end = np.minimum(m.a_fact_end, today - 1)
    teachers = [m.teacher_ids[k] for k in m.a_class.tolist()]
    trainers = _trainers(m)
    excuses = [esc(c) for c in COMPANY_EXCUSES]
    for day in range(max(cal.first, int(m.a_start.min())), today):
        if not cal.free[day - cal.first]:
            continue
        r = rng_for(m.seed, "absences", day)
        roll = r.random(m.n)
        idx = np.flatnonzero(school_days[m.a_class, day - cal.first] & (m.a_start <= day) & (day <= fact_end)
                             & (roll < rate))
        if not len(idx):
            continue
        u = r.random((len(idx), 2))
        if day > today - 14:  # recent: proposals and open cases
            state = np.select([u[:, 0] < 0.25, u[:, 0] < 0.75], [4, 0], 3)
        else:
            state = np.select([u[:, 0] < 0.7, u[:, 0] < 0.85, u[:, 0] < 0.9], [0, 1, 2], 3)
        proposed = (state == 1) | (state == 2) | (state == 4)
        excuse = mapped(np.where(proposed, (u[:, 1] * len(excuses)).astype(int), -1),
                        lambda k: NULL if k < 0 else excuses[k])
        lessons = LESSONS[r.integers(0, len(LESSONS), len(idx))].tolist()
        ids = uuids7(r, unix_ms(np.full(len(idx), day), 10) + r.integers(0, 3_600_000, len(idx)))
        date_text, recorded = days(day), days.at(day, 10)
        proposed_at = days.at(min(day + 1, today - 1), 11)
        yield "".join(
            f"{i}\t{a}\t{date_text}\t{n}\t{ABSENCE_STATES[s][0]}\t{ABSENCE_STATES[s][1]}\t{e}\t"
            f"{b if p else NULL}\t{proposed_at if p else NULL}\t{t}\t{recorded}\n"
            for i, a, n, s, e, p, b, t in zip(ids, pick(m.appr_ids, idx), lessons, state.tolist(),
                                              excuse, proposed.tolist(), pick(trainers, idx), pick(teachers, idx),
                                              strict=True))
