"""Shared materials (metadata only): about 1.1 per apprentice, so Hessen holds about 100,000.

Each material is shared in the pair of a random apprentice (so busy pairs share more), for the pair (60 %), the
apprentice's class (25 %) or the occupation at the school (15 %), by the class's teacher or the company's trainer,
on a day of the last three years. Files get 1-3 versions whose bytes are not generated: their rows carry a storage
key instead (as in Supabase mode), which sql/015 accepts without a blob. Titles and descriptions combine a kind of
material with the Lernfeld's title, so the German full-text search has real words to stem.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from leokop.demo.catalog import OCCUPATIONS
from leokop.scale.copytext import Days, line, rng_for, uuids
from leokop.scale.model import Model
from leokop.scale.rows_master import Catalog

MATERIALS_PER_APPRENTICE = 1.1
SCOPES = ("kooperation", "klasse", "beruf_schule")
SCOPE_WEIGHTS = (0.60, 0.25, 0.15)
KINDS = ("link", "pdf", "dokument", "tabelle", "praesentation", "bild", "text")
KIND_WEIGHTS = (0.20, 0.40, 0.15, 0.08, 0.10, 0.04, 0.03)
MIME = {"pdf": ("application/pdf", "pdf"), "dokument": ("application/vnd.oasis.opendocument.text", "odt"),
        "tabelle": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        "praesentation": ("application/vnd.ms-powerpoint", "ppt"), "bild": ("image/png", "png"),
        "text": ("text/plain", "txt")}
TITLES = ("Arbeitsblatt", "Übungsaufgaben", "Praxisfall", "Checkliste", "Lernsituation", "Projektauftrag",
          "Musterlösung", "Präsentation", "Leitfaden", "Wiederholung vor der Prüfung")
DESCRIPTIONS = (
    "Für den Einsatz im Betrieb und im Unterricht; bitte Rückmeldung, was sich bewährt hat.",
    "Aufgaben mit steigendem Schwierigkeitsgrad, Lösungen im Anhang.",
    "Aus einem echten Kundenauftrag abgeleitet, anonymisiert.",
    "Zur Vorbereitung auf die Zwischenprüfung und die Abschlussprüfung Teil 1.",
)
TAGS = ("Prüfung", "Praxis", "Gruppenarbeit", "Einstieg", "Vertiefung", "Kundenauftrag", "Selbstlernen", "Projekt")
YEARS_BACK = 3 * 365


@dataclass(frozen=True)
class Materials:
    """Per material: ids, apprentice it was drawn from, scope and kind indexes, day shared, versions."""
    ids: list[str]
    apprentice: np.ndarray
    scope: np.ndarray
    kind: np.ndarray
    day: np.ndarray
    versions: np.ndarray
    topic: np.ndarray  # random numbers that pick title, description, tags and Lernfeld


def count(m: Model) -> int:
    return round(m.n * MATERIALS_PER_APPRENTICE)


def draw(m: Model, n: int) -> Materials:
    rng = rng_for(m.seed, "materials")
    kind = rng.choice(len(KINDS), n, p=KIND_WEIGHTS)
    return Materials(
        ids=uuids(rng, n),
        apprentice=rng.integers(0, m.n, n),
        scope=rng.choice(len(SCOPES), n, p=SCOPE_WEIGHTS),
        kind=kind,
        day=m.today.toordinal() - rng.integers(0, YEARS_BACK, n),
        versions=np.where(kind == 0, 0, rng.choice([1, 2, 3], n, p=[0.7, 0.2, 0.1])),
        topic=rng.random((n, 5)),
    )


def _lf(cat: Catalog, occ: int, r: float) -> tuple[str, str]:
    """(id, title) of a Lernfeld of the occupation."""
    j = int(r * len(cat.learning_fields[occ]))
    return cat.learning_fields[occ][j].id, OCCUPATIONS[occ].learning_fields[j].title


def material_rows(m: Model, cat: Catalog, mat: Materials, days: Days) -> Iterator[str]:
    for k, material_id in enumerate(mat.ids):
        i = int(mat.apprentice[k])
        occ, scope, kind = int(m.a_occ[i]), SCOPES[mat.scope[k]], KINDS[mat.kind[k]]
        r = mat.topic[k]
        _lf_id, lf_title = _lf(cat, occ, r[0])
        title = f"{TITLES[int(r[1] * len(TITLES))]}: {lf_title}"
        tags = "{" + ",".join(sorted({TAGS[int(r[2] * len(TAGS))], TAGS[int(r[3] * len(TAGS))]})) + "}"
        owner = m.teacher_ids[int(m.a_class[i])] if r[4] < 0.5 else m.trainer_ids[int(m.a_company[i])]
        url = f"https://lernmaterial.example.org/{material_id}" if kind == "link" else None
        yield line(material_id, m.coop_ids[int(m.a_coop[i])], m.school_ids[int(m.a_school[i])], cat.occupation_ids[occ],
                   scope, m.class_ids[int(m.a_class[i])] if scope == "klasse" else None, kind, title,
                   DESCRIPTIONS[int(r[3] * len(DESCRIPTIONS))], url, tags, int(mat.versions[k]), owner,
                   days.at(int(mat.day[k]), 10))


def version_rows(m: Model, mat: Materials, days: Days) -> Iterator[str]:
    rng = rng_for(m.seed, "material-versions")
    total = int(mat.versions.sum())
    ids, sizes = uuids(rng, total), rng.integers(20_000, 5_000_000, total).tolist()
    hashes = rng.integers(0, 256, (total, 32), dtype=np.uint8)
    n = 0
    for k, material_id in enumerate(mat.ids):
        if not mat.versions[k]:
            continue
        mime, ext = MIME[KINDS[mat.kind[k]]]
        owner_day = int(mat.day[k])
        for number in range(1, int(mat.versions[k]) + 1):
            yield line(ids[n], material_id, number, f"material_{number}.{ext}", mime, sizes[n],
                       hashes[n].tobytes().hex(), f"synthetic/{material_id}/{ids[n]}",
                       days.at(min(owner_day + 7 * (number - 1), m.today.toordinal()), 10))
            n += 1


def learning_field_rows(m: Model, cat: Catalog, mat: Materials) -> Iterator[str]:
    for k, material_id in enumerate(mat.ids):
        occ = int(m.a_occ[int(mat.apprentice[k])])
        yield line(material_id, _lf(cat, occ, mat.topic[k][0])[0], cat.occupation_ids[occ])
