"""Statements to review, streamed out of CSV, JSONL, XLSX and text files, folders, stdin or --text.

:func:`read_statements` yields one :class:`StatementInput` per statement, or a :class:`BadRow`
for a row that cannot be used (the rest still runs). A file that cannot be read at all raises
:class:`~lawcheck.errors.InputError` (exit 2).

Decisions:

- Every input is *opened and checked up front* (exists, supported type, UTF-8 text, a table's
  header) before the first statement is yielded, so a typo in the third file name fails before
  the first file is half reviewed. Rows are then streamed: no file is ever held whole.
- A folder is read recursively, files in name order, hidden files and folders skipped; ids are
  the paths relative to the folder (``sub/a.txt``) so that two ``a.txt`` stay apart. A file in a
  folder that cannot be read is a bad row, not a fatal error: the user named the folder.
- A ``.txt`` file named on its own has its file name as id (SPEC §4).
- Bytes that are not UTF-8 past the first 8 KB make that row bad rather than stopping the run.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Iterator, Sequence

from lawcheck import tables
from lawcheck.errors import InputError, OptionError, Where
from lawcheck.limits import STATEMENT_CHARS
from lawcheck.review.idset import IdSet
from lawcheck.vocabulary import MEDIA, ORG_TYPES, SPEAKERS
from lawcheck.yamlio import did_you_mean

VOCABULARIES = {"medium": MEDIA, "speaker": SPEAKERS, "org_type": ORG_TYPES}
COLUMNS = ("id", "text", "date", "medium", "speaker", "org_type", "language")
DEFAULTABLE = ("date", "medium", "speaker", "org_type", "language")
SUFFIXES = (".csv", ".jsonl", ".xlsx", ".txt")

_SNIFF = 8192
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")
_SURROGATE = re.compile("[\udc80-\udcff]")
#: Any surrogate code point: JSON may spell one (an escape such as \ud800) that is no character.
_ANY_SURROGATE = re.compile("[\ud800-\udfff]")
_TABLE_FIX = "the first row must name the columns: id,text (required) and any of " \
             "date,medium,speaker,org_type,language"
#: Header words that usually name the statement's column, or its id's, in a sheet exported
#: from a social-media tool or kept by hand ("Post text", "Message", "No.").
TEXT_WORDS = ("text", "post", "message", "content", "body", "statement", "caption")
ID_WORDS = ("id", "no", "number", "ref", "#")


def column_guess(headers: Sequence[str], words: Sequence[str]) -> str:
    """The first header holding one of ``words`` as a word ("Post text" for "text"), or ""."""
    for word in words:
        for header in headers:
            lowered = str(header).strip().lower()
            if word == lowered or word in re.split(r"[^a-z0-9#]+", lowered):
                return str(header).strip()
    return ""


@dataclass(frozen=True)
class StatementInput:
    id: str
    text: str
    source: str            # the file name as given; "-" for stdin, "--text" for --text
    line: int | None       # where the record starts (CSV: its first physical line)
    date: date | None = None
    medium: str | None = None
    speaker: str | None = None
    org_type: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class BadRow:
    source: str
    line: int | None
    id: str | None
    code: str
    message: str           # what is wrong and how to fix it

    def render(self) -> str:
        return f"{Where(self.source, self.line)}: error {self.code}: {self.message}"


def read_statements(paths: Sequence[str], *, text: str | None = None,
                    stdin: IO[str] | None = None, defaults: dict | None = None,
                    columns: dict[str, str] | None = None) -> Iterator[StatementInput | BadRow]:
    """Check every input now (raising InputError), then return an iterator over its rows.
    ``columns`` names the CSV/XLSX headers that hold the id and the text ({"id": "No",
    "text": "Post text"}); the sheet's other columns that lawcheck does not know are then
    left out."""
    defaults = _checked_defaults(defaults or {})
    sources = []
    if text is not None:
        if not text.strip():
            raise InputError("--text is empty", code="LC263",
                             fix="give the statement to review after --text, in quotes")
        sources.append(_OneText("--text", "text", text))
    for path in paths:
        sources.append(_open(path, stdin, columns))
    return _stream(sources, defaults)


def _stream(sources, defaults) -> Iterator[StatementInput | BadRow]:
    # Duplicate ids are found with a compact set of every id seen (16 bytes an id: see idset):
    # it still grows with the input, but 200,000 rows cost about 3 MB.
    seen = IdSet()
    for source in sources:
        for row in source.rows():
            if isinstance(row, BadRow):
                yield row
            else:
                yield _statement(*row, defaults, seen)


# --- opening and checking inputs -------------------------------------------------------------

def _open(path: str, stdin: IO[str] | None, columns: dict[str, str] | None = None):
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin
        try:
            body = stream.read()
        except UnicodeDecodeError:
            raise InputError("standard input is not UTF-8 text", code="LC264",
                             where=Where("-"), fix="save the statement as UTF-8 text") from None
        if not body.strip():
            raise InputError("nothing to review on standard input", code="LC263",
                             where=Where("-"), fix="pipe the statement text into "
                             "`lawcheck review -`, or use --text or a file")
        return _OneText("-", "stdin", body)
    where = Where(path)
    if not os.path.exists(path):
        raise InputError("no such file or folder", code="LC261", where=where,
                         fix="check the name and the folder you run lawcheck from")
    if os.path.isdir(path):
        return _Folder(path)
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in SUFFIXES:
        hint = " (save it from the spreadsheet as .xlsx or .csv)" if suffix in (".xls", ".ods") \
            else ""
        raise InputError(f"cannot review a {suffix or 'file without extension'} file{hint}",
                         code="LC262", where=where,
                         fix="give .csv, .jsonl, .xlsx or .txt files, or a folder of .txt files")
    if os.path.getsize(path) == 0:
        raise InputError("the file is empty", code="LC263", where=where,
                         fix="check that it is the right file, and that it was saved")
    if columns and suffix not in (".csv", ".xlsx"):
        raise OptionError(f"--id-column and --text-column name the columns of a CSV or XLSX "
                          f"sheet, not of a {suffix} file", code="LC220", where=where,
                          fix="name the keys id and text in the file, or drop the options")
    if suffix == ".xlsx":
        return _Xlsx(path, columns)
    _sniff(path)
    if suffix == ".csv":
        return _Csv(path, columns)
    return {".jsonl": _Jsonl, ".txt": _TxtFile}[suffix](path)


def _sniff(path: str) -> None:
    """Refuse binary and non-UTF-8 files from their first 8 KB."""
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF)
    where = Where(path)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("the file is UTF-16 text", code="LC264", where=where,
                         fix="save it again as UTF-8 (in Excel: 'CSV UTF-8')")
    if b"\x00" in head:
        raise InputError("the file is binary, not text", code="LC264", where=where,
                         fix="give a text file (.csv, .jsonl, .txt) or an .xlsx workbook")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError as exc:
        line = head[:exc.start].count(b"\n") + 1
        raise InputError("the file is not UTF-8 text", code="LC264", where=Where(path, line),
                         fix="save it again as UTF-8 (in Excel: 'CSV UTF-8')") from None


def _checked_defaults(defaults: dict) -> dict:
    unknown = sorted(set(defaults) - set(DEFAULTABLE))
    if unknown:
        raise OptionError(f"no default can be given for {', '.join(unknown)}",
                          fix=f"defaults exist for {', '.join(DEFAULTABLE)}")
    checked = {}
    for name, value in defaults.items():
        if value is None:
            continue
        good, problem = _value(name, value)
        if problem:
            raise OptionError(f"--{name.replace('_', '-')}: {problem}",
                              fix="correct the option value")
        checked[name] = good
    return checked


# --- one reader per kind of input; rows() yields (source, line, record) or BadRow -------------

class _OneText:
    def __init__(self, source: str, id_: str, body: str) -> None:
        self.source, self.id, self.body = source, id_, body

    def rows(self):
        yield self.source, None, {"id": self.id, "text": self.body}


class _TxtFile:
    def __init__(self, path: str) -> None:
        self.path = path

    def rows(self):
        yield _txt_row(self.path, self.path, os.path.basename(self.path))


def _txt_row(path: str, source: str, id_: str):
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return source, None, {"id": id_, "text": fh.read()}
    except UnicodeDecodeError:
        return BadRow(source, None, id_, "LC270", "the file is not UTF-8 text; save it again "
                      "as UTF-8")
    except OSError as exc:
        return BadRow(source, None, id_, "LC270", f"cannot be read ({exc.strerror}); check "
                      "its permissions")


class _Folder:
    def __init__(self, path: str) -> None:
        self.path = path
        if next(self._files(path, ""), None) is None:
            raise InputError("the folder holds no .txt file", code="LC267", where=Where(path),
                             fix="put one statement per .txt file in it, or name the files")

    def _files(self, folder: str, prefix: str):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            raise InputError(f"cannot read the folder ({exc.strerror})", code="LC260",
                             where=Where(folder), fix="check its permissions") from None
        for entry in entries:
            if entry.name.startswith("."):
                continue  # .git, editor swap files: never statements
            if entry.is_dir(follow_symlinks=False):
                yield from self._files(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.lower().endswith(".txt") and entry.is_file():
                yield entry.path, f"{prefix}{entry.name}"

    def rows(self):
        for path, relative in self._files(self.path, ""):
            yield _txt_row(path, path, relative)


class _Table:
    """Shared header handling of CSV and XLSX: the first non-empty row names the columns."""

    path: str
    mapping: dict[str, str] | None = None  # header -> "id" / "text" (--id-column, ...)

    def _columns(self, cells, line: int) -> list[str | None]:
        names = [str(c).strip().lower() if c is not None else "" for c in cells]
        while names and not names[-1]:
            names.pop()
        where = Where(self.path, line)
        blank = [i + 1 for i, n in enumerate(names) if not n]
        if blank and not self.mapping:
            raise InputError(f"column {blank[0]} of the header row has no name", code="LC265",
                             where=where, fix=_TABLE_FIX)
        if self.mapping:
            names = self._mapped(names, where)
        unknown = [n for n in names if n and n not in COLUMNS]
        missing = [n for n in ("id", "text") if n not in names]
        if missing:  # first: a file with no header row at all is the likelier mistake
            hints = _missing_hints(cells, missing)
            hint = f"; did you mean {' and '.join(hints)}?" if hints else ""
            raise InputError(f"the header row has no {' or '.join(map(repr, missing))} column"
                             f"{hint}", code="LC265", where=where,
                             fix=_TABLE_FIX + (" (rename those columns, name them with "
                                               "--id-column and --text-column, or choose "
                                               "them in `lawcheck serve`)" if hints else ""))
        if unknown:
            hints = "".join(did_you_mean(n, COLUMNS) for n in unknown[:1])
            raise InputError(f"unknown column{'s' if len(unknown) > 1 else ''} "
                             f"{', '.join(map(repr, unknown))}{hints}", code="LC265",
                             where=where, fix=_TABLE_FIX + " (a misspelt column would be "
                             "silently ignored, so it is refused)")
        twice = sorted({n for n in names if n and names.count(n) > 1})
        if twice:
            raise InputError(f"column {twice[0]!r} appears twice in the header", code="LC265",
                             where=where, fix="keep one of the two")
        return names

    def _mapped(self, names: list[str], where: Where) -> list[str]:
        """The header with the chosen columns renamed id and text, and every other column
        lawcheck does not know blanked (left out of the records)."""
        wanted = {str(k).strip().lower(): v for k, v in self.mapping.items()}
        for header, role in wanted.items():
            if header not in names:
                raise OptionError(f"the header row has no column {header!r} (--{role}-column)",
                                  code="LC220", where=where,
                                  fix=f"the columns are: {', '.join(n for n in names if n)}")
        names = [wanted.get(n, n) for n in names]
        return [n if n in COLUMNS else "" for n in names]

    def _record(self, names, cells, line):
        if len(cells) > len(names) and any(not tables.blank(c) for c in cells[len(names):]):
            return BadRow(self.path, line, _cell_id(names, cells), "LC270",
                          f"the row has {len(cells)} cells but the header names {len(names)} "
                          "columns; put a statement that holds commas in double quotes")
        record = {n: c for n, c in zip(names, cells) if n and not tables.blank(c)}
        if not record:
            return None  # an empty row, as spreadsheets leave at the end
        if any(isinstance(c, str) and _SURROGATE.search(c) for c in record.values()):
            return BadRow(self.path, line, _cell_id(names, cells), "LC270",
                          "the row holds bytes that are not UTF-8; save the file as UTF-8")
        return self.path, line, record


def _missing_hints(cells, missing) -> list[str]:
    """"'Post text' for 'text'": the headers that probably hold the missing columns."""
    others = [str(c).strip() for c in cells
              if c is not None and str(c).strip().lower() not in COLUMNS]
    guesses = {name: column_guess(others, words)
               for name, words in (("id", ID_WORDS), ("text", TEXT_WORDS)) if name in missing}
    return [f"{found!r} for {name!r}" for name, found in guesses.items() if found]


class _Csv(_Table):
    # Large statements are normal; the csv module's default 128 KB field limit is not.
    FIELD_LIMIT = 16 * 1024 * 1024

    def __init__(self, path: str, columns: dict[str, str] | None = None) -> None:
        self.path, self.mapping = path, _roles(columns)
        with self._open() as fh:
            for _line, cells in self._records(fh):
                if isinstance(cells, list) and any(not tables.blank(c) for c in cells):
                    self._columns(cells, _line)
                    return
        raise InputError("the file has no header row", code="LC263", where=Where(path),
                         fix=_TABLE_FIX)

    def _open(self):
        csv.field_size_limit(max(csv.field_size_limit(), self.FIELD_LIMIT))
        return open(self.path, encoding="utf-8-sig", errors="surrogateescape", newline="")

    @staticmethod
    def _records(fh):
        """(line where the record starts, cells), or (line, csv.Error) for a broken record."""
        return tables.csv_records(fh)

    def rows(self):
        names = None
        with self._open() as fh:
            for line, cells in self._records(fh):
                if isinstance(cells, csv.Error):
                    yield BadRow(self.path, line, None, "LC270", f"CSV syntax: {cells}; check "
                                 "the double quotes on that line")
                elif names is None:
                    if any(not tables.blank(c) for c in cells):
                        names = self._columns(cells, line)
                else:
                    record = self._record(names, cells, line)
                    if record is not None:
                        yield record


class _Xlsx(_Table):
    def __init__(self, path: str, columns: dict[str, str] | None = None) -> None:
        from lawcheck import limits

        self.path, self.mapping = path, _roles(columns)
        limits.check_size(Path(path), limits.XLSX_BYTES, "workbooks")
        limits.check_workbook(Path(path))  # openpyxl keeps shared strings in memory
        for line, cells in self._sheet_rows():
            if any(not tables.blank(c) for c in cells):
                self._columns(cells, line)
                return
        raise InputError("the first sheet has no header row", code="LC263", where=Where(path),
                         fix=_TABLE_FIX)

    def _sheet_rows(self):
        try:
            yield from tables.sheet_rows(self.path)  # the first sheet
        except tables.Unreadable as exc:
            raise InputError(f"cannot be read as an XLSX workbook "
                             f"({exc.cause.__class__.__name__})", code="LC266",
                             where=Where(self.path),
                             fix="open it in a spreadsheet program and save it again as .xlsx, "
                             "or export the sheet as CSV UTF-8") from None

    def rows(self):
        names = None
        for line, cells in self._sheet_rows():
            if names is None:
                if any(not tables.blank(c) for c in cells):
                    names = self._columns(cells, line)
                continue
            record = self._record(names, [_xlsx_value(c) for c in cells], line)
            if record is not None:
                yield record


class _Jsonl:
    def __init__(self, path: str) -> None:
        self.path = path
        with open(path, encoding="utf-8-sig", errors="surrogateescape") as fh:
            for number, raw in enumerate(fh, start=1):
                if raw.strip():
                    try:
                        first = json.loads(raw)
                    except json.JSONDecodeError:
                        first = None
                    if not isinstance(first, dict):
                        raise InputError("the first line is not a JSON object, so this is not "
                                         "a JSON Lines file", code="LC260",
                                         where=Where(path, number),
                                         fix='write one object per line: {"id": "s1", '
                                             '"text": "…"}')
                    return
        raise InputError("the file holds only blank lines", code="LC263", where=Where(path),
                         fix="write one JSON object per line")

    def rows(self):
        with open(self.path, encoding="utf-8-sig", errors="surrogateescape") as fh:
            for line, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                if _SURROGATE.search(raw):
                    yield BadRow(self.path, line, None, "LC270", "the line holds bytes that are "
                                 "not UTF-8; save the file as UTF-8")
                    continue
                try:
                    record = json.loads(raw)
                except json.JSONDecodeError as exc:
                    yield BadRow(self.path, line, None, "LC270", f"not valid JSON ({exc.msg} at "
                                 f"column {exc.colno}); each line must be one JSON object")
                    continue
                except RecursionError:  # one hostile row must not stop the batch
                    yield BadRow(self.path, line, None, "LC270", "the JSON is nested too deeply "
                                 "to read; a statement is one flat object")
                    continue
                if isinstance(record, dict) and any(
                        isinstance(v, str) and _ANY_SURROGATE.search(v)
                        for v in record.values()):
                    yield BadRow(self.path, line, None, "LC270",
                                 "a value holds a lone surrogate escape (such as \\ud800), which "
                                 "is not a character; remove it or save the text as UTF-8")
                    continue
                if not isinstance(record, dict):
                    yield BadRow(self.path, line, None, "LC270", "the line is not a JSON object; "
                                 'write {"id": …, "text": …}')
                    continue
                unknown = sorted(set(record) - set(COLUMNS))
                if unknown:
                    yield BadRow(self.path, line, _plain_id(record.get("id")), "LC269",
                                 f"unknown field {unknown[0]!r}{did_you_mean(unknown[0], COLUMNS)}"
                                 f"; fields are {', '.join(COLUMNS)}")
                    continue
                yield self.path, line, {k: v for k, v in record.items() if not tables.blank(v)}


# --- one record -> StatementInput or BadRow --------------------------------------------------

def _statement(source: str, line: int | None, record: dict, defaults: dict, seen: IdSet):
    id_ = _plain_id(record.get("id"))
    if id_ is None or isinstance(record.get("id"), (bool, list, dict)):
        return BadRow(source, line, None, "LC268", "the row has no id; give every statement a "
                      "short unique id")
    duplicate = not seen.add(id_)
    text = record.get("text")
    if not isinstance(text, str):
        return BadRow(source, line, id_, "LC268", "the row has no text; put the statement in "
                      "the text column" if text is None else "text must be a string")
    if not text.strip():
        return BadRow(source, line, id_, "LC268", "the text is empty; put the statement in "
                      "the text column")
    if len(text) > STATEMENT_CHARS:
        return BadRow(source, line, id_, "LC269", f"the text is {len(text):,} characters long; "
                      f"lawcheck reviews statements of at most {STATEMENT_CHARS:,} characters: "
                      "split it into several statements")
    if duplicate:
        return BadRow(source, line, id_, "LC271", f"id {id_!r} appears earlier in the input; "
                      "ids must be unique so reports (and --resume) can tell statements apart")
    values = {}
    for name in DEFAULTABLE:
        raw = record.get(name)
        if raw is None:
            values[name] = defaults.get(name)
            continue
        held = _VALUES.get((name, raw)) if isinstance(raw, str) else None
        if held is None:
            held = _value(name, raw)
            if isinstance(raw, str):  # rows repeat a few dates and media: read each once
                if len(_VALUES) >= 4096:
                    _VALUES.clear()
                _VALUES[(name, raw)] = held
        good, problem = held
        if problem:
            return BadRow(source, line, id_, "LC269", problem)
        values[name] = good
    return StatementInput(id=id_, text=text, source=source, line=line, **values)


_VALUES: dict[tuple[str, str], tuple] = {}  # (column, cell as written) -> _value's answer


def _value(name: str, raw):
    """(normalised value, None) or (None, what is wrong and how to fix it)."""
    if name == "date":
        if isinstance(raw, datetime):
            return raw.date(), None
        if isinstance(raw, date):
            return raw, None
        text = str(raw).strip()
        try:
            if _ISO_DATE.fullmatch(text):
                return date.fromisoformat(text), None
        except ValueError:
            pass
        return None, f"date {text!r} is not a date written YYYY-MM-DD (e.g. 2026-12-10)"
    if not isinstance(raw, str):
        return None, f"{name} must be text, not {type(raw).__name__}"
    text = raw.strip().lower()
    if name == "language":
        if _LANGUAGE.fullmatch(text):
            return text, None
        return None, f"language {raw!r} is not a short language code such as en or km"
    choices = VOCABULARIES[name]
    if text in choices:
        return text, None
    return None, (f"{name} {raw!r} is not one of {', '.join(choices)}"
                  f"{did_you_mean(text, choices)}")


def _plain_id(value) -> str | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet stores the id 7 as 7.0
    if value is None or isinstance(value, (bool, list, dict)):
        return None
    text = str(value).strip()
    return text or None


def _roles(columns: dict[str, str] | None) -> dict[str, str] | None:
    """{"id": "No", "text": "Post text"} -> {"No": "id", "Post text": "text"}."""
    return {header: role for role, header in (columns or {}).items() if header} or None


def _cell_id(names, cells) -> str | None:
    return _plain_id(cells[names.index("id")]) if len(cells) > names.index("id") else None




def _xlsx_value(cell):
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return str(cell)
    return cell


__all__ = ["BadRow", "StatementInput", "read_statements"]
