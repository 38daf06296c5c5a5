"""The case workflow: the trainer sees a flag with its reason, opens a case, adds a measure; the teacher closes it."""

from __future__ import annotations

from datetime import timedelta

import psycopg
from streamlit.testing.v1 import AppTest

from leokop import clock, texts
from leokop.services import entries
from leokop.ui import widgets
from tests.helpers import SHARED_CLASS, cooperation_id, user_id
from tests.pages.conftest import confirmations, errors


def _page(login, username: str, apprentice_id) -> AppTest:
    at = login(username)
    at.session_state[widgets.APPRENTICE_KEY] = apprentice_id
    return at.switch_page("pages/azubi_page.py").run()


def _flag_of_rmd_apprentice(owner):
    """An open flag the trainer may see (not about grades or absences the school keeps back), of an apprentice in a
    class `lehrkraft` teaches (the demo's rmd apprentices are also in FI26a, which she does not teach)."""
    return owner.execute(
        """
        select f.id, f.apprentice_id, f.reason from risk_flags f join apprentices a on a.id = f.apprentice_id
        where f.cleared_at is null and a.company_id = (select id from companies where name like 'Rhein-Main%%')
          and a.class_id = %s
          and not exists (select 1 from release_overrides o where o.apprentice_id = a.id)
        order by f.first_seen_at, f.id limit 1
        """, (SHARED_CLASS,)).fetchone()


def test_case_from_flag_to_closing(login, owner, owner_url):
    flag_id, apprentice_id, reason = _flag_of_rmd_apprentice(owner)
    trainer = _page(login, "ausbilder", apprentice_id)
    assert any(reason in m.value for m in trainer.markdown)
    trainer.selectbox(key=f"case-who-{flag_id}").select(user_id("ausbilder"))
    trainer = trainer.button(key=f"FormSubmitter:case-open-{flag_id}-{texts.OPEN_CASE}").click().run()
    assert confirmations(trainer) == [texts.CASE_OPENED]
    with psycopg.connect(owner_url) as conn:
        case_id, status, responsible = conn.execute(
            "select id, status::text, responsible_id from risk_cases where flag_id = %s", (flag_id,)).fetchone()
    assert (status, responsible) == ("offen", user_id("ausbilder"))

    trainer.selectbox(key=f"case-measure-kind-{case_id}").select("quabb")
    yesterday = clock.today() - timedelta(days=1)
    trainer.date_input(key=f"case-measure-due-{case_id}").set_value(yesterday)
    trainer = trainer.button(key=f"FormSubmitter:case-measure-{case_id}-{texts.BUTTON_SAVE}").click().run()
    contract_end = owner.execute("select contract_end from apprentices where id = %s", (apprentice_id,)).fetchone()[0]
    assert errors(trainer) == entries.due_days(clock.today(), contract_end).problems(yesterday)  # nothing stored
    trainer.date_input(key=f"case-measure-due-{case_id}").set_value(clock.today() + timedelta(days=14))
    trainer = trainer.button(key=f"FormSubmitter:case-measure-{case_id}-{texts.BUTTON_SAVE}").click().run()
    assert confirmations(trainer) == [texts.CASE_MEASURE_ADDED]
    trainer.text_area(key=f"case-comment-text-{case_id}").input("Termin mit QuABB am Dienstag vereinbart.")
    trainer = trainer.button(key=f"FormSubmitter:case-comment-{case_id}-{texts.BUTTON_SAVE}").click().run()
    assert confirmations(trainer) == [texts.CASE_COMMENTED]

    teacher = _page(login, "lehrkraft", apprentice_id)
    assert any("Termin mit QuABB" in m.value for m in teacher.markdown)
    teacher.selectbox(key=f"case-status-value-{case_id}").select("erledigt")
    teacher = teacher.button(key=f"FormSubmitter:case-status-{case_id}-{texts.BUTTON_SAVE}").click().run()
    assert errors(teacher) == [texts.CASE_CLOSING_REQUIRED]
    teacher.selectbox(key=f"case-status-value-{case_id}").select("erledigt")
    teacher.text_input(key=f"case-status-reason-{case_id}").input("Fehlzeiten geklärt, Beratung läuft.")
    teacher = teacher.button(key=f"FormSubmitter:case-status-{case_id}-{texts.BUTTON_SAVE}").click().run()
    assert confirmations(teacher) == [texts.CASE_UPDATED], errors(teacher)
    with psycopg.connect(owner_url) as conn:
        row = conn.execute("select status::text, closing_reason, (select count(*) from case_measures where case_id"
                           " = c.id), (select count(*) from case_comments where case_id = c.id) from risk_cases c"
                           " where id = %s", (case_id,)).fetchone()
    assert row == ("erledigt", "Fehlzeiten geklärt, Beratung läuft.", 1, 1)


def test_dashboard_lists_open_cases_first(login, owner_url):
    with psycopg.connect(owner_url) as conn:
        flag_id, apprentice_id, _reason = _flag_of_rmd_apprentice(conn)
        conn.execute("insert into risk_cases (apprentice_id, flag_id, title, severity, opened_by)"
                     " values (%s, %s, 'Gespräch nötig', 'kritisch', %s)", (apprentice_id, flag_id,
                                                                            user_id("lehrkraft")))
    at = login("ausbilder")
    at.session_state[widgets.COOP_KEY] = cooperation_id("mainufer", "rmd")
    at.switch_page("pages/dashboard_page.py").run()
    headers = [s.value for s in at.subheader]
    assert headers and headers[0].startswith(texts.SECTION_OPEN_CASES)
    assert any("Gespräch nötig" in m.value for m in at.markdown)


def test_two_concerns_make_one_flag_and_resolving_them_clears_it(login, owner_url):
    with psycopg.connect(owner_url) as conn:
        _flag, apprentice_id, _reason = _flag_of_rmd_apprentice(conn)
        # the apprentice's concern flags of earlier tests (on the same worker's database) are not this test's
        earlier = [r[0] for r in conn.execute("select id from risk_flags where apprentice_id = %s", (apprentice_id,))]
        for kind, body in (("motivation", "wirkt müde"), ("gesundheit", "oft krank")):
            conn.execute("insert into concerns (apprentice_id, place, kind, body, raised_by) values"
                         " (%s, 'schule', %s, %s, %s)", (apprentice_id, kind, body, user_id("lehrkraft")))
    teacher = _page(login, "lehrkraft", apprentice_id)
    concern_ids = [k.key.removeprefix("concern-resolve-")
                   for k in teacher.button if k.key and k.key.startswith("concern-resolve-")]
    assert len(concern_ids) == 2
    for concern_id in concern_ids:
        teacher = teacher.button(key=f"concern-resolve-{concern_id}").click().run()
        assert confirmations(teacher) == [texts.CONCERN_RESOLVED]
    with psycopg.connect(owner_url) as conn:
        rules = [r[0] for r in conn.execute("select rule from risk_flags where apprentice_id = %s and rule like"
                                            " 'anliegen%%' and id <> all(%s) order by first_seen_at",
                                            (apprentice_id, earlier))]
        open_rules = [r[0] for r in conn.execute("select rule from risk_flags where apprentice_id = %s and"
                                                 " rule like 'anliegen%%' and cleared_at is null", (apprentice_id,))]
    assert rules == ["anliegen_schule"]  # both concerns in one flag, which existed once
    assert open_rules == []  # and is cleared now
