"""German texts: The cooperations page and the pair dashboard."""

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
