"""Load the demo data: deterministic, in one transaction, as the database owner."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

import psycopg

from leokop import clock
from leokop.demo.catalog import OCCUPATIONS, Occupation
from leokop.services.passwords import hash_password

DEMO_PASSWORD = "leokop-demo"


def school_year_start(today: date | None = None) -> int:
    """The calendar year in which the current school year began (it starts on 1 August)."""
    today = today or clock.today()
    return today.year if today.month >= 8 else today.year - 1


def class_name(prefix: str, years_ago: int, suffix: str, today: date | None = None) -> str:
    """E.g. class_name("FI", 1, "a") is "FI25a" in the school year 2026/27."""
    return f"{prefix}{(school_year_start(today) - years_ago) % 100:02d}{suffix}"


def _id(kind: str, key: str) -> UUID:
    """Stable ids, so that a re-seed and the tests name the same rows."""
    return uuid5(NAMESPACE_URL, f"leokop-demo/{kind}/{key}")


@dataclass(frozen=True)
class DemoSchool:
    key: str
    name: str
    number: str
    city: str


SCHOOLS = (
    DemoSchool("mainufer", "Berufliche Schulen am Mainufer", "9401", "Frankfurt am Main"),
    DemoSchool("lahntal", "Lahntal-Schule Gießen", "9402", "Gießen"),
)

# (key, name, city, chamber, sector)
COMPANIES = (
    ("rmd", "Rhein-Main Datentechnik GmbH", "Frankfurt am Main", "IHK", "IT-Dienstleistungen"),
    ("taunus", "Taunus Software & Service GmbH", "Bad Homburg v. d. Höhe", "IHK", "Softwareentwicklung"),
    ("mke", "Main-Kinzig Energie GmbH", "Hanau", "IHK", "Energieversorgung"),
    ("hartmann", "Hartmann Immobilienverwaltung GmbH", "Frankfurt am Main", "IHK", "Immobilien"),
    ("lzrm", "Logistikzentrum Rhein-Main GmbH", "Raunheim", "IHK", "Logistik"),
    ("ldv", "Lahn-Dill Versicherungsservice GmbH", "Wetzlar", "IHK", "Versicherungen"),
    ("wpm", "Wetzlarer Präzisionsmechanik GmbH", "Wetzlar", "IHK", "Maschinenbau"),
    ("gab", "Gießener Anlagenbau GmbH", "Gießen", "IHK", "Anlagenbau"),
    ("mtm", "Medizintechnik Marburg GmbH", "Marburg", "IHK", "Medizintechnik"),
)

# (school, class prefix, years since start, suffix, occupation code, schedule, track, companies sending)
# Class names follow the start year, so the demo stays current: "FI", 1, "a" is FI25a in 2026/27.
CLASSES = (
    ("mainufer", "FI", 2, "a", "FI", "blockunterricht", "Systemintegration", ("rmd", "taunus", "mke", "lzrm")),
    ("mainufer", "FI", 1, "a", "FI", "blockunterricht", None, ("rmd", "taunus", "mke", "lzrm")),
    ("mainufer", "FI", 0, "a", "FI", "blockunterricht", None, ("rmd", "taunus", "lzrm")),
    ("mainufer", "BM", 2, "a", "KBM", "teilzeitunterricht", None, ("mke", "hartmann", "lzrm")),
    ("mainufer", "BM", 1, "a", "KBM", "teilzeitunterricht", None, ("hartmann", "lzrm", "taunus")),
    ("mainufer", "BM", 0, "a", "KBM", "teilzeitunterricht", None, ("mke", "hartmann", "lzrm")),
    ("lahntal", "IM", 0, "a", "IM", "teilzeitunterricht", None, ("wpm", "gab", "mtm")),
    ("lahntal", "FI", 1, "b", "FI", "blockunterricht", None, ("rmd", "ldv", "mtm")),
    ("lahntal", "BM", 0, "b", "KBM", "teilzeitunterricht", None, ("ldv", "gab")),
)

# (username, display name, e-mail, [(role, school, scope kind, scope key)]); class keys are
# (prefix, years since start, suffix) like in CLASSES.
USERS = (
    ("lehrkraft", "Sabine Keller", "s.keller@mainufer.schule.hessen.de",
     [("lehrkraft", "mainufer", "class", ("FI", 1, "a")), ("lehrkraft", "mainufer", "class", ("FI", 2, "a")),
      ("lehrkraft", "mainufer", "class", ("BM", 1, "a"))]),
    ("ausbilder", "Markus Brandt", "m.brandt@rhein-main-datentechnik.de",
     [("ausbilder", "mainufer", "company", "rmd"), ("ausbilder", "lahntal", "company", "rmd")]),
    ("ausbilder2", "Julia Schneider", "j.schneider@taunus-software.de",
     [("ausbilder", "mainufer", "company", "taunus")]),
    ("schulleitung", "Dr. Thomas Wagner", "t.wagner@mainufer.schule.hessen.de",
     [("schulleitung", "mainufer", None, None)]),
    ("admin", "Petra Hoffmann", "p.hoffmann@mainufer.schule.hessen.de", [("admin", "mainufer", None, None)]),
    ("lehrkraft2", "Andreas Becker", "a.becker@lahntal-schule.de",
     [("lehrkraft", "lahntal", "class", ("IM", 0, "a")), ("lehrkraft", "lahntal", "class", ("FI", 1, "b"))]),
    ("koordination", "Monika Schulz", "m.schulz@mainufer.schule.hessen.de",
     [("lehrkraft", "mainufer", "cooperation", "hartmann")]),
    ("ausbilder3", "Stefan Richter", "s.richter@wetzlarer-praezision.de",
     [("ausbilder", "lahntal", "company", "wpm")]),
    ("schulleitung2", "Karin Neumann", "k.neumann@lahntal-schule.de", [("schulleitung", "lahntal", None, None)]),
    ("admin2", "Jörg Weber", "j.weber@lahntal-schule.de", [("admin", "lahntal", None, None)]),
)

FIRST_NAMES = (
    "Leon", "Lukas", "Finn", "Jonas", "Elias", "Noah", "Paul", "Ben", "Luis", "Felix", "Maximilian", "Tim",
    "Jan", "Niklas", "David", "Emre", "Mehmet", "Artur", "Kevin", "Marvin", "Mia", "Emma", "Hannah", "Sofia",
    "Lea", "Lena", "Anna", "Laura", "Lara", "Marie", "Julia", "Sarah", "Leonie", "Ayşe", "Elif", "Zeynep",
    "Katharina", "Vanessa", "Jana", "Alina",
)
LAST_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun", "Zimmermann", "Krüger",
    "Hofmann", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Maier", "Yılmaz", "Kaya",
    "Demir", "Nowak", "Kowalski", "Popović", "Schäfer", "Bauer", "Walter", "Peters", "Jung", "Möller",
)


def _months_later(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    return date(day.year + month0 // 12, month0 % 12 + 1, 1) + timedelta(days=day.day - 1)


def seed_demo(conninfo: str, *, only_if_empty: bool = True) -> bool:
    """Load the demo data; with only_if_empty, do nothing when any school exists. Returns whether it loaded."""
    with psycopg.connect(conninfo) as conn, conn.transaction():
        if only_if_empty and conn.execute("select exists (select 1 from public.schools)").fetchone()[0]:
            return False
        # the database functions the load uses count from the same day as the Python side
        conn.execute("select set_config('leokop.today', %s, true)", (clock.today().isoformat(),))
        _load(conn)
    return True


def _weekday_from(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _insert_days_off(conn: psycopg.Connection, today: date) -> None:
    """Mainufer's own days off of this school year: a pädagogischer Tag in November, a beweglicher Ferientag in
    February (the admin's calendar tab lists them; the conflict check and the absence rate leave them out)."""
    year = school_year_start(today)
    for name, day in (("Pädagogischer Tag", _weekday_from(date(year, 11, 18))),
                      ("Beweglicher Ferientag", _weekday_from(date(year + 1, 2, 15)))):
        conn.execute("insert into public.school_days_off (school_id, name, starts_on, ends_on) values (%s, %s, %s, %s)"
                     " on conflict do nothing", (_id("school", "mainufer"), name, day, day))


def _load(conn: psycopg.Connection) -> None:
    from leokop.services.school_calendar import sync_all

    rng = random.Random(2026)
    sync_all(conn, clock.today())  # the one calendar the demo's plans, conflicts and absence rates use
    occupation_by_code = {o.code: o for o in OCCUPATIONS}
    for occ in OCCUPATIONS:
        _insert_occupation(conn, occ)
    for school in SCHOOLS:
        conn.execute(
            "insert into public.schools (id, name, school_number, city) values (%s, %s, %s, %s)"
            " on conflict do nothing",
            (_id("school", school.key), school.name, school.number, school.city),
        )
    for key, name, city, chamber, sector in COMPANIES:
        conn.execute(
            "insert into public.companies (id, name, city, chamber, sector) values (%s, %s, %s, %s, %s)"
            " on conflict do nothing",
            (_id("company", key), name, city, chamber, sector),
        )
    _insert_days_off(conn, clock.today())
    pairs = sorted({(school, company) for school, *_rest, companies in CLASSES for company in companies})
    for school, company in pairs:
        conn.execute(
            "insert into public.cooperations (id, school_id, company_id, since) values (%s, %s, %s, %s)"
            " on conflict do nothing",
            (_id("cooperation", f"{school}/{company}"), _id("school", school), _id("company", company),
             date(2019 + len(company) % 5, 8, 1)),
        )
    today = clock.today()
    for school, prefix, years_ago, suffix, code, schedule, track, companies in CLASSES:
        occ = occupation_by_code[code]
        name = class_name(prefix, years_ago, suffix, today)
        start_year = school_year_start(today) - years_ago
        conn.execute(
            "insert into public.classes (id, school_id, occupation_id, name, start_year, schedule)"
            " values (%s, %s, %s, %s, %s, %s) on conflict do nothing",
            (_class_id(school, (prefix, years_ago, suffix)), _id("school", school), _id("occupation", code),
             name, start_year, schedule),
        )
        _insert_apprentices(conn, rng, school, (prefix, years_ago, suffix), occ, start_year, track, companies,
                            today)
    for username, display_name, email, memberships in USERS:
        _insert_user(conn, username, display_name, email, memberships)
    from leokop.demo.activity import load_activity  # here, not on top: activity builds on this module's ids
    from leokop.demo.privacy import load_demo_privacy

    load_activity(conn, today)
    from leokop.demo.materials import load_materials

    load_materials(conn, today)
    load_demo_privacy(conn, today)


def _insert_occupation(conn: psycopg.Connection, occ: Occupation) -> None:
    occ_id = _id("occupation", occ.code)
    conn.execute(
        "insert into public.occupations (id, code, name, regulation, duration_months) values (%s, %s, %s, %s, %s)"
        " on conflict do nothing",
        (occ_id, occ.code, occ.name, occ.regulation, occ.duration_months),
    )
    for order, lf in enumerate(occ.learning_fields):
        conn.execute(
            "insert into public.learning_fields (id, occupation_id, code, title, hours, school_year, track,"
            " sort_order) values (%s, %s, %s, %s, %s, %s, %s, %s) on conflict do nothing",
            (_id("lf", f"{occ.code}/{lf.code}"), occ_id, lf.code, lf.title, lf.hours, lf.school_year, lf.track,
             order),
        )
    for order, (number, title, section) in enumerate(occ.positions):
        conn.execute(
            "insert into public.training_positions (id, occupation_id, number, title, section, sort_order)"
            " values (%s, %s, %s, %s, %s, %s) on conflict do nothing",
            (_id("position", f"{occ.code}/{number}"), occ_id, number, title, section, order),
        )


def _class_id(school: str, key: tuple[str, int, str]) -> UUID:
    prefix, years_ago, suffix = key
    return _id("class", f"{school}/{prefix}/{years_ago}/{suffix}")


def _insert_apprentices(conn, rng, school, class_key, occ, start_year, track, companies, today) -> None:
    size = rng.randint(15, 19)
    for i in range(size):
        company = companies[i % len(companies)]
        start = date(start_year, 8, 1) if rng.random() < 0.8 else date(start_year, 9, 1)
        probation_months = rng.choice((3, 4, 4))
        status, dissolved_on = "aktiv", None
        # a few contracts dissolved, most of them in the probation period, as in the national statistics
        dissolves, days_in = rng.random() < 0.06, rng.randint(20, 300)
        last_possible = today - timedelta(days=7)
        if dissolves and start <= last_possible:  # a contract not yet a week old cannot have been dissolved
            status, dissolved_on = "geloest", min(start + timedelta(days=days_in), last_possible)
        conn.execute(
            """
            insert into public.apprentices (id, first_name, last_name, birth_date, school_id, class_id,
              company_id, occupation_id, track, contract_start, contract_end, probation_end, status, dissolved_on)
            values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) on conflict do nothing
            """,
            (
                _id("apprentice", f"{_class_id(school, class_key)}/{i}"),
                rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES),
                date(start_year - rng.choice((16, 17, 18, 19, 20, 22)), rng.randint(1, 12), rng.randint(1, 28)),
                _id("school", school), _class_id(school, class_key), _id("company", company),
                _id("occupation", occ.code), track,
                start, _months_later(start, occ.duration_months) - timedelta(days=1),
                _months_later(start, probation_months) - timedelta(days=1),
                status, dissolved_on,
            ),
        )


def _insert_user(conn, username, display_name, email, memberships) -> None:
    user_id = _id("user", username)
    conn.execute(
        "insert into public.app_users (id, username, display_name, email) values (%s, %s, %s, %s)"
        " on conflict do nothing",
        (user_id, username, display_name, email),
    )
    conn.execute(
        "insert into public.user_credentials (user_id, password_hash) values (%s, %s) on conflict do nothing",
        (user_id, hash_password(DEMO_PASSWORD)),
    )
    for role, school, scope_kind, scope_key in memberships:
        conn.execute(
            "insert into public.memberships (id, user_id, role, school_id, class_id, company_id, cooperation_id)"
            " values (%s, %s, %s, %s, %s, %s, %s) on conflict do nothing",
            (
                _id("membership", f"{username}/{role}/{school}/{scope_kind}/{scope_key}"), user_id, role,
                _id("school", school),
                _class_id(school, scope_key) if scope_kind == "class" else None,
                _id("company", scope_key) if scope_kind == "company" else None,
                _id("cooperation", f"{school}/{scope_key}") if scope_kind == "cooperation" else None,
            ),
        )


def demo_id(kind: str, key: str) -> UUID:
    """The id of a demo row, for tests and docs (e.g. demo_id('user', 'lehrkraft'))."""
    return _id(kind, key)


def demo_class_id(school: str, prefix: str, years_ago: int, suffix: str) -> UUID:
    return _class_id(school, (prefix, years_ago, suffix))
