"""The first page of each role, through the real app script."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import texts
from leokop.demo.seed import demo_id
from leokop.repo.users import Profile
from tests.helpers import SHARED_CLASS, company_id, cooperation_id, open_flags, user_id
from tests.pages.conftest import (
    confirmations,
    create_user,
    delete_user,
    errors,
    form_button,
    start_app,
    submit_login,
    widget,
)

PAGES_DIR = Path(__file__).parents[2] / "pages"


def _subheaders(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader]


def _frame_names(at: AppTest) -> set[str]:
    names = set()
    for frame in at.dataframe:
        if "Nachname" in frame.value:
            names |= set(frame.value["Nachname"])
    return names


def _cooperations_page(login, username: str) -> AppTest:
    at = login(username)
    return at.switch_page("pages/kooperationen_page.py").run()


def test_teacher_sees_each_cooperation_of_her_classes(login, owner):
    at = _cooperations_page(login, "lehrkraft")
    expected = owner.execute(
        """
        select s.name || ' ↔ ' || co.name from memberships m
        join apprentices a on a.class_id = m.class_id
        join schools s on s.id = a.school_id join companies co on co.id = a.company_id
        where m.user_id = %s group by 1 order by 1
        """,
        (user_id("lehrkraft"),),
    ).fetchall()
    assert _subheaders(at) == [row[0] for row in expected]
    assert len(at.dataframe) == len(expected)


def test_trainer_sees_only_own_company_apprentices(login, owner):
    at = _cooperations_page(login, "ausbilder")
    assert _subheaders(at) == ["Berufliche Schulen am Mainufer ↔ Rhein-Main Datentechnik GmbH",
                               "Lahntal-Schule Gießen ↔ Rhein-Main Datentechnik GmbH"]
    own = {r[0] for r in owner.execute("select last_name from apprentices where company_id = %s",
                                       (company_id("rmd"),))}
    others_in_shared_class = {r[0] for r in owner.execute(
        "select last_name from apprentices where class_id = %s and company_id = %s",
        (SHARED_CLASS, company_id("taunus")))} - own
    shown = _frame_names(at)
    assert shown == own
    assert others_in_shared_class and not (shown & others_in_shared_class)


@pytest.fixture()
def throwaway_user(owner_url):
    create_user(owner_url, "pwtest", "altes-passwort")
    yield "pwtest"
    delete_user(owner_url, "pwtest")


def _change_password(at: AppTest, current: str, new: str, repeat: str) -> AppTest:
    at.switch_page("pages/konto_page.py").run()
    fields = {t.label: t for t in at.text_input}
    fields[texts.FIELD_CURRENT_PASSWORD].input(current)
    fields[texts.FIELD_NEW_PASSWORD].input(new)
    fields[texts.FIELD_NEW_PASSWORD_REPEAT].input(repeat)
    return at.button(key="FormSubmitter:change-password-Speichern").click().run()


@pytest.mark.parametrize(
    ("current", "new", "repeat", "message"),
    [
        ("falsches-passwort", "neues-passwort-1", "neues-passwort-1", texts.PASSWORD_WRONG_CURRENT),
        ("altes-passwort", "kurz", "kurz", texts.PASSWORD_TOO_SHORT.format(n=12)),
        ("altes-passwort", "neues-passwort-1", "neues-passwort-2", texts.PASSWORD_MISMATCH),
        ("altes-passwort", "altes-passwort", "altes-passwort", texts.PASSWORD_SAME),
    ],
)
def test_bad_password_change_is_refused_and_changes_nothing(login, throwaway_user, current, new, repeat, message):
    at = _change_password(login(throwaway_user, "altes-passwort"), current, new, repeat)
    assert message in errors(at)
    assert errors(submit_login(start_app(), throwaway_user, "altes-passwort")) == []


def test_password_change_takes_effect(login, throwaway_user):
    at = _change_password(login(throwaway_user, "altes-passwort"), "altes-passwort", "neues-passwort-1",
                          "neues-passwort-1")
    assert confirmations(at) == [texts.PASSWORD_CHANGED]
    assert errors(submit_login(start_app(), throwaway_user, "altes-passwort")) == [texts.LOGIN_FAILED]
    assert errors(submit_login(start_app(), throwaway_user, "neues-passwort-1")) == []


def _admin_new_user(at: AppTest, **values) -> AppTest:
    at.switch_page("pages/verwaltung_page.py").run()
    fields = {t.label: t for t in at.text_input}
    for label, value in values.items():
        fields[label].input(value)
    return at.button(key="FormSubmitter:new-user-Anlegen").click().run()


def _user_exists(owner_url, username: str) -> bool:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select exists (select 1 from app_users where username = %s)", (username,)).fetchone()[0]


def test_admin_creates_a_teacher_who_can_log_in(login, owner_url):
    at = _admin_new_user(login("admin"), **{
        texts.FIELD_USERNAME: "neue.lehrkraft", texts.FIELD_DISPLAY_NAME: "Neue Lehrkraft",
        texts.FIELD_PASSWORD: "start-passwort", texts.FIELD_PASSWORD_REPEAT: "start-passwort"})
    try:
        assert confirmations(at) == [texts.USER_CREATED.format(username="neue.lehrkraft")]
        assert "neue.lehrkraft" in set(at.dataframe[0].value[texts.ADMIN_COLUMNS["username"]])  # the list is fresh
        # the form is empty (the invitation form above it has a username field of its own)
        assert [t.value for t in at.text_input if t.key.startswith("new-user-username")] == [""]
        fresh = submit_login(start_app(), "neue.lehrkraft", "start-passwort")
        assert errors(fresh) == []  # a start password: their own one first (tests/pages/test_accounts.py)
        assert [s.value for s in fresh.subheader] == [texts.START_PASSWORD_TITLE]
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from app_users where username = 'neue.lehrkraft'")


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("Neu Person", "start-passwort", texts.USERNAME_INVALID),
        ("ausbilder2", "start-passwort", texts.USERNAME_TAKEN.format(username="ausbilder2")),
        ("neu.person", "kurz", texts.PASSWORD_TOO_SHORT.format(n=12)),
    ],
)
def test_admin_bad_input_saves_nothing(login, owner_url, username, password, message):
    at = _admin_new_user(login("admin"), **{
        texts.FIELD_USERNAME: username, texts.FIELD_DISPLAY_NAME: "Neu Person",
        texts.FIELD_PASSWORD: password, texts.FIELD_PASSWORD_REPEAT: password})
    assert message in errors(at)
    assert not _user_exists(owner_url, "neu.person")


def test_admin_deactivates_and_reactivates_a_user(login, owner_url):
    at = login("admin")
    at.switch_page("pages/verwaltung_page.py").run()
    def toggle(button: str) -> AppTest:
        box = next(s for s in at.selectbox if s.label == texts.FIELD_USER)  # the first: the toggle form's
        box.select(user_id("ausbilder2"))
        return form_button(at, "toggle-user", button).click().run()

    assert confirmations(toggle("Deaktivieren")) == [
        texts.USER_STATE_CHANGED.format(username="ausbilder2", state=texts.STATE_INACTIVE)]
    try:
        assert errors(submit_login(start_app(), "ausbilder2", "leokop-demo")) == [texts.LOGIN_FAILED]
    finally:
        toggle("Aktivieren")
    assert errors(submit_login(start_app(), "ausbilder2", "leokop-demo")) == []


@pytest.mark.parametrize("page", sorted(p.name for p in PAGES_DIR.glob("*_page.py")))
def test_page_run_without_login_shows_nothing(owner_url, page):
    """The legacy pages/ auto-navigation could run a page file directly: the page itself must refuse."""
    at = AppTest.from_file(str(PAGES_DIR / page), default_timeout=30).run()
    assert [w.value for w in at.warning] == [texts.LOGIN_REQUIRED]
    assert len(at.dataframe) == 0 and len(at.text_input) == 0


@pytest.mark.parametrize("page", ["verwaltung_page.py", "schulueberblick_page.py"])
def test_page_of_another_role_is_refused(owner_url, page):
    at = AppTest.from_file(str(PAGES_DIR / page), default_timeout=30)
    at.session_state["leokop_user"] = Profile(user_id("ausbilder"), "ausbilder", "Markus Brandt",
                                              frozenset({"ausbilder"}))
    at.run()
    assert errors(at) == [texts.PAGE_NOT_ALLOWED]
    assert len(at.dataframe) == 0


def test_wrong_current_passwords_lock_the_account(login, throwaway_user):
    at = login(throwaway_user, "altes-passwort")
    for attempt in range(5):
        at = _change_password(at, f"falsch-{attempt}", "neues-passwort-1", "neues-passwort-1")
    assert errors(at)[0].startswith("Dieses Konto ist nach 5")
    assert errors(submit_login(start_app(), throwaway_user, "altes-passwort"))[0].startswith("Dieses Konto ist")


def _assign(at: AppTest, role: str, username: str, scope_label: str) -> AppTest:
    at.switch_page("pages/verwaltung_page.py").run()
    at.selectbox(key="assign-role").select(role).run()
    user_box = [s for s in at.selectbox if s.label == texts.FIELD_USER][1]  # the assign form's
    user_box.select(user_id(username))
    scope_box = at.selectbox(key="assign-scope")
    scope_box.select_index(scope_box.options.index(scope_label))  # AppTest lists the shown labels
    # the form's key carries a generation after a save (leokop.ui.feedback.key)
    return next(b for b in at.button if b.key.startswith("FormSubmitter:assign-membership")
                and b.label == texts.BUTTON_ASSIGN).click().run()


def test_admin_assigns_a_cooperation_and_a_duplicate_is_refused(login, owner_url):
    label = "Kooperation: Berufliche Schulen am Mainufer ↔ Main-Kinzig Energie GmbH"
    at = _assign(login("admin"), "ausbilder", "ausbilder2", label)
    try:
        assert confirmations(at) == [texts.MEMBERSHIP_CREATED]
        at = _assign(at, "ausbilder", "ausbilder2", label)
        assert errors(at) == [texts.MEMBERSHIP_EXISTS]
        with psycopg.connect(owner_url) as conn:
            count = conn.execute("select count(*) from memberships where user_id = %s and cooperation_id = %s",
                                 (user_id("ausbilder2"), cooperation_id("mainufer", "mke"))).fetchone()[0]
        assert count == 1
        shown = {s.value for s in submit_login(start_app(), "ausbilder2", "leokop-demo")
                 .switch_page("pages/kooperationen_page.py").run().subheader}
        assert "Berufliche Schulen am Mainufer ↔ Main-Kinzig Energie GmbH" in shown
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from memberships where cooperation_id = %s and user_id = %s",
                         (cooperation_id("mainufer", "mke"), user_id("ausbilder2")))


def test_admin_cannot_deactivate_own_account_or_roles(login):
    at = login("admin")
    at.switch_page("pages/verwaltung_page.py").run()
    user_box = next(s for s in at.selectbox if s.label == texts.FIELD_USER)
    assert "Petra Hoffmann · admin" not in user_box.options and "Sabine Keller · lehrkraft" in user_box.options
    membership_box = next(s for s in at.selectbox if s.label == texts.FIELD_MEMBERSHIP)
    assert membership_box.options and not any("Petra Hoffmann" in o for o in membership_box.options)


def test_admin_sets_thresholds_and_flags_follow(login, owner_url):
    at = login("admin")
    at.switch_page("pages/verwaltung_page.py").run()
    school = demo_id("school", "mainufer")
    widget(at.number_input, f"{school}-unsigned_record_weeks").set_value(52)
    at = form_button(at, f"thresholds-{school}", texts.BUTTON_SAVE).click().run()
    try:
        assert confirmations(at) == [texts.THRESHOLDS_SAVED]
        assert open_flags(owner_url, school, "berichtsheft") == 0
    finally:
        widget(at.number_input, f"{school}-unsigned_record_weeks").set_value(3)
        form_button(at, f"thresholds-{school}", texts.BUTTON_SAVE).click().run()
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select unsigned_record_weeks from risk_thresholds where school_id = %s",
                            (school,)).fetchone() == (3,)
