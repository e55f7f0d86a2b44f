"""Writers for batch review: they take ``(statement, report)`` pairs in input order.

``jsonl`` (one report a line), ``csv`` (one row a finding), ``html`` (a reviewer's page),
``text`` (a terminal listing) and ``summary`` (counts). Writers that show bad rows (html, text,
summary) also get them through :meth:`Writer.bad`.

Crash safety and ``--resume``: jsonl and csv write each statement with one ``write()`` and flush
it, so a run killed at any moment leaves whole records followed by at most one partial one.
:func:`resume_state` cuts that partial record off and returns the ids already written. A
statement's csv rows cannot be told complete from the rows alone, so resume always drops the
last statement's rows (and a half-written row after them) and reviews it again: at most two
statements are redone, none is lost or written twice.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
import shutil
import tempfile
from html import escape
from typing import IO

from lawcheck.errors import InputError, Where
from lawcheck.review.cells import (  # noqa: F401  (the review page reads these through here)
    CSV_COLUMNS, RISK_LEVELS, RISKS, UNSCREENED, first_span, guard_cell, highest_level,
    result_of, screening_cells, screening_note, spans_of, suggestion_of, unanalysed_spans,
    unchecked_note, unguard_cell, where_of,
)
from lawcheck.review.inputs import BadRow, StatementInput
from lawcheck.review.writer import Writer
from lawcheck.review.xlsx import XlsxWriter
from lawcheck.rulebase.model import CATEGORIES, KINDS, SEVERITIES

# The review page (lawcheck/web/render.py and its templates) reads these two through this module.
_spans, _suggestion = spans_of, suggestion_of

FORMATS = ("jsonl", "json", "csv", "html", "text", "summary", "xlsx")
RESUMABLE = ("jsonl", "csv")


def open_writer(fmt: str, path: str | None = None, *, stream: IO[str] | None = None,
                append: bool = False) -> Writer:
    """A writer to ``path`` (created, or appended to after :func:`resume_state`) or ``stream``."""
    if fmt not in FORMATS:
        raise InputError(f"unknown review output format {fmt!r}", code="LC220",
                         fix=f"use one of {', '.join(FORMATS)}")
    if fmt == "xlsx":
        if path is None:
            raise InputError("an Excel workbook cannot be written to the terminal", code="LC220",
                             fix="add -o FILE.xlsx, or choose --format csv")
        return XlsxWriter(path)
    if path is None:
        return _WRITERS[fmt](stream)
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
    writer = (CsvWriter(out, owns=True, header=fresh) if fmt == "csv"
              else _WRITERS[fmt](out, owns=True))
    writer.path = path
    return writer


# --- jsonl -------------------------------------------------------------------------------------

class JsonlWriter(Writer):
    def write(self, item, report) -> None:
        self.out.write(json.dumps(report, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.out.flush()


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
        self.by = {"category": {}, "severity": {}, "kind": {}}
        self.levels = {k: {} for k in (*RISKS, "highest")}

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
        for f in findings:
            cites = ",".join(c.get("provision", "") for c in f.get("citations") or [])
            words = "; ".join(repr(item.text[s:e]) for s, e in spans_of(f) if 0 <= s < e)
            lines.append(f"    {str(f.get('severity', '')).upper():8} {f.get('rule')}  {cites}"
                         + (f"  {words}" if words else ""))
        self.out.write("\n".join(lines) + "\n")

    def bad(self, row) -> None:
        self.out.write(f"{row.render()}\n")


# --- html --------------------------------------------------------------------------------------

def _lang(report) -> str:
    """ lang="km" on a Khmer statement, so the page's Khmer font stack and line height apply."""
    language = (report.get("analysis") or {}).get("language")
    return ' lang="km"' if language == "km" else ""


_CSS = """
body { font: 15px/1.5 system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Khmer",
  "Khmer OS System", "Khmer OS", "Leelawadee UI", sans-serif; color: #1f2328; max-width: 62rem;
  margin: 0 auto; padding: 1.5rem; word-break: normal; overflow-wrap: normal; }
:lang(km) { font-family: "Noto Sans Khmer", "Khmer OS System", "Khmer OS", "Leelawadee UI",
  sans-serif; line-height: 1.8; }
h2 { border-bottom: 2px solid #1f2328; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; } td, th { border: 1px solid #d0d7de;
  padding: .15rem .6rem; text-align: left; }
.statement { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem .9rem; margin: 1rem 0; }
.text { white-space: pre-wrap; border-left: 3px solid #d0d7de; padding-left: .7rem; }
.meta { color: #57606a; font-size: .9rem; }
mark { background: #ffe08a; border-bottom: 2px solid #9a6700; }
mark.multi { background: #ffb3a7; }
.finding { border-top: 1px dashed #d0d7de; margin-top: .6rem; padding-top: .4rem; }
.finding dl { display: grid; grid-template-columns: 9rem 1fr; gap: .2rem .8rem; margin: 0; }
.finding dt { font-weight: 600; color: #57606a; } .finding dd { margin: 0; }
.bad { color: #b3261e; }
.caveat { color: #9a3412; font-weight: 600; }
mark.unread { background: #e5e7eb; border-bottom: 2px dotted #57606a; }
@media print { .statement { break-inside: avoid; } mark { print-color-adjust: exact; } }
""".strip()


def esc(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def highlight(text: str, marks: list[tuple[int, int, str]], unread=()) -> str:
    """Escaped text with each flagged span in a <mark>; where spans overlap, the piece they share
    is marked once with every category in its title, so nesting never breaks the markup.
    ``unread`` spans (not analysed) get a grey mark of their own."""
    marks = [(s, e, c) for s, e, c in marks if 0 <= s < e <= len(text)]
    unread = [(s, e) for s, e in unread if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in marks), *(e for _, e, _ in marks),
                   *(s for s, _ in unread), *(e for _, e in unread)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = esc(text[a:b])
        cats = list(dict.fromkeys(c for s, e, c in marks if s <= a and b <= e))
        if any(s <= a and b <= e for s, e in unread):
            piece = f'<mark class="unread" title="not analysed">{piece}</mark>'
        if cats:
            multi = ' class="multi"' if len(cats) > 1 else ""
            piece = f'<mark{multi} title="{esc(", ".join(cats))}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


class HtmlWriter(Writer):
    """Statements are spooled to one temporary file per risk level and joined at close, so the
    page is grouped (critical first) without holding the statements in memory."""

    shows_bad_rows = True

    def __init__(self, out, owns: bool = False) -> None:
        super().__init__(out, owns)
        self.counts = SummaryWriter()
        self.spools = {lv: tempfile.TemporaryFile("w+", encoding="utf-8")
                       for lv in (*RISK_LEVELS, "unscreened")}
        self.bad_spool = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._level_counts: dict[str, int] = {}

    def write(self, item, report) -> None:
        self.counts.write(item, report)
        risk = report.get("risk") or {}
        findings = report.get("findings") or []
        levels = ", ".join(f"{k}: {(risk.get(k) or {}).get('level', '?')}" for k in RISKS)
        where = f"{item.source}:{item.line}" if item.line is not None else item.source
        marks = [(s, e, str(f.get("category"))) for f in findings for s, e in spans_of(f)]
        unread = [(s, e) for s, e, _ in unanalysed_spans(report)]
        note = screening_note(report)
        result = f" · {esc(result_of(report).upper())}" if note else ""
        out = [f'<article class="statement"><h3>{esc(item.id)}</h3>',
               f'<p class="meta">{esc(where)} · {esc(levels)} · {len(findings)} finding(s)'
               f'{result}</p>',
               f'<div class="text"{_lang(report)}>{highlight(item.text, marks, unread)}</div>']
        if note:
            out.append(f'<p class="caveat">⚠ {esc(note)}</p>')
        unchecked = unchecked_note(report)
        if unchecked:
            out.append(f'<p class="caveat">? {esc(unchecked)}</p>')
        for f in findings:
            cites = ", ".join(c.get("provision", "") for c in f.get("citations") or [])
            out += ['<div class="finding">', f"<h4>{esc(f.get('title'))}</h4>", "<dl>",
                    f"<dt>Kind</dt><dd>{esc(f.get('kind'))}</dd>",
                    f"<dt>Severity</dt><dd>{esc(f.get('severity'))}</dd>",
                    f"<dt>Cites</dt><dd>{esc(cites)}</dd>",
                    f"<dt>Why</dt><dd>{esc(f.get('why'))}</dd>",
                    f"<dt>Safer wording</dt><dd>{esc(suggestion_of(f))}</dd>", "</dl></div>"]
        out.append("</article>")
        level = highest_level(report)
        spool = "unscreened" if note and level == "none" else level
        self._level_counts[spool] = self._level_counts.get(spool, 0) + 1
        self.spools[spool].write("\n".join(out) + "\n")

    def bad(self, row) -> None:
        self.counts.bad(row)
        self.bad_spool.write(f"<li>{esc(Where(row.source, row.line))}: {esc(row.code)} "
                             f"{esc(row.message)}</li>\n")

    def close(self) -> None:
        try:
            self._assemble()
        finally:
            for spool in (*self.spools.values(), self.bad_spool):
                spool.close()
            super().close()

    def _assemble(self) -> None:
        summary, w = self.counts.result(), self.out.write
        w('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
          '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
          f"<title>lawcheck statement review</title>\n<style>\n{_CSS}\n</style>\n</head>\n"
          f"<body>\n<h1>Statement review</h1>\n<section class=\"summary\"><h2>Summary</h2>\n"
          f"<p>{summary['statements']} statement(s) reviewed, {summary['flagged']} flagged, "
          f"{summary['findings']} finding(s), {summary['bad_rows']} row(s) not reviewed.</p>\n")
        if summary["not_screened"] or summary["partly_screened"]:
            w(f'<p class="caveat">⚠ {summary["not_screened"]} statement(s) not screened and '
              f'{summary["partly_screened"]} partly screened: they are in Khmer or another '
              "language lawcheck cannot analyse, wholly or in part. No finding on them does not "
              "mean they are safe: have a person who reads them review them.</p>\n")
        screened = {"screened in full": summary["statements"] - summary["not_screened"]
                    - summary["partly_screened"], "partly screened": summary["partly_screened"],
                    "not screened": summary["not_screened"]}
        for title, counts in (("Highest risk level", summary["risk"]["highest"]),
                              ("Screening", screened),
                              ("Category", summary["by_category"]),
                              ("Severity", summary["by_severity"])):
            w(f"<table><tr><th>{esc(title)}</th><th>statements</th></tr>\n" if title.startswith(
                ("Highest", "Screening")) else
              f"<table><tr><th>{esc(title)}</th><th>findings</th></tr>\n")
            w("".join(f"<tr><td>{esc(k)}</td><td>{v}</td></tr>\n" for k, v in counts.items()))
            w("</table>\n")
        if summary["bad_rows"]:
            w('<h3 class="bad">Rows not reviewed</h3>\n<ul>\n')
            self._copy(self.bad_spool)
            w("</ul>\n")
        w("</section>\n")
        unscreened = self._level_counts.get("unscreened", 0)
        if unscreened:  # before the levels: "none" must not be read as "screened and clean"
            w(f'<section class="unscreened"><h2>Not (fully) screened ({unscreened})</h2>\n'
              '<p class="caveat">No finding on what lawcheck could read; the rest was not '
              "analysed. Have a person who reads these statements review them.</p>\n")
            self._copy(self.spools["unscreened"])
            w("</section>\n")
        for level in RISK_LEVELS:
            count = self._level_counts.get(level, 0)
            if count:
                w(f'<section class="level-{level}"><h2>Highest risk: {level} ({count})</h2>\n')
                self._copy(self.spools[level])
                w("</section>\n")
        w("</body>\n</html>\n")

    def _copy(self, spool) -> None:
        spool.seek(0)
        shutil.copyfileobj(spool, self.out)


_WRITERS = {"jsonl": JsonlWriter, "json": JsonWriter, "csv": CsvWriter, "html": HtmlWriter, "text": TextWriter,
            "summary": SummaryWriter}


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
