"""Row-level security of materials and joint projects: every table, every demo user, allowed and denied."""

from __future__ import annotations

import psycopg
import pytest

from leokop.demo.materials import material_ids
from leokop.demo.seed import demo_class_id, demo_id
from tests.db.test_rls import EXPECTED_VISIBLE, ROLES
from tests.helpers import DENIED, attempt, cooperation_id, expected_write, seen_and_expected, user_id, visible_ids

MATERIAL_TABLES = ("materials", "material_versions", "material_blobs", "material_learning_fields",
                   "material_positions", "material_comments", "material_events")
PROJECT_TABLES = ("projects", "project_cooperations", "project_learning_fields", "project_positions",
                  "project_apprentices", "project_milestones", "project_materials", "project_events")
DEMO = material_ids()
PROJECT = demo_id("project", "arztpraxis")
WITHDRAWN = "00000000-0000-4000-8000-0000000000a1"
FI25B_LINK = "00000000-0000-4000-8000-0000000000a2"
KBM_LINK = "00000000-0000-4000-8000-0000000000a3"
_FI, _KBM = demo_id("occupation", "FI"), demo_id("occupation", "KBM")

# Links for the branches the demo does not cover: a withdrawn one, one for Lahntal's class FI25b, one for every
# Kaufleute für Büromanagement user at Mainufer. Made inside each test's rolled-back transaction.
_SETUP = f"""
insert into materials (id, cooperation_id, school_id, occupation_id, scope, class_id, kind, title, url, owner_id,
                       withdrawn_at, withdrawn_by)
values ('{WITHDRAWN}', '{cooperation_id("mainufer", "rmd")}', '{demo_id("school", "mainufer")}', '{_FI}',
        'kooperation', null, 'link', 'zurückgezogen', 'https://example.org/a', '{user_id("ausbilder")}', now(),
        '{user_id("ausbilder")}'),
       ('{FI25B_LINK}', '{cooperation_id("lahntal", "rmd")}', '{demo_id("school", "lahntal")}', '{_FI}', 'klasse',
        '{demo_class_id("lahntal", "FI", 1, "b")}', 'link', 'FI25b', 'https://example.org/b',
        '{user_id("lehrkraft2")}', null, null),
       ('{KBM_LINK}', '{cooperation_id("mainufer", "hartmann")}', '{demo_id("school", "mainufer")}', '{_KBM}',
        'beruf_schule', null, 'link', 'Büromanagement', 'https://example.org/c', '{user_id("koordination")}',
        null, null);
insert into project_events (project_id, action, detail) values ('{PROJECT}', 'status', 'Status: geplant → laufend');
"""

_MY = "select * from memberships where user_id = %(uid)s and active"
_COOPS = EXPECTED_VISIBLE["cooperations"]
_MY_CLASSES = f"""
    select class_id from ({_MY}) m where role = 'lehrkraft' and class_id is not null
    union select a.class_id from apprentices a join ({_MY}) m
      on m.role = 'ausbilder' and m.company_id = a.company_id and m.school_id = a.school_id
    union select a.class_id from apprentices a
      join cooperations c on c.school_id = a.school_id and c.company_id = a.company_id
      join ({_MY}) m on m.cooperation_id = c.id
"""
_MATERIALS = f"""
    select x.id from materials x
    where (x.withdrawn_at is null and (
             (x.scope = 'kooperation' and x.cooperation_id in ({_COOPS}))
             or (x.scope = 'klasse' and x.class_id in ({_MY_CLASSES}))
             or (x.scope = 'beruf_schule' and exists (
                   select 1 from classes k where k.id in ({_MY_CLASSES})
                   and k.school_id = x.school_id and k.occupation_id = x.occupation_id))))
       or x.school_id in (select school_id from ({_MY}) m where role in ('admin', 'schulleitung'))
       or x.owner_id = %(uid)s
"""
_PROJECTS = f"""
    select p.id from projects p
    where p.created_by = %(uid)s
       or p.id in (select project_id from project_cooperations where cooperation_id in ({_COOPS}))
"""
EXPECTED = {
    "materials": _MATERIALS,
    "material_versions": f"select id from material_versions where material_id in ({_MATERIALS})",
    "material_blobs": f"""select version_id from material_blobs where version_id in
                          (select id from material_versions where material_id in ({_MATERIALS}))""",
    "material_learning_fields": f"select material_id from material_learning_fields where material_id in ({_MATERIALS})",
    "material_positions": f"select material_id from material_positions where material_id in ({_MATERIALS})",
    "material_comments": f"select id from material_comments where material_id in ({_MATERIALS})",
    "material_events": f"select id from material_events where material_id in ({_MATERIALS})",
    "projects": _PROJECTS,
    "project_cooperations": f"select project_id from project_cooperations where project_id in ({_PROJECTS})",
    "project_learning_fields": f"select project_id from project_learning_fields where project_id in ({_PROJECTS})",
    "project_positions": f"select project_id from project_positions where project_id in ({_PROJECTS})",
    "project_apprentices": f"""select project_id from project_apprentices where project_id in ({_PROJECTS})
                               and apprentice_id in ({EXPECTED_VISIBLE["apprentices"]})""",
    "project_milestones": f"select id from project_milestones where project_id in ({_PROJECTS})",
    "project_events": f"select id from project_events where project_id in ({_PROJECTS})",
    "project_materials": f"""select project_id from project_materials where project_id in ({_PROJECTS})
                             and material_id in ({_MATERIALS})""",
}


def _expected(owner: psycopg.Connection, table: str, username: str) -> set:
    return {r[0] for r in owner.execute(EXPECTED[table], {"uid": user_id(username)}).fetchall()}


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("table", (*MATERIAL_TABLES, *PROJECT_TABLES))
def test_select_shows_exactly_what_scope_and_memberships_allow(owner, table, username):
    seen, expected, total = seen_and_expected(owner, table, username, EXPECTED[table], _SETUP)
    assert total > 0
    assert seen == expected


@pytest.mark.parametrize("table", (*MATERIAL_TABLES, *PROJECT_TABLES))
def test_anonymous_reads_nothing(owner, table):
    assert visible_ids(owner, table, None) == DENIED


# The matrix above is only worth something if the users really differ: the demo's key cases, spelled out.
MATERIAL_SEEN = {
    #               network (rmd) grundschutz (FI25a)  checklist (FI Mainufer)  service (taunus)
    "lehrkraft":    (True,        True,                True,                    True),
    "ausbilder":    (True,        True,                True,                    False),
    "ausbilder2":   (False,       True,                True,                    True),
    "schulleitung": (True,        True,                True,                    True),
    "admin":        (True,        True,                True,                    True),
    "admin2":       (False,       False,               False,                   False),
    "koordination": (False,       False,               False,                   False),
}


@pytest.mark.parametrize("username", sorted(MATERIAL_SEEN))
def test_demo_materials_per_user(owner, username):
    visible = visible_ids(owner, "materials", username)
    keys = ("netzwerk", "grundschutz", "checkliste", "service")
    assert tuple(DEMO[k] in visible for k in keys) == MATERIAL_SEEN[username]


def test_withdrawn_material_is_hidden_but_kept(owner):
    with owner.transaction():
        owner.execute(_SETUP)
        seen = {u: WITHDRAWN in {str(i) for i in visible_ids(owner, "materials", u)} for u in ROLES}
        raise psycopg.Rollback()
    assert {u for u, s in seen.items() if s} == {"ausbilder", "admin", "schulleitung"}  # owner and the school


_NET = DEMO["netzwerk"]
_V1 = demo_id("material_version", "netzwerk/1")
WRITE_CASES = {
    "materials insert into own cooperation": (
        f"insert into materials (id, cooperation_id, school_id, occupation_id, scope, kind, title, url, owner_id)"
        f" values (gen_random_uuid(), '{cooperation_id('mainufer', 'rmd')}', '{demo_id('school', 'mainufer')}',"
        f" '{_FI}', 'kooperation', 'link', 't', 'https://example.org', auth.uid())",
        {"lehrkraft": 1, "ausbilder": 1, "admin": 1}, DENIED),
    "materials insert for a class": (
        f"insert into materials (id, cooperation_id, school_id, occupation_id, scope, class_id, kind, title, url,"
        f" owner_id) values (gen_random_uuid(), '{cooperation_id('mainufer', 'taunus')}',"
        f" '{demo_id('school', 'mainufer')}', '{_FI}', 'klasse', '{demo_class_id('mainufer', 'FI', 1, 'a')}',"
        f" 'link', 't', 'https://example.org', auth.uid())",
        {"lehrkraft": 1, "ausbilder2": 1, "admin": 1}, DENIED),
    "materials insert for someone else": (
        f"insert into materials (id, cooperation_id, school_id, occupation_id, scope, kind, title, url, owner_id)"
        f" values (gen_random_uuid(), '{cooperation_id('mainufer', 'rmd')}', '{demo_id('school', 'mainufer')}',"
        f" '{_FI}', 'kooperation', 'link', 't', 'https://example.org', '{user_id('lehrkraft')}')",
        {"lehrkraft": 1}, DENIED),
    # netzwerk is ausbilder's: its description, audience and topics change by the owner or the school's admin
    # (sql/039); who sees it but is neither is refused, who does not see it changes nothing
    "materials edit": (f"update materials set title = 'neu' where id = '{_NET}'",
                       {"ausbilder": 1, "admin": 1, "lehrkraft": DENIED, "schulleitung": DENIED}, 0),
    "materials edit the audience": (
        f"update materials set scope = 'klasse', class_id = '{demo_class_id('mainufer', 'FI', 1, 'a')}'"
        f" where id = '{_NET}'", {"ausbilder": 1, "admin": 1, "lehrkraft": DENIED, "schulleitung": DENIED}, 0),
    # grundschutz is lehrkraft's, for FI25a; FI26a is none of lehrkraft's classes: only the school's admin may
    "materials edit the audience beyond the editor's classes": (
        f"update materials set class_id = '{demo_class_id('mainufer', 'FI', 0, 'a')}'"
        f" where id = '{DEMO['grundschutz']}'",
        {"admin": 1, "lehrkraft": DENIED, "ausbilder": DENIED, "ausbilder2": DENIED, "schulleitung": DENIED}, 0),
    "materials new version by a reader": (
        f"update materials set current_version = current_version + 1 where id = '{_NET}'",
        {"lehrkraft": 1, "ausbilder": 1, "admin": 1, "schulleitung": 1}, 0),
    "material_learning_fields add": (
        f"insert into material_learning_fields (material_id, learning_field_id, occupation_id)"
        f" select '{_NET}', lf.id, lf.occupation_id from learning_fields lf where lf.occupation_id = '{_FI}'"
        f" and lf.id not in (select learning_field_id from material_learning_fields where material_id = '{_NET}')"
        f" order by lf.sort_order limit 1", {"ausbilder": 1, "admin": 1}, DENIED),
    "material_learning_fields remove": (f"delete from material_learning_fields where material_id = '{_NET}'",
                                        {"ausbilder": 1, "admin": 1}, 0),
    "material_positions add": (
        f"insert into material_positions (material_id, training_position_id, occupation_id)"
        f" select '{_NET}', tp.id, tp.occupation_id from training_positions tp where tp.occupation_id = '{_FI}'"
        f" and tp.id not in (select training_position_id from material_positions where material_id = '{_NET}')"
        f" order by tp.sort_order limit 1", {"ausbilder": 1, "admin": 1}, DENIED),
    "materials change owner": (f"update materials set owner_id = auth.uid() where id = '{_NET}'", {}, DENIED),
    # grundschutz is lehrkraft's, for class FI25a: those who see it but do not own it are refused
    "materials withdraw": (f"update materials set withdrawn_at = now(), withdrawn_by = auth.uid()"
                           f" where id = '{DEMO['grundschutz']}'",
                           {"lehrkraft": 1, "admin": 1, "ausbilder": DENIED, "ausbilder2": DENIED,
                            "schulleitung": DENIED}, 0),
    "materials delete": (f"delete from materials where id = '{_NET}'", {}, DENIED),
    "material_versions insert": (
        f"insert into material_versions (material_id, number, filename, mime, size_bytes, sha256, storage_key,"
        f" created_by) values ('{_NET}', 9, 'a.pdf', 'application/pdf', 1, repeat('a', 64), 'x', auth.uid())",
        {"lehrkraft": 1, "ausbilder": 1, "admin": 1, "schulleitung": 1}, DENIED),
    "material_versions update": (f"update material_versions set filename = 'b.pdf' where id = '{_V1}'", {}, DENIED),
    "material_versions delete": (f"delete from material_versions where id = '{_V1}'", {}, DENIED),
    "material_blobs update": ("update material_blobs set content = 'x'", {}, DENIED),
    "material_blobs delete": ("delete from material_blobs", {}, DENIED),
    "material_comments insert": (
        f"insert into material_comments (material_id, author_id, body) values ('{_NET}', auth.uid(), 'gut')",
        {"lehrkraft": 1, "ausbilder": 1, "admin": 1, "schulleitung": 1}, DENIED),
    "material_comments backdated": (
        f"insert into material_comments (material_id, author_id, body, created_at)"
        f" values ('{_NET}', auth.uid(), 'gut', '2020-01-01')", {}, DENIED),
    "material_comments update": ("update material_comments set body = 'x'", {}, DENIED),
    "material_events insert": (f"insert into material_events (material_id, action) values ('{_NET}', 'angelegt')",
                               {}, DENIED),
    "material_events delete": ("delete from material_events", {}, DENIED),
    "projects edit": (f"update projects set status = 'abgeschlossen' where id = '{PROJECT}'",
                      {"lehrkraft": 1, "ausbilder": 1, "ausbilder2": 1, "admin": 1}, 0),
    "projects delete": (f"delete from projects where id = '{PROJECT}'", {}, DENIED),
    "project_milestones insert": (
        f"insert into project_milestones (project_id, title, due_on, created_by)"
        f" values ('{PROJECT}', 'm', app_private.today(), auth.uid())",
        {"lehrkraft": 1, "ausbilder": 1, "ausbilder2": 1, "admin": 1}, DENIED),
    "project_milestones edit": (
        f"update project_milestones set title = title || '!', due_on = due_on + 1, place = 'schule',"
        f" description = 'neu' where project_id = '{PROJECT}'",
        {"lehrkraft": 3, "ausbilder": 3, "ausbilder2": 3, "admin": 3}, 0),
    "project_milestones created_by": (f"update project_milestones set created_by = auth.uid()"
                                      f" where project_id = '{PROJECT}'", {}, DENIED),
    "project_events insert": (f"insert into project_events (project_id, action) values ('{PROJECT}', 'status')",
                              {}, DENIED),
    "project_events delete": ("delete from project_events", {}, DENIED),
    "project_cooperations add a foreign pair": (
        f"insert into project_cooperations (project_id, cooperation_id, school_id)"
        f" values ('{PROJECT}', '{cooperation_id('mainufer', 'hartmann')}', '{demo_id('school', 'mainufer')}')",
        {"admin": 1, "lehrkraft": 1}, DENIED),  # both work with the Hartmann pair (class BM25a)
    "project_apprentices remove": (f"delete from project_apprentices where project_id = '{PROJECT}'",
                                   {"lehrkraft": 4, "ausbilder": 2, "ausbilder2": 2, "admin": 4}, 0),
}


@pytest.mark.parametrize("username", (*ROLES, None))
@pytest.mark.parametrize("case", sorted(WRITE_CASES))
def test_write(owner, case, username):
    sql, allowed, default = WRITE_CASES[case]
    assert attempt(owner, username, sql, None, _SETUP) == expected_write(allowed, default, username)
