"""The admin page's tab "Import" (AppTest): upload, the recognised mapping, the preview with refused rows, a refused
file, and a saved profile."""

from __future__ import annotations

import psycopg

from leokop import texts
from tests.db.test_imports import MAINUFER, mainufer_file
from tests.pages.conftest import errors


def _import_tab(login):
    at = login("admin")
    at.switch_page("pages/verwaltung_page.py").run()
    assert not at.exception
    assert texts.ADMIN_IMPORT in [t.label for t in at.tabs]
    return at


def _upload(at, name: str, data: bytes):
    at.file_uploader(key="import-file").upload(name, data, "text/csv").run()
    assert not at.exception, at.exception
    return at


def test_upload_recognises_the_columns_and_previews_refused_rows(login, owner_url):
    at = _upload(_import_tab(login), "schueler.csv", mainufer_file())
    mapping = {s.label: s.value for s in at.selectbox if s.key and s.key.startswith("import-map-")}
    assert mapping["Nachname"] == "last_name" and mapping["Ausbildungsbetrieb"] == "company_name"
    at.button(key="import-preview").click().run()
    assert not at.exception and errors(at) == []
    warnings = [w.value for w in at.warning]
    assert texts.IMPORT_REFUSED_TITLE.format(rows=1, total=3) in warnings
    frames = [f.value for f in at.dataframe]
    counts = next(f for f in frames if texts.IMPORT_KIND_COLUMN in f.columns)
    apprentices = counts[counts[texts.IMPORT_KIND_COLUMN] == texts.IMPORT_KIND_LABELS["apprentices"]].iloc[0]
    assert apprentices[texts.IMPORT_COUNT_LABELS["created"]] == 2
    refused = next(f for f in frames if texts.IMPORT_REFUSED_COLUMNS["reason"] in f.columns)
    assert refused[texts.IMPORT_REFUSED_COLUMNS["line"]].tolist() == [4]
    assert refused[texts.IMPORT_REFUSED_COLUMNS["column"]].tolist() == ["Geburtsdatum"]
    assert [b.label for b in at.button if b.key == "import-apply"] == [texts.IMPORT_APPLY_BUTTON]


def test_a_broken_file_gets_a_german_message(login):
    at = _upload(_import_tab(login), "kaputt.csv", b"\x00\x01binary")
    assert errors(at) == [texts.IMPORT_BINARY]
    at = _upload(at, "leer.csv", b"")
    assert errors(at) == [texts.IMPORT_EMPTY]


def test_a_mapping_without_names_is_refused_and_a_profile_is_saved(login, owner_url):
    at = _upload(_import_tab(login), "x.csv", b"Fam.;Ruf;Lehrbetrieb\nA;B;C\n")
    assert texts.IMPORT_NOTHING_MAPPED in errors(at)
    boxes = {s.label: s for s in at.selectbox if s.key and s.key.startswith("import-map-")}
    boxes["Fam."].set_value("last_name")
    boxes["Ruf"].set_value("first_name").run()
    assert errors(at) == []
    name = next(t for t in at.text_input if t.label == texts.IMPORT_PROFILE_NAME)
    name.input("Altes Schulprogramm")
    at = next(b for b in at.button if b.label == texts.IMPORT_PROFILE_SAVE).click().run()
    try:
        assert texts.IMPORT_PROFILE_SAVED.format(name="Altes Schulprogramm") in [t.value for t in at.toast]
        with psycopg.connect(owner_url) as conn:
            mapping = conn.execute("select mapping from import_profiles where school_id = %s and name = %s",
                                   (MAINUFER, "Altes Schulprogramm")).fetchone()[0]
        assert mapping == {"Fam.": "last_name", "Ruf": "first_name", "Lehrbetrieb": ""}
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from import_profiles where school_id = %s", (MAINUFER,))


def _profile_form_submit(at):
    return next(b for b in at.button if b.label == texts.IMPORT_PROFILE_SAVE).click().run()


def test_a_profile_is_never_overwritten_blindly(login, owner_url):
    """A taken name is refused; the loaded profile is replaced only if nobody saved it since the form was drawn,
    else who and when, and a confirmation."""
    with psycopg.connect(owner_url) as conn:
        conn.execute("insert into import_profiles (school_id, name, mapping) values (%s, 'LUSD', %s)",
                     (MAINUFER, '{"Nachname": "last_name"}'))
    try:
        at = _upload(_import_tab(login), "schueler.csv", mainufer_file())
        name = next(t for t in at.text_input if t.label == texts.IMPORT_PROFILE_NAME)
        name.input("LUSD")
        at = _profile_form_submit(at)
        assert texts.IMPORT_PROFILE_EXISTS.format(name="LUSD") in errors(at)
        assert next(t for t in at.text_input if t.label == texts.IMPORT_PROFILE_NAME).value == "LUSD"

        at.selectbox(key=f"import-profile-{MAINUFER}").set_value("LUSD").run()
        assert next(t for t in at.text_input if t.label == texts.IMPORT_PROFILE_NAME).value == "LUSD"
        with psycopg.connect(owner_url) as conn:  # another admin saves the profile meanwhile
            conn.execute("update import_profiles set mapping = %s, updated_at = now() where name = 'LUSD'",
                         ('{"Vorname": "first_name"}',))
        at = _profile_form_submit(at)
        assert any(texts.STALE_NOT_CONFIRMED.split("{")[0] in e for e in errors(at)), errors(at)
        with psycopg.connect(owner_url) as conn:
            assert conn.execute("select mapping from import_profiles where name = 'LUSD'").fetchone()[0] == {
                "Vorname": "first_name"}
        next(c for c in at.checkbox if c.key and "~over-" in c.key).check()
        at = _profile_form_submit(at)
        assert texts.IMPORT_PROFILE_SAVED.format(name="LUSD") in [t.value for t in at.toast], errors(at)
        with psycopg.connect(owner_url) as conn:
            mapping = conn.execute("select mapping from import_profiles where name = 'LUSD'").fetchone()[0]
        assert mapping["Nachname"] == "last_name" and mapping["Vorname"] == "first_name"
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from import_profiles where school_id = %s", (MAINUFER,))
