"""Early-warning rules: each looks at one apprentice's signals and, when it fires, says exactly why.

Pure functions: no Streamlit, no SQL. The thresholds are defaults; a school may change them.
Every flag names the category of data it rests on, so that the company side only sees flags about school data
the school released (grades, absences).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from leokop import texts
from leokop.formats import german_date, german_number

SEVERITIES = ("hinweis", "warnung", "kritisch")
CONCERN_KINDS = ("konflikt", "motivation", "gesundheit", "sonstiges")


@dataclass(frozen=True)
class Thresholds:
    unexcused_days_4_weeks: int = 2
    absence_rate_90_days: float = 0.10
    failing_grades: int = 2  # grades 5 or 6
    grade_average: float = 4.0
    grade_drop: float = 1.0
    unsigned_record_weeks: int = 3
    probation_weeks: int = 4
    exam_weeks: int = 8


@dataclass(frozen=True)
class Concern:
    """A worry raised by hand by the teacher or the trainer."""

    kind: str
    text: str
    place: str  # "schule" or "betrieb"


@dataclass(frozen=True)
class Signals:
    """What the rules look at for one apprentice, as of `today`."""

    today: date
    active: bool = True
    unexcused_days_4_weeks: int = 0
    absence_days_90: int = 0
    school_days_90: int = 0
    grades: tuple[int, ...] = ()
    failing_fields: tuple[str, ...] = ()  # Lernfelder graded 5 or 6
    previous_half_average: float | None = None
    current_half_average: float | None = None
    unsigned_record_weeks: int = 0
    probation_end: date | None = None
    exam_name: str | None = None  # the next Zwischenprüfung / Abschlussprüfung Teil 1
    exam_date: date | None = None
    concerns: tuple[Concern, ...] = ()


@dataclass(frozen=True)
class Flag:
    rule: str
    severity: str
    reason: str
    category: str
    evidence: dict = field(default_factory=dict)


def _de_number(value) -> str:
    return german_number(float(value), 1)


def unexcused_absences(s: Signals, t: Thresholds) -> Flag | None:
    n = s.unexcused_days_4_weeks
    if n < t.unexcused_days_4_weeks:
        return None
    severity = "kritisch" if n >= 2 * t.unexcused_days_4_weeks else "warnung"
    return Flag("unentschuldigte_fehltage", severity,
                texts.RULE_UNEXCUSED.format(n=n, threshold=t.unexcused_days_4_weeks),
                "absences", {"tage": n})


def absence_rate(s: Signals, t: Thresholds) -> Flag | None:
    if s.school_days_90 <= 0:
        return None
    rate = s.absence_days_90 / s.school_days_90
    if rate < t.absence_rate_90_days:
        return None
    return Flag("fehlquote", "warnung",
                texts.RULE_ABSENCE_RATE.format(rate=round(rate * 100), days=s.absence_days_90,
                                               school_days=s.school_days_90,
                                               threshold=round(t.absence_rate_90_days * 100)),
                "absences", {"fehltage": s.absence_days_90, "schultage": s.school_days_90})


def failing_grades(s: Signals, t: Thresholds) -> Flag | None:
    failing = sum(1 for g in s.grades if g >= 5)
    average = sum(s.grades) / len(s.grades) if s.grades else None
    too_many = failing >= t.failing_grades
    too_weak = average is not None and average > t.grade_average
    if not (too_many or too_weak):
        return None
    reasons = []
    if too_many:
        reasons.append(texts.RULE_FAILING.format(n=failing, threshold=t.failing_grades))
    if too_weak:
        reasons.append(texts.RULE_AVERAGE.format(average=_de_number(average), threshold=_de_number(t.grade_average)))
    return Flag("noten", "kritisch" if too_many and too_weak else "warnung", "; ".join(reasons), "grades",
                {"noten_5_6": failing, "durchschnitt": average})


def grade_drop(s: Signals, t: Thresholds) -> Flag | None:
    before, now = s.previous_half_average, s.current_half_average
    if before is None or now is None or now - before < t.grade_drop:
        return None
    return Flag("notenabfall", "warnung",
                texts.RULE_DROP.format(before=_de_number(before), now=_de_number(now),
                                       threshold=_de_number(t.grade_drop)), "grades", {"vorher": before, "jetzt": now})


def unsigned_record_book(s: Signals, t: Thresholds) -> Flag | None:
    n = s.unsigned_record_weeks
    if n < t.unsigned_record_weeks:
        return None
    return Flag("berichtsheft", "warnung",
                texts.RULE_UNSIGNED.format(n=n, threshold=t.unsigned_record_weeks), "record_book",
                {"wochen": n})


def exam_at_risk(s: Signals, t: Thresholds) -> Flag | None:
    if s.exam_date is None or not s.failing_fields:
        return None
    if not s.today <= s.exam_date <= s.today + timedelta(weeks=t.exam_weeks):
        return None
    return Flag("pruefung", "kritisch",
                texts.RULE_EXAM.format(exam=s.exam_name, day=german_date(s.exam_date),
                                       fields=", ".join(s.failing_fields)),
                "grades", {"pruefung": s.exam_date.isoformat(), "lernfelder": list(s.failing_fields)})


def concerns(s: Signals, _t: Thresholds) -> list[Flag]:
    """One flag per learning place that raised concerns. The school's concerns are released to the company like
    teacher notes; the company's are always visible to the school."""
    flags = []
    for place, category in (("schule", "teacher_notes"), ("betrieb", "concern")):
        raised = [c for c in s.concerns if c.place == place]
        if raised:
            severity = "kritisch" if any(c.kind == "konflikt" for c in raised) else "warnung"
            reason = "; ".join(texts.RULE_CONCERN.format(who=texts.RULE_CONCERN_WHO[place],
                                                         kind=texts.CONCERN_LABELS.get(c.kind, c.kind), text=c.text)
                               for c in raised)
            flags.append(Flag(f"anliegen_{place}", severity, reason, category, {"arten": [c.kind for c in raised]}))
    return flags


_RULES = (unexcused_absences, absence_rate, failing_grades, grade_drop, unsigned_record_book, exam_at_risk)


def evaluate(s: Signals, t: Thresholds | None = None) -> list[Flag]:
    """All flags for one apprentice, most severe first; none for an apprentice who has left."""
    if not s.active:
        return []
    t = t or Thresholds()
    flags = [flag for rule in _RULES if (flag := rule(s, t))] + concerns(s, t)
    probation = probation_decision(s, t, bool(flags))
    if probation:
        flags.append(probation)
    return sorted(flags, key=lambda f: -SEVERITIES.index(f.severity))


def probation_decision(s: Signals, t: Thresholds, other_rules_fired: bool) -> Flag | None:
    """The end of the probation period is the decision point for both sides, if anything else is wrong."""
    if not other_rules_fired or s.probation_end is None:
        return None
    if not s.today <= s.probation_end <= s.today + timedelta(weeks=t.probation_weeks):
        return None
    return Flag("probezeit", "kritisch",
                texts.RULE_PROBATION.format(day=german_date(s.probation_end)), "probation",
                {"probezeit_ende": s.probation_end.isoformat()})
