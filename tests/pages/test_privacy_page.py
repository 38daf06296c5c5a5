"""The terms screen for trainers, the audit of apprentice pages, and the admin page's privacy tabs (AppTest)."""

from __future__ import annotations

import psycopg
import pytest

from leokop import clock, texts
from leokop.services.passwords import hash_password
from leokop.ui import widgets
from tests.db.test_rls_progress import A_RMD
from tests.helpers import company_id, school_id, user_id
from tests.pages.conftest import PASSWORD, confirmations, errors, registered_pages, start_app, submit_login


@pytest.fixture()
def new_trainer(owner_url):
    """A trainer of Rhein-Main Datentechnik at the Mainufer school who has not accepted any terms."""
    with psycopg.connect(owner_url) as conn:
        uid = conn.execute("insert into app_users (username, display_name) values ('neu.ausbilder', 'Neu Ausbilder')"
                           " returning id").fetchone()[0]
        conn.execute("insert into user_credentials (user_id, password_hash) values (%s, %s)",
                     (uid, hash_password(PASSWORD)))
        conn.execute("insert into memberships (user_id, role, school_id, company_id) values (%s, 'ausbilder', %s, %s)",
                     (uid, school_id("mainufer"), company_id("rmd")))
    yield uid
    with psycopg.connect(owner_url) as conn:
        conn.execute("delete from app_users where id = %s", (uid,))


def test_a_new_trainer_sees_the_terms_first_and_data_only_after_accepting(owner_url, new_trainer):
    at = submit_login(start_app(), "neu.ausbilder", PASSWORD)
    assert not at.exception and errors(at) == []
    assert [t.value for t in at.title] == [texts.TERMS_TITLE]
    assert "dashboard" not in registered_pages(at) and "azubi" not in registered_pages(at)
    accept = next(b for b in at.button if b.label == texts.TERMS_ACCEPT)
    at = accept.click().run()
    assert not at.exception
    assert "dashboard" in registered_pages(at)
    assert [t.value for t in at.title] == [texts.PAGE_DASHBOARD]
    with psycopg.connect(owner_url) as conn:
        accepted = conn.execute("select school_id, version from terms_acceptances where user_id = %s",
                                (new_trainer,)).fetchall()
    assert accepted == [(school_id("mainufer"), 1)]


def test_opening_an_apprentice_page_is_recorded(login, owner_url):
    at = login("ausbilder")
    at.session_state[widgets.APPRENTICE_KEY] = A_RMD
    at.switch_page("pages/azubi_page.py").run()
    assert not at.exception
    with psycopg.connect(owner_url) as conn:
        last = conn.execute("select id, actor_id, action, apprentice_id from audit_log order by id desc limit 1"
                            ).fetchone()
    assert last[1:] == (user_id("ausbilder"), "view", A_RMD)
    at.run()  # a rerun (a click in the page) is the same visit: no second row
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select count(*) from audit_log where id > %s and action = 'view'", (last[0],)
                            ).fetchone()[0] == 0


def _admin_page(login):
    at = login("admin")
    at.switch_page("pages/verwaltung_page.py").run()
    assert not at.exception
    return at


def test_the_admin_page_has_the_privacy_tabs(login):
    at = _admin_page(login)
    labels = [t.label for t in at.tabs]
    for tab in (texts.ADMIN_TERMS, texts.ADMIN_CONSENTS, texts.ADMIN_AUDIT, texts.ADMIN_RETENTION, texts.ADMIN_ACCESS):
        assert tab in labels
    assert texts.AUDIT_EXPORT in [b.proto.label for b in at.get("download_button")]


def test_unchanged_terms_make_no_new_version(login, owner_url):
    at = _admin_page(login)
    at = at.button(key=f"FormSubmitter:terms-{school_id('mainufer')}-{texts.TERMS_PUBLISH}").click().run()
    assert texts.TERMS_UNCHANGED in errors(at)
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select max(version) from terms_versions where school_id = %s",
                            (school_id("mainufer"),)).fetchone()[0] == 1


def test_the_admin_revokes_a_consent(login, owner_url):
    at = _admin_page(login)
    at.selectbox(key="consent-who").select(A_RMD).run()
    revoke = next(b for b in at.button if b.label.startswith(texts.CONSENT_REVOKE))
    at = revoke.click().run()  # without the tick: refused in German, nothing revoked (issue 22)
    assert texts.CONSENT_REVOKE_UNCONFIRMED in errors(at)
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select count(*) from consents where apprentice_id = %s and revoked_at is null",
                            (A_RMD,)).fetchone()[0] > 0
    next(c for c in at.checkbox if c.label.startswith("Ja, widerrufen")).check()
    revoke = next(b for b in at.button if b.label.startswith(texts.CONSENT_REVOKE))
    at = revoke.click().run()
    try:
        assert confirmations(at) == [texts.CONSENT_REVOKED]
        with psycopg.connect(owner_url) as conn:
            assert conn.execute("select count(*) from consents where apprentice_id = %s and revoked_at is null",
                                (A_RMD,)).fetchone()[0] == 0
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("update consents set revoked_at = null, revoked_by = null where apprentice_id = %s",
                         (A_RMD,))


def test_a_minors_consent_needs_the_guardian(login, owner_url):
    with psycopg.connect(owner_url) as conn:
        minor = conn.execute("select id from apprentices where birth_date > app_private.today() - interval '18 years'"
                             " and school_id = %s order by id limit 1", (school_id("mainufer"),)).fetchone()[0]
        before = conn.execute("select count(*) from consents where apprentice_id = %s", (minor,)).fetchone()[0]
    at = _admin_page(login)
    at.selectbox(key="consent-who").select(minor).run()
    at.date_input(key="consent-given-on").set_value(clock.today())
    at = at.button(key=f"FormSubmitter:consent-new-{texts.BUTTON_SAVE}").click().run()
    assert texts.CONSENT_MINOR in errors(at)
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select count(*) from consents where apprentice_id = %s", (minor,)).fetchone()[0] == before


def test_the_access_request_offers_pdf_and_json(login):
    at = _admin_page(login)
    at.selectbox(key="access-who").select(A_RMD).run()
    at = at.button(key="access-prepare").click().run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert texts.ACCESS_PDF in labels and texts.ACCESS_JSON in labels


def test_the_audit_tab_shows_the_last_year_and_filters_by_action(login):
    at = _admin_page(login)
    trail = next(d.value for d in at.dataframe if texts.AUDIT_COLUMNS["at"] in d.value.columns)
    assert len(trail) > 0 and "None" not in trail.to_string()
    at.selectbox(key="audit-action").select("export").run()
    trail = next(d.value for d in at.dataframe if texts.AUDIT_COLUMNS["at"] in d.value.columns)
    assert set(trail[texts.AUDIT_COLUMNS["action"]]) <= {texts.AUDIT_ACTION_LABELS["export"]}
