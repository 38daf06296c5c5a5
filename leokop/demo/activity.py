"""Demo activity: grades, ratings, Berichtsheft weeks, absences, notes and plans for the seeded apprentices.

Everything is derived from the rows seed.py created and from `today`, deterministically: every topic draws from
its own random.Random, seeded with a fixed string and the row it is about, so the data of one apprentice does not
shift when another topic changes. Facts (grades, absences, weeks, notes) never lie after today, before the
contract start or after a dissolution. Only apprentices, classes and cooperations without any activity yet are
filled, so that loading twice adds nothing twice.

The demo dashboards apply the early-warning rules (leokop.services.risk_rules): ordinary apprentices stay below
every threshold, and a handful (TROUBLE_PLAN) are clearly above them.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from uuid import UUID

import psycopg

from leokop import clock
from leokop.clock import BERLIN
from leokop.demo.seed import _id, _months_later, demo_class_id, school_year_start
from leokop.services.imports.planning import KnownApprentice

SEED = "leokop-demo-activity-2026"
DAY, WEEK = timedelta(days=1), timedelta(weeks=1)

# Apprentices who should look endangered on the demo dashboards: (school, class key, companies, concerns). They sit
# at the companies of `ausbilder` (rmd) and `ausbilder2` (taunus), most in classes of the demo teacher
# `lehrkraft` (the FI25b one is `lehrkraft2`'s at Lahntal); the first-year one is in the Probezeit. The first
# matching apprentice in seed order is taken, so the FI25a one is the apprentice the other tests call A_RMD.
TROUBLE_PLAN = (
    ("mainufer", ("FI", 1, "a"), ("rmd",), ("absences", "records")),
    ("mainufer", ("FI", 1, "a"), ("taunus",), ("grades",)),
    ("mainufer", ("FI", 2, "a"), ("rmd",), ("records",)),
    ("mainufer", ("BM", 1, "a"), ("taunus",), ("grades", "absences")),
    ("mainufer", ("FI", 0, "a"), ("rmd", "taunus"), ("probation", "absences")),
    ("lahntal", ("FI", 1, "b"), ("rmd",), ("absences", "grades")),
)
# How long before the summer holidays next school year's blocks are planned (and shown) as well.
NEXT_YEAR_PLANNED = timedelta(weeks=10)
# Company phases planned over a school block or an exam of the class, so that the planning shows conflicts:
# (school, class key, company, what the phase runs over).
CONFLICT_PLAN = (
    ("mainufer", ("FI", 1, "a"), "rmd", "block"),
    ("mainufer", ("FI", 1, "a"), "taunus", "exam"),
    ("lahntal", ("FI", 1, "b"), "rmd", "block"),
)
# What companies see of school data, per school: (grades, absences, teacher notes); other schools share all.
RELEASE_SETTINGS = {"lahntal": (True, True, False)}
# One Mainufer apprentice whose grades are hidden from the company (school, class key, company).
GRADES_HIDDEN_FOR = ("mainufer", ("FI", 2, "a"), "rmd")

# Teil 1 of the gestreckte Abschlussprüfung in months after the start of training (1 August): Fachinformatiker and
# Industriemechaniker in the 4th half-year, Büromanagement around month 15-18. Teil 2 is about three months
# before the end of training (written part, two days).
FIRST_EXAM_MONTH = {"FI": 19, "IM": 19, "KBM": 15}
TEILZEIT_DAYS = ((0, 2), (1, 3), (2, 4), (0, 3), (1, 4), (1,), (3,))  # weekday numbers, Monday = 0

PHASE_TITLES = {  # (title, department); the first one opens every training
    "FI": (
        ("Einführung in den Betrieb und IT-Grundlagen", "Ausbildungsabteilung"),
        ("IT-Support / Servicedesk", "IT-Service"),
        ("Client-Management und Softwareverteilung", "IT-Service"),
        ("Netzwerkadministration", "Infrastruktur"),
        ("Serverbetrieb und Virtualisierung", "Rechenzentrum"),
        ("IT-Sicherheit und Datenschutz", "Informationssicherheit"),
        ("Datenbanken und Reporting", "Business Intelligence"),
        ("Kundenprojekte und Systemintegration", "Projektgeschäft"),
    ),
    "KBM": (
        ("Einführung: Empfang und Sekretariat", "Zentrale Dienste"),
        ("Einkauf", "Beschaffung"),
        ("Vertrieb und Auftragsbearbeitung", "Vertrieb"),
        ("Buchhaltung", "Finanzen und Controlling"),
        ("Personalabteilung", "Personal"),
        ("Marketing und Öffentlichkeitsarbeit", "Marketing"),
        ("Assistenz der Geschäftsführung", "Geschäftsleitung"),
    ),
    "IM": (
        ("Grundausbildung Metall", "Ausbildungswerkstatt"),
        ("Zerspanung: Drehen und Fräsen", "Fertigung"),
        ("Montage von Baugruppen", "Montage"),
        ("Instandhaltung", "Instandhaltung"),
        ("Qualitätssicherung", "Qualitätsmanagement"),
        ("Steuerungstechnik und Pneumatik", "Instandhaltung"),
    ),
}
GENERIC_PHASES = (("Einführung in den Betrieb", "Ausbildungsabteilung"), ("Fachabteilung", None))
EXAM_PREPARATION = ("Prüfungsvorbereitung", "Ausbildungsabteilung")
CONFLICT_PHASES = {
    "block": ("Rollout-Projekt beim Kunden (vor Ort)", "Projektgeschäft"),
    "exam": ("Kundenprojekt Netzwerkumstellung", "Infrastruktur"),
}

JOINT_TITLES = (
    "Ausbildersprechtag",
    "Gemeinsames Projekt-Kickoff",
    "Abstimmung Blockplan und Ausbildungsabschnitte",
    "Besuch der Klassenleitung im Betrieb",
    "Workshop Prüfungsvorbereitung",
    "Azubi-Präsentationen im Betrieb",
    "Arbeitskreis Lernortkooperation",
)
RETURN_COMMENTS = (
    "Bitte die Tätigkeiten von Mittwoch und Donnerstag genauer beschreiben – Stichworte reichen nicht.",
    "Die Berufsschultage fehlen. Bitte mit den Themen aus dem Unterricht ergänzen und erneut einreichen.",
    "Der Urlaubstag am Freitag ist nicht eingetragen. Bitte korrigieren.",
    "Bitte bei den Tätigkeiten den Bezug zur Berufsbildposition ergänzen.",
    "Der Bericht ist fast identisch mit der Vorwoche. Bitte konkret schreiben, was neu war.",
)
COMPANY_EXCUSES = (
    "Betrieblicher Notfalleinsatz beim Kunden, mit der Ausbildungsleitung abgestimmt.",
    "Krankmeldung (AU-Bescheinigung) liegt dem Betrieb vor.",
    "Teilnahme an der Betriebsversammlung (Pflichttermin).",
    "Arzttermin, die Bescheinigung liegt im Betrieb vor.",
    "Wegen des Bahnstreiks keine Anreise möglich; hat an dem Tag im Betrieb gearbeitet.",
)
RATING_COMMENTS = (
    "Arbeitet hier inzwischen weitgehend selbstständig.",
    "Grundlagen sitzen, Vertiefung im nächsten Ausbildungsabschnitt.",
    "Unter Anleitung sicher, bei komplexeren Aufgaben noch Unterstützung nötig.",
    "Im letzten Kundenprojekt intensiv geübt.",
)
SCHOOL_NOTES = (
    "Lernstandsgespräch am Montag geführt: {name} arbeitet im Unterricht gut mit, die Noten sind stabil.",
    "{name} hat die Gruppenpräsentation im aktuellen Lernfeld souverän gehalten.",
    "In zwei Wochen schreibt die Klasse eine Lernfeldarbeit; bitte im Betrieb etwas Zeit zur Vorbereitung einplanen.",
    "{name} kam zuletzt zweimal wenige Minuten zu spät. Bitte bei Gelegenheit einmal ansprechen.",
    "Die Projektarbeit im Lernfeld ist gut abgeschlossen, die Dokumentation vollständig und sauber.",
    "Die mündliche Mitarbeit von {name} hat sich deutlich verbessert – weiter so.",
    "Das Attest zum Krankentag fehlt noch; bitte {name} an das Nachreichen erinnern.",
)
COMPANY_NOTES = (
    "{name} ist im aktuellen Ausbildungsabschnitt gut angekommen und arbeitet zuverlässig.",
    "Das Berichtsheft wird regelmäßig und ordentlich geführt.",
    "Feedbackgespräch geführt: fachlich auf gutem Weg, im Kundenkontakt noch etwas zurückhaltend.",
    "Der nächste Ausbildungsabschnitt ist abgestimmt; {name} wechselt zum Monatsanfang in die neue Abteilung.",
    "{name} hat an der internen Schulung zum Datenschutz teilgenommen.",
    "Hat im Team eigenständig ein kleines Projekt übernommen – sehr engagiert.",
    "Bitte um kurze Rückmeldung, welche Themen im aktuellen Lernfeld dran sind, damit wir im Betrieb anknüpfen.",
)
CONCERN_NOTES = {  # concern -> (note of the school, note of the company)
    "absences": (
        "{name} fehlt seit zwei Wochen wiederholt unentschuldigt, zuletzt an mehreren Tagen hintereinander. "
        "Bitte im Betrieb nachfragen, ob etwas vorgefallen ist. Ein Gesprächstermin ist angeboten.",
        "Rückmeldung aus dem Betrieb: {name} war an den Fehltagen weder krankgemeldet noch bei uns. Gespräch am "
        "Freitag geführt, die Ausbildungsleitung ist informiert. Wir schlagen ein gemeinsames Gespräch mit der "
        "QuABB-Beratung vor.",
    ),
    "grades": (
        "Lernstandsgespräch geführt: Die letzten beiden Leistungsnachweise waren mangelhaft bzw. ungenügend, im "
        "Vorjahr lagen die Noten noch bei 2–3. {name} wirkt unmotiviert. Ein Förderplan wird erstellt.",
        "Auch im Betrieb wirkt {name} seit einigen Wochen abgelenkt. Wir bieten eine zusätzliche Lernstunde pro "
        "Woche an und bitten um die Themen der offenen Lernfelder.",
    ),
    "records": (
        "{name} wirkt im Unterricht müde und unkonzentriert, Aufgaben bleiben liegen. Gibt es im Betrieb "
        "ähnliche Beobachtungen?",
        "{name} hat die Berichtshefte der letzten Wochen nicht abgegeben, ein Nachweis musste zurückgegeben "
        "werden. Ohne vollständige Ausbildungsnachweise ist die Zulassung zur Prüfung gefährdet (§ 43 BBiG).",
    ),
    "probation": (
        "{name} wirkt in den ersten Wochen sehr zurückhaltend und hat schon mehrfach gefehlt. Das "
        "Beratungsangebot der QuABB haben wir bekannt gemacht.",
        "Die Probezeit von {name} endet in Kürze. Es gibt Schwierigkeiten mit Pünktlichkeit und Absprachen; das "
        "Zwischengespräch ist terminiert. Bitte um eine Einschätzung aus der Schule.",
    ),
}


@dataclass(frozen=True)
class Apprentice(KnownApprentice):
    """An apprentice row as the import planner reads it, plus the school whose calendar and staff it follows."""
    school_id: UUID


@dataclass(frozen=True)
class SchoolClass:
    id: UUID
    school_id: UUID
    occupation_id: UUID
    occupation_code: str
    duration_months: int
    start_year: int
    schedule: str


@dataclass(frozen=True)
class LearningField:
    id: UUID
    school_year: int
    track: str | None


@dataclass
class Demo:
    """What the seed created, read back, plus the plans and picks of this module."""

    today: date
    now: datetime
    apprentices: list[Apprentice]
    fresh: set[UUID]  # apprentices without any activity yet
    classes: dict[UUID, SchoolClass]
    teachers: dict[UUID, UUID]  # class -> teacher
    trainers: dict[tuple[UUID, UUID], UUID]  # (school, company) -> trainer
    admins: dict[UUID, UUID]  # school -> admin
    holidays: dict[UUID, tuple[tuple[date, date], ...]]  # school -> school holidays of its state
    learning_fields: dict[UUID, list[LearningField]]  # occupation -> Lernfelder in curriculum order
    positions: dict[UUID, list[UUID]]  # occupation -> Berufsbildpositionen in order
    blocks: dict[UUID, list[tuple[date, date]]] = field(default_factory=dict)
    exams: dict[UUID, list[tuple[str, date, date]]] = field(default_factory=dict)
    troubled: dict[UUID, tuple[str, ...]] = field(default_factory=dict)
    _days_cache: dict = field(default_factory=dict)
    _free_cache: dict = field(default_factory=dict)

    def fact_end(self, a: Apprentice) -> date:
        """The last day that may carry facts: today, or the day the contract was dissolved."""
        return min(self.today, a.dissolved_on) if a.dissolved_on else self.today

    def cap(self, a: Apprentice, moment: datetime) -> datetime:
        """A timestamp no later than now and no later than the apprentice's last day."""
        return min(moment, self.now, _at(self.fact_end(a), 20))

    def in_holidays(self, school_id: UUID, start: date, end: date) -> bool:
        """Whether [start, end] touches the school holidays of the school's state."""
        return any(s <= end and start <= e for s, e in self.holidays.get(school_id, ()))

    def is_free_weekday(self, school_id: UUID, day: date) -> bool:
        """A weekday outside the school holidays and the public holidays."""
        key = (school_id, day)
        if key not in self._free_cache:
            self._free_cache[key] = day.weekday() < 5 and day not in _public_holidays(day.year) and not (
                self.in_holidays(school_id, day, day))
        return self._free_cache[key]

    def free_weekdays(self, school_id: UUID, start: date, end: date) -> list[date]:
        """The weekdays of [start, end] outside all holidays."""
        key = ("free", school_id, start, end)
        if key not in self._days_cache:
            self._days_cache[key] = [d for d in _days(start, end) if self.is_free_weekday(school_id, d)]
        return self._days_cache[key]

    def school_days(self, klass: SchoolClass, start: date, end: date) -> list[date]:
        """Days the class has school: its Teilzeit weekdays, or the days of its school blocks."""
        key = ("class", klass.id, start, end)
        if key not in self._days_cache:
            if klass.schedule == "blockunterricht":
                days = [d for s, e in self.blocks.get(klass.id, ()) for d in _days(max(s, start), min(e, end))]
            else:
                weekdays = _teilzeit_weekdays(klass.id)
                days = [d for d in _days(start, end) if d.weekday() in weekdays]
            self._days_cache[key] = [d for d in days if self.is_free_weekday(klass.school_id, d)]
        return self._days_cache[key]

    def class_of(self, a: Apprentice) -> SchoolClass:
        """The apprentice's class."""
        return self.classes[a.class_id]

    def trainer_of(self, a: Apprentice) -> UUID | None:
        """The trainer of the apprentice's company at the apprentice's school, if one has an account."""
        return self.trainers.get((a.school_id, a.company_id))


def load_activity(conn: psycopg.Connection, today: date) -> None:
    """Fill the progress and planning tables for the seeded apprentices (owner rights, caller's transaction)."""
    demo = _read_demo(conn, today)
    demo.troubled = _pick_troubled(demo)
    _load_exams(conn, demo)
    _load_blocks(conn, demo)
    fresh = [a for a in demo.apprentices if a.id in demo.fresh]
    conflicts = _pick_conflicts(demo)
    grades = [_lf_rows(demo, a) for a in fresh]
    _copy(conn, "lf_grade_history", ("apprentice_id", "learning_field_id", "grade", "graded_on", "recorded_by",
                                     "recorded_at"), [row for _results, older in grades for row in older])
    _copy(conn, "lf_results", ("id", "apprentice_id", "learning_field_id", "status", "grade", "graded_on",
                               "updated_at", "updated_by"), [row for results, _older in grades for row in results])
    _date_grade_history(conn, fresh)
    _copy(conn, "position_ratings", ("id", "apprentice_id", "training_position_id", "level", "comment",
                                     "updated_at", "updated_by"), _rows(_rating_rows, demo, fresh))
    _copy(conn, "record_weeks", ("id", "apprentice_id", "week_start", "status", "submitted_at", "trainer_comment",
                                 "decided_at", "decided_by"), _rows(_week_rows, demo, fresh))
    _copy(conn, "absences", ("id", "apprentice_id", "absence_date", "lessons", "excused", "excuse_state",
                             "excuse_comment", "proposed_by", "proposed_at", "recorded_by", "recorded_at"),
          _rows(_absence_rows, demo, fresh))
    _copy(conn, "notes", ("id", "apprentice_id", "author_id", "place", "body", "created_at"),
          _rows(_note_rows, demo, fresh))
    _copy(conn, "company_phases", ("id", "apprentice_id", "title", "department", "starts_on", "ends_on",
                                   "created_by", "created_at"),
          [row for a in fresh for row in _phase_rows(demo, a, conflicts.get(a.id))])
    _load_joint_dates(conn, demo)
    _load_release_settings(conn, demo)
    _load_cases(conn, demo, fresh)


# --- reading what the seed created ----------------------------------------------------------------------------


def _read_demo(conn: psycopg.Connection, today: date) -> Demo:
    """Apprentices, classes, users' scopes, holidays and curricula, in a stable order."""
    classes = {
        r[0]: SchoolClass(*r) for r in conn.execute(
            "select k.id, k.school_id, k.occupation_id, o.code, o.duration_months, k.start_year, k.schedule::text"
            " from public.classes k join public.occupations o on o.id = k.occupation_id order by k.name, k.id")
    }
    apprentices = [Apprentice(*r) for r in conn.execute(
        "select id, pupil_id, last_name, first_name, birth_date, class_id, company_id, occupation_id, track,"
        " contract_start, contract_end, probation_end, status::text, dissolved_on, school_id"
        " from public.apprentices order by id")]
    seed_order = {_id("apprentice", f"{k}/{i}"): i for k in classes for i in range(100)}
    apprentices.sort(key=lambda a: (seed_order.get(a.id, 100), str(a.id)))
    demo = Demo(today=today, now=clock.now(), apprentices=apprentices, fresh=_fresh_apprentices(conn),
                classes=classes, teachers={}, trainers={}, admins={}, holidays={}, learning_fields={}, positions={})
    for role, user, school, klass, company in conn.execute(
            "select role::text, user_id, school_id, class_id, company_id from public.memberships where active"
            " order by user_id, id"):
        if role == "lehrkraft" and klass:
            demo.teachers.setdefault(klass, user)
        elif role == "ausbilder" and company:
            demo.trainers.setdefault((school, company), user)
        elif role == "admin":
            demo.admins.setdefault(school, user)
    holidays: dict[UUID, list] = {}
    for school, start, end in conn.execute(
            "select s.id, h.starts_on, h.ends_on from public.schools s"
            " join public.school_holidays h on h.state = s.state order by h.starts_on"):
        holidays.setdefault(school, []).append((start, end))
    demo.holidays = {school: tuple(days) for school, days in holidays.items()}
    for lf_id, occupation, year, track in conn.execute(
            "select id, occupation_id, school_year, track from public.learning_fields order by sort_order, code"):
        demo.learning_fields.setdefault(occupation, []).append(LearningField(lf_id, year, track))
    for position, occupation in conn.execute(
            "select id, occupation_id from public.training_positions order by sort_order, number"):
        demo.positions.setdefault(occupation, []).append(position)
    return demo


def _fresh_apprentices(conn: psycopg.Connection) -> set[UUID]:
    """Apprentices that have no progress or planning rows yet."""
    tables = ("lf_results", "position_ratings", "record_weeks", "absences", "notes", "company_phases")
    busy = " and ".join(f"not exists (select 1 from public.{t} x where x.apprentice_id = a.id)" for t in tables)
    return {r[0] for r in conn.execute(f"select a.id from public.apprentices a where {busy}")}


def _pick_troubled(demo: Demo) -> dict[UUID, tuple[str, ...]]:
    """The apprentices of TROUBLE_PLAN: active, at least five weeks in training, in seed order."""
    picked: dict[UUID, tuple[str, ...]] = {}
    for school, class_key, companies, concerns in TROUBLE_PLAN:
        candidates = [a for a in _members(demo, school, class_key, companies) if a.id not in picked
                      and a.contract_start <= demo.today - 5 * WEEK]
        if "probation" in concerns:
            soon = [a for a in candidates if demo.today <= a.probation_end <= demo.today + 4 * WEEK]
            if not soon:
                concerns = tuple(c for c in concerns if c != "probation")
            candidates = soon or candidates
        if candidates:
            picked[candidates[0].id] = concerns
    return picked


def _pick_conflicts(demo: Demo) -> dict[UUID, str]:
    """The apprentices of CONFLICT_PLAN (not troubled ones): apprentice -> 'block' or 'exam'."""
    picked: dict[UUID, str] = {}
    for school, class_key, company, kind in CONFLICT_PLAN:
        candidates = [a for a in _members(demo, school, class_key, (company,))
                      if a.id not in picked and a.id not in demo.troubled]
        if candidates:
            picked[candidates[0].id] = kind
    return picked


def _members(demo: Demo, school: str, class_key: tuple, companies: Sequence[str]) -> list[Apprentice]:
    """Active apprentices of a demo class sent by the given demo companies, in seed order."""
    class_id = demo_class_id(school, *class_key)
    company_ids = {_id("company", c) for c in companies}
    return [a for a in demo.apprentices
            if a.class_id == class_id and a.company_id in company_ids and a.status == "aktiv"]


# --- planning: school blocks and exams per class ----------------------------------------------------------------


def _load_blocks(conn: psycopg.Connection, demo: Demo) -> None:
    """Plan blocks for Blockunterricht classes that have none, then read every class's blocks back."""
    have = {r[0] for r in conn.execute("select distinct class_id from public.school_blocks")}
    recent = {a.class_id for a in demo.apprentices if "absences" in demo.troubled.get(a.id, ())}
    rows, others = [], 0
    current = school_year_start(demo.today)
    # before the summer the school has published next year's block plan too
    years = [current] + ([current + 1] if date(current + 1, 8, 1) - demo.today <= NEXT_YEAR_PLANNED else [])
    for klass in demo.classes.values():
        if klass.schedule != "blockunterricht" or klass.id in have:
            continue
        # classes with absence trouble had a block in the last weeks; the others are staggered after them
        offset = 0 if klass.id in recent else 2 + 2 * (others % 2)
        others += klass.id not in recent
        for year in years:
            if not any(a.class_id == klass.id and a.contract_end >= date(year, 8, 1) for a in demo.apprentices):
                continue  # the class has finished its training by then
            for n, (start, end) in enumerate(_plan_blocks(demo, klass, offset, year), start=1):
                rows.append((_id("block", f"{klass.id}/{start}"), klass.id, start, end,
                             f"{n}. Block im Schuljahr {year}/{(year + 1) % 100:02d}", demo.teachers.get(klass.id)))
    _copy(conn, "school_blocks", ("id", "class_id", "starts_on", "ends_on", "note", "created_by"), rows)
    for class_id, start, end in conn.execute(
            "select class_id, starts_on, ends_on from public.school_blocks order by starts_on"):
        demo.blocks.setdefault(class_id, []).append((start, end))


def _plan_blocks(demo: Demo, klass: SchoolClass, offset_weeks: int, year: int) -> list[tuple[date, date]]:
    """Blocks of 2-3 weeks (Monday-Friday) about every 6-8 weeks of the school year that starts in `year`, clear
    of holidays and exams.

    The schedule is built both ways from one block that starts `offset_weeks` after the week two weeks ago (or
    from the year's first weeks, for next year's plan).
    """
    rng = _rng("blocks", f"{klass.id}/{year}" if year != school_year_start(demo.today) else klass.id)
    first, last = date(year, 8, 1), date(year + 1, 7, 31)
    exams = demo.exams.get(klass.id, ())

    def fits(start: date, weeks: int) -> bool:
        end = start + weeks * WEEK - 3 * DAY
        return (first <= start and end <= last and not demo.in_holidays(klass.school_id, start, end)
                and not any(s <= end and start <= e for _kind, s, e in exams))

    def place(start: date, step: int, weeks: int, limit: date) -> date | None:
        while (start - limit).days * step <= 0:
            if fits(start, weeks):
                return start
            start += step * WEEK
        return None

    anchor = min(max(_monday(demo.today) + (offset_weeks - 2) * WEEK, _monday(first + 6 * DAY)), _monday(last))
    start = place(anchor, -1, 3, first) or place(anchor, 1, 3, last)
    if start is None:
        return []
    blocks = [(start, 3)]
    for step, limit in ((-1, first), (1, last)):
        current, current_weeks = start, 3
        while True:
            weeks = rng.choice((2, 3))
            wanted = current + step * rng.choice((6, 7, 8)) * WEEK
            # the first fit at or beyond the wanted week, else back towards the current block, 3 weeks apart
            closest = current + step * ((current_weeks if step > 0 else weeks) + 3) * WEEK
            found = place(wanted, step, weeks, limit) or place(wanted - step * WEEK, -step, weeks, closest)
            if found is None:
                break
            blocks.append((found, weeks))
            current, current_weeks = found, weeks
    return sorted((s, s + weeks * WEEK - 3 * DAY) for s, weeks in blocks)


def _load_exams(conn: psycopg.Connection, demo: Demo) -> None:
    """Chamber exams of every class (one per kind), then read them back."""
    rows = [(_id("exam", f"{k.id}/{kind}"), k.id, kind, start, end)
            for k in demo.classes.values() for kind, start, end in _plan_exams(demo, k)]
    conn.cursor().executemany(
        "insert into public.exams (id, class_id, kind, starts_on, ends_on) values (%s, %s, %s, %s, %s)"
        " on conflict do nothing", rows)
    for class_id, kind, start, end in conn.execute(
            "select class_id, kind::text, starts_on, ends_on from public.exams order by starts_on"):
        demo.exams.setdefault(class_id, []).append((kind, start, end))


def _plan_exams(demo: Demo, klass: SchoolClass) -> list[tuple[str, date, date]]:
    """Abschlussprüfung Teil 1 (one day) where the occupation has one, and Teil 2 (two days), on a Tuesday."""
    rng = _rng("exams", klass.id)
    training_start = date(klass.start_year, 8, 1)
    exams = []
    if klass.occupation_code in FIRST_EXAM_MONTH:
        day = _months_later(training_start, FIRST_EXAM_MONTH[klass.occupation_code]) + rng.randint(0, 14) * DAY
        day = _exam_day(demo, klass, day)
        exams.append(("abschluss_teil1", day, day))
    day = _exam_day(demo, klass, _months_later(training_start, klass.duration_months - 3) + rng.randint(0, 10) * DAY)
    exams.append(("abschluss_teil2", day, day + DAY))
    return exams


def _exam_day(demo: Demo, klass: SchoolClass, day: date) -> date:
    """The first Tuesday on or after `day` whose two days lie outside holidays."""
    day += ((1 - day.weekday()) % 7) * DAY
    while not (demo.is_free_weekday(klass.school_id, day) and demo.is_free_weekday(klass.school_id, day + DAY)):
        day += WEEK
    return day


# --- learning progress: Lernfelder, Berufsbildpositionen ---------------------------------------------------------


def _lf_rows(demo: Demo, a: Apprentice) -> tuple[list[tuple], list[tuple]]:
    """lf_results rows of the Lernfelder up to the current training year, and older grades for the history."""
    end = demo.fact_end(a)
    if a.contract_start > end:
        return [], []
    klass, rng = demo.class_of(a), _rng("grades", a.id)
    troubled = "grades" in demo.troubled.get(a.id, ())
    ability = rng.gauss(2.6, 0.4) - (0.6 if troubled else 0)  # the troubled ones did well last year
    year_now = school_year_start(end) - klass.start_year + 1
    fields = [lf for lf in demo.learning_fields.get(a.occupation_id, ())
              if lf.school_year <= year_now and lf.track in (None, a.track)]
    teacher = demo.teachers.get(a.class_id)
    results, older = [], []
    current = [lf for lf in fields if lf.school_year == year_now]
    for lf in fields:
        if lf.school_year < year_now:
            status, grade, day = _finished_lf(demo, a, klass, lf, rng, ability)
            earlier_day = _weekday_before(day - rng.randint(6, 12) * WEEK) if day else None
            if grade and earlier_day >= a.contract_start + 3 * WEEK and rng.random() < 0.4:
                earlier = min(4, max(1, grade + rng.choice((-1, 0, 1))))
                older.append((a.id, lf.id, earlier, earlier_day, teacher, demo.cap(a, _at(earlier_day, 15))))
        else:
            # the troubled ones have slipped by more than a grade this year
            status, grade, day = _current_lf(demo, a, klass, current.index(lf), len(current), rng,
                                             ability + (1.5 if troubled else 0), troubled)
        touched = day or max(a.contract_start, date(klass.start_year + lf.school_year - 1, 8, 1))
        results.append((_id("lf_result", f"{a.id}/{lf.id}"), a.id, lf.id, status, grade, day,
                        demo.cap(a, _at(touched, 15)), teacher))
    return results, older


def _finished_lf(demo: Demo, a: Apprentice, klass: SchoolClass, lf: LearningField, rng: random.Random,
                 ability: float) -> tuple[str, int | None, date | None]:
    """A Lernfeld of an earlier school year: finished, graded between November and June of that year."""
    first = date(klass.start_year + lf.school_year - 1, 11, 1)
    day = _school_day(demo, klass, rng, max(first, a.contract_start + 4 * WEEK), date(first.year + 1, 6, 20))
    return ("abgeschlossen", _grade(rng, ability), day) if day else ("abgeschlossen", None, None)


def _current_lf(demo: Demo, a: Apprentice, klass: SchoolClass, index: int, count: int, rng: random.Random,
                ability: float, troubled: bool) -> tuple[str, int | None, date | None]:
    """A Lernfeld of the current year: begun according to how far the year is, some with an interim grade."""
    end = demo.fact_end(a)
    year_start = date(school_year_start(end), 8, 1)
    progress = min(1.0, (end - year_start).days / 330)
    begun = max(2 if troubled else 1, math.ceil(count * min(1.0, 0.3 + progress)))
    if index >= begun:
        return "nicht_begonnen", None, None
    if troubled and index < 2:  # two recent failing grades
        day = _school_day(demo, klass, rng, max(end - 6 * WEEK, a.contract_start + 3 * WEEK), end - DAY)
        return "laufend", (5, 6)[index] if day else None, day
    if rng.random() < 0.55:
        day = _school_day(demo, klass, rng, max(year_start + 5 * WEEK, a.contract_start + 4 * WEEK), end - DAY)
        if day:
            return "laufend", _grade(rng, ability), day
    return "laufend", None, None


def _grade(rng: random.Random, ability: float) -> int:
    """A German grade around the apprentice's ability; ordinary apprentices never fail."""
    return min(4, max(1, round(rng.gauss(ability, 0.5))))


def _date_grade_history(conn: psycopg.Connection, fresh: list[Apprentice]) -> None:
    """The trigger stamps history rows with now(); date them to the day the grade was given."""
    conn.execute(
        "update public.lf_grade_history set recorded_at = least(now(), (graded_on + time '15:00')"
        " at time zone 'Europe/Berlin') where apprentice_id = any(%s) and recorded_at = now()",
        ([a.id for a in fresh],))


def _rating_rows(demo: Demo, a: Apprentice) -> Iterator[tuple]:
    """The trainer's rating of every Berufsbildposition, growing with the time in training."""
    end = demo.fact_end(a)
    if a.contract_start > end:
        return
    rng = _rng("ratings", a.id)
    klass = demo.class_of(a)
    progress = min(1.0, (end - a.contract_start).days / 30.44 / klass.duration_months)
    positions = demo.positions.get(a.occupation_id, [])
    for i, position in enumerate(positions):
        speed = 1.4 - 0.7 * i / max(1, len(positions) - 1)  # the first positions are learnt first
        level = min(4, max(0, round(min(4.0, 5 * progress * speed) + rng.gauss(0, 0.45))))
        comment = rng.choice(RATING_COMMENTS) if level >= 2 and rng.random() < 0.15 else None
        day = _random_day(rng, max(a.contract_start, end - 8 * WEEK), end)
        yield (_id("position_rating", f"{a.id}/{position}"), a.id, position, level, comment,
               demo.cap(a, _at(day, rng.randint(8, 16))), demo.trainer_of(a))


# --- Berichtsheft, absences, notes ------------------------------------------------------------------------------


def _week_rows(demo: Demo, a: Apprentice) -> Iterator[tuple]:
    """Berichtsheft weeks from the contract start to the last full week (or the dissolution).

    The dashboard warns at three weeks not signed (missing ones included) over the whole training, so ordinary
    apprentices leave at most two open: the last one or two handed in, now and then a week sent back or missing.
    """
    rng = _rng("weeks", a.id)
    mondays = _due_weeks(demo, a)
    if "records" in demo.troubled.get(a.id, ()):
        recent = {1: None, 2: None, 3: "eingereicht", 4: "zurueckgegeben", 5: None}  # weeks ago -> status
    else:
        pending = 0 if a.dissolved_on else rng.choice((0, 1, 1, 2))
        recent = {ago: "eingereicht" for ago in range(1, pending + 1)}
        if pending < 2 and len(mondays) > 10 and rng.random() < 0.35:
            slip = rng.randint(pending + 1, 8) if rng.random() < 0.5 else rng.randint(10, len(mondays))
            recent[slip] = "zurueckgegeben" if slip <= 8 else None
    trainer = demo.trainer_of(a)
    for ago, monday in zip(range(len(mondays), 0, -1), mondays, strict=True):
        status = recent.get(ago, "unterschrieben")
        if status is None:
            continue
        handed_in = monday + rng.choice((4, 4, 4, 5, 7)) * DAY  # mostly on Friday, some over the weekend
        submitted = demo.cap(a, _at(handed_in, rng.randint(13, 19), rng.choice((0, 20, 40))))
        decided = demo.cap(a, _at(handed_in + rng.randint(1, 5) * DAY, rng.randint(8, 16))) if (
            status != "eingereicht") else None
        comment = rng.choice(RETURN_COMMENTS) if status == "zurueckgegeben" else None
        yield (_id("record_week", f"{a.id}/{monday}"), a.id, monday, status, submitted, comment, decided,
               trainer if decided else None)


def _due_weeks(demo: Demo, a: Apprentice) -> list[date]:
    """Mondays from the first one on or after the contract start to the last full week before today."""
    monday = a.contract_start + ((7 - a.contract_start.weekday()) % 7) * DAY
    weeks = []
    while monday + 6 * DAY < demo.today and (a.dissolved_on is None or monday + 4 * DAY <= a.dissolved_on):
        weeks.append(monday)
        monday += WEEK
    return weeks


def _absence_rows(demo: Demo, a: Apprentice) -> Iterator[tuple]:
    """Occasional absences on the class's school days of the last twelve months, most of them excused."""
    end = min(demo.today - DAY, demo.fact_end(a))
    start = max(a.contract_start, demo.today - 365 * DAY)
    if start > end:
        return
    rng = _rng("absences", a.id)
    days = demo.school_days(demo.class_of(a), start, end)
    rate = 0.0 if rng.random() < 0.3 else rng.uniform(0.01, 0.05)
    absent = {day: _absence_state(demo, a, rng, day) for day in days if rng.random() < rate}
    _keep_below_warning(demo, a, absent)
    if "absences" in demo.troubled.get(a.id, ()):
        recent = [d for d in days if d > demo.today - 4 * WEEK]
        for day in recent[-rng.randint(3, 4):]:
            absent[day] = (False, "keiner", None)
    teacher, trainer = demo.teachers.get(a.class_id), demo.trainer_of(a)
    for day, (excused, state, comment) in sorted(absent.items()):
        proposed = state != "keiner"
        yield (_id("absence", f"{a.id}/{day}"), a.id, day, rng.choice((2, 3, 4, 6, 8, 8, 8)), excused, state,
               comment, trainer if proposed else None,
               demo.cap(a, _at(day + rng.randint(1, 2) * DAY, 10)) if proposed else None,
               teacher, demo.cap(a, _at(day, rng.randint(8, 13))))


def _absence_state(demo: Demo, a: Apprentice, rng: random.Random,
                   day: date) -> tuple[bool, str, str | None]:
    """(excused, excuse_state, company comment) of one absence: recent ones may still be open or proposed."""
    can_propose = demo.trainer_of(a) is not None
    roll = rng.random()
    if day > demo.today - 2 * WEEK:
        if can_propose and roll < 0.4:
            return False, "vorgeschlagen", rng.choice(COMPANY_EXCUSES)
        return (True, "keiner", None) if roll < 0.7 else (False, "keiner", None)
    if roll < 0.68:
        return True, "keiner", None
    if roll < 0.88 and can_propose:
        return True, "angenommen", rng.choice(COMPANY_EXCUSES)
    if roll < 0.92 and can_propose:
        return False, "abgelehnt", rng.choice(COMPANY_EXCUSES)
    return (True, "keiner", None) if roll < 0.88 else (False, "keiner", None)


def _keep_below_warning(demo: Demo, a: Apprentice, absent: dict) -> None:
    """The dashboard warns at two days not excused in four weeks: ordinary apprentices get at most one."""
    open_days = sorted(d for d, (excused, _s, _c) in absent.items() if not excused and d > demo.today - 4 * WEEK)
    for day in open_days[1:]:
        absent[day] = (True, "keiner", None)


def _note_rows(demo: Demo, a: Apprentice) -> Iterator[tuple]:
    """0-3 notes from each learning place, and for troubled apprentices notes from both about the concern."""
    end = demo.fact_end(a)
    if a.contract_start + 2 * WEEK > end:
        return
    rng = _rng("notes", a.id)
    authors = {"schule": demo.teachers.get(a.class_id), "betrieb": demo.trainer_of(a)}
    start = max(a.contract_start + 2 * WEEK, end - 26 * WEEK)
    for place, texts in (("schule", SCHOOL_NOTES), ("betrieb", COMPANY_NOTES)):
        if authors[place] is None:
            continue
        for text in rng.sample(texts, rng.choice((0, 1, 1, 2, 3))):
            yield _note(demo, a, rng, place, authors[place], text, _random_day(rng, start, end))
    for k, concern in enumerate(demo.troubled.get(a.id, ())):
        # after the evidence: the school writes in the last days, the company answers a day later
        written = _weekday_before(end - (k + 1) * DAY)
        for place, text, day in zip(("schule", "betrieb"), CONCERN_NOTES[concern], (written, written + DAY),
                                    strict=True):
            yield _note(demo, a, rng, place, authors[place], text, day)


def _note(demo: Demo, a: Apprentice, rng: random.Random, place: str, author: UUID | None, text: str,
          day: date) -> tuple:
    """One notes row, written during working hours."""
    created = demo.cap(a, _at(day, rng.randint(7, 17), rng.choice((0, 15, 30, 45))))
    return (_id("note", f"{a.id}/{place}/{text}"), a.id, author, place, text.format(name=a.first_name), created)


# --- cases: the history the leadership page counts ----------------------------------------------------------------

# Per school: cases closed in this school year, closed in the last one, and still open (apprentices who are not
# among the troubled ones, whose dashboards show their flags without a case). Five closed cases or more give the
# leadership page a median time to close.
CASE_PLAN = {"closed": 7, "closed_last_year": 4, "open": 2}
CASE_TITLES = (
    ("Fehlzeiten gemeinsam klären", "warnung", "gespraech_azubi"),
    ("Leistungsabfall im Lernfeld", "hinweis", "foerderunterricht"),
    ("Berichtsheft nachholen", "hinweis", "gespraech_betrieb_schule"),
    ("Konflikt im Betrieb", "kritisch", "quabb"),
    ("Prüfungsvorbereitung absichern", "warnung", "assistierte_ausbildung"),
)
CASE_COMMENTS = {
    "schule": "Gespräch in der Schule geführt, nächste Schritte vereinbart.",
    "betrieb": "Im Betrieb besprochen, wir achten in den nächsten Wochen darauf.",
}
CASE_CLOSING = "Vereinbarungen eingehalten, Lage stabil."
# Comments stay older than the inbox's first-visit window, so that no demo inbox starts full.
CASE_QUIET_DAYS = 15
# No demo cases in the shared class FI25a, and no open ones at rmd: the case and grade flows (tests/browser) work
# there as `lehrkraft` and `ausbilder`, starting from a pair without cases.
CASE_FREE_CLASS = ("mainufer", ("FI", 1, "a"))
NO_OPEN_CASES_AT = "rmd"


def _load_cases(conn: psycopg.Connection, demo: Demo, fresh: list[Apprentice]) -> None:
    """Closed and open cases with comments from both places and measures, for fresh apprentices only."""
    cases, comments, measures = [], [], []
    for school in sorted({a.school_id for a in fresh}, key=str):
        rng = _rng("cases", school)
        candidates = [a for a in fresh if a.school_id == school and a.status == "aktiv" and a.id not in demo.troubled
                      and a.class_id != demo_class_id(CASE_FREE_CLASS[0], *CASE_FREE_CLASS[1])
                      and demo.trainer_of(a) and demo.teachers.get(a.class_id)]
        picked = rng.sample(candidates, min(len(candidates), sum(CASE_PLAN.values())))
        # the open ones come first: put pupils of other companies there
        picked.sort(key=lambda a: a.company_id == _id("company", NO_OPEN_CASES_AT))
        this_year = date(school_year_start(demo.today), 8, 1)
        quiet = demo.today - CASE_QUIET_DAYS * DAY
        windows = ([(quiet - 25 * DAY, quiet, False)] * CASE_PLAN["open"]
                   + [(this_year + 14 * DAY, quiet, True)] * CASE_PLAN["closed"]
                   + [(this_year - 300 * DAY, this_year - 40 * DAY, True)] * CASE_PLAN["closed_last_year"])
        for k, (a, (start, end, closed)) in enumerate(zip(picked, windows, strict=False)):
            start = max(start, a.contract_start + 2 * WEEK)
            if start + 2 * WEEK > end:
                continue
            title, severity, kind = CASE_TITLES[k % len(CASE_TITLES)]
            opened = _random_day(rng, start, end - 2 * WEEK)
            done = _random_day(rng, opened + WEEK, end) if closed else None
            case_id = _id("case", f"{a.id}/{k}")
            teacher, trainer = demo.teachers[a.class_id], demo.trainer_of(a)
            cases.append((case_id, a.id, title, severity, "erledigt" if closed else "in_bearbeitung", teacher, teacher,
                          _at(opened, 9), _at(done, 15) if done else None, CASE_CLOSING if closed else None))
            last = done or end
            for n, (place, author) in enumerate((("schule", teacher), ("betrieb", trainer))):
                comments.append((_id("case-comment", f"{case_id}/{n}"), case_id, author, place, CASE_COMMENTS[place],
                                 _at(_random_day(rng, opened, last), 10 + 4 * n)))
            measures.append((_id("case-measure", f"{case_id}"), case_id, kind, opened + 2 * WEEK,
                             _at(last, 12) if closed else None, teacher, _at(opened, 11)))
    _copy(conn, "risk_cases", ("id", "apprentice_id", "title", "severity", "status", "responsible_id", "opened_by",
                               "opened_at", "closed_at", "closing_reason"), cases)
    _copy(conn, "case_comments", ("id", "case_id", "author_id", "place", "body", "created_at"), comments)
    _copy(conn, "case_measures", ("id", "case_id", "kind", "due_on", "done_at", "created_by", "created_at"), measures)


# --- company phases, joint dates, release settings --------------------------------------------------------------


def _phase_rows(demo: Demo, a: Apprentice, conflict: str | None) -> list[tuple]:
    """3-6 consecutive Ausbildungsabschnitte from the contract start to about six months ahead.

    They keep clear of the class's school blocks and exams (companies plan around them; Blockunterricht makes
    more, shorter phases), except where CONFLICT_PLAN lets one phase run over the next block or exam.
    """
    rng = _rng("phases", a.id)
    klass = demo.class_of(a)
    end = a.dissolved_on or min(a.contract_end, demo.today + rng.randint(23, 29) * WEEK)
    busy = sorted([(s, e, "block") for s, e in demo.blocks.get(klass.id, ())]
                  + [(s, e, "exam") for _kind, s, e in demo.exams.get(klass.id, ())])
    spans = _phase_spans(a.contract_start, end, busy, rng.randint(3, 6))
    clash = _run_over(spans, busy, conflict, demo.today, rng) if conflict else None
    titles = list(PHASE_TITLES.get(klass.occupation_code, GENERIC_PHASES))
    later = titles[1:]
    rng.shuffle(later)
    rows = []
    for n, (start, stop, before) in enumerate(spans):
        if n == clash:
            title, department = CONFLICT_PHASES[conflict]
        elif n == 0:
            title, department = titles[0]
        elif before == "exam" and stop - start <= 10 * WEEK:
            title, department = EXAM_PREPARATION
        else:
            title, department = later[(n - 1) % len(later)]
        created = min(demo.now, _at(max(a.contract_start, start - 4 * WEEK), 9))
        rows.append((_id("phase", f"{a.id}/{start}"), a.id, title, department, start, stop, demo.trainer_of(a),
                     created))
    return rows


def _phase_spans(start: date, end: date, busy: list[tuple[date, date, str]],
                 wanted: int) -> list[tuple[date, date, str | None]]:
    """The stretches of [start, end] between busy intervals, halved until none is longer than eight months and,
    while parts stay at least six weeks long, until `wanted` of them exist.

    Each stretch carries the kind of what follows it ('block', 'exam' or None); stretches under five days are
    left out.
    """
    spans, cursor = [], start
    for b_start, b_end, kind in busy:
        if b_end < cursor:
            continue
        if b_start > end:
            break
        if b_start > cursor:
            spans.append((cursor, b_start - DAY, kind))
        cursor = max(cursor, b_end + DAY)
    if cursor <= end:
        spans.append((cursor, end, None))
    spans = [span for span in spans if (span[1] - span[0]).days >= 4]
    while spans:
        i = max(range(len(spans)), key=lambda k: spans[k][1] - spans[k][0])
        s, e, kind = spans[i]
        length = (e - s).days + 1
        if not (length > 243 or (len(spans) < wanted and length >= 84)):
            break
        middle = s + (length // 2) * DAY
        spans[i:i + 1] = [(s, middle - DAY, None), (middle, e, kind)]
    return spans


def _run_over(spans: list, busy: list, kind: str, today: date, rng: random.Random) -> int | None:
    """Let the phase before the next future block or exam run a few days into it; returns that phase's index."""
    for b_start, b_end, b_kind in busy:
        before = [i for i, span in enumerate(spans) if span[1] < b_start]
        if b_kind != kind or b_start <= today or not before or before[-1] + 1 >= len(spans):
            continue
        i, following = before[-1], spans[before[-1] + 1]
        stop = (b_start if kind == "block" else b_end) + rng.randint(2, 4) * DAY
        if following[1] - stop < 5 * DAY:
            continue
        spans[i] = (spans[i][0], stop, spans[i][2])
        spans[i + 1] = (max(following[0], stop + DAY), following[1], following[2])
        return i
    return None


def _load_joint_dates(conn: psycopg.Connection, demo: Demo) -> None:
    """1-3 joint dates per cooperation without any: one in the next eight weeks, others before or after."""
    rows = []
    for coop, school, company in conn.execute(
            "select c.id, c.school_id, c.company_id from public.cooperations c where c.active and not exists"
            " (select 1 from public.joint_dates j where j.cooperation_id = c.id) order by c.id").fetchall():
        rng = _rng("joint", coop)
        author = demo.trainers.get((school, company)) or next(
            (demo.teachers[a.class_id] for a in demo.apprentices
             if (a.school_id, a.company_id) == (school, company) and a.class_id in demo.teachers), None)
        for n, title in enumerate(rng.sample(JOINT_TITLES, rng.randint(1, 3))):
            offset = rng.randint(3, 56) if n == 0 or rng.random() < 0.5 else -rng.randint(3, 90)
            day = _next_free_weekday(demo, school, demo.today + offset * DAY)
            created = min(demo.now, _at(min(day, demo.today) - rng.randint(7, 30) * DAY, 11))
            rows.append((_id("joint_date", f"{coop}/{title}"), coop, title, day, author, created))
    _copy(conn, "joint_dates", ("id", "cooperation_id", "title", "on_date", "created_by", "created_at"), rows)


def _load_release_settings(conn: psycopg.Connection, demo: Demo) -> None:
    """A release setting per school (RELEASE_SETTINGS) and the one per-apprentice override."""
    schools = [r[0] for r in conn.execute("select id from public.schools order by id")]
    by_id = {_id("school", key): shares for key, shares in RELEASE_SETTINGS.items()}
    conn.cursor().executemany(
        "insert into public.release_settings (school_id, share_grades, share_absences, share_teacher_notes,"
        " updated_by) values (%s, %s, %s, %s, %s) on conflict do nothing",
        [(s, *by_id.get(s, (True, True, True)), demo.admins.get(s)) for s in schools])
    school, class_key, company = GRADES_HIDDEN_FOR
    hidden = next((a for a in _members(demo, school, class_key, (company,)) if a.id not in demo.troubled), None)
    if hidden:
        conn.execute("insert into public.release_overrides (apprentice_id, share_grades, updated_by)"
                     " values (%s, false, %s) on conflict do nothing", (hidden.id, demo.admins.get(hidden.school_id)))


# --- small helpers -----------------------------------------------------------------------------------------------


def _copy(conn: psycopg.Connection, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Bulk insert with COPY (row triggers still fire)."""
    if not rows:
        return
    with conn.cursor().copy(f"copy public.{table} ({', '.join(columns)}) from stdin") as copy:
        for row in rows:
            copy.write_row(row)


def _rows(make, demo: Demo, apprentices: list[Apprentice]) -> list[tuple]:
    """The rows `make(demo, apprentice)` yields for each apprentice."""
    return [row for a in apprentices for row in make(demo, a)]


def _rng(*parts: object) -> random.Random:
    """A random stream of its own for one topic and row (string seeds are stable across processes)."""
    return random.Random("/".join([SEED, *map(str, parts)]))


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment of a day in German local time."""
    return datetime.combine(day, time(hour, minute), BERLIN)


def _days(start: date, end: date) -> Iterator[date]:
    """Every day from start to end, both included."""
    day = start
    while day <= end:
        yield day
        day += DAY


def _monday(day: date) -> date:
    """The Monday of the day's week."""
    return day - day.weekday() * DAY


def _random_day(rng: random.Random, start: date, end: date) -> date:
    """A weekday between start and end (start itself when the range holds none)."""
    days = [d for d in _days(start, end) if d.weekday() < 5]
    return rng.choice(days) if days else start


def _weekday_before(day: date) -> date:
    """The day itself if it is a weekday, else the Friday before."""
    while day.weekday() >= 5:
        day -= DAY
    return day


def _school_day(demo: Demo, klass: SchoolClass, rng: random.Random, start: date, end: date) -> date | None:
    """A school day of the class in [start, end]; before its stored blocks any weekday outside holidays."""
    days = demo.school_days(klass, start, end) or demo.free_weekdays(klass.school_id, start, end)
    return rng.choice(days) if days else None


def _next_free_weekday(demo: Demo, school_id: UUID, day: date) -> date:
    """The day itself or the next weekday outside all holidays."""
    while not demo.is_free_weekday(school_id, day):
        day += DAY
    return day


@cache
def _teilzeit_weekdays(class_id: UUID) -> tuple[int, ...]:
    """The fixed school weekdays of a Teilzeit class."""
    return _rng("weekdays", class_id).choice(TEILZEIT_DAYS)


@cache
def _public_holidays(year: int) -> frozenset[date]:
    """Hessen's public holidays (gesetzliche Feiertage) of a year."""
    easter = _easter(year)
    # Karfreitag, Ostermontag, Christi Himmelfahrt, Pfingstmontag, Fronleichnam
    movable = [easter + offset * DAY for offset in (-2, 1, 39, 50, 60)]
    return frozenset(movable + [date(year, m, d) for m, d in ((1, 1), (5, 1), (10, 3), (12, 25), (12, 26))])


def _easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_c, leap_r = divmod(century, 4)
    moon = (19 * golden + century - leap_c - (century - (century + 8) // 25 + 1) // 3 + 15) % 30
    leap_y, leap_yr = divmod(rest, 4)
    weekday_shift = (32 + 2 * leap_r + 2 * leap_y - moon - leap_yr) % 7
    correction = (golden + 11 * moon + 22 * weekday_shift) // 451
    month, day = divmod(moon + weekday_shift - 7 * correction + 114, 31)
    return date(year, month, day + 1)
