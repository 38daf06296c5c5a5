"""From the file's rows and the school's current data to a plan: what would be created, updated or left alone, and
every refused row with its line, column and German reason. No SQL: the repository reads the state and writes the
plan (leokop/repo/imports.py).

Matching: apprentices by the school system's pupil id, else by Nachname + Vorname + Geburtsdatum; companies by the
school's Kürzel, else by name and postcode (then by name alone among the school's own companies). A row is taken
whole or not at all; an empty cell changes nothing; nobody is ever deleted, and a pupil missing from the file is
listed for review.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID, uuid4

from leokop import texts
from leokop.services.imports import values as v
from leokop.services.imports.reading import Problem, Table

KINDS = ("apprentices", "classes", "companies", "cooperations", "contacts")


# --- the school's current data, as the repository reads it ----------------------------------------------------------

@dataclass(frozen=True)
class KnownApprentice:
    id: UUID
    pupil_id: str | None
    last_name: str
    first_name: str
    birth_date: date
    class_id: UUID
    company_id: UUID
    occupation_id: UUID
    track: str | None
    contract_start: date
    contract_end: date
    probation_end: date
    status: str
    dissolved_on: date | None


@dataclass(frozen=True)
class KnownClass:
    id: UUID
    name: str
    start_year: int
    occupation_id: UUID
    schedule: str


@dataclass(frozen=True)
class KnownCompany:
    id: UUID
    name: str
    city: str
    postcode: str | None
    street: str | None
    email: str | None
    sector: str | None
    chamber: str
    code: str | None  # this school's Kürzel, on the pair
    cooperation_id: UUID | None
    cooperation_active: bool


@dataclass(frozen=True)
class KnownContact:
    id: UUID
    company_id: UUID
    first_name: str | None
    last_name: str
    email: str | None


@dataclass
class SchoolState:
    school_id: UUID
    today: date
    occupations: list[v.Occupation]
    classes: list[KnownClass]
    companies: list[KnownCompany]  # the companies the school cooperates with
    apprentices: list[KnownApprentice]
    contacts: list[KnownContact]
    elsewhere: dict[tuple[str, str], UUID] = field(default_factory=dict)  # (name key, postcode) -> another school's


def school_state(school_id: UUID, today: date, rows: dict[str, list]) -> SchoolState:
    """The state of the school from the repo's rows (repo.imports.read_state)."""
    return SchoolState(school_id, today, [v.Occupation(*r) for r in rows["occupations"]],
                       [KnownClass(*r) for r in rows["classes"]], [KnownCompany(*r) for r in rows["companies"]],
                       [KnownApprentice(*r) for r in rows["apprentices"]], [KnownContact(*r) for r in rows["contacts"]],
                       rows["elsewhere"])


# --- rows with parsed values --------------------------------------------------------------------------------------

@dataclass
class Entry:
    line: int
    values: dict[str, object]
    columns: dict[str, str]  # field -> the file's header, for the refusal's column
    problems: list[Problem]


_TEXT_LIMITS = {"pupil_id": 40, "last_name": 100, "first_name": 100, "class_name": 40, "occupation": 200,
                "track": 100, "company_code": 40, "company_name": 200, "company_street": 200, "company_city": 100,
                "company_sector": 100, "trainer_name": 200, "trainer_last_name": 100, "trainer_first_name": 100}
_PARSERS: dict[str, Callable[[object], object]] = {
    "birth_date": v.parse_date, "contract_start": v.parse_date, "contract_end": v.parse_date,
    "probation_end": v.parse_date, "left_on": v.parse_date, "company_postcode": v.parse_postcode,
    "company_email": v.parse_email, "trainer_email": v.parse_email, "company_chamber": v.parse_chamber,
    "schedule": v.parse_schedule,
}


def interpret(table: Table, fields: list[str]) -> list[Entry]:
    """Each data row's cells as the fields the mapping gives them, parsed; the cells' problems noted per row."""
    entries = []
    for row in table.rows:
        entry = Entry(row.line, {}, {}, list(row.problems))
        for header, name, raw in zip(table.headers, fields, row.values, strict=True):
            if not name:
                continue
            entry.columns[name] = header
            if any(p.column == header for p in row.problems):
                continue  # a formula cell: its value is not read at all
            try:
                parsed = _PARSERS[name](raw) if name in _PARSERS else v.limited(v.text(raw), _TEXT_LIMITS[name])
            except v.BadValue as exc:
                entry.problems.append(Problem(row.line, header, str(exc)))
                continue
            if parsed not in (None, ""):
                entry.values[name] = parsed
        if "trainer_name" in entry.values:
            first, last = v.split_name(str(entry.values.pop("trainer_name")))
            entry.values.setdefault("trainer_last_name", last)
            if first:
                entry.values.setdefault("trainer_first_name", first)
            entry.columns.setdefault("trainer_last_name", entry.columns["trainer_name"])
        entries.append(entry)
    return entries


def company_keys(entries: list[Entry]) -> list[tuple[str, str]]:
    """(name key, postcode) of every company the file names with a postcode: looked up at other schools."""
    return sorted({(v.key(str(e.values["company_name"])), str(e.values["company_postcode"])) for e in entries
                   if "company_name" in e.values and "company_postcode" in e.values})


# --- the plan ------------------------------------------------------------------------------------------------------

@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Plan:
    school_id: UUID
    rows: int
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    refused: list[Problem] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (name, class) of active apprentices not in it
    new_companies: list[dict] = field(default_factory=list)
    company_updates: list[dict] = field(default_factory=list)
    new_cooperations: list[dict] = field(default_factory=list)
    cooperation_updates: list[dict] = field(default_factory=list)
    new_classes: list[dict] = field(default_factory=list)
    class_updates: list[dict] = field(default_factory=list)
    new_apprentices: list[dict] = field(default_factory=list)
    apprentice_updates: list[dict] = field(default_factory=list)
    new_contacts: list[dict] = field(default_factory=list)
    contact_updates: list[dict] = field(default_factory=list)

    @property
    def refused_rows(self) -> int:
        return len({p.line for p in self.refused})

    @property
    def changes(self) -> int:
        return sum(c.created + c.updated for c in self.counts.values())

    def summary(self) -> dict[str, dict[str, int]]:
        """The counts as plain numbers (for the import record and the command line)."""
        return {k: {"created": c.created, "updated": c.updated, "unchanged": c.unchanged}
                for k, c in self.counts.items()}


class _Refused(Exception):
    def __init__(self, column: str | None, reason: str) -> None:
        super().__init__(reason)
        self.column, self.reason = column, reason


def _required(e: Entry, name: str) -> _Refused:
    return _Refused(e.columns.get(name), texts.IMPORT_REQUIRED.format(field=texts.IMPORT_FIELD_LABELS[name]))


def school_year_of(day: date) -> int:
    """The year the school year of `day` began (1 August), as public.school_year_start()."""
    return day.year if day.month >= 8 else day.year - 1


def default_probation_end(start: date) -> date:
    """Four months less a day, the longest probation § 20 BBiG allows (the contract's own date is usually so)."""
    month0 = start.month - 1 + 4
    year, month = start.year + month0 // 12, month0 % 12 + 1
    try:
        return date(year, month, start.day) - timedelta(days=1)
    except ValueError:  # 31 October + 4 months: the last day of February
        return date(year, month + 1, 1) - timedelta(days=1)


def _probation_bounds(start: date) -> tuple[date, date]:
    """The check of sql/003: at least a month less a day, at most four months after the start."""
    def plus_months(months: int) -> date:
        month0 = start.month - 1 + months
        year, month = start.year + month0 // 12, month0 % 12 + 1
        for day in range(start.day, 27, -1):
            try:
                return date(year, month, day)
            except ValueError:
                continue
        return date(year, month, start.day)
    return plus_months(1) - timedelta(days=1), plus_months(4)


class _Planner:
    def __init__(self, state: SchoolState, plan: Plan, has_pupils: bool) -> None:
        self.state, self.plan, self.has_pupils = state, plan, has_pupils
        self.finder = v.OccupationFinder(state.occupations)
        self.occupation_names = {o.id: o.name for o in state.occupations}
        self.companies = {c.id: c for c in state.companies}
        self.by_code = {v.key(c.code): c.id for c in state.companies if c.code}
        self.by_name_postcode: dict[tuple[str, str | None], list[UUID]] = {}
        self.by_name: dict[str, list[UUID]] = {}
        for c in state.companies:
            self.by_name_postcode.setdefault((v.key(c.name), c.postcode), []).append(c.id)
            self.by_name.setdefault(v.key(c.name), []).append(c.id)
        self.classes: dict[str, list[KnownClass]] = {}
        for k in state.classes:
            self.classes.setdefault(v.key(k.name), []).append(k)
        self.apprentices = {a.id: a for a in state.apprentices}
        self.by_pupil_id = {a.pupil_id: a.id for a in state.apprentices if a.pupil_id}
        self.by_person = {(v.key(a.last_name), v.key(a.first_name), a.birth_date): a.id for a in state.apprentices}
        self.contacts_by_email = {(c.company_id, c.email): c for c in state.contacts if c.email}
        self.contacts_by_name = {(c.company_id, v.key(c.last_name), v.key(c.first_name or "")): c
                                 for c in state.contacts if not c.email}
        # what this file has touched so far (each thing is counted once)
        self.seen_companies: dict[UUID, dict] = {}  # id -> the company's values from its first row
        self.seen_classes: set[UUID] = set()
        self.pairs: dict[UUID, dict] = {}  # company id -> the pair: new (id, code) or known (id, changes)
        self.seen_contacts: set[object] = set()
        self.new_company_by_code: dict[str, UUID] = {}
        self.new_company_by_name: dict[tuple[str, str | None], UUID] = {}
        self.new_classes: dict[str, dict] = {}
        self.people_lines: dict[object, int] = {}
        self.matched: set[UUID] = set()

    # -- companies --

    def resolve_company(self, e: Entry, effects: list) -> UUID | None:
        """The row's company (found or to be created), with its pair and changes added to effects."""
        code = e.values.get("company_code")
        name = e.values.get("company_name")
        if code is None and name is None:
            return None
        postcode = e.values.get("company_postcode")
        code_key = v.key(str(code)) if code else None
        company_id: UUID | None = None
        if code_key:
            company_id = self.by_code.get(code_key) or self.new_company_by_code.get(code_key)
        if company_id is None and name:
            name_key = v.key(str(name))
            found = self.by_name_postcode.get((name_key, postcode), [])
            same_name = self.by_name.get(name_key, [])
            # by name alone when the row has no postcode, or the school's one company of that name has none stored
            only_one_without = len(same_name) == 1 and self.companies[same_name[0]].postcode is None
            if not found and (postcode is None or only_one_without):
                found = same_name
            if len(found) > 1:
                raise _Refused(e.columns.get("company_name"), texts.IMPORT_COMPANY_AMBIGUOUS.format(name=name))
            company_id = (found[0] if found else self.new_company_by_name.get((name_key, postcode))
                          or (self.state.elsewhere.get((name_key, postcode)) if postcode else None))
        if company_id is None:
            company_id = self._new_company(e, code_key, effects)
        elif company_id in self.companies:
            self._company_changes(e, self.companies[company_id], effects)
        self._pair(company_id, str(code) if code else None, effects)
        return company_id

    def _new_company(self, e: Entry, code_key: str | None, effects: list) -> UUID:
        name, city = e.values.get("company_name"), e.values.get("company_city")
        if name is None:
            raise _Refused(e.columns.get("company_code"),
                           texts.IMPORT_UNKNOWN_CODE.format(code=e.values.get("company_code")))
        if city is None:
            raise _Refused(e.columns.get("company_city") or e.columns.get("company_name"),
                           texts.IMPORT_COMPANY_CITY_MISSING.format(name=name))
        company = {"id": uuid4(), "name": name, "city": city, "postcode": e.values.get("company_postcode"),
                   "street": e.values.get("company_street"), "email": e.values.get("company_email"),
                   "sector": e.values.get("company_sector"), "chamber": e.values.get("company_chamber") or "sonstige"}
        effects.append(("new_company", company, code_key, (v.key(str(name)), company["postcode"])))
        return company["id"]

    def _company_changes(self, e: Entry, known: KnownCompany, effects: list) -> None:
        if known.id in self.seen_companies:
            return  # the first row that names a company decides its data
        wanted = {"name": e.values.get("company_name"), "city": e.values.get("company_city"),
                  "postcode": e.values.get("company_postcode"), "street": e.values.get("company_street"),
                  "email": e.values.get("company_email"), "sector": e.values.get("company_sector"),
                  "chamber": e.values.get("company_chamber")}
        changes = {k: value for k, value in wanted.items() if value is not None and value != getattr(known, k)}
        effects.append(("company", known.id, changes))

    def _pair(self, company_id: UUID, code: str | None, effects: list) -> None:
        known = self.companies.get(company_id)
        if known is None or known.cooperation_id is None:
            effects.append(("new_pair", company_id, code))
            return
        changes = {}
        if code and (known.code is None or v.key(known.code) != v.key(code)):
            changes["company_code"] = code
        effects.append(("pair", company_id, known.cooperation_id, changes))

    def reactivate_pair(self, company_id: UUID, effects: list) -> None:
        known = self.companies.get(company_id)
        if known is not None and known.cooperation_id is not None and not known.cooperation_active:
            effects.append(("pair", company_id, known.cooperation_id, {"active": True}))

    # -- classes --

    def resolve_class(self, e: Entry, occupation_id: UUID | None, start: date | None, effects: list) -> dict | None:
        """{"id", "occupation_id"} of the row's class (found or to be created), or None when the row names none."""
        name = e.values.get("class_name")
        if name is None:
            return None
        name_key = v.key(str(name))
        candidates = self.classes.get(name_key, [])
        year = school_year_of(start) if start else None
        if candidates:
            same_year = [k for k in candidates if k.start_year == year]
            known = same_year[0] if same_year else max(candidates, key=lambda k: k.start_year)
            schedule = e.values.get("schedule")
            effects.append(("class", known.id, {"schedule": schedule} if schedule and schedule != known.schedule
                            else {}))
            return {"id": known.id, "occupation_id": known.occupation_id}
        if name_key in self.new_classes:
            return self.new_classes[name_key]
        if occupation_id is None:
            raise _Refused(e.columns.get("occupation") or e.columns.get("class_name"),
                           texts.IMPORT_CLASS_NEEDS_OCCUPATION.format(name=name))
        if year is None:
            raise _Refused(e.columns.get("contract_start") or e.columns.get("class_name"),
                           texts.IMPORT_CLASS_NEEDS_START.format(name=name))
        new = {"id": uuid4(), "name": name, "occupation_id": occupation_id, "start_year": year,
               "schedule": e.values.get("schedule") or "teilzeitunterricht"}
        effects.append(("new_class", new, name_key))
        return new

    # -- apprentices --

    def person_key(self, e: Entry) -> object:
        if "pupil_id" in e.values:
            return ("id", e.values["pupil_id"])
        return ("person", v.key(str(e.values.get("last_name", ""))), v.key(str(e.values.get("first_name", ""))),
                e.values.get("birth_date"))

    def find_apprentice(self, e: Entry) -> KnownApprentice | None:
        found = self.by_pupil_id.get(e.values.get("pupil_id")) if "pupil_id" in e.values else None
        if found is None and "birth_date" in e.values:
            found = self.by_person.get((v.key(str(e.values.get("last_name", ""))),
                                        v.key(str(e.values.get("first_name", ""))), e.values["birth_date"]))
        return self.apprentices.get(found) if found else None

    def apprentice(self, e: Entry, known: KnownApprentice | None, effects: list) -> None:
        col = e.columns.get
        for name in ("last_name", "first_name"):
            if name not in e.values:
                raise _required(e, name)
        if known is None and "birth_date" not in e.values:
            raise _required(e, "birth_date")
        today = self.state.today
        birth = e.values.get("birth_date") or known.birth_date
        if birth > today:
            raise _Refused(col("birth_date"), texts.IMPORT_BIRTH_FUTURE)
        if birth.year < 1900:
            raise _Refused(col("birth_date"), texts.IMPORT_BIRTH_IMPLAUSIBLE)
        occupation_id, track = None, None
        if "occupation" in e.values:
            try:
                occupation, track = self.finder.find(str(e.values["occupation"]))
            except v.BadValue as exc:
                raise _Refused(col("occupation"), str(exc)) from None
            occupation_id = occupation.id
        track = e.values.get("track", track)
        start = e.values.get("contract_start") or (known.contract_start if known else None)
        end = e.values.get("contract_end") or (known.contract_end if known else None)
        klass = self.resolve_class(e, occupation_id, start, effects)
        if klass is None and known is None:
            raise _required(e, "class_name")
        if occupation_id is None:
            occupation_id = klass["occupation_id"] if klass else known.occupation_id
        class_id = klass["id"] if klass else known.class_id
        class_occupation = klass["occupation_id"] if klass else known.occupation_id
        if class_occupation != occupation_id:
            raise _Refused(col("occupation") or col("class_name"), texts.IMPORT_CLASS_OTHER_OCCUPATION.format(
                name=e.values.get("class_name"), occupation=self.occupation_names.get(class_occupation, "?")))
        company_id = self.resolve_company(e, effects)
        if company_id is None:
            if known is None:
                raise _Refused(col("company_name") or col("company_code"),
                               texts.IMPORT_REQUIRED.format(field=texts.IMPORT_FIELD_LABELS["company_name"]))
            company_id = known.company_id
            self._pair(company_id, None, effects)
        if start is None:
            raise _required(e, "contract_start")
        if end is None:
            raise _required(e, "contract_end")
        if end <= start:
            raise _Refused(col("contract_end") or col("contract_start"), texts.IMPORT_END_BEFORE_START)
        if birth >= start:
            raise _Refused(col("birth_date"), texts.IMPORT_BIRTH_AFTER_START)
        low, high = _probation_bounds(start)
        probation = e.values.get("probation_end")
        if probation is not None and not low <= probation <= high:
            raise _Refused(col("probation_end"), texts.IMPORT_PROBATION_RANGE)
        if probation is None:
            keep = known is not None and low <= known.probation_end <= high
            probation = known.probation_end if keep else default_probation_end(start)
        status, dissolved = self._status(e, known, start, end)
        if status == "aktiv":
            self.reactivate_pair(company_id, effects)
        row = {"pupil_id": e.values.get("pupil_id"), "last_name": e.values["last_name"],
               "first_name": e.values["first_name"], "birth_date": birth, "class_id": class_id,
               "company_id": company_id, "occupation_id": occupation_id, "track": track,
               "contract_start": start, "contract_end": end, "probation_end": probation, "status": status,
               "dissolved_on": dissolved}
        if known is None:
            effects.append(("new_apprentice", {"id": uuid4(), **row}))
            return
        if row["pupil_id"] is None:
            row["pupil_id"] = known.pupil_id
        if "occupation" not in e.values and "track" not in e.values:
            row["track"] = known.track
        changes = {k: value for k, value in row.items() if value != getattr(known, k)}
        effects.append(("apprentice", known.id, changes))

    def _status(self, e: Entry, known: KnownApprentice | None, start: date, end: date) -> tuple[str, date | None]:
        """Dissolved when the file names a leaving day before the contract's end; finished after the end."""
        left = e.values.get("left_on")
        if left is not None and left < start:
            raise _Refused(e.columns.get("left_on"), texts.IMPORT_LEFT_BEFORE_START)
        if left is not None and left < end:
            return "geloest", left
        if left is not None or end < self.state.today:
            return ("geloest", known.dissolved_on) if known and known.status == "geloest" else ("abgeschlossen", None)
        if known is not None and known.status == "geloest":
            return "geloest", known.dissolved_on  # an import never undoes a recorded dissolution
        return "aktiv", None

    # -- trainer contacts --

    def contact(self, e: Entry, company_id: UUID | None, effects: list) -> None:
        last, first, email = (e.values.get("trainer_last_name"), e.values.get("trainer_first_name"),
                              e.values.get("trainer_email"))
        if last is None and first is None and email is None:
            return
        if company_id is None:
            raise _Refused(e.columns.get("trainer_last_name") or e.columns.get("trainer_email"),
                           texts.IMPORT_CONTACT_NEEDS_COMPANY)
        if last is None:
            raise _Refused(e.columns.get("trainer_last_name") or e.columns.get("trainer_email"),
                           texts.IMPORT_CONTACT_NEEDS_NAME)
        known = (self.contacts_by_email.get((company_id, email)) if email
                 else self.contacts_by_name.get((company_id, v.key(str(last)), v.key(str(first or "")))))
        key = (company_id, email) if email else (company_id, v.key(str(last)), v.key(str(first or "")))
        if known is None:
            effects.append(("new_contact", key, {"id": uuid4(), "company_id": company_id, "first_name": first,
                                                 "last_name": last, "email": email}))
            return
        changes = {k: value for k, value in (("first_name", first), ("last_name", last))
                   if value is not None and value != getattr(known, k)}
        effects.append(("contact", key, known.id, changes))

    # -- one row --

    def take(self, e: Entry) -> None:
        if self.has_pupils:
            known = self.find_apprentice(e)
            if known is not None:
                self.matched.add(known.id)  # even if the row is refused: a pupil in the file is not "missing"
        if e.problems:
            self.plan.refused.extend(e.problems)
            return
        effects: list = []
        try:
            if self.has_pupils:
                person = self.person_key(e)
                if person in self.people_lines:
                    raise _Refused(None, texts.IMPORT_DUPLICATE.format(line=self.people_lines[person]))
                self.apprentice(e, known, effects)
                company_id = next((x[1] for x in effects if x[0] in ("new_pair", "pair")), None)
            else:
                company_id = self.resolve_company(e, effects)
            self.contact(e, company_id, effects)
        except _Refused as refusal:
            self.plan.refused.append(Problem(e.line, refusal.column, refusal.reason))
            return
        if self.has_pupils:
            self.people_lines[person] = e.line
        for effect in effects:
            self._register(effect)

    def _register(self, effect: tuple) -> None:
        kind, plan, counts = effect[0], self.plan, self.plan.counts
        if kind == "new_company":
            _, company, code_key, name_key = effect
            if company["id"] in self.seen_companies:
                return
            self.seen_companies[company["id"]] = company
            plan.new_companies.append(company)
            counts["companies"].created += 1
            if code_key:
                self.new_company_by_code[code_key] = company["id"]
            self.new_company_by_name[name_key] = company["id"]
        elif kind == "company":
            _, company_id, changes = effect
            if company_id in self.seen_companies:
                return
            self.seen_companies[company_id] = changes
            if changes:
                plan.company_updates.append({"id": company_id, **changes})
                counts["companies"].updated += 1
            else:
                counts["companies"].unchanged += 1
        elif kind == "new_pair":
            _, company_id, code = effect
            pair = self.pairs.setdefault(company_id, {"new": True, "id": uuid4(), "company_code": code})
            if code and not pair.get("company_code"):
                pair["company_code"] = code
            if company_id not in self.seen_companies and company_id not in self.companies:
                self.seen_companies[company_id] = {}  # another school's company: linked, its data left alone
                counts["companies"].unchanged += 1
        elif kind == "pair":
            _, company_id, cooperation_id, changes = effect
            self.pairs.setdefault(company_id, {"new": False, "id": cooperation_id, "changes": {}})["changes"].update(
                changes)
        elif kind == "new_class":
            _, klass, name_key = effect
            if name_key not in self.new_classes:
                self.new_classes[name_key] = klass
                plan.new_classes.append(klass)
                counts["classes"].created += 1
        elif kind == "class":
            _, class_id, changes = effect
            if class_id in self.seen_classes:
                return
            self.seen_classes.add(class_id)
            if changes:
                plan.class_updates.append({"id": class_id, **changes})
                counts["classes"].updated += 1
            else:
                counts["classes"].unchanged += 1
        elif kind == "new_apprentice":
            plan.new_apprentices.append(effect[1])
            counts["apprentices"].created += 1
        elif kind == "apprentice":
            _, apprentice_id, changes = effect
            if changes:
                plan.apprentice_updates.append({"id": apprentice_id, **changes})
                counts["apprentices"].updated += 1
            else:
                counts["apprentices"].unchanged += 1
        elif kind == "new_contact":
            _, key, contact = effect
            if key not in self.seen_contacts:
                self.seen_contacts.add(key)
                plan.new_contacts.append(contact)
                counts["contacts"].created += 1
        elif kind == "contact":
            _, key, contact_id, changes = effect
            if key not in self.seen_contacts:
                self.seen_contacts.add(key)
                if changes:
                    plan.contact_updates.append({"id": contact_id, **changes})
                    counts["contacts"].updated += 1
                else:
                    counts["contacts"].unchanged += 1


def make_plan(entries: list[Entry], state: SchoolState, fields: list[str]) -> Plan:
    """What importing these rows into the school would do; nothing is written here."""
    plan = Plan(state.school_id, len(entries))
    has_pupils = {"last_name", "first_name"} <= set(fields)
    planner = _Planner(state, plan, has_pupils)
    for entry in entries:
        planner.take(entry)
    for company_id, pair in planner.pairs.items():
        if pair["new"]:
            plan.new_cooperations.append({"id": pair["id"], "company_id": company_id,
                                          "company_code": pair["company_code"]})
            plan.counts["cooperations"].created += 1
        elif pair["changes"]:
            plan.cooperation_updates.append({"id": pair["id"], **pair["changes"]})
            plan.counts["cooperations"].updated += 1
        else:
            plan.counts["cooperations"].unchanged += 1
    plan.refused.sort(key=lambda p: (p.line, p.column or ""))
    if has_pupils:
        class_names = {k.id: k.name for k in state.classes}
        plan.missing = sorted(
            ((f"{a.last_name}, {a.first_name}", class_names.get(a.class_id, "")) for a in state.apprentices
             if a.status == "aktiv" and a.id not in planner.matched), key=lambda m: (m[1], m[0]))
    return plan
