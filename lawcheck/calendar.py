"""Working days and deadlines, computed in Python from a holiday calendar, never inside the
rules engine.

The public holidays come from the maintained ``holidays`` package (country KH), which computes
the lunar-calendar holidays (Khmer New Year, Visak Bochea, the Royal Ploughing Ceremony, Pchum
Ben, the Water Festival). ``rules/calendars/kh.yaml`` is the layer on top of it: the years the
calendar vouches for (each with the sub-decree it was checked against, or a note that it was
not), the days a sub-decree adds, moves or cancels (the override wins over the package), and
which holidays Art 9 of the Law on Peaceful Demonstration protects.

A day in a year kh.yaml does not list is *not known*: :meth:`Calendar.covers` is false and the
derivation leaves the working-day facts out (the rules that need them say they could not run)
instead of counting such a day as a working day.

Counting convention (conservative, stated in every explanation that uses it): the working days
*between* two dates are those strictly after the first and strictly before the second. Notice
lodged on Monday for an event the next Monday is 4 working days ahead, not 5.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from lawcheck import yamlio
from lawcheck.errors import CorpusDataError, Where
from lawcheck.vocabulary import CONFIDENCE

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class NotCovered(ValueError):
    """A working-day count was asked for a day in a year the calendar does not cover."""


@dataclass(frozen=True)
class YearNote:
    confidence: str  # confirmed: every day checked against that year's sub-decree
    source: str
    note: str = ""


@dataclass(frozen=True)
class Calendar:
    weekend: frozenset[int]  # weekday numbers, Monday = 0
    holidays: dict  # date -> name, for the covered years (package + overrides)
    complete_years: frozenset[int]  # covered years whose every holiday is confirmed
    note: str = ""
    protected: frozenset = frozenset()  # days on which the law lets authorities refuse
                                        # a demonstration (Peaceful Demonstration Art 9)
    years: dict = field(default_factory=dict)  # year -> YearNote: the years covered
    origin: dict = field(default_factory=dict)  # date -> "package" | "override"

    def covers(self, *days: date) -> bool:
        """Whether every public holiday of the years of these dates is known."""
        return all(d.year in self.years for d in days)

    def uncovered_years(self, *days: date) -> list[int]:
        return sorted({d.year for d in days if d.year not in self.years})

    def unconfirmed_years(self, *days: date) -> list[int]:
        return sorted({d.year for d in days if d.year in self.years
                       and self.years[d.year].confidence != "confirmed"})

    def is_protected(self, day: date) -> bool:
        self._need(day)
        return day in self.protected

    def is_holiday(self, day: date) -> bool:
        self._need(day)
        return day in self.holidays

    def is_working_day(self, day: date) -> bool:
        if day.weekday() in self.weekend:
            return False
        self._need(day)
        return day not in self.holidays

    def working_days_between(self, first: date, last: date) -> int:
        """Working days strictly after ``first`` and strictly before ``last``; raises
        :class:`NotCovered` when a day to count lies in a year the calendar does not cover."""
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
        """Whether every holiday of the years of these dates is known and confirmed against
        the year's sub-decree."""
        return all(d.year in self.complete_years for d in days)

    def describe_years(self) -> str:
        """'2015-2027' (or '2015-2020, 2022'): the years covered, for messages."""
        years = sorted(self.years)
        runs: list[list[int]] = []
        for y in years:
            if runs and y == runs[-1][1] + 1:
                runs[-1][1] = y
            else:
                runs.append([y, y])
        return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs) or "no year"

    def gap_reason(self, *days: date) -> str:
        """Why a working-day count over these days cannot be made."""
        missing = ", ".join(map(str, self.uncovered_years(*days)))
        return (f"the holiday calendar (holidays package + rules/calendars/kh.yaml) covers "
                f"{self.describe_years()}, not {missing}: the public holidays of a year are set "
                "by that year's sub-decree, and lawcheck does not guess them")

    def _need(self, day: date) -> None:
        if day.year not in self.years:
            raise NotCovered(self.gap_reason(day))


def package_holidays(country: str, years) -> dict:
    """{date: English name} from the ``holidays`` package for these years."""
    import holidays as package

    found = package.country_holidays(country, years=sorted(years), language="en_US")
    return {day: str(name) for day, name in found.items()}


def load_calendar(path: Path) -> Calendar:
    data = yamlio.load(path)
    if not yamlio.is_mapping(data):
        raise CorpusDataError("expected weekend, package, years, overrides, protected",
                              where=Where(str(path), 1), fix="see rules/README.md")
    weekend = []
    for name in data.get("weekend") or []:
        if str(name).lower() not in _DAYS:
            raise CorpusDataError(f"unknown weekday {name!r}", where=data.where("weekend"),
                                  fix="use monday … sunday")
        weekend.append(_DAYS.index(str(name).lower()))
    years: dict[int, YearNote] = {}
    table = data.get("years") or {}
    if not yamlio.is_mapping(table):
        raise CorpusDataError("years must map each year to {confidence, source}",
                              where=data.where("years"), fix="write e.g. 2025: {confidence: "
                              "confirmed, source: \"…\"}")
    for year, entry in table.items():
        where = table.where(year) if hasattr(table, "where") else data.where("years")
        if not isinstance(year, int) or not yamlio.is_mapping(entry):
            raise CorpusDataError(f"bad year entry {year!r}: {entry!r}", where=where,
                                  fix="write YEAR: {confidence: …, source: \"…\"}")
        if entry.get("confidence") not in CONFIDENCE or not entry.get("source"):
            raise CorpusDataError(f"year {year} needs a confidence ({', '.join(CONFIDENCE)}) "
                                  "and a source", where=where,
                                  fix="say which sub-decree the year was checked against")
        years[year] = YearNote(entry["confidence"], str(entry["source"]),
                               str(entry.get("note") or ""))
    package = data.get("package") or {}
    holidays = package_holidays(str(package.get("country", "KH")), years) if years else {}
    origin = {day: "package" for day in holidays}
    for entry in data.get("overrides") or []:
        day = entry.get("date") if yamlio.is_mapping(entry) else None
        where = entry.where("date") if hasattr(entry, "where") else data.where("overrides")
        action = entry.get("action") if yamlio.is_mapping(entry) else None
        if not isinstance(day, date) or action not in ("add", "remove"):
            raise CorpusDataError(f"override without a valid date and action: {entry!r}",
                                  where=where, fix="write each as {date: YYYY-MM-DD, action: "
                                  "add|remove, name: …, source: …, confidence: …}")
        if not entry.get("source") or entry.get("confidence") not in CONFIDENCE:
            raise CorpusDataError(f"override of {day.isoformat()} needs a source and a "
                                  "confidence", where=where,
                                  fix="name the sub-decree or notice that moves the day")
        if day.year not in years:
            raise CorpusDataError(f"override of {day.isoformat()} is in a year the calendar "
                                  "does not cover", where=where,
                                  fix=f"add {day.year} under years: first")
        if action == "add":
            holidays[day] = str(entry.get("name") or "public holiday (sub-decree)")
            origin[day] = "override"
        else:
            holidays.pop(day, None)
            origin[day] = "override"
    names = [str(n).lower() for n in data.get("protected") or []]
    protected = {day for day, name in holidays.items()
                 if any(n in name.lower() for n in names)}
    complete = frozenset(y for y, note in years.items() if note.confidence == "confirmed")
    return Calendar(frozenset(weekend), holidays, complete, str(data.get("note", "")),
                    frozenset(protected), years, origin)
