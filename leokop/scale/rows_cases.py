"""Early-warning work rows: concerns raised by hand, and cases with their comments and measures.

A few per cent of the apprentices: 2 % have a concern (40 % of them resolved), 3 % a case (a quarter closed),
with comments from both learning places and one or two measures. The stored flags themselves are not generated:
the generator runs the real evaluation after loading (services.early_warning.refresh).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from leokop.demo.seed import FIRST_NAMES
from leokop.scale.copytext import NULL, Days, esc, rng_for, uuids
from leokop.scale.model import Model

CONCERNS = (
    ("konflikt", "Es gab einen Konflikt mit Mitschülern; ein Gespräch mit {name} ist vereinbart."),
    ("motivation", "{name} wirkt seit einigen Wochen unmotiviert und beteiligt sich kaum."),
    ("gesundheit", "{name} war mehrfach krank; bitte im Blick behalten, ob Unterstützung nötig ist."),
    ("sonstiges", "{name} hat private Schwierigkeiten angedeutet. Bitte vertraulich behandeln."),
)
CASE_TITLES = ("Fehlzeiten klären", "Leistungsabfall in den Lernfeldern", "Berichtsheft nachholen",
               "Gespräch zur Probezeit", "Unterstützung vor der Abschlussprüfung")
COMMENTS = (
    "Gespräch mit {name} geführt, nächster Termin in zwei Wochen.",
    "Rückmeldung aus dem Betrieb: Die Lage hat sich etwas verbessert.",
    "Die Klassenleitung ist informiert und achtet im Unterricht darauf.",
    "Termin mit der QuABB-Beratung ist angefragt.",
)
MEASURES = (("gespraech_azubi", "Gespräch mit {name}"), ("foerderunterricht", "Förderunterricht im Lernfeld"),
            ("gespraech_betrieb_schule", "Gemeinsames Gespräch von Schule und Betrieb"),
            ("quabb", "Beratung durch QuABB"), ("assistierte_ausbildung", "Antrag auf Assistierte Ausbildung"),
            ("sonstiges", "Lernplan für die nächsten Wochen"))
CLOSING = "Die vereinbarten Maßnahmen haben gewirkt; der Fall ist erledigt."


@dataclass(frozen=True)
class Case:
    id: str
    apprentice: int
    opened: int  # day
    status: str


def _people(m: Model, i: int) -> tuple[str, str]:
    """(teacher, trainer) of apprentice i."""
    return m.teacher_ids[int(m.a_class[i])], m.trainer_ids[int(m.a_company[i])]


def concern_rows(m: Model, days: Days) -> Iterator[str]:
    today = m.today.toordinal()
    rng = rng_for(m.seed, "concerns")
    chosen = np.flatnonzero(m.a_active & (rng.random(m.n) < 0.02) & (m.a_start < today - 30))
    rolls = rng.random((len(chosen), 4)).tolist()
    for concern_id, i, r in zip(uuids(rng, len(chosen)), chosen.tolist(), rolls, strict=True):
        kind, text = CONCERNS[int(r[0] * len(CONCERNS))]
        place = "schule" if r[1] < 0.5 else "betrieb"
        author = _people(m, i)[place == "betrieb"]
        raised = today - 1 - int(r[2] * min(120, today - int(m.a_start[i]) - 1))
        resolved = r[3] < 0.4 and raised < today - 7
        yield (f"{concern_id}\t{m.appr_ids[i]}\t{place}\t{kind}\t{esc(text.format(name=FIRST_NAMES[m.a_first[i]]))}\t"
               f"{author}\t{days.at(raised, 10)}\t{days.at(raised + 7, 12) if resolved else NULL}\t"
               f"{author if resolved else NULL}\n")


def cases(m: Model) -> list[Case]:
    today = m.today.toordinal()
    rng = rng_for(m.seed, "cases")
    chosen = np.flatnonzero(m.a_active & (rng.random(m.n) < 0.03) & (m.a_start < today - 30))
    rolls = rng.random((len(chosen), 2)).tolist()
    status = ("offen", "in_bearbeitung", "erledigt")
    return [Case(case_id, i, today - 1 - int(r[0] * min(180, today - int(m.a_start[i]) - 1)),
                 status[0 if r[1] < 0.4 else 1 if r[1] < 0.75 else 2])
            for case_id, i, r in zip(uuids(rng, len(chosen)), chosen.tolist(), rolls, strict=True)]


def case_rows(m: Model, found: list[Case], days: Days) -> Iterator[str]:
    rng = rng_for(m.seed, "case-rows")
    today = m.today.toordinal()
    for case, r in zip(found, rng.random((len(found), 3)).tolist(), strict=True):
        teacher, trainer = _people(m, case.apprentice)
        opener, responsible = (teacher, trainer) if r[0] < 0.6 else (trainer, teacher)
        closed = min(today - 1, case.opened + 14 + int(r[2] * 30)) if case.status == "erledigt" else None
        yield (f"{case.id}\t{m.appr_ids[case.apprentice]}\t{CASE_TITLES[int(r[1] * len(CASE_TITLES))]}\t"
               f"{'kritisch' if r[2] < 0.3 else 'warnung'}\t{case.status}\t{responsible}\t{opener}\t"
               f"{days.at(case.opened, 9)}\t{days.at(closed, 16) if closed else NULL}\t"
               f"{esc(CLOSING) if closed else NULL}\n")


def _case_children(m: Model, found: list[Case], stream: str, fewest: int,
                   most: int) -> Iterator[tuple[str, Case, str, int, list[float]]]:
    """The rows under each case, fewest to most of them: the row's id, its case, the apprentice's first name, its
    number within the case and two random numbers of its own."""
    rng = rng_for(m.seed, stream)
    counts = rng.integers(fewest, most + 1, len(found)).tolist()
    ids = iter(uuids(rng, sum(counts)))
    for case, count, r in zip(found, counts, rng.random((len(found), most, 2)).tolist(), strict=True):
        name = FIRST_NAMES[m.a_first[case.apprentice]]
        for n in range(count):
            yield next(ids), case, name, n, r[n]


def comment_rows(m: Model, found: list[Case], days: Days) -> Iterator[str]:
    today = m.today.toordinal()
    for comment_id, case, name, n, r in _case_children(m, found, "case-comments", 0, 4):
        place = "schule" if r[0] < 0.5 else "betrieb"
        author = _people(m, case.apprentice)[place == "betrieb"]
        day = min(today - 1, case.opened + 2 + 5 * n)
        text = esc(COMMENTS[int(r[1] * len(COMMENTS))].format(name=name))
        yield f"{comment_id}\t{case.id}\t{author}\t{place}\t{text}\t{days.at(day, 11)}\n"


def measure_rows(m: Model, found: list[Case], days: Days) -> Iterator[str]:
    today = m.today.toordinal()
    for measure_id, case, name, n, r in _case_children(m, found, "case-measures", 1, 2):
        teacher, _trainer = _people(m, case.apprentice)
        kind, text = MEASURES[int(r[0] * len(MEASURES))]
        due = case.opened + 14 + 14 * n
        done = case.status == "erledigt" or (due < today and r[1] < 0.6)
        yield (f"{measure_id}\t{case.id}\t{kind}\t{esc(text.format(name=name))}\t{days(due)}\t"
               f"{days.at(min(due, today - 1), 15) if done else NULL}\t{teacher}\t{days.at(case.opened, 10)}\n")
