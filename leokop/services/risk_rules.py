"""Early-warning rules: each looks at one apprentice's signals and, when it fires, says exactly why.

Pure functions: no Streamlit, no SQL. The thresholds are defaults; a school may change them later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

SEVERITIES = ("hinweis", "warnung", "kritisch")


@dataclass(frozen=True)
class Thresholds:
    unexcused_days_4_weeks: int = 2
    failing_grades: int = 2  # grades 5 or 6
    grade_average: float = 4.0
    unsigned_record_weeks: int = 3
    probation_weeks: int = 4


@dataclass(frozen=True)
class Signals:
    """What the rules look at for one apprentice, as of `today`."""

    today: date
    unexcused_days_4_weeks: int = 0
    grades: tuple[int, ...] = ()
    unsigned_record_weeks: int = 0
    probation_end: date | None = None


@dataclass(frozen=True)
class Flag:
    rule: str
    severity: str
    reason: str
    evidence: dict = field(default_factory=dict)


def _de_number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def unexcused_absences(s: Signals, t: Thresholds) -> Flag | None:
    n = s.unexcused_days_4_weeks
    if n < t.unexcused_days_4_weeks:
        return None
    severity = "kritisch" if n >= 2 * t.unexcused_days_4_weeks else "warnung"
    return Flag("unentschuldigte_fehltage", severity,
                f"{n} unentschuldigte Fehltage in den letzten 4 Wochen (Schwelle: {t.unexcused_days_4_weeks})",
                {"tage": n})


def failing_grades(s: Signals, t: Thresholds) -> Flag | None:
    failing = sum(1 for g in s.grades if g >= 5)
    average = sum(s.grades) / len(s.grades) if s.grades else None
    too_many = failing >= t.failing_grades
    too_weak = average is not None and average > t.grade_average
    if not (too_many or too_weak):
        return None
    reasons = []
    if too_many:
        reasons.append(f"{failing} Lernfeldnoten 5 oder 6 (Schwelle: {t.failing_grades})")
    if too_weak:
        reasons.append(f"Notendurchschnitt {_de_number(average)} (schlechter als {_de_number(t.grade_average)})")
    return Flag("noten", "kritisch" if too_many and too_weak else "warnung", "; ".join(reasons),
                {"noten_5_6": failing, "durchschnitt": average})


def unsigned_record_book(s: Signals, t: Thresholds) -> Flag | None:
    n = s.unsigned_record_weeks
    if n < t.unsigned_record_weeks:
        return None
    return Flag("berichtsheft", "warnung",
                f"{n} Berichtsheft-Wochen nicht unterschrieben (Schwelle: {t.unsigned_record_weeks})", {"wochen": n})


_BASE_RULES = (unexcused_absences, failing_grades, unsigned_record_book)


def evaluate(s: Signals, t: Thresholds | None = None) -> list[Flag]:
    """All flags for one apprentice, most severe first."""
    t = t or Thresholds()
    flags = [flag for rule in _BASE_RULES if (flag := rule(s, t))]
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
                f"Probezeit endet am {s.probation_end:%d.%m.%Y} und weitere Warnzeichen liegen vor",
                {"probezeit_ende": s.probation_end.isoformat()})
