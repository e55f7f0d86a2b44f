"""The cells that the csv and xlsx review outputs (and the review page) share: the columns, the
guard against formulas, and what a report says about each finding and about what was screened.

A module of its own so that the writers (outputs.py, xlsx.py) import it and not each other.
"""

from __future__ import annotations

import re

from lawcheck import vocabulary
from lawcheck.speech.script import result_label

RISK_LEVELS = tuple(reversed(vocabulary.RISK_LEVELS))  # most serious first
RISKS = ("deregistration", "prosecution")
CSV_COLUMNS = ("id", "source", "line", "rule", "category", "kind", "severity", "consequence",
               "span_start", "span_end", "excerpt", "why", "citations", "suggestion",
               "deregistration", "prosecution", "result", "language", "unanalysed", "caveats")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
#: A spreadsheet opened with another separator (";" in many locales, tab, "|") starts a new cell
#: after it: "a;=HYPERLINK(…)" becomes a formula there. Such cells are guarded too, and every
#: text cell is quoted, so that no reader splits it.
_FORMULA_AFTER_SEPARATOR = re.compile(r"[,;\t|]\s*[=+\-@]")


def guard_cell(value):
    """Stop a spreadsheet from running a statement as a formula (CSV injection).

    An apostrophe is put before a cell that starts like a formula, and before one that already
    starts with an apostrophe, so :func:`unguard_cell` gives back the exact text.
    """
    if isinstance(value, str) and (value.startswith(_FORMULA_START)
                                   or _FORMULA_AFTER_SEPARATOR.search(value)):
        return "'" + value
    return value


def unguard_cell(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def where_of(finding: dict) -> dict:
    return finding.get("where") or {}


def spans_of(finding: dict) -> list[tuple[int, int]]:
    where = where_of(finding)
    pairs = list(where.get("spans") or []) + [f.get("span") for f in where.get("flags") or []]
    return list(dict.fromkeys((p[0], p[1]) for p in pairs if isinstance(p, (list, tuple))
                              and len(p) == 2 and all(type(v) is int for v in p)))


def first_span(finding: dict) -> list:
    spans = spans_of(finding)
    return list(min(spans)) if spans else ["", ""]


def suggestion_of(finding: dict) -> str:
    flags = [f.get("suggestion") for f in where_of(finding).get("flags") or []
             if f.get("suggestion")]
    if flags:
        return " | ".join(dict.fromkeys(flags))
    mitigations = finding.get("mitigations") or []
    return mitigations[0].get("text", "") if mitigations else ""


# --- what was screened ---------------------------------------------------------------------------

def result_of(report: dict) -> str:
    """"findings", "no findings", "partly screened" or "not screened" (reports written before
    the field existed are worked out from their analysis)."""
    if report.get("result"):
        return report["result"]
    analysed = (report.get("analysis") or {}).get("analysed", True)
    return result_label(analysed, len(report.get("findings") or []))


def unanalysed_spans(report: dict) -> list[tuple[int, int, str]]:
    return [(u["span"][0], u["span"][1], u.get("script", ""))
            for u in (report.get("analysis") or {}).get("unanalysed") or []
            if isinstance(u, dict) and len(u.get("span") or ()) == 2]


def screening_note(report: dict) -> str | None:
    """The caveat that says what was not screened, or None when everything was."""
    if result_of(report) not in UNSCREENED:
        return None
    return next((c for c in report.get("caveats") or [] if str(c).startswith(
        ("NOT SCREENED", "PARTLY SCREENED"))), f"{result_of(report)}: have a person review it")


def subject_note(report: dict) -> str | None:
    """For a statement with no finding that names a subject words were punished for (the King,
    the courts, the border...), what it names and what the precedents did; else None."""
    from lawcheck.speech.measured import subject_part

    if report.get("findings"):
        return None
    return next((part for c in report.get("caveats") or [] if (part := subject_part(c))), None)


def unchecked_note(report: dict) -> str | None:
    """What lawcheck could not judge for a statement and says why (a law or rule not in force
    on its date, a date the election calendar does not cover, a citation gone), or None.
    Checks that only wait for an optional column (medium, speaker) are not repeated here."""
    reasons = []
    for entry in report.get("not_checked") or []:
        for reason in [entry.get("reason"), *(entry.get("reasons") or [])]:
            if reason and reason not in reasons:
                reasons.append(str(reason))
    if not reasons:
        return None
    shown = "; ".join(reasons[:2]) + (f"; and {len(reasons) - 2} more" if len(reasons) > 2
                                      else "")
    return f"SOME CHECKS NOT MADE: {shown} (see not_checked in the JSONL report)"


def screening_cells(report: dict) -> list:
    """The csv/xlsx cells: result, language, unanalysed spans (start-end;…), caveats."""
    return [result_of(report), (report.get("analysis") or {}).get("language", ""),
            ";".join(f"{s}-{e}" for s, e, _ in unanalysed_spans(report)),
            " | ".join(str(c) for c in report.get("caveats") or [])]


UNSCREENED = ("not screened", "partly screened")


def highest_level(report: dict) -> str:
    risk = report.get("risk") or {}
    levels = [(risk.get(k) or {}).get("level") for k in RISKS]
    return next((lv for lv in RISK_LEVELS if lv in levels), "none")
