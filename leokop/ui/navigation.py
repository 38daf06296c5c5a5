"""Which page each role sees: the one table that app.py and the page guards both read."""

from __future__ import annotations

from dataclasses import dataclass

from leokop import texts
from leokop.db.session import Database
from leokop.repo.users import Profile
from leokop.ui import user_cache

ALL_ROLES = frozenset({"lehrkraft", "ausbilder", "schulleitung", "admin"})


@dataclass(frozen=True)
class PageSpec:
    key: str
    path: str
    title: str
    icon: str
    roles: frozenset[str]


PAGES = (
    PageSpec("dashboard", "pages/dashboard_page.py", texts.PAGE_DASHBOARD, ":material/dashboard:",
             frozenset({"lehrkraft", "ausbilder"})),
    PageSpec("azubi", "pages/azubi_page.py", texts.PAGE_APPRENTICE, ":material/person_search:",
             frozenset({"lehrkraft", "ausbilder"})),
    PageSpec("posteingang", "pages/posteingang_page.py", texts.PAGE_INBOX, ":material/inbox:",
             frozenset({"lehrkraft", "ausbilder"})),
    PageSpec("kooperationen", "pages/kooperationen_page.py", texts.PAGE_COOPERATIONS, ":material/handshake:",
             frozenset({"lehrkraft", "ausbilder"})),
    PageSpec("schulueberblick", "pages/schulueberblick_page.py", texts.PAGE_OVERVIEW, ":material/monitoring:",
             frozenset({"schulleitung"})),
    PageSpec("verwaltung", "pages/verwaltung_page.py", texts.PAGE_ADMIN, ":material/manage_accounts:",
             frozenset({"admin"})),
    # after the admin's page, so that the admin still lands on Verwaltung
    PageSpec("materialien", "pages/materialien_page.py", texts.PAGE_MATERIALS, ":material/folder_shared:",
             frozenset({"lehrkraft", "ausbilder", "admin"})),
    PageSpec("projekte", "pages/projekte_page.py", texts.PAGE_PROJECTS, ":material/groups:",
             frozenset({"lehrkraft", "ausbilder"})),
    PageSpec("konto", "pages/konto_page.py", texts.PAGE_ACCOUNT, ":material/person:", ALL_ROLES),
)
PAGE_BY_KEY = {page.key: page for page in PAGES}


def pages_for(roles: frozenset[str]) -> list[PageSpec]:
    """The pages a user with these roles may open, in menu order."""
    return [page for page in PAGES if page.roles & roles]


def other_pages(roles: frozenset[str]) -> list[PageSpec]:
    """The pages these roles may not open: their addresses are still known to the app (hidden), so that a link to
    one shows leokop's German refusal instead of Streamlit's English "Page not found"."""
    return [page for page in PAGES if not page.roles & roles]


def titles_for(user: Profile, db: Database) -> dict[str, str]:
    """Page titles that carry a live count: the inbox shows how many items are new."""
    if "posteingang" not in {p.key for p in pages_for(user.roles)}:
        return {}
    n = user_cache.inbox_count(db, user.user_id)
    return {"posteingang": texts.PAGE_INBOX_COUNT.format(n=n)} if n else {}
