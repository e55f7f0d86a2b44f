"""What to do and by when: the report's ``deadlines`` (lawcheck.deadlines' entries) as the
dated actions at the top of every rendering, overdue first, then those due within 30 days.

Split from summary.py (past STYLE's split-before-600), which re-exports these names so the
renderers keep reading them as ``summary.act_by`` and so on. Like summary.py, nothing here reads
the clock: "today" is the report's ``as_of``.
"""

from __future__ import annotations

import calendar as monthcal
from dataclasses import dataclass
from datetime import date

ACT_BY_HEADING = "Act by these dates"
OVERDUE_HEADING = "Overdue"
SOON_HEADING = "Due in the next 30 days"
#: Shown when the report has deadlines and none is overdue or near: never "nothing to do".
NOTHING_DUE = ("Nothing overdue and nothing due in the next 30 days among the deadlines "
               "lawcheck computes (annual reports, donor-report copies, change notices, bank "
               "accounts, MoU, tax returns, each demonstration's notice); the findings below "
               "may still ask for action.")


@dataclass(frozen=True)
class Action:
    """One dated duty at the top of the summary."""

    date: str
    line: str  # "Overdue since 4 November 2026 (27 days): Notice of ..."
    what: str  # what to do, with the day, in the calendar's words
    basis: str  # "kh/... (likely)"
    status: str


def long_date(value: str) -> str:
    """'2026-12-30' -> '30 December 2026' (anything else as it is)."""
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {monthcal.month_name[day.month]} {day.year}"


def _days(a: str, b: str) -> int | None:
    try:
        return (date.fromisoformat(str(b)[:10]) - date.fromisoformat(str(a)[:10])).days
    except ValueError:
        return None


def act_by(report: dict) -> tuple[list[Action], list[Action]] | None:
    """(overdue, due soon) from the report's ``deadlines``, each soonest first; None when the
    report carries no deadlines (a report from before they were added, or a review)."""
    if "deadlines" not in report:
        return None
    today = report.get("as_of") or ""
    overdue, soon = [], []
    for e in sorted(report.get("deadlines") or [], key=lambda e: (str(e.get("date")),
                                                                  str(e.get("title")))):
        n = _days(today, e.get("date", ""))
        basis = f"{e.get('citation', '')} ({e.get('confidence', '')})"
        if e.get("status") == "overdue":
            late = f" ({-n} day{'s' if n != -1 else ''} late)" if n is not None else ""
            overdue.append(Action(e.get("date", ""), f"Overdue since {long_date(e.get('date'))}"
                                  f"{late}: {e.get('title', '')}", str(e.get("what", "")), basis,
                                  "overdue"))
        elif e.get("status") == "check":
            soon.append(Action(e.get("date", ""), f"Date not known, before "
                               f"{long_date(e.get('date'))}: {e.get('title', '')}",
                               str(e.get("what", "")), basis, "check"))
        else:
            left = (" (today)" if n == 0 else f" (in {n} day{'s' if n != 1 else ''})"
                    if n is not None else "")
            soon.append(Action(e.get("date", ""), f"By {long_date(e.get('date'))}{left}: "
                               f"{e.get('title', '')}", str(e.get("what", "")), basis, "due"))
    return overdue, soon
