"""Every German text the UI shows, in one place."""

APP_TITLE = "leokop – Lernortkooperation"
APP_TAGLINE = "Berufsschule und Ausbildungsbetrieb, gemeinsam für jede/n Auszubildende/n."

# Login
LOGIN_FIELDS = {
    "Form name": "Anmeldung",
    "Username": "Benutzername",
    "Password": "Passwort",
    "Login": "Anmelden",
    "Captcha": "Captcha",
}
LOGIN_FAILED = "Benutzername oder Passwort ist falsch."
LOGIN_EMPTY = "Bitte Benutzername und Passwort eingeben."
LOGIN_LOCKED = (
    "Dieses Konto ist nach 5 fehlgeschlagenen Anmeldeversuchen bis {until} Uhr gesperrt. "
    "Bitte versuchen Sie es danach erneut oder wenden Sie sich an die Schulverwaltung."
)
LOGIN_NO_ROLE = "Ihr Konto hat keine aktive Rolle. Bitte wenden Sie sich an die Schulverwaltung."
LOGIN_REQUIRED = "Bitte melden Sie sich an."
PAGE_NOT_ALLOWED = "Diese Seite ist für Ihre Rolle nicht freigegeben."
LOGOUT = "Abmelden"
SIGNED_IN_AS = "Angemeldet als **{name}**"

# Database trouble shown in the browser
DB_UNAVAILABLE = (
    "Die Datenbank ist nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut; "
    "besteht das Problem weiter, informieren Sie die Schulverwaltung."
)
DB_ERROR = "Die Aktion konnte nicht gespeichert werden. Es wurde nichts geändert."

# Roles
ROLE_LABELS = {
    "lehrkraft": "Lehrkraft",
    "ausbilder": "Ausbilder/in",
    "schulleitung": "Schulleitung",
    "admin": "Schulverwaltung (Admin)",
}

# Page titles
PAGE_COOPERATIONS = "Meine Kooperationen"
PAGE_OVERVIEW = "Schulüberblick"
PAGE_ADMIN = "Verwaltung"
PAGE_ACCOUNT = "Mein Konto"

# Cooperations page
COOP_INTRO = "Kooperationen zwischen Schule und Betrieb, in denen Sie mitarbeiten."
COOP_NONE = "Ihnen ist noch keine Kooperation zugeordnet. Bitte wenden Sie sich an die Schulverwaltung."
COOP_HEADER = "{school} ↔ {company}"
COOP_META = "seit {since} · {n} aktive Auszubildende"
COOP_COLUMNS = {
    "last_name": "Nachname",
    "first_name": "Vorname",
    "class_name": "Klasse",
    "occupation": "Ausbildungsberuf",
    "school_year": "Ausbildungsjahr",
    "contract_start": "Ausbildungsbeginn",
    "probation_end": "Ende Probezeit",
    "contract_end": "Ausbildungsende",
    "status": "Status",
}
STATUS_LABELS = {"aktiv": "aktiv", "geloest": "Vertrag gelöst", "abgeschlossen": "abgeschlossen"}

SUPPRESSED = "< 5"

# Admin page
ADMIN_USERS = "Benutzer"
ADMIN_MEMBERSHIPS = "Rollen und Zuordnungen"
ADMIN_NEW_USER = "Neuen Benutzer anlegen"
ADMIN_NEW_MEMBERSHIP = "Weitere Rolle zuordnen"
ADMIN_TOGGLE_USER = "Benutzer aktivieren/deaktivieren"
ADMIN_TOGGLE_MEMBERSHIP = "Zuordnung aktivieren/deaktivieren"
FIELD_USERNAME = "Benutzername"
FIELD_DISPLAY_NAME = "Name"
FIELD_EMAIL = "E-Mail (optional)"
FIELD_PASSWORD = "Startpasswort"
FIELD_PASSWORD_REPEAT = "Startpasswort wiederholen"
FIELD_ROLE = "Rolle"
FIELD_SCOPE = "Zuständig für"
FIELD_USER = "Benutzer"
FIELD_MEMBERSHIP = "Zuordnung"
FIELD_ACTIVE = "aktiv"
BUTTON_CREATE = "Anlegen"
BUTTON_ASSIGN = "Zuordnen"
BUTTON_ACTIVATE = "Aktivieren"
BUTTON_DEACTIVATE = "Deaktivieren"
USER_CREATED = "Benutzer „{username}“ wurde angelegt."
MEMBERSHIP_CREATED = "Die Rolle wurde zugeordnet."
USER_STATE_CHANGED = "Benutzer „{username}“ ist jetzt {state}."
MEMBERSHIP_STATE_CHANGED = "Die Zuordnung ist jetzt {state}."
STATE_ACTIVE = "aktiv"
STATE_INACTIVE = "deaktiviert"
CANNOT_DEACTIVATE_SELF = "Sie können Ihr eigenes Konto nicht deaktivieren."
USERNAME_INVALID = (
    "Der Benutzername muss 3 bis 40 Zeichen lang sein und darf nur Kleinbuchstaben, Ziffern, Punkt, "
    "Bindestrich und Unterstrich enthalten."
)
USERNAME_TAKEN = "Der Benutzername „{username}“ ist bereits vergeben."
DISPLAY_NAME_EMPTY = "Bitte einen Namen eingeben."
EMAIL_INVALID = "Die E-Mail-Adresse ist ungültig."
SCOPE_MISSING = "Bitte auswählen, wofür die Person zuständig ist."
MEMBERSHIP_EXISTS = "Diese Person hat diese Zuordnung bereits."
SCOPE_KIND_LABELS = {"school": "Schule", "class": "Klasse", "company": "Betrieb", "cooperation": "Kooperation"}
ADMIN_COLUMNS = {
    "username": "Benutzername",
    "display_name": "Name",
    "email": "E-Mail",
    "active": "aktiv",
    "roles": "Rollen",
    "role": "Rolle",
    "school": "Schule",
    "scope": "Zuständig für",
}

# Account page
CHANGE_PASSWORD = "Passwort ändern"
FIELD_CURRENT_PASSWORD = "Aktuelles Passwort"
FIELD_NEW_PASSWORD = "Neues Passwort"
FIELD_NEW_PASSWORD_REPEAT = "Neues Passwort wiederholen"
BUTTON_SAVE = "Speichern"
PASSWORD_CHANGED = "Ihr Passwort wurde geändert."
PASSWORD_WRONG_CURRENT = "Das aktuelle Passwort ist falsch."
PASSWORD_TOO_SHORT = "Das Passwort muss mindestens {n} Zeichen lang sein."
PASSWORD_TOO_LONG = "Das Passwort darf höchstens {n} Byte lang sein."
PASSWORD_SPACES = "Das Passwort darf nicht mit Leerzeichen beginnen oder enden."
PASSWORD_MISMATCH = "Die beiden Passwörter stimmen nicht überein."
PASSWORD_SAME = "Das neue Passwort muss sich vom aktuellen unterscheiden."
YOUR_ROLES = "Ihre Rollen"

# Dashboard
PAGE_DASHBOARD = "Kooperations-Dashboard"
PAGE_APPRENTICE = "Auszubildende/r"
CHOOSE_COOPERATION = "Kooperation"
CHOOSE_APPRENTICE = "Auszubildende/r"
METRIC_APPRENTICES = "Auszubildende"
METRIC_OPEN_RISKS = "Offene Risiken"
METRIC_NEXT_PHASE = "Nächster Termin: {kind}"
TODAY = "heute"
METRIC_LAST_OTHER = "Letzte Aktivität {place}"
PLACE_LABELS = {"schule": "Schule", "betrieb": "Betrieb"}
NONE_YET = "noch keine"
SECTION_SCHOOL = "Schule: Lernfelder"
SECTION_COMPANY = "Betrieb: Berufsbildpositionen"
SECTION_RECORD_BOOK = "Berichtsheft"
SECTION_ABSENCES = "Fehlzeiten"
SECTION_TIMELINE = "Planung"
SECTION_NEXT_WEEKS = "Die nächsten 8 Wochen"
SECTION_RISKS = "Risiken"
NO_RISKS = "Keine Warnzeichen bei den Auszubildenden dieser Kooperation."
NO_DATA = "Noch keine Einträge."
LF_STATUS_LABELS = {"nicht_begonnen": "nicht begonnen", "laufend": "läuft", "abgeschlossen": "abgeschlossen"}
POSITION_LEVELS = {0: "nicht begonnen", 1: "eingeführt", 2: "geübt", 3: "selbstständig", 4: "sicher beherrscht"}
KIND_LABELS = {
    "schulblock": "Schulblock",
    "pruefung": "Prüfung",
    "phase": "Ausbildungsabschnitt",
    "probezeit": "Ende Probezeit",
    "termin": "Gemeinsamer Termin",
    "ferien": "Schulferien",
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

# Forms on the apprentice page
INVALID_STATUS = "Bitte einen gültigen Status wählen."
GRADE_RANGE = "Die Note muss zwischen 1 und 6 liegen."
GRADE_DATE_MISSING = "Bitte das Datum der Note angeben."
GRADE_NOT_STARTED = "Ein nicht begonnenes Lernfeld kann keine Note haben."
DATE_IN_FUTURE = "Das Datum liegt in der Zukunft."
DATE_MISSING = "Bitte ein Datum angeben."
ABSENCE_IN_FUTURE = "Eine Fehlzeit kann nicht in der Zukunft liegen."
BEFORE_CONTRACT = "Das Datum liegt vor Beginn der Ausbildung."
LESSONS_RANGE = "Bitte 1 bis 12 Unterrichtsstunden angeben."
END_BEFORE_START = "Das Ende liegt vor dem Beginn."
TOO_FAR_AHEAD = "Das Ende liegt mehr als drei Jahre in der Zukunft."
PERIOD_TOO_LONG = "Ein Schulblock dauert höchstens {weeks} Wochen."
NOT_RELEASED_FOR = "Für {n} Auszubildende dieser Kooperation hat die Schule {what} nicht freigegeben."
RELEASE_WHAT = {"grades": "Noten", "absences": "Fehlzeiten"}
TEXT_EMPTY = "Bitte einen Text eingeben."
TEXT_TOO_LONG = "Der Text darf höchstens {n} Zeichen lang sein."
TITLE_EMPTY = "Bitte eine Bezeichnung eingeben."
COMMENT_REQUIRED = "Bitte eine Begründung angeben."
STALE_WRITE = (
    "Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde nicht gespeichert; "
    "bitte prüfen Sie den aktuellen Stand und speichern Sie erneut."
)
DUPLICATE_ABSENCE = "Für diesen Tag ist bereits eine Fehlzeit eingetragen."
SAVED_GRADE = "Lernfeld {code} gespeichert."
SAVED_ABSENCE = "Fehlzeit am {day} gespeichert."
SAVED_DECISION = "Entscheidung gespeichert."
SAVED_BLOCK = "Schulblock {start}–{end} für {class_name} geplant."
SAVED_RATING = "Bewertung von {number} gespeichert."
SAVED_WEEK = "Berichtsheft-Woche ab {week} {action}."
WEEK_SIGNED = "unterschrieben"
WEEK_RETURNED = "zurückgegeben"
SAVED_PROPOSAL = "Vorschlag „entschuldigt“ an die Schule gesendet."
SAVED_PHASE = "Ausbildungsabschnitt „{title}“ geplant."
SAVED_NOTE = "Notiz gespeichert."
NOT_VISIBLE = "Diese/r Auszubildende ist für Ihr Konto nicht sichtbar."
CHOOSE_FROM_DASHBOARD = "Bitte wählen Sie eine/n Auszubildende/n auf dem Dashboard."

FORM_GRADE = "Lernfeld: Status und Note"
FORM_ABSENCE = "Fehlzeit erfassen"
FORM_DECIDE = "Entschuldigungsvorschläge des Betriebs"
FORM_BLOCK = "Schulblock für die Klasse planen"
FORM_RATING = "Berufsbildposition bewerten"
FORM_WEEK = "Berichtsheft: Woche abzeichnen"
FORM_PROPOSE = "„Entschuldigt“ vorschlagen"
FORM_PHASE = "Ausbildungsabschnitt planen"
FORM_NOTE = "Notiz für den anderen Lernort"

FIELD_LF = "Lernfeld"
FIELD_STATUS = "Status"
FIELD_GRADE = "Note"
FIELD_NO_GRADE = "keine Note"
FIELD_GRADED_ON = "Datum der Note"
FIELD_DATE = "Datum"
FIELD_LESSONS = "Unterrichtsstunden"
FIELD_EXCUSED = "entschuldigt"
FIELD_START = "Beginn"
FIELD_END = "Ende"
FIELD_NOTE = "Bemerkung (optional)"
FIELD_POSITION = "Berufsbildposition"
FIELD_LEVEL = "Stand"
FIELD_COMMENT = "Kommentar"
FIELD_TITLE = "Abschnitt / Thema"
FIELD_DEPARTMENT = "Abteilung (optional)"
FIELD_TEXT = "Text"
BUTTON_ACCEPT = "Annehmen"
BUTTON_REJECT = "Ablehnen"
BUTTON_SIGN = "Unterschreiben"
BUTTON_RETURN = "Zurückgeben"
BUTTON_PROPOSE = "Vorschlagen"
BUTTON_PLAN = "Planen"
NO_OPEN_WEEKS = "Keine eingereichten Wochen offen."
NO_OPEN_PROPOSALS = "Keine offenen Vorschläge."
NO_UNEXCUSED = "Keine unentschuldigten Fehlzeiten, für die ein Vorschlag möglich ist."
SECTION_HISTORY = "Verlauf"
SECTION_NOTES = "Notizen"
SECTION_ENTER = "Eintragen"
SECTION_PLANNED = "Geplant"
WRITTEN_BY = "{author} ({place}), {at}"
WEEK_STATUS_LABELS = {"eingereicht": "eingereicht", "unterschrieben": "unterschrieben",
                      "zurueckgegeben": "zurückgegeben"}
HISTORY_COLUMNS = {"day": "Datum", "kind": "Art", "what": "Was", "who": "Von"}

# Release settings (admin page)
ADMIN_RELEASE = "Datenfreigabe für Betriebe"
RELEASE_INTRO = (
    "Die Schule entscheidet, welche Daten die Ausbilder/innen der Kooperationsbetriebe sehen. "
    "Die Einstellung gilt für alle Auszubildenden der Schule; für Einzelne kann sie abweichen."
)
RELEASE_LABELS = {
    "share_grades": "Noten und Lernfeldstand",
    "share_absences": "Fehlzeiten",
    "share_teacher_notes": "Notizen der Lehrkräfte",
}
RELEASE_OVERRIDE = "Ausnahme für eine/n Auszubildende/n"
RELEASE_CHOICES = {None: "wie Schule", True: "freigegeben", False: "nicht freigegeben"}
RELEASE_SAVED = "Freigabe gespeichert."

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
CASE_HEADER = "{icon} {title} – {status} · verantwortlich: {responsible} · eröffnet {opened} von {by}"
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
DUE_IN_PAST = "Das Fälligkeitsdatum liegt in der Vergangenheit."
MEASURE_LABELS = {
    "gespraech_azubi": "Gespräch mit Azubi",
    "foerderunterricht": "Förderunterricht",
    "gespraech_betrieb_schule": "Gespräch Betrieb–Schule",
    "quabb": "Vermittlung an die Beratung QuABB",
    "assistierte_ausbildung": "Assistierte Ausbildung",
    "sonstiges": "Sonstiges",
}
NO_CASES = "Noch keine Fälle."
CLOSED_CASES = "Erledigte Fälle"
RAISE_CONCERN = "Anliegen melden"
CONCERN_KIND = "Art"
CONCERN_LABELS = {"konflikt": "Konflikt", "motivation": "Motivation", "gesundheit": "Gesundheit",
                  "sonstiges": "Sonstiges"}
CONCERN_RAISED = "Anliegen gespeichert; es erscheint als Warnzeichen für beide Lernorte."
SECTION_OPEN_CASES = "Offene Fälle"
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
    "Bitte melden Sie sich bei leokop an, um Einzelheiten zu sehen.\n\nIhr leokop"
)

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
LEAD_CASES_CHART = "Fälle je Monat"
LEAD_OCCUPATION_PLURAL = "Ausbildungsberufe"
LEAD_CLASS_PLURAL = "Klassen"
LEAD_DOWNLOAD_ALL_XLSX = "Alle Tabellen (Excel)"
LEAD_FILE_ALL = "schulueberblick_alle_tabellen"
