"""Review reports as an Excel workbook (openpyxl, imported only here and only when asked for).

Two sheets: ``statements`` (one row a statement: its result, what was not analysed, the risks,
its caveats and its words) and ``findings`` (one row a finding, the columns of the csv output).
Rows are streamed (openpyxl's write-only mode spools each sheet to a temporary file), so a big
batch runs in bounded memory. Cells that would start like a formula are guarded exactly as in
the csv output, and characters Excel cannot hold are dropped.
"""

from __future__ import annotations

from typing import Any

from lawcheck.errors import InputError, Where
from lawcheck.outfile import atomic
from lawcheck.report.cells import (CSV_COLUMNS, RISKS, first_span, guard_cell, highest_level,
                                   screening_cells, suggestion_of, where_of)
from lawcheck.report.writers import Writer

STATEMENT_COLUMNS = ("id", "source", "line", "result", "language", "unanalysed", "findings",
                     "highest_risk", *RISKS, "caveats", "text")
FINDING_COLUMNS = tuple(c for c in CSV_COLUMNS
                        if c not in ("result", "language", "unanalysed", "caveats"))
_CELL_MAX = 32767  # Excel's limit on the characters of one cell


def _cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None:
        return ""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > _CELL_MAX:
            value = value[:_CELL_MAX - 1] + "…"
        return guard_cell(value)
    return value


class XlsxWriter(Writer):
    """Writes ``path`` (created 0600, like every review output) when closed."""

    def __init__(self, path: str) -> None:
        super().__init__(None)
        self.path: str = path
        self.book: Any = None  # made at the first row or at close: a writer never used holds none

    def _open(self) -> None:
        from openpyxl import Workbook

        book = self.book = Workbook(write_only=True)
        self.statements = book.create_sheet("statements")
        self.findings = book.create_sheet("findings")
        self.statements.append(list(STATEMENT_COLUMNS))
        self.findings.append(list(FINDING_COLUMNS))

    def write(self, item, report) -> None:
        if self.book is None:
            self._open()
        risk = report.get("risk") or {}
        levels = [(risk.get(k) or {}).get("level", "") for k in RISKS]
        findings = report.get("findings") or []
        result, language, unanalysed, caveats = screening_cells(report)
        head = [item.id, item.source, item.line]
        self.statements.append([_cell(v) for v in head + [
            result, language, unanalysed, len(findings), highest_level(report), *levels,
            caveats, item.text]])
        for f in findings:
            self.findings.append([_cell(v) for v in head + [
                f.get("rule"), f.get("category"), f.get("kind"), f.get("severity"),
                f.get("consequence"), *first_span(f), where_of(f).get("excerpt"), f.get("why"),
                ";".join(c.get("provision", "") for c in f.get("citations") or []),
                suggestion_of(f), *levels]])

    def abort(self) -> None:
        """The batch failed: write no workbook at all (the sheets' temporary files are closed
        and removed, so nothing is left half written)."""
        import warnings

        if self.book is None:
            return
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for sheet in (self.statements, self.findings):
                writer = getattr(sheet, "_writer", None)
                if writer is not None:
                    writer.close()  # the row generator, before its file goes
            self.book.close()

    def close(self) -> None:
        if self.book is None:
            self._open()  # an empty review still gets its two sheets and their headers
        try:
            with atomic(self.path, "wb") as fh:  # 0600, renamed into place when whole
                self.book.save(fh)
        except OSError as exc:
            raise InputError(f"cannot write the output file ({exc.strerror})", code="LC260",
                             where=Where(self.path),
                             fix="check the folder exists and is writable") from None

