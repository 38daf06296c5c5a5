"""A flag raised by the teacher's entries reaches the trainer's dashboard with its reason."""

from __future__ import annotations

from datetime import timedelta

from leokop import clock, texts
from leokop.ui import widgets
from tests.helpers import SHARED_CLASS, company_id, cooperation_id
from tests.pages.conftest import errors, submit


def _quiet_apprentice(owner):
    """An rmd apprentice of FI25a without unexcused absences in the last 4 weeks, and two free weekdays."""
    aid, first, last = owner.execute(
        """
        select a.id, a.first_name, a.last_name from apprentices a
        where a.class_id = %s and a.company_id = %s and a.status = 'aktiv'
          and not exists (select 1 from absences x where x.apprentice_id = a.id and not x.excused
                          and x.absence_date > app_private.today() - 28)
          and not exists (select 1 from risk_flags f where f.apprentice_id = a.id and f.cleared_at is null)
        order by a.id limit 1
        """,
        (SHARED_CLASS, company_id("rmd")),
    ).fetchone()
    taken = {r[0] for r in owner.execute("select absence_date from absences where apprentice_id = %s", (aid,))}
    days = [d for d in (clock.today() - timedelta(days=n) for n in range(1, 27))
            if d.weekday() < 5 and d not in taken][:2]
    return aid, f"{last}, {first}", days


def test_teacher_records_absences_until_the_rule_fires_and_the_trainer_sees_why(login, owner):
    aid, name, days = _quiet_apprentice(owner)
    teacher = login("lehrkraft")
    teacher.session_state[widgets.APPRENTICE_KEY] = aid
    teacher.switch_page("pages/azubi_page.py").run()
    for day in days:
        next(d for d in teacher.date_input if d.label == texts.FIELD_DATE).set_value(day)
        teacher = submit(teacher, "absence-form", texts.BUTTON_SAVE)
        assert errors(teacher) == []
    owner.rollback()
    flags = owner.execute("select rule, reason from risk_flags where apprentice_id = %s and cleared_at is null",
                          (aid,)).fetchall()
    reason = "2 unentschuldigte Fehltage in den letzten 4 Wochen (Schwelle: 2)"
    assert ("unentschuldigte_fehltage", reason) in flags

    trainer = login("ausbilder")
    trainer.session_state[widgets.COOP_KEY] = cooperation_id("mainufer", "rmd")
    trainer.switch_page("pages/dashboard_page.py").run()
    shown = " ".join(m.value for m in trainer.markdown)
    assert name in shown and reason in shown
