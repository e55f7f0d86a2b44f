"""One reader for the tables people give lawcheck (issue 16): CSV and XLSX sheets of activities
(a plan) and of statements (a review), streamed row by row with the line or row each starts on.

What a row means, and how a bad one is reported, stays with the caller (plan problems are
collected, a statement row is skipped with its line); this module only reads. openpyxl is
imported when a workbook is opened, never before.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any


class Unreadable(Exception):
    """The file cannot be opened as an XLSX workbook; ``cause`` is why."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(f"{cause.__class__.__name__}: {cause}")
        self.cause = cause


def blank(cell: Any) -> bool:
    """An empty cell: nothing, or only spaces."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def csv_records(lines: Iterable[str]) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """(line where the record starts, its cells) for each CSV record of ``lines`` (a record
    that spans lines starts on the first); (line, csv.Error) for a broken record, and reading
    goes on after it (the caller decides whether to)."""
    reader = csv.reader(lines)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, exc
            continue
        yield start, cells


def sheet_rows(source, prefer: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cell values) for each row of one sheet of an XLSX workbook (a path or a
    binary file): the sheet named ``prefer`` (in any case, surrounding spaces ignored), else the
    first. Streamed (read-only mode, values not formulas); raises :class:`Unreadable` when
    ``source`` is not a workbook openpyxl can read."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML or openpyxl errors: all mean "not a workbook we can read"
        raise Unreadable(exc) from None
    try:
        sheets = book.worksheets
        chosen = next((w for w in sheets if prefer and w.title.strip().lower() == prefer),
                      sheets[0] if sheets else None)
        if chosen is None:
            return
        for number, cells in enumerate(chosen.iter_rows(min_row=1, values_only=True), start=1):
            yield number, list(cells)
    finally:
        book.close()
