"""The calendar feed over HTTP: `streamlit run serve.py` (what `make run` starts) on loopback against the test
database, the feed fetched like a calendar client does and parsed with icalendar."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

import psycopg
import pytest
from icalendar import Calendar

from leokop.db.session import Database
from leokop.repo import calendar_feeds
from tests.browser.conftest import streamlit_server
from tests.helpers import SHARED_CLASS, company_id, user_id


@pytest.fixture(scope="module")
def served(owner_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """serve.py under `streamlit run` (the pages and the feed's route on one port); its base URL once healthy."""
    with streamlit_server("serve.py", owner_url, tmp_path_factory.mktemp("serve")) as base:
        yield base


@pytest.fixture()
def cleanup(owner_url: str) -> Iterator[None]:
    yield
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from calendar_feeds where user_id in (%s, %s)", (user_id("lehrkraft"),
                                                                            user_id("ausbilder2")))


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def _feed(base: str, token: str) -> str:
    return f"{base}/kalender/{token}.ics"


def _make(db: Database, username: str, with_names: bool = False) -> str:
    live = calendar_feeds.live_feed(db, user_id(username))
    return calendar_feeds.create(db, user_id(username), with_names=with_names, replacing=live.id if live else None)


def test_a_teachers_feed_over_http(served, db, owner_url, cleanup):
    token = _make(db, "lehrkraft")
    status, headers, body = _get(_feed(served, token))
    assert status == 200, body[:300]
    assert headers["content-type"] == "text/calendar; charset=utf-8"
    assert headers["etag"].startswith('"') and headers["last-modified"].endswith("GMT")
    parsed = Calendar.from_ical(body)
    assert str(parsed["X-WR-TIMEZONE"]) == "Europe/Berlin"
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    with psycopg.connect(owner_url) as conn:
        blocks = {str(r[0]) for r in conn.execute("select id from school_blocks where class_id = %s",
                                                  (SHARED_CLASS,)).fetchall()}
    mine = [uid for uid in events if uid.startswith("school_blocks-") and uid[14:50] in blocks]
    assert mine, "the teacher's class's school block is in the feed"
    block = events[mine[0]]
    assert str(block["SUMMARY"]).startswith("Schulblock ")
    assert "DTSTART;VALUE=DATE:" in body.decode("utf-8")
    assert any(str(e["SUMMARY"]).startswith("Ferien: ") for e in events.values())
    # fetched again: the same UIDs (a client updates its events), the same ETag
    again_status, again_headers, again_body = _get(_feed(served, token))
    assert again_status == 200 and again_headers["etag"] == headers["etag"]
    assert {str(e["UID"]) for e in Calendar.from_ical(again_body).walk("VEVENT")} == set(events)
    # a client that sends its ETag back gets 304 and no body
    status, not_modified, body = _get(_feed(served, token), {"If-None-Match": headers["etag"]})
    assert (status, body) == (304, b"") and not_modified["etag"] == headers["etag"]
    assert _get(_feed(served, token), {"If-None-Match": '"something-else"'})[0] == 200
    assert _get(_feed(served, token), {"If-Modified-Since": headers["last-modified"]})[0] == 304


def test_revoked_renewed_and_unknown_tokens(served, db, cleanup):
    token = _make(db, "ausbilder2")
    assert _get(_feed(served, token))[0] == 200
    renewed = _make(db, "ausbilder2")  # the old address stops working at once
    status, _, body = _get(_feed(served, token))
    assert status == 404 and body.decode("utf-8") == "Dieses Kalender-Abo gibt es nicht (mehr)."
    assert _get(_feed(served, renewed))[0] == 200
    calendar_feeds.revoke(db, user_id("ausbilder2"), calendar_feeds.live_feed(db, user_id("ausbilder2")).id)
    assert _get(_feed(served, renewed))[0] == 404
    assert _get(_feed(served, "x" * 43))[0] == 404
    assert _get(f"{served}/kalender/kurz.ics")[0] == 404


def test_a_changed_plan_gives_a_new_etag_and_a_trainer_sees_no_other_company(served, db, owner_url, cleanup):
    token = _make(db, "ausbilder2", with_names=True)
    _, first, body = _get(_feed(served, token))
    uids = {str(e["UID"]) for e in Calendar.from_ical(body).walk("VEVENT")}
    with psycopg.connect(owner_url) as conn:
        foreign = {f"company_phases-{r[0]}@leokop" for r in conn.execute(
            "select f.id from company_phases f join apprentices a on a.id = f.apprentice_id"
            " where a.company_id <> %s", (company_id("taunus"),)).fetchall()}
    assert uids and not uids & foreign
    with psycopg.connect(owner_url, autocommit=True) as conn:
        block = conn.execute("select id, note from school_blocks where class_id = %s order by starts_on desc limit 1",
                             (SHARED_CLASS,)).fetchone()
        conn.execute("update school_blocks set ends_on = ends_on + 1 where id = %s", (block[0],))
    try:
        status, changed, _ = _get(_feed(served, token), {"If-None-Match": first["etag"]})
        assert status == 200 and changed["etag"] != first["etag"]
    finally:
        with psycopg.connect(owner_url, autocommit=True) as conn:
            conn.execute("update school_blocks set ends_on = ends_on - 1 where id = %s", (block[0],))


def test_the_app_itself_is_served_on_the_same_port(served):
    status, _headers, body = _get(served + "/")
    assert status == 200 and b"<html" in body.lower()
