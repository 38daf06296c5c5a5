"""The inbox: a concern raised by the school reaches the trainer as a new flag, counted in the menu."""

from __future__ import annotations

import psycopg

from leokop import texts
from leokop.ui import widgets
from tests.helpers import SHARED_CLASS, company_id, user_id
from tests.pages.conftest import PASSWORD, confirmations, start_app, submit_login


def _inbox_title(at) -> str:
    return next(i["page_name"] for i in at._registered_pages.values() if "posteingang" in i["script_path"])


def test_new_flag_shows_in_the_trainers_inbox_until_marked_seen(login, owner_url):
    with psycopg.connect(owner_url) as conn:
        conn.execute("insert into inbox_seen (user_id) values (%s) on conflict (user_id) do update"
                     " set seen_at = now()", (user_id("ausbilder"),))
        apprentice = conn.execute("select id from apprentices where class_id = %s and company_id = %s"
                                  " and status = 'aktiv' order by id desc limit 1",
                                  (SHARED_CLASS, company_id("rmd"))).fetchone()[0]
    teacher = login("lehrkraft")
    teacher.session_state[widgets.APPRENTICE_KEY] = apprentice
    teacher.switch_page("pages/azubi_page.py").run()
    next(s for s in teacher.selectbox if s.label == texts.CONCERN_KIND).select("konflikt")
    teacher.text_area(key="concern-text").input("Konflikt in der Klasse, Gespräch mit Eltern nötig.")
    teacher = teacher.button(key=f"FormSubmitter:concern-form-{texts.BUTTON_SAVE}").click().run()
    assert confirmations(teacher) == [texts.CONCERN_RAISED]

    trainer = submit_login(start_app(), "ausbilder", PASSWORD)
    assert _inbox_title(trainer).startswith(texts.PAGE_INBOX + " (")
    trainer.switch_page("pages/posteingang_page.py").run()
    table = trainer.dataframe[0].value
    flag = next(text for text in table["Was"] if "Konflikt in der Klasse" in text)
    assert flag.split(": ")[0] in texts.SEVERITY_LABELS.values()  # "Warnung: …", the German label, capitalised
    next(b for b in trainer.button if b.label == texts.INBOX_MARK_SEEN).click().run()
    assert _inbox_title(trainer) == texts.PAGE_INBOX
    assert [i.value for i in trainer.info] == [texts.INBOX_EMPTY]
