"""findings → risk → report: the report as typed values (SPEC §5), built once by
:func:`build_report` for a plan and for a statement, and turned into JSON only at the edge
(``to_dict()``, whose dicts keep SPEC §5's key order byte for byte: the goldens hold it).

A finding is never edited in place: placing it at a statement's words or attaching the
precedents closest to it makes a new value (``dataclasses.replace``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

#: A finding's citations, mitigations and precedents keep SPEC §5's JSON objects
#: ({"provision", "title", "text", "version", ...}, {"id", "text"}, {"id", "date", "summary"}).
JSONObject = Mapping[str, Any]


@dataclass(frozen=True)
class Flag:
    """Words of a statement a finding rests on, and a safer wording where there is one."""

    span: tuple[int, int]
    text: str
    mode: str
    suggestion: Any = None

    def to_dict(self) -> dict:
        return {"span": list(self.span), "text": self.text, "mode": self.mode,
                "suggestion": self.suggestion}


@dataclass(frozen=True)
class Where:
    """Where a finding sits: the organisation (nothing set), an activity, a statement (a plan
    statement's index, or a reviewed statement's id) and, on a statement, its words."""

    activity: str | None = None
    statement: int | str | None = None
    spans: tuple[tuple[int, int], ...] | None = None  # None: not placed at any words
    excerpt: str = ""
    flags: tuple[Flag, ...] = ()

    @classmethod
    def from_dict(cls, where: Mapping[str, Any]) -> "Where":
        unknown = set(where) - {"activity", "statement", "spans", "excerpt", "flags"}
        if unknown:  # a new key would vanish from the JSON: refuse it here, loudly
            raise ValueError(f"Where: unknown keys {sorted(unknown)}")
        spans = where.get("spans")
        return cls(where.get("activity"), where.get("statement"),
                   None if spans is None else tuple((s, e) for s, e in spans),
                   where.get("excerpt", ""),
                   tuple(Flag((f["span"][0], f["span"][1]), f["text"], f["mode"],
                              f.get("suggestion")) for f in where.get("flags") or ()))

    def words(self, spans: Sequence[Sequence[int]], excerpt: str,
              flags: Sequence[Flag]) -> "Where":
        """The same place, pointed at these words of its statement."""
        return Where(self.activity, self.statement, tuple((s, e) for s, e in spans), excerpt,
                     tuple(flags))

    def to_dict(self) -> dict:
        out: dict = {}
        if self.activity is not None:
            out["activity"] = self.activity
        if self.statement is not None:
            out["statement"] = self.statement
        if self.spans is not None:
            out.update(spans=[list(s) for s in self.spans], excerpt=self.excerpt,
                       flags=[f.to_dict() for f in self.flags])
        return out


@dataclass(frozen=True)
class Finding:
    """One finding (SPEC §5): the rule's words and grading, where, why, and what to do.

    ``question`` numbers a question a plan must answer (lawcheck.unknowns), which names the plan
    keys it needs in ``missing``; ``precedents`` is None when none was attached (no key), and
    ``support`` (the matched comparisons) stays out of the JSON."""

    rule: str
    title: str
    category: str
    kind: str
    severity: str
    consequence: str
    pillar: str
    where: Where
    why: str
    what: str
    todo: str
    confidence: str
    citations: tuple[JSONObject, ...] = ()
    mitigations: tuple[JSONObject, ...] = ()
    precedents: tuple[JSONObject, ...] | None = None
    question: int | bool | None = None
    missing: tuple[str, ...] = ()
    support: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_dict(cls, f: Mapping[str, Any]) -> "Finding":
        """A finding made as a dict (a question of lawcheck.unknowns) as a typed value."""
        known = {"rule", "title", "category", "kind", "severity", "consequence", "pillar",
                 "where", "why", "what", "todo", "confidence", "citations", "mitigations",
                 "precedents", "question", "missing"}
        if set(f) - known:
            raise ValueError(f"Finding {f.get('rule')!r}: unknown keys {sorted(set(f) - known)}")
        precedents = f.get("precedents")
        return cls(f["rule"], f["title"], f["category"], f["kind"], f["severity"],
                   f["consequence"], f["pillar"], Where.from_dict(f.get("where") or {}),
                   f["why"], f["what"], f["todo"], f["confidence"],
                   tuple(f.get("citations") or ()), tuple(f.get("mitigations") or ()),
                   None if precedents is None else tuple(precedents), f.get("question"),
                   tuple(f.get("missing") or ()))

    def to_dict(self) -> dict:
        head: dict[str, Any] = {"rule": self.rule, "title": self.title, "category": self.category,
                "kind": self.kind, "severity": self.severity, "consequence": self.consequence,
                "pillar": self.pillar}
        if self.question is None:
            out = {**head, "where": self.where.to_dict(), "why": self.why, "what": self.what,
                   "todo": self.todo}
        else:  # a question reads what is missing before why it matters
            out = {**head, "question": self.question, "where": self.where.to_dict(),
                   "what": self.what, "why": self.why, "todo": self.todo,
                   "missing": list(self.missing)}
        out.update(confidence=self.confidence, citations=[dict(c) for c in self.citations],
                   mitigations=[dict(m) for m in self.mitigations])
        if self.precedents is not None:
            out["precedents"] = [dict(p) for p in self.precedents]
        return out


_FINDING_FIELDS: frozenset[str] = frozenset()


def replaced(finding: Finding, **changes) -> Finding:
    """``dataclasses.replace(finding, **changes)``, made without running the dataclass's
    __init__ (which sets each of a frozen Finding's 18 fields through object.__setattr__): the
    new value's fields are the old one's with these changed, the same value replace() makes,
    about five times faster. A review places, names and explains thousands of findings
    (issue 13, speed)."""
    global _FINDING_FIELDS
    if not _FINDING_FIELDS:
        from dataclasses import fields

        _FINDING_FIELDS = frozenset(f.name for f in fields(Finding))
    if type(finding) is not Finding or not _FINDING_FIELDS.issuperset(changes):
        from dataclasses import replace

        return replace(finding, **changes)  # a subclass, or a wrong name: replace() decides
    new = object.__new__(Finding)
    state = new.__dict__
    state.update(finding.__dict__)
    state.update(changes)
    return new


@dataclass(frozen=True)
class Risk:
    """One of the two scores (lawcheck.risk): its level, the score rounded for output, the rules
    that drive it (strongest first), the arithmetic line by line, and where the organisation
    stands on LANGO Art 30's ladder when paperwork lapses counted."""

    level: str
    score: float
    drivers: tuple[str, ...]
    explanation: tuple[str, ...]
    ladder: str | None = None

    def to_dict(self) -> dict:
        if not self.drivers:  # no finding feeds this score
            return {"level": self.level, "score": self.score, "drivers": [],
                    "explanation": list(self.explanation)}
        out = {"level": self.level, "score": self.score, "explanation": list(self.explanation),
               "drivers": list(self.drivers)}
        if self.ladder is not None:
            out["ladder"] = self.ladder
        return out


@dataclass(frozen=True)
class Risks:
    """The two scores of a report, never merged."""

    deregistration: Risk
    prosecution: Risk

    def to_dict(self) -> dict:
        return {"deregistration": self.deregistration.to_dict(),
                "prosecution": self.prosecution.to_dict()}


@dataclass(frozen=True)
class Subject:
    """What was checked: a plan (its file) or one statement (its id, file and line)."""

    kind: str  # plan | statement
    source: str
    sha256: str
    id: str | None = None
    line: int | None = None

    def to_dict(self) -> dict:
        if self.kind == "statement":
            return {"kind": self.kind, "id": self.id, "source": self.source, "line": self.line,
                    "sha256": self.sha256}
        return {"kind": self.kind, "source": self.source, "sha256": self.sha256}


@dataclass(frozen=True)
class Header:
    """What every report opens with: which lawcheck, when, as of which day, against which rule
    base ({"version", "rules"}) and corpus ({"version", "laws"})."""

    lawcheck: str
    checked_at: str
    as_of: str
    rulebase: JSONObject
    corpus: JSONObject

    def to_dict(self) -> dict:
        return {"lawcheck": self.lawcheck, "checked_at": self.checked_at, "as_of": self.as_of,
                "rulebase": dict(self.rulebase), "corpus": dict(self.corpus)}


@dataclass(frozen=True)
class StatementSummary:
    """A plan report's entry for one of its statements: where it is, what of it was analysed,
    and its overall result (never "no findings" when it was not fully analysed)."""

    activity: str
    statement: int
    analysis: JSONObject
    result: str

    def to_dict(self) -> dict:
        return {"activity": self.activity, "statement": self.statement,
                "analysis": dict(self.analysis), "result": self.result}


@dataclass(frozen=True)
class Report:
    """A plan's report. ``not_checked``, ``deadlines`` and ``activities`` keep their SPEC §5
    objects; ``statements`` is left out of the JSON when the plan has none."""

    header: Header
    subject: Subject
    risk: Risks
    findings: tuple[Finding, ...]
    not_checked: tuple[JSONObject, ...]
    caveats: tuple[str, ...]
    deadlines: tuple[JSONObject, ...] = ()
    statements: tuple[StatementSummary, ...] = ()
    activities: tuple[JSONObject, ...] = ()

    def to_dict(self) -> dict:
        return {**self.header.to_dict(), "subject": self.subject.to_dict(),
                "risk": self.risk.to_dict(), "deadlines": [dict(d) for d in self.deadlines],
                "findings": [f.to_dict() for f in self.findings],
                "not_checked": [dict(n) for n in self.not_checked],
                "caveats": list(self.caveats),
                **({"statements": [s.to_dict() for s in self.statements]}
                   if self.statements else {}),
                "activities": [dict(a) for a in self.activities]}


@dataclass(frozen=True)
class StatementReport:
    """One statement's report (lawcheck review, docs/review.md): its analysis and overall
    result besides what every report holds."""

    header: Header
    subject: Subject
    risk: Risks
    findings: tuple[Finding, ...]
    not_checked: tuple[JSONObject, ...]
    caveats: tuple[str, ...]
    analysis: JSONObject = field(default_factory=dict)
    result: str = ""

    def to_dict(self) -> dict:
        return {**self.header.to_dict(), "subject": self.subject.to_dict(),
                "risk": self.risk.to_dict(), "findings": [f.to_dict() for f in self.findings],
                "not_checked": [dict(n) for n in self.not_checked],
                "analysis": dict(self.analysis), "result": self.result,
                "caveats": list(self.caveats)}


AnyReport = Union[Report, StatementReport]


def build_report(header: Header, subject: Subject, risk: Risks, findings: Sequence[Finding],
                 not_checked: Sequence[JSONObject], caveats: Sequence[str], *,
                 deadlines: Sequence[JSONObject] = (),
                 statements: Sequence[StatementSummary] = (),
                 activities: Sequence[JSONObject] = (), analysis: JSONObject | None = None,
                 result: str = "") -> AnyReport:
    """The one place a report is assembled, for a plan (``subject.kind == "plan"``: deadlines,
    the statements it holds, its activities) or a statement (its analysis and result)."""
    if subject.kind == "plan":
        if analysis is not None or result:
            raise ValueError("a plan's report has no analysis or result of its own")
        return Report(header, subject, risk, tuple(findings), tuple(not_checked),
                      tuple(caveats), tuple(deadlines), tuple(statements), tuple(activities))
    if subject.kind == "statement":
        if deadlines or statements or activities:
            raise ValueError("a statement's report has no deadlines, statements or activities")
        return StatementReport(header, subject, risk, tuple(findings), tuple(not_checked),
                               tuple(caveats), analysis or {}, result)
    raise ValueError(f"a report is of a plan or a statement, not {subject.kind!r}")
