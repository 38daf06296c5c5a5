"""HTTP routes beside the Streamlit app, on the same port (`st.App(..., routes=...)` in serve.py).

`GET /kalender/<token>.ics`: the personal calendar feed (sql/035). The route runs outside any Streamlit session,
so the token is its only authentication: the app's login role maps the token's sha256 to its live, active owner
(app_auth.calendar_feed_owner), and the events are then read as that user, under row-level security. Unknown,
revoked and deactivated all answer 404 alike. The ETag depends on the content only: a client that sends it back
(If-None-Match) gets 304 while nothing changed; Last-Modified is when the content last changed.

`POST /sitzung` and `POST /sitzung/ende`: the session cookie (sql/036, decision 90). Streamlit cannot set a cookie
over its websocket, so after the password check the page runs a tiny script that POSTs the session's one-time
handoff here; the route makes the token, lets the database claim the session with its hash, and answers with the
token in an HttpOnly, SameSite=Strict cookie (Secure over https) that no page script can read. `/sitzung/ende`
ends the cookie's session in the database and deletes the cookie. Both refuse a request from another origin (the
Origin header must name this host), anything but a JSON POST (a cross-site form cannot send one, and a cross-site
fetch of it needs a preflight that nothing here answers), and a handoff that is unknown, used or older than two
minutes."""

from __future__ import annotations

import logging
import re
import threading
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from leokop import clock, texts
from leokop.config import load_settings, public_url
from leokop.db.errors import error_summary
from leokop.db.locate import runtime_url
from leokop.db.session import Database
from leokop.repo import calendar_feeds
from leokop.repo import sessions as session_rows
from leokop.services import calendar, sessions
from leokop.services.calendar import FEED_PATH

SESSION_PATH = "/sitzung"
SESSION_END_PATH = "/sitzung/ende"

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_LOG = logging.getLogger("leokop.web")
_POOL: Database | None = None
_POOL_LOCK = threading.Lock()


def _database() -> Database:
    """The route's own small pool of the app's login role (the pages' pool lives in Streamlit's resource cache)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = Database(runtime_url(), min_size=1, max_size=4)
        return _POOL


def _not_found() -> Response:
    return PlainTextResponse(texts.CAL_NOT_FOUND, status_code=404, headers={"Cache-Control": "no-store"})


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC).replace(microsecond=0), usegmt=True)


def _unchanged(request: Request, tag: str, changed: datetime) -> bool:
    """Whether the client's copy is current: If-None-Match decides when sent, else If-Modified-Since."""
    match = request.headers.get("if-none-match")
    if match is not None:
        sent = {part.strip().removeprefix("W/") for part in match.split(",")}
        return "*" in sent or tag in sent
    since = request.headers.get("if-modified-since")
    if since:
        try:
            return changed.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def feed(request: Request) -> Response:
    token = request.path_params["token"]
    if not _TOKEN.match(token):
        return _not_found()
    try:
        db = _database()
        owner = calendar_feeds.owner_of(db, token)
        if owner is None:
            return _not_found()
        start, end = calendar.window(clock.today())
        events = calendar_feeds.events(db, owner.user_id, start, end, with_names=owner.with_names)
        tag = calendar.etag(events, texts.CAL_NAME)
        changed = owner.changed_at if owner.etag == tag else calendar_feeds.served(db, token, tag)
    except Exception as exc:  # the database is down or refused: no text of the error (it may hold data)
        _LOG.error("calendar feed not served: %s", error_summary(exc))
        return PlainTextResponse(texts.DB_UNAVAILABLE, status_code=503, headers={"Retry-After": "60"})
    if changed is None:  # revoked between the two statements
        return _not_found()
    headers = {"ETag": tag, "Last-Modified": _http_date(changed),
               "Cache-Control": "private, no-cache", "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer"}
    if _unchanged(request, tag, changed):
        return Response(status_code=304, headers=headers)
    body = calendar.to_ics(events, texts.CAL_NAME, stamp=changed)
    headers["Content-Disposition"] = 'inline; filename="leokop.ics"'
    return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)


# --- the session cookie ----------------------------------------------------------------------------------------


def _same_origin(request: Request) -> bool:
    """A JSON POST from a page of this very app: the Origin names this host (or LEOKOP_PUBLIC_URL), the browser
    does not call it cross-site, and the body is JSON."""
    origin = request.headers.get("origin")
    if not origin or request.headers.get("sec-fetch-site", "same-origin") != "same-origin":
        return False
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return False
    configured = public_url()
    if configured:
        return origin == configured
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc == request.headers.get("host")


def _secure(request: Request) -> bool:
    return request.url.scheme == "https" or (public_url() or "").startswith("https://")


def _plain(status: int) -> Response:
    return Response(status_code=status, headers={"Cache-Control": "no-store"})


async def session_cookie(request: Request) -> Response:
    """The handoff in, the cookie out."""
    if not _same_origin(request):
        return _plain(403)
    try:
        handoff = (await request.json()).get("handoff")
    except (ValueError, AttributeError):
        return _plain(400)
    if not isinstance(handoff, str) or not sessions.SECRET.match(handoff):
        return _plain(400)
    token = sessions.new_secret()
    try:
        claimed = await run_in_threadpool(session_rows.claim, _database(), sessions.digest(handoff),
                                          sessions.digest(token))
    except Exception as exc:  # no text of the error (it may hold data)
        _LOG.error("session cookie not set: %s", error_summary(exc))
        return _plain(503)
    if not claimed:
        return _plain(403)
    response = _plain(204)
    response.set_cookie(sessions.COOKIE, token, max_age=load_settings().session_max_hours * 3600, path="/",
                        secure=_secure(request), httponly=True, samesite="strict")
    return response


async def session_end(request: Request) -> Response:
    """"Abmelden": the cookie's session ends in the database, and the cookie goes."""
    if not _same_origin(request):
        return _plain(403)
    token = request.cookies.get(sessions.COOKIE)
    if token and sessions.SECRET.match(token):
        try:
            await run_in_threadpool(session_rows.end_by_token, _database(), sessions.digest(token))
        except Exception as exc:
            _LOG.error("session not ended by the route: %s", error_summary(exc))
            return _plain(503)
    response = _plain(204)
    response.delete_cookie(sessions.COOKIE, path="/", secure=_secure(request), httponly=True, samesite="strict")
    return response


def routes() -> list[Route]:
    """The app's own HTTP routes, for st.App."""
    return [Route(FEED_PATH, feed, methods=["GET", "HEAD"]),
            Route(SESSION_PATH, session_cookie, methods=["POST"]),
            Route(SESSION_END_PATH, session_end, methods=["POST"])]
