"""Check a parsed plan against the schema and normalise it, collecting every problem.

Input is what the readers give: mappings as :class:`~lawcheck.yamlio.LineDict` (so each key
knows its file, line and column), scalars as parsed. In a CSV or XLSX table (``table=True``)
cells are text or spreadsheet values, converted here: whole numbers, ``true``/``false``/
``yes``/``no``, lists joined with ``;``. Output: plain dicts and lists with dates as
``datetime.date`` (``datetime.datetime`` for a start or end with a time of day), enums and
provinces in their canonical spelling, strings stripped; absent optional keys stay absent.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime

from lawcheck.errors import Problem, Where
from lawcheck import vocabulary
from lawcheck.plan import schema as s
from lawcheck.yamlio import LineDict, did_you_mean

ABSENT = object()  # an empty or bad value: the key is left out (a bad one is also a problem)
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$")
LOOSE_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
PARTNER = re.compile(r"^(.*?)\s*\(\s*([A-Za-z_ ]+?)\s*\)$")
TRUE_CELLS, FALSE_CELLS = {"true", "yes"}, {"false", "no"}
KINDS = {"string": "text", "int": "a whole number", "bool": "true or false",
         "date": "a date YYYY-MM-DD", "datetime": "a date YYYY-MM-DD or YYYY-MM-DDTHH:MM",
         "month": "a month YYYY-MM", "list": "a list", "map": "a mapping (key: value lines)"}


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Checker:
    """Validates one file's worth of plan data, appending to a shared ``problems`` list."""

    def __init__(self, file: str, problems: list[Problem], table: bool = False,
                 letters: bool = False) -> None:
        self.file, self.problems, self.table, self.letters = file, problems, table, letters
        self.locations: dict[str, Where] = {}
        self.activity_index: list[int] = []  # position in the file of each activity kept
        self.quiet_required: set[str] = set()  # required columns a table lacks (said once)
        self.columns: dict[str, int] = {}  # table header -> column number

    # --- reporting ------------------------------------------------------------------------

    def label(self, path: str, where: Where) -> str:
        if not self.table:
            return repr(path)
        column = re.sub(r"\[\d+\]$", "", re.sub(r"^activities\[\d+\]\.?", "", path))
        letter = f" {column_letter(where.column)}" if self.letters and where.column else ""
        return f"column{letter} {column!r}"

    def add(self, code: str, where: Where, message: str, fix: str | None = None) -> None:
        self.problems.append(Problem(code, where, message, None, fix))

    def wrong(self, field: s.Field, path: str, where: Where, raw, extra: str = "") -> object:
        kind = KINDS.get(field.type, "one of the listed values")
        self.add("LC253", where, f"{self.label(path, where)} must be {kind}, not {_show(raw)}"
                 + extra, f"write {kind} (see `lawcheck plan template`)")
        return ABSENT

    # --- values ---------------------------------------------------------------------------

    def value(self, raw, field: s.Field, path: str, where: Where):
        self.locations[path] = where
        if raw is None:
            if field.nullable:
                return None  # a null the template gives a meaning ("null = not yet notified")
            if not field.required:
                return ABSENT  # SPEC §8: null on an optional field means "not given"
            self.add("LC253", where, f"{self.label(path, where)} has no value (required)",
                     "give a value (`lawcheck plan template` shows one)")
            return ABSENT
        if isinstance(raw, str) and field.type not in ("list", "map"):
            raw = raw.strip()
            if not raw:
                return ABSENT
        return getattr(self, "_" + field.type)(raw, field, path, where)

    def _string(self, raw, field, path, where):
        if isinstance(raw, str):
            return raw
        if isinstance(raw, int) and not isinstance(raw, bool):
            return str(raw)
        if self.table and isinstance(raw, float) and raw.is_integer():
            return str(int(raw))
        return self.wrong(field, path, where, raw)

    def _int(self, raw, field, path, where):
        number = raw
        if self.table and isinstance(raw, str) and re.fullmatch(r"[-+]?\d+", raw):
            number = int(raw)
        elif self.table and isinstance(raw, float) and raw.is_integer():
            number = int(raw)
        if not isinstance(number, int) or isinstance(number, bool):
            return self.wrong(field, path, where, raw)
        if field.minimum is not None and number < field.minimum:
            what = "cannot be negative" if field.minimum == 0 else \
                f"must be at least {field.minimum}"
            self.add("LC258", where, f"{self.label(path, where)} is {number}; it {what}",
                     "correct the number")
            return ABSENT
        if field.maximum is not None and number > field.maximum:
            self.add("LC258", where, f"{self.label(path, where)} must be at most "
                     f"{field.maximum}, not {number}", "correct the number")
            return ABSENT
        return number

    def _bool(self, raw, field, path, where):
        if isinstance(raw, bool):
            return raw
        if self.table and isinstance(raw, str) and raw.lower() in TRUE_CELLS | FALSE_CELLS:
            return raw.lower() in TRUE_CELLS
        hint = ""
        word = raw.lower() if isinstance(raw, str) else None
        if word in ("yes", "no", "y", "n", "on", "off", "1", "0"):
            hint = f"; did you mean {'true' if word in ('yes', 'y', 'on', '1') else 'false'}?"
            hint += "" if self.table else " (in YAML and JSON only true and false are booleans)"
        return self.wrong(field, path, where, raw, hint)

    def _date(self, raw, field, path, where, moment: bool = False):
        if isinstance(raw, datetime):
            if raw.tzinfo is not None:
                return self._bad_date(raw, field, path, where, "has a time zone; give the "
                                      "local time in Cambodia without one")
            if raw.time() == datetime.min.time():
                return raw.date()
            if moment:
                return raw.replace(microsecond=0)
            return self._bad_date(raw, field, path, where, "has a time of day; give the day "
                                  "only")
        if isinstance(raw, date):
            return raw
        if not isinstance(raw, str):
            return self.wrong(field, path, where, raw)
        found = MOMENT.match(raw) if moment else None
        try:
            if DATE.match(raw):
                return date.fromisoformat(raw)
            if found:
                day = date.fromisoformat(found.group(1))
                return datetime(day.year, day.month, day.day, int(found.group(2)),
                                int(found.group(3)), int(found.group(4) or 0))
        except ValueError as exc:
            return self._bad_date(raw, field, path, where, f"is not a real date or time ({exc})")
        return self._bad_date(raw, field, path, where, f"must be {KINDS[field.type]}")

    def _bad_date(self, raw, field, path, where, what):
        hint = ""
        loose = LOOSE_DATE.match(raw) if isinstance(raw, str) else None
        if loose:
            first, second, year = (int(g) for g in loose.groups())
            day, month = (second, first) if second > 12 >= first else (first, second)
            if 1 <= month <= 12 and 1 <= day <= 31:
                hint = f"; did you mean {year:04d}-{month:02d}-{day:02d}?" + (
                    "" if first > 12 or second > 12 else " (read as day/month)")
        self.add("LC254", where, f"{self.label(path, where)} {what}, not {_show(raw)}{hint}",
                 "write dates as YYYY-MM-DD, e.g. 2026-12-10" +
                 (" or 2026-12-10T08:30 with a time" if field.type == "datetime" else ""))
        return ABSENT

    def _datetime(self, raw, field, path, where):
        return self._date(raw, field, path, where, moment=True)

    def _month(self, raw, field, path, where):
        if self.table and isinstance(raw, date) and raw.day == 1:
            return f"{raw.year:04d}-{raw.month:02d}"
        found = MONTH.match(raw) if isinstance(raw, str) else None
        if found and 1 <= int(found.group(2)) <= 12:
            return f"{int(found.group(1)):04d}-{int(found.group(2)):02d}"
        if not isinstance(raw, str):
            return self.wrong(field, path, where, raw)
        return self._bad_date(raw, field, path, where, "must be a month YYYY-MM")

    def _enum(self, raw, field, path, where):
        if not isinstance(raw, str):
            return self.wrong(field, path, where, raw, "; one of: " + ", ".join(field.values))
        if raw in field.values:
            return raw
        normal = {vocabulary.key(v): v for v in field.values}.get(vocabulary.key(raw))
        if normal is not None:
            return normal
        self.add("LC255", where, f"{self.label(path, where)} is {raw!r}, which is not one of: "
                 f"{', '.join(field.values)}" + did_you_mean(raw.lower(), field.values),
                 "use one of the listed values")
        return ABSENT

    def _province(self, raw, field, path, where):
        if not isinstance(raw, str):
            return self.wrong(field, path, where, raw)
        found = vocabulary.province(raw)
        if found is not None:
            return found
        close = difflib.get_close_matches(vocabulary.province_key(raw),
                                          list(vocabulary.PROVINCE_KEYS), n=1, cutoff=0.6)
        hint = f"; did you mean {vocabulary.PROVINCE_KEYS[close[0]]!r}?" if close else ""
        self.add("LC255", where, f"{self.label(path, where)} is {raw!r}, which is not a province "
                 f"of Cambodia{hint}", "write the province's name, e.g. Kampong Speu or Phnom "
                 "Penh (`lawcheck plan template` lists them)")
        return ABSENT

    def _list(self, raw, field, path, where):
        if self.table and isinstance(raw, str):
            raw = raw.split(";")
        if not isinstance(raw, list):
            return self.wrong(field, path, where, raw, "; write a list, e.g. [a, b], or one "
                              "entry per line starting with '- '")
        items, kept = [], []
        for index, entry in enumerate(raw):
            place = entry.where() if isinstance(entry, LineDict) else where
            value = self.value(entry, field.item, f"{path}[{index}]", place)
            if value is not ABSENT:
                items.append(value)
                kept.append(index)
        if field is s.ACTIVITIES:
            self.activity_index = kept
            if not raw:
                self.add("LC258", where, "the plan lists no activities",
                         "add at least one activity (id, type and start are required)")
        return items

    def _map(self, raw, field, path, where):
        if field.shorthand and isinstance(raw, str):
            return self._shorthand(raw, field, path, where)
        if not isinstance(raw, dict):
            return self.wrong(field, path, where, raw)
        out = {}
        names = [f.name for f in field.fields]
        for key, value in raw.items():
            place = raw.where(key) if isinstance(raw, LineDict) else where
            child = field.field(key) if isinstance(key, str) else None
            sub = f"{path}.{key}" if path else str(key)
            if child is None:
                self.add("LC252", place, f"unknown key {self.label(sub, place)}"
                         + (did_you_mean(str(key), names) or _elsewhere(str(key), path)),
                         "correct the spelling or remove the key; `lawcheck plan template` "
                         "lists every key")
                continue
            checked = self.value(value, child, sub, place)
            if checked is not ABSENT:
                out[key] = checked
        for child in field.fields:
            if child.required and child.name not in out and not _reported(raw, child.name) \
                    and not (field is s.ACTIVITY and child.name in self.quiet_required):
                sub = f"{path}.{child.name}" if path else child.name
                place = raw.where(child.name) if isinstance(raw, LineDict) else where
                column = self.columns.get(child.name) if field is s.ACTIVITY else None
                if column is not None:
                    place = Where(place.file, place.line, column)
                self.add("LC256", place, f"{self.label(sub, place)} is "
                         + ("empty" if child.name in raw or column else "missing")
                         + " (required)",
                         f"add {child.name}: {child.help[0].lower()}{child.help[1:]}")
        return out

    def _shorthand(self, raw, field, path, where):
        raw = raw.strip()
        if not raw:
            return ABSENT
        found = PARTNER.match(raw)
        kind = field.field("kind")
        if found and vocabulary.key(found.group(2)) in {vocabulary.key(v)
                                                        for v in kind.values}:
            return {"name": found.group(1), "kind": self._enum(found.group(2), kind, path, where)}
        if found and "_" in found.group(2):
            self._enum(found.group(2), kind, f"{path}.kind", where)
            return ABSENT
        return raw


def _reported(raw, key) -> bool:
    """A required key whose value was present but bad is reported once (as bad), not twice."""
    return key in raw and not (isinstance(raw[key], str) and not raw[key].strip())


def _elsewhere(key: str, path: str) -> str:
    """Did-you-mean for a key written at the wrong level (``venue_kind`` beside ``location``)."""
    base = re.sub(r"\[\d+\]", "[]", path)
    for dotted, _ in s.walk():
        rest = dotted[len(base) + 1:] if base else dotted
        if dotted.rsplit(".", 1)[-1] == key and (not base or dotted.startswith(base + ".")) \
                and "[]" not in rest:
            return f"; it belongs at {rest!r}"
    return ""


def _show(raw) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, list):
        return "a list"
    return repr(raw.isoformat() if isinstance(raw, date) else raw)


def cross_check(checker: Checker, activities: list[dict]) -> None:
    """What no single key shows: duplicate ids, an end before the start."""
    seen: dict[str, Where] = {}
    for index, activity in zip(checker.activity_index, activities):
        place = checker.locations.get(f"activities[{index}].id",
                                      Where(checker.file))
        ident = activity.get("id")
        if ident is not None:
            if ident in seen:
                first = seen[ident]
                checker.add("LC257", place, f"activity id {ident!r} is used twice (first on "
                            f"{'row' if checker.table else 'line'} {first.line})",
                            "give each activity its own id")
            else:
                seen[ident] = place
        start, end = activity.get("start"), activity.get("end")
        if start is not None and end is not None and _before(end, start):
            where = checker.locations.get(f"activities[{index}].end", place)
            checker.add("LC258", where, f"{checker.label(f'activities[{index}].end', where)} "
                        f"{end.isoformat()} is before the start {start.isoformat()}",
                        "correct the start or the end")


def _before(end, start) -> bool:
    if isinstance(end, datetime) and isinstance(start, datetime):
        return end < start
    as_day = lambda v: v.date() if isinstance(v, datetime) else v  # noqa: E731
    return as_day(end) < as_day(start)
