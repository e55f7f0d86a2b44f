"""Working days and deadlines, computed in Python from a holiday calendar kept as data
(``rules/calendars/<jurisdiction>.yaml``), never inside the rules engine.

Counting convention (conservative, stated in every explanation that uses it): the working days
*between* two dates are those strictly after the first and strictly before the second. Notice
lodged on Monday for an event the next Monday is 4 working days ahead, not 5.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from lawcheck import yamlio
from lawcheck.errors import CorpusDataError, Where

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Calendar:
    weekend: frozenset[int]  # weekday numbers, Monday = 0
    holidays: dict  # date -> name
    complete_years: frozenset[int]  # years for which every public holiday is listed
    note: str = ""
    protected: frozenset = frozenset()  # days on which the law lets authorities refuse
                                        # a demonstration (Peaceful Demonstration Art 9)

    def is_protected(self, day: date) -> bool:
        return day in self.protected

    def is_holiday(self, day: date) -> bool:
        return day in self.holidays

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays

    def working_days_between(self, first: date, last: date) -> int:
        """Working days strictly after ``first`` and strictly before ``last``."""
        count, day = 0, first + timedelta(days=1)
        while day < last:
            count += self.is_working_day(day)
            day += timedelta(days=1)
        return count

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (the deadline of "within N days")."""
        day = start
        while days > 0:
            day += timedelta(days=1)
            days -= self.is_working_day(day)
        return day

    def is_complete(self, *days: date) -> bool:
        """Whether every holiday is known for the years of these dates."""
        return all(d.year in self.complete_years for d in days)


def load_calendar(path: Path) -> Calendar:
    data = yamlio.load(path)
    if not isinstance(data, dict):
        raise CorpusDataError("expected weekend, holidays, complete_years",
                              where=Where(str(path), 1), fix="see rules/README.md")
    weekend = []
    for name in data.get("weekend") or []:
        if str(name).lower() not in _DAYS:
            raise CorpusDataError(f"unknown weekday {name!r}", where=data.where("weekend"),
                                  fix="use monday … sunday")
        weekend.append(_DAYS.index(str(name).lower()))
    holidays, protected = {}, set()
    for entry in data.get("holidays") or []:
        day = entry.get("date") if isinstance(entry, dict) else None
        if not isinstance(day, date):
            where = entry.where("date") if hasattr(entry, "where") else data.where("holidays")
            raise CorpusDataError(f"holiday without a valid date: {entry!r}", where=where,
                                  fix="write each as {date: YYYY-MM-DD, name: …}")
        holidays[day] = str(entry.get("name", ""))
        if entry.get("protected") is True:
            protected.add(day)
    return Calendar(frozenset(weekend), holidays,
                    frozenset(int(y) for y in data.get("complete_years") or []),
                    str(data.get("note", "")), frozenset(protected))
