"""The synthetic state in memory: schools, companies, pairs, classes, apprentices and users, as numpy arrays.

Everything follows from (scale, seed, today). Sizes have the real shape: schools of a few hundred to a few
thousand apprentices, companies heavy-tailed (most train one to three, a few several hundred and send them to
several schools), classes of 15-30 from many companies, three start years.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from leokop.demo.catalog import OCCUPATIONS
from leokop.demo.seed import FIRST_NAMES, LAST_NAMES, school_year_start
from leokop.scale.copytext import months_later, rng_for, uuids
from leokop.scale.params import Scale

OCC_WEIGHTS = np.array([0.30, 0.45, 0.25])  # FI, KBM, IM (order of OCCUPATIONS)
CLASS_PREFIX = ("FI", "BM", "IM")
BLOCK_SHARE = (0.9, 0.1, 0.5)  # share of Blockunterricht classes per occupation
TRACKS = ("Systemintegration", "Anwendungsentwicklung")
COHORT_WEIGHTS = np.array([0.31, 0.33, 0.36])  # start years Y-2, Y-1, Y
DISSOLVED_SHARE = 0.07
PROBATION_MONTHS, PROBATION_WEIGHTS = np.array([1, 2, 3, 4]), np.array([0.05, 0.10, 0.35, 0.50])
COMPANY_SHAPE = 1.25  # Pareto shape of apprentices per company: ~80 % train 1-3
SCHOOL_KINDS = ("Berufliche Schulen", "Berufsschule", "Kaufmännische Schulen", "Gewerblich-technische Schulen")
CITIES = (
    "Frankfurt am Main", "Wiesbaden", "Kassel", "Darmstadt", "Offenbach am Main", "Hanau", "Gießen", "Marburg",
    "Fulda", "Rüsselsheim am Main", "Wetzlar", "Bad Homburg v. d. Höhe", "Oberursel", "Rodgau", "Dreieich",
    "Bensheim", "Hofheim am Taunus", "Maintal", "Neu-Isenburg", "Langen", "Limburg an der Lahn", "Dietzenbach",
    "Mörfelden-Walldorf", "Viernheim", "Bad Vilbel", "Lampertheim", "Baunatal", "Bad Hersfeld", "Friedberg",
    "Eschborn", "Idstein", "Korbach", "Alsfeld", "Eschwege", "Dillenburg", "Heppenheim", "Groß-Gerau", "Erbach",
)
STATES = (("Nordrhein-Westfalen", 0.22), ("Bayern", 0.17), ("Baden-Württemberg", 0.14), ("Niedersachsen", 0.10),
          ("Hessen", 0.075), ("Sachsen", 0.045), ("Rheinland-Pfalz", 0.05), ("Berlin", 0.04),
          ("Schleswig-Holstein", 0.035), ("Brandenburg", 0.025), ("Sachsen-Anhalt", 0.02), ("Thüringen", 0.02),
          ("Hamburg", 0.03), ("Mecklenburg-Vorpommern", 0.015), ("Saarland", 0.012), ("Bremen", 0.008))
SECTORS = (
    ("IT-Dienstleistungen", "Softwareentwicklung", "Telekommunikation", "Systemhaus"),
    ("Handel", "Versicherungen", "Immobilien", "Steuerberatung", "Logistik", "Öffentliche Verwaltung"),
    ("Maschinenbau", "Anlagenbau", "Automobilzulieferer", "Chemie", "Medizintechnik"),
)
LEGAL_FORMS = ("GmbH", "GmbH & Co. KG", "AG", "KG", "e. K.")


@dataclass
class Model:
    scale: Scale
    seed: int
    today: date
    year: int  # the current school year's start
    # schools
    school_ids: list[str] = field(default_factory=list)
    school_names: list[str] = field(default_factory=list)
    school_cities: list[str] = field(default_factory=list)
    school_states: list[str] = field(default_factory=list)
    # companies
    company_ids: list[str] = field(default_factory=list)
    company_names: list[str] = field(default_factory=list)
    company_cities: list[str] = field(default_factory=list)
    company_chambers: list[str] = field(default_factory=list)
    company_sectors: list[str] = field(default_factory=list)
    # cooperation pairs
    coop_ids: list[str] = field(default_factory=list)
    coop_school: np.ndarray = None
    coop_company: np.ndarray = None
    coop_since: np.ndarray = None
    # classes
    class_ids: list[str] = field(default_factory=list)
    class_names: list[str] = field(default_factory=list)
    class_school: np.ndarray = None
    class_occ: np.ndarray = None
    class_start_year: np.ndarray = None
    class_block: np.ndarray = None  # Blockunterricht (else Teilzeit)
    # apprentices (one entry per apprentice; days are date.toordinal() numbers)
    appr_ids: list[str] = field(default_factory=list)
    a_school: np.ndarray = None
    a_class: np.ndarray = None
    a_company: np.ndarray = None
    a_coop: np.ndarray = None
    a_occ: np.ndarray = None
    a_track: np.ndarray = None  # index into TRACKS, -1 without
    a_start: np.ndarray = None
    a_end: np.ndarray = None
    a_probation: np.ndarray = None
    a_dissolved: np.ndarray = None  # 0 when not dissolved
    a_first: np.ndarray = None
    a_last: np.ndarray = None
    a_birth: np.ndarray = None
    a_cohort: np.ndarray = None  # 0, 1, 2: started in year - 2, year - 1, year
    portion_order: np.ndarray = None  # how the generator's company portions map onto pairs
    # users: a teacher per class, a trainer per company, leadership and admin per school
    teacher_ids: list[str] = field(default_factory=list)
    trainer_ids: list[str] = field(default_factory=list)
    leader_ids: list[str] = field(default_factory=list)
    admin_ids: list[str] = field(default_factory=list)
    bench: dict = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.appr_ids)

    @property
    def a_fact_end(self) -> np.ndarray:
        """The last day that carries facts: today, or the day the contract was dissolved."""
        today = self.today.toordinal()
        return np.where(self.a_dissolved > 0, np.minimum(self.a_dissolved, today), today)

    @property
    def a_active(self) -> np.ndarray:
        return self.a_dissolved == 0


def build(scale: Scale, seed: int, today: date) -> Model:
    m = Model(scale=scale, seed=seed, today=today, year=school_year_start(today))
    targets = _schools(m)
    sizes, primary = _companies(m)
    portion_company, portion_size, portion_school = _portions(m, sizes, targets)
    _cooperations(m, portion_company, portion_school)
    _apprentices(m, portion_size, primary)
    _classes(m)
    _contracts(m)
    _users(m)
    m.bench = pick_bench(m)
    return m


def _schools(m: Model) -> np.ndarray:
    rng = rng_for(m.seed, "schools")
    count = m.scale.schools
    weights = rng.lognormal(0.0, 0.5, count)
    cities = [CITIES[i % len(CITIES)] for i in range(count)]
    states = ["Hessen"] * count
    if m.scale.name == "germany":
        names, shares = zip(*STATES, strict=True)
        states = list(np.array(names)[rng.choice(len(names), count, p=np.array(shares) / sum(shares))])
    m.school_ids = uuids(rng, count)
    m.school_cities = cities
    m.school_states = states
    m.school_names = [f"{SCHOOL_KINDS[i % len(SCHOOL_KINDS)]} {cities[i]}"
                      + (f" {i // len(CITIES) + 1}" if i >= len(CITIES) else "") for i in range(count)]
    return weights / weights.sum() * m.scale.apprentices


def _companies(m: Model) -> tuple[np.ndarray, np.ndarray]:
    """Apprentices per company (heavy-tailed, summing to the scale) and each company's main occupation."""
    rng = rng_for(m.seed, "companies")
    count, total = m.scale.companies, m.scale.apprentices
    largest = max(30, min(1000, total // 150))
    sizes = np.floor(rng.random(count) ** (-1 / COMPANY_SHAPE)).astype(np.int64)
    while (too_big := sizes > largest).any():
        sizes[too_big] = np.floor(rng.random(too_big.sum()) ** (-1 / COMPANY_SHAPE))
    while (diff := total - int(sizes.sum())) != 0:
        # add to or take from companies in proportion to their size, so that the tail keeps its shape
        weights = sizes / sizes.sum() if diff > 0 else np.where(sizes > 1, sizes, 0) / sizes[sizes > 1].sum()
        picks = rng.choice(count, size=min(abs(diff), count), p=weights)
        sizes += np.sign(diff) * np.bincount(picks, minlength=count)
        sizes = np.maximum(sizes, 1)
    primary = rng.choice(3, count, p=OCC_WEIGHTS)
    m.company_ids = uuids(rng, count)
    m.company_cities = [CITIES[i] for i in rng.integers(0, len(CITIES), count)]
    chamber_roll = rng.random(count)
    m.company_chambers = ["HWK" if (p == 2 and r < 0.2) else "sonstige" if r > 0.93 else "IHK"
                          for p, r in zip(primary, chamber_roll, strict=True)]
    sector_pick = rng.integers(0, 60, count)
    m.company_sectors = [SECTORS[p][s % len(SECTORS[p])] for p, s in zip(primary, sector_pick, strict=True)]
    word_pick, form_pick = rng.integers(0, 10_000, count), rng.integers(0, len(LEGAL_FORMS), count)
    m.company_names = [
        f"{LAST_NAMES[w % len(LAST_NAMES)]} {m.company_sectors[i]} {m.company_cities[i].split()[0]} "
        f"{LEGAL_FORMS[form_pick[i]]} ({i + 1})"
        for i, w in enumerate(word_pick)
    ]
    return sizes, primary


def _portions(m: Model, sizes: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split large companies over several schools, then place every portion at a school with room left."""
    rng = rng_for(m.seed, "portions")
    schools = len(targets)
    companies, counts = [], []
    for c, k in enumerate(sizes):
        parts = 1 if k <= 8 else min(schools, 1 + int(np.log2(k / 8)))
        split = rng.multinomial(k, rng.dirichlet(np.ones(parts))) if parts > 1 else np.array([k])
        for part in split[split > 0]:
            companies.append(c)
            counts.append(int(part))
    company, size = np.array(companies), np.array(counts)
    order = np.argsort(-size, kind="stable")
    room = targets.astype(float).copy()
    school = np.empty(len(size), dtype=np.int64)
    used: dict[int, list[int]] = {}
    draws = rng.random(len(size))
    for p, draw in zip(order, draws, strict=True):
        weights = np.clip(room, 0, None) + 1e-6 * targets
        taken = used.setdefault(int(company[p]), [])
        weights[taken] = 0
        s = min(int(np.searchsorted(np.cumsum(weights), draw * weights.sum(), side="right")), schools - 1)
        school[p] = s
        taken.append(s)
        room[s] -= size[p]
    return company, size, school


def _cooperations(m: Model, company: np.ndarray, school: np.ndarray) -> None:
    rng = rng_for(m.seed, "cooperations")
    order = np.lexsort((company, school))
    m.coop_school, m.coop_company = school[order], company[order]
    m.portion_order = order
    m.coop_ids = uuids(rng, len(order))
    first = date(2005, 8, 1).toordinal()
    m.coop_since = first + rng.integers(0, date(m.year - 2, 7, 1).toordinal() - first, len(order))


def _apprentices(m: Model, portion_size: np.ndarray, primary: np.ndarray) -> None:
    rng = rng_for(m.seed, "apprentices")
    counts = portion_size[m.portion_order]
    coop = np.repeat(np.arange(len(counts)), counts)
    n = len(coop)
    m.a_coop, m.a_school, m.a_company = coop, m.coop_school[coop], m.coop_company[coop]
    own = rng.random(n) < 0.75
    m.a_occ = np.where(own, primary[m.a_company], rng.choice(3, n, p=OCC_WEIGHTS))
    m.a_cohort = rng.choice(3, n, p=COHORT_WEIGHTS)
    m.a_track = np.where(m.a_occ == 0, rng.integers(0, 2, n), -1)


def _classes(m: Model) -> None:
    """Per school, occupation and start year: classes of 15-30 from many companies (smaller where a school has
    fewer apprentices of an occupation)."""
    rng = rng_for(m.seed, "classes")
    n = len(m.a_coop)
    group = (m.a_school * 3 + m.a_occ) * 3 + m.a_cohort
    order = np.lexsort((rng.random(n), group))
    a_class = np.empty(n, dtype=np.int64)
    bounds = np.flatnonzero(np.diff(group[order])) + 1
    names, schools, occs, years, block, letters = [], [], [], [], [], {}
    for run in np.split(order, bounds):
        size = len(run)
        parts = max(1, round(size / 24), -(-size // 30))
        g = int(group[run[0]])
        school, occ, cohort = g // 9, (g // 3) % 3, g % 3
        start_year = m.year - 2 + cohort
        first = len(names)
        for _ in range(parts):
            k = letters.get((school, occ, cohort), 0)
            letters[(school, occ, cohort)] = k + 1
            names.append(f"{CLASS_PREFIX[occ]}{start_year % 100:02d}{_suffix(k)}")
            schools.append(school)
            occs.append(occ)
            years.append(start_year)
            block.append(rng.random() < BLOCK_SHARE[occ])
        a_class[run] = first + np.arange(size) * parts // size
    m.class_names, m.class_school, m.class_occ = names, np.array(schools), np.array(occs)
    m.class_start_year, m.class_block = np.array(years), np.array(block)
    m.class_ids = uuids(rng, len(names))
    # physical order: apprentices are registered per start year, school and class
    final = np.lexsort((rng.random(n), a_class, m.a_school, m.a_cohort))
    m.a_class = a_class[final]
    for name in ("a_coop", "a_school", "a_company", "a_occ", "a_track", "a_cohort"):
        setattr(m, name, getattr(m, name)[final])
    m.appr_ids = uuids(rng, n)


def _suffix(k: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[k] if k < 26 else letters[k // 26 - 1] + letters[k % 26]


def _contracts(m: Model) -> None:
    rng = rng_for(m.seed, "contracts")
    n, today = len(m.a_coop), m.today.toordinal()
    start_year = m.year - 2 + m.a_cohort
    september = rng.random(n) < 0.2
    probation = rng.choice(PROBATION_MONTHS, n, p=PROBATION_WEIGHTS)
    durations = np.array([o.duration_months for o in OCCUPATIONS])[m.a_occ]
    start, end, prob = np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n, np.int64)
    cache: dict[tuple, tuple[int, int, int]] = {}
    for i in range(n):
        key = (int(start_year[i]), bool(september[i]), int(durations[i]), int(probation[i]))
        if key not in cache:
            begin = date(key[0], 9 if key[1] else 8, 1)
            cache[key] = (begin.toordinal(), months_later(begin, key[2]).toordinal() - 1,
                          months_later(begin, key[3]).toordinal() - 1)
        start[i], end[i], prob[i] = cache[key]
    latest = today - 7  # a contract not yet a week old cannot have been dissolved
    dissolves = (rng.random(n) < DISSOLVED_SHARE) & (start + 20 <= latest)
    days_in = rng.integers(20, 400, n)
    m.a_dissolved = np.where(dissolves, np.minimum(start + days_in, latest), 0)
    m.a_start, m.a_end, m.a_probation = start, end, prob
    m.a_first = rng.integers(0, len(FIRST_NAMES), n)
    m.a_last = rng.integers(0, len(LAST_NAMES), n)
    new_year = np.array([date(m.year - 2 + c, 1, 1).toordinal() for c in range(3)])[m.a_cohort]
    m.a_birth = new_year - rng.integers(16 * 365, 22 * 365, n)


def _users(m: Model) -> None:
    rng = rng_for(m.seed, "users")
    m.teacher_ids = uuids(rng, len(m.class_ids))
    m.trainer_ids = uuids(rng, len(m.company_ids))
    m.leader_ids = uuids(rng, len(m.school_ids))
    m.admin_ids = uuids(rng, len(m.school_ids))


def teacher_username(k: int) -> str:
    return f"lk-{k:06d}"


def trainer_username(c: int) -> str:
    return f"ab-{c:07d}"


def leader_username(s: int) -> str:
    return f"sl-{s:04d}"


def admin_username(s: int) -> str:
    return f"ad-{s:04d}"


# Active apprentices of the demo's benchmark pair (Mainufer / Rhein-Main Datentechnik): the generated pair is chosen
# as close to it as possible, so that demo and Hessen compare the same work at two sizes of the state.
DEMO_PAIR_SIZE = 15


def pick_bench(m: Model) -> dict:
    """The benchmark pair (a pair of the largest school with 15-30 active apprentices, nearest the demo pair's
    size), its teacher and trainer, the leadership of that school, and 20 (user, pair) sessions for the concurrency
    run."""
    active = m.a_active
    per_school = np.bincount(m.a_school[active], minlength=len(m.school_ids))
    largest = int(np.argmax(per_school))
    per_coop = np.bincount(m.a_coop[active], minlength=len(m.coop_ids))
    at_largest = np.flatnonzero(m.coop_school == largest)
    fitting = at_largest[(per_coop[at_largest] >= 15) & (per_coop[at_largest] <= 30)]
    pool = fitting if len(fitting) else at_largest
    nearest = pool[np.argmin(np.abs(per_coop[pool] - DEMO_PAIR_SIZE))] if len(fitting) else None
    coop = int(nearest if nearest is not None else pool[np.argmax(per_coop[pool])])
    members = np.flatnonzero((m.a_coop == coop) & active)
    klass = int(np.bincount(m.a_class[members]).argmax())
    apprentice = int(members[m.a_class[members] == klass][0])
    company = int(m.coop_company[coop])
    sessions = [{"user_id": m.teacher_ids[klass], "username": teacher_username(klass), "role": "lehrkraft",
                 "cooperation_id": m.coop_ids[coop]},
                {"user_id": m.trainer_ids[company], "username": trainer_username(company), "role": "ausbilder",
                 "cooperation_id": m.coop_ids[coop]}]
    by_size = np.argsort(-per_school, kind="stable")
    for s in by_size:
        for c in np.flatnonzero(m.coop_school == s):
            if len(sessions) >= 20:
                break
            if c == coop or not 10 <= per_coop[c] <= 30:
                continue
            in_pair = np.flatnonzero((m.a_coop == c) & active)
            k, comp = int(m.a_class[in_pair[0]]), int(m.coop_company[c])
            if any(x["username"] in (teacher_username(k), trainer_username(comp)) for x in sessions):
                continue
            sessions.append({"user_id": m.teacher_ids[k], "username": teacher_username(k), "role": "lehrkraft",
                             "cooperation_id": m.coop_ids[c]} if len(sessions) % 2 == 0 else
                            {"user_id": m.trainer_ids[comp], "username": trainer_username(comp),
                             "role": "ausbilder", "cooperation_id": m.coop_ids[c]})
    while len(sessions) < 20:  # small scales: fewer pairs than sessions
        sessions.append(dict(sessions[len(sessions) % 2]))
    return {
        "cooperation_id": m.coop_ids[coop], "cooperation_index": coop, "school_id": m.school_ids[largest],
        "school_apprentices": int(per_school[largest]), "pair_apprentices": int(per_coop[coop]),
        "class_index": klass,
        "teacher": {"user_id": m.teacher_ids[klass], "username": teacher_username(klass)},
        "trainer": {"user_id": m.trainer_ids[company], "username": trainer_username(company)},
        "apprentice_id": m.appr_ids[apprentice],
        "leadership": {"user_id": m.leader_ids[largest], "username": leader_username(largest)},
        "sessions": sessions,
    }
