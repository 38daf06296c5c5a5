"""Demo materials and the joint project: there on first login, consistent, and loaded only once."""

from __future__ import annotations

import hashlib

from leokop import clock
from leokop.demo.materials import MILESTONES, demo_file, load_materials, material_ids
from leokop.demo.seed import demo_id

IDS = material_ids()
PROJECT = demo_id("project", "arztpraxis")
COUNTS = """select (select count(*) from materials), (select count(*) from material_versions),
                   (select count(*) from material_comments), (select count(*) from projects),
                   (select count(*) from project_milestones), (select count(*) from project_apprentices)"""


def test_a_pdf_with_two_versions_a_link_a_text_file_and_comments(owner):
    rows = {r[0]: r[1:] for r in owner.execute(
        "select id, kind::text, scope::text, current_version, (select count(*) from material_comments c"
        " where c.material_id = m.id) from materials m where id = any(%s)", (list(IDS.values()),)).fetchall()}
    assert rows[IDS["netzwerk"]] == ("pdf", "kooperation", 2, 2)
    assert rows[IDS["grundschutz"]] == ("link", "klasse", 0, 1)
    assert rows[IDS["checkliste"]] == ("text", "beruf_schule", 1, 0)
    assert rows[IDS["service"]] == ("pdf", "kooperation", 1, 0)


def test_stored_bytes_are_the_demo_files_and_match_their_checksums(owner):
    versions = owner.execute(
        "select v.number, v.sha256, v.size_bytes, b.content from material_versions v"
        " join material_blobs b on b.version_id = v.id where v.material_id = %s order by v.number",
        (IDS["netzwerk"],)).fetchall()
    assert [bytes(v[3]) for v in versions] == [demo_file("netzwerk", 1), demo_file("netzwerk", 2)]
    assert all(v[1] == hashlib.sha256(bytes(v[3])).hexdigest() and v[2] == len(v[3]) for v in versions)
    assert bytes(versions[0][3]).startswith(b"%PDF-") and versions[0][3] != versions[1][3]


def test_the_trail_names_who_did_what(owner):
    trail = owner.execute(
        "select e.action, u.username from material_events e join app_users u on u.id = e.actor_id"
        " where e.material_id = %s order by e.at, e.id", (IDS["netzwerk"],)).fetchall()
    assert [a for a, _u in trail].count("neue_version") == 2
    assert ("kommentiert", "lehrkraft") in trail and trail[0] == ("angelegt", "ausbilder")


def test_joint_project_of_two_pairs_with_participants_and_milestones(owner):
    pairs = owner.execute("select count(*) from project_cooperations where project_id = %s", (PROJECT,)).fetchone()
    companies = owner.execute(
        "select a.company_id, count(*) from project_apprentices x join apprentices a on a.id = x.apprentice_id"
        " where x.project_id = %s group by 1", (PROJECT,)).fetchall()
    milestones = owner.execute("select title, due_on, done_at is not null from project_milestones"
                               " where project_id = %s order by due_on", (PROJECT,)).fetchall()
    assert pairs == (2,)
    assert sorted(n for _c, n in companies) == [2, 2]
    assert [m[0] for m in milestones] == [m[0] for m in MILESTONES]
    assert [m[2] for m in milestones] == [True, False, False]
    assert all(m[1] > clock.today() for m in milestones[1:])


def test_loading_again_adds_nothing(owner):
    before = owner.execute(COUNTS).fetchone()
    load_materials(owner, clock.today())
    assert owner.execute(COUNTS).fetchone() == before
