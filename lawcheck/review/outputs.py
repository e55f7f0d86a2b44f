"""Where a batch review's reports are written: :func:`open_writer` opens the file (or takes a
stream) and hands it to the writer the format registry names (:mod:`lawcheck.report.formats`;
the writers themselves are in :mod:`lawcheck.report.writers`, the page in
:mod:`lawcheck.report.review_page`, the workbook in :mod:`lawcheck.report.xlsx`), and
:func:`resume_state` readies an interrupted file for ``--resume``.

Crash safety and ``--resume``: jsonl and csv write each statement with one ``write()`` and flush
it, so a run killed at any moment leaves whole records followed by at most one partial one.
:func:`resume_state` cuts that partial record off and returns the ids already written. A
statement's csv rows cannot be told complete from the rows alone, so resume always drops the
last statement's rows (and a half-written row after them) and reviews it again: at most two
statements are redone, none is lost or written twice.
"""

from __future__ import annotations

import csv
import json
import os
from typing import IO

from lawcheck.errors import InputError, Where
from lawcheck.report.cells import (  # noqa: F401  (callers and the web page read these here)
    CSV_COLUMNS, RISK_LEVELS, RISKS, UNSCREENED, first_span, guard_cell, highest_level,
    result_of, screening_cells, screening_note, spans_of, suggestion_of, unanalysed_spans,
    unchecked_note, unguard_cell, where_of,
)
from lawcheck.report.formats import formats, renderer
from lawcheck.report.review_page import HtmlWriter, highlight  # noqa: F401
from lawcheck.report.writers import (  # noqa: F401
    CsvWriter, JsonlWriter, JsonWriter, SummaryWriter, TextWriter, Writer,
)
from lawcheck.report.xlsx import XlsxWriter  # noqa: F401

FORMATS = formats("statements")
RESUMABLE = ("jsonl", "csv")


def open_writer(fmt: str, path: str | None = None, *, stream: IO[str] | None = None,
                append: bool = False) -> Writer:
    """A writer to ``path`` (created, or appended to after :func:`resume_state`) or ``stream``."""
    if fmt not in FORMATS:
        raise InputError(f"unknown review output format {fmt!r}", code="LC220",
                         fix=f"use one of {', '.join(FORMATS)}")
    kind = renderer("statements", fmt)
    if fmt == "xlsx":
        if path is None:
            raise InputError("an Excel workbook cannot be written to the terminal", code="LC220",
                             fix="add -o FILE.xlsx, or choose --format csv")
        return kind(path)
    if path is None:
        return kind(stream)
    fresh = not append or not os.path.exists(path) or os.path.getsize(path) == 0
    # utf-8-sig on a new csv so Excel reads Khmer correctly; never a second BOM when appending
    encoding = "utf-8-sig" if fmt == "csv" and fresh else "utf-8"
    try:
        # Reports quote the drafts they flag: a new file is readable by its owner only. The
        # resumable formats are written in place, so that a killed run leaves every whole
        # record for --resume; the others go through a temporary file renamed at the end.
        if fmt in RESUMABLE:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            out = open(os.open(path, flags, 0o600), "a" if append else "w", encoding=encoding,
                       newline="")
        else:
            from lawcheck.outfile import Staged

            out = Staged(path, encoding=encoding, newline="")
    except OSError as exc:
        raise InputError(f"cannot write the output file ({exc.strerror})", code="LC260",
                         where=Where(path),
                         fix="check the folder exists and is writable") from None
    writer = kind(out, owns=True, header=fresh) if fmt == "csv" else kind(out, owns=True)
    writer.path = path
    return writer


# --- resume ------------------------------------------------------------------------------------

def resume_state(path: str, fmt: str, sources=None) -> set[str]:
    """Ids already in ``path``, after cutting off a record a killed run left half written.

    Nothing is cut unless every record kept is a `lawcheck review` record (of one of
    ``sources``, the inputs of this run, when given) and the half-written tail starts like
    one: a notes file named like the output is refused whole, never truncated."""
    if fmt not in RESUMABLE:
        raise InputError(f"--resume cannot continue a {fmt} output", code="LC272",
                         where=Where(path), fix="use --format jsonl or --format csv to resume; "
                         "make the html page from the finished jsonl")
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return set()
    try:
        with open(path, "r+b") as fh:
            return (_resume_jsonl(fh, path, sources) if fmt == "jsonl"
                    else _resume_csv(fh, path, sources))
    except OSError as exc:
        raise InputError(f"cannot read the output to resume ({exc.strerror})", code="LC272",
                         where=Where(path), fix="check its permissions") from None


def _foreign(path: str, line: int | None, fmt: str) -> InputError:
    return InputError(f"this is not a {fmt} file written by `lawcheck review`", code="LC272",
                      where=Where(path, line), fix=f"give --resume the {fmt} file an earlier run "
                      f"wrote with --format {fmt}, or write to a new file without --resume")


def _ours(source, sources) -> bool:
    """True when a record's input ``source`` is one of this run's inputs (or inside one of
    its folders); any source when the run's inputs are not known."""
    if not sources:
        return True
    source = str(source or "")
    return any(source == s or source.startswith(s.rstrip("/") + "/") for s in sources)


def _resume_jsonl(fh, path: str, sources=None) -> set[str]:
    ids, complete = set(), 0
    for number, raw in enumerate(fh, start=1):
        if not raw.endswith(b"\n"):
            if not raw.lstrip().startswith(b'{"lawcheck"'):
                raise _foreign(path, number, "jsonl")
            break  # the record a killed run was writing: drop it
        try:
            record = json.loads(raw)
            subject = record["subject"]
            if "lawcheck" not in record or subject.get("kind") != "statement" \
                    or not _ours(subject.get("source"), sources):
                raise KeyError("not a review record of this input")
            ids.add(str(subject["id"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise _foreign(path, number, "jsonl") from None
        complete += len(raw)
    fh.truncate(complete)
    return ids


def _resume_csv(fh, path: str, sources=None) -> set[str]:
    header_bytes = fh.readline()
    header = header_bytes.decode("utf-8", "replace").lstrip("\ufeff").rstrip("\r\n")
    if not header_bytes.endswith(b"\n"):
        if ",".join(CSV_COLUMNS).startswith(header):
            fh.truncate(0)  # killed while writing the header
            return set()
        raise _foreign(path, 1, "csv")
    if next(csv.reader([header])) != list(CSV_COLUMNS):
        raise _foreign(path, 1, "csv")
    size, read = os.fstat(fh.fileno()).st_size, [len(header_bytes), 1]

    def lines():
        for raw in fh:
            read[0] += len(raw)
            read[1] += 1
            yield raw.decode("utf-8", "surrogateescape")

    ids, last_id, last_start = set(), None, len(header_bytes)
    reader, start = csv.reader(lines()), len(header_bytes)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            row = None
        if row is None or len(row) != len(CSV_COLUMNS):
            if read[0] < size:  # a broken record with more after it: not a half-written tail
                raise _foreign(path, read[1], "csv")
            break
        row_id = unguard_cell(row[0])
        if not _ours(unguard_cell(row[1]), sources):
            raise _foreign(path, read[1], "csv")
        if row_id != last_id:
            if last_id is not None:
                ids.add(last_id)
            last_id, last_start = row_id, start
        start = read[0]
    fh.truncate(last_start)  # the last statement is reviewed again: see the module docstring
    return ids
