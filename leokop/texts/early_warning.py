"""German texts: Early warning: flags, concerns, cases, the inbox, e-mail."""

# Early warning: flags, concerns, cases, inbox
SECTION_CASES = "Warnzeichen und Fälle"
OPEN_FLAGS = "Aktuelle Warnzeichen"
NO_FLAGS = "Keine Warnzeichen."
OPEN_CASE = "Fall eröffnen"
CASE_TITLE = "Worum geht es?"
CASE_RESPONSIBLE = "Verantwortlich"
NOBODY = "noch niemand"
CASE_OPENED = "Fall eröffnet."
CASE_STATUS_LABELS = {"offen": "offen", "in_bearbeitung": "in Bearbeitung", "erledigt": "erledigt"}
CASE_HEADER = "{severity} {title} – {status} · verantwortlich: {responsible} · eröffnet {opened} von {by}"
CASE_ALREADY_OPEN = "Für diesen Hinweis ist bereits ein Fall offen."
FLAG_HAS_CASE = "Fall bereits offen: {title} ({status}, eröffnet {opened} von {by}) – siehe unten."
CASE_STATUS = "Status"
CASE_CLOSING_REASON = "Abschlussgrund (bei „erledigt“)"
CASE_CLOSING_REQUIRED = "Bitte einen Abschlussgrund angeben, wenn der Fall erledigt ist."
CASE_UPDATED = "Fall aktualisiert."
CASE_COMMENT = "Kommentar"
CASE_COMMENTED = "Kommentar gespeichert."
CASE_MEASURE = "Vereinbarte Maßnahme"
CASE_MEASURE_DUE = "Fällig am"
CASE_MEASURE_NOTE = "Beschreibung (optional)"
CASE_MEASURE_ADDED = "Maßnahme gespeichert."
MEASURE_KIND_MISSING = "Bitte eine Maßnahme wählen."
MEASURE_LABELS = {
    "gespraech_azubi": "Gespräch mit Azubi",
    "foerderunterricht": "Förderunterricht",
    "gespraech_betrieb_schule": "Gespräch Betrieb–Schule",
    "quabb": "Vermittlung an die Beratung QuABB",
    "assistierte_ausbildung": "Assistierte Ausbildung",
    "sonstiges": "Sonstiges",
}
NO_CASES = "Noch keine Fälle."
NO_THREAD = "Noch keine Kommentare oder Maßnahmen."
CLOSED_CASES = "Erledigte Fälle"
RAISE_CONCERN = "Anliegen melden"
CONCERN_KIND = "Art"
CONCERN_LABELS = {"konflikt": "Konflikt", "motivation": "Motivation", "gesundheit": "Gesundheit",
                  "sonstiges": "Sonstiges"}
CONCERN_RAISED = "Anliegen gespeichert; es erscheint als Warnzeichen für beide Lernorte."
SECTION_OPEN_CASES = "Offene Fälle"
SECTION_CASE_LIST = "Fälle"
PAGE_INBOX = "Posteingang"
PAGE_INBOX_COUNT = "Posteingang ({n})"
INBOX_INTRO = "Neue Warnzeichen und Kommentare in Ihren Kooperationen seit Ihrem letzten Besuch."
INBOX_EMPTY = "Nichts Neues seit Ihrem letzten Besuch."
INBOX_MARK_SEEN = "Als gelesen markieren"
INBOX_KIND = {"flag": "Warnzeichen", "comment": "Kommentar"}
INBOX_COLUMNS = {"at": "Wann", "kind": "Art", "apprentice": "Auszubildende/r", "text": "Was"}
MAIL_SUBJECT_FLAG = "leokop: neues Warnzeichen in Ihrer Kooperation"
MAIL_BODY_FLAG = (
    "Guten Tag,\n\nin einer Ihrer Kooperationen gibt es ein neues Warnzeichen ({severity}).\n"
    "Bitte melden Sie sich bei leokop an, um Einzelheiten zu sehen.{link}\n\nIhr leokop"
)
# with LEOKOP_PUBLIC_URL set: the address of the apprentice's page (an id, no name; the login comes first)
MAIL_LINK_FLAG = "\nDirekt zur Seite (nach der Anmeldung): {url}"
INBOX_LINKS = "Zu den Einträgen"
INBOX_OPEN = {"flag": "Warnzeichen bei {apprentice}", "comment": "Kommentar zum Fall von {apprentice}"}

ADMIN_THRESHOLDS = "Warnschwellen"
THRESHOLDS_INTRO = "Ab wann leokop ein Warnzeichen setzt. Änderungen gelten bei der nächsten Auswertung."
THRESHOLD_LABELS = {
    "unexcused_days_4_weeks": "Unentschuldigte Fehltage in 4 Wochen",
    "absence_rate_90_days": "Fehlquote in 90 Tagen (Anteil, z. B. 0,10)",
    "failing_grades": "Anzahl Lernfeldnoten 5 oder 6",
    "grade_average": "Notendurchschnitt schlechter als",
    "grade_drop": "Notenabfall gegenüber dem Halbjahr zuvor",
    "unsigned_record_weeks": "Nicht unterschriebene Berichtsheft-Wochen",
    "probation_weeks": "Wochen vor Ende der Probezeit",
    "exam_weeks": "Wochen vor der Prüfung",
}
THRESHOLDS_SAVED = "Warnschwellen gespeichert; die Warnzeichen der Schule wurden neu berechnet."
THRESHOLD_RANGE = "„{label}“ muss zwischen {low} und {high} liegen"
RULE_LABELS = {
    "unentschuldigte_fehltage": "Unentschuldigte Fehltage",
    "fehlquote": "Hohe Fehlquote",
    "noten": "Schwache Noten",
    "notenabfall": "Notenabfall",
    "berichtsheft": "Berichtsheft nicht unterschrieben",
    "pruefung": "Prüfung in Gefahr",
    "probezeit": "Entscheidung vor Ende der Probezeit",
    "anliegen_schule": "Anliegen der Schule",
    "anliegen_betrieb": "Anliegen des Betriebs",
}
MEASURE_DONE = "Erledigt"
MEASURE_MARKED_DONE = "Maßnahme als erledigt markiert."
CONCERN_RESOLVE = "Anliegen als erledigt markieren"
CONCERN_RESOLVED = "Anliegen erledigt; das Warnzeichen wird neu bewertet."
OPEN_CONCERNS = "Offene Anliegen"

# The reasons of the rules (services/risk_rules.py), stored with each flag: the person reads why.
RULE_UNEXCUSED = "{n} unentschuldigte Fehltage in den letzten 4 Wochen (Schwelle: {threshold})"
RULE_ABSENCE_RATE = ("Fehlquote {rate} % in den letzten 90 Tagen ({days} von {school_days} Schultagen; "
                     "Schwelle: {threshold} %)")
RULE_FAILING = "{n} Lernfeldnoten 5 oder 6 (Schwelle: {threshold})"
RULE_AVERAGE = "Notendurchschnitt {average} (schlechter als {threshold})"
RULE_DROP = "Notenschnitt von {before} auf {now} gefallen (gegenüber dem Halbjahr zuvor; Schwelle: {threshold})"
RULE_UNSIGNED = "{n} Berichtsheft-Wochen nicht unterschrieben (Schwelle: {threshold})"
RULE_EXAM = "{exam} am {day}, und {fields} mit 5 oder 6 bewertet"
RULE_CONCERN = "Anliegen {who} ({kind}): {text}"
RULE_CONCERN_WHO = {"schule": "der Schule", "betrieb": "des Betriebs"}
RULE_PROBATION = "Probezeit endet am {day} und weitere Warnzeichen liegen vor"
