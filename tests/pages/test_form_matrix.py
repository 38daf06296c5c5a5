"""The form matrix (issue 22): every form and every button that writes, found in the code, driven through AppTest.

`test_every_writing_form_has_a_driver` scans pages/ and leokop/ui/ (AST) for every `st.form`, every `st.button` and
every `form_submit_button`, and fails when one has no entry in DRIVERS (or in NOT_WRITING, with the reason). Each
driver then runs these cases through the real page (AppTest, the page file with the user's profile in session
state, against the test database):

- empty: submit the form as it comes;
- double: the same submission twice (the browser's double click: the second request carries the first's widget
  values), and once more after the session was put back to before the first (the second request arriving before
  the first run moved the form on): the form's token makes it one save;
- range: a value out of range or too long;
- stale: a second session changes the record (or its context) first;
- generated: text from Hypothesis (Markdown, HTML, `:material/…:` shortcodes, control characters with NUL,
  right-to-left text, emoji, 4,000 and 100,000 characters, SQL meta characters, formula prefixes).

Every case ends in one of two ways, checked against the database: a German message (one of leokop.texts) with the
typed input still in the field and no row and no audit entry changed; or exactly one row (or one change of the
record) equal to what was typed, with its confirmation. Never an exception, a duplicate, a partial write or an
altered value. The test prints the matrix (forms × cases) and how many generated inputs each form received.
"""

from __future__ import annotations

import ast
import copy
import os
import re
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import psycopg
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as strat
from streamlit.testing.v1 import AppTest

from leokop import clock, texts
from leokop.repo.users import load_profile
from leokop.ui import widgets
from tests.helpers import SHARED_CLASS, company_id, cooperation_id, school_id, user_id
from tests.pages.conftest import form_button, widget

ROOT = Path(__file__).parents[2]
SCANNED = sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("leokop/ui/*.py")])
CASES = ("empty", "double", "range", "stale", "generated")
# Hypothesis's inputs per form and run, besides the fixed ones below; each form draws its own (seeded by its name),
# so the matrix as a whole sees many more distinct inputs than one form does. 0 turns the generated case off: the
# date sweep (.ci/date-sweep) does, since what a form does with typed text does not depend on the day.
EXAMPLES = int(os.environ.get("LEOKOP_MATRIX_EXAMPLES", "4"))
VALUE_EXAMPLES = 2 * EXAMPLES  # forms of values only (a date, a grade, a password) have no fixed inputs

# --- the scan -----------------------------------------------------------------------------------------------------


@dataclass
class Found:
    kind: str  # form, button, or a submit button outside any form (a helper drawn inside one)
    id: str
    submits: set[str] = field(default_factory=set)
    where: list[str] = field(default_factory=list)


def _own_nodes(body):
    """Every node of a scope, without the functions defined in it (scopes of their own)."""
    stack = [node for node in body if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(child for child in ast.iter_child_nodes(node)
                     if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))


def _is_call(node, attr: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == attr


def _arg(call: ast.Call, keyword: str):
    return call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == keyword), None)


def _name(node, names: dict, params: set[str], depth: int = 0) -> str:
    """A form's or button's name as written: literal text, `*` for what an f-string fills in."""
    if node is None or depth > 5:
        return "?"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)
    if _is_call(node, "key") and node.args:  # saving.key(form[, widget]) / feedback.key
        return _name(node.args[0], names, params, depth + 1)
    if isinstance(node, ast.Name):
        if node.id in names:
            return _name(names[node.id], names, params, depth + 1)
        if node.id in params:
            return f"<{node.id}>"
    return "?"


def scan(paths: list[Path] = SCANNED) -> dict[str, Found]:
    """Every form (with its submit buttons' labels) and every button of the UI code, by `path::name`."""
    found: dict[str, Found] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(ROOT).as_posix()
        scopes = [(n.name, n) for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)] + [("<module>", tree)]
        for scope_name, scope in scopes:
            assignments = sorted((n.lineno, n.targets[0].id, n.value) for n in _own_nodes(scope.body)
                                 if isinstance(n, ast.Assign) and len(n.targets) == 1
                                 and isinstance(n.targets[0], ast.Name))
            params = {a.arg for a in scope.args.args} if isinstance(scope, ast.FunctionDef) else set()
            in_forms: set[int] = set()
            for node in _own_nodes(scope.body):
                names = {name: value for line, name, value in assignments if line < getattr(node, "lineno", 0)}
                if isinstance(node, ast.With):
                    for item in node.items:
                        if _is_call(item.context_expr, "form"):
                            form_id = f"{rel}::{_name(_arg(item.context_expr, 'key'), names, params)}"
                            entry = found.setdefault(form_id, Found("form", form_id))
                            entry.where.append(f"{rel}:{node.lineno}")
                            for inner in _own_nodes(node.body):
                                if _is_call(inner, "form_submit_button"):
                                    entry.submits.add(ast.unparse(_arg(inner, "label")))
                                    in_forms.add(id(inner))
            for node in _own_nodes(scope.body):
                names = {name: value for line, name, value in assignments if line < getattr(node, "lineno", 0)}
                if _is_call(node, "button"):
                    key = next((k.value for k in node.keywords if k.arg == "key"), None)
                    label = _name(key, names, params) if key is not None else ast.unparse(_arg(node, "label"))
                    entry = found.setdefault(f"{rel}::button:{label}", Found("button", f"{rel}::button:{label}"))
                    entry.where.append(f"{rel}:{node.lineno}")
                elif _is_call(node, "form_submit_button") and id(node) not in in_forms:
                    entry = found.setdefault(f"{rel}::{scope_name}()", Found("helper", f"{rel}::{scope_name}()"))
                    entry.submits.add(ast.unparse(_arg(node, "label")))
                    entry.where.append(f"{rel}:{node.lineno}")
    return found


# What the scan finds that writes nothing, and why.
NOT_WRITING = {
    "leokop/ui/widgets.py::button:texts.OPEN_APPRENTICE": "opens the apprentice page (navigation)",
    "leokop/ui/apprentice_forms.py::_hide_button()": "removes a stale row's form from the screen",
    "leokop/ui/material_views.py::_hide_gone()": "removes the form of a withdrawn material from the screen",
    "leokop/ui/import_views.py::button:import-preview": "plans the import in a transaction that writes nothing",
    "leokop/ui/sso_views.py::button:sso-login-*": "st.login: sends the browser to the identity provider",
    "leokop/ui/sso_views.py::button:sso-sign-out": "st.logout: ends the identity provider's cookie, writes no row",
    "leokop/ui/sso_views.py::button:sso-invitation-link": (
        "writes through the login role before any sign-in (no user transaction, so no form token; the database links "
        "an invitation once, so a repeat changes nothing) and shows only while a provider has signed someone in: "
        "tests/pages/test_sso_views.py drives it with st.user as Streamlit's callback leaves it"),
    "leokop/ui/invitation_views.py::button:link-to-login": "leaves a link's page for the login form (navigation)",
}
# Submit buttons inside writing forms that write nothing themselves.
NOT_WRITING_SUBMITS = {"texts.STALE_HIDE"}


# --- the outcome of one case ----------------------------------------------------------------------------------------


def _templates() -> list[re.Pattern]:
    """Every German text of leokop.texts as a pattern ({fields} match anything)."""
    strings: list[str] = []
    for value in vars(texts).values():
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            strings.extend(v for v in value.values() if isinstance(v, str))
    return [re.compile(".*".join(re.escape(part) for part in re.split(r"\{[^}]*\}", s)), re.DOTALL)
            for s in strings if len(s) > 3]


GERMAN = _templates()


def german(message: str) -> bool:
    """A message the app wrote from its German texts (a refusal may join two of them)."""
    return any(p.match(message) for p in GERMAN)


AUDIT_SQL = "select count(*) from audit_log where action <> 'view'"  # page views are recorded as they happen


def pop_confirmation(at: AppTest) -> str | None:
    """The toast a save left for the next run (app.py shows it; the matrix runs page files alone, except for the
    terms gate, which is app.py's own page: there the toast is on the screen)."""
    if "leokop_confirmation" not in at.session_state:
        return at.toast[0].value if len(at.toast) else None
    message = at.session_state["leokop_confirmation"][0]
    del at.session_state["leokop_confirmation"]
    return message


# --- the test data every driver works on --------------------------------------------------------------------------


BEFORE_TABLES = ("risk_cases", "concerns", "notes", "absences", "company_phases", "school_blocks", "projects",
                 "materials", "consents", "terms_versions", "import_runs", "import_profiles", "school_days_off")


class Ctx:
    """The matrix's own records (created here, removed afterwards) and a way to read the database as its owner."""

    def __init__(self, owner_url: str, db) -> None:
        self.owner_url, self.db = owner_url, db
        self.today = clock.today()
        self.profiles: dict[str, Any] = {}
        self.ids: dict[str, Any] = {}
        # what was there before the matrix, by id: with LEOKOP_TODAY in the future the demo's rows are dated after
        # the real now(), so the clean-up cannot tell the matrix's rows by their time
        self.before = {table: [r[0] for r in self.rows(f"select id from {table}")] for table in BEFORE_TABLES}
        self.started = self.one("select now()")[0]  # rows the matrix inserts are stamped with the real now()

    def profile(self, username: str):
        if username not in self.profiles:
            self.profiles[username] = load_profile(self.db, user_id(username))
        return self.profiles[username]

    def rows(self, sql: str, *params) -> list[tuple]:
        with psycopg.connect(self.owner_url, autocommit=True) as conn:
            return conn.execute(sql, params).fetchall()

    def one(self, sql: str, *params) -> tuple:
        return self.rows(sql, *params)[0]

    def run(self, sql: str, *params, replica: bool = False) -> None:
        """A change as the owner; `replica` switches the triggers off (e.g. to take back a withdrawal)."""
        with psycopg.connect(self.owner_url, autocommit=True) as conn, conn.transaction():
            if replica:
                conn.execute("set local session_replication_role = replica")
            conn.execute(sql, params)

    def audit(self) -> int:
        return self.one(AUDIT_SQL)[0]


def open_page(ctx: Ctx, page: str, username: str, state: dict | None = None) -> AppTest:
    """The page file run alone with the user signed in (as app.py's navigation runs it)."""
    at = AppTest.from_file(str(ROOT / page if page == "app.py" else ROOT / "pages" / page), default_timeout=60)
    at.session_state["leokop_user"] = ctx.profile(username)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def text_widget(at: AppTest, key: str):
    for elements in (at.text_area, at.text_input):
        try:
            return widget(elements, key)
        except StopIteration:
            continue
    raise AssertionError(f"no text field {key} (exception: {list(at.exception)!r:.600})")


# --- drivers --------------------------------------------------------------------------------------------------------


@dataclass
class Driver:
    """How to work one form (or button) of the matrix; `form` and the keys may name ctx ids as {name}."""
    scanned: str                      # the scan's id (path::name)
    name: str                         # the form as rendered (its key without the generation), or the button key
    page: str
    user: str
    button: str
    rows: Callable[[Ctx], list]       # the rows the form writes, (id, ..., typed text last where there is one)
    state: Callable[[Ctx], dict] = lambda ctx: {}
    text: str | None = None           # key of the field that takes typed text
    limit: int = 0                    # the longest text the form accepts
    fill: Callable[[AppTest, Ctx], None] = lambda at, ctx: None  # the other fields, valid
    reset: Callable[[Ctx], None] | None = None      # after a save: make the form available again
    empty: str | None = "refused"     # what submitting the form as it comes ends in (None: not applicable)
    out_of_range: Callable[[AppTest, Ctx], None] | None = None
    stale: Callable[[Ctx], None] | None = None      # a second session's change, before this one submits
    stale_ends: str = "refused"
    values: Callable[[], Any] | None = None         # a strategy of other generated input (no text field)
    put: Callable[[AppTest, Ctx, Any], None] | None = None
    keeps_input: bool = True          # passwords are never kept
    buttons: tuple[str, ...] = ()     # submit labels the driver presses (default: `button`)
    is_button: bool = False           # a plain st.button, not a form
    fresh_cache: bool = False         # reset changes what the session's short-lived cache holds (ui.user_cache)
    finish: Callable[[Ctx], None] | None = None     # after all cases: put back what other drivers rely on
    prepare: Callable[[AppTest, Ctx], None] | None = None  # after opening the page: what brings the form up
    na: dict[str, str] = field(default_factory=dict)  # case → why it does not apply

    @property
    def ident(self) -> str:
        """The form's short name: its key without the record part and "-form"."""
        return self.name.split("{")[0].rstrip("-").removesuffix("-form")

    def key(self, ctx: Ctx, template: str) -> str:
        return template.format(**ctx.ids)

    def form(self, ctx: Ctx) -> str:
        return self.key(ctx, self.name)

    def open(self, ctx: Ctx, username: str | None = None) -> AppTest:
        at = open_page(ctx, self.page, username or self.user, self.state(ctx))
        if self.prepare is not None:
            self.prepare(at, ctx)
        return at

    def press(self, at: AppTest, ctx: Ctx, label: str | None = None):
        label = label or self.button
        if self.is_button:
            return widget(at.button, self.form(ctx))
        try:
            return form_button(at, self.form(ctx), label)
        except StopIteration:
            raise AssertionError(f"no button {label!r} of {self.form(ctx)}; forms: "
                                 f"{sorted({b.proto.form_id for b in at.button})}; warnings: "
                                 f"{[w.value[:150] for w in at.warning]}") from None

    def typed(self, at: AppTest, ctx: Ctx, text: str) -> str:
        """Type `text` into the form's text field as a browser would: a field with max_chars holds no more (its
        maxlength cuts typing and pasting alike), so that is what the user sees. Returns what the field holds."""
        field_ = text_widget(at, self.key(ctx, self.text))
        limit = field_.proto.max_chars
        shown = text[:limit] if limit else text
        field_.set_value(shown)
        ctx.ids["typed"] = shown  # for a second session that types the same (a name taken meanwhile)
        return shown

    def shown_text(self, at: AppTest, ctx: Ctx) -> str | None:
        return text_widget(at, self.key(ctx, self.text)).value if self.text else None


@dataclass
class Result:
    outcome: str  # refused | saved | notice
    errors: list[str]


def submit_and_check(driver: Driver, ctx: Ctx, at: AppTest, typed: str | None, label: str | None = None,
                     replay=None) -> Result:
    """Submit (or replay widget states), then check the one allowed outcome against the database."""
    before, audit = set(driver.rows(ctx)), ctx.audit()
    if replay is None:
        driver.press(at, ctx, label).click().run()
    else:
        at._run(replay)
    return check(driver, ctx, at, before, audit, typed)


def _where_warnings(at: AppTest) -> list:
    """(form id or None, start of the text) of every warning on the page: which form a stray notice belongs to."""
    found = []

    def walk(node, form):
        form = getattr(getattr(node, "proto", None), "form_id", None) or form
        if type(node).__name__ == "Warning":
            found.append((form, node.value[:60]))
        children = getattr(node, "children", None)
        for child in children.values() if isinstance(children, dict) else []:
            walk(child, form)

    walk(at._tree, None)
    return found


def check(driver: Driver, ctx: Ctx, at: AppTest, before: set, audit: int, typed: str | None) -> Result:
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    warnings = [w.value for w in at.warning if w.value.startswith(texts.STALE_GONE.split("{")[0].strip() or "§")
                or "bereits bearbeitet" in w.value]
    after = set(driver.rows(ctx))
    confirmation = pop_confirmation(at)
    new, gone = after - before, before - after
    if errors or (warnings and not new):
        for message in errors + warnings:
            assert german(message), f"{driver.scanned}: not a German message of the app: {message[:200]!r}"
        assert not new and not gone, f"{driver.scanned}: refused, but rows changed: {new} / {gone}"
        assert ctx.audit() == audit, f"{driver.scanned}: refused, but the audit trail grew"
        if typed is not None and driver.keeps_input:
            try:
                shown = driver.shown_text(at, ctx)
            except AssertionError as exc:
                raise AssertionError(f"{driver.scanned}: the form is gone after {errors + warnings}; "
                                     f"{_where_warnings(at)}") from exc
            assert shown == typed, f"{driver.scanned}: the typed input is gone"
        assert confirmation is None
        return Result("refused", errors + warnings)
    if confirmation in (texts.CASE_ALREADY_OPEN,):
        assert not new, f"{driver.scanned}: someone was quicker, yet this session wrote {new}"
        return Result("notice", [])
    assert confirmation is not None, f"{driver.scanned}: neither a message nor a confirmation"
    assert len(new) == 1, f"{driver.scanned}: {len(new)} rows written or changed instead of one: {new}"
    assert len(gone) <= 1, f"{driver.scanned}: more than one row changed or went: {gone}"
    if typed is not None:
        stored = next(iter(new))[-1]
        assert (stored or "") == typed.strip(), (
            f"{driver.scanned}: stored {str(stored)[:80]!r} instead of what was typed {typed.strip()[:80]!r}")
    return Result("saved", [])


# --- the matrix's records ---------------------------------------------------------------------------------------------

MAINUFER, LAHNTAL = school_id("mainufer"), school_id("lahntal")
RMD_PAIR = cooperation_id("mainufer", "rmd")
MARK = "Matrix"  # in every title and name the matrix writes, so that it removes only its own rows


def _recent_weekday(ctx: Ctx, days_back: int) -> date:
    day = ctx.today - timedelta(days=days_back)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


@pytest.fixture(scope="module")
def ctx(owner_url, db, worker_db):
    from leokop.config import load_settings
    from leokop.demo.materials import NETWORK_V1
    from leokop.demo.seed import demo_id
    from leokop.repo import materials, projects
    from leokop.services.early_warning import refresh
    from leokop.services.materials import file_problems
    from leokop.storage import storage_from_settings

    c = Ctx(owner_url, db)
    fi = demo_id("occupation", "FI")
    # an apprentice of the shared class and pair (lehrkraft and ausbilder), whose grades and absences the company
    # sees, and who is not the one the other page tests use
    c.ids["a"] = c.one(
        """select a.id from apprentices a where a.class_id = %s and a.company_id = %s and a.status = 'aktiv'
           and app_private.is_released(a.id, 'absences') and app_private.is_released(a.id, 'grades')
           and a.id <> %s order by a.id limit 1""",
        SHARED_CLASS, company_id("rmd"), demo_id("apprentice", f"{SHARED_CLASS}/0"))[0]
    a = c.ids["a"]
    c.ids["contract_start"], c.ids["contract_end"] = c.one(
        "select contract_start, contract_end from apprentices where id = %s", a)
    teacher, trainer = user_id("lehrkraft"), user_id("ausbilder")
    c.ids["case"] = c.one("insert into risk_cases (apprentice_id, title, severity, opened_by) values"
                          " (%s, %s, 'hinweis', %s) returning id", a, f"{MARK}-Fall", teacher)[0]
    # a concern for a flag that stays open (the case form's flag), and one to be settled
    c.run("insert into concerns (apprentice_id, place, kind, body, raised_by) values (%s, 'schule', 'konflikt',"
          " %s, %s)", a, f"{MARK} bleibt offen", teacher)
    c.ids["concern"] = c.one("insert into concerns (apprentice_id, place, kind, body, raised_by) values"
                             " (%s, 'schule', 'gesundheit', %s, %s) returning id", a, f"{MARK} erledigen", teacher)[0]
    refresh(worker_db, [a])
    c.ids["flag"] = c.one("select id from risk_flags where apprentice_id = %s and cleared_at is null and rule like"
                          " %s order by rule limit 1", a, "anliegen_schule")[0]
    c.ids["measure"] = c.one("insert into case_measures (case_id, kind, description, created_by) values"
                             " (%s, 'sonstiges', %s, %s) returning id", c.ids["case"], f"{MARK}-Maßnahme", teacher)[0]
    monday = c.today - timedelta(days=c.today.weekday() + 7 * 60)
    while c.rows("select 1 from record_weeks where apprentice_id = %s and week_start = %s", a, monday):
        monday -= timedelta(days=7)
    c.ids["week"] = c.one("insert into record_weeks (apprentice_id, week_start) values (%s, %s) returning id",
                          a, monday)[0]
    taken = {r[0] for r in c.rows("select absence_date from absences where apprentice_id = %s", a)}
    free = [d for d in (_recent_weekday(c, n) for n in range(3, 50)) if d not in taken]
    c.ids["absence_propose"] = c.one("insert into absences (apprentice_id, absence_date, lessons, recorded_by)"
                                     " values (%s, %s, 2, %s) returning id", a, free[0], teacher)[0]
    c.ids["absence_decide"] = c.one(
        "insert into absences (apprentice_id, absence_date, lessons, recorded_by, excuse_state, excuse_comment,"
        " proposed_by, proposed_at) values (%s, %s, 3, %s, 'vorgeschlagen', %s, %s, now()) returning id",
        a, free[-1], teacher, f"{MARK}: Arzttermin", trainer)[0]
    store = storage_from_settings(load_settings())
    sharing = materials.Sharing(RMD_PAIR, fi, "kooperation", None, f"{MARK}-Link", None, [], [], [])
    c.ids["material"] = materials.share_link(db, teacher, sharing, "https://example.org/matrix")
    file_sharing = materials.Sharing(RMD_PAIR, fi, "kooperation", None, f"{MARK}-Datei", None, [], [], [])
    info = file_problems(NETWORK_V1.filename, NETWORK_V1.data, len(NETWORK_V1.data))[1]
    c.ids["file_material"] = materials.share_file(db, store, teacher, file_sharing, info, NETWORK_V1.data)
    withdraw_sharing = materials.Sharing(RMD_PAIR, fi, "kooperation", None, f"{MARK}-Zurückziehen", None, [], [], [])
    c.ids["withdraw_material"] = materials.share_link(db, teacher, withdraw_sharing, "https://example.org/weg")
    c.ids["project"] = projects.create_project(db, teacher, projects.NewProject(
        MAINUFER, [RMD_PAIR], f"{MARK}-Projekt", None, c.today, c.today + timedelta(days=90), [], [], [], [],
        [(c.today + timedelta(days=30), f"{MARK}-Meilenstein 1"), (c.today + timedelta(days=60),
                                                                    f"{MARK}-Meilenstein 2")]))
    # the admin side, at Lahntal (admin2): an apprentice, a consent to revoke, a user and a membership to toggle
    c.ids["l"] = c.one("select id from apprentices where school_id = %s and status = 'aktiv' and anonymised_at is null"
                       " order by id limit 1", LAHNTAL)[0]
    c.ids["consent"] = c.one("insert into consents (apprentice_id, legal_basis, categories, given_on, reference,"
                             " recorded_by) values (%s, 'rechtsvorschrift', array['grades'], %s, %s, %s) returning id",
                             c.ids["l"], c.today, f"{MARK} § 1", user_id("admin2"))[0]
    c.ids["toggled"] = c.one("insert into app_users (username, display_name) values ('matrix-umschalten', %s)"
                             " returning id", f"{MARK} Umschalten")[0]
    c.ids["toggled_membership"] = c.one("insert into memberships (user_id, role, school_id) values (%s, 'schulleitung',"
                                        " %s) returning id", c.ids["toggled"], LAHNTAL)[0]
    c.ids["lahntal"], c.ids["mainufer"] = LAHNTAL, MAINUFER
    # the password form's own account (a Schulleitung of Mainufer), and lehrkraft's last "gelesen" of the inbox
    from leokop.services.passwords import hash_password

    c.ids["account_hash"] = hash_password(ACCOUNT_PASSWORD)
    c.ids["account"] = c.one("insert into app_users (username, display_name) values (%s, %s) returning id",
                             ACCOUNT, f"{MARK} Konto")[0]
    c.run("insert into user_credentials (user_id, password_hash) values (%s, %s)", c.ids["account"],
          c.ids["account_hash"])
    c.run("insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)", c.ids["account"],
          MAINUFER)
    c.profiles[ACCOUNT] = load_profile(db, c.ids["account"])
    c.ids["day_off"] = c.one("insert into school_days_off (school_id, name, starts_on, ends_on) values (%s, %s, %s, %s)"
                             " returning id", LAHNTAL, f"{MARK}-Löschen", c.today + timedelta(days=40),
                             c.today + timedelta(days=40))[0]
    seen = c.rows("select seen_at from inbox_seen where user_id = %s", user_id("lehrkraft"))
    c.ids["seen_at"] = seen[0][0] if seen else None
    settings = [*SETTINGS, ("release_overrides", "apprentice_id", c.ids["l"])]
    kept = [(table, column, key, c.rows(f"select * from {table} where {column} = %s", key))
            for table, column, key in settings]
    yield c
    _clean(c, kept)


# Settings the admin forms change: put back as they were.
SETTINGS = (("release_settings", "school_id", LAHNTAL), ("risk_thresholds", "school_id", LAHNTAL),
            ("retention_settings", "school_id", LAHNTAL))


def _clean(c: Ctx, kept: list) -> None:
    """Remove what the matrix wrote and put back the settings it changed (the audit trail keeps its rows: it is
    append-only)."""
    a, other = c.ids["a"], c.ids["l"]
    for sql, params in [
        ("delete from risk_cases where apprentice_id = %s", (a,)),
        ("delete from concerns where apprentice_id = %s and not (id = any(%s))", (a, c.before["concerns"])),
        ("delete from concerns where apprentice_id = %s and body like %s", (a, f"{MARK}%")),
        ("delete from notes where apprentice_id = %s and not (id = any(%s))", (a, c.before["notes"])),
        ("delete from absences where apprentice_id = %s and not (id = any(%s))", (a, c.before["absences"])),
        ("delete from record_weeks where id = %s", (c.ids["week"],)),
        ("delete from company_phases where apprentice_id = %s and not (id = any(%s))", (a, c.before["company_phases"])),
        ("delete from school_blocks where not (id = any(%s))", (c.before["school_blocks"],)),
        ("delete from lf_results where apprentice_id = %s", (a,)),
        ("delete from position_ratings where apprentice_id = %s", (a,)),
        ("delete from project_milestones where project_id in (select id from projects where not (id = any(%s)))",
         (c.before["projects"],)),
        ("delete from project_materials where project_id in (select id from projects where not (id = any(%s)))",
         (c.before["projects"],)),
        ("delete from project_apprentices where project_id in (select id from projects where not (id = any(%s)))",
         (c.before["projects"],)),
        ("delete from project_learning_fields where project_id in (select id from projects where not (id = any(%s)))",
         (c.before["projects"],)),
        ("delete from project_positions where project_id in (select id from projects where not (id = any(%s)))",
         (c.before["projects"],)),
        ("delete from project_cooperations where project_id in (select id from projects where not (id = any(%s)))",
         (c.before["projects"],)),
        ("delete from project_events where project_id in (select id from projects where not (id = any(%s)))",
         (c.before["projects"],)),
        ("delete from projects where not (id = any(%s))", (c.before["projects"],)),
        ("delete from material_comments where material_id in (select id from materials where not (id = any(%s)))",
         (c.before["materials"],)),
        ("delete from material_events where material_id in (select id from materials where not (id = any(%s)))",
         (c.before["materials"],)),
        ("delete from material_learning_fields where material_id in"
         " (select id from materials where not (id = any(%s)))",
         (c.before["materials"],)),
        ("delete from material_positions where material_id in (select id from materials where not (id = any(%s)))",
         (c.before["materials"],)),
        ("delete from material_versions where material_id in (select id from materials where not (id = any(%s)))",
         (c.before["materials"],)),
        ("delete from materials where not (id = any(%s))", (c.before["materials"],)),
        ("delete from consents where apprentice_id = %s and not (id = any(%s))", (other, c.before["consents"])),
        ("delete from terms_versions where not (id = any(%s))", (c.before["terms_versions"],)),
        ("delete from terms_acceptances a where not exists (select 1 from terms_versions v where v.school_id ="
         " a.school_id and v.version = a.version)", ()),
        ("delete from import_profiles where not (id = any(%s))", (c.before["import_profiles"],)),
        ("delete from school_days_off where not (id = any(%s))", (c.before["school_days_off"],)),
        # replica mode runs no foreign-key triggers: what hangs off the matrix's users goes first, by hand
        ("delete from invitations where user_id in (select id from app_users where username like 'matrix-%%')", ()),
        ("delete from password_resets where user_id in (select id from app_users where username like 'matrix-%%')",
         ()),
        ("delete from auth_requests where account_id in (select id from app_users where username like 'matrix-%%')",
         ()),
        ("delete from memberships where user_id in (select id from app_users where username like 'matrix-%%')", ()),
        ("delete from user_sessions where user_id in (select id from app_users where username like 'matrix-%%')",
         ()),
        ("delete from user_credentials where user_id in (select id from app_users where username like 'matrix-%%')",
         ()),
        ("delete from app_users where username like 'matrix-%%'", ()),
    ]:
        c.run(sql, *params, replica=True)
    _unimport(c)
    _seen_back(c)
    for table, column, key, rows in kept:
        c.run(f"delete from {table} where {column} = %s", key, replica=True)
        for row in rows:
            c.run(f"insert into {table} values ({', '.join(['%s'] * len(row))})", *row, replica=True)


# --- the cases ------------------------------------------------------------------------------------------------------

FIXED = [  # the categories every text field receives, before Hypothesis's own inputs
    "=SUMME(A1:A3) **fett** _kursiv_ [Link](http://x.de) <b>html</b> <script>alert(1)</script> :material/home: "
    "'; DROP TABLE notes; -- \" \\ %s {0} $x$",
    "שלום עולם – مرحبا بالعالم 🙂👍🏽👩‍👩‍👧 🇩🇪",
    "Zeile 1\x00Zeile 2\x07\x1b[31m",
    "ä" * 3999 + "!",
    "x" * 100_000,
    "+49 170 123\n-5\n@SUMME(1;2)",
]
MEANINGFUL = strat.one_of(
    strat.text(max_size=60),
    strat.text(alphabet=strat.sampled_from(list("*_[]()<>#`:$|~-+=@'\";\\%{}ä🙂\u202e\u200f\x00\t\n ")), max_size=40),
    strat.builds(lambda prefix, rest: prefix + rest,
                 strat.sampled_from(["=", "+", "-", "@", ":material/home: ", "# ", "<img src=x>"]),
                 strat.text(max_size=30)),
)
SAVING_STATE = ("leokop_form_generations", "leokop_form_tokens")


@dataclass
class Tally:
    """What the matrix did per driver: the outcome of each case, and the generated inputs it received."""
    outcomes: dict[str, str] = field(default_factory=dict)
    generated: int = 0
    seconds: float = 0.0


MATRIX: dict[str, Tally] = {}


def _after(driver: Driver, ctx: Ctx, at: AppTest, result: Result) -> None:
    if result.outcome == "saved" and driver.reset is not None:
        driver.reset(ctx)
        _forget_cache(driver, at)
        at.run()
        assert not at.exception, at.exception


def _forget_cache(driver: Driver, at: AppTest) -> None:
    """A reset behind the session's back: its short-lived cache (ui.user_cache) would still show the saved state."""
    if driver.fresh_cache and "leokop_user_cache" in at.session_state:
        del at.session_state["leokop_user_cache"]


def _fill_valid(driver: Driver, at: AppTest, ctx: Ctx, text: str | None) -> str | None:
    """Fill the form validly; type `text` into its text field. Returns what the field then shows."""
    driver.fill(at, ctx)
    if driver.text and text is not None:
        return driver.typed(at, ctx, text)
    return text


def case_empty(driver: Driver, ctx: Ctx, at: AppTest) -> str:
    # as it comes: what the text field shows then (empty, or a default such as a case's suggested title)
    result = submit_and_check(driver, ctx, at, driver.shown_text(at, ctx) if driver.text else None)
    assert result.outcome == driver.empty, f"{driver.scanned}: the empty submit ended {result.outcome}"
    _after(driver, ctx, at, result)
    return result.outcome


def case_double(driver: Driver, ctx: Ctx, at: AppTest) -> str:
    """One submission twice (the second carries the first's values), and once more with the session put back to
    before the first: one save, no error."""
    for label in driver.buttons or (driver.button,):
        _fill_valid(driver, at, ctx, f"{MARK} doppelt {uuid4().hex[:8]}")
        driver.press(at, ctx, label).click()
        states = at._tree.get_widget_states()
        kept = {k: copy.deepcopy(at.session_state[k]) for k in SAVING_STATE if k in at.session_state}
        first = submit_and_check(driver, ctx, at, None, replay=states)
        assert first.outcome == "saved", f"{driver.scanned}: the first click ended {first.outcome}: {first.errors}"
        after_first = {k: copy.deepcopy(at.session_state[k]) for k in SAVING_STATE if k in at.session_state}
        for restore in (False, True):
            if restore:
                for k, value in kept.items():
                    at.session_state[k] = value
            before, audit = set(driver.rows(ctx)), ctx.audit()
            at._run(states)
            assert not at.exception, at.exception
            assert [e.value for e in at.error] == [], f"{driver.scanned}: the second click showed an error"
            assert set(driver.rows(ctx)) == before, f"{driver.scanned}: the second click wrote again"
            assert ctx.audit() == audit
            pop_confirmation(at)
        # the repeated request is over: the session goes on as the first save left it (a session's state is never
        # put back in a real server; only the repeated request above saw the earlier one)
        for k, value in after_first.items():
            at.session_state[k] = value
        _after(driver, ctx, at, first)
        at.run()
    return "saved once"


def case_range(driver: Driver, ctx: Ctx, at: AppTest) -> str:
    _fill_valid(driver, at, ctx, None)
    driver.out_of_range(at, ctx)
    typed = driver.shown_text(at, ctx) if driver.text else None
    limit = text_widget(at, driver.key(ctx, driver.text)).proto.max_chars if driver.text else 0
    if limit and typed is not None and len(typed) > limit:
        # the field's maxlength: a browser holds no more than the limit (typed or pasted), and that is saved as shown
        shown = driver.typed(at, ctx, typed)
        result = submit_and_check(driver, ctx, at, shown)
        assert result.outcome == "saved" and len(shown) == limit, f"{driver.scanned}: {result.outcome}"
        _after(driver, ctx, at, result)
        at.run()
        return f"cut at {limit} by the field, saved as shown"
    result = submit_and_check(driver, ctx, at, typed)
    assert result.outcome == "refused", f"{driver.scanned}: a value out of range was {result.outcome}"
    at.run()
    return "refused"


def case_stale(driver: Driver, ctx: Ctx, at: AppTest) -> str:
    """A second session changes the record first; this one submits what it typed on the old state."""
    at.run()
    typed = f"{MARK} veraltet {uuid4().hex[:8]}" if driver.text else None
    typed = _fill_valid(driver, at, ctx, typed)
    driver.stale(ctx)
    result = submit_and_check(driver, ctx, at, typed)
    assert result.outcome == driver.stale_ends, f"{driver.scanned}: stale submit ended {result.outcome}"
    # pressing once more never overwrites blindly: refused again, or the button is gone (a record settled by
    # someone else leaves only the notice of who did it)
    if result.outcome == "refused" and driver.stale_ends == "refused" and _has_button(driver, ctx, at):
        again = submit_and_check(driver, ctx, at, typed)
        assert again.outcome == "refused", f"{driver.scanned}: the second press overwrote the other change"
    _after(driver, ctx, at, result)
    if driver.reset is not None:
        driver.reset(ctx)
        _forget_cache(driver, at)
        for name, value in driver.state(ctx).items():  # the record is back: choose it again, as the user would
            at.session_state[name] = value
    at.run()
    return result.outcome


def _has_button(driver: Driver, ctx: Ctx, at: AppTest) -> bool:
    try:
        driver.press(at, ctx)
    except (AssertionError, StopIteration):
        return False
    return True


def case_generated(driver: Driver, ctx: Ctx, at: AppTest) -> str:
    tally = MATRIX[driver.ident]
    outcomes: list[str] = []

    def one(text: str | None = None, value: Any = None) -> None:
        # no extra run first: the previous submit (and its reset) left the page as the user sees it next
        if driver.text:
            text = _fill_valid(driver, at, ctx, text)
        else:
            driver.fill(at, ctx)
            driver.put(at, ctx, value)
        result = submit_and_check(driver, ctx, at, text)
        outcomes.append(result.outcome)
        tally.generated += 1
        _after(driver, ctx, at, result)

    drawn = seed(zlib.crc32(driver.ident.encode()))  # the same inputs on every run, other ones for every form
    quick = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck))
    if driver.text:
        for text in FIXED:
            one(text)
        drawn(settings(max_examples=EXAMPLES, **quick)(given(text=MEANINGFUL)(lambda text: one(text))))()
    else:
        drawn(settings(max_examples=VALUE_EXAMPLES, **quick)(given(value=driver.values())(
            lambda value: one(value=value))))()
    return f"{outcomes.count('saved')} saved, {outcomes.count('refused')} refused"


RUNNERS = {"empty": case_empty, "double": case_double, "range": case_range, "stale": case_stale,
           "generated": case_generated}


def applicable(driver: Driver, case: str) -> str | None:
    """None when the case applies to the driver, else why not."""
    if case in driver.na:
        return driver.na[case]
    if case == "empty" and driver.empty is None:
        return "no empty state"
    if case == "range" and driver.out_of_range is None:
        return "no value with a range"
    if case == "stale" and driver.stale is None:
        return "writes nothing another session could change first"
    if case == "generated" and not driver.text and driver.values is None:
        return "no typed input"
    if case == "generated" and EXAMPLES == 0:
        return "generated inputs off (LEOKOP_MATRIX_EXAMPLES=0)"
    return None


# --- the drivers --------------------------------------------------------------------------------------------------

AF, CF, MV, PV, PF = ("leokop/ui/apprentice_forms.py", "leokop/ui/case_forms.py", "leokop/ui/material_views.py",
                      "leokop/ui/project_views.py", "leokop/ui/privacy_forms.py")
VW = "pages/verwaltung_page.py"
SV = "leokop/ui/sso_views.py"


def apprentice(ctx: Ctx) -> dict:
    return {widgets.APPRENTICE_KEY: ctx.ids["a"]}


def pair(ctx: Ctx, **more) -> dict:
    return {widgets.COOP_KEY: RMD_PAIR, **more}


def pick(elements, key: str, value) -> None:
    widget(elements, key).set_value(value)


def by_label(elements, label: str):
    return next(e for e in elements if e.label == label)


def second_session(driver: Driver, ctx: Ctx, act: Callable[[AppTest], None], username: str | None = None,
                   label: str | None = None) -> None:
    """Another session (a second tab, or the colleague) does its save through the same page first."""
    other = driver.open(ctx, username)
    act(other)
    driver.press(other, ctx, label).click().run()
    assert not other.exception and not other.error, [e.value for e in other.error]


def _free_absence_day(ctx: Ctx) -> date:
    taken = {r[0] for r in ctx.rows("select absence_date from absences where apprentice_id = %s", ctx.ids["a"])}
    day = ctx.today - timedelta(days=1)
    while day in taken or day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _absence_fill(at: AppTest, ctx: Ctx) -> None:
    pick(at.date_input, "absence-date", _free_absence_day(ctx))
    pick(at.number_input, "absence-lessons", 2)


def _absence_put(at: AppTest, ctx: Ctx, value) -> None:
    offset, lessons = value
    pick(at.date_input, "absence-date", ctx.today + timedelta(days=offset))
    pick(at.number_input, "absence-lessons", lessons)


def _absence_stale(ctx: Ctx) -> None:
    """The colleague records the same day first (the day this session's form holds)."""
    day = _free_absence_day(ctx)
    ctx.ids["stale_day"] = day
    second_session(DRIVER["absence"], ctx, lambda at: (pick(at.date_input, "absence-date", day),
                                                       pick(at.number_input, "absence-lessons", 3)))


def _plan_dates(at: AppTest, ctx: Ctx, start_key: str, end_key: str, base: date, days: int = 4) -> None:
    """A period no earlier save of the matrix used (every call moves a week on)."""
    ctx.ids["slot"] = ctx.ids.get("slot", 0) + 1
    start = base + timedelta(days=7 * ctx.ids["slot"])
    pick(at.date_input, start_key, start)
    pick(at.date_input, end_key, start + timedelta(days=days))
    ctx.ids["period"] = (start, start + timedelta(days=days))


def _after_the_phases(ctx: Ctx) -> date:
    """The day after the apprentice's last company phase (as the demo planned them), fixed at the first call: new
    phases after it overlap none, so the form saves without the overlap confirmation (its own case)."""
    if "phase_base" not in ctx.ids:
        ctx.ids["phase_base"] = ctx.one("select coalesce(max(ends_on) + 1, %s) from company_phases"
                                        " where apprentice_id = %s", ctx.ids["contract_start"], ctx.ids["a"])[0]
    return ctx.ids["phase_base"]


def _reopen_case(ctx: Ctx) -> None:
    ctx.run("update risk_cases set status = 'offen', closed_at = null, closing_reason = null where id = %s",
            ctx.ids["case"])


def _close_case_elsewhere(ctx: Ctx) -> None:
    """The trainer closes the case in a session of their own."""
    driver = DRIVER["case-status"]

    def close(at: AppTest) -> None:
        pick(at.selectbox, f"case-status-value-{ctx.ids['case']}", "erledigt")
        text_widget(at, f"case-status-reason-{ctx.ids['case']}").set_value(f"{MARK}: geklärt")
    second_session(driver, ctx, close, "ausbilder")


def _status_elsewhere(ctx: Ctx) -> None:
    second_session(DRIVER["case-status"], ctx,
                   lambda at: pick(at.selectbox, f"case-status-value-{ctx.ids['case']}", "in_bearbeitung"), "ausbilder")


def _grade_lf(ctx: Ctx) -> Any:
    if "lf" not in ctx.ids:
        ctx.ids["lf"] = ctx.one("select lf.id from learning_fields lf join apprentices a on a.occupation_id ="
                                " lf.occupation_id and (lf.track is null or lf.track = a.track or a.track is null)"
                                " where a.id = %s order by lf.sort_order desc limit 1", ctx.ids["a"])[0]
    return ctx.ids["lf"]


def _position(ctx: Ctx) -> Any:
    if "position" not in ctx.ids:
        ctx.ids["position"] = ctx.one("select tp.id from training_positions tp join apprentices a on"
                                      " a.occupation_id = tp.occupation_id where a.id = %s order by tp.sort_order desc"
                                      " limit 1", ctx.ids["a"])[0]
    return ctx.ids["position"]


def _grade_put(at: AppTest, ctx: Ctx, value) -> None:
    grade, offset = value
    pick(at.number_input, f"grade-value-{_grade_lf(ctx)}", grade)
    pick(at.date_input, f"grade-on-{_grade_lf(ctx)}", ctx.today - timedelta(days=offset))


def _week_reset(ctx: Ctx) -> None:
    ctx.run("update record_weeks set status = 'eingereicht', trainer_comment = null, decided_at = null,"
            " decided_by = null where id = %s", ctx.ids["week"])


def _proposal_reset(ctx: Ctx) -> None:
    ctx.run("update absences set excuse_state = 'keiner', excuse_comment = null, proposed_by = null,"
            " proposed_at = null, excused = false where id = %s", ctx.ids["absence_propose"])


def _decision_reset(ctx: Ctx) -> None:
    ctx.run("update absences set excuse_state = 'vorgeschlagen', excused = false where id = %s",
            ctx.ids["absence_decide"])


def _unwithdraw(ctx: Ctx, key: str) -> None:
    ctx.run("update materials set withdrawn_at = null, withdrawn_by = null where id = %s", ctx.ids[key],
            replica=True)


def _withdraw_elsewhere(ctx: Ctx) -> None:
    """The material's owner withdraws it in another session (its form on the library's detail)."""
    driver = DRIVER["mat-withdraw"]
    other = open_page(ctx, "materialien_page.py", "lehrkraft", pair(ctx, leokop_material=ctx.ids["material"]))
    form = f"mat-withdraw-{ctx.ids['material']}"
    widget(other.checkbox, f"mat-withdraw-sure-{ctx.ids['material']}").check()
    form_button(other, form, texts.MAT_WITHDRAW).click().run()
    assert not other.exception and not other.error, driver


def _upload_pdf(at: AppTest, ctx: Ctx) -> None:
    from leokop.demo.materials import NETWORK_V2

    widget(at.file_uploader, f"mat-version-file-{ctx.ids['file_material']}").upload(
        "neue_fassung.pdf", NETWORK_V2.data, "application/pdf")


def _version_elsewhere(ctx: Ctx) -> None:
    second_session(DRIVER["mat-version"], ctx, lambda at: _upload_pdf(at, ctx))


def _other_status(ctx: Ctx) -> str:
    current = ctx.one("select status::text from projects where id = %s", ctx.ids["project"])[0]
    return "laufend" if current != "laufend" else "geplant"


def _project_fill(at: AppTest, ctx: Ctx) -> None:
    pick(at.selectbox, f"proj-status-value-{ctx.ids['project']}", _other_status(ctx))


def _unrevoke(ctx: Ctx) -> None:
    ctx.run("update consents set revoked_at = null, revoked_by = null where id = %s", ctx.ids["consent"])


DRIVERS: list[Driver] = [
    Driver(f"{AF}::note-form", "note-form", "azubi_page.py", "ausbilder", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select id, body from notes where apprentice_id = %s", c.ids["a"]),
           state=apprentice, text="note-text", limit=4000,
           out_of_range=lambda at, c: text_widget(at, "note-text").set_value("x" * 4001),
           na={"stale": "adds a note: nothing it changes can be changed first"}),
    Driver(f"{CF}::concern-form", "concern-form", "azubi_page.py", "lehrkraft", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select id, body from concerns where apprentice_id = %s", c.ids["a"]),
           state=apprentice, text="concern-text", limit=2000,
           out_of_range=lambda at, c: text_widget(at, "concern-text").set_value("y" * 2001),
           na={"stale": "raises a new concern: nothing it changes can be changed first"}),
    Driver(f"{CF}::case-comment-*", "case-comment-{case}", "azubi_page.py", "lehrkraft", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select id, body from case_comments where case_id = %s", c.ids["case"]),
           state=apprentice, text="case-comment-text-{case}", limit=4000,
           out_of_range=lambda at, c: text_widget(at, f"case-comment-text-{c.ids['case']}").set_value("z" * 4001),
           stale=_close_case_elsewhere, stale_ends="saved", reset=_reopen_case),
    Driver(f"{CF}::case-measure-*", "case-measure-{case}", "azubi_page.py", "lehrkraft", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select id, coalesce(description, '') from case_measures where case_id = %s",
                                 c.ids["case"]),
           state=apprentice, text="case-measure-text-{case}", limit=2000,
           fill=lambda at, c: (pick(at.selectbox, f"case-measure-kind-{c.ids['case']}", "sonstiges"),
                               widget(at.checkbox, f"case-measure-nodue-{c.ids['case']}").check()),
           out_of_range=lambda at, c: (widget(at.checkbox, f"case-measure-nodue-{c.ids['case']}").uncheck(),
                                       pick(at.date_input, f"case-measure-due-{c.ids['case']}",
                                            c.today - timedelta(days=3))),
           stale=_close_case_elsewhere, stale_ends="refused", reset=_reopen_case),
    Driver(f"{CF}::case-status-*", "case-status-{case}", "azubi_page.py", "lehrkraft", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select id, version, status::text, coalesce(closing_reason, '') from risk_cases"
                                 " where id = %s", c.ids["case"]),
           state=apprentice, text="case-status-reason-{case}", limit=2000,
           fill=lambda at, c: pick(at.selectbox, f"case-status-value-{c.ids['case']}", "erledigt"),
           empty="saved", reset=_reopen_case,
           out_of_range=lambda at, c: text_widget(at, f"case-status-reason-{c.ids['case']}").set_value("r" * 2001),
           stale=_status_elsewhere),
    Driver(f"{AF}::absence-form", "absence-form", "azubi_page.py", "lehrkraft", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select id, absence_date, lessons from absences where apprentice_id = %s",
                                 c.ids["a"]),
           state=apprentice, fill=_absence_fill,
           out_of_range=lambda at, c: pick(at.date_input, "absence-date",
                                           c.ids["contract_start"] - timedelta(days=20)),
           stale=_absence_stale,
           values=lambda: strat.tuples(strat.integers(-1500, 400), strat.integers(-3, 20)), put=_absence_put),
    Driver(f"{AF}::block-form", "block-form", "azubi_page.py", "lehrkraft", texts.BUTTON_PLAN,
           rows=lambda c: c.rows("select id, coalesce(note, '') from school_blocks where class_id = %s",
                                 SHARED_CLASS),
           state=apprentice, text="block-note", limit=500,
           fill=lambda at, c: _plan_dates(at, c, "block-start", "block-end", c.today + timedelta(days=600)),
           out_of_range=lambda at, c: pick(at.date_input, "block-end", c.ids["period"][0] + timedelta(days=90)),
           na={"stale": "plans a new block: nothing it changes can be changed first"}),
    Driver(f"{AF}::phase-form", "phase-form", "azubi_page.py", "ausbilder", texts.BUTTON_PLAN,
           rows=lambda c: c.rows("select id, title from company_phases where apprentice_id = %s", c.ids["a"]),
           state=apprentice, text="phase-title", limit=200,
           fill=lambda at, c: _plan_dates(at, c, "phase-start", "phase-end", _after_the_phases(c)),
           out_of_range=lambda at, c: pick(at.date_input, "phase-end", c.ids["contract_end"] + timedelta(days=30)),
           stale=lambda c: second_session(DRIVER["phase"], c, lambda at: (
               text_widget(at, "phase-title").set_value(f"{MARK} zuerst"),
               pick(at.date_input, "phase-start", c.ids["period"][0]),
               pick(at.date_input, "phase-end", c.ids["period"][1])))),
    Driver(f"{AF}::grade-form", "grade-form", "azubi_page.py", "lehrkraft", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select id, version, status::text, grade, graded_on from lf_results"
                                 " where apprentice_id = %s and learning_field_id = %s", c.ids["a"], _grade_lf(c)),
           state=lambda c: {**apprentice(c), "grade-lf": _grade_lf(c)}, empty="saved",
           fill=lambda at, c: _grade_put(at, c, (2, 1)),
           out_of_range=lambda at, c: pick(at.number_input, f"grade-value-{_grade_lf(c)}", 7),
           stale=lambda c: second_session(DRIVER["grade"], c, lambda at: _grade_put(at, c, (3, 2))),
           values=lambda: strat.tuples(strat.integers(-2, 9), strat.integers(-30, 1500)), put=_grade_put),
    Driver(f"{AF}::rating-form", "rating-form", "azubi_page.py", "ausbilder", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select id, version, level, coalesce(comment, '') from position_ratings"
                                 " where apprentice_id = %s and training_position_id = %s", c.ids["a"], _position(c)),
           state=lambda c: {**apprentice(c), "rating-position": _position(c)}, empty="saved",
           text="rating-comment-{position}", limit=2000,
           out_of_range=lambda at, c: text_widget(at, f"rating-comment-{_position(c)}").set_value("q" * 2001),
           stale=lambda c: second_session(DRIVER["rating"], c, lambda at: text_widget(
               at, f"rating-comment-{_position(c)}").set_value(f"{MARK} zuerst"))),
    Driver(f"{AF}::week-*", "week-{week}", "azubi_page.py", "ausbilder", texts.BUTTON_RETURN,
           rows=lambda c: c.rows("select id, version, status::text, coalesce(trainer_comment, '') from record_weeks"
                                 " where id = %s", c.ids["week"]),
           state=apprentice, text="week-comment-{week}", limit=2000, reset=_week_reset,
           buttons=(texts.BUTTON_SIGN, texts.BUTTON_RETURN),
           out_of_range=lambda at, c: text_widget(at, f"week-comment-{c.ids['week']}").set_value("w" * 2001),
           stale=lambda c: second_session(DRIVER["week"], c, lambda at: None, label=texts.BUTTON_SIGN)),
    Driver(f"{AF}::propose-*", "propose-{absence_propose}", "azubi_page.py", "ausbilder", texts.BUTTON_PROPOSE,
           rows=lambda c: c.rows("select id, version, excuse_state::text, coalesce(excuse_comment, '') from absences"
                                 " where id = %s", c.ids["absence_propose"]),
           state=apprentice, text="propose-comment-{absence_propose}", limit=2000, reset=_proposal_reset,
           out_of_range=lambda at, c: text_widget(at, f"propose-comment-{c.ids['absence_propose']}").set_value(
               "p" * 2001),
           stale=lambda c: second_session(DRIVER["propose"], c, lambda at: text_widget(
               at, f"propose-comment-{c.ids['absence_propose']}").set_value(f"{MARK}: krank"))),
    Driver(f"{AF}::decide-*", "decide-{absence_decide}", "azubi_page.py", "lehrkraft", texts.BUTTON_ACCEPT,
           rows=lambda c: c.rows("select id, version, excuse_state::text, excused from absences where id = %s",
                                 c.ids["absence_decide"]),
           state=apprentice, empty="saved", reset=_decision_reset, buttons=(texts.BUTTON_ACCEPT, texts.BUTTON_REJECT),
           stale=lambda c: second_session(DRIVER["decide"], c, lambda at: None, label=texts.BUTTON_REJECT)),
    Driver(f"{CF}::concern-resolve-*", "concern-resolve-{concern}", "azubi_page.py", "lehrkraft",
           texts.CONCERN_RESOLVE,
           rows=lambda c: c.rows("select id, resolved_at is not null from concerns where id = %s", c.ids["concern"]),
           state=apprentice, empty="saved",
           reset=lambda c: c.run("update concerns set resolved_at = null, resolved_by = null where id = %s",
                                 c.ids["concern"]),
           stale=lambda c: second_session(DRIVER["concern-resolve"], c, lambda at: None)),
    Driver(f"{CF}::measure-done-*", "measure-done-{measure}", "azubi_page.py", "lehrkraft",
           f"{texts.MEASURE_DONE}: {texts.MEASURE_LABELS['sonstiges']}",
           rows=lambda c: c.rows("select id, version, done_at is not null from case_measures where id = %s",
                                 c.ids["measure"]),
           state=apprentice, empty="saved",
           reset=lambda c: c.run("update case_measures set done_at = null where id = %s", c.ids["measure"]),
           stale=lambda c: second_session(DRIVER["measure-done"], c, lambda at: None, "ausbilder")),
    Driver(f"{CF}::case-open-*", "case-open-{flag}", "azubi_page.py", "lehrkraft", texts.OPEN_CASE,
           rows=lambda c: c.rows("select id, title from risk_cases where flag_id = %s", c.ids["flag"]),
           state=apprentice, text="case-title-{flag}", limit=300, empty="saved",
           reset=lambda c: c.run("delete from risk_cases where flag_id = %s", c.ids["flag"]),
           out_of_range=lambda at, c: text_widget(at, f"case-title-{c.ids['flag']}").set_value("t" * 301),
           stale=lambda c: second_session(DRIVER["case-open"], c, lambda at: None, "ausbilder"),
           stale_ends="notice"),
    Driver(f"{MV}::mat-share", "mat-share", "materialien_page.py", "lehrkraft", texts.MAT_SUBMIT_SHARE,
           rows=lambda c: c.rows("select id, title from materials where cooperation_id = %s and owner_id = %s",
                                 RMD_PAIR, user_id("lehrkraft")),
           state=lambda c: pair(c, **{"mat-source": texts.MAT_SOURCE_LINK}), text="mat-share-title", limit=200,
           fill=lambda at, c: text_widget(at, "mat-share-url").set_value("https://example.org/matrix-link"),
           out_of_range=lambda at, c: text_widget(at, "mat-share-title").set_value("m" * 201),
           na={"stale": "shares a new material: nothing it changes can be changed first"}),
    Driver(f"{MV}::mat-comment-*", "mat-comment-{material}", "materialien_page.py", "lehrkraft",
           texts.MAT_SUBMIT_COMMENT,
           rows=lambda c: c.rows("select id, body from material_comments where material_id = %s", c.ids["material"]),
           state=lambda c: pair(c, leokop_material=c.ids["material"]), text="mat-comment-{material}", limit=4000,
           out_of_range=lambda at, c: text_widget(at, f"mat-comment-{c.ids['material']}").set_value("k" * 4001),
           stale=_withdraw_elsewhere, reset=lambda c: _unwithdraw(c, "material")),
    Driver(f"{MV}::mat-version-*", "mat-version-{file_material}", "materialien_page.py", "lehrkraft",
           texts.MAT_SUBMIT_VERSION,
           rows=lambda c: c.rows("select id, coalesce(note, '') from material_versions where material_id = %s",
                                 c.ids["file_material"]),
           state=lambda c: pair(c, leokop_material=c.ids["file_material"]), text="mat-version-note-{file_material}",
           limit=500, fill=_upload_pdf,
           out_of_range=lambda at, c: text_widget(at, f"mat-version-note-{c.ids['file_material']}").set_value(
               "n" * 501),
           stale=_version_elsewhere),
    Driver(f"{MV}::mat-withdraw-*", "mat-withdraw-{withdraw_material}", "materialien_page.py", "lehrkraft",
           texts.MAT_WITHDRAW,
           rows=lambda c: c.rows("select id, withdrawn_at is not null from materials where id = %s",
                                 c.ids["withdraw_material"]),
           state=lambda c: pair(c, leokop_material=c.ids["withdraw_material"]),
           fill=lambda at, c: widget(at.checkbox, f"mat-withdraw-sure-{c.ids['withdraw_material']}").check(),
           reset=lambda c: _unwithdraw(c, "withdraw_material"),
           na={"stale": "a material withdrawn meanwhile is gone from the page; withdrawing it again would change "
                        "nothing (the new-version form covers a material changed meanwhile)"}),
    Driver(f"{PV}::proj-new", "proj-new", "projekte_page.py", "lehrkraft", texts.PROJ_SUBMIT,
           rows=lambda c: c.rows("select id, title from projects where created_by = %s and school_id = %s",
                                 user_id("lehrkraft"), MAINUFER),
           state=pair, text="proj-new-title", limit=200,
           fill=lambda at, c: _plan_dates(at, c, "proj-new-start", "proj-new-end", c.today, days=30),
           out_of_range=lambda at, c: pick(at.date_input, "proj-new-end", c.ids["period"][0] - timedelta(days=1)),
           na={"stale": "starts a new project: nothing it changes can be changed first"}),
    Driver(f"{PV}::proj-status-*", "proj-status-{project}", "projekte_page.py", "lehrkraft",
           texts.PROJ_SUBMIT_STATUS,
           rows=lambda c: c.rows("select id, version, status::text from projects where id = %s", c.ids["project"]),
           state=pair, fill=_project_fill,
           stale=lambda c: second_session(DRIVER["proj-status"], c, lambda at: _project_fill(at, c))),
]

# --- the admin's, the account's and the inbox's forms --------------------------------------------------------------

IV, AC, CV = "leokop/ui/import_views.py", "leokop/ui/account_forms.py", "leokop/ui/calendar_views.py"
ACCOUNT = "matrix-konto"  # the password form's own user (its password changes)
ACCOUNT_PASSWORD = "Matrix-Konto-Startpasswort-7c1"
STRONG = strat.builds(lambda a, b: f"{a}-Lernort-{b}-Kooperation", strat.text(alphabet="abcdefghkmnpqrstuvwxyz",
                                                                               min_size=3, max_size=8),
                      strat.integers(100, 99_999))


def _next_value(current, choices: list) -> Any:
    """Another of `choices` than `current`: every save changes the record."""
    return choices[(choices.index(current) + 1) % len(choices)] if current in choices else choices[0]


def _toggle_checkbox(at: AppTest, key: str) -> None:
    box = widget(at.checkbox, key)
    box.set_value(not box.value)


def _months_fill(at: AppTest, ctx: Ctx) -> None:
    box = widget(at.number_input, f"retention-{ctx.ids['lahntal']}-months")
    box.set_value(24 if box.value != 24 else 36)


def _override_fill(at: AppTest, ctx: Ctx) -> None:
    box = widget(at.selectbox, f"override-{ctx.ids['l']}-share_teacher_notes")
    box.set_value(_next_value(box.value, [True, False]))  # "wie Schule" for all would remove the row


def _threshold_fill(at: AppTest, ctx: Ctx) -> None:
    box = widget(at.number_input, f"{ctx.ids['lahntal']}-exam_weeks")
    box.set_value(9 if box.value != 9 else 10)


def _new_user_fill(at: AppTest, ctx: Ctx, username: str | None = None) -> None:
    ctx.ids["new_username"] = username or f"matrix-n{uuid4().hex[:8]}"
    text_widget(at, "new-user-username").set_value(ctx.ids["new_username"])
    text_widget(at, "new-user-display-name").set_value(f"{MARK} Neu")
    text_widget(at, "new-user-password").set_value("Lernort-Kooperation-Startpasswort-93")
    text_widget(at, "new-user-password-repeat").set_value("Lernort-Kooperation-Startpasswort-93")


def _assign_fill(at: AppTest, ctx: Ctx) -> None:
    pick(at.selectbox, "assign-user", ctx.ids["toggled"])


def _no_assigned(ctx: Ctx) -> None:
    ctx.run("delete from memberships where user_id = %s and id <> %s", ctx.ids["toggled"],
            ctx.ids["toggled_membership"])


def _consent_fill(at: AppTest, ctx: Ctx) -> None:
    pick(at.date_input, "consent-given-on", ctx.today - timedelta(days=5))


def _pending_terms(ctx: Ctx) -> None:
    """A new version of Mainufer's terms that ausbilder has not accepted (the gate shows it)."""
    if "terms_version" not in ctx.ids:
        ctx.ids["terms_version"] = ctx.one(
            "insert into terms_versions (school_id, version, body, published_by) select %s, max(version) + 1, %s, %s"
            " from terms_versions where school_id = %s returning version",
            MAINUFER, f"{MARK}: Nutzungsbedingungen", user_id("admin"), MAINUFER)[0]
    ctx.run("delete from terms_acceptances where user_id = %s and school_id = %s and version = %s",
            user_id("ausbilder"), MAINUFER, ctx.ids["terms_version"])


def _no_pending_terms(ctx: Ctx) -> None:
    """After the gate's driver: ausbilder's pages open again for the drivers and tests after it."""
    ctx.run("delete from terms_acceptances where school_id = %s and version = %s", MAINUFER, ctx.ids["terms_version"])
    ctx.run("delete from terms_versions where school_id = %s and version = %s", MAINUFER, ctx.ids["terms_version"],
            replica=True)


def _import_fill(at: AppTest, ctx: Ctx) -> None:
    """The uploaded file previewed: the apply button shows."""
    widget(at.button, "import-preview").click().run()
    assert not at.exception, at.exception


def _import_upload(at: AppTest, ctx: Ctx) -> None:
    """The Mainufer file uploaded: the mapping, the profile form and the preview button show."""
    from tests.db.test_imports import mainufer_file

    widget(at.file_uploader, "import-file").upload("schueler.csv", mainufer_file(), "text/csv")
    at.run()


def _unimport(ctx: Ctx) -> None:
    """Take back what the import applied (its audit rows stay: the trail is append-only)."""
    from tests.db.test_imports import remove_imported

    remove_imported(ctx.owner_url, ctx.started)
    ctx.run("delete from import_runs where not (id = any(%s))", ctx.before["import_runs"])


def _password_put(at: AppTest, ctx: Ctx, new: str) -> None:
    text_widget(at, "change-password-current").set_value(ACCOUNT_PASSWORD)
    text_widget(at, "change-password-new").set_value(new)
    text_widget(at, "change-password-repeat").set_value(new)


def _password_back(ctx: Ctx) -> None:
    ctx.run("update user_credentials set password_hash = %s, failed_attempts = 0, locked_until = null"
            " where user_id = %s", ctx.ids["account_hash"], ctx.ids["account"])


def _inbox_unread(ctx: Ctx) -> None:
    """lehrkraft's last "gelesen" long ago: every flag and comment of the pairs is new, whatever day the suite runs
    on (with LEOKOP_TODAY ahead, the matrix's own flags are older than the school's day)."""
    ctx.run("insert into inbox_seen (user_id, seen_at) values (%s, '2000-01-01') on conflict (user_id) do update"
            " set seen_at = excluded.seen_at", user_id("lehrkraft"))


def _seen_back(ctx: Ctx) -> None:
    """The inbox unread again: its last "gelesen" as before the matrix."""
    ctx.run("delete from inbox_seen where user_id = %s", user_id("lehrkraft"))
    if ctx.ids["seen_at"] is not None:
        ctx.run("insert into inbox_seen (user_id, seen_at) values (%s, %s)", user_id("lehrkraft"), ctx.ids["seen_at"])


def _day_off_back(ctx: Ctx) -> None:
    ctx.run("insert into school_days_off (id, school_id, name, starts_on, ends_on) values (%s, %s, %s, %s, %s)"
            " on conflict do nothing", ctx.ids["day_off"], LAHNTAL, f"{MARK}-Löschen", ctx.today + timedelta(days=40),
            ctx.today + timedelta(days=40))


def _ics_upload(at: AppTest, ctx: Ctx) -> None:
    """A school's calendar file with two days off (all-day events) ahead."""
    day = ctx.today + timedelta(days=200)
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:matrix-{n}@schule\r\nSUMMARY:{MARK} aus Datei {n}\r\n"
        f"DTSTART;VALUE=DATE:{(day + timedelta(days=n)):%Y%m%d}\r\nEND:VEVENT\r\n" for n in range(2))
    data = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Matrix//DE\r\n{events}END:VCALENDAR\r\n".encode()
    widget(at.file_uploader, "calendar-ics").upload("schuljahr.ics", data, "text/calendar")
    at.run()


GRADES_LABEL = texts.CONSENT_CATEGORY_LABELS["grades"]

DRIVERS += [
    Driver(f"{PF}::terms-*", "terms-{lahntal}", "verwaltung_page.py", "admin2", texts.TERMS_PUBLISH,
           rows=lambda c: c.rows("select id, body from terms_versions where school_id = %s", c.ids["lahntal"]),
           text="terms-{lahntal}-body", limit=20_000,
           out_of_range=lambda at, c: text_widget(at, f"terms-{c.ids['lahntal']}-body").set_value(
               "b" * (text_widget(at, f"terms-{c.ids['lahntal']}-body").proto.max_chars + 1)),
           stale=lambda c: second_session(DRIVER["terms"], c, lambda at: text_widget(
               at, f"terms-{c.ids['lahntal']}-body").set_value(f"{MARK}: zuerst veröffentlicht {uuid4().hex[:6]}"))),
    Driver(f"{PF}::consent-new", "consent-new", "verwaltung_page.py", "admin2", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select id, coalesce(reference, '') from consents where apprentice_id = %s",
                                 c.ids["l"]),
           state=lambda c: {"consent-who": c.ids["l"], "consent-basis": "rechtsvorschrift"},
           text="consent-reference", fill=_consent_fill,
           out_of_range=lambda at, c: text_widget(at, "consent-reference").set_value(
               "§" * (text_widget(at, "consent-reference").proto.max_chars + 1)),
           na={"stale": "records a new consent: nothing it changes can be changed first"}),
    Driver(f"{PF}::revoke-*", "revoke-{consent}", "verwaltung_page.py", "admin2",
           f"{texts.CONSENT_REVOKE}: {GRADES_LABEL}",
           rows=lambda c: c.rows("select id, version, revoked_at is not null from consents where id = %s",
                                 c.ids["consent"]),
           state=lambda c: {"consent-who": c.ids["l"]},
           fill=lambda at, c: widget(at.checkbox, f"revoke-{c.ids['consent']}").check(), reset=_unrevoke,
           stale=lambda c: second_session(DRIVER["revoke"], c, lambda at: widget(
               at.checkbox, f"revoke-{c.ids['consent']}").check())),
    Driver(f"{PF}::retention-*", "retention-{lahntal}", "verwaltung_page.py", "admin2", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select school_id, version, months from retention_settings where school_id = %s",
                                 c.ids["lahntal"]),
           empty="saved", fill=_months_fill,
           out_of_range=lambda at, c: widget(at.number_input, f"retention-{c.ids['lahntal']}-months").set_value(121),
           stale=lambda c: second_session(DRIVER["retention"], c, lambda at: _months_fill(at, c)),
           values=lambda: strat.integers(-5, 200),
           put=lambda at, c, months: widget(at.number_input, f"retention-{c.ids['lahntal']}-months").set_value(
               months)),
    Driver(f"{PF}::button:access-prepare", "access-prepare", "verwaltung_page.py", "admin2", texts.ACCESS_PREPARE,
           rows=lambda c: c.rows("select id from audit_log where action = 'export' and apprentice_id = %s",
                                 c.ids["l"]),
           state=lambda c: {"access-who": c.ids["l"]}, empty="saved", is_button=True,
           na={"stale": "reads the record as it is when pressed: nothing of another change is lost"}),
    Driver(f"{VW}::release-*", "release-{lahntal}", "verwaltung_page.py", "admin2", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select school_id, version, share_grades, share_absences, share_teacher_notes"
                                 " from release_settings where school_id = %s", c.ids["lahntal"]),
           empty="saved",
           fill=lambda at, c: _toggle_checkbox(at, f"{c.ids['lahntal']}-share_teacher_notes"),
           stale=lambda c: second_session(DRIVER["release"], c, lambda at: _toggle_checkbox(
               at, f"{c.ids['lahntal']}-share_teacher_notes"))),
    Driver(f"{SV}::sso-setting-*", "sso-setting-{lahntal}", "verwaltung_page.py", "admin2", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select school_id, version, sso_required from school_sign_in_settings"
                                 " where school_id = %s", c.ids["lahntal"]),
           empty="saved", fill=lambda at, c: _toggle_checkbox(at, f"{c.ids['lahntal']}-sso_required"),
           stale=lambda c: second_session(DRIVER["sso-setting"], c, lambda at: _toggle_checkbox(
               at, f"{c.ids['lahntal']}-sso_required")),
           finish=lambda c: c.rows("delete from school_sign_in_settings where school_id = %s returning school_id",
                                   c.ids["lahntal"])),
    Driver(f"{VW}::release-override-*", "release-override-{l}", "verwaltung_page.py", "admin2", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select apprentice_id, version, share_grades, share_absences, share_teacher_notes"
                                 " from release_overrides where apprentice_id = %s", c.ids["l"]),
           state=lambda c: {"release-who": c.ids["l"]}, empty=None, fill=_override_fill,
           stale=lambda c: second_session(DRIVER["release-override"], c, lambda at: _override_fill(at, c)),
           na={"empty": "as it comes it shows \"wie Schule\" for every category: saving it keeps no exception, as "
                        "shown, and confirms it"}),
    Driver(f"{VW}::thresholds-*", "thresholds-{lahntal}", "verwaltung_page.py", "admin2", texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select school_id, version, exam_weeks, probation_weeks from risk_thresholds"
                                 " where school_id = %s", c.ids["lahntal"]),
           empty="saved", fill=_threshold_fill,
           out_of_range=lambda at, c: widget(at.number_input, f"{c.ids['lahntal']}-exam_weeks").set_value(-1),
           stale=lambda c: second_session(DRIVER["thresholds"], c, lambda at: _threshold_fill(at, c))),
    Driver(f"{VW}::new-user", "new-user", "verwaltung_page.py", "admin2", texts.BUTTON_CREATE,
           rows=lambda c: c.rows("select id, display_name from app_users where username like 'matrix-n%%'"),
           state=lambda c: {"new-user-role": "schulleitung"}, text="new-user-display-name", limit=200,
           fill=_new_user_fill,
           out_of_range=lambda at, c: text_widget(at, "new-user-display-name").set_value("N" * 201),
           stale=lambda c: second_session(DRIVER["new-user"], c, lambda at: _new_user_fill(
               at, c, c.ids["new_username"]))),
    Driver(f"{VW}::assign-membership", "assign-membership", "verwaltung_page.py", "admin2", texts.BUTTON_ASSIGN,
           rows=lambda c: c.rows("select id, role::text from memberships where user_id = %s", c.ids["toggled"]),
           state=lambda c: {"assign-role": "lehrkraft"}, fill=_assign_fill, reset=_no_assigned, empty=None,
           stale=lambda c: second_session(DRIVER["assign-membership"], c, lambda at: _assign_fill(at, c)),
           na={"empty": "a user and a scope are always chosen (the first of each): the matrix grants no demo user a "
                        "role"}),
    Driver(f"{VW}::<form>", "toggle-user", "verwaltung_page.py", "admin2", texts.BUTTON_DEACTIVATE,
           rows=lambda c: c.rows("select id, active from app_users where id = %s", c.ids["toggled"]),
           fill=lambda at, c: pick(at.selectbox, "toggle-user-target", c.ids["toggled"]), empty=None,
           buttons=(texts.BUTTON_DEACTIVATE, texts.BUTTON_ACTIVATE),
           na={"empty": "a user is always chosen (the first): the matrix deactivates no demo user",
               "stale": "sets the state the admin chose, whatever it was: nothing of another change is lost"}),
    Driver(f"{VW}::<form>", "toggle-membership", "verwaltung_page.py", "admin2", texts.BUTTON_DEACTIVATE,
           rows=lambda c: c.rows("select id, active from memberships where id = %s", c.ids["toggled_membership"]),
           fill=lambda at, c: pick(at.selectbox, "toggle-membership-target", c.ids["toggled_membership"]),
           empty=None, buttons=(texts.BUTTON_DEACTIVATE, texts.BUTTON_ACTIVATE),
           na={"empty": "a membership is always chosen (the first): the matrix deactivates no demo membership",
               "stale": "sets the state the admin chose, whatever it was: nothing of another change is lost"}),
    Driver(f"{IV}::import-profile-save", "import-profile-save", "verwaltung_page.py", "admin",
           texts.IMPORT_PROFILE_SAVE,
           rows=lambda c: c.rows("select id, name from import_profiles where school_id = %s", MAINUFER),
           text="import-profile-name-{mainufer}-", limit=80, prepare=_import_upload,
           out_of_range=lambda at, c: text_widget(at, f"import-profile-name-{MAINUFER}-").set_value("p" * 81),
           stale=lambda c: second_session(DRIVER["import-profile-save"], c, lambda at: text_widget(
               at, f"import-profile-name-{MAINUFER}-").set_value(c.ids["typed"]))),
    Driver(f"{IV}::button:import-apply", "import-apply", "verwaltung_page.py", "admin", texts.IMPORT_APPLY_BUTTON,
           rows=lambda c: c.rows("select id, file_name from import_runs where school_id = %s", MAINUFER),
           prepare=_import_upload, fill=_import_fill, is_button=True, empty=None, reset=_unimport,
           stale_ends="saved",
           stale=lambda c: second_session(DRIVER["import-apply"], c, lambda at: _import_fill(at, c)),
           na={"empty": "the button shows only after a file was uploaded and previewed",
               "generated": "generated files are the import's own test (tests/test_cli_import.py, same flow.apply)"}),
    Driver(f"{AC}::<form>", "change-password", "konto_page.py", ACCOUNT, texts.BUTTON_SAVE,
           rows=lambda c: c.rows("select user_id, password_hash from user_credentials where user_id = %s",
                                 c.ids["account"]),
           fill=lambda at, c: _password_put(at, c, f"Lernort-Kooperation-{uuid4().hex[:6]}"), reset=_password_back,
           keeps_input=False,
           out_of_range=lambda at, c: _password_put(at, c, "passwort1234"),
           stale=lambda c: second_session(DRIVER["change-password"], c, lambda at: _password_put(
               at, c, "Lernort-Kooperation-zuerst-41")),
           values=lambda: strat.one_of(STRONG, MEANINGFUL), put=_password_put),
    Driver("pages/posteingang_page.py::button:inbox-seen", "inbox-seen", "posteingang_page.py", "lehrkraft",
           texts.INBOX_MARK_SEEN,
           rows=lambda c: c.rows("select user_id, seen_at from inbox_seen where user_id = %s",
                                 user_id("lehrkraft")),
           state=lambda c: _inbox_unread(c) or {}, is_button=True, empty="saved", reset=_inbox_unread,
           na={"stale": "marks the user's own inbox: no one else changes it"}),
    Driver(f"{CV}::calendar-day-off", "calendar-day-off", "verwaltung_page.py", "admin2", texts.CALENDAR_ADD,
           rows=lambda c: c.rows("select id, name from school_days_off where school_id = %s", LAHNTAL),
           text="calendar-name", limit=200,
           fill=lambda at, c: _plan_dates(at, c, "calendar-start", "calendar-end", c.today + timedelta(days=400),
                                          days=0),
           out_of_range=lambda at, c: (pick(at.date_input, "calendar-start", c.today + timedelta(days=3 * 365 + 40)),
                                       pick(at.date_input, "calendar-end", c.today + timedelta(days=3 * 365 + 40))),
           stale=lambda c: second_session(DRIVER["calendar-day-off"], c, lambda at: (
               text_widget(at, "calendar-name").set_value(c.ids["typed"]),
               pick(at.date_input, "calendar-start", c.ids["period"][0]),
               pick(at.date_input, "calendar-end", c.ids["period"][1])))),
    Driver(f"{CV}::calendar-delete-*", "calendar-delete-{day_off}", "verwaltung_page.py", "admin2",
           texts.CALENDAR_DELETE,
           rows=lambda c: c.rows("select %s::uuid, exists (select 1 from school_days_off where id = %s)",
                                 c.ids["day_off"], c.ids["day_off"]),
           fill=lambda at, c: widget(at.checkbox, f"calendar-delete-{c.ids['day_off']}").check(),
           reset=_day_off_back,
           na={"stale": "a day off deleted meanwhile takes its form with it: the click cannot delete another"}),
    Driver(f"{CV}::button:calendar-ics-apply", "calendar-ics-apply", "verwaltung_page.py", "admin2",
           texts.CALENDAR_ICS_APPLY.format(n=2),
           rows=lambda c: c.rows("select count(*) from school_days_off where school_id = %s and source = 'ics'",
                                 LAHNTAL),
           prepare=_ics_upload, is_button=True, empty=None,
           reset=lambda c: c.run("delete from school_days_off where school_id = %s and source = 'ics'", LAHNTAL),
           na={"empty": "the button shows only after a calendar file was read",
               "stale": "a file applied meanwhile: applying it again adds nothing and says so (0 added)",
               "generated": "generated files are read_ics's own test (tests/db/test_school_calendar.py)"}),
    Driver(f"{PF}::button:accept-*-*", "accept-{mainufer}-{terms_version}", "app.py", "ausbilder", texts.TERMS_ACCEPT,
           rows=lambda c: c.rows("select user_id, school_id, version from terms_acceptances where user_id = %s",
                                 user_id("ausbilder")),
           state=lambda c: _pending_terms(c) or {}, is_button=True, empty="saved", reset=_pending_terms,
           fresh_cache=True, finish=_no_pending_terms,
           na={"stale": "terms accepted in another tab meanwhile: the gate is gone and the pages open"}),
]



# --- the calendar feed of Mein Konto (issue 16): one live feed of lehrkraft; every save changes the summary row --


def _feed_rows(ctx: Ctx) -> list:
    """One row that every save of the form changes: how many feeds, how many revoked, names on the live one."""
    return ctx.rows("select %s::uuid, count(*), count(revoked_at),"
                    " coalesce(bool_or(with_names) filter (where revoked_at is null), false)"
                    " from calendar_feeds where user_id = %s", user_id("lehrkraft"), user_id("lehrkraft"))


def _live_feed(ctx: Ctx) -> dict:
    """The form as a user with a feed sees it (save, renew, end); made by the owner, before the page opens, where
    there is none."""
    ctx.run("insert into calendar_feeds (user_id, token_sha256) select %s, encode(sha256(%s::bytea), 'hex')"
            " where not exists (select 1 from calendar_feeds where user_id = %s and revoked_at is null)",
            user_id("lehrkraft"), uuid4().hex, user_id("lehrkraft"))
    return {}


def _no_feeds(ctx: Ctx) -> None:
    ctx.run("delete from calendar_feeds where user_id = %s", user_id("lehrkraft"))


DRIVERS += [
    Driver(f"{AC}::calendar-feed", "calendar-feed", "konto_page.py", "lehrkraft", texts.CAL_RENEW, rows=_feed_rows,
           state=_live_feed, empty="saved",
           fill=lambda at, c: _toggle_checkbox(at, "calendar-feed-names"),
           buttons=(texts.CAL_SAVE, texts.CAL_RENEW, texts.CAL_REVOKE, texts.CAL_CREATE),
           stale=lambda c: second_session(DRIVER["calendar-feed"], c, lambda at: None),
           finish=_no_feeds),
]



# --- the open sessions of Mein Konto (issue 15, sql/036): one session of the matrix's account, ended by each save --


def _account_session(ctx: Ctx) -> dict:
    """An open session of the matrix's account, made by the owner the first time the page opens (a second
    session of the page ends the same one)."""
    if "session" not in ctx.ids:
        ctx.ids["session"] = ctx.one("insert into user_sessions (user_id, idle_minutes, expires_at, user_agent)"
                                     " values (%s, 30, now() + interval '10 hours', 'Mozilla/5.0 Firefox/140.0')"
                                     " returning id", ctx.ids["account"])[0]
    return {}


def _session_reopened(ctx: Ctx) -> None:
    ctx.run("update user_sessions set ended_at = null, end_reason = null, last_seen_at = now() where id = %s",
            ctx.ids["session"])


DRIVERS += [
    Driver(f"{AC}::session-end-*", "session-end-{session}", "konto_page.py", ACCOUNT, texts.SESSION_END,
           rows=lambda c: c.rows("select id, ended_at is not null from user_sessions where id = %s",
                                 c.ids["session"]),
           state=_account_session, empty="saved", reset=_session_reopened,
           stale=lambda c: second_session(DRIVER["session-end"], c, lambda at: None)),
]


# --- editing what exists (issue 18): a material's description and a milestone, each against its version ----------


def _edit_material(ctx: Ctx) -> dict:
    """A link of lehrkraft's in the matrix's pair, made the first time the page opens; chosen in the library."""
    if "edit_material" not in ctx.ids:
        from leokop.demo.seed import demo_id
        from leokop.repo import materials

        ctx.ids["edit_material"] = materials.share_link(ctx.db, user_id("lehrkraft"), materials.Sharing(
            RMD_PAIR, demo_id("occupation", "FI"), "kooperation", None, f"{MARK}-Bearbeiten", None, [], [], []),
            "https://example.org/matrix-bearbeiten")
    return pair(ctx, leokop_material=ctx.ids["edit_material"])


def _material_tags(at: AppTest, ctx: Ctx, tags: str = MARK) -> None:
    text_widget(at, f"mat-edit-tags-{ctx.ids['edit_material']}").set_value(tags)


def _edit_milestone(ctx: Ctx) -> dict:
    """The matrix project's first milestone, chosen in the project's milestone form."""
    if "milestone" not in ctx.ids:
        ctx.ids["milestone"] = ctx.one("select id from project_milestones where project_id = %s order by due_on"
                                       " limit 1", ctx.ids["project"])[0]
    return pair(ctx, **{f"proj-milestone-choice-{ctx.ids['project']}": ctx.ids["milestone"]})


def _milestone_due(at: AppTest, ctx: Ctx, days: int = 30) -> None:
    pick(at.date_input, f"proj-milestone-due-{ctx.ids['milestone']}", ctx.today + timedelta(days=days))


DRIVERS += [
    Driver(f"{MV}::mat-edit-*", "mat-edit-{edit_material}", "materialien_page.py", "lehrkraft", texts.MAT_SUBMIT_EDIT,
           rows=lambda c: c.rows("select id, version, title from materials where id = %s", c.ids["edit_material"]),
           state=_edit_material, text="mat-edit-title-{edit_material}", limit=200, fill=_material_tags,
           out_of_range=lambda at, c: _material_tags(at, c, ", ".join(f"t{n}" for n in range(21))),
           stale=lambda c: second_session(DRIVER["mat-edit"], c, lambda at: text_widget(
               at, f"mat-edit-title-{c.ids['edit_material']}").set_value(f"{MARK} zuerst {uuid4().hex[:6]}"))),
    Driver(f"{PV}::proj-milestone-*", "proj-milestone-{milestone}", "projekte_page.py", "lehrkraft",
           texts.PROJ_SUBMIT_MILESTONE,
           rows=lambda c: c.rows("select id, version, due_on, coalesce(description, '') from project_milestones"
                                 " where id = %s", c.ids["milestone"]),
           state=_edit_milestone, text="proj-milestone-description-{milestone}", limit=4000, fill=_milestone_due,
           out_of_range=lambda at, c: _milestone_due(at, c, 91),  # the project ends after 90 days
           stale=lambda c: second_session(DRIVER["proj-milestone"], c, lambda at: text_widget(
               at, f"proj-milestone-description-{c.ids['milestone']}").set_value(f"{MARK} zuerst {uuid4().hex[:6]}"),
               "ausbilder")),
]


# --- invitations and password reset (issue 15, sql/037): the admin's forms at Lahntal, and the forms before the
# sign-in (the page behind a reset link, "Passwort vergessen?"), which run app.py without a signed-in user --------

IN = "leokop/ui/invitation_views.py"
LINK_ACCOUNT = "matrix-link"  # the reset link's and the forgot form's own account (its password changes)
DEAD_SMTP_PORT = "9"  # loopback's discard port: refused at once, the mail thread logs it (the page is the same)


def _invite_fill(at: AppTest, ctx: Ctx, username: str | None = None) -> None:
    ctx.ids["invite_username"] = username or f"matrix-e{uuid4().hex[:8]}"
    text_widget(at, "invite-username").set_value(ctx.ids["invite_username"])
    text_widget(at, "invite-display-name").set_value(f"{MARK} Eingeladen")
    text_widget(at, "invite-email").set_value(f"{ctx.ids['invite_username']}@schule.example")


def _no_limits(ctx: Ctx) -> dict:
    """The rate limits (sql/037: 3 mails per account, 30 invitations per client an hour) counted afresh: the matrix
    sends more than a person would."""
    ctx.run("delete from auth_requests")
    return {}


def _invited(ctx: Ctx) -> dict:
    """An account of Lahntal with an open invitation (made by admin2 the first time the form opens)."""
    from leokop.services import invitations

    _no_limits(ctx)
    if "invited" not in ctx.ids:
        ctx.ids["invited"] = invitations.invite(
            ctx.db, user_id("admin2"), username="matrix-eingeladen", display_name=f"{MARK} Einladung",
            email="matrix-eingeladen@schule.example", role="schulleitung",
            scope={"school_id": LAHNTAL, "class_id": None, "company_id": None, "cooperation_id": None},
            base_url="http://127.0.0.1", smtp=None, client=None).user_id
    return {}


def _invitation_rows(ctx: Ctx) -> list:
    """One row that every save changes: how many invitations the account has had, and how many are open."""
    return ctx.rows("select user_id, count(*), count(*) filter (where end_reason is null and valid_until > now())"
                    " from invitations where user_id = %s group by user_id", ctx.ids["invited"])


def _invitation_withdrawn_elsewhere(ctx: Ctx) -> None:
    second_session(DRIVER["invitation-actions"], ctx,
                   lambda at: pick(at.selectbox, "invitation-target", ctx.ids["invited"]), label=texts.BUTTON_WITHDRAW)


def _invitation_open_again(ctx: Ctx) -> None:
    _no_limits(ctx)
    ctx.run("update invitations set ended_at = null, end_reason = null where id = (select id from invitations"
            " where user_id = %s order by created_at desc limit 1)", ctx.ids["invited"])


class SignedOutDriver(Driver):
    """A form before the sign-in: app.py without a user, the address's query parameters from `query(ctx)`; the
    session is remembered, so that a reset can sign it out again after a save signed it in."""

    def open(self, ctx: Ctx, username: str | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for name, value in self.state(ctx).items():
            at.query_params[name] = value
        at.run()
        assert not at.exception, at.exception
        ctx.ids["signed_out_at"] = at
        return at


def _link_account(ctx: Ctx) -> Any:
    """A Schulleitung of Mainufer with a password and an e-mail address, made the first time it is needed."""
    from leokop.services.passwords import hash_password

    if "link_account" not in ctx.ids:
        ctx.ids["link_account"] = ctx.one("insert into app_users (username, display_name, email) values (%s, %s, %s)"
                                          " returning id", LINK_ACCOUNT, f"{MARK} Link",
                                          "matrix-link@schule.example")[0]
        ctx.run("insert into user_credentials (user_id, password_hash) values (%s, %s)", ctx.ids["link_account"],
                hash_password(ACCOUNT_PASSWORD))
        ctx.run("insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)",
                ctx.ids["link_account"], MAINUFER)
    return ctx.ids["link_account"]


def _reset_link(ctx: Ctx) -> dict:
    """A fresh reset link of the account (as its mail would carry it): the page's query parameter."""
    from leokop.services import sessions

    token = sessions.new_secret()
    ctx.run("insert into password_resets (user_id, token_sha256, valid_until) values (%s, %s, now() + interval"
            " '1 hour')", _link_account(ctx), sessions.digest(token))
    ctx.ids["reset_token"] = token
    return {"passwort": token}


def _signed_out_again(ctx: Ctx) -> None:
    """After a save signed the session in: signed out, on a fresh link (as the next person with a link)."""
    at = ctx.ids["signed_out_at"]
    for name in ("leokop_user", "leokop_user_id", "leokop_session_id", "leokop_session_handoff"):
        if name in at.session_state:
            del at.session_state[name]
    at.session_state["authentication_status"] = None
    for name, value in _reset_link(ctx).items():
        at.query_params[name] = value


def _link_put(at: AppTest, ctx: Ctx, new: str) -> None:
    text_widget(at, "link-password-new").set_value(new)
    text_widget(at, "link-password-repeat").set_value(new)


def _link_used_elsewhere(ctx: Ctx) -> None:
    """The same link used in another tab first."""
    from leokop.services import invitations

    assert invitations.use(ctx.db, "passwort", ctx.ids["reset_token"], "Lernort-Kooperation-zuerst-52")


def _dead_smtp(ctx: Ctx) -> dict:
    """SMTP configured (the forgot form shows only then), on a port that refuses at once."""
    os.environ["LEOKOP_SMTP_HOST"], os.environ["LEOKOP_SMTP_PORT"] = "127.0.0.1", DEAD_SMTP_PORT
    _link_account(ctx)
    return _no_limits(ctx)


def _no_smtp(ctx: Ctx) -> None:
    os.environ.pop("LEOKOP_SMTP_HOST", None)
    os.environ.pop("LEOKOP_SMTP_PORT", None)


DRIVERS += [
    Driver(f"{IN}::invite", "invite", "verwaltung_page.py", "admin2", texts.BUTTON_INVITE,
           rows=lambda c: c.rows("select id, display_name from app_users where username like 'matrix-e%%'"),
           state=lambda c: {**_no_limits(c), "invite-role": "schulleitung"}, text="invite-display-name", limit=200,
           fill=_invite_fill, reset=_no_limits,
           out_of_range=lambda at, c: text_widget(at, "invite-display-name").set_value("N" * 201),
           stale=lambda c: second_session(DRIVER["invite"], c, lambda at: _invite_fill(
               at, c, c.ids["invite_username"]))),
    Driver(f"{IN}::invitation-actions", "invitation-actions", "verwaltung_page.py", "admin2", texts.BUTTON_WITHDRAW,
           rows=_invitation_rows, state=_invited, empty=None,
           fill=lambda at, c: pick(at.selectbox, "invitation-target", c.ids["invited"]),
           reset=_invitation_open_again,
           buttons=(texts.BUTTON_WITHDRAW, texts.BUTTON_INVITE_AGAIN), stale=_invitation_withdrawn_elsewhere,
           na={"empty": "an invitation is always chosen (the first of the list)"}),
    SignedOutDriver(f"{IN}::link-password", "link-password", "app.py", ACCOUNT, texts.LINK_BUTTON_SET,
                    rows=lambda c: c.rows("select user_id, password_hash from user_credentials where user_id = %s",
                                          _link_account(c)),
                    state=_reset_link, keeps_input=False, reset=_signed_out_again,
                    fill=lambda at, c: _link_put(at, c, f"Lernort-Kooperation-{uuid4().hex[:6]}"),
                    out_of_range=lambda at, c: _link_put(at, c, "passwort1234"), stale=_link_used_elsewhere,
                    values=lambda: strat.one_of(STRONG, MEANINGFUL), put=_link_put),
    SignedOutDriver(f"{IN}::forgot-password", "forgot-password", "app.py", ACCOUNT, texts.FORGOT_BUTTON,
                    rows=lambda c: c.rows("select user_id, count(*) from password_resets where user_id = %s"
                                          " group by user_id", _link_account(c)),
                    state=_dead_smtp, reset=_no_limits, finish=_no_smtp,
                    fill=lambda at, c: text_widget(at, "forgot-login").set_value(LINK_ACCOUNT),
                    na={"range": "any name or address is an answer: the page says the same for every input and an "
                                 "unknown one writes nothing (decision 92; tests/pages/test_invitation_pages.py)",
                        "stale": "asks for a new link: a newer request ends the older link by design",
                        "generated": "what is typed is neither stored nor shown: the same answer for any input is "
                                     "tests/pages/test_invitation_pages.py's test"}),
]



# --- trainer contacts of an import turned into invitations (issue 16): one contact of Mainufer ↔ rmd -------------


def _pending_contact(ctx: Ctx) -> dict:
    """A trainer contact with an e-mail address and no account (made the first time; put back after each save)."""
    _no_limits(ctx)
    if "contact" not in ctx.ids:
        ctx.ids["contact"] = ctx.one(
            "insert into trainer_contacts (school_id, company_id, first_name, last_name, email) values (%s, %s,"
            " 'Karla', %s, 'matrix-kontakt@betrieb.example') returning id", MAINUFER, company_id("rmd"),
            f"{MARK}-Kontakt")[0]
    ctx.run("update trainer_contacts set invited_user_id = null where id = %s", ctx.ids["contact"])
    ctx.run("delete from app_users where username like 'matrix-kontakt%%'")
    return {}


def _no_contact(ctx: Ctx) -> None:
    ctx.run("delete from trainer_contacts where id = %s", ctx.ids["contact"])
    ctx.run("delete from app_users where username like 'matrix-kontakt%%'")


DRIVERS += [
    Driver(f"{IV}::button:import-invite-contacts", "import-invite-contacts", "verwaltung_page.py", "admin",
           texts.IMPORT_CONTACTS_BUTTON.format(n=1),
           rows=lambda c: c.rows("select id, invited_user_id is not null from trainer_contacts where id = %s",
                                 c.ids["contact"]),
           state=_pending_contact, is_button=True, empty="saved", reset=_pending_contact, finish=_no_contact,
           na={"stale": "invites whoever is still without an account when pressed: a contact invited in another tab "
                        "meanwhile is not invited twice (tests/pages/test_invitation_pages.py)"}),
]

DRIVER = {d.ident: d for d in DRIVERS}


# --- the tests ------------------------------------------------------------------------------------------------------


def test_every_writing_form_has_a_driver():
    """Generated from the code: a form or button without a driver (or a reason why it writes nothing) fails."""
    found = scan()
    drivers = {d.scanned: d for d in DRIVERS}
    missing = [f"{entry.id} (at {', '.join(entry.where)})" for entry in found.values()
               if entry.id not in drivers and entry.id not in NOT_WRITING]
    assert missing == [], "forms or buttons without a driver in tests/pages/test_form_matrix.py:\n" + "\n".join(missing)
    unpressed = [f"{entry.id}: {label}" for entry in found.values() if entry.id in drivers
                 for label in entry.submits - NOT_WRITING_SUBMITS
                 if eval(label, {"texts": texts, "measure": {"kind": "sonstiges"},  # as the code writes it
                             "labels": GRADES_LABEL})
                 not in (drivers[entry.id].buttons or (drivers[entry.id].button,))]
    assert unpressed == [], "submit buttons no driver presses:\n" + "\n".join(unpressed)
    gone = sorted(set(drivers) - set(found)) + sorted(set(NOT_WRITING) - set(found))
    assert gone == [], f"drivers of forms that no longer exist: {gone}"


@pytest.mark.parametrize("driver", DRIVERS, ids=lambda d: d.ident)
def test_form(driver: Driver, ctx: Ctx):
    """All cases of one form, in one session of the page (and a second one for the stale case)."""
    started = time.perf_counter()
    tally = MATRIX.setdefault(driver.ident, Tally())
    at = driver.open(ctx)
    try:
        for case in CASES:
            reason = applicable(driver, case)
            if reason is not None:
                tally.outcomes[case] = f"n/a ({reason})"
                continue
            at.run()
            tally.outcomes[case] = RUNNERS[case](driver, ctx, at)
            if case == "stale":
                # the refused session stays on the other change until its user confirms saving over it: the
                # generated inputs go to a fresh session of the page, so that they can be saved
                at = driver.open(ctx)
    finally:
        if driver.finish is not None:
            driver.finish(ctx)
    tally.seconds = time.perf_counter() - started


def test_print_the_matrix(record_property):
    """The matrix's size (forms × cases), its forms, and the generated inputs each received (printed at the end of
    the run by tests/conftest.py, also from a pytest-xdist worker)."""
    run = {name: t for name, t in MATRIX.items() if t.outcomes}
    assert all(len(t.outcomes) == len(CASES) for t in run.values()), "a form of the matrix missed a case"
    applied = sum(1 for t in run.values() for o in t.outcomes.values() if not o.startswith("n/a"))
    lines = [f"form matrix: {len(DRIVERS)} forms and buttons × {len(CASES)} cases = {len(DRIVERS) * len(CASES)}"
             f" cells, {applied} run, {len(DRIVERS) * len(CASES) - applied} not applicable"]
    for name, t in sorted(run.items()):
        lines.append(f"  {name}  ({t.seconds:.1f} s, {t.generated} generated inputs)")
        lines += [f"      {case:9} {t.outcomes.get(case, '-')}" for case in CASES]
    record_property("print", "\n".join(lines))
