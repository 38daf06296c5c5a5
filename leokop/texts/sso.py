"""Single sign-on (sql/038, decision 95): the login page's buttons, the "kein Konto" page, the invitation's link and
the admin's setting."""

SSO_DEFAULT_LABEL = "Single Sign-on"
SSO_BUTTON = "Mit {label} anmelden"
SSO_OR = "oder"
SSO_NO_ACCOUNT_TITLE = "Kein Konto"
SSO_NO_ACCOUNT = (
    "Sie sind beim Identitätsanbieter angemeldet, aber zu dieser Anmeldung gibt es in leokop kein Konto. Es wurde "
    "nichts angelegt und Sie haben keinen Zugriff. Ein Konto wird verknüpft, wenn die Schulverwaltung es mit Ihrer "
    "bestätigten E-Mail-Adresse angelegt hat oder wenn Sie eine Einladung der Schulverwaltung öffnen, während Sie "
    "beim Identitätsanbieter angemeldet sind. Bitte wenden Sie sich an die Schulverwaltung.")
SSO_SIGN_OUT = "Beim Identitätsanbieter abmelden"
SSO_STALE = ("Ihre Anmeldung beim Identitätsanbieter gilt hier nicht mehr (nach dem Ende einer Sitzung meldet sie "
             "niemanden von selbst wieder an). Bitte melden Sie sich erneut an.")
SSO_INCOMPLETE = ("Die Anmeldung beim Identitätsanbieter ist unvollständig (ohne Aussteller, Kennung oder "
                  "Ausstellungszeit) und wird nicht angenommen.")
SSO_PASSWORD_REFUSED = ("Für Lehrkräfte und Schulleitungen Ihrer Schule ist die Anmeldung mit Passwort abgeschaltet. "
                        "Bitte melden Sie sich mit Single Sign-on an.")
SSO_INVITATION_LINK = "Mit Single Sign-on verknüpfen"
SSO_INVITATION_INTRO = ("Sie sind beim Identitätsanbieter angemeldet. Statt ein Passwort festzulegen, können Sie "
                        "diese Anmeldung mit Ihrem leokop-Konto verknüpfen; danach melden Sie sich immer mit "
                        "Single Sign-on an.")
SSO_INVITATION_SIGN_IN = ("Sie können Ihr Konto auch mit Single Sign-on verknüpfen: Melden Sie sich beim "
                          "Identitätsanbieter an und öffnen Sie danach den Einladungslink noch einmal (innerhalb von "
                          "15 Minuten).")
SSO_INVITATION_REFUSED = (
    "Die Verknüpfung ist nicht möglich: Die Einladung ist nicht mehr gültig, diese Anmeldung ist schon mit einem "
    "Konto verknüpft, oder die Anmeldung beim Identitätsanbieter ist älter als 15 Minuten. Bitte melden Sie sich "
    "erneut beim Identitätsanbieter an und öffnen Sie den Einladungslink noch einmal.")
SSO_INVITATION_DONE = "Ihr Konto ist mit Single Sign-on verknüpft und Sie sind angemeldet."
SSO_SETTING_TITLE = "Anmeldung"
SSO_SETTING_INTRO = (
    "Ist die Anmeldung nur per Single Sign-on eingeschaltet, können sich Lehrkräfte und Schulleitungen der Schule "
    "nicht mehr mit Passwort anmelden. Wer auch Administrator ist, behält das Passwort (für den Fall, dass der "
    "Identitätsanbieter ausfällt).")
SSO_SETTING_LABELS = {"sso_required": "Lehrkräfte melden sich nur per Single Sign-on an"}
SSO_SETTING_SAVED = "Die Anmelderegel der Schule ist gespeichert."
SSO_NOT_CONFIGURED = ("In dieser Installation ist kein Identitätsanbieter eingerichtet ([auth] in "
                      ".streamlit/secrets.toml): Mit der Einstellung kann sich dann niemand dieser Schule anmelden, "
                      "der kein Administrator ist.")
