"""The access request's readable PDF (Art. 15 DSGVO) from the real export of a demo apprentice: German labels for
every table and field the database exports, names instead of ids, Berlin times (issue 22)."""

from __future__ import annotations

import re

import psycopg

from leokop import texts
from leokop.repo import privacy
from leokop.services import privacy as rules
from tests.helpers import school_id, user_id

UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\d|T\d\d:\d\d|[+-]\d\d:\d\d$")


def test_every_exported_table_and_field_has_a_german_label_and_no_id_reaches_the_pdf(db, owner_url):
    with psycopg.connect(owner_url) as conn:  # the Mainufer apprentice with the most rows about them
        apprentice = conn.execute(
            """
            select a.id from apprentices a
            where a.school_id = %s
            order by (select count(*) from risk_cases c where c.apprentice_id = a.id) desc,
                     (select count(*) from notes n where n.apprentice_id = a.id) desc, a.id
            limit 1
            """, (school_id("mainufer"),)).fetchone()[0]
    export = privacy.subject_access_export(db, user_id("admin"), apprentice)
    names = privacy.access_names(db, user_id("admin"), rules.linked_ids(export))
    assert names and all(not UUID_TEXT.search(name) for name in names.values())
    unlabelled_tables = set(export["tables"]) - set(texts.ACCESS_TABLE_LABELS)
    assert unlabelled_tables == set()
    lines = rules.access_lines(export, names)
    labels = {label for kind, label, _ in lines if kind == "field"}
    assert labels <= set(texts.ACCESS_FIELD_LABELS.values()), labels - set(texts.ACCESS_FIELD_LABELS.values())
    for kind, text, value in lines:
        assert not UUID_TEXT.search(text) and not UUID_TEXT.search(value), (kind, text, value)
        assert not ISO_TIME.search(value), (kind, text, value)
        assert value != texts.ACCESS_NOBODY_KNOWN, (kind, text)
