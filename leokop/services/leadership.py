"""Leadership figures into German tables, key figures, the monthly trend and the one-page report.

Pure functions over the frames of `repo.leadership.figures` (no SQL, no Streamlit). They never compute a figure
the database did not return, except shares of two returned counts and the merge of monthly rows; suppressed
values (NULL from the database) are shown as "< 5" and never turned into numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from leokop import texts
from leokop.formats import german_number
from leokop.repo.leadership import Figures
from leokop.services.exports import PdfBars, PdfReport, PdfTable

# Share of training contracts dissolved early, Germany 2023 (BIBB Datenreport; 157,974 contracts): MISSION.md.
NATIONAL_DISSOLUTION_RATE = 29.7
SUPPRESSED = texts.SUPPRESSED


def school_year_label(year: int) -> str:
    """2026 -> "2026/27"."""
    return f"{year}/{(year + 1) % 100:02d}"


def month_label(month: date) -> str:
    """date(2026, 11, 1) -> "Nov. 2026"."""
    return f"{texts.LEAD_MONTHS[month.month - 1]} {month.year}"


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _count(value):
    return SUPPRESSED if _missing(value) else int(value)


def _number(value):
    return SUPPRESSED if _missing(value) else float(value)


def _blank_or_count(value):
    return None if _missing(value) else int(value)


def _share(part, whole) -> float | None:
    if _missing(part) or _missing(whole) or not whole:
        return None
    return round(100.0 * float(part) / float(whole), 1)


def _rows(frame: pd.DataFrame, dimension: str) -> pd.DataFrame:
    return frame[frame["dimension"] == dimension]


def _one(frame: pd.DataFrame, dimension: str) -> dict | None:
    rows = _rows(frame, dimension)
    return rows.iloc[0].to_dict() if len(rows) else None


# --- Key figures --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFigures:
    apprentices: int | None  # None: suppressed (fewer than 5)
    hidden: int | None  # apprentices in hidden classes (unfiltered view only)
    cooperations: int
    active: int
    dissolved: int | None
    dissolution_rate: float | None
    record_book_percent: float | None
    absence_days_per_apprentice: float | None


def key_figures(figures: Figures) -> KeyFigures:
    total = _one(figures.headcounts, "gesamt") or {}
    hidden = _one(figures.headcounts, "ausgeblendet") or {}
    coop = _one(figures.cooperations, "gesamt") or {}
    dissolved = _one(figures.dissolutions, "gesamt") or {}
    record = _one(figures.record_book, "gesamt") or {}
    absence = _one(figures.absences, "gesamt") or {}

    def opt(row: dict, key: str, kind=float):
        value = row.get(key)
        return None if _missing(value) else kind(value)

    return KeyFigures(
        apprentices=opt(total, "apprentices", int),
        hidden=opt(hidden, "apprentices", int),
        cooperations=opt(coop, "cooperations", int) or 0,
        active=opt(coop, "active", int) or 0,
        dissolved=opt(dissolved, "dissolved", int),
        dissolution_rate=opt(dissolved, "rate_percent"),
        record_book_percent=opt(record, "completion_percent"),
        absence_days_per_apprentice=opt(absence, "days_per_apprentice"),
    )


def metric_values(keys: KeyFigures) -> list[tuple[str, str]]:
    """(label, German value) of the page's metrics and the report's boxes."""
    def num(value, decimals: int) -> str:
        return SUPPRESSED if value is None else german_number(value, decimals, thousands=True)

    dissolutions = SUPPRESSED if keys.dissolved is None else texts.LEAD_METRIC_DISSOLUTIONS_VALUE.format(
        n=german_number(keys.dissolved, thousands=True), rate=num(keys.dissolution_rate, 1))
    return [
        (texts.LEAD_METRIC_APPRENTICES, num(keys.apprentices, 0)),
        (texts.LEAD_METRIC_ACTIVE, texts.LEAD_METRIC_ACTIVE_VALUE.format(
            active=german_number(keys.active, thousands=True), total=german_number(keys.cooperations, thousands=True))),
        (texts.LEAD_METRIC_DISSOLUTIONS, dissolutions),
        (texts.LEAD_METRIC_RECORD_BOOK,
         SUPPRESSED if keys.record_book_percent is None else num(keys.record_book_percent, 1) + " %"),
        (texts.LEAD_METRIC_ABSENCE, num(keys.absence_days_per_apprentice, 2)),
    ]


# --- Tables (display and export) ----------------------------------------------------------------------------------


def headcount_table(figures: Figures) -> pd.DataFrame:
    frame = figures.headcounts
    return pd.DataFrame({
        texts.LEAD_COL_GROUP: frame["dimension"].map(texts.LEAD_DIMENSIONS),
        texts.LEAD_COL_LABEL: [texts.LEAD_ALL if d in ("gesamt", "ausgeblendet") else label
                                for d, label in zip(frame["dimension"], frame["label"], strict=True)],
        texts.LEAD_COL_APPRENTICES: frame["apprentices"].map(_count),
    }, dtype=object)


def cooperation_table(figures: Figures) -> pd.DataFrame:
    frame = figures.cooperations
    period = [texts.LEAD_LAST_30_DAYS if d == "gesamt" else month_label(m)
              for d, m in zip(frame["dimension"], frame["month"], strict=True)]
    return pd.DataFrame({
        texts.LEAD_COL_PERIOD: period,
        texts.LEAD_COL_COOPERATIONS: frame["cooperations"].map(_count),
        texts.LEAD_COL_ACTIVE: frame["active"].map(_count),
        texts.LEAD_COL_ACTIVE_SHARE: [_share(a, c) for a, c in zip(frame["active"], frame["cooperations"],
                                                                    strict=True)],
        texts.LEAD_COL_BY_NOTES: frame["by_notes"].map(_blank_or_count),
        texts.LEAD_COL_BY_GRADES: frame["by_grades"].map(_blank_or_count),
        texts.LEAD_COL_BY_RECORD_BOOK: frame["by_record_book"].map(_blank_or_count),
        texts.LEAD_COL_BY_CASE_COMMENTS: frame["by_case_comments"].map(_blank_or_count),
        texts.LEAD_COL_BY_MATERIALS: frame["by_materials"].map(_blank_or_count),
    }, dtype=object)


def _class_month_keys(frame: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Class and month columns of a class x month table: "Alle" and "Schuljahr" for the sums."""
    classes = [texts.LEAD_ALL if _missing(c) else c for c in frame["class_name"]]
    months = [texts.LEAD_WHOLE_YEAR if _missing(m) else month_label(m) for m in frame["month"]]
    return classes, months


def _class_month_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Totals first, then each class with its months; the month sums at the end."""
    order = {"gesamt": 0, "klasse": 1, "klasse_monat": 1, "monat": 2}
    return frame.assign(
        _o=frame["dimension"].map(order), _c=frame["class_name"].fillna(""),
        _m=frame["month"].map(lambda m: date.min if _missing(m) else m),
    ).sort_values(["_o", "_c", "_m"]).drop(columns=["_o", "_c", "_m"])


def _class_month_table(rows: pd.DataFrame, columns: dict[str, tuple[str, Callable[[object], object]]]) -> pd.DataFrame:
    """A class x month table: class and month, then each header's column through its formatter."""
    frame = _class_month_order(rows)
    classes, months = _class_month_keys(frame)
    return pd.DataFrame({
        texts.LEAD_COL_CLASS: classes,
        texts.LEAD_COL_MONTH: months,
        **{header: frame[column].map(shown).tolist() for header, (column, shown) in columns.items()},
    }, dtype=object)


def absence_table(figures: Figures) -> pd.DataFrame:
    return _class_month_table(figures.absences, {
        texts.LEAD_COL_APPRENTICE_MONTHS: ("apprentice_months", _count),
        texts.LEAD_COL_ABSENCE_DAYS: ("absence_days", _count),
        texts.LEAD_COL_UNEXCUSED_DAYS: ("unexcused_days", _count),
        texts.LEAD_COL_DAYS_PER: ("days_per_apprentice", _number),
        texts.LEAD_COL_UNEXCUSED_PER: ("unexcused_per_apprentice", _number),
    })


def grade_table(figures: Figures) -> pd.DataFrame:
    frame = figures.grades
    table = pd.DataFrame({
        texts.LEAD_COL_OCCUPATION: [texts.LEAD_ALL if _missing(o) else o for o in frame["occupation"]],
        texts.LEAD_COL_LF: [texts.LEAD_DIMENSIONS["gesamt"] if _missing(c) else c for c in frame["code"]],
        texts.LEAD_COL_LF_TITLE: [None if _missing(t) else t for t in frame["title"]],
        texts.LEAD_COL_GRADED: frame["graded"].map(_count).tolist(),
    }, dtype=object)
    for n in range(1, 7):
        table[texts.LEAD_COL_GRADE.format(n=n)] = pd.Series(frame[f"grade_{n}"].map(_count).tolist(), dtype=object)
    table[texts.LEAD_COL_AVERAGE] = pd.Series(frame["average"].map(_number).tolist(), dtype=object)
    return table


def record_book_table(figures: Figures) -> pd.DataFrame:
    return _class_month_table(figures.record_book, {
        texts.LEAD_COL_APPRENTICES: ("apprentices", _count),
        texts.LEAD_COL_DUE: ("due_weeks", _count),
        texts.LEAD_COL_SIGNED: ("signed_weeks", _count),
        texts.LEAD_COL_COMPLETION: ("completion_percent", _number),
    })


def dissolution_table(figures: Figures) -> pd.DataFrame:
    frame = figures.dissolutions[figures.dissolutions["dimension"].isin(["gesamt", "beruf"])]
    return pd.DataFrame({
        texts.LEAD_COL_OCCUPATION: frame["label"].tolist(),
        texts.LEAD_COL_APPRENTICES: frame["apprentices"].map(_count).tolist(),
        texts.LEAD_COL_DISSOLVED: frame["dissolved"].map(_count).tolist(),
        texts.LEAD_COL_IN_PROBATION: frame["in_probation"].map(_count).tolist(),
        texts.LEAD_COL_RATE: frame["rate_percent"].map(_number).tolist(),
        texts.LEAD_COL_REFERENCE: [NATIONAL_DISSOLUTION_RATE] * len(frame),
    }, dtype=object)


def _group_labels(frame: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Group ("Gesamt", "Ausbildungsberuf", "Klasse", "Monat") and label columns of a gesamt/beruf/klasse table."""
    groups = frame["dimension"].map(texts.LEAD_DIMENSIONS).tolist()
    labels = [month_label(m) if d == "monat" else (texts.LEAD_ALL if d == "gesamt" else label)
              for d, label, m in zip(frame["dimension"], frame["label"],
                                     frame["month"] if "month" in frame else [None] * len(frame), strict=True)]
    return groups, labels


def risk_table(figures: Figures) -> pd.DataFrame:
    frame = figures.risks
    groups, labels = _group_labels(frame)
    table = pd.DataFrame({
        texts.LEAD_COL_GROUP: groups,
        texts.LEAD_COL_LABEL: labels,
        texts.LEAD_COL_APPRENTICES: frame["apprentices"].map(_count).tolist(),
        texts.LEAD_COL_FLAGGED: frame["flagged"].map(_count).tolist(),
    }, dtype=object)
    for severity, column in texts.LEAD_COL_SEVERITY.items():
        table[column] = pd.Series(frame[severity].map(_count).tolist(), dtype=object)
    table[texts.LEAD_COL_OPEN_FLAGS] = pd.Series(frame["open_flags"].map(_count).tolist(), dtype=object)
    table[texts.LEAD_COL_FLAGGED_SHARE] = pd.Series(frame["flagged_percent"].map(_number).tolist(), dtype=object)
    return table


def case_table(figures: Figures) -> pd.DataFrame:
    frame = figures.cases
    groups, labels = _group_labels(frame)
    monthly = (frame["dimension"] == "monat").tolist()
    return pd.DataFrame({
        texts.LEAD_COL_GROUP: groups,
        texts.LEAD_COL_LABEL: labels,
        texts.LEAD_COL_OPENED: frame["opened"].map(_count).tolist(),
        texts.LEAD_COL_CLOSED: frame["closed"].map(_count).tolist(),
        # open cases are a state on the reference day: not split by month
        texts.LEAD_COL_OPEN_AT_END: [None if m else _count(v) for m, v in zip(monthly, frame["open_at_end"],
                                                                                strict=True)],
        texts.LEAD_COL_MEDIAN_DAYS: frame["median_days_to_close"].map(_number).tolist(),
    }, dtype=object)


def measure_table(figures: Figures) -> pd.DataFrame:
    frame = figures.measures
    return pd.DataFrame({
        texts.LEAD_COL_MEASURE: [texts.LEAD_ALL if d == "gesamt" else texts.MEASURE_LABELS.get(k, k)
                                 for d, k in zip(frame["dimension"], frame["kind"], strict=True)],
        texts.LEAD_COL_MEASURES: frame["measures"].map(_count).tolist(),
        texts.LEAD_COL_DONE: frame["done"].map(_count).tolist(),
        texts.LEAD_COL_CASES: frame["cases"].map(_count).tolist(),
    }, dtype=object)


def trend(figures: Figures) -> pd.DataFrame:
    """One row per month of the school year up to the reference day: absence days per apprentice and month,
    Berichtsheft completion, share of cooperations active in the month, dissolutions (NaN: no shown data)."""
    months = _rows(figures.dissolutions, "monat")[["month", "dissolved"]].rename(columns={"dissolved": "dissolutions"})
    absence = _rows(figures.absences, "monat")[["month", "days_per_apprentice"]].rename(
        columns={"days_per_apprentice": "absence"})
    record = _rows(figures.record_book, "monat")[["month", "completion_percent"]].rename(
        columns={"completion_percent": "record_book"})
    coop = _rows(figures.cooperations, "monat")
    active = pd.DataFrame({"month": coop["month"],
                           "active": [_share(a, c) for a, c in zip(coop["active"], coop["cooperations"],
                                                                   strict=True)]})
    frame = months
    for other in (absence, record, active):
        frame = frame.merge(other, on="month", how="left")
    frame = frame.sort_values("month").reset_index(drop=True)
    for column in ("absence", "record_book", "active", "dissolutions"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    frame.insert(1, "label", frame["month"].map(month_label))
    return frame


def trend_table(figures: Figures) -> pd.DataFrame:
    frame = trend(figures)

    def value(v):
        return None if _missing(v) else float(v)

    return pd.DataFrame({
        texts.LEAD_COL_MONTH: frame["label"].tolist(),
        texts.LEAD_TREND_TITLES["absence"]: frame["absence"].map(value).tolist(),
        texts.LEAD_TREND_TITLES["record_book"]: frame["record_book"].map(value).tolist(),
        texts.LEAD_TREND_TITLES["active"]: frame["active"].map(value).tolist(),
        texts.LEAD_TREND_TITLES["dissolutions"]: frame["dissolutions"].map(_blank_or_count).tolist(),
    }, dtype=object)


def tables(figures: Figures) -> dict[str, pd.DataFrame]:
    """Every table of the page with German headers, keyed like texts.LEAD_TABLES: numbers, "< 5" where the
    database suppressed a group, empty where a value does not apply."""
    return {
        "auszubildende": headcount_table(figures),
        "kooperationen": cooperation_table(figures),
        "fehlzeiten": absence_table(figures),
        "noten": grade_table(figures),
        "berichtsheft": record_book_table(figures),
        "vertragsloesungen": dissolution_table(figures),
        "risiken": risk_table(figures),
        "faelle": case_table(figures),
        "massnahmen": measure_table(figures),
        "verlauf": trend_table(figures),
    }


def display(table: pd.DataFrame) -> pd.DataFrame:
    """The same table as German text: 1.234 and 0,19; "< 5" and empty cells unchanged."""
    def cell(value) -> str:
        if _missing(value):
            return ""
        if isinstance(value, str):
            return value
        if isinstance(value, float) and not float(value).is_integer():
            return german_number(value, thousands=True)
        if isinstance(value, float):
            return german_number(value, 1, thousands=True)
        return german_number(value, thousands=True)

    return table.apply(lambda column: column.map(cell))


# --- The one-page report ------------------------------------------------------------------------------------------


def report(figures: Figures, *, school_name: str, school_year: int, selection: str, today: date) -> PdfReport:
    """The school conference's page: key figures, the main tables (cut to fit), dissolution rates against the
    national reference."""
    all_tables = tables(figures)
    keys = key_figures(figures)
    head = all_tables["auszubildende"]
    occupations = head[head[texts.LEAD_COL_GROUP].isin(
        [texts.LEAD_DIMENSIONS[d] for d in ("gesamt", "beruf", "ausbildungsjahr")])]
    classes_only = {
        key: display(frame[(frame[texts.LEAD_COL_MONTH] == texts.LEAD_WHOLE_YEAR)].drop(
            columns=[texts.LEAD_COL_MONTH]))
        for key, frame in all_tables.items() if key in ("fehlzeiten", "berichtsheft")
    }
    dissolutions = all_tables["vertragsloesungen"]
    rate_bars = [
        (label, None if rate == SUPPRESSED else float(rate))
        for label, rate in zip(dissolutions[texts.LEAD_COL_OCCUPATION], dissolutions[texts.LEAD_COL_RATE],
                               strict=True)
    ]
    short = texts.LEAD_PDF_COLUMNS
    grades = all_tables["noten"]
    grade_rows = pd.DataFrame({
        short["lf"]: [f"{c} · {o}" if o != texts.LEAD_ALL else c
                      for o, c in zip(grades[texts.LEAD_COL_OCCUPATION], grades[texts.LEAD_COL_LF], strict=True)],
        short["graded"]: grades[texts.LEAD_COL_GRADED],
        short["average"]: grades[texts.LEAD_COL_AVERAGE],
        short["failing"]: [SUPPRESSED if g5 == SUPPRESSED else g5 + g6
                           for g5, g6 in zip(grades[texts.LEAD_COL_GRADE.format(n=5)],
                                             grades[texts.LEAD_COL_GRADE.format(n=6)], strict=True)],
    })
    trend_rows = all_tables["verlauf"].set_axis(
        [short["month"], short["absence"], short["record_book"], short["active"], short["dissolutions"]], axis=1)
    pdf_tables = [
        PdfTable(texts.LEAD_TABLES["auszubildende"], display(occupations.drop(columns=[texts.LEAD_COL_GROUP])),
                 max_rows=8),
        PdfTable(texts.LEAD_TABLES["vertragsloesungen"], display(dissolutions.drop(
            columns=[texts.LEAD_COL_REFERENCE]).set_axis(
            [short["occupation"], short["apprentices"], short["dissolved"], short["probation"], short["rate"]],
            axis=1)), max_rows=6),
        PdfTable(texts.LEAD_TABLES["risiken"], display(_overview_rows(all_tables["risiken"])[
            [texts.LEAD_COL_LABEL, texts.LEAD_COL_APPRENTICES, texts.LEAD_COL_FLAGGED, texts.LEAD_COL_FLAGGED_SHARE,
             texts.LEAD_COL_SEVERITY["kritisch"]]].set_axis(
            [short["occupation"], short["apprentices"], short["flagged"], short["flag_share"],
             texts.LEAD_SEVERITY_LABELS["kritisch"]], axis=1)), max_rows=6),
        PdfTable(texts.LEAD_TABLES["faelle"], display(_overview_rows(all_tables["faelle"])[
            [texts.LEAD_COL_LABEL, texts.LEAD_COL_OPENED, texts.LEAD_COL_CLOSED, texts.LEAD_COL_OPEN_AT_END,
             texts.LEAD_COL_MEDIAN_DAYS]].set_axis(
            [short["occupation"], short["opened"], short["closed"], short["open"], short["median"]], axis=1)),
            max_rows=6),
        PdfTable(texts.LEAD_TAB_ABSENCES + " " + texts.LEAD_BY_CLASS, classes_only["fehlzeiten"][
            [texts.LEAD_COL_CLASS, texts.LEAD_COL_ABSENCE_DAYS, texts.LEAD_COL_UNEXCUSED_DAYS,
             texts.LEAD_COL_DAYS_PER]].set_axis(
            [short["class"], short["absence_days"], short["unexcused"], short["absence"]], axis=1), max_rows=10),
        PdfTable(texts.LEAD_TAB_RECORD_BOOK + " " + texts.LEAD_BY_CLASS, classes_only["berichtsheft"][
            [texts.LEAD_COL_CLASS, texts.LEAD_COL_DUE, texts.LEAD_COL_SIGNED, texts.LEAD_COL_COMPLETION]].set_axis(
            [short["class"], short["due"], short["signed"], short["record_book"]], axis=1), max_rows=10),
        PdfTable(texts.LEAD_TABLES["verlauf"], display(trend_rows), max_rows=12),
        PdfTable(texts.LEAD_TABLES["noten"], display(grade_rows), max_rows=18),
    ]
    return PdfReport(
        title=texts.LEAD_REPORT_TITLE.format(school=school_name),
        subtitle=texts.LEAD_REPORT_SUBTITLE.format(year=school_year_label(school_year), selection=selection,
                                                    day=today.strftime("%d.%m.%Y")),
        metrics=metric_values(keys),
        tables=pdf_tables,
        bars=[PdfBars(texts.LEAD_COL_RATE + " " + texts.LEAD_BY_OCCUPATION, rate_bars, unit=" %",
                      reference=(NATIONAL_DISSOLUTION_RATE, texts.LEAD_REFERENCE_LABEL))],
        notes=[texts.LEAD_SUPPRESSION_NOTE, texts.LEAD_DISSOLUTIONS_NOTE, texts.LEAD_CASES_NOTE],
    )


def _overview_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The total and per-occupation rows of a table with a group column (for the report)."""
    return table[table[texts.LEAD_COL_GROUP].isin([texts.LEAD_DIMENSIONS[d] for d in ("gesamt", "beruf")])]


# --- Rows for the charts ------------------------------------------------------------------------------------------


def dimension_rows(frame: pd.DataFrame, dimension: str, label: str, value: str) -> pd.DataFrame:
    """label and value of one dimension's rows (value NaN where suppressed), in the database's order."""
    rows = _rows(frame, dimension)
    return pd.DataFrame({"label": rows[label].tolist(),
                         "value": pd.to_numeric(rows[value], errors="coerce").tolist()})


def class_month_rows(frame: pd.DataFrame, value: str) -> pd.DataFrame:
    """class_name, German month label and value of the class x month cells (NaN where suppressed)."""
    rows = _rows(frame, "klasse_monat").sort_values("month")
    return pd.DataFrame({"class_name": rows["class_name"].tolist(),
                         "label": rows["month"].map(month_label).tolist(),
                         "value": pd.to_numeric(rows[value], errors="coerce").tolist()})


def grade_rows(figures: Figures) -> pd.DataFrame:
    """Per Lernfeld "occupation · code" and the counts of grades 1..6 (NaN where suppressed)."""
    rows = _rows(figures.grades, "lernfeld")
    frame = pd.DataFrame({"label": [f"{o} · {c}" for o, c in zip(rows["occupation"], rows["code"], strict=True)]})
    for n in range(1, 7):
        frame[f"grade_{n}"] = pd.to_numeric(rows[f"grade_{n}"], errors="coerce").tolist()
    return frame


def severity_rows(figures: Figures) -> pd.DataFrame:
    """Per class: apprentices by the highest severity of their open flags (NaN where the class is hidden)."""
    rows = _rows(figures.risks, "klasse")
    frame = pd.DataFrame({"label": rows["label"].tolist()})
    for severity in texts.LEAD_SEVERITY_LABELS:
        frame[severity] = pd.to_numeric(rows[severity], errors="coerce").tolist()
    return frame


def case_month_rows(figures: Figures) -> pd.DataFrame:
    """Per month of the school year: cases opened and closed."""
    rows = _rows(figures.cases, "monat").sort_values("month")
    return pd.DataFrame({"label": rows["month"].map(month_label).tolist(),
                         "opened": pd.to_numeric(rows["opened"], errors="coerce").tolist(),
                         "closed": pd.to_numeric(rows["closed"], errors="coerce").tolist()})


def measure_rows(figures: Figures) -> pd.DataFrame:
    """Per kind of measure (German label): how many were agreed in the school year."""
    rows = _rows(figures.measures, "art")
    return pd.DataFrame({"label": rows["kind"].map(lambda k: texts.MEASURE_LABELS.get(k, k)).tolist(),
                         "value": pd.to_numeric(rows["measures"], errors="coerce").tolist()})


def selection_label(occupation: str | None, class_name: str | None) -> str:
    """The filter choice in words, for the report: "Alle Ausbildungsberufe · Alle Klassen"."""
    return " · ".join([occupation or f"{texts.LEAD_ALL} {texts.LEAD_OCCUPATION_PLURAL}",
                       class_name or f"{texts.LEAD_ALL} {texts.LEAD_CLASS_PLURAL}"])


def file_stem(key: str, school_year: int) -> str:
    """ASCII file names: "fehlzeiten_2026-27"."""
    return f"{key}_{school_year_label(school_year).replace('/', '-')}"
