"""Writers of a batch of statement reports: they take ``(statement, report)`` pairs in input
order, and rows that could not be reviewed through :meth:`Writer.bad`. ``jsonl`` (one report a
line), ``json`` (one list), ``csv`` (one row a finding), ``text`` (a terminal listing) and
``summary`` (counts); the reviewer's page is :mod:`lawcheck.report.review_page`, the workbook
:mod:`lawcheck.report.xlsx`. :func:`lawcheck.review.outputs.open_writer` opens the file and picks
the class from the registry (:mod:`lawcheck.report.formats`).

A statement is anything with ``id``, ``source``, ``line`` and ``text``; a bad row anything with
``source``, ``line``, ``code``, ``message`` and ``render()`` (lawcheck.review.inputs makes both).

jsonl and csv write each statement with one ``write()`` and flush it, so a run killed at any
moment leaves whole records followed by at most one partial one (what ``--resume`` relies on).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path
from typing import IO, Any

from lawcheck.jsonbytes import dumps, dumps_str
from lawcheck.outfile import remember
from lawcheck.report.cells import (CSV_COLUMNS, RISK_LEVELS, RISKS, first_span, guard_cell,
                                   highest_level, result_of, screening_cells, screening_note,
                                   spans_of, subject_note, suggestion_of, unchecked_note,
                                   where_of)
from lawcheck.rulebase.model import CATEGORIES, KINDS, SEVERITIES


class Writer:
    shows_bad_rows = False
    path: str | None = None  # the file written, when the writer owns one

    def __init__(self, out: IO[str] | None, owns: bool = False) -> None:
        # a text stream; None only for writers that make their own file (xlsx) or count (summary)
        self.out: Any = out
        self.owns = owns

    def write(self, item, report: dict) -> None:
        raise NotImplementedError

    def bad(self, row) -> None:
        """A row that could not be reviewed; only writers that show them override this."""

    def close(self) -> None:
        self.out.flush()
        if self.owns:
            self.out.close()
            if self.path:
                remember(Path(self.path))  # so the next run may replace its own output

    def abort(self) -> None:
        """The batch failed: keep what is whole (a resumable file), or nothing (a page)."""
        discard = getattr(self.out, "discard", None)
        if self.owns and discard is not None:
            discard()
        else:
            self.close()


# --- jsonl -------------------------------------------------------------------------------------

class JsonlWriter(Writer):
    _bytes: Any = None  # the byte buffer under a file open_writer opened, once looked at

    def write(self, item, report) -> None:
        # orjson (lawcheck.jsonbytes): the values of json.dumps(report, ensure_ascii=False,
        # separators=(",", ":")), about four times faster; floats in the shortest exponent form
        # (0.00001, 1e16), never NaN or infinity (docs/review.md, "JSONL bytes")
        if self._bytes is None:
            self._bytes = self._byte_buffer()
        if self._bytes is not False:
            self._bytes.write(dumps(report) + b"\n")
            self._bytes.flush()
            return
        self.out.write(dumps_str(report) + "\n")
        self.out.flush()

    def _byte_buffer(self):
        """The byte buffer of a file open_writer opened (it sets ``path``; UTF-8, strict,
        ``newline=""``: no translation), else False. Each line then goes there as the
        encoder's own UTF-8 instead of being decoded to text and encoded again on the way:
        the same bytes (issue 13, speed)."""
        out = self.out
        if self.owns and self.path and isinstance(out, io.TextIOWrapper) and \
                codecs.lookup(out.encoding).name == "utf-8" and out.errors == "strict":
            out.flush()  # nothing may wait in the text layer ahead of the bytes
            return out.buffer
        return False


class JsonWriter(Writer):
    """One JSON list of reports, streamed: the same bytes as ``json.dumps(reports, indent=2)``
    (and as ``lawcheck show --format json``), without holding the list."""

    def __init__(self, out, owns: bool = False) -> None:
        super().__init__(out, owns)
        self.count = 0

    def write(self, item, report) -> None:
        body = json.dumps(report, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.out.write(("[\n  " if not self.count else ",\n  ") + body)
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")
        super().close()


# --- csv ---------------------------------------------------------------------------------------

class CsvWriter(Writer):
    def __init__(self, out, owns: bool = False, header: bool = True) -> None:
        super().__init__(out, owns)
        if header:  # plain words, written unquoted (what --resume recognises)
            self.out.write(",".join(CSV_COLUMNS) + "\r\n")
            self.out.flush()

    def write(self, item, report) -> None:
        risk = report.get("risk") or {}
        levels = [(risk.get(k) or {}).get("level", "") for k in RISKS]
        head = [item.id, item.source, "" if item.line is None else item.line]
        tail = levels + screening_cells(report)
        rows = [head + [f.get("rule"), f.get("category"), f.get("kind"), f.get("severity"),
                        f.get("consequence"), *first_span(f), where_of(f).get("excerpt"),
                        f.get("why"), ";".join(c.get("provision", "") for c in
                                               f.get("citations") or []),
                        suggestion_of(f)] + tail
                for f in report.get("findings") or []]
        self._emit(rows or [head + [""] * 11 + tail])  # every reviewed id appears once at least

    def _emit(self, rows) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
        for row in rows:
            writer.writerow([guard_cell("" if v is None else v) for v in row])
        self.out.write(buffer.getvalue())  # one write per statement: see the module docstring
        self.out.flush()


# --- summary -----------------------------------------------------------------------------------

class SummaryWriter(Writer):
    """Counts, returned by :meth:`result`; the CLI prints them (stderr, or JSON)."""

    shows_bad_rows = True

    def __init__(self, out: IO[str] | None = None, owns: bool = False) -> None:
        super().__init__(out, owns)
        self.statements = self.flagged = self.findings = self.bad_rows = 0
        self.not_screened = self.partly_screened = self.checks_not_made = 0
        self.by: dict[str, dict] = {"category": {}, "severity": {}, "kind": {}}
        self.levels: dict[str, dict] = {k: {} for k in (*RISKS, "highest")}

    def write(self, item, report) -> None:
        self.statements += 1
        findings = report.get("findings") or []
        self.flagged += bool(findings)
        self.findings += len(findings)
        result = result_of(report)
        self.not_screened += result == "not screened"
        self.partly_screened += result == "partly screened"
        self.checks_not_made += unchecked_note(report) is not None
        for f in findings:
            for key, counts in self.by.items():
                counts[f.get(key)] = counts.get(f.get(key), 0) + 1
        risk = report.get("risk") or {}
        for key in RISKS:
            _add(self.levels[key], (risk.get(key) or {}).get("level") or "none")
        _add(self.levels["highest"], highest_level(report))

    def bad(self, row) -> None:
        self.bad_rows += 1

    def result(self) -> dict:
        order = {"category": CATEGORIES, "severity": SEVERITIES[::-1], "kind": KINDS}
        return {"statements": self.statements, "flagged": self.flagged,
                "findings": self.findings, "bad_rows": self.bad_rows,
                "not_screened": self.not_screened, "partly_screened": self.partly_screened,
                "checks_not_made": self.checks_not_made,
                **{f"by_{k}": _ordered(v, order[k]) for k, v in self.by.items()},
                "risk": {k: _ordered(v, RISK_LEVELS) for k, v in self.levels.items()}}

    def close(self) -> None:
        if self.out is not None:
            self.out.write(json.dumps(self.result(), indent=2) + "\n")
            super().close()


def _add(counts: dict, key) -> None:
    counts[key] = counts.get(key, 0) + 1


def _ordered(counts: dict, order) -> dict:
    known = {k: counts[k] for k in order if k in counts}
    return known | {k: v for k, v in sorted(counts.items(), key=str) if k not in known}


# --- text --------------------------------------------------------------------------------------

class TextWriter(Writer):
    shows_bad_rows = True

    def write(self, item, report) -> None:
        risk = report.get("risk") or {}
        findings = report.get("findings") or []
        levels = "  ".join(f"{k} {(risk.get(k) or {}).get('level', '?')}" for k in RISKS)
        lines = [f"{item.id}  {levels}  {len(findings)} finding{'s' * (len(findings) != 1)}"]
        note = screening_note(report)
        if note:
            lines[0] += f"  {result_of(report).upper()}"
            lines.append(f"    ! {note}")
        unchecked = unchecked_note(report)
        if unchecked:
            lines.append(f"    ? {unchecked}")
        subject = subject_note(report)
        if subject:  # no finding, but it names what words were punished for
            lines.append(f"    ? {subject}")
        for f in findings:
            cites = ",".join(c.get("provision", "") for c in f.get("citations") or [])
            words = "; ".join(repr(item.text[s:e]) for s, e in spans_of(f) if 0 <= s < e)
            lines.append(f"    {str(f.get('severity', '')).upper():8} {f.get('rule')}  {cites}"
                         + (f"  {words}" if words else ""))
        self.out.write("\n".join(lines) + "\n")

    def bad(self, row) -> None:
        self.out.write(f"{row.render()}\n")
