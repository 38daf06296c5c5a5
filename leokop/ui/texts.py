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

# Leadership overview
OVERVIEW_INTRO = (
    "Zahlen Ihrer Schule (aktive Ausbildungsverhältnisse). Gruppen mit weniger als 5 Auszubildenden "
    "werden zum Schutz der Einzelnen als „< 5“ angezeigt."
)
OVERVIEW_NONE = "Für Ihr Konto sind keine Schulzahlen freigegeben."
OVERVIEW_TOTAL = "Auszubildende"
OVERVIEW_DIMENSIONS = {
    "beruf": "nach Ausbildungsberuf",
    "ausbildungsjahr": "nach Ausbildungsjahr",
    "klasse": "nach Klasse",
}
SUPPRESSED = "< 5"
COUNT = "Anzahl"

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
