"""German texts: What every form shares: empty choices, date ranges, stale edits, badges."""

# Shown in empty selectboxes instead of Streamlit's English "Choose an option" / "No options to select".
PLACEHOLDER_CHOOSE = "Bitte wählen …"
NO_RISKS = "Keine Warnzeichen bei den Auszubildenden dieser Kooperation."
NO_DATA = "Noch keine Einträge."
COOP_NO_ACTIVE = (
    "In dieser Kooperation gibt es zurzeit keine aktiven Auszubildenden. Neue Ausbildungsverhältnisse trägt die "
    "Schulverwaltung ein."
)
LF_STATUS_LABELS = {"nicht_begonnen": "nicht begonnen", "laufend": "läuft", "abgeschlossen": "abgeschlossen"}
POSITION_LEVELS = {0: "nicht begonnen", 1: "eingeführt", 2: "geübt", 3: "selbstständig", 4: "sicher beherrscht"}
KIND_LABELS = {
    "schulblock": "Schulblock",
    "pruefung": "Prüfung",
    "phase": "Ausbildungsabschnitt",
    "probezeit": "Ende Probezeit",
    "termin": "Gemeinsamer Termin",
    "ferien": "Schulferien",
    "meilenstein": "Projektmeilenstein",
}
EXAM_LABELS = {
    "zwischenpruefung": "Zwischenprüfung",
    "abschluss_teil1": "Abschlussprüfung Teil 1",
    "abschluss_teil2": "Abschlussprüfung Teil 2",
}
CONFLICT_PHASE_BLOCK = "Konflikt: „{phase}“ liegt im Schulblock {other} ({start}–{end})."
CONFLICT_PHASE_EXAM = "Konflikt: „{phase}“ überschneidet die Prüfung {other} ({start}–{end})."
CONFLICT_BLOCK_HOLIDAY = "Konflikt: Schulblock in den {other} ({start}–{end})."
RECORD_BOOK_COLUMNS = {
    "name": "Auszubildende/r", "due": "fällig", "signed": "unterschrieben", "submitted": "offen",
    "returned": "zurückgegeben", "missing": "fehlen", "missing_weeks": "fehlende Wochen (neueste)",
}
ABSENCE_COLUMNS = {
    "name": "Auszubildende/r", "unexcused_30": "unentsch. 30 T.", "excused_30": "entsch. 30 T.",
    "unexcused_90": "unentsch. 90 T.", "excused_90": "entsch. 90 T.", "lessons_90": "Stunden 90 T.",
    "open_proposals": "offene Vorschläge",
}
UPCOMING_COLUMNS = {"starts_on": "Beginn", "ends_on": "Ende", "kind": "Art", "label": "Was", "who": "Wer",
                    "conflict": "Hinweis"}
GRADE_AXIS = "Note"
OPEN_APPRENTICE = "Öffnen"

# --- issue 22 part B ---
# Dates: the allowed range of a field, named in every refusal (TT.MM.JJJJ).
DATE_ALLOWED = "Erlaubt: {low} bis {high}."
DATE_MISSING_RANGE = "Bitte ein Datum zwischen dem {low} und dem {high} angeben."
DATE_OUTSIDE = "Der {day} liegt außerhalb des erlaubten Zeitraums: bitte ein Datum zwischen dem {low} und dem {high}."
MEASURE_NO_DUE = "ohne Fälligkeitsdatum"
MEASURE_DUE_MISSING = (
    "Bitte ein Fälligkeitsdatum zwischen dem {low} und dem {high} angeben oder „ohne Fälligkeitsdatum“ wählen."
)
MEASURE_DUE_AND_NONE = "Bitte entweder ein Fälligkeitsdatum angeben oder „ohne Fälligkeitsdatum“ wählen, nicht beides."
TEXT_CONTROL = (
    "Der Text enthält unsichtbare Steuerzeichen (etwa aus einer Kopie aus einem anderen Programm). "
    "Bitte entfernen Sie sie; es wurde nichts gespeichert."
)
# Phases that overlap another phase of the same apprentice are saved only when confirmed.
PHASE_OVERLAP = "Der Abschnitt überschneidet sich mit {phases}. Nichts wurde gespeichert."
PHASE_OVERLAP_ONE = "„{title}“ ({start}–{end})"
PHASE_OVERLAP_CONFIRM = "Überschneidung bestätigen: trotzdem so planen"
PHASE_OVERLAP_HINT = "Bitte bestätigen Sie unten die Überschneidung, wenn der Abschnitt so geplant werden soll."
# Stale edits: who changed what and when since the form was drawn; saved over only when confirmed.
STALE_SOMEONE = "Jemand anderes"
STALE_CHANGE = "{label}: „{before}“ → „{after}“"
STALE_NO_VISIBLE_CHANGE = "Angaben, die dieses Formular nicht zeigt"
STALE_CHANGED = (
    "{who} hat diesen Eintrag am {at} geändert, nachdem Sie ihn geöffnet haben ({changes}). Ihre Eingabe ist "
    "noch da. Gespeichert wird sie erst, wenn Sie bestätigen, dass sie den aktuellen Stand ersetzen soll."
)
STALE_GONE = (
    "{who} hat diesen Eintrag am {at} bereits bearbeitet ({changes}). Ihre Eingabe kann hier nicht mehr "
    "gespeichert werden; sie steht noch im Feld, falls Sie sie anders verwenden möchten."
)
STALE_CONFIRM = "Meine Eingabe trotzdem speichern (ersetzt die Änderung von {who})"
STALE_NOT_CONFIRMED = (
    "Nicht gespeichert: {who} hat diesen Eintrag inzwischen geändert (siehe oben). Bitte prüfen Sie den aktuellen "
    "Stand und bestätigen Sie, wenn Ihre Eingabe ihn ersetzen soll."
)
STALE_NOT_POSSIBLE = "Nicht gespeichert: dieser Eintrag ist inzwischen erledigt (siehe oben)."
STALE_HIDE = "Ausblenden"
WEEK_STATE = "Status"
CASE_STATE_STATUS = "Status"
CASE_STATE_RESPONSIBLE = "verantwortlich"
CASE_STATE_REASON = "Begründung"
EXCUSE_STATE = "Entschuldigung"
EXCUSE_STATE_LABELS = {"keiner": "keine", "vorgeschlagen": "vorgeschlagen", "angenommen": "angenommen",
                       "abgelehnt": "abgelehnt"}
YES_NO = {True: "ja", False: "nein"}
MEMBERSHIP_GONE = "Dieses Konto oder diese Rolle können Sie nicht (mehr) verwalten. Es wurde nichts geändert."
MILESTONE_STATE = "Meilenstein „{title}“"
RETENTION_STATE = "Frist"
TERMS_STATE = "Version"
CONSENT_STATE = "widerrufen"
RATING_STATE_LEVEL = "Stufe"
RATING_STATE_COMMENT = "Kommentar"
GRADE_STATE = "Note"
GRADE_STATE_STATUS = "Status"
GRADE_STATE_DATE = "Datum"
MAT_STATE_VERSION = "aktuelle Datei"
MAT_STATE_WITHDRAWN = "zurückgezogen"
MAT_GONE = (
    "Dieses Material wurde inzwischen zurückgezogen. Ihre Eingabe kann nicht mehr gespeichert werden; der Text "
    "steht noch im Feld, falls Sie ihn anders verwenden möchten."
)
INBOX_MARKED = "Alles als gelesen markiert."
ACCESS_PREPARED = "Die Auskunft ist erstellt und kann heruntergeladen werden."
EDIT_NOTHING_CHANGED = "Es gibt nichts zu speichern: an den Angaben wurde nichts geändert."
PROJ_NOTHING_TO_SAVE = "Es gibt nichts zu speichern: bitte einen anderen Status oder erledigte Meilensteine wählen."
PROJ_ERR_APPRENTICE_COOP = "{name} gehört zu keiner der gewählten Kooperationen."
MAT_WITHDRAW_UNCONFIRMED = "Bitte bestätigen Sie das Zurückziehen mit dem Häkchen; es wurde nichts geändert."
CONCERN_KIND_MISSING = "Bitte die Art des Anliegens wählen."
CONCERN_STATE_LABELS = {True: "offen", False: "erledigt"}

# --- issue 22 part A ---
# An empty selectbox or multiselect (Streamlit's own would be "No options to select").
PLACEHOLDER_NOTHING = "Keine Einträge zur Auswahl"
PLACEHOLDER_CHOOSE_MANY = "Bitte wählen (mehrere möglich) …"

# A list cut at the repositories' row limit (repo._query.MAX_ROWS): never silently.
ROWS_CAPPED = "Es werden nur die ersten {n} Einträge gezeigt; bitte die Auswahl eingrenzen (Suche oder Filter)."
