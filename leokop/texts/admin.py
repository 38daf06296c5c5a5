"""German texts: The admin page: users, memberships, release settings, the import."""

# Admin page
ADMIN_USERS = "Benutzer"
ADMIN_MEMBERSHIPS = "Rollen und Zuordnungen"
ADMIN_NEW_USER = "Neuen Benutzer anlegen"
ADMIN_NEW_USER_INTRO = ("Ohne Einladung: Sie legen ein Startpasswort fest und geben es der Person selbst weiter; sie "
                        "ersetzt es bei der ersten Anmeldung durch ein eigenes. Üblich ist „Person einladen“ oben.")
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
IMPORT_CONTACTS_TITLE = "Ausbilderkontakte einladen"
IMPORT_CONTACTS_PENDING = ("{n} Ausbilderkontakte dieser Schule haben eine E-Mail-Adresse, aber noch keinen Zugang. "
                           "Eingeladen legen sie ihr Passwort selbst fest und sehen danach als Ausbilder/in ihres "
                           "Betriebs dessen Auszubildende an dieser Schule. Ohne Einladung bleiben sie Kontakte.")
IMPORT_CONTACTS_BATCH = ("Höchstens {n} Einladungen je Stunde: Die übrigen laden Sie danach mit demselben Knopf "
                         "ein.")
IMPORT_CONTACTS_BUTTON = "{n} Ausbilderkontakte einladen"
IMPORT_CONTACTS_INVITED = "{n} Ausbilderkontakte eingeladen."
IMPORT_CONTACTS_AGAIN = "Die Ausbilderkontakte wurden bereits eingeladen."
IMPORT_NOTHING_TO_DO = "Die Datei enthält nichts Neues: Es würde nichts geändert."
IMPORT_APPLIED = ("Import übernommen: {created} Auszubildende neu, {updated} geändert; {refused} Zeilen "
                  "abgelehnt.")
IMPORT_APPLIED_ONCE = "Der Import wurde bereits übernommen."
IMPORT_NOT_ADMIN = "Nur die Administration dieser Schule darf importieren."
IMPORT_PAST = "Bisherige Importe"
IMPORT_PAST_COLUMNS = {"at": "Zeitpunkt", "actor": "Wer", "file_name": "Datei", "counts": "Änderungen",
                       "refused": "Abgelehnte Zeilen"}
IMPORT_NO_CHANGES = "keine"

# Invitations (sql/037, decision 92)
ADMIN_INVITE = "Person einladen"
ADMIN_INVITE_INTRO = ("Die Person bekommt einen Link (14 Tage gültig, nur einmal), mit dem sie ihr Passwort selbst "
                      "festlegt; erst dann ist das Konto aktiv.")
FIELD_EMAIL_REQUIRED = "E-Mail"
BUTTON_INVITE = "Einladen"
EMAIL_MISSING = "Bitte eine E-Mail-Adresse eingeben: an sie geht die Einladung."
INVITED_MAILED = "Die Einladung an „{username}“ ist per E-Mail unterwegs."
INVITED_LINK = "Die Einladung für „{username}“ ist angelegt."
INVITATION_LINK_COPY = ("Kein E-Mail-Versand: Geben Sie der Person diesen Link (gültig bis {until}). Er wird nur "
                        "jetzt angezeigt.")
INVITATION_MAIL_FAILED = ("Die E-Mail konnte nicht verschickt werden. Geben Sie der Person diesen Link (gültig bis "
                          "{until}). Er wird nur jetzt angezeigt.")
INVITATIONS_TITLE = "Einladungen"
INVITATIONS_NONE = "Keine Einladungen."
INVITATION_COLUMNS = {"display_name": "Name", "email": "E-Mail", "roles": "Rolle", "valid_until": "Gültig bis",
                      "state": "Stand"}
INVITATION_STATES = {"offen": "offen", "angenommen": "angenommen", "zurueckgezogen": "zurückgezogen",
                     "abgelaufen": "abgelaufen"}
FIELD_INVITATION = "Einladung"
BUTTON_INVITE_AGAIN = "Erneut senden"
BUTTON_WITHDRAW = "Zurückziehen"
INVITATION_WITHDRAWN = "Die Einladung wurde zurückgezogen; ihr Link gilt nicht mehr."
INVITATION_RESENT = "Eine neue Einladung ist angelegt; der alte Link gilt nicht mehr."
INVITATION_GONE = "Diese Einladung ist nicht mehr offen."
INVITATION_NOT_POSSIBLE = "Für dieses Konto ist keine Einladung möglich (es hat bereits ein Passwort)."
INVITATION_TOO_MANY = ("Zu viele Einladungen in kurzer Zeit (höchstens 3 je Konto und 30 je Anschluss in der Stunde). "
                       "Bitte später noch einmal versuchen; es wurde nichts angelegt.")
