"""German texts: Sign-in, roles, page titles, the own account and passwords."""

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
LOGIN_CLIENT_LIMITED = (
    "Von diesem Anschluss aus sind in der letzten Stunde zu viele Anmeldungen fehlgeschlagen. Bitte versuchen Sie "
    "es später erneut oder wenden Sie sich an die Schulverwaltung."
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

# Sessions (sql/036, decision 90): "Mein Konto" lists the own open sessions and ends each of them.
SESSIONS_TITLE = "Angemeldete Sitzungen"
SESSIONS_INTRO = ("Hier sehen Sie, wo Sie gerade angemeldet sind. Eine Sitzung endet nach {idle} Minuten ohne "
                  "Aktivität, spätestens {hours} Stunden nach der Anmeldung, beim Abmelden und wenn Sie Ihr Passwort "
                  "ändern. Beenden Sie jede Sitzung, die Sie nicht kennen, und ändern Sie dann Ihr Passwort.")
SESSIONS_NONE = "Keine offene Sitzung."
SESSION_THIS = "diese Sitzung"
SESSION_LABEL = "{device} – angemeldet {created}, zuletzt aktiv {seen}"
SESSION_END = "Sitzung beenden"
SESSION_END_THIS = "Beendet die Sitzung, in der Sie gerade arbeiten: Sie werden abgemeldet."
SESSION_ENDED = "Die Sitzung wurde beendet."
SESSION_STATE = "Sitzung"
SESSION_STATES = {True: "offen", False: "beendet"}
SESSION_GONE = "Diese Sitzung ist bereits beendet."
SESSION_EXPIRED = "Ihre Sitzung ist abgelaufen oder wurde beendet. Bitte melden Sie sich erneut an."
SESSION_COLUMNS = {"device": "Gerät", "created": "Angemeldet", "seen": "Zuletzt aktiv", "this": ""}
# What the user agent is shortened to: browser and system (unknown parts say so).
DEVICE_UNKNOWN = "Unbekannter Browser"
DEVICE_ON = "{browser} unter {system}"

# Invitations and password reset (sql/037, decision 92): the pages behind a link, "Passwort vergessen?", the mails.
INVITATION_TITLE = "Einladung annehmen"
INVITATION_INTRO = ("Willkommen bei leokop, {name}. Ihr Benutzername ist „{username}“. Legen Sie jetzt Ihr "
                    "Passwort fest; danach sind Sie angemeldet.")
INVITATION_INVALID = ("Dieser Einladungslink ist nicht gültig: Er ist unbekannt, wurde schon benutzt, ist abgelaufen "
                      "oder wurde zurückgezogen. Bitte wenden Sie sich an die Schulverwaltung.")
INVITATION_ACCEPTED = "Willkommen! Ihr Passwort ist gespeichert und Sie sind angemeldet."
RESET_TITLE = "Neues Passwort festlegen"
RESET_INTRO = ("Legen Sie ein neues Passwort für „{username}“ fest. Danach sind Sie angemeldet; alle anderen "
               "Sitzungen dieses Kontos werden beendet.")
RESET_INVALID = ("Dieser Link zum Zurücksetzen ist nicht gültig: Er ist unbekannt, wurde schon benutzt oder ist "
                 "abgelaufen (er gilt eine Stunde). Fordern Sie bei Bedarf unter „Passwort vergessen?“ einen neuen an.")
RESET_DONE = "Ihr neues Passwort ist gespeichert und Sie sind angemeldet. Alle anderen Sitzungen wurden beendet."
LINK_BUTTON_SET = "Passwort festlegen"
LINK_TO_LOGIN = "Zur Anmeldung"
LINK_WHILE_SIGNED_IN = ("Sie haben einen Einladungs- oder Passwort-Link geöffnet, sind aber schon angemeldet. Um den "
                        "Link zu verwenden, melden Sie sich bitte zuerst ab (oder öffnen Sie ihn in einem anderen "
                        "Browser).")
LINK_PASSWORD_SET = ("Ihr Passwort ist gespeichert. Ihr Konto hat noch keine aktive Rolle; bitte wenden Sie sich an "
                     "die Schulverwaltung.")
FORGOT_TITLE = "Passwort vergessen?"
FORGOT_INTRO = ("Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein. Ist dazu ein Konto mit E-Mail-Adresse "
                "hinterlegt, schicken wir einen Link, mit dem Sie ein neues Passwort festlegen (eine Stunde gültig).")
# not "Benutzername …": the login form's field is found by that label (tests/browser, assistive technology)
FIELD_LOGIN_OR_EMAIL = "Anmeldename oder E-Mail-Adresse"
PLACEHOLDER_LOGIN_OR_EMAIL = "z. B. s.keller oder s.keller@schule.de"
FORGOT_BUTTON = "Link anfordern"
FORGOT_EMPTY = "Bitte Benutzernamen oder E-Mail-Adresse eingeben."
FORGOT_SENT = ("Wenn zu dieser Angabe ein Konto mit E-Mail-Adresse gehört, ist ein Link zum Zurücksetzen unterwegs. "
               "Bitte sehen Sie in Ihr Postfach (auch in den Spam-Ordner). Der Link gilt eine Stunde.")
FORGOT_NO_MAIL = ("In dieser Installation ist kein E-Mail-Versand eingerichtet, deshalb kann kein Link zum "
                  "Zurücksetzen verschickt werden. Bitte wenden Sie sich an die Schulverwaltung Ihrer Schule.")
INVITATION_MAIL_SUBJECT = "Einladung zu leokop"
INVITATION_MAIL_BODY = """Guten Tag {name},

die Schulverwaltung hat für Sie ein Konto in leokop angelegt. Mit diesem Link legen Sie Ihr Passwort fest:

{link}

Der Link gilt bis {until} und nur einmal. Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail
ignorieren.

Diese E-Mail wurde automatisch von leokop verschickt.
"""
RESET_MAIL_SUBJECT = "leokop: Passwort zurücksetzen"
RESET_MAIL_BODY = """Guten Tag,

für Ihr leokop-Konto wurde ein neues Passwort angefordert. Mit diesem Link legen Sie es fest:

{link}

Der Link gilt {minutes} Minuten und nur einmal; danach werden alle anderen Sitzungen Ihres Kontos beendet. Wenn Sie
nichts angefordert haben, ignorieren Sie diese E-Mail: Ihr bisheriges Passwort bleibt gültig.

Diese E-Mail wurde automatisch von leokop verschickt.
"""
