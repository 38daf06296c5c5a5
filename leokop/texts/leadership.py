"""German texts: The leadership page, its tables and exports."""

# Leadership page ---------------------------------------------------------------------------------------------------
LEAD_INTRO = (
    "Kennzahlen Ihrer Schule für ein Schuljahr: nur Anzahlen und Quoten, keine Namen. Klassen und Gruppen mit "
    "weniger als 5 Auszubildenden werden als „< 5“ angezeigt und in keiner Summe oder Quote mitgezählt."
)
LEAD_SCHOOL = "Schule"
LEAD_SCHOOL_YEAR = "Schuljahr"
LEAD_OCCUPATION = "Ausbildungsberuf"
LEAD_CLASS = "Klasse"
LEAD_ALL = "Alle"
LEAD_REFUSED = "Diese Zahlen sind für Ihr Konto nicht freigegeben."
LEAD_EMPTY = "Für diese Auswahl gibt es im Schuljahr keine Auszubildenden."
LEAD_SUPPRESSION_NOTE = (
    "„< 5“: weniger als 5 Auszubildende in der Gruppe oder zum Schutz kleiner Gruppen ausgeblendet. Ausgeblendete "
    "Klassen fehlen in allen Summen und Quoten dieser Seite."
)
LEAD_HIDDEN_CLASSES = "{n} Auszubildende sind in ausgeblendeten Klassen und in keiner weiteren Zahl enthalten."
LEAD_NONE = "Für Ihr Konto sind keine Schulzahlen freigegeben."
LEAD_MATERIALS_NOTE = "Geteilte Materialien zählen zur Aktivität einer Kooperation, sobald es sie in leokop gibt."

LEAD_METRIC_APPRENTICES = "Auszubildende im Schuljahr"
LEAD_METRIC_ACTIVE = "Kooperationen aktiv (30 Tage)"
LEAD_METRIC_ACTIVE_VALUE = "{active} von {total}"
LEAD_METRIC_DISSOLUTIONS = "Vertragslösungen"
LEAD_METRIC_DISSOLUTIONS_VALUE = "{n} ({rate} %)"
LEAD_METRIC_RECORD_BOOK = "Berichtsheft unterschrieben"
LEAD_METRIC_ABSENCE = "Fehltage je Azubi und Monat"

LEAD_TAB_APPRENTICES = "Auszubildende"
LEAD_TAB_COOPERATIONS = "Kooperationen"
LEAD_TAB_ABSENCES = "Fehlzeiten"
LEAD_TAB_GRADES = "Noten"
LEAD_TAB_RECORD_BOOK = "Berichtsheft"
LEAD_TAB_DISSOLUTIONS = "Vertragslösungen"
LEAD_TAB_RISKS = "Risiken und Fälle"
LEAD_TAB_TRENDS = "Verlauf"

LEAD_BY_OCCUPATION = "nach Ausbildungsberuf"
LEAD_BY_YEAR = "nach Ausbildungsjahr"
LEAD_BY_CLASS = "nach Klasse"

LEAD_COOPERATIONS_NOTE = (
    "Aktiv: in den letzten 30 Tagen (bis zum Stichtag) eine Notiz einer der beiden Seiten, eine Note, eine "
    "unterschriebene Berichtsheft-Woche oder ein Fallkommentar einer der beiden Seiten zu einem/einer "
    "Auszubildenden der Kooperation, oder ein von der Kooperation geteiltes Material."
)
LEAD_ABSENCES_NOTE = (
    "Fehltage je Auszubildende/n und Monat: erfasste Fehltage geteilt durch die Auszubildenden, die im Monat "
    "mindestens einen Tag unter Vertrag waren. Eine Quote der geplanten Unterrichtstage lässt sich aus den "
    "gespeicherten Daten nicht bilden (Unterrichtstage je Klasse werden nicht geführt)."
)
LEAD_GRADES_NOTE = (
    "Aktuelle Lernfeldnoten, die im Schuljahr vergeben wurden. Je Klasse und Lernfeld zählen nur Gruppen mit "
    "mindestens 5 benoteten Auszubildenden."
)
LEAD_RECORD_BOOK_NOTE = (
    "Unterschriebene Wochen im Verhältnis zu den fälligen Wochen (volle Wochen seit Ausbildungsbeginn bis zur "
    "letzten vollen Woche vor dem Stichtag); fehlende, offene und zurückgegebene Wochen zählen als nicht "
    "unterschrieben."
)
LEAD_DISSOLUTIONS_NOTE = (
    "Lösungsquote hier: Vertragslösungen im Schuljahr geteilt durch alle Auszubildenden des Schuljahres. Die "
    "Referenz 29,7 % (Bund 2023, BIBB) ist eine Lösungsquote über die ganze Ausbildungsdauer und darum nur ein "
    "grober Vergleich."
)
LEAD_REFERENCE_LABEL = "Bund 2023: 29,7 %"
LEAD_RISKS_NOTE = (
    "Offene Warnzeichen des Frühwarnsystems am Stichtag, bei Auszubildenden, die an diesem Tag unter Vertrag "
    "waren; gezählt wird je Person die höchste Stufe. Eine Klasse zählt nur mit mindestens 5 Auszubildenden."
)
LEAD_CASES_NOTE = (
    "Fälle, die im Schuljahr eröffnet oder abgeschlossen wurden, und die am Stichtag offenen. Die Bearbeitungsdauer "
    "(Median in Tagen, von der Eröffnung bis zum Abschluss) wird erst ab 5 abgeschlossenen Fällen angezeigt."
)
LEAD_MEASURES_NOTE = (
    "Maßnahmen, die im Schuljahr in Fällen vereinbart wurden, und wie viele davon bis zum Stichtag erledigt sind."
)

LEAD_DOWNLOAD_CSV = "CSV"
LEAD_DOWNLOAD_XLSX = "Excel"
LEAD_DOWNLOAD_PDF = "Bericht als PDF (1 Seite)"

LEAD_DIMENSIONS = {
    "gesamt": "Gesamt",
    "ausgeblendet": "in ausgeblendeten Klassen",
    "beruf": "Ausbildungsberuf",
    "ausbildungsjahr": "Ausbildungsjahr",
    "klasse": "Klasse",
    "monat": "Monat",
}
LEAD_WHOLE_YEAR = "Schuljahr"
LEAD_LAST_30_DAYS = "letzte 30 Tage"
LEAD_MONTHS = ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez.")

# Table titles (also the names of export files and Excel sheets) and their columns
LEAD_TABLES = {
    "auszubildende": "Auszubildende",
    "kooperationen": "Kooperationen",
    "fehlzeiten": "Fehlzeiten nach Klasse und Monat",
    "noten": "Notenverteilung nach Lernfeld",
    "berichtsheft": "Berichtsheft nach Klasse und Monat",
    "vertragsloesungen": "Vertragslösungen nach Ausbildungsberuf",
    "risiken": "Offene Risiken nach Klasse und Stufe",
    "faelle": "Fälle und Bearbeitungsdauer",
    "massnahmen": "Maßnahmen nach Art",
    "verlauf": "Verlauf nach Monat",
}
LEAD_COL_GROUP = "Gruppe"
LEAD_COL_LABEL = "Bezeichnung"
LEAD_COL_APPRENTICES = "Auszubildende"
LEAD_COL_PERIOD = "Zeitraum"
LEAD_COL_COOPERATIONS = "Kooperationen"
LEAD_COL_ACTIVE = "aktiv"
LEAD_COL_ACTIVE_SHARE = "aktiv (%)"
LEAD_COL_BY_NOTES = "mit Notiz"
LEAD_COL_BY_GRADES = "mit Note"
LEAD_COL_BY_RECORD_BOOK = "mit Berichtsheft"
LEAD_COL_BY_CASE_COMMENTS = "mit Fallkommentar"
LEAD_COL_BY_MATERIALS = "mit Material"
LEAD_COL_FLAGGED = "mit offenem Warnzeichen"
LEAD_COL_FLAGGED_SHARE = "mit Warnzeichen (%)"
LEAD_COL_SEVERITY = {"hinweis": "höchste Stufe Hinweis", "warnung": "höchste Stufe Warnung",
                     "kritisch": "höchste Stufe kritisch"}
LEAD_SEVERITY_LABELS = {"hinweis": "Hinweis", "warnung": "Warnung", "kritisch": "kritisch"}
LEAD_COL_OPEN_FLAGS = "offene Warnzeichen"
LEAD_COL_OPENED = "eröffnet"
LEAD_COL_CLOSED = "abgeschlossen"
LEAD_COL_OPEN_AT_END = "offen am Stichtag"
LEAD_COL_MEDIAN_DAYS = "Bearbeitungsdauer (Median, Tage)"
LEAD_COL_MEASURE = "Maßnahme"
LEAD_COL_MEASURES = "vereinbart"
LEAD_COL_DONE = "erledigt"
LEAD_COL_CASES = "in Fällen"
LEAD_COL_CLASS = "Klasse"
LEAD_COL_MONTH = "Monat"
LEAD_COL_APPRENTICE_MONTHS = "Azubi-Monate"
LEAD_COL_ABSENCE_DAYS = "Fehltage"
LEAD_COL_UNEXCUSED_DAYS = "davon unentschuldigt"
LEAD_COL_DAYS_PER = "Fehltage je Azubi und Monat"
LEAD_COL_UNEXCUSED_PER = "unentschuldigt je Azubi und Monat"
LEAD_COL_OCCUPATION = "Ausbildungsberuf"
LEAD_COL_LF = "Lernfeld"
LEAD_COL_LF_TITLE = "Titel"
LEAD_COL_GRADED = "benotet"
LEAD_COL_GRADE = "Note {n}"
LEAD_COL_AVERAGE = "Durchschnitt"
LEAD_COL_DUE = "fällige Wochen"
LEAD_COL_SIGNED = "unterschrieben"
LEAD_COL_COMPLETION = "unterschrieben (%)"
LEAD_COL_DISSOLVED = "Vertragslösungen"
LEAD_COL_IN_PROBATION = "davon in der Probezeit"
LEAD_COL_RATE = "Lösungsquote (%)"
LEAD_COL_REFERENCE = "Bund 2023 (%)"
LEAD_AXIS_PERCENT = "Prozent"
LEAD_AXIS_DAYS = "Fehltage je Azubi und Monat"
LEAD_AXIS_COUNT = "Anzahl"
LEAD_TREND_TITLES = {
    "absence": "Fehltage je Azubi und Monat",
    "record_book": "Berichtsheft unterschrieben (%)",
    "active": "Kooperationen aktiv im Monat (%)",
    "dissolutions": "Vertragslösungen",
}

LEAD_REPORT_TITLE = "Schulüberblick {school}"
LEAD_REPORT_SUBTITLE = "Schuljahr {year} · {selection} · Stand {day} · erstellt mit leokop"
LEAD_PDF_COLUMNS = {
    "lf": "Lernfeld", "graded": "benotet", "average": "Ø Note", "failing": "Note 5-6", "month": "Monat",
    "absence": "Fehltage/Azubi", "record_book": "Berichtsheft %", "active": "aktiv %", "dissolutions": "Lösungen",
    "occupation": "Ausbildungsberuf", "apprentices": "Azubis", "dissolved": "Lösungen", "probation": "Probezeit",
    "rate": "Quote %", "class": "Klasse", "absence_days": "Fehltage", "unexcused": "unentsch.", "due": "fällig",
    "signed": "unterschr.", "flagged": "Warnz.", "flag_share": "Warnz. %", "opened": "eröffnet",
    "closed": "abgeschl.", "open": "offen", "median": "Median Tage", "measure": "Maßnahme", "measures": "Anzahl",
    "done": "erledigt",
}
LEAD_OCCUPATION_PLURAL = "Ausbildungsberufe"
LEAD_CLASS_PLURAL = "Klassen"
LEAD_DOWNLOAD_ALL_XLSX = "Alle Tabellen (Excel)"
LEAD_FILE_ALL = "schulueberblick_alle_tabellen"

# Excel sheet names of the leadership tables: at most 31 characters (Excel's limit), so none is cut.
LEAD_SHEETS = {
    "auszubildende": "Auszubildende",
    "kooperationen": "Kooperationen",
    "fehlzeiten": "Fehlzeiten je Klasse und Monat",
    "noten": "Notenverteilung je Lernfeld",
    "berichtsheft": "Berichtsheft je Klasse u. Monat",
    "vertragsloesungen": "Vertragslösungen je Beruf",
    "risiken": "Offene Risiken je Klasse",
    "faelle": "Fälle und Bearbeitungsdauer",
    "massnahmen": "Maßnahmen nach Art",
    "verlauf": "Verlauf nach Monat",
}
