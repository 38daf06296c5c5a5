"""The materials and projects pages through the real app, and project milestones on the dashboard's timeline."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from leokop import texts
from leokop.ui import dashboard_view, widgets
from tests.helpers import cooperation_id
from tests.pages.conftest import confirmations, errors, widget


def _by_label(elements, label):
    return next(e for e in elements if e.label == label)


def _open(login, username: str, page: str, coop=("mainufer", "rmd")) -> AppTest:
    at = login(username)
    at.session_state[widgets.COOP_KEY] = cooperation_id(*coop)
    at.switch_page(f"pages/{page}_page.py").run()
    assert not at.exception, at.exception
    return at


def _library_titles(at: AppTest) -> set[str]:
    frames = [f.value for f in at.dataframe if texts.MAT_COLUMNS["title"] in f.value]
    return set(frames[0][texts.MAT_COLUMNS["title"]]) if frames else set()


def test_trainer_sees_the_pairs_library_and_not_the_other_companys(login):
    at = _open(login, "ausbilder", "materialien")
    titles = _library_titles(at)
    assert {"Netzwerkplanung für eine Arztpraxis", "BSI IT-Grundschutz-Kompendium"} <= titles
    assert "Leitfaden Serviceanfragen" not in titles  # ausbilder2's, shared in the Taunus pair only


def test_search_uses_german_stemming(login):
    at = _open(login, "lehrkraft", "materialien")
    _by_label(at.text_input, texts.MAT_SEARCH).input("Netzwerkplanungen").run()
    titles = _library_titles(at)
    assert "Netzwerkplanung für eine Arztpraxis" in titles
    assert "Checkliste Arbeitsplatz einrichten" not in titles
    assert [s.value for s in at.subheader] == ["Netzwerkplanung für eine Arztpraxis"]
    assert [b.label for b in at.get("download_button")][:1] == [texts.MAT_DOWNLOAD]


def test_sharing_a_link_and_refusing_bad_input(login, owner):
    at = _open(login, "lehrkraft", "materialien")
    _by_label(at.radio, texts.MAT_FIELD_SOURCE).set_value(texts.MAT_SOURCE_LINK).run()
    _by_label(at.text_input, texts.MAT_FIELD_URL).input("ftp://example.org/x")
    widget(at.text_input, "mat-share-title").input("   ")
    _by_label(at.button, texts.MAT_SUBMIT_SHARE).click().run()
    assert errors(at) == [texts.TITLE_EMPTY, texts.MAT_ERR_URL]
    _by_label(at.text_input, texts.MAT_FIELD_URL).input("https://www.kmk.org/rahmenlehrplaene")
    widget(at.text_input, "mat-share-title").input("KMK Rahmenlehrpläne")
    widget(at.text_input, "mat-share-tags").input("Lehrplan, KMK")
    _by_label(at.button, texts.MAT_SUBMIT_SHARE).click().run()
    assert errors(at) == []
    assert texts.MAT_SHARED.format(title="KMK Rahmenlehrpläne") in confirmations(at)
    assert "KMK Rahmenlehrpläne" in _library_titles(at)
    assert owner.execute("select tags from materials where title = 'KMK Rahmenlehrpläne'").fetchone()[0] == [
        "Lehrplan", "KMK"]


def test_file_share_without_a_file_is_refused(login):
    at = _open(login, "ausbilder", "materialien")
    widget(at.text_input, "mat-share-title").input("Ohne Datei")
    _by_label(at.button, texts.MAT_SUBMIT_SHARE).click().run()
    assert errors(at) == [texts.MAT_ERR_NO_FILE]
    assert "Ohne Datei" not in _library_titles(at)


def test_projects_page_shows_the_joint_project_with_its_milestones(login):
    at = _open(login, "ausbilder2", "projekte", coop=("mainufer", "taunus"))
    project = next(f.value for f in at.dataframe if texts.PROJ_COLUMNS["title"] in f.value)
    assert "Netzwerk für eine Arztpraxis" in set(project[texts.PROJ_COLUMNS["title"]])
    milestones = next(f.value for f in at.dataframe if texts.PROJ_MILESTONE_COLUMNS["title"] in f.value)
    assert list(milestones[texts.PROJ_MILESTONE_COLUMNS["title"]]) == [
        "Auftakt mit beiden Betrieben", "Netzplan abgeben", "Präsentation in der Schule"]


def test_milestones_are_on_the_dashboard_timeline(login):
    at = _open(login, "ausbilder", "dashboard")
    at.session_state[dashboard_view.SECTION_KEY] = texts.SECTION_TIMELINE  # lazy tabs: open the plan
    at.run()
    upcoming = [f.value for f in at.dataframe if "Art" in f.value or "Was" in f.value]
    kinds = {v for frame in upcoming for column in frame.columns for v in frame[column].astype(str)}
    assert texts.KIND_LABELS["meilenstein"] in kinds
    assert "Netzwerk für eine Arztpraxis: Netzplan abgeben" in kinds


def test_own_withdrawal_leaves_no_gone_form_but_a_typed_comment_is_kept(login, owner_url, db):
    """Withdrawing one's own material leaves no "withdrawn meanwhile" form behind; the comment form of a material
    withdrawn in another tab stays with the German reason (what was typed is in the browser until submitted)."""
    import psycopg

    from leokop.demo.seed import demo_id
    from leokop.repo import materials
    from tests.helpers import user_id

    pair, teacher = cooperation_id("mainufer", "rmd"), user_id("lehrkraft")
    ids = [materials.share_link(db, teacher, materials.Sharing(
        pair, demo_id("occupation", "FI"), "kooperation", None, title, None, [], [], []), "https://example.org/weg")
        for title in ("Zurückziehen selbst", "Zurückziehen anderswo")]
    try:
        at = _open(login, "lehrkraft", "materialien")
        at.session_state["leokop_material"] = ids[0]
        at.run()
        next(c for c in at.checkbox if c.key and c.key.startswith(f"mat-withdraw-sure-{ids[0]}")).check()
        next(b for b in at.button if b.label == texts.MAT_WITHDRAW).click().run()
        assert texts.MAT_WITHDRAWN in confirmations(at)
        at.run()
        assert texts.MAT_GONE not in [w.value for w in at.warning]

        at.session_state["leokop_material"] = ids[1]
        at.run()
        assert any(t.key and t.key.startswith(f"mat-comment-{ids[1]}") for t in at.text_area)
        materials.withdraw(db, teacher, ids[1], 1)  # the owner, in another tab, while this one has the form open
        at.run()
        assert texts.MAT_GONE in [w.value for w in at.warning]  # what the browser holds typed stays in the field
    finally:
        with psycopg.connect(owner_url) as conn:
            for table in ("material_events", "material_comments", "material_versions"):
                conn.execute(f"delete from {table} where material_id = any(%s)", (ids,))
            conn.execute("delete from materials where id = any(%s)", (ids,))
