"""Readers that keep positions: JSON with the line and column of every key, and CSV / XLSX
activity tables turned into one nested mapping per row (header ``location.province`` ->
``{"location": {"province": …}}``), each key remembering its row and column.

JSON: :func:`json.loads` with an ``object_pairs_hook`` that gives each object the positions
of its keys (found by a scan of the same text) and reports duplicate keys instead of keeping
the last silently.
XLSX: openpyxl in read-only mode, streamed row by row; imported only when a workbook is read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_right

from lawcheck import tables
from lawcheck.errors import Problem, Where
from lawcheck.limits import NESTING
from lawcheck.plan import schema as s
from lawcheck.yamlio import LineDict, did_you_mean

NULL_CELLS = {"none", "null"}


def node(file: str, line: int | None, column: int | None) -> LineDict:
    mapping = LineDict()
    mapping.lines, mapping.cols, mapping.file = {}, {}, file
    mapping.start, mapping.start_col = line, column
    return mapping


def _set(mapping: LineDict, key: str, value, line, column) -> None:
    mapping[key] = value
    mapping.lines[key], mapping.cols[key] = line, column


# --- JSON ------------------------------------------------------------------------------------

# In JSON that json.loads accepted, every string is one match of _STRING, so a brace inside a
# string is never taken for one; a string followed by ':' is a key.
_TOKENS = re.compile(r'("(?:[^"\\]|\\.)*")(\s*:)?|([{}\[\]])')


def parse_json(text: str, file: str, problems: list[Problem]):
    """Parse JSON into LineDicts; a syntax error or duplicate key is a problem (LC251).

    The standard library's decoder reads the values and reports syntax errors with their line
    and column; the objects it builds come to ``object_pairs_hook`` in the order they close.
    A scan of the same text lists, in that order, where each object's keys were written."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def position(offset: int) -> tuple[int, int]:
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    closed, too_deep = _key_offsets(text)
    if too_deep is not None:
        problems.append(Problem("LC251", Where(file, *position(too_deep)), "the JSON is nested "
                                f"too deeply to read (more than {NESTING} levels)", None,
                                "a plan nests a few levels at most: check that this is the plan "
                                "you meant"))
        return None
    objects = iter(closed)

    def build(pairs: list[tuple[str, object]]) -> LineDict:
        opened, keys = next(objects, (0, []))
        obj = node(file, *position(opened))
        for (key, value), at in zip(pairs, keys):
            line, column = position(at)
            if key in obj:
                problems.append(Problem(
                    "LC251", Where(file, line, column), f"key {key!r} appears twice (first on "
                    f"line {obj.lines[key]})", None, "keep one of the two; most JSON readers "
                    "silently keep only the last"))
            else:
                _set(obj, key, value, line, column)
        return obj

    try:
        return json.loads(text, object_pairs_hook=build)
    except json.JSONDecodeError as exc:
        problems.append(Problem("LC251", Where(file, exc.lineno, exc.colno),
                                f"JSON syntax: {exc.msg}", None,
                                "check the quotes, commas and brackets there"))
        return None
    except RecursionError:  # under NESTING levels, but called from deep in a stack
        problems.append(Problem("LC251", Where(file), "the JSON is nested too deeply to read",
                                None, "a plan nests a few levels at most: check that this is "
                                "the plan you meant"))
        return None


def _key_offsets(text: str) -> tuple[list[tuple[int, list[int]]], int | None]:
    """(offset of the '{', offsets of its keys) for each object in the order the objects close,
    and the offset of the first bracket deeper than NESTING levels (None if none is)."""
    open_objects: list[tuple[int, list[int]]] = []
    closed: list[tuple[int, list[int]]] = []
    depth = 0
    for found in _TOKENS.finditer(text):
        bracket = found.group(3)
        if bracket is None:
            if found.group(2) and open_objects:
                open_objects[-1][1].append(found.start())
        elif bracket in "{[":
            depth += 1
            if depth > NESTING:
                return closed, found.start()
            if bracket == "{":
                open_objects.append((found.start(), []))
        else:
            depth -= 1
            if bracket == "}" and open_objects:
                closed.append(open_objects.pop())
    return closed, None


# --- CSV and XLSX ----------------------------------------------------------------------------

def csv_rows(text: str, file: str, problems: list[Problem]):
    """(line, cells) for each record; a record spanning lines starts on ``line``. A broken
    record is a problem and ends the table."""
    for line, cells in tables.csv_records(io.StringIO(text, newline="")):
        if isinstance(cells, csv.Error):
            problems.append(Problem("LC251", Where(file, line), f"CSV syntax: {cells}", None,
                                    "check the quotes on that line"))
            return
        yield line, cells


def xlsx_rows(data: bytes, file: str, problems: list[Problem]):
    """(row, cells) for each row of the sheet named "activities", else the first sheet."""
    try:
        yield from tables.sheet_rows(io.BytesIO(data), prefer="activities")
    except tables.Unreadable as exc:
        problems.append(Problem("LC203", Where(file), f"cannot be read as an XLSX workbook "
                                f"({exc})", None,
                                "open it in a spreadsheet program and save it again as .xlsx, "
                                "or export the sheet as CSV"))


def table_activities(rows, file: str, checker):
    """Read the header, then yield one LineDict tree per non-empty data row."""
    problems, columns = checker.problems, s.table_columns()
    headers: dict[int, str] = {}
    header_line, unnamed = None, set()
    for line, cells in rows:
        if header_line is None:
            if all(tables.blank(c) for c in cells):
                continue
            header_line = line
            headers, unnamed = _headers(cells, line, file, columns, problems)
            if not headers and unnamed == {0}:
                return  # not a comma-separated table: its rows would only repeat the problem
            missing = [f.name for f in s.ACTIVITY.fields if f.required
                       and f.name not in headers.values()]
            for name in missing:
                problems.append(Problem("LC256", Where(file, line), f"the table has no {name!r} "
                                        "column; every activity needs one", None,
                                        f"add a column headed {name}"))
            checker.quiet_required = set(missing)
            checker.columns = {name: column for column, name in headers.items()}
            continue
        if all(tables.blank(c) for c in cells):
            continue
        row = node(file, line, 1)
        for column, cell in enumerate(cells, start=1):
            if tables.blank(cell):
                continue
            path = headers.get(column)
            if path is None:
                if column not in unnamed:
                    unnamed.add(column)
                    problems.append(Problem("LC252", Where(file, line, column), f"a value, "
                                            f"{cell!r}, in column {column}, which has no header",
                                            None, "give the column a header or clear it"))
                continue
            _put(row, path, cell, line, column, problems)
        yield row
    if header_line is None and not any(p.where.file == file for p in problems):
        problems.append(Problem("LC202", Where(file), "the table is empty: no header row",
                                None, "put the keys (id, type, start, …) in the first row"))


def _headers(cells, line, file, columns, problems):
    headers: dict[int, str] = {}
    unnamed: set[int] = set()
    if len([c for c in cells if not tables.blank(c)]) == 1 and any(
            sep in str(cells[0] or "") for sep in (";", "\t")):
        problems.append(Problem("LC251", Where(file, line, 1), "the header row is one cell: the "
                                "file is not separated by commas", None, "save it as CSV with "
                                "commas (lists inside a cell are joined with ';')"))
        return headers, {0}
    for column, cell in enumerate(cells, start=1):
        if tables.blank(cell):
            continue
        name = str(cell).strip()
        where = Where(file, line, column)
        if name in headers.values():
            problems.append(Problem("LC251", where, f"column {name!r} appears twice", None,
                                    "keep one of the two columns"))
        elif name in columns:
            headers[column] = name
            continue
        else:
            problems.append(_bad_column(name, where, columns))
        unnamed.add(column)  # its values are not reported again, row by row
    return headers, unnamed


def _bad_column(name: str, where: Where, columns) -> Problem:
    field = s.ACTIVITY.field(name)
    if name.startswith("organization."):
        return Problem("LC259", where, f"column {name!r}: the organization is not given in the "
                       "activities table", None, "put the organization in the --org file")
    if field is not None and field.type == "map":
        return Problem("LC259", where, f"column {name!r} is a group of keys", None,
                       "give one column per key: " + ", ".join(f"{name}.{f.name}"
                                                              for f in field.fields))
    if field is not None:
        return Problem("LC259", where, f"column {name!r}: {name} cannot be given in a table "
                       "(each entry has several keys)", None, "give the plan in YAML or JSON "
                       "to include it (`lawcheck plan template`)")
    return Problem("LC252", where, f"unknown column {name!r}" + did_you_mean(name, columns),
                   None, "correct the header; `lawcheck plan template` lists every key")


def _put(row: LineDict, path: str, cell, line, column, problems) -> None:
    parts = path.split(".")
    target = row
    for part in parts[:-1]:
        if part in target and target[part] is None:
            problems.append(_conflict(target.file, line, column, part))
            return
        if part not in target:
            _set(target, part, node(row.file, line, column), line, column)
        target = target[part]
    last = parts[-1]
    if s.table_columns()[path].type == "map":  # a nullable map's own column: "none" only
        if not (isinstance(cell, str) and cell.strip().lower() in NULL_CELLS):
            problems.append(Problem("LC253", Where(row.file, line, column),
                                    f"column {path!r} takes only 'none', not {cell!r}", None,
                                    f"write none when there is no {path}; give its details in "
                                    f"the {path}.… columns"))
        elif last in target:
            problems.append(_conflict(row.file, line, column, last))
        else:
            _set(target, last, None, line, column)
        return
    _set(target, last, cell, line, column)


def _conflict(file, line, column, name) -> Problem:
    return Problem("LC259", Where(file, line, column), f"the row says {name} is none and also "
                   f"gives {name} details", None, f"clear the {name} column or the {name}.… "
                   "columns")


