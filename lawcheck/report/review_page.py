"""The reviewer's page of a batch review: one self-contained HTML file from the templates
report/templates/report/review.html (the page) and review_parts.html (a statement, a bad row,
a statement's text with its flagged words marked).

Statements are rendered one at a time and spooled to one temporary file per risk level, and the
page streams the spools back at close, so it is grouped (critical first) without holding the
statements in memory.
"""

from __future__ import annotations

import tempfile

from lawcheck.errors import Where
from lawcheck.report.cells import (RISK_LEVELS, RISKS, highest_level, result_of, screening_note,
                                   spans_of, subject_note, suggestion_of, unanalysed_spans,
                                   unchecked_note)
from lawcheck.report.writers import SummaryWriter, Writer

_CHUNK = 1 << 16  # characters of a spool handed to the page at a time


def _parts():
    from lawcheck.report.templating import environment

    return environment().get_template("report/review_parts.html").module


def pieces(text: str, marks: list[tuple[int, int, str]], unread=()) -> list[tuple]:
    """``text`` cut where a flagged or unread span starts or ends: (piece, the categories
    flagging all of it, whether it was not analysed). Where spans overlap, the piece they share
    carries every category, so nesting never breaks the markup."""
    marks = [(s, e, c) for s, e, c in marks if 0 <= s < e <= len(text)]
    unread = [(s, e) for s, e in unread if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in marks), *(e for _, e, _ in marks),
                   *(s for s, _ in unread), *(e for _, e in unread)})
    return [(text[a:b], list(dict.fromkeys(c for s, e, c in marks if s <= a and b <= e)),
             any(s <= a and b <= e for s, e in unread)) for a, b in zip(cuts, cuts[1:])]


def highlight(text: str, marks: list[tuple[int, int, str]], unread=()) -> str:
    """Escaped text with each flagged span in a <mark> and each span not analysed in a grey
    one (the web page's review list uses it too)."""
    return str(_parts().highlighted(pieces(text, marks, unread)))


def marks_of(report: dict) -> list[tuple[int, int, str]]:
    return [(s, e, str(f.get("category"))) for f in report.get("findings") or []
            for s, e in spans_of(f)]


class HtmlWriter(Writer):
    shows_bad_rows = True

    def __init__(self, out, owns: bool = False) -> None:
        super().__init__(out, owns)
        self.counts = SummaryWriter()
        self.spools = {lv: tempfile.TemporaryFile("w+", encoding="utf-8")
                       for lv in (*RISK_LEVELS, "unscreened", "bad")}
        self._level_counts: dict[str, int] = {}
        self._parts = _parts()

    def write(self, item, report) -> None:
        self.counts.write(item, report)
        risk = report.get("risk") or {}
        findings = report.get("findings") or []
        note = screening_note(report)
        language = (report.get("analysis") or {}).get("language")
        shown = [{"title": f.get("title"), "kind": f.get("kind"), "severity": f.get("severity"),
                  "cites": ", ".join(c.get("provision", "") for c in f.get("citations") or []),
                  "why": f.get("why"), "suggestion": suggestion_of(f)} for f in findings]
        html = self._parts.statement(
            item, f"{item.source}:{item.line}" if item.line is not None else item.source,
            ", ".join(f"{k}: {(risk.get(k) or {}).get('level', '?')}" for k in RISKS),
            len(findings), result_of(report).upper() if note else "",
            "km" if language == "km" else "",  # the page's Khmer font stack and line height
            _marked(self._parts, item.text, report), note, unchecked_note(report), shown,
            subject_note(report))
        level = highest_level(report)
        spool = "unscreened" if note and level == "none" else level
        self._level_counts[spool] = self._level_counts.get(spool, 0) + 1
        self.spools[spool].write(str(html))

    def bad(self, row) -> None:
        self.counts.bad(row)
        self.spools["bad"].write(str(self._parts.bad_row(Where(row.source, row.line), row.code,
                                                         row.message)))

    def close(self) -> None:
        try:
            self._assemble()
        finally:
            for spool in self.spools.values():
                spool.close()
            super().close()

    def _assemble(self) -> None:
        from lawcheck.report.templating import environment
        from lawcheck.speech.measured import batch_note

        summary = self.counts.result()
        screened = {"screened in full": summary["statements"] - summary["not_screened"]
                    - summary["partly_screened"], "partly screened": summary["partly_screened"],
                    "not screened": summary["not_screened"]}
        page = environment().get_template("report/review.html").generate(
            summary=summary, screened=screened, spool=self._chunks,
            # some statement had no finding: say once what that is worth (speech/measured.py)
            no_finding=batch_note() if summary["statements"] > summary["flagged"] else None,
            unscreened=self._level_counts.get("unscreened", 0),
            levels=[(lv, self._level_counts.get(lv, 0)) for lv in RISK_LEVELS])
        for piece in page:
            self.out.write(piece)
        self.out.write("\n")

    def _chunks(self, name: str):
        from markupsafe import Markup

        spool = self.spools[name]
        spool.seek(0)
        while chunk := spool.read(_CHUNK):
            yield Markup(chunk)  # already rendered, escaped, by the templates


def _marked(parts, text: str, report: dict):
    return parts.highlighted(pieces(text, marks_of(report),
                                    [(s, e) for s, e, _ in unanalysed_spans(report)]))
