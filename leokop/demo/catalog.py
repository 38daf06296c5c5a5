"""Reference data of the occupations (KMK Rahmenlehrpläne and Ausbildungsrahmenpläne), from MISSION.md."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LearningField:
    code: str
    title: str
    hours: int | None
    school_year: int
    track: str | None = None


@dataclass(frozen=True)
class Occupation:
    code: str
    name: str
    regulation: str
    duration_months: int
    learning_fields: tuple[LearningField, ...]
    positions: tuple[tuple[str, str, str], ...]  # (number, title, section)


_SI, _AE = "Systemintegration", "Anwendungsentwicklung"

FACHINFORMATIKER = Occupation(
    code="FI",
    name="Fachinformatiker/-in",
    regulation="FIAusbV 2020",
    duration_months=36,
    learning_fields=(
        LearningField("LF1", "Das Unternehmen und die eigene Rolle im Betrieb beschreiben", 40, 1),
        LearningField("LF2", "Arbeitsplätze nach Kundenwunsch ausstatten", 80, 1),
        LearningField("LF3", "Clients in Netzwerke einbinden", 80, 1),
        LearningField("LF4", "Schutzbedarfsanalyse im eigenen Arbeitsbereich durchführen", 40, 1),
        LearningField("LF5", "Software zur Verwaltung von Daten anpassen", 80, 1),
        LearningField("LF6", "Serviceanfragen bearbeiten", 40, 2),
        LearningField("LF7", "Cyber-physische Systeme ergänzen", 80, 2),
        LearningField("LF8", "Daten systemübergreifend bereitstellen", 80, 2),
        LearningField("LF9", "Netzwerke und Dienste bereitstellen", 80, 2),
        LearningField("LF10b", "Serverdienste bereitstellen und Administrationsaufgaben automatisieren", 80, 3, _SI),
        LearningField("LF11b", "Betrieb und Sicherheit vernetzter Systeme gewährleisten", 80, 3, _SI),
        LearningField("LF12b", "Kundenspezifische Systemintegration durchführen", 120, 3, _SI),
        LearningField("LF10a", "Benutzerschnittstellen gestalten und entwickeln", None, 3, _AE),
        LearningField("LF11a", "Funktionalität in Anwendungen realisieren", None, 3, _AE),
        LearningField("LF12a", "Kundenspezifische Anwendungsentwicklung durchführen", None, 3, _AE),
    ),
    positions=(
        ("A1", "Planen, Vorbereiten und Durchführen von Arbeitsaufgaben", "A: gemeinsame IT-Kompetenzen"),
        ("A2", "Informieren und Beraten von Kunden und Kundinnen", "A: gemeinsame IT-Kompetenzen"),
        ("A3", "Beurteilen marktgängiger IT-Systeme und kundenspezifischer Lösungen", "A: gemeinsame IT-Kompetenzen"),
        ("A4", "Entwickeln, Erstellen und Betreuen von IT-Lösungen", "A: gemeinsame IT-Kompetenzen"),
        ("A5", "Durchführen und Dokumentieren von qualitätssichernden Maßnahmen", "A: gemeinsame IT-Kompetenzen"),
        ("A6", "Umsetzen, Integrieren und Prüfen von Maßnahmen zur IT-Sicherheit und zum Datenschutz",
         "A: gemeinsame IT-Kompetenzen"),
        ("A7", "Erbringen der Leistungen und Auftragsabschluss", "A: gemeinsame IT-Kompetenzen"),
        ("B1", "Konzipieren und Umsetzen von kundenspezifischen Softwareanwendungen", "B: Fachinformatik"),
        ("B2", "Sicherstellen der Qualität von Softwareanwendungen", "B: Fachinformatik"),
        ("E1", "Organisation des Ausbildungsbetriebes, Berufsbildung sowie Arbeits- und Tarifrecht",
         "E: integrativ"),
        ("E2", "Sicherheit und Gesundheit bei der Arbeit", "E: integrativ"),
        ("E3", "Umweltschutz und Nachhaltigkeit", "E: integrativ"),
    ),
)

BUEROMANAGEMENT = Occupation(
    code="KBM",
    name="Kaufmann/-frau für Büromanagement",
    regulation="KfBüroMKAusbV 2014",
    duration_months=36,
    learning_fields=(
        LearningField("LF1", "Die eigene Rolle im Betrieb mitgestalten und den Betrieb präsentieren", None, 1),
        LearningField("LF2", "Büroprozesse gestalten und Arbeitsvorgänge organisieren", None, 1),
        LearningField("LF3", "Aufträge bearbeiten", None, 1),
        LearningField("LF4", "Sachgüter und Dienstleistungen beschaffen und Verträge schließen", None, 1),
        LearningField("LF5", "Kunden akquirieren und binden", None, 2),
        LearningField("LF6", "Werteströme erfassen und beurteilen", None, 2),
        LearningField("LF7", "Gesprächssituationen gestalten", None, 2),
        LearningField("LF8", "Personalwirtschaftliche Aufgaben wahrnehmen", None, 2),
        LearningField("LF9", "Liquidität sichern und Finanzierung vorbereiten", None, 3),
        LearningField("LF10", "Wertschöpfungsprozesse erfolgsorientiert steuern", None, 3),
        LearningField("LF11", "Geschäftsprozesse darstellen und optimieren", None, 3),
        LearningField("LF12", "Veranstaltungen und Geschäftsreisen organisieren", None, 3),
        LearningField("LF13", "Ein Projekt planen und durchführen", None, 3),
    ),
    positions=(
        ("1.1", "Informationsmanagement", "A: Büroprozesse"),
        ("1.2", "Informationsverarbeitung", "A: Büroprozesse"),
        ("1.3", "Bürowirtschaftliche Abläufe", "A: Büroprozesse"),
        ("1.4", "Koordinations- und Organisationsaufgaben", "A: Büroprozesse"),
        ("2.1", "Kundenbeziehungsprozesse", "A: Geschäftsprozesse"),
        ("2.2", "Auftragsbearbeitung und -nachbereitung", "A: Geschäftsprozesse"),
        ("2.3", "Beschaffung von Material und externen Dienstleistungen", "A: Geschäftsprozesse"),
        ("2.4", "Personalbezogene Aufgaben", "A: Geschäftsprozesse"),
        ("2.5", "Kaufmännische Steuerung und Kontrolle", "A: Geschäftsprozesse"),
    ),
)

INDUSTRIEMECHANIKER = Occupation(
    code="IM",
    name="Industriemechaniker/-in",
    regulation="IndMetAusbV 2018",
    duration_months=42,
    # MISSION.md gives the first year only; later years are added when their reference data is at hand.
    learning_fields=(
        LearningField("LF1", "Bauelemente mit handgeführten Werkzeugen fertigen", None, 1),
        LearningField("LF2", "Bauelemente mit Maschinen fertigen", None, 1),
        LearningField("LF3", "Baugruppen herstellen und montieren", None, 1),
        LearningField("LF4", "Technische Systeme instand halten", None, 1),
    ),
    positions=(
        ("1", "Betriebliche und technische Kommunikation", "Berufsprofil"),
        ("2", "Planen und Organisieren der Arbeit, Bewerten der Arbeitsergebnisse", "Berufsprofil"),
        ("3", "Prüfen, Anreißen und Kennzeichnen", "Berufsprofil"),
        ("4", "Manuelles und maschinelles Spanen, Trennen und Umformen", "Berufsprofil"),
        ("5", "Fügen", "Berufsprofil"),
        ("6", "Instandhalten von Betriebsmitteln", "Berufsprofil"),
    ),
)

OCCUPATIONS = (FACHINFORMATIKER, BUEROMANAGEMENT, INDUSTRIEMECHANIKER)
