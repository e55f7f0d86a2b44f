"""The compliance calendar (:func:`lawcheck.deadlines.compliance_calendar`'s dict) as text,
JSON or an RFC 5545 iCalendar file. Rendering only: the entries, their dates and words come
from the calendar (the rules' ``deadline:`` blocks)."""

from __future__ import annotations

import calendar as monthcal
import hashlib
from datetime import date, datetime, timedelta, timezone

CAMPAIGN_TITLES = ("Campaign period of the ", "Expected ")  # entries that open a campaign
REMINDER_DAYS = 7  # the iCalendar reminder before each campaign start and each duty still due

def render_text(cal: dict, width: int = 100) -> str:
    import textwrap

    head = (f"Compliance calendar: {cal['organization']} ({cal['type']})"
            if cal.get("source") is not None else
            "Election calendar (no organisation given: only elections are listed)")
    lines = [head,
             f"As of {cal['as_of']}; deadlines from {cal['from']} to {cal['to']}, and every "
             "overdue one.",
             "lawcheck lists legal deadlines to help plan work; it is not legal advice.", ""]
    if not cal["deadlines"]:
        lines.append("No deadline in this period.")
    indent = " " * 20
    for e in cal["deadlines"]:
        lines.append(f"{e['status'].upper():<8}{e['date']}  {e['title']}")
        lines += textwrap.wrap(e["what"], width, initial_indent=indent, subsequent_indent=indent)
        lines.append(f"{indent}Legal basis: {e['citation']} ({e['confidence']})")
    if cal.get("elections") is not None:
        lines += ["", "Coming elections"]
        lines += textwrap.wrap(election_summary(cal), width, initial_indent="  ",
                               subsequent_indent="  ")
        for e in cal["elections"]:
            lines.append("")
            title = e["title"][:1].upper() + e["title"][1:]
            lines += textwrap.wrap(f"{title}: {_when(e)}", width, initial_indent="  ",
                                   subsequent_indent="    ")
            for line in _election_lines(e):
                lines += textwrap.wrap(line, width, initial_indent="    ",
                                       subsequent_indent="      ")
    if cal["caveats"]:
        lines += ["", "Caveats"]
        for note in cal["caveats"]:
            lines += textwrap.wrap(note, width, initial_indent="  ! ",
                                   subsequent_indent="    ")
    return "\n".join(lines) + "\n"


def election_summary(cal: dict) -> str:
    cover = cal.get("election_calendar") or {}
    return (f"Every election from {cal['from']} to {cover.get('complete_through')} (the end "
            f"of the election calendar, {cover.get('source')}); after that, whether an "
            "election campaign is on is unknown. Campaign periods are the National Election "
            "Committee's where announced, otherwise computed from the polling day, or, while "
            "no polling day is fixed, the span the campaign may cover.")


def _when(e: dict) -> str:
    if e.get("polling_day"):
        day = date.fromisoformat(e["polling_day"])
        return f"polling day {_long(day)} ({e['status']}, {e['confidence']})"
    window = e.get("polling_window") or {}
    return (f"expected between {window.get('from')} and {window.get('to')}, no polling day "
            f"announced ({e['status']}, {e['confidence']})")


def _election_lines(e: dict) -> list[str]:
    out = []
    campaign, possible = e.get("campaign"), e.get("campaign_possible")
    if campaign:
        how = ("computed from the polling day and the length of past campaigns"
               if campaign["computed"] else "as announced")
        out.append(f"Campaign: {campaign['start']} to {campaign['end']} ({how}; "
                   f"{campaign['confidence']}).")
    elif possible:
        out.append(f"Campaign: not known; it may fall anywhere from {possible['from']} to "
                   f"{possible['to']}, where election-campaign checks are listed as not "
                   "checked.")
    out.append(f"Source: {e['source']}")
    return out


def render_json(cal: dict) -> str:
    import json

    return json.dumps(cal, ensure_ascii=False, indent=2) + "\n"


def render_ics(cal: dict, *, clock: datetime | None = None) -> str:
    """The deadlines as an RFC 5545 iCalendar: one all-day VEVENT each, UIDs from the content
    (stable across runs and check dates), DTSTAMP from ``clock``, CRLF line endings, lines
    folded at 75 octets."""
    from lawcheck import __version__

    moment = (clock or datetime.now(timezone.utc)).astimezone(timezone.utc)
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    name = cal.get("organization") or ""
    calname = f"Compliance deadlines: {name}" if name else "Cambodian elections (lawcheck)"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:-//lawcheck//lawcheck {__version__}//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(calname)]
    for e in cal["deadlines"]:
        day = date.fromisoformat(e["date"])
        uid = hashlib.sha256("\0".join((name, e["date"], e["title"], e["citation"]))
                             .encode("utf-8")).hexdigest()[:32]
        description = (f"{e['status'].upper()}: {e['what']}\n\nLegal basis: {e['citation']} "
                       f"(confidence: {e['confidence']}). Listed by lawcheck; not legal advice.")
        lines += ["BEGIN:VEVENT", f"UID:{uid}@lawcheck", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
                  "SUMMARY:" + escape(e["title"]), "DESCRIPTION:" + escape(description),
                  "CATEGORIES:" + escape(e["status"].upper()), "TRANSP:TRANSPARENT"]
        # a reminder a week ahead: before a campaign starts, and before each duty still due
        # (an overdue one is listed as it stands; a reminder in the past would never show)
        if e["title"].startswith(CAMPAIGN_TITLES) or e["status"] == "due":
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY",
                      f"TRIGGER:-P{REMINDER_DAYS}D",
                      "DESCRIPTION:" + escape(f"In {REMINDER_DAYS} days: {e['title']}")
                      , "END:VALARM"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line so that no physical line exceeds ``limit`` octets (UTF-8), never
    splitting a character; continuation lines start with one space, which counts."""
    parts, current, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        room = limit if not parts else limit - 1
        if size + octets > room:
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _long(day: date) -> str:
    return f"{day.day} {monthcal.month_name[day.month]} {day.year}"
