"""The import's pure parts: reading files of every supported layout and encoding, refusing broken ones, recognising
headers, cell values, and the plan against a school's data (no database)."""

from __future__ import annotations

import io
from datetime import date
from uuid import uuid4

import pytest
from openpyxl import Workbook

from leokop import texts
from leokop.services.imports import fields as f
from leokop.services.imports import values as v
from leokop.services.imports.planning import (
    KnownApprentice,
    KnownClass,
    KnownCompany,
    SchoolState,
    default_probation_end,
    interpret,
    make_plan,
)
from leokop.services.imports.reading import MAX_BYTES, MAX_ROWS, FileRefused, read_table

TODAY = date(2026, 9, 15)

# --- sample files in each layout ----------------------------------------------------------------------------------

# LUSD (Abfrageassistent): semicolons, the pupil's own address (not taken over), no pupil id
LUSD_HEADER = ("Nachname;Vorname;Geschlecht;Geburtsdatum;Klasse;Strasse;PLZ;Ort;Telefon;Ausbildungsberuf;"
               "Ausbildungsbetrieb;Betrieb PLZ;Betrieb Ort;Ausbildungsbeginn;Ausbildungsende")
LUSD_ROWS = (
    "Müller;Jörg;m;03.04.2008;FI26a;Bergstraße 4;60311;Frankfurt am Main;069 123;Fachinformatiker/-in;"
    "Rhein-Main Datentechnik GmbH;60327;Frankfurt am Main;01.08.2026;31.07.2029",
    "Weiß;Zoë;w;17.11.2007;FI26a;Mainweg 1;63065;Offenbach;;Fachinformatikerin für Systemintegration;"
    "Öko-Büro Schäfer GmbH;63067;Offenbach am Main;01.09.2026;31.08.2029",
)
# WebUntis students: commas, Schüler-ID, e-mail (the pupil's: not taken over)
WEBUNTIS = ("Familienname,Vorname,Klassenbezeichnung,Geburtsdatum,Geschlecht,Schüler-ID,E-Mail,Ausbildungsberuf,"
            "Ausbildungsbetrieb,Betrieb PLZ,Betrieb Ort,Ausbildungsbeginn,Ausbildungsende\r\n"
            "Groß,Anaïs,BM26b,02.02.2008,w,WU-17,anais@example.org,Kauffrau für Büromanagement,"
            "\"Taunus Software & Service GmbH\",61348,Bad Homburg v. d. Höhe,01.08.2026,31.07.2029\r\n")
# Magellan "betriebe": a company file, its bare address columns are the company's
MAGELLAN_COMPANIES = ("Kuerzel;Name1;Strasse;PLZ;Ort;Email;Branche;Kammer\n"
                      "RMD;Rhein-Main Datentechnik GmbH;Hanauer Landstr. 1;60327;Frankfurt am Main;"
                      "info@rmd.example;IT-Dienstleistungen;IHK Frankfurt am Main\n"
                      "BAE;Bäckerei Hölzl;Hauptstr. 9;35390;Gießen;;Lebensmittel;Handwerkskammer Wiesbaden\n")
# Magellan "schueler_ausbildung": the training side of pupils already known
MAGELLAN_TRAINING = ("SchuelerVorname;SchuelerNachname;SchuelerGeburtsdatum;BetriebKuerzel;Beruf;AusbildungVon;"
                     "AusbildungBis;AusbilderKontaktNachname;AusbilderKontaktVorname;AusbilderKontaktEmail\n"
                     "Jörg;Müller;03.04.2008;RMD;Fachinformatiker/-in;01.08.2026;31.07.2029;Brandt;Markus;"
                     "m.brandt@rmd.example\n")


def lusd(encoding: str = "cp1252", bom: bool = False, newline: str = "\r\n") -> bytes:
    text = newline.join((LUSD_HEADER, *LUSD_ROWS)) + newline
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def xlsx(rows: list[list], formula_at: tuple[int, int] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if formula_at:
        sheet.cell(*formula_at).value = "=1+1"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("encoding", "bom", "expected"), [
    ("utf-8", False, "UTF-8"), ("utf-8", True, "UTF-8 mit BOM"), ("cp1252", False, "Windows-1252"),
    ("latin-1", False, "Windows-1252"), ("utf-16", False, "UTF-16"),
])
def test_every_encoding_reads_the_same_umlauts(encoding, bom, expected):
    table = read_table("lusd.csv", lusd(encoding, bom))
    assert expected in table.file_format and "Semikolon" in table.file_format
    assert table.headers[0] == "Nachname" and [r.values[:2] for r in table.rows] == [("Müller", "Jörg"),
                                                                                       ("Weiß", "Zoë")]
    assert [r.line for r in table.rows] == [2, 3] and all(not r.problems for r in table.rows)


def test_bytes_that_are_control_codes_in_iso_8859_1_are_refused():
    with pytest.raises(FileRefused, match="keine Text"):
        read_table("x.csv", "Nachname;Vorname\nA\x81b;Cé\n".encode("latin-1"))


def test_comma_separated_with_quotes_and_an_ampersand():
    table = read_table("webuntis.csv", WEBUNTIS.encode("iso-8859-1"))
    assert "Komma" in table.file_format
    assert table.rows[0].values[8] == "Taunus Software & Service GmbH"


def test_tab_separated_unicode_text_as_excel_writes_it():
    data = lusd("utf-16", newline="\r\n").decode("utf-16").replace(";", "\t").encode("utf-16")
    table = read_table("export.txt", data)
    assert "Tabulator" in table.file_format and len(table.headers) == 15


def test_xlsx_with_date_cells_and_a_number_postcode():
    rows = [["Nachname", "Vorname", "Geburtsdatum", "Klasse", "Ausbildungsbetrieb", "Betrieb PLZ", "Betrieb Ort",
             "Ausbildungsberuf", "Ausbildungsbeginn", "Ausbildungsende"],
            ["Schulz", "Ida", date(2008, 1, 5), "FI26a", "Sachsen Netz GmbH", 1067, "Dresden", "FI",
             date(2026, 8, 1), "31.07.2029"]]
    table = read_table("schueler.xlsx", xlsx(rows))
    assert table.file_format == texts.IMPORT_FORMAT_XLSX and table.rows[0].line == 2
    entry = interpret(table, f.recognise(table.headers))[0]
    assert entry.values["birth_date"] == date(2008, 1, 5) and entry.values["company_postcode"] == "01067"
    assert entry.values["contract_end"] == date(2029, 7, 31) and not entry.problems


def test_xlsx_formula_cell_refuses_its_row():
    rows = [["Nachname", "Vorname"], ["Schulz", "Ida"], ["Kern", "Ole"]]
    table = read_table("f.xlsx", xlsx(rows, formula_at=(3, 2)))
    assert table.rows[0].problems == ()
    assert [(p.line, p.column, p.reason) for p in table.rows[1].problems] == [(3, "Vorname", texts.IMPORT_FORMULA)]


def test_csv_formula_cell_is_refused_not_read():
    table = read_table("f.csv", b"Nachname;Vorname\n=HYPERLINK(\"http://x\");Ida\n@SUM(A1);Ole\n")
    assert [p.column for r in table.rows for p in r.problems] == ["Nachname", "Nachname"]
    entries = interpret(table, f.recognise(table.headers))
    assert "last_name" not in entries[0].values


@pytest.mark.parametrize(("data", "message"), [
    (b"", texts.IMPORT_EMPTY),
    (b"  \r\n\r\n", texts.IMPORT_EMPTY),
    (b"\x00\x01\x02binary\xff" * 10, texts.IMPORT_BINARY),
    (b"%PDF-1.7\n%\xe2\xe3", texts.IMPORT_BINARY),
    (b"PK\x03\x04 not really a zip", texts.IMPORT_BINARY),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, texts.IMPORT_OLD_EXCEL),
    (b"Nachname|Vorname|Klasse\nA|B|C\n", texts.IMPORT_NO_SEPARATOR),
    (b"Nachname Vorname\nA B\n", texts.IMPORT_NO_SEPARATOR),
    (b"\xef\xbb\xbfNachname;Vorname\n\xff\xfe;x\n", texts.IMPORT_BAD_UTF8),
    (b"Nachname;Vorname\n\x07;\x1b\n", texts.IMPORT_BINARY),
])
def test_broken_files_are_refused_as_a_whole(data, message):
    with pytest.raises(FileRefused) as refused:
        read_table("kaputt.csv", data)
    assert str(refused.value) == message


def test_too_large_and_too_many_rows():
    with pytest.raises(FileRefused, match="zu groß"):
        read_table("gross.csv", b"a;b\n" + b"x" * MAX_BYTES)
    rows = b"Nachname;Vorname\n" + b"A;B\n" * (MAX_ROWS + 1)
    with pytest.raises(FileRefused, match=r"mehr als 50\.000 Zeilen"):
        read_table("lang.csv", rows)


def test_ragged_rows_and_a_wrong_separator_in_the_data():
    data = b"Nachname;Vorname;Klasse\nA;B;C\nA;B\nA;B;C;D\nA,B,C\nA;B;C;\n"
    table = read_table("r.csv", data)
    reasons = {r.line: [p.reason for p in r.problems] for r in table.rows}
    assert reasons[2] == [] and reasons[6] == []  # a trailing separator is harmless
    for line, found in ((3, 2), (4, 4), (5, 1)):
        assert reasons[line] == [texts.IMPORT_RAGGED.format(found=found, expected=3)]


def test_a_bom_in_the_middle_marks_its_row():
    data = "Nachname;Vorname\nA;B\n\ufeffNachname;Vorname\nC;D\n".encode()
    table = read_table("zwei.csv", data)
    assert [r.line for r in table.rows if r.problems] == [3]
    assert table.rows[1].problems[0].reason == texts.IMPORT_BOM_INSIDE


def test_quoted_newline_keeps_line_numbers():
    table = read_table("q.csv", b'Nachname;Vorname\n"A\nB";C\nD;E\n')
    assert [r.line for r in table.rows] == [2, 4]


def test_unclosed_quote_is_refused():
    data = b'Nachname;Vorname\n"A;B\n' + b"C;D\n" * 10
    table = read_table("q.csv", data)  # the csv module reads to the end: one row with the rest in it
    assert table.rows and table.rows[0].problems


# --- headers --------------------------------------------------------------------------------------------------------

def test_lusd_headers_and_the_pupils_own_address_left_out():
    headers = LUSD_HEADER.split(";")
    found = dict(zip(headers, f.recognise(headers), strict=True))
    assert found["Nachname"] == "last_name" and found["Ausbildungsbetrieb"] == "company_name"
    assert found["PLZ"] == found["Ort"] == found["Strasse"] == found["Telefon"] == found["Geschlecht"] == ""
    assert found["Betrieb PLZ"] == "company_postcode"


def test_magellan_company_file_takes_the_address_as_the_companys():
    headers = MAGELLAN_COMPANIES.splitlines()[0].split(";")
    assert f.recognise(headers) == ["company_code", "company_name", "company_street", "company_postcode",
                                    "company_city", "company_email", "company_sector", "company_chamber"]


def test_magellan_and_webuntis_headers():
    assert f.recognise(MAGELLAN_TRAINING.splitlines()[0].split(";")) == [
        "first_name", "last_name", "birth_date", "company_code", "occupation", "contract_start", "contract_end",
        "trainer_last_name", "trainer_first_name", "trainer_email"]
    headers = WEBUNTIS.splitlines()[0].split(",")
    assert f.recognise(headers)[:6] == ["last_name", "first_name", "class_name", "birth_date", "", "pupil_id"]


def test_a_profile_maps_unknown_headers_and_keeps_recognising_the_rest():
    headers = ["Zuname", "Rufname", "Lehrbetrieb", "Geburtsdatum"]
    assert f.recognise(headers) == ["last_name", "first_name", "", "birth_date"]
    fields = f.from_profile(headers, {"Lehrbetrieb": "company_name", "Zuname": "", "Name": "last_name"})
    assert fields == ["", "first_name", "company_name", "birth_date"]
    assert f.to_profile(headers, fields)["Lehrbetrieb"] == "company_name"


def test_mapping_problems():
    assert f.mapping_problems(["last_name", "first_name"]) == []
    assert f.mapping_problems(["company_name"]) == []
    assert f.mapping_problems(["", "birth_date"]) == [texts.IMPORT_NOTHING_MAPPED]
    assert f.mapping_problems(["last_name", "company_name"]) == [texts.IMPORT_NAME_INCOMPLETE]
    twice = texts.IMPORT_FIELD_TWICE.format(field="Nachname")
    assert f.mapping_problems(["last_name", "last_name", "first_name"]) == [twice]


# --- values ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("03.04.2008", date(2008, 4, 3)), ("3.4.2008", date(2008, 4, 3)), ("2008-04-03", date(2008, 4, 3)),
    (date(2008, 4, 3), date(2008, 4, 3)), ("", None), (" ", None),
])
def test_dates(raw, expected):
    assert v.parse_date(raw) == expected


@pytest.mark.parametrize(("raw", "message"), [
    ("31.02.2008", texts.IMPORT_INVALID_DATE), ("03.04.08", texts.IMPORT_BAD_DATE), ("morgen", texts.IMPORT_BAD_DATE),
    ("04/03/2008", texts.IMPORT_BAD_DATE),
])
def test_bad_dates(raw, message):
    with pytest.raises(v.BadValue) as bad:
        v.parse_date(raw)
    assert str(bad.value) == message.format(value=raw)


def test_occupations_by_code_name_gender_form_and_track():
    fi, kbm, im = (v.Occupation(uuid4(), "FI", "Fachinformatiker/-in"),
                   v.Occupation(uuid4(), "KBM", "Kaufmann/-frau für Büromanagement"),
                   v.Occupation(uuid4(), "IM", "Industriemechaniker/-in"))
    finder = v.OccupationFinder([fi, kbm, im])
    assert finder.find("fi") == (fi, None)
    assert finder.find("Fachinformatiker (m/w/d)") == (fi, None)
    assert finder.find("Fachinformatikerin") == (fi, None)
    assert finder.find("Fachinformatiker/-in Fachrichtung Systemintegration") == (fi, "Systemintegration")
    assert finder.find("Fachinformatikerin für Daten- und Prozessanalyse") == (fi, "Daten- und Prozessanalyse")
    assert finder.find("Kauffrau für Büromanagement") == (kbm, None)
    assert finder.find("Industriemechanikerin") == (im, None)
    with pytest.raises(v.BadValue):
        finder.find("Bäcker/-in")


def test_postcodes_chambers_schedules_names():
    assert v.parse_postcode("1067") == "01067" and v.parse_postcode("") is None
    with pytest.raises(v.BadValue):
        v.parse_postcode("D-60311")
    assert v.parse_chamber("IHK Gießen-Friedberg") == "IHK"
    assert v.parse_chamber("Handwerkskammer Wiesbaden") == "HWK" and v.parse_chamber("Ärztekammer") == "sonstige"
    assert v.parse_schedule("Blockunterricht") == "blockunterricht" and v.parse_schedule("TZ") == "teilzeitunterricht"
    assert v.split_name("Schmidt, Anna") == ("Anna", "Schmidt") and v.split_name("Anna Maria Schmidt") == (
        "Anna Maria", "Schmidt")
    assert default_probation_end(date(2026, 8, 1)) == date(2026, 11, 30)
    assert default_probation_end(date(2026, 10, 31)) == date(2027, 2, 28)


# --- the plan -------------------------------------------------------------------------------------------------------

FI = v.Occupation(uuid4(), "FI", "Fachinformatiker/-in")
KBM = v.Occupation(uuid4(), "KBM", "Kaufmann/-frau für Büromanagement")
FI26A = KnownClass(uuid4(), "FI26a", 2026, FI.id, "blockunterricht")
RMD = KnownCompany(uuid4(), "Rhein-Main Datentechnik GmbH", "Frankfurt am Main", "60327", None, None, None, "IHK",
                   "RMD", uuid4(), True)


def _state(apprentices=()) -> SchoolState:
    return SchoolState(uuid4(), TODAY, [FI, KBM], [FI26A], [RMD], list(apprentices), [])


def _plan(data: bytes, state: SchoolState, name: str = "x.csv"):
    table = read_table(name, data)
    fields = f.recognise(table.headers)
    return make_plan(interpret(table, fields), state, fields)


def test_lusd_file_plans_new_apprentices_a_new_company_and_class_links():
    plan = _plan(lusd(), _state())
    assert plan.refused == []
    assert plan.summary()["apprentices"] == {"created": 2, "updated": 0, "unchanged": 0}
    assert plan.summary()["companies"] == {"created": 1, "updated": 0, "unchanged": 1}
    assert plan.summary()["cooperations"] == {"created": 1, "updated": 0, "unchanged": 1}
    assert plan.summary()["classes"] == {"created": 0, "updated": 0, "unchanged": 1}
    new = {a["last_name"]: a for a in plan.new_apprentices}
    assert new["Müller"]["company_id"] == RMD.id and new["Müller"]["class_id"] == FI26A.id
    assert new["Weiß"]["track"] == "Systemintegration" and new["Weiß"]["probation_end"] == date(2026, 12, 31)
    assert plan.new_companies[0]["name"] == "Öko-Büro Schäfer GmbH" and plan.new_companies[0]["chamber"] == "sonstige"


def test_same_file_against_its_own_result_changes_nothing():
    first = _plan(lusd(), _state())
    known = [KnownApprentice(a["id"], a["pupil_id"], a["last_name"], a["first_name"], a["birth_date"],
                             a["class_id"], a["company_id"], a["occupation_id"], a["track"], a["contract_start"],
                             a["contract_end"], a["probation_end"], a["status"], a["dissolved_on"])
             for a in first.new_apprentices]
    new = first.new_companies[0]
    state = _state(known)
    state.companies.append(KnownCompany(new["id"], new["name"], new["city"], new["postcode"], None, None, None,
                                        "sonstige", None, uuid4(), True))
    again = _plan(lusd(), state)
    assert again.changes == 0 and again.refused == []
    assert again.summary()["apprentices"]["unchanged"] == 2


def _known(**changes) -> KnownApprentice:
    base = {"id": uuid4(), "pupil_id": None, "last_name": "Müller", "first_name": "Jörg",
            "birth_date": date(2008, 4, 3), "class_id": FI26A.id, "company_id": RMD.id, "occupation_id": FI.id,
            "track": None, "contract_start": date(2026, 8, 1), "contract_end": date(2029, 7, 31),
            "probation_end": date(2026, 11, 30), "status": "aktiv", "dissolved_on": None}
    return KnownApprentice(**{**base, **changes})


def test_match_by_name_and_birthday_then_by_pupil_id():
    known = _known(first_name="JÖRG ")
    plan = _plan(MAGELLAN_TRAINING.encode(), _state([known]))
    assert plan.refused == [] and plan.apprentice_updates == [{"id": known.id, "first_name": "Jörg"}]
    assert plan.summary()["contacts"]["created"] == 1 and plan.new_contacts[0]["email"] == "m.brandt@rmd.example"
    by_id = _known(pupil_id="WU-17", last_name="Alt", first_name="Name", birth_date=date(2008, 2, 2))
    plan = _plan(WEBUNTIS.encode("cp1252"), _state([by_id]))
    assert plan.apprentice_updates and plan.apprentice_updates[0]["last_name"] == "Groß"


def test_a_pupil_missing_from_the_file_is_listed_not_deleted():
    other = _known(last_name="Fehlt", first_name="Frieda", birth_date=date(2007, 1, 1))
    plan = _plan(lusd(), _state([other]))
    assert plan.missing == [("Fehlt, Frieda", "FI26a")]
    assert not any(a["id"] == other.id for a in plan.apprentice_updates)


def test_a_dissolution_date_records_an_ended_contract():
    data = (LUSD_HEADER + ";Lösungsdatum\r\n" + LUSD_ROWS[0] + ";15.10.2026\r\n").encode("cp1252")
    plan = _plan(data, _state([_known()]))
    assert plan.apprentice_updates == [{"id": plan.apprentice_updates[0]["id"], "status": "geloest",
                                        "dissolved_on": date(2026, 10, 15)}]


@pytest.mark.parametrize(("row", "column", "message"), [
    ("Müller;;m;03.04.2008;FI26a;;;;;FI;RMD-Firma;60327;Frankfurt;01.08.2026;31.07.2029", "Vorname",
     texts.IMPORT_REQUIRED.format(field="Vorname")),
    ("Neu;Nora;w;03.04.2030;FI26a;;;;;FI;Rhein-Main Datentechnik GmbH;60327;F;01.08.2026;31.07.2029",
     "Geburtsdatum", texts.IMPORT_BIRTH_FUTURE),
    ("Neu;Nora;w;03.04.2008;FI26a;;;;;Bäcker;Rhein-Main Datentechnik GmbH;60327;F;01.08.2026;31.07.2029",
     "Ausbildungsberuf", texts.IMPORT_UNKNOWN_OCCUPATION.format(value="Bäcker")),
    ("Neu;Nora;w;03.04.2008;FI26a;;;;;FI;Rhein-Main Datentechnik GmbH;60327;F;01.08.2026;31.07.2025",
     "Ausbildungsende", texts.IMPORT_END_BEFORE_START),
    ("Neu;Nora;w;03.04.2008;FI26a;;;;;KBM;Rhein-Main Datentechnik GmbH;60327;F;01.08.2026;31.07.2029",
     "Ausbildungsberuf", texts.IMPORT_CLASS_OTHER_OCCUPATION.format(name="FI26a", occupation=FI.name)),
    ("Neu;Nora;w;03.04.2008;FI26a;;;;;FI;Unbekannt GmbH;;;01.08.2026;31.07.2029",
     "Betrieb Ort", texts.IMPORT_COMPANY_CITY_MISSING.format(name="Unbekannt GmbH")),
    ("Neu;Nora;w;03.04.2008;;;;;;FI;Rhein-Main Datentechnik GmbH;60327;F;01.08.2026;31.07.2029",
     "Klasse", texts.IMPORT_REQUIRED.format(field="Klasse")),
    ("Neu;Nora;w;03.04.2008;FI26a;;;;;FI;Rhein-Main Datentechnik GmbH;60327;F;;31.07.2029",
     "Ausbildungsbeginn", texts.IMPORT_REQUIRED.format(field="Ausbildungsbeginn")),
    ("Neu;Nora;w;03.04.2008;XY99;;;;;FI;Rhein-Main Datentechnik GmbH;60327;F;;31.07.2029",
     "Ausbildungsbeginn", texts.IMPORT_CLASS_NEEDS_START.format(name="XY99")),
])
def test_refused_rows_name_line_column_and_reason(row, column, message):
    plan = _plan((LUSD_HEADER + "\n" + LUSD_ROWS[0] + "\n" + row + "\n").encode(), _state())
    assert [(p.line, p.column, p.reason) for p in plan.refused] == [(3, column, message)]
    assert plan.summary()["apprentices"]["created"] == 1  # the good row stays


def test_a_duplicate_row_is_refused_and_a_refused_row_creates_nothing():
    bad_company = LUSD_ROWS[1].replace("01.09.2026", "31.13.2026")
    plan = _plan((LUSD_HEADER + "\n" + LUSD_ROWS[0] + "\n" + LUSD_ROWS[0] + "\n" + bad_company + "\n").encode(),
                 _state())
    assert [(p.line, p.reason) for p in plan.refused] == [
        (3, texts.IMPORT_DUPLICATE.format(line=2)), (4, texts.IMPORT_INVALID_DATE.format(value="31.13.2026"))]
    assert plan.new_companies == [] and plan.summary()["apprentices"]["created"] == 1


def test_company_file_creates_companies_and_pairs_with_codes():
    plan = _plan(MAGELLAN_COMPANIES.encode(), _state())
    assert plan.refused == []
    assert plan.summary()["companies"] == {"created": 1, "updated": 1, "unchanged": 0}
    assert plan.company_updates == [{"id": RMD.id, "street": "Hanauer Landstr. 1", "email": "info@rmd.example",
                                     "sector": "IT-Dienstleistungen"}]
    assert plan.new_companies[0]["chamber"] == "HWK"
    assert plan.new_cooperations[0]["company_code"] == "BAE"


def test_another_schools_company_is_linked_not_created_twice():
    state = _state()
    elsewhere = uuid4()
    state.elsewhere[("öko-büro schäfer gmbh", "63067")] = elsewhere
    plan = _plan(lusd(), state)
    assert plan.new_companies == []
    assert {c["company_id"] for c in plan.new_cooperations} == {elsewhere}


def test_the_code_finds_the_company_whose_name_changed():
    data = b"Kuerzel;Name1;PLZ;Ort\nRMD;Rhein-Main Datentechnik AG;60327;Frankfurt am Main\n"
    plan = _plan(data, _state())
    assert plan.refused == [] and plan.company_updates == [{"id": RMD.id, "name": "Rhein-Main Datentechnik AG"}]
