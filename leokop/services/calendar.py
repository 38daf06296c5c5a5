"""iCalendar (RFC 5545) of a user's feed or of one pair's plan, with the `icalendar` package.

Every event is all-day (DTSTART;VALUE=DATE, DTEND the day after the last day: exclusive), its UID is made of the
table and the row id (a client that fetches again updates the event instead of adding a second one), its summary
German. The content's ETag depends on the events only, so that an unchanged plan answers 304 and the stamp
(DTSTAMP, Last-Modified) stays the moment the content last changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

from leokop import clock, texts

TIMEZONE = "Europe/Berlin"
UID_DOMAIN = "leokop"
DAYS_BACK = 180  # the feed's window: half a year back (a client removes what leaves it)
DAYS_AHEAD = 550  # and a year and a half ahead (the rest of a three-year apprenticeship is rarely planned)
FORMAT = 1  # raise when the rendering changes, so that every client fetches anew

# The route of a subscription address (leokop.web serves it beside the app).
FEED_PATH = "/kalender/{token}.ics"


def feed_url(base: str, token: str) -> str:
    """The subscription address of a token under the app's base URL."""
    return base.rstrip("/") + FEED_PATH.replace("{token}", token)


def window(today: date) -> tuple[date, date]:
    return today - timedelta(days=DAYS_BACK), today + timedelta(days=DAYS_AHEAD)


def uid(source: str, row_id) -> str:
    """The event's UID: stable across fetches, the same in the feed and in a pair's download."""
    return f"{source}-{row_id}@{UID_DOMAIN}"


def summary(event: dict) -> str:
    """The German title of one event row (repo.calendar_feeds.events)."""
    kind, title, detail, person = event["kind"], event["title"], event.get("detail"), event.get("person")
    if kind == "schulblock":
        return texts.ICS_SCHOOL_BLOCK.format(name=title)
    if kind == "pruefung":
        return texts.ICS_EXAM.format(exam=texts.EXAM_LABELS.get(title, title), name=detail or "")
    if kind == "phase":
        return texts.ICS_PHASE_PERSON.format(title=title, person=person) if person else \
            texts.ICS_PHASE_CLASS.format(title=title, name=detail or "")
    if kind == "termin":
        return texts.ICS_JOINT_DATE.format(title=title)
    if kind == "meilenstein":
        return texts.ICS_MILESTONE.format(title=title)
    if kind == "ferien":
        return texts.ICS_HOLIDAY.format(name=title)
    if kind == "schulfrei":
        return texts.ICS_DAY_OFF.format(name=title)
    return title


def description(event: dict) -> str | None:
    if event["kind"] == "termin" and event.get("detail"):
        return texts.ICS_PAIR.format(pair=event["detail"])
    return None


def _ordered(events: Iterable[dict]) -> list[dict]:
    return sorted(events, key=lambda e: (e["starts_on"], e["source"], str(e["id"])))


def etag(events: Iterable[dict], name: str) -> str:
    """A strong ETag of the content: the same events, titles and dates give the same tag."""
    content = [[e["source"], str(e["id"]), summary(e), description(e) or "", e["starts_on"].isoformat(),
                e["ends_on"].isoformat()] for e in _ordered(events)]
    digest = hashlib.sha256(json.dumps([FORMAT, name, content], ensure_ascii=False).encode("utf-8")).hexdigest()
    return f'"{digest[:40]}"'


def to_ics(events: Iterable[dict], name: str, stamp: datetime | None = None) -> bytes:
    """The calendar as bytes (UTF-8, CRLF lines). `stamp`: when the content last changed (DTSTAMP)."""
    stamp = stamp or clock.now()
    cal = Calendar()
    cal.add("prodid", "-//leokop//Lernortkooperation//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add("x-published-ttl", "PT1H")
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    for row in _ordered(events):
        event = Event()
        event.add("uid", uid(row["source"], row["id"]))
        event.add("dtstamp", stamp)
        event.add("summary", summary(row))
        event.add("dtstart", row["starts_on"])  # a date: VALUE=DATE, all day
        event.add("dtend", row["ends_on"] + timedelta(days=1))  # exclusive
        event.add("transp", "TRANSPARENT")  # a plan, not a meeting: shows as free
        text = description(row)
        if text:
            event.add("description", text)
        event.add("categories", [texts.KIND_LABELS.get(row["kind"], row["kind"])])
        cal.add_component(event)
    return cal.to_ical()


def pair_ics(db, user_id, cooperation_id, today: date) -> bytes:
    """One pair's plan as a one-off .ics download (the dashboard): the feed's read limited to the pair, without
    apprentices' names, with the same UIDs as the feed (importing it next to a subscription adds no duplicates)."""
    from leokop.repo import calendar_feeds

    start, end = window(today)
    events = calendar_feeds.events(db, user_id, start, end, with_names=False, cooperation_id=cooperation_id)
    return to_ics(events, texts.CAL_PAIR_NAME)
