"""Materials through the repository as the demo users: sharing, versions, search, visibility, failed uploads."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import psycopg
import pytest

from leokop import clock
from leokop.db.errors import SetupError
from leokop.demo.materials import NETWORK_V1, NETWORK_V2, demo_pdf
from leokop.demo.seed import demo_class_id, demo_id
from leokop.repo import materials, projects
from leokop.repo._query import StaleWrite
from leokop.services.dashboard import load_pair
from leokop.services.materials import file_problems
from leokop.storage import storage_from_settings
from leokop.storage.postgres_backend import PostgresStorage
from tests.helpers import act_as, cooperation_id, user_id

STORAGE = PostgresStorage()
MAIN_RMD = cooperation_id("mainufer", "rmd")
MAIN_TAUNUS = cooperation_id("mainufer", "taunus")
LAHN_RMD = cooperation_id("lahntal", "rmd")
FI = demo_id("occupation", "FI")
FI25A = demo_class_id("mainufer", "FI", 1, "a")
FI25B = demo_class_id("lahntal", "FI", 1, "b")
LF3 = demo_id("lf", "FI/LF3")


def _pdf(text: str) -> tuple:
    data = demo_pdf(text, [f"Inhalt {text}"])
    problems, info = file_problems(f"{text.replace(' ', '_')}.pdf", data, len(data))
    assert problems == []
    return info, data


def _sharing(title: str, coop=MAIN_RMD, scope="kooperation", class_id=None, description="", tags=(),
             lfs=()) -> materials.Sharing:
    return materials.Sharing(coop, FI, scope, class_id, title, description, list(tags), list(lfs), [])


def _share(db, user: str, title: str, **kwargs):
    info, data = _pdf(title)
    material_id = materials.share_file(db, STORAGE, user_id(user), _sharing(title, **kwargs), info, data)
    return material_id, data


def _titles(db, user: str, coop, **filters) -> set[str]:
    return set(materials.library(db, user_id(user), coop, **filters)["title"])


def test_trainer_shares_teacher_finds_and_downloads_the_same_bytes(db):
    material_id, data = _share(db, "ausbilder", "Subnetting Übungsblatt", description="Aufgaben zu Subnetzen")
    found = materials.library(db, user_id("lehrkraft"), MAIN_RMD, query="Subnetz")
    assert material_id in set(found["id"])
    version = materials.material_details(db, user_id("lehrkraft"), material_id)["versions"].iloc[0]
    download = materials.download(db, STORAGE, user_id("lehrkraft"), version["id"])
    assert (download.data, download.mime, download.filename) == (data, "application/pdf",
                                                                "Subnetting_Übungsblatt.pdf")
    assert "Subnetting Übungsblatt" not in _titles(db, "ausbilder2", MAIN_TAUNUS)
    assert materials.material(db, user_id("ausbilder2"), material_id) is None
    assert materials.download(db, STORAGE, user_id("ausbilder2"), version["id"]) is None


def test_download_as_another_companys_trainer_is_refused_by_the_database(db, owner):
    material_id, _data = _share(db, "ausbilder", "Nur für Rhein-Main")
    version_id = owner.execute("select id from material_versions where material_id = %s",
                               (material_id,)).fetchone()[0]
    with owner.transaction():
        act_as(owner, "ausbilder2")
        blobs = owner.execute("select content from material_blobs where version_id = %s", (version_id,)).fetchall()
        versions = owner.execute("select * from material_versions where id = %s", (version_id,)).fetchall()
        raise psycopg.Rollback()
    assert blobs == [] and versions == []


def test_versions_keep_their_history_and_each_downloads(db):
    material_id, first = _share(db, "ausbilder", "Versionstest Netzwerk")
    seen = materials.material(db, user_id("lehrkraft"), material_id)["version"]
    number = materials.add_version(db, STORAGE, user_id("lehrkraft"), material_id, seen,
                                   *file_problems("netz_v2.pdf", NETWORK_V2.data, len(NETWORK_V2.data))[1:],
                                   NETWORK_V2.data, "Aufgabe 3 ergänzt")
    assert number == 2
    with pytest.raises(StaleWrite):  # someone uploaded in between: the old state is not overwritten
        materials.add_version(db, STORAGE, user_id("ausbilder"), material_id, seen,
                              file_problems("x.pdf", NETWORK_V1.data, len(NETWORK_V1.data))[1], NETWORK_V1.data, None)
    details = materials.material_details(db, user_id("ausbilder"), material_id)
    versions = details["versions"]
    assert list(versions["number"]) == [2, 1]
    assert list(versions["author"]) == ["Sabine Keller", "Markus Brandt"]
    got = [materials.download(db, STORAGE, user_id("ausbilder"), v).data for v in versions["id"]]
    assert got == [NETWORK_V2.data, first]
    assert list(details["events"]["action"])[:2] == ["neue_version", "neue_version"]
    assert list(details["events"]["action"])[-1] == "angelegt"


def test_comments_and_audit_name_the_author(db):
    material_id, _ = _share(db, "ausbilder", "Kommentartest")
    materials.add_comment(db, user_id("lehrkraft"), material_id, "  Sehr hilfreich.  ")
    details = materials.material_details(db, user_id("ausbilder"), material_id)
    assert details["comments"][["body", "author"]].values.tolist() == [["Sehr hilfreich.", "Sabine Keller"]]
    assert details["events"][["action", "actor"]].values.tolist()[0] == ["kommentiert", "Sabine Keller"]


@pytest.mark.parametrize(("query", "hit"), [
    ("Rechnungen", True), ("rechnung", True), ("Rechnungen prüfen", True), ("Lieferschein", True),
    ("Buchhaltung", True), ("Subnetz", False), ('"Rechnungen prüfen" -Mahnung', True), ("Mahnung", False),
])
def test_german_full_text_search_stems(db, query, hit):
    title = f"Rechnung prüfen {uuid4().hex[:6]}"
    _share(db, "ausbilder", title, description="Lieferscheine und Belege abgleichen", tags=["Buchhaltung"])
    assert (title in _titles(db, "lehrkraft", MAIN_RMD, query=query)) is hit


def test_filter_by_lernfeld_and_type(db):
    _share(db, "ausbilder", "LF3 Filtertest", lfs=[LF3])
    link = materials.share_link(db, user_id("ausbilder"), _sharing("Linkfiltertest", lfs=[LF3]),
                                "https://example.org/lf3")
    assert {"LF3 Filtertest", "Linkfiltertest"} <= _titles(db, "lehrkraft", MAIN_RMD, learning_field_id=LF3)
    assert "LF3 Filtertest" not in _titles(db, "lehrkraft", MAIN_RMD, kind="link")
    assert link in set(materials.library(db, user_id("lehrkraft"), MAIN_RMD, kind="link")["id"])
    assert "LF3 Filtertest" not in _titles(db, "lehrkraft", MAIN_RMD, learning_field_id=demo_id("lf", "FI/LF9"))


def test_library_is_newest_first(db):
    frame = materials.library(db, user_id("lehrkraft"), MAIN_RMD)
    assert list(frame["created_at"]) == sorted(frame["created_at"], reverse=True)


def test_visibility_across_two_companies_and_two_classes(db):
    """Class FI25a is shared by the companies of ausbilder and ausbilder2; FI25b is Lahntal's."""
    _share(db, "ausbilder", "Sichtbar Kooperation")
    _share(db, "lehrkraft", "Sichtbar Klasse FI25a", scope="klasse", class_id=FI25A)
    _share(db, "lehrkraft", "Sichtbar Beruf Mainufer", scope="beruf_schule")
    _share(db, "lehrkraft2", "Sichtbar Klasse FI25b", coop=LAHN_RMD, scope="klasse", class_id=FI25B)
    mine = {"Sichtbar Kooperation", "Sichtbar Klasse FI25a", "Sichtbar Beruf Mainufer", "Sichtbar Klasse FI25b"}
    seen = {
        "ausbilder": _titles(db, "ausbilder", MAIN_RMD) | _titles(db, "ausbilder", LAHN_RMD),
        "ausbilder2": _titles(db, "ausbilder2", MAIN_TAUNUS),
        "lehrkraft": _titles(db, "lehrkraft", MAIN_RMD) | _titles(db, "lehrkraft", MAIN_TAUNUS),
        "lehrkraft2": _titles(db, "lehrkraft2", LAHN_RMD),
        "koordination": _titles(db, "koordination", cooperation_id("mainufer", "hartmann")),
    }
    assert {u: s & mine for u, s in seen.items()} == {
        "ausbilder": mine,
        "ausbilder2": {"Sichtbar Klasse FI25a", "Sichtbar Beruf Mainufer"},
        "lehrkraft": mine - {"Sichtbar Klasse FI25b"},
        "lehrkraft2": {"Sichtbar Klasse FI25b"},
        "koordination": set(),  # the Hartmann pair trains Kaufleute für Büromanagement only
    }


def test_withdraw_only_by_owner_or_admin(db):
    material_id, _ = _share(db, "lehrkraft", "Rückzugstest", scope="klasse", class_id=FI25A)
    version = materials.material(db, user_id("ausbilder2"), material_id)["version"]
    assert not materials.may_edit(db, user_id("ausbilder2"), material_id)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        materials.withdraw(db, user_id("ausbilder2"), material_id, version)
    materials.withdraw(db, user_id("lehrkraft"), material_id, version)
    assert "Rückzugstest" not in _titles(db, "ausbilder2", MAIN_TAUNUS)
    assert "Rückzugstest" not in _titles(db, "lehrkraft", MAIN_RMD)
    assert materials.material(db, user_id("ausbilder2"), material_id) is None
    kept = materials.material(db, user_id("admin"), material_id)  # kept for the audit trail
    assert kept["withdrawn_by"] == user_id("lehrkraft")
    events = materials.material_details(db, user_id("admin"), material_id)["events"]
    assert events["action"].iloc[0] == "zurueckgezogen"
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no comeback, no edits after the withdrawal
        materials.withdraw(db, user_id("admin"), material_id, kept["version"])


def test_admin_may_withdraw(db):
    material_id, _ = _share(db, "ausbilder", "Admin-Rückzug")
    assert materials.may_edit(db, user_id("admin"), material_id)
    materials.withdraw(db, user_id("admin"), material_id, 1)
    assert materials.material(db, user_id("ausbilder"), material_id)["withdrawn_at"] is not None


class _Truncating(PostgresStorage):
    """A write that breaks off half-way: only part of the bytes reach the database."""

    def write(self, conn, version_id, key, data, mime):
        super().write(conn, version_id, key, data[: len(data) // 2], mime)


class _Failing(PostgresStorage):
    """A backend that fails after the version row was written (e.g. the connection to the bucket drops)."""

    def write(self, conn, version_id, key, data, mime):
        raise OSError("connection reset during upload")


def _leftovers(owner, title: str) -> tuple[int, int]:
    return owner.execute("select count(*), (select count(*) from material_versions v join materials m on"
                         " m.id = v.material_id where m.title = %(t)s) from materials where title = %(t)s",
                         {"t": title}).fetchone()


@pytest.mark.parametrize(("storage", "error"), [(_Truncating(), psycopg.errors.CheckViolation),
                                                (_Failing(), OSError)])
def test_interrupted_upload_leaves_nothing(db, owner, storage, error):
    title = f"Abgebrochen {type(storage).__name__}"
    info, data = _pdf(title)
    with pytest.raises(error):
        materials.share_file(db, storage, user_id("ausbilder"), _sharing(title), info, data)
    assert _leftovers(owner, title) == (0, 0)


def test_interrupted_new_version_leaves_the_material_as_it_was(db, owner):
    material_id, _data = _share(db, "ausbilder", "Version abgebrochen")
    info, other = _pdf("andere Fassung")
    with pytest.raises(psycopg.errors.CheckViolation):
        materials.add_version(db, _Truncating(), user_id("ausbilder"), material_id, 1, info, other, None)
    row = owner.execute("select current_version, version, (select count(*) from material_versions"
                        " where material_id = m.id) from materials m where id = %s", (material_id,)).fetchone()
    assert row == (1, 1, 1)


@pytest.mark.parametrize(("column", "value"), [
    ("title", "   "), ("url", "ftp://example.org/x"), ("filename", "../geheim.pdf"), ("filename", "a\x07.pdf"),
    ("size_bytes", 20 * 1024 * 1024 + 1),
])
def test_the_database_refuses_bad_values_too(owner, column, value):
    """The form checks first; the constraints hold even for a client that skips them."""
    row = {"title": "Titel", "url": None, "kind": "pdf", "filename": "a.pdf", "size_bytes": 10}
    row[column] = value
    if column == "url":
        row["kind"] = "link"
    row["id"] = uuid4()
    act_as(owner, "ausbilder")
    with pytest.raises(psycopg.errors.CheckViolation):
        owner.execute(
            "insert into materials (id, cooperation_id, school_id, occupation_id, scope, kind, title, url, owner_id)"
            " values (%(id)s, %(coop)s, %(school)s, %(occ)s, 'kooperation', %(kind)s, %(title)s, %(url)s,"
            " auth.uid())", {**row, "coop": MAIN_RMD, "school": demo_id("school", "mainufer"), "occ": FI})
        owner.execute(
            "insert into material_versions (material_id, number, filename, mime, size_bytes, sha256, created_by)"
            " values (%(id)s, 1, %(filename)s, 'application/pdf', %(size_bytes)s, repeat('a', 64), auth.uid())", row)


def test_storage_setting_selects_the_backend(monkeypatch):
    from leokop.config import load_settings

    monkeypatch.setenv("LEOKOP_STORAGE", "postgres")
    assert isinstance(storage_from_settings(load_settings()), PostgresStorage)
    monkeypatch.setenv("LEOKOP_STORAGE", "supabase")
    monkeypatch.delenv("SUPABASE_URL", raising=False)
    with pytest.raises(RuntimeError, match="SUPABASE_URL"):
        storage_from_settings(load_settings())
    monkeypatch.setenv("LEOKOP_STORAGE", "s3")
    with pytest.raises(SetupError, match="LEOKOP_STORAGE must be one of postgres, supabase"):
        storage_from_settings(load_settings())


# Joint projects ------------------------------------------------------------------------------------------------

def _project(title: str, coops=(MAIN_RMD, MAIN_TAUNUS), apprentices=(), milestones=()) -> projects.NewProject:
    today = clock.today()
    return projects.NewProject(demo_id("school", "mainufer"), list(coops), title, "Ziel", today,
                               today + timedelta(days=90), [LF3], [], list(apprentices), [], list(milestones))


def test_project_of_two_cooperations_with_milestones_on_both_timelines(db, owner):
    fi25a = owner.execute("select id, company_id from apprentices where class_id = %s", (FI25A,)).fetchall()
    picked = [a for a, c in fi25a if c == demo_id("company", "rmd")][:1] + \
             [a for a, c in fi25a if c == demo_id("company", "taunus")][:1]
    due = clock.today() + timedelta(days=10)
    project_id = projects.create_project(db, user_id("lehrkraft"), _project("Gemeinsam testen", apprentices=picked,
                                                                            milestones=[(due, "Zwischenstand")]))
    for user, coop in (("ausbilder", MAIN_RMD), ("ausbilder2", MAIN_TAUNUS), ("lehrkraft", MAIN_RMD)):
        assert "Gemeinsam testen" in set(projects.projects_of(db, user_id(user), coop)["title"])
        schedule = load_pair(db, user_id(user), coop, clock.today(), company_side=user != "lehrkraft").schedule
        assert "Gemeinsam testen: Zwischenstand" in set(schedule[schedule["kind"] == "meilenstein"]["label"])
    # each company sees only its own participant; the teacher sees both
    seen = {u: len(projects.project_details(db, user_id(u), project_id)["apprentices"])
            for u in ("ausbilder", "ausbilder2", "lehrkraft")}
    assert seen == {"ausbilder": 1, "ausbilder2": 1, "lehrkraft": 2}
    assert projects.projects_of(db, user_id("lehrkraft2"), LAHN_RMD).empty


def test_project_status_is_optimistically_locked(db):
    project_id = projects.create_project(db, user_id("ausbilder"), _project("Statusprojekt", coops=[MAIN_RMD]))
    projects.set_status(db, user_id("lehrkraft"), project_id, 1, "laufend")
    with pytest.raises(StaleWrite):
        projects.set_status(db, user_id("ausbilder"), project_id, 1, "abgebrochen")


def test_trainer_cannot_add_a_cooperation_of_another_company(db, owner):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        projects.create_project(db, user_id("ausbilder2"), _project("Übergriff"))
    assert owner.execute("select count(*) from projects where title = 'Übergriff'").fetchone()[0] == 0


# --- editing what exists (issue 18, sql/039) ------------------------------------------------------------------------


def _edit(title: str, lfs=(), scope="kooperation", class_id=None) -> materials.MaterialEdit:
    return materials.MaterialEdit(title, "neu beschrieben", ["neu"], scope, class_id, list(lfs), [])


def test_a_material_is_edited_by_its_owner_or_the_schools_admin_only(db):
    material_id, _ = _share(db, "lehrkraft", "Bearbeitungstest")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the trainer of the pair sees it, but it is not theirs
        materials.update_material(db, user_id("ausbilder"), material_id, 1, _edit("Vom Betrieb"))
    with pytest.raises(StaleWrite):  # another company's trainer does not even see it: nothing to update
        materials.update_material(db, user_id("ausbilder2"), material_id, 1, _edit("Von außen"))
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a class that is none of lehrkraft's
        materials.update_material(db, user_id("lehrkraft"), material_id, 1,
                                  _edit("Klasse", scope="klasse", class_id=demo_class_id("mainufer", "FI", 0, "a")))
    assert not materials.may_edit(db, user_id("ausbilder"), material_id)
    materials.update_material(db, user_id("lehrkraft"), material_id, 1, _edit("Vom Owner", lfs=[LF3]))
    item = materials.material(db, user_id("lehrkraft"), material_id)
    assert (item["title"], item["description"], item["tags"], item["learning_field_ids"]) == (
        "Vom Owner", "neu beschrieben", ["neu"], [LF3])
    with pytest.raises(StaleWrite):  # the version the owner saw is gone
        materials.update_material(db, user_id("admin"), material_id, 1, _edit("Admin, veraltet"))
    materials.update_material(db, user_id("admin"), material_id, 2, _edit("Vom Admin", scope="klasse",
                                                                          class_id=FI25A))
    events = materials.material_details(db, user_id("lehrkraft"), material_id)["events"]
    details = list(events["detail"])
    assert "Titel: „Vom Owner“ → „Vom Admin“; Sichtbar für: „diese Kooperation“ → „Klasse FI25a“" in details
    assert any(d.startswith("Titel: „Bearbeitungstest“ → „Vom Owner“; Beschreibung: „–“ → „neu beschrieben“")
               for d in details)
    assert any(d.startswith("Lernfeld hinzugefügt: „LF3") for d in details)
    assert any(d.startswith("Lernfeld entfernt: „LF3") for d in details)  # the admin's edit chose none


def test_a_milestone_is_edited_by_both_sides_of_the_pair_and_by_nobody_else(db):
    due = clock.today() + timedelta(days=10)
    project_id = projects.create_project(db, user_id("ausbilder"), _project(
        "Meilensteine bearbeiten", coops=[MAIN_RMD], milestones=[(due, "Entwurf")]))
    milestone = projects.project_details(db, user_id("ausbilder"), project_id)["milestones"].iloc[0]
    change = projects.MilestoneEdit("Entwurf fertig", due + timedelta(days=5), "schule", "mit Netzplan")
    for outsider in ("ausbilder2", "schulleitung", "admin2", "koordination"):
        with pytest.raises(StaleWrite):
            projects.update_milestone(db, user_id(outsider), project_id, milestone["id"], 1, change)
    projects.update_milestone(db, user_id("lehrkraft"), project_id, milestone["id"], 1, change)  # the school side
    with pytest.raises(StaleWrite):
        projects.update_milestone(db, user_id("ausbilder"), project_id, milestone["id"], 1, change)
    projects.update_milestone(db, user_id("ausbilder"), project_id, milestone["id"], 2,
                              projects.MilestoneEdit("Entwurf fertig", due, None, "mit Netzplan"))
    details = projects.project_details(db, user_id("ausbilder"), project_id)
    row = details["milestones"].iloc[0]
    assert (row["title"], row["due_on"], row["place"], row["description"], row["version"]) == (
        "Entwurf fertig", due, None, "mit Netzplan", 3)
    day, later = due.strftime("%d.%m.%Y"), (due + timedelta(days=5)).strftime("%d.%m.%Y")
    assert list(details["events"]["detail"]) == [
        f"„Entwurf fertig“: fällig am: „{later}“ → „{day}“; zuständig: „Schule“ → „beide Lernorte“",
        f"„Entwurf“: Titel: „Entwurf“ → „Entwurf fertig“; fällig am: „{day}“ → „{later}“; zuständig: „beide Lernorte“"
        " → „Schule“; Beschreibung: „–“ → „mit Netzplan“",
        f"„Entwurf“, fällig am {day}"]
