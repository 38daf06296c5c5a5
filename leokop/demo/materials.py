"""Demo materials and one joint project: a PDF with two versions, a link, a text file, comments and milestones.

Loaded with owner rights in the seed's transaction, but each row is written with the author's claims set
(auth.uid()), so that the audit trail of sql/015 names who did what. Ids are stable; loading twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

import psycopg
from fpdf import FPDF

from leokop.demo.seed import _id, demo_class_id

FI25A = ("mainufer", "FI", 1, "a")


@dataclass(frozen=True)
class DemoFile:
    filename: str
    mime: str
    kind: str
    data: bytes


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A small PDF with a title and a few lines; fixed creation date so that the bytes never change."""
    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 1, 1))
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


NETWORK_V1 = DemoFile("netzwerkplanung_arztpraxis.pdf", "application/pdf", "pdf", demo_pdf(
    "Netzwerkplanung für eine Arztpraxis", [
        "Arbeitsblatt zu LF3 Clients in Netzwerke einbinden.",
        "1. Erfassen Sie die Arbeitsplätze der Praxis (Empfang, zwei Behandlungsräume, Labor).",
        "2. Planen Sie die Verkabelung und die IP-Adressen (IPv4 und IPv6).",
    ]))
NETWORK_V2 = DemoFile("netzwerkplanung_arztpraxis.pdf", "application/pdf", "pdf", demo_pdf(
    "Netzwerkplanung für eine Arztpraxis", [
        "Arbeitsblatt zu LF3 Clients in Netzwerke einbinden (überarbeitet vom Betrieb).",
        "1. Erfassen Sie die Arbeitsplätze der Praxis (Empfang, zwei Behandlungsräume, Labor).",
        "2. Planen Sie die Verkabelung und die IP-Adressen (IPv4 und IPv6).",
        "3. Trennen Sie das Gäste-WLAN vom Praxisnetz (VLAN).",
    ]))
CHECKLIST = DemoFile("checkliste_arbeitsplatz.txt", "text/plain", "text", (
    "Checkliste: Arbeitsplatz nach Kundenwunsch einrichten\n"
    "- Anforderungen des Kunden aufnehmen\n- Hardware auswählen und Angebote vergleichen\n"
    "- Betriebssystem installieren, Updates, Virenschutz\n- Übergabe mit Protokoll\n").encode())
SERVICE = DemoFile("serviceanfragen_leitfaden.pdf", "application/pdf", "pdf", demo_pdf(
    "Leitfaden Serviceanfragen", ["Ticket aufnehmen, priorisieren, lösen, dokumentieren."]))

# (key, cooperation, author, scope, class key, occupation, kind/url, title, description, tags, LF codes, positions,
#  versions: [(file, author, note, days ago)], comments: [(author, text, days ago)], days ago shared)
MATERIALS = (
    ("netzwerk", ("mainufer", "rmd"), "ausbilder", "kooperation", None, "FI", None,
     "Netzwerkplanung für eine Arztpraxis", "Arbeitsblatt mit Praxisfall: Arbeitsplätze, Verkabelung, "
     "IP-Adressen. Passt zum Betriebseinsatz in der Netzwerkabteilung.", ["Netzwerk", "Praxisfall", "VLAN"],
     ("LF3",), ("A4",),
     ((NETWORK_V1, "ausbilder", "erste Fassung", 40), (NETWORK_V2, "ausbilder", "Aufgabe 3 zum Gäste-WLAN", 12)),
     (("lehrkraft", "Danke! Wir nehmen das im nächsten Block als Einstieg in LF3.", 30),
      ("ausbilder", "Aufgabe 3 ergänzt, wie besprochen.", 12)), 40),
    ("grundschutz", ("mainufer", "rmd"), "lehrkraft", "klasse", ("FI", 1, "a"), "FI",
     "https://www.bsi.bund.de/DE/Themen/Unternehmen-und-Organisationen/Standards-und-Zertifizierung/"
     "IT-Grundschutz/IT-Grundschutz-Kompendium/it-grundschutz-kompendium_node.html",
     "BSI IT-Grundschutz-Kompendium", "Grundlage für die Schutzbedarfsanalyse in LF4; bitte im Betrieb ein "
     "Beispiel aus dem eigenen Arbeitsbereich mitbringen.", ["Sicherheit", "Schutzbedarf"], ("LF4",), ("A6",),
     (), (("ausbilder2", "Wir haben dazu eine interne Schulung – gerne für alle Azubis der Klasse.", 5),), 20),
    ("checkliste", ("mainufer", "rmd"), "lehrkraft", "beruf_schule", None, "FI", None,
     "Checkliste Arbeitsplatz einrichten", "Kurze Checkliste für Aufträge im ersten Ausbildungsjahr.",
     ["Checkliste", "Kundenauftrag"], ("LF2",), ("A1",), ((CHECKLIST, "lehrkraft", None, 60),), (), 60),
    ("service", ("mainufer", "taunus"), "ausbilder2", "kooperation", None, "FI", None,
     "Leitfaden Serviceanfragen", "Wie wir Tickets im Betrieb bearbeiten.", ["Service", "Ticket"], ("LF6",), (),
     ((SERVICE, "ausbilder2", None, 25),), (), 25),
)

PROJECT_KEY = "arztpraxis"
PROJECT_COOPS = (("mainufer", "rmd"), ("mainufer", "taunus"))
# (title, days from today, done)
MILESTONES = (("Auftakt mit beiden Betrieben", -21, True), ("Netzplan abgeben", 14, False),
              ("Präsentation in der Schule", 45, False))


def load_materials(conn: psycopg.Connection, today: date) -> None:
    """The demo materials and the joint project (caller's transaction, owner rights)."""
    now = datetime.combine(today, datetime.min.time()).astimezone()
    for (key, coop, author, scope, class_key, occupation, url, title, description, tags, lfs, positions,
         versions, comments, days_ago) in MATERIALS:
        material_id = _id("material", key)
        if conn.execute("select 1 from public.materials where id = %s", (material_id,)).fetchone():
            continue
        _as(conn, author)
        first = versions[0][0] if versions else None
        conn.execute(
            "insert into public.materials (id, cooperation_id, school_id, occupation_id, scope, class_id, kind,"
            " title, description, url, tags, current_version, owner_id, created_at)"
            " values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (material_id, _id("cooperation", "/".join(coop)), _id("school", coop[0]), _id("occupation", occupation),
             scope, demo_class_id(coop[0], *class_key) if class_key else None, first.kind if first else "link",
             title, description, url, tags, len(versions), _id("user", author), now - timedelta(days=days_ago)))
        conn.execute("insert into public.material_learning_fields (material_id, learning_field_id, occupation_id)"
                     " select %s, unnest(%s::uuid[]), %s",
                     (material_id, [_id("lf", f"{occupation}/{c}") for c in lfs], _id("occupation", occupation)))
        conn.execute("insert into public.material_positions (material_id, training_position_id, occupation_id)"
                     " select %s, unnest(%s::uuid[]), %s",
                     (material_id, [_id("position", f"{occupation}/{n}") for n in positions],
                      _id("occupation", occupation)))
        for number, (file, who, note, ago) in enumerate(versions, start=1):
            _as(conn, who)
            version_id = _id("material_version", f"{key}/{number}")
            conn.execute(
                "insert into public.material_versions (id, material_id, number, filename, mime, size_bytes, sha256,"
                " note, created_by, created_at) values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (version_id, material_id, number, file.filename, file.mime, len(file.data),
                 hashlib.sha256(file.data).hexdigest(), note, _id("user", who), now - timedelta(days=ago)))
            conn.execute("insert into public.material_blobs (version_id, content) values (%s, %s)",
                         (version_id, file.data))
        for who, body, ago in comments:
            _as(conn, who)
            conn.execute("insert into public.material_comments (material_id, author_id, body, created_at)"
                         " values (%s, %s, %s, %s)", (material_id, _id("user", who), body, now - timedelta(days=ago)))
    _load_project(conn, today)
    conn.execute("select set_config('request.jwt.claims', '', true)")


def _load_project(conn: psycopg.Connection, today: date) -> None:
    project_id = _id("project", PROJECT_KEY)
    if conn.execute("select 1 from public.projects where id = %s", (project_id,)).fetchone():
        return
    _as(conn, "lehrkraft")
    school = _id("school", "mainufer")
    conn.execute(
        "insert into public.projects (id, school_id, title, goal, starts_on, ends_on, status, created_by)"
        " values (%s, %s, %s, %s, %s, %s, 'laufend', %s)",
        (project_id, school, "Netzwerk für eine Arztpraxis",
         "Die Azubis beider Betriebe planen in gemischten Teams das Netzwerk einer Arztpraxis, vom Kundengespräch "
         "bis zur Präsentation; Schule (LF3, LF4) und Betrieb (Netzwerkabteilung) begleiten gemeinsam.",
         today - timedelta(days=28), today + timedelta(days=60), _id("user", "lehrkraft")))
    for coop in PROJECT_COOPS:
        conn.execute("insert into public.project_cooperations (project_id, cooperation_id, school_id)"
                     " values (%s, %s, %s)", (project_id, _id("cooperation", "/".join(coop)), school))
    conn.execute("insert into public.project_learning_fields (project_id, learning_field_id)"
                 " values (%s, %s), (%s, %s)", (project_id, _id("lf", "FI/LF3"), project_id, _id("lf", "FI/LF4")))
    conn.execute("insert into public.project_positions (project_id, training_position_id) values (%s, %s)",
                 (project_id, _id("position", "FI/A4")))
    conn.execute("insert into public.project_materials (project_id, material_id) values (%s, %s), (%s, %s)",
                 (project_id, _id("material", "netzwerk"), project_id, _id("material", "grundschutz")))
    # two apprentices of each company from the shared class FI25a
    conn.execute(
        """
        insert into public.project_apprentices (project_id, apprentice_id)
        select %s, id from (
          select a.id, row_number() over (partition by a.company_id order by a.last_name, a.first_name) as n
          from public.apprentices a
          where a.class_id = %s and a.company_id = any(%s::uuid[]) and a.status = 'aktiv') x
        where n <= 2
        """,
        (project_id, demo_class_id(*FI25A), [_id("company", c) for _s, c in PROJECT_COOPS]))
    for title, offset, done in MILESTONES:
        due = today + timedelta(days=offset)
        conn.execute(
            "insert into public.project_milestones (id, project_id, title, due_on, done_at, created_by)"
            " values (%s, %s, %s, %s, %s, %s)",
            (_id("milestone", f"{PROJECT_KEY}/{title}"), project_id, title, due,
             datetime.combine(due, datetime.min.time()).astimezone() if done else None, _id("user", "lehrkraft")))


def _as(conn: psycopg.Connection, username: str) -> None:
    """Let auth.uid() name the author inside the owner's transaction (for the audit trail's triggers)."""
    conn.execute("select set_config('request.jwt.claims', %s, true)",
                 (json.dumps({"sub": str(_id("user", username)), "role": "authenticated"}),))


def demo_file(key: str, number: int) -> bytes:
    """The bytes of a demo version (for tests)."""
    versions = next(m[12] for m in MATERIALS if m[0] == key)
    return versions[number - 1][0].data


def material_ids() -> dict[str, UUID]:
    return {m[0]: _id("material", m[0]) for m in MATERIALS}
