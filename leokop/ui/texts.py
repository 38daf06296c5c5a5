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
# the figure counts apprentices, the list below counts flags: both say "Warnzeichen"
METRIC_OPEN_RISKS = "Azubis mit Warnzeichen"
METRIC_NEXT_PHASE = "Nächster Termin"
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
SECTION_RISKS = "Warnzeichen"
# Text badges with Material icons, not emoji: headless browsers without an emoji font show empty boxes for those.
SEVERITY_LABELS = {"kritisch": "Kritisch", "warnung": "Warnung", "hinweis": "Hinweis"}  # plain text, tables
SEVERITY_BADGES = {
    "kritisch": ":red-badge[:material/error: kritisch]",
    "warnung": ":orange-badge[:material/warning: Warnung]",
    "hinweis": ":blue-badge[:material/info: Hinweis]",
}
MEASURE_STATE_BADGES = {
    True: ":green-badge[:material/check: erledigt]",
    False: ":gray-badge[:material/schedule: offen]",
}
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

# Materials and joint projects
PAGE_MATERIALS = "Materialien"
PAGE_PROJECTS = "Gemeinsame Projekte"
MAT_TAB_LIBRARY = "Bibliothek"
MAT_TAB_SHARE = "Teilen"
MAT_SEARCH = "Suche (Titel, Beschreibung, Schlagwörter)"
MAT_FILTER_LF = "Lernfeld"
MAT_FILTER_KIND = "Typ"
MAT_ALL = "alle"
MAT_NONE = "Keine Materialien gefunden."
MAT_COUNT = "{n} Materialien, neueste zuerst"
MAT_OPEN = "Material öffnen"
MAT_CHOOSE = "Material"
MAT_KIND_LABELS = {
    "link": "Link", "pdf": "PDF", "dokument": "Textdokument", "tabelle": "Tabelle", "praesentation": "Präsentation",
    "bild": "Bild", "text": "Text",
}
MAT_SCOPE_LABELS = {
    "kooperation": "diese Kooperation",
    "klasse": "alle Kooperationen dieser Klasse",
    "beruf_schule": "alle Nutzer/innen dieses Ausbildungsberufs an dieser Schule",
}
MAT_COLUMNS = {
    "title": "Titel", "kind": "Typ", "lf_codes": "Lernfelder", "scope": "sichtbar für", "owner": "geteilt von",
    "current_version": "Version", "created_at": "geteilt am",
}
MAT_VERSION_COLUMNS = {
    "number": "Version", "filename": "Datei", "size": "Größe", "note": "Änderung", "author": "von",
    "created_at": "am",
}
MAT_EVENT_COLUMNS = {"at": "Wann", "actor": "Wer", "action": "Was", "detail": "Details"}
MAT_EVENT_LABELS = {
    "angelegt": "geteilt", "bearbeitet": "bearbeitet", "neue_version": "neue Version", "kommentiert": "kommentiert",
    "zurueckgezogen": "zurückgezogen",
}
MAT_FIELD_SOURCE = "Datei oder Link"
MAT_SOURCE_FILE = "Datei hochladen"
MAT_SOURCE_LINK = "Link teilen"
MAT_FIELD_FILE = "Datei (PDF, Word, Excel, PowerPoint, OpenDocument, Bild, Text; höchstens 20 MB)"
MAT_FIELD_URL = "Link (http:// oder https://)"
MAT_FIELD_TITLE = "Titel"
MAT_FIELD_DESCRIPTION = "Beschreibung"
MAT_FIELD_TAGS = "Schlagwörter (durch Komma getrennt)"
MAT_FIELD_OCCUPATION = "Ausbildungsberuf"
MAT_FIELD_LFS = "Lernfelder"
MAT_FIELD_POSITIONS = "Berufsbildpositionen"
MAT_FIELD_SCOPE = "Wer darf es sehen?"
MAT_FIELD_CLASS = "Klasse"
MAT_FIELD_NOTE = "Was hat sich geändert?"
MAT_SUBMIT_SHARE = "Material teilen"
MAT_SHARED = "Das Material „{title}“ ist geteilt."
MAT_SUBMIT_VERSION = "Neue Version hochladen"
MAT_VERSION_SAVED = "Version {n} ist gespeichert."
MAT_DOWNLOAD = "Herunterladen"
MAT_DOWNLOAD_VERSION = "Version {n} herunterladen"
MAT_OPEN_LINK = "Link öffnen"
MAT_SECTION_VERSIONS = "Versionen"
MAT_SECTION_COMMENTS = "Kommentare"
MAT_SECTION_EVENTS = "Änderungsverlauf"
MAT_FIELD_COMMENT = "Kommentar"
MAT_SUBMIT_COMMENT = "Kommentieren"
MAT_COMMENTED = "Der Kommentar ist gespeichert."
MAT_WITHDRAW = "Material zurückziehen"
MAT_WITHDRAW_CONFIRM = "Ja, zurückziehen (es bleibt für den Änderungsverlauf gespeichert)"
MAT_WITHDRAWN = "Das Material ist zurückgezogen und für andere nicht mehr sichtbar."
MAT_NOT_AVAILABLE = "Dieses Material ist nicht (mehr) verfügbar."
MAT_NO_COOPERATION = "Sie arbeiten in keiner Kooperation, in der Materialien geteilt werden können."
MAT_ERR_NO_FILE = "Bitte eine Datei auswählen."
MAT_ERR_EMPTY = "Die Datei ist leer."
MAT_ERR_TOO_LARGE = "Die Datei ist zu groß ({size}); erlaubt sind höchstens 20 MB."
MAT_ERR_EXTENSION = "Dateien vom Typ „{ext}“ können nicht geteilt werden. Erlaubt: {allowed}."
MAT_ERR_CONTENT = "Der Inhalt der Datei passt nicht zur Endung „{ext}“. Die Datei wurde nicht gespeichert."
MAT_ERR_FILENAME_PATH = "Der Dateiname darf keine Ordnerangaben (/, \\ oder ..) enthalten."
MAT_ERR_FILENAME_CONTROL = "Der Dateiname enthält unzulässige Steuerzeichen."
MAT_ERR_FILENAME_LONG = "Der Dateiname ist zu lang ({n} Zeichen); erlaubt sind höchstens 255."
MAT_ERR_FILENAME_EMPTY = "Die Datei hat keinen Namen."
MAT_ERR_INTERRUPTED = "Die Übertragung wurde unterbrochen (unvollständige Datei). Bitte erneut hochladen."
MAT_ERR_URL = "Der Link muss mit http:// oder https:// beginnen und darf keine Leerzeichen enthalten."
MAT_ERR_URL_MISSING = "Bitte einen Link angeben."
MAT_ERR_CLASS = "Bitte eine Klasse wählen."
MAT_ERR_OCCUPATION = "Bitte einen Ausbildungsberuf wählen."
MAT_ERR_TAGS = "Höchstens 20 Schlagwörter mit je höchstens 50 Zeichen."
MAT_ERR_STORAGE = "Die Datei konnte nicht gespeichert werden. Es wurde nichts gespeichert."
PROJ_NONE = "Noch keine gemeinsamen Projekte in dieser Kooperation."
PROJ_NEW = "Neues Projekt anlegen"
PROJ_FIELD_TITLE = "Titel"
PROJ_FIELD_GOAL = "Ziel"
PROJ_FIELD_START = "Beginn"
PROJ_FIELD_END = "Ende"
PROJ_FIELD_COOPS = "Kooperationen (derselben Schule)"
PROJ_FIELD_APPRENTICES = "Teilnehmende Auszubildende"
PROJ_FIELD_MATERIALS = "Materialien"
PROJ_FIELD_STATUS = "Status"
PROJ_FIELD_MILESTONES = "Meilensteine (eine Zeile je Meilenstein: TT.MM.JJJJ Titel)"
PROJ_SUBMIT = "Projekt anlegen"
PROJ_SAVED = "Das Projekt „{title}“ ist angelegt."
PROJ_STATUS_SAVED = "Der Status ist gespeichert."
PROJ_SUBMIT_STATUS = "Status speichern"
PROJ_MILESTONE_DONE = "erledigt"
PROJ_ERR_COOPS = "Bitte mindestens eine Kooperation wählen."
PROJ_ERR_MILESTONE = "Zeile {n} der Meilensteine ist nicht „TT.MM.JJJJ Titel“."
PROJ_ERR_MILESTONE_OUTSIDE = "Der Meilenstein „{title}“ liegt außerhalb des Projektzeitraums."
PROJ_STATUS_LABELS = {"geplant": "geplant", "laufend": "läuft", "abgeschlossen": "abgeschlossen",
                      "abgebrochen": "abgebrochen"}
PROJ_COLUMNS = {"title": "Projekt", "status": "Status", "starts_on": "Beginn", "ends_on": "Ende",
                "next_milestone": "nächster Meilenstein"}
PROJ_MILESTONE_COLUMNS = {"due_on": "fällig am", "title": "Meilenstein", "done": "erledigt"}

# Data protection: terms of use (company users), consents, audit trail, retention, access requests (Verwaltung)
TERMS_TITLE = "Nutzungsbedingungen"
TERMS_INTRO = (
    "Bevor Sie Daten von Auszubildenden sehen, stimmen Sie bitte den Nutzungsbedingungen der Schule zu. "
    "Ihre Zustimmung wird mit Zeitpunkt und Version gespeichert."
)
TERMS_SCHOOL = "{school} – Version {version} vom {published}"
TERMS_ACCEPT = "Ich stimme den Nutzungsbedingungen zu"
TERMS_ACCEPTED = "Zustimmung gespeichert."
TERMS_NONE_PUBLISHED = (
    "{school} hat noch keine Nutzungsbedingungen veröffentlicht. Bis dahin sehen Sie keine Daten von "
    "Auszubildenden dieser Schule."
)
ADMIN_TERMS = "Nutzungsbedingungen"
TERMS_ADMIN_INTRO = (
    "Ausbilder/innen sehen Daten erst, wenn sie der aktuellen Version zugestimmt haben. Eine neue Version "
    "muss von allen erneut akzeptiert werden; bis dahin sehen sie nichts."
)
TERMS_CURRENT = "Aktuelle Version {version} vom {published}, von {accepted} Ausbilder/innen akzeptiert"
TERMS_NO_VERSION = "Noch keine Nutzungsbedingungen veröffentlicht: Betriebe sehen keine Daten."
TERMS_BODY = "Text der Nutzungsbedingungen"
TERMS_PUBLISH = "Als neue Version veröffentlichen"
TERMS_PUBLISHED = "Version {version} veröffentlicht."
TERMS_EMPTY = "Bitte einen Text eingeben."
TERMS_UNCHANGED = "Der Text ist unverändert; es wurde keine neue Version angelegt."
TERMS_ACCEPTANCE_COLUMNS = {"display_name": "Name", "username": "Benutzername", "version": "Version",
                            "accepted_at": "Zugestimmt am"}

ADMIN_CONSENTS = "Einwilligungen"
CONSENT_INTRO = (
    "Betriebe sehen Noten, Fehlzeiten und Notizen der Lehrkräfte nur, wenn die Schule sie freigibt und eine "
    "Einwilligung (bei Minderjährigen der Erziehungsberechtigten) oder eine Rechtsgrundlage erfasst ist. "
    "Ein Widerruf wirkt sofort."
)
CONSENT_CATEGORY_LABELS = {"grades": "Noten", "absences": "Fehlzeiten", "teacher_notes": "Notizen der Lehrkräfte"}
CONSENT_BASIS_LABELS = {"einwilligung": "Einwilligung", "rechtsvorschrift": "Rechtsvorschrift"}
CONSENT_GIVER_LABELS = {"azubi": "die/der Auszubildende", "erziehungsberechtigte": "Erziehungsberechtigte"}
CONSENT_FIELD_BASIS = "Grundlage"
CONSENT_FIELD_CATEGORIES = "Datenkategorien"
CONSENT_FIELD_GIVER = "Erteilt von"
CONSENT_FIELD_GUARDIAN = "Name der/des Erziehungsberechtigten"
CONSENT_FIELD_GIVEN_ON = "Erteilt am"
CONSENT_FIELD_REFERENCE = "Rechtsvorschrift oder Bemerkung"
CONSENT_NEW = "Einwilligung oder Rechtsgrundlage erfassen"
CONSENT_SAVED = "Erfasst."
CONSENT_REVOKE = "Widerrufen"
CONSENT_REVOKED = "Widerrufen: Der Betrieb sieht diese Kategorien ab sofort nicht mehr."
CONSENT_NONE = "Keine Einwilligung erfasst: Der Betrieb sieht keine Schuldaten dieser Person."
CONSENT_BASIS_MISSING = "Bitte die Grundlage wählen."
CONSENT_CATEGORIES_MISSING = "Bitte mindestens eine Datenkategorie wählen."
CONSENT_GIVER_MISSING = "Bitte angeben, wer die Einwilligung erteilt hat."
CONSENT_MINOR = "Die/der Auszubildende war am Tag der Einwilligung minderjährig: Es braucht die Erziehungsberechtigten."
CONSENT_GUARDIAN_MISSING = "Bitte den Namen der/des Erziehungsberechtigten angeben."
CONSENT_REFERENCE_MISSING = "Bitte die Rechtsvorschrift angeben."
CONSENT_COLUMNS = {"legal_basis": "Grundlage", "categories": "Kategorien", "given_by": "Erteilt von",
                   "guardian_name": "Erziehungsberechtigte/r", "given_on": "Erteilt am", "reference": "Bemerkung",
                   "recorded": "Erfasst", "revoked": "Widerrufen"}

ADMIN_AUDIT = "Protokoll"
AUDIT_INTRO = (
    "Jede Änderung an personenbezogenen Daten und jeder Aufruf der Seite einer/eines Auszubildenden. "
    "Das Protokoll kann niemand ändern oder löschen; es enthält keine Inhalte, nur wer, wann, was."
)
AUDIT_FROM = "Von"
AUDIT_TO = "Bis"
AUDIT_ACTION = "Aktion"
AUDIT_ALL = "alle"
AUDIT_WHO = "Benutzer/in (Benutzername)"
AUDIT_ACTION_LABELS = {"insert": "angelegt", "update": "geändert", "delete": "gelöscht", "view": "angesehen",
                       "export": "exportiert (Auskunft)", "purge": "anonymisiert (Löschfrist)"}
AUDIT_COLUMNS = {"at": "Zeitpunkt", "actor": "Wer", "action": "Aktion", "table_name": "Tabelle",
                 "apprentice": "Auszubildende/r", "columns": "Felder"}
AUDIT_EXPORT = "Protokoll als CSV herunterladen"
AUDIT_CAPPED = "Es werden höchstens {n} Einträge gezeigt; bitte den Zeitraum eingrenzen."
AUDIT_SYSTEM = "System"

ADMIN_RETENTION = "Löschfristen"
RETENTION_INTRO = (
    "Auszubildende, deren Vertrag vor mehr als der Frist endete, werden vom nächtlichen Lauf "
    "`python -m leokop privacy purge` anonymisiert: Name, Geburtstag und Freitexte werden entfernt, "
    "die Zahlen für die Jahresstatistik bleiben."
)
RETENTION_MONTHS = "Frist in Monaten nach Vertragsende"
RETENTION_SAVED = "Löschfrist gespeichert."
RETENTION_RANGE = "Die Frist muss zwischen {low} und {high} Monaten liegen."
RETENTION_DUE = "Beim nächsten Lauf würden {n} Auszubildende anonymisiert:"
RETENTION_COLUMNS = {"school": "Schule", "class_name": "Klasse", "ended_on": "Vertragsende", "months": "Frist"}

ADMIN_ACCESS = "Auskunft"
ACCESS_INTRO = (
    "Auskunft nach Art. 15 DSGVO: alles, was leokop über eine/n Auszubildende/n speichert, als lesbares PDF "
    "und als maschinenlesbares JSON. Der Export wird protokolliert."
)
ACCESS_PREPARE = "Auskunft erstellen"
ACCESS_PDF = "PDF herunterladen"
ACCESS_JSON = "JSON herunterladen"
ACCESS_PDF_TITLE = "Auskunft nach Art. 15 DSGVO"
ACCESS_PDF_INTRO = "Alle in leokop gespeicherten Daten zu dieser Person, Stand {at}."
ACCESS_PDF_PERSON = "Stammdaten"
ACCESS_PDF_TABLE = "{table} ({n} Einträge)"

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
PROJ_NOTHING_TO_SAVE = "Es gibt nichts zu speichern: bitte einen anderen Status oder erledigte Meilensteine wählen."
PROJ_ERR_APPRENTICE_COOP = "{name} gehört zu keiner der gewählten Kooperationen."
MAT_WITHDRAW_UNCONFIRMED = "Bitte bestätigen Sie das Zurückziehen mit dem Häkchen; es wurde nichts geändert."
CONCERN_KIND_MISSING = "Bitte die Art des Anliegens wählen."
CONCERN_STATE_LABELS = {True: "offen", False: "erledigt"}

# --- issue 16 ---
# Import of a school's data (Verwaltung, tab Import; python -m leokop import)
ADMIN_IMPORT = "Import"
ADMIN_CALENDAR = "Kalender"
IMPORT_FIELD_LABELS = {
    "pupil_id": "Schüler-ID", "last_name": "Nachname", "first_name": "Vorname", "birth_date": "Geburtsdatum",
    "class_name": "Klasse", "occupation": "Ausbildungsberuf", "track": "Fachrichtung",
    "schedule": "Unterrichtsform", "contract_start": "Ausbildungsbeginn", "contract_end": "Ausbildungsende",
    "probation_end": "Ende der Probezeit", "left_on": "Lösungs-/Austrittsdatum",
    "company_code": "Betriebskürzel", "company_name": "Ausbildungsbetrieb", "company_street": "Straße des Betriebs",
    "company_postcode": "PLZ des Betriebs", "company_city": "Ort des Betriebs", "company_email": "E-Mail des Betriebs",
    "company_sector": "Branche", "company_chamber": "Kammer",
    "trainer_name": "Ausbilder/in (Name)", "trainer_last_name": "Ausbilder/in Nachname",
    "trainer_first_name": "Ausbilder/in Vorname", "trainer_email": "Ausbilder/in E-Mail",
}
IMPORT_KIND_LABELS = {"apprentices": "Auszubildende", "classes": "Klassen", "companies": "Betriebe",
                      "cooperations": "Kooperationen", "contacts": "Ausbilderkontakte"}
IMPORT_COUNT_LABELS = {"created": "neu", "updated": "geändert", "unchanged": "unverändert"}
IMPORT_IGNORE = "– nicht übernehmen –"
IMPORT_TOO_LARGE = "Die Datei ist zu groß ({size}); erlaubt sind höchstens 20 MB."
IMPORT_TOO_MANY_ROWS = "Die Datei hat mehr als {limit} Zeilen; bitte in kleineren Teilen importieren."
IMPORT_EMPTY = "Die Datei ist leer."
IMPORT_BINARY = ("Die Datei ist keine Text- oder Excel-Datei (CSV, TXT oder XLSX). Bitte aus dem Schulverwaltungs"
                 "programm als CSV oder XLSX exportieren.")
IMPORT_OLD_EXCEL = "Das alte Excel-Format (.xls) wird nicht gelesen. Bitte als .xlsx oder CSV speichern."
IMPORT_BAD_UTF8 = "Die Datei beginnt wie UTF-8 (mit BOM), enthält aber ungültige Zeichen."
IMPORT_NO_SEPARATOR = ("Das Trennzeichen wurde nicht erkannt: Die Kopfzeile muss ihre Spalten durch Semikolon, Komma "
                       "oder Tabulator trennen.")
IMPORT_BROKEN_CSV = "Die Datei lässt sich ab Zeile {line} nicht lesen (Anführungszeichen nicht geschlossen?)."
IMPORT_BROKEN_XLSX = "Die Excel-Datei ist beschädigt oder lässt sich nicht lesen."
IMPORT_FORMAT_CSV = "CSV ({encoding}, {separator})"
IMPORT_FORMAT_XLSX = "Excel (XLSX)"
IMPORT_RAGGED = ("Die Zeile hat {found} Felder, die Kopfzeile {expected} (falsches Trennzeichen oder verrutschte "
                 "Spalten?).")
IMPORT_BOM_INSIDE = ("Die Zeile enthält eine Byte-Order-Markierung (BOM) mitten in der Datei: Wurden zwei Dateien "
                     "aneinandergehängt?")
IMPORT_FORMULA = "Die Zelle enthält eine Formel statt eines Werts; bitte als Wert exportieren."
IMPORT_BAD_DATE = "„{value}“ ist kein Datum im Format TT.MM.JJJJ."
IMPORT_INVALID_DATE = "„{value}“ ist kein gültiges Datum."
IMPORT_BAD_POSTCODE = "„{value}“ ist keine fünfstellige Postleitzahl."
IMPORT_BAD_EMAIL = "„{value}“ ist keine gültige E-Mail-Adresse."
IMPORT_BAD_SCHEDULE = "„{value}“ ist keine Unterrichtsform (Blockunterricht oder Teilzeitunterricht)."
IMPORT_TOO_LONG = "Der Wert ist länger als {limit} Zeichen."
IMPORT_REQUIRED = "{field} fehlt."
IMPORT_BIRTH_FUTURE = "Das Geburtsdatum liegt in der Zukunft."
IMPORT_BIRTH_IMPLAUSIBLE = "Das Geburtsdatum liegt vor 1900."
IMPORT_BIRTH_AFTER_START = "Das Geburtsdatum liegt nach dem Ausbildungsbeginn."
IMPORT_END_BEFORE_START = "Das Ausbildungsende liegt nicht nach dem Ausbildungsbeginn."
IMPORT_PROBATION_RANGE = ("Die Probezeit muss mindestens einen und höchstens vier Monate nach dem Ausbildungsbeginn "
                          "enden (§ 20 BBiG).")
IMPORT_LEFT_BEFORE_START = "Das Lösungs- bzw. Austrittsdatum liegt vor dem Ausbildungsbeginn."
IMPORT_UNKNOWN_OCCUPATION = "Der Ausbildungsberuf „{value}“ ist unbekannt."
IMPORT_CLASS_NEEDS_OCCUPATION = "Die Klasse „{name}“ ist neu; dafür fehlt der Ausbildungsberuf."
IMPORT_CLASS_NEEDS_START = "Die Klasse „{name}“ ist neu; dafür fehlt der Ausbildungsbeginn."
IMPORT_CLASS_OTHER_OCCUPATION = "Die Klasse „{name}“ gehört zum Ausbildungsberuf {occupation}."
IMPORT_COMPANY_AMBIGUOUS = ("Es gibt mehrere Betriebe „{name}“; bitte die Postleitzahl oder das Betriebskürzel "
                            "angeben.")
IMPORT_COMPANY_CITY_MISSING = "Der Betrieb „{name}“ ist neu; dafür fehlt sein Ort."
IMPORT_UNKNOWN_CODE = "Das Betriebskürzel „{code}“ ist unbekannt, und der Name des Betriebs fehlt."
IMPORT_CONTACT_NEEDS_COMPANY = "Für die Ausbilderin/den Ausbilder fehlt der Betrieb."
IMPORT_CONTACT_NEEDS_NAME = "Für die Ausbilderin/den Ausbilder fehlt der Nachname."
IMPORT_DUPLICATE = "Doppelt in der Datei (wie Zeile {line})."
IMPORT_FIELD_TWICE = "„{field}“ ist mehr als einer Spalte zugeordnet."
IMPORT_NOTHING_MAPPED = ("Es ist weder Nachname und Vorname noch ein Betrieb zugeordnet: Die Datei enthält so nichts, "
                         "was übernommen werden kann.")
IMPORT_NAME_INCOMPLETE = "Für Auszubildende müssen Nachname und Vorname zugeordnet sein."
IMPORT_INTRO = (
    "Schülerinnen und Schüler, Klassen, Ausbildungsbetriebe und Ausbilderkontakte aus dem Export von LUSD, "
    "WebUntis, Magellan oder SchILD übernehmen (CSV, TXT oder XLSX; höchstens 20 MB und 50.000 Zeilen). Erst "
    "zeigt die Vorschau, was neu angelegt, geändert oder gleich bleiben würde und welche Zeilen warum abgelehnt "
    "werden; „Übernehmen“ speichert alles auf einmal oder nichts. Zugeordnet wird nach Schüler-ID, sonst nach "
    "Nachname, Vorname und Geburtsdatum; Betriebe nach Kürzel, sonst nach Name und PLZ. Niemand wird gelöscht."
)
ADMIN_SCHOOL = "Schule"
IMPORT_FILE = "Exportdatei (CSV, TXT oder XLSX)"
IMPORT_FILE_INFO = "{format}, {rows} Datenzeilen"
IMPORT_PROFILE = "Importprofil"
IMPORT_PROFILE_NONE = "Spalten automatisch erkennen"
IMPORT_MAPPING = "Spaltenzuordnung"
IMPORT_MAPPING_HELP = ("Bekannte Spaltenköpfe sind schon zugeordnet. Adresse, Telefon und Geschlecht der "
                       "Schülerinnen und Schüler werden nicht übernommen.")
IMPORT_FIRST_VALUE = "Erster Wert: {value}"
IMPORT_PROFILE_NAME = "Zuordnung als Importprofil speichern unter"
IMPORT_PROFILE_PLACEHOLDER = "z. B. LUSD Berufsschule"
IMPORT_PROFILE_SAVE = "Profil speichern"
IMPORT_PROFILE_SAVED = "Importprofil „{name}“ gespeichert."
IMPORT_PROFILE_NAME_MISSING = "Bitte einen Namen für das Profil angeben."
IMPORT_PROFILE_EXISTS = ("Ein Importprofil „{name}“ gibt es bereits. Zum Ändern oben als Importprofil auswählen, "
                         "sonst einen anderen Namen angeben.")
IMPORT_PROFILE_STATE = "Zuordnung"
IMPORT_PREVIEW_BUTTON = "Vorschau"
IMPORT_APPLY_BUTTON = "Übernehmen"
IMPORT_PREVIEW_TITLE = "Vorschau"
IMPORT_KIND_COLUMN = "Art"
IMPORT_REFUSED_TITLE = "{rows} von {total} Zeilen werden abgelehnt und nicht übernommen:"
IMPORT_REFUSED_COLUMNS = {"line": "Zeile", "column": "Spalte", "reason": "Grund"}
IMPORT_MISSING_TITLE = "{n} aktive Auszubildende der Schule fehlen in der Datei"
IMPORT_MISSING_HINT = ("Sie bleiben gespeichert. Bitte prüfen, ob ihr Vertrag gelöst oder beendet ist, und das "
                       "auf ihrer Seite oder mit einer Datei mit Lösungsdatum eintragen.")
IMPORT_MISSING_COLUMNS = {"name": "Name", "class_name": "Klasse"}
IMPORT_CONTACTS_HINT = ("Ausbilderinnen und Ausbilder aus der Datei werden als Kontakte der Schule gespeichert; "
                        "ein Zugang entsteht dadurch nicht.")
IMPORT_NOTHING_TO_DO = "Die Datei enthält nichts Neues: Es würde nichts geändert."
IMPORT_APPLIED = ("Import übernommen: {created} Auszubildende neu, {updated} geändert; {refused} Zeilen "
                  "abgelehnt.")
IMPORT_APPLIED_ONCE = "Der Import wurde bereits übernommen."
IMPORT_NOT_ADMIN = "Nur die Administration dieser Schule darf importieren."
IMPORT_PAST = "Bisherige Importe"
IMPORT_PAST_COLUMNS = {"at": "Zeitpunkt", "actor": "Wer", "file_name": "Datei", "counts": "Änderungen",
                       "refused": "Abgelehnte Zeilen"}
IMPORT_NO_CHANGES = "keine"
# the import's own row in the audit trail (sql/029)
AUDIT_ACTION_LABELS["import"] = "importiert"

# --- issue 22 part A ---
# An empty selectbox or multiselect (Streamlit's own would be "No options to select").
PLACEHOLDER_NOTHING = "Keine Einträge zur Auswahl"
PLACEHOLDER_CHOOSE_MANY = "Bitte wählen (mehrere möglich) …"
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
# The access request's PDF (Art. 15 DSGVO): German names of the tables and fields the export holds. Fields that
# only link rows (ids, version counters) are left out of the PDF; the JSON holds everything.
ACCESS_TABLE_LABELS = {
    "apprentices": "Stammdaten", "notes": "Notizen", "absences": "Fehlzeiten", "concerns": "Anliegen",
    "consents": "Einwilligungen und Rechtsgrundlagen", "audit_log": "Protokoll der Zugriffe und Änderungen",
    "lf_results": "Lernfeld-Ergebnisse", "lf_grade_history": "Notenverlauf", "risk_cases": "Fälle",
    "risk_flags": "Warnzeichen", "record_weeks": "Berichtsheft-Wochen", "case_comments": "Kommentare zu Fällen",
    "case_measures": "Maßnahmen", "company_phases": "Ausbildungsabschnitte im Betrieb",
    "position_ratings": "Stand der Berufsbildpositionen", "release_overrides": "Freigaben für den Betrieb",
    "project_apprentices": "Teilnahme an gemeinsamen Projekten", "app_users": "Benutzerkonten",
    "memberships": "Rollen", "release_settings": "Freigaben der Schule", "retention_settings": "Löschfristen",
    "terms_versions": "Nutzungsbedingungen", "terms_acceptances": "Zustimmungen zu Nutzungsbedingungen",
    "import_runs": "Importe",
}
ACCESS_FIELD_LABELS = {
    "first_name": "Vorname", "last_name": "Nachname", "birth_date": "Geburtsdatum", "pupil_id": "Schülernummer",
    "status": "Status", "track": "Fachrichtung", "contract_start": "Ausbildungsbeginn",
    "contract_end": "Ausbildungsende", "probation_end": "Ende der Probezeit", "dissolved_on": "Vertrag gelöst am",
    "anonymised_at": "anonymisiert am", "created_at": "angelegt am", "created_by": "angelegt von",
    "updated_at": "zuletzt geändert am", "updated_by": "zuletzt geändert von", "school": "Schule", "class": "Klasse",
    "company": "Ausbildungsbetrieb", "occupation": "Ausbildungsberuf", "body": "Text", "author_id": "verfasst von",
    "place": "Lernort", "absence_date": "Datum", "lessons": "Stunden", "excused": "entschuldigt",
    "excuse_state": "Entschuldigung", "excuse_comment": "Begründung", "proposed_at": "vorgeschlagen am",
    "proposed_by": "vorgeschlagen von", "recorded_at": "erfasst am", "recorded_by": "erfasst von",
    "categories": "Datenkategorien", "given_by": "erteilt von", "given_on": "erteilt am",
    "guardian_name": "Erziehungsberechtigte/r", "legal_basis": "Grundlage", "reference": "Rechtsvorschrift",
    "revoked_at": "widerrufen am", "revoked_by": "widerrufen von", "action": "Aktion", "actor_id": "durch",
    "actor_role": "Art des Zugriffs", "at": "Zeitpunkt", "columns": "betroffene Angaben", "table_name": "Bereich",
    "grade": "Note", "graded_on": "benotet am", "learning_field_id": "Lernfeld", "closed_at": "abgeschlossen am",
    "closing_reason": "Abschlussgrund", "opened_at": "eröffnet am", "opened_by": "eröffnet von",
    "responsible_id": "verantwortlich", "severity": "Stufe", "title": "Titel", "category": "Datenkategorie",
    "cleared_at": "aufgehoben am", "evidence": "Grundlagen", "first_seen_at": "zuerst festgestellt am",
    "last_seen_at": "zuletzt festgestellt am", "reason": "Begründung", "rule": "Regel",
    "decided_at": "entschieden am", "decided_by": "entschieden von", "submitted_at": "eingereicht am",
    "trainer_comment": "Kommentar des Betriebs", "week_start": "Woche ab", "description": "Beschreibung",
    "done_at": "erledigt am", "due_on": "fällig am", "kind": "Art", "department": "Abteilung",
    "starts_on": "Beginn", "ends_on": "Ende", "level": "Stand", "comment": "Kommentar",
    "training_position_id": "Berufsbildposition", "share_grades": "Noten für den Betrieb sichtbar",
    "share_absences": "Fehlzeiten für den Betrieb sichtbar",
    "share_teacher_notes": "Notizen der Lehrkräfte für den Betrieb sichtbar", "raised_by": "eingebracht von",
    "raised_at": "eingebracht am", "resolved_at": "erledigt am", "resolved_by": "erledigt von",
    "project_id": "Projekt", "role": "Rolle",
}
ACCESS_ACTOR_ROLES = {"authenticated": "angemeldete Person", "leokop_service": "automatische Auswertung",
                      "leokop_worker": "automatische Auswertung"}
ACCESS_ACTOR_OTHER = "Systemverwaltung"
ACCESS_CONCERN_CATEGORY = "Anliegen"
ACCESS_ROW = "{table}, Eintrag {n}"
ACCESS_NOBODY_KNOWN = "(Name nicht verfügbar)"
# New passwords (leokop/services/passwords.py): zxcvbn's own feedback is English, these hints are leokop's.
PASSWORD_WEAK = "Dieses Passwort ist zu leicht zu erraten."
PASSWORD_TIP = ("Tipp: Reihen Sie vier oder mehr Wörter aneinander, die nichts miteinander zu tun haben, und "
                "ergänzen Sie eine Zahl oder ein Zeichen.")
PASSWORD_HINT_CONTEXT = ("Es enthält Ihren Namen, Ihren Benutzernamen, Ihre E-Mail-Adresse, den Namen der Schule "
                         "oder „leokop“.")
PASSWORD_HINT_COMMON = "Es ist ein häufig verwendetes Passwort oder ähnelt einem."
PASSWORD_HINT_WORDS = "Einzelne bekannte Wörter und Namen sind leicht zu erraten."
PASSWORD_HINT_L33T = "Ersetzungen wie „@“ statt „a“ oder „0“ statt „o“ machen es kaum sicherer."
PASSWORD_HINT_KEYBOARD = "Tastaturmuster wie „qwertz“ oder „asdf“ sind leicht zu erraten."
PASSWORD_HINT_REPEAT = "Wiederholungen wie „aaa“ oder „abcabc“ sind leicht zu erraten."
PASSWORD_HINT_SEQUENCE = "Folgen wie „abc“ oder „1234“ sind leicht zu erraten."
PASSWORD_HINT_DATES = "Jahreszahlen und Daten sind leicht zu erraten."
PASSWORD_RULES = ("Mindestens 12 Zeichen; nicht leicht zu erraten (kein häufiges Passwort, nicht Ihr Name, Ihre "
                  "Schule oder „leokop“). Gut merkbar: mehrere Wörter, die nichts miteinander zu tun haben.")
PASSWORD_CURRENT_MISSING = "Bitte das aktuelle Passwort eingeben."
# The first login with a start password the admin set (sql/033): the user's own password first.
START_PASSWORD_TITLE = "Eigenes Passwort festlegen"
START_PASSWORD_INTRO = ("Sie haben sich mit einem Startpasswort der Schulverwaltung angemeldet. Bitte legen Sie jetzt "
                        "Ihr eigenes Passwort fest; danach öffnet sich leokop.")
FIELD_START_PASSWORD = "Startpasswort"
START_PASSWORD_HELP = ("Ein Startpasswort: Die Person muss es bei der ersten Anmeldung durch ein eigenes ersetzen. "
                       "Mindestens 12 Zeichen, nicht leicht zu erraten.")
MAT_UPLOAD_HELP = ("PDF, Word, Excel, PowerPoint, OpenDocument, Bilder (PNG, JPEG, GIF, WebP) und Text (TXT, CSV, "
                   "Markdown), höchstens 20 MB; leokop prüft den Inhalt der Datei, nicht nur ihren Namen.")
CONSENT_REVOKE_CONFIRM = "Ja, widerrufen: Der Betrieb sieht {categories} ab sofort nicht mehr."
CONSENT_REVOKE_UNCONFIRMED = "Bitte bestätigen Sie den Widerruf mit dem Häkchen; es wurde nichts geändert."

# The school calendar (Verwaltung, tab "Kalender")
CALENDAR_INTRO = ("Ferien und Feiertage des Bundeslands kommen aus dem gepflegten Paket „holidays“; die Schule "
                  "ergänzt eigene schulfreie Tage (bewegliche Ferientage, pädagogische Tage). Konfliktprüfung, "
                  "Zeitleiste und Fehlquote verwenden diesen einen Kalender.")
CALENDAR_RUNS_SHORT = ("Der Kalender der Schule „{school}“ kennt Schulferien nur bis {last}: weniger als neun Monate "
                       "im Voraus. Bitte die Ferien als .ics-Datei unten einlesen oder die Betreuung bitten, "
                       "`python -m leokop calendar sync` nach einer Aktualisierung auszuführen.")
CALENDAR_KNOWN_UNTIL = "Schulferien bekannt bis {last}."
CALENDAR_COMING = "Die nächsten zwölf Monate"
CALENDAR_NOTHING_AHEAD = "In den nächsten zwölf Monaten sind keine Ferien oder schulfreien Tage eingetragen."
CALENDAR_KIND_LABELS = {"ferien": "Schulferien", "feiertag": "Feiertag", "schulfrei": "Schulfreier Tag"}
CALENDAR_COLUMNS = {"kind": "Art", "name": "Bezeichnung", "starts_on": "Von", "ends_on": "Bis"}
CALENDAR_DAYS_OFF = "Schulfreie Tage der Schule"
CALENDAR_FIELD_NAME = "Bezeichnung"
CALENDAR_NAME_PLACEHOLDER = "z. B. Pädagogischer Tag"
CALENDAR_END_HELP = "Leer lassen für einen einzelnen Tag."
CALENDAR_ADD = "Schulfreien Tag eintragen"
CALENDAR_ADDED = "Schulfreier Tag „{name}“ eingetragen."
CALENDAR_DAY_OFF_EXISTS = "Diesen schulfreien Tag gibt es an diesem Datum bereits. Es wurde nichts gespeichert."
CALENDAR_END_BEFORE_START = "Das Ende liegt vor dem Beginn."
CALENDAR_TOO_LONG = "Ein schulfreier Zeitraum darf höchstens {n} Tage lang sein."
CALENDAR_NO_DAYS_OFF = "Noch keine eigenen schulfreien Tage eingetragen."
CALENDAR_SOURCE_LABELS = {"hand": "eingetragen", "ics": "aus .ics-Datei"}
CALENDAR_DAY_OFF_COLUMNS = {"name": "Bezeichnung", "starts_on": "Von", "ends_on": "Bis", "source": "Herkunft",
                            "created_by": "Eingetragen von"}
CALENDAR_DELETE_TITLE = "Schulfreie Tage löschen"
CALENDAR_DELETE_CONFIRM = "Ja, „{name}“ ({day}) löschen"
CALENDAR_DELETE = "Löschen"
CALENDAR_DELETE_UNCONFIRMED = "Bitte das Löschen mit dem Häkchen bestätigen; es wurde nichts geändert."
CALENDAR_DELETED = "Schulfreier Tag „{name}“ gelöscht."
CALENDAR_ICS_TITLE = "Aus einer .ics-Datei einlesen"
CALENDAR_ICS_FILE = "Kalenderdatei (.ics)"
CALENDAR_ICS_HELP = ("Ganztägige Termine werden schulfreie Tage, z. B. die Ferien des Kultusministeriums oder der "
                     "Jahresplan der Schule. Dieselbe Datei ein zweites Mal fügt nichts doppelt hinzu.")
CALENDAR_ICS_EMPTY = "Die Datei ist leer."
CALENDAR_ICS_TOO_LARGE = "Die Datei ist größer als {mb} MB; ein Schulkalender ist viel kleiner."
CALENDAR_ICS_UNREADABLE = "Die Datei ist kein lesbarer Kalender im iCalendar-Format (.ics)."
CALENDAR_ICS_TOO_MANY = "Die Datei enthält mehr als {n} Termine; bitte nur den Schulkalender einlesen."
CALENDAR_ICS_NO_NAME = "(ohne Titel)"
CALENDAR_ICS_NO_DATE = "{name}: ohne Datum."
CALENDAR_ICS_SKIPPED = "{n} Termine werden nicht übernommen:"
CALENDAR_ICS_REASON = "Termin und Grund"
CALENDAR_ICS_NOTHING = "Die Datei enthält keine Termine, die übernommen werden können."
CALENDAR_ICS_APPLY = "{n} schulfreie Tage übernehmen"
CALENDAR_ICS_IMPORTED = "{n} schulfreie Tage übernommen (schon vorhandene ausgelassen)."
CALENDAR_ICS_ONCE = "Die Termine wurden bereits übernommen."
# The personal calendar feed (issue 16, sql/035): Mein Konto, the route, the .ics titles.
CAL_TITLE = "Kalender-Abo"
CAL_INTRO = ("Ihre Schulblöcke, Prüfungen, Ausbildungsabschnitte, gemeinsamen Termine, Projektmeilensteine und die "
             "Schulferien Ihrer Kooperationen als Kalender-Abo für Outlook, Google Kalender oder Apple Kalender. Die "
             "Adresse ist persönlich: Wer sie kennt, sieht diese Termine ohne Anmeldung. Noten, Fehlzeiten, Notizen "
             "und Warnhinweise stehen nie darin.")
CAL_NONE = "Sie haben zurzeit kein Kalender-Abo."
CAL_ACTIVE = "Ihr Kalender-Abo ist aktiv seit {since}."
CAL_WITH_NAMES = "Namen der Auszubildenden im Kalender zeigen"
CAL_WITH_NAMES_HELP = ("Aus: Ausbildungsabschnitte stehen nur mit Titel und Klasse im Kalender. Ein: mit dem Namen der "
                       "oder des Auszubildenden – nur für die, die Sie in leokop gerade sehen dürfen. Ihr "
                       "Kalenderdienst (z. B. Google, Microsoft, Apple) speichert die Namen dann ebenfalls.")
CAL_CREATE = "Abo-Adresse erstellen"
CAL_SAVE = "Einstellung speichern"
CAL_RENEW = "Neue Adresse erstellen (die alte wird ungültig)"
CAL_REVOKE = "Abo beenden"
CAL_CREATED = "Ihre Abo-Adresse ist erstellt. Kopieren Sie sie jetzt: leokop zeigt sie nur dieses eine Mal."
CAL_RENEWED = ("Ihre neue Abo-Adresse ist erstellt, die alte funktioniert nicht mehr. Kopieren Sie die neue jetzt: "
               "leokop zeigt sie nur dieses eine Mal.")
CAL_SAVED = "Die Einstellung Ihres Kalender-Abos ist gespeichert."
CAL_REVOKED = "Ihr Kalender-Abo ist beendet: Die Adresse funktioniert nicht mehr."
CAL_ADDRESS = "Ihre Abo-Adresse"
CAL_ADDRESS_HELP = ("In Outlook: Kalender hinzufügen → Aus dem Internet abonnieren. In Google Kalender: Weitere "
                    "Kalender → Per URL. In Apple Kalender: Ablage → Neues Kalenderabonnement. Der Kalenderdienst "
                    "muss leokop unter dieser Adresse erreichen können.")
CAL_ADDRESS_HIDDEN = ("Die Adresse wird aus Sicherheitsgründen nur beim Erstellen angezeigt. Wenn Sie sie nicht mehr "
                      "haben, erstellen Sie eine neue.")
CAL_STATE_FEED = "Kalender-Abo"
CAL_STATE_NAMES = "Namen im Kalender"
CAL_STATE_ACTIVE = "aktiv seit {since}"
CAL_STATE_NONE = "keins"
CAL_NAME = "leokop – Kooperationen"
CAL_PAIR_NAME = "leokop – Kooperationsplan"
CAL_DOWNLOAD = "Plan als Kalenderdatei (.ics)"
CAL_DOWNLOAD_HELP = ("Die Termine dieser Kooperation (ein halbes Jahr zurück, anderthalb Jahre voraus) als einmalige "
                     "Datei für Ihren Kalender, ohne Namen der Auszubildenden. Ein Abo, das sich selbst aktualisiert, "
                     "richten Sie unter „Mein Konto“ ein.")
CAL_NOT_FOUND = "Dieses Kalender-Abo gibt es nicht (mehr)."
ICS_SCHOOL_BLOCK = "Schulblock {name}"
ICS_EXAM = "Prüfung: {exam} ({name})"
ICS_PHASE_CLASS = "{title} ({name})"
ICS_PHASE_PERSON = "{title} – {person}"
ICS_JOINT_DATE = "Termin: {title}"
ICS_MILESTONE = "Meilenstein: {title}"
ICS_HOLIDAY = "Ferien: {name}"
ICS_DAY_OFF = "Schulfrei: {name}"
ICS_PAIR = "Kooperation {pair}"
