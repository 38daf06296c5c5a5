"""German texts: Data protection: terms, consents, audit trail, retention, the access request."""

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
                       "export": "exportiert (Auskunft)", "purge": "anonymisiert (Löschfrist)",
                       "import": "importiert",  # the import's own row in the audit trail (sql/029)
                       "refused": "nicht sichtbar (Adresse abgewiesen)"}  # an address the user may not see (042)
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
