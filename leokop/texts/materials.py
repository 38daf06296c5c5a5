"""German texts: Materials and joint projects."""

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
MAT_EDIT = "Material bearbeiten"
MAT_SUBMIT_EDIT = "Änderungen speichern"
MAT_EDITED = "Das Material „{title}“ ist gespeichert."
MAT_EDIT_CLASS_HELP = "Nur für „alle Kooperationen dieser Klasse“."
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
PROJ_MILESTONE_COLUMNS = {"due_on": "fällig am", "title": "Meilenstein", "place": "zuständig",
                          "description": "Beschreibung", "done": "erledigt"}
PROJ_PLACE_LABELS = {"beide": "beide Lernorte", "schule": "Schule", "betrieb": "Betrieb"}
PROJ_EDIT_MILESTONE = "Meilenstein bearbeiten"
PROJ_CHOOSE_MILESTONE = "Welcher Meilenstein?"
PROJ_FIELD_MILESTONE_TITLE = "Titel des Meilensteins"
PROJ_FIELD_DUE = "fällig am"
PROJ_FIELD_PLACE = "zuständig"
PROJ_FIELD_MILESTONE_DESCRIPTION = "Beschreibung"
PROJ_SUBMIT_MILESTONE = "Meilenstein speichern"
PROJ_MILESTONE_SAVED = "Der Meilenstein „{title}“ ist gespeichert."
PROJ_SECTION_EVENTS = "Änderungsverlauf"
PROJ_EVENT_COLUMNS = {"at": "Wann", "actor": "Wer", "action": "Was", "detail": "Details"}
PROJ_EVENT_LABELS = {"meilenstein_angelegt": "Meilenstein angelegt", "meilenstein_bearbeitet": "Meilenstein geändert",
                     "meilenstein_erledigt": "Meilenstein erledigt", "status": "Status geändert"}
