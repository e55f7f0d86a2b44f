"""Every precedent is a test: its ``reconstruction`` (one plan activity with its organisation,
or a statement), checked by lawcheck, must produce the precedent's categories, and the risk its
outcome bears on must reach the level the outcome implies.

Which risk: a criminal outcome (arrest, charge, conviction) bears on *prosecution*; suspension,
deregistration, MoU termination or expulsion on *deregistration*; a warning, dispersal, ban or
fine on whichever of the two lawcheck scores higher. Used by tests/test_precedent_cases.py and
benchmarks/precedents.py (in-sample recall per category).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import yaml

from lawcheck.precedents import Precedent
from lawcheck.vocabulary import RISK_LEVELS

ORDER = RISK_LEVELS


def required_level(p: Precedent) -> str:
    """The least level lawcheck must give: the precedent's own, except that prison or charges
    (recorded as critical) are met by high as well; issue 12 says "critical or high for
    prosecution", since a plan checked beforehand cannot know the court's sentence."""
    return "high" if p.level == "critical" else p.level
ORGANISATION_RISK = ("suspension", "deregistration", "mou-termination", "expulsion")


def risk_for(p: Precedent) -> str | None:
    """The risk the outcome bears on: prosecution, deregistration, or None (the higher)."""
    if p.consequence == "criminal":
        return "prosecution"
    if p.consequence in ORGANISATION_RISK:
        return "deregistration"
    return None


@dataclass(frozen=True)
class CaseResult:
    precedent: Precedent
    categories: frozenset[str]      # categories of the findings lawcheck gave
    level: str                      # the level lawcheck gave on the risk that matters
    risk: str                       # which risk that is (or "either")
    error: str | None = None        # the reconstruction could not be checked (a bug)
    rules: tuple[str, ...] = ()     # the rules that fired

    @property
    def missing(self) -> list[str]:
        return [c for c in self.precedent.categories if c not in self.categories]

    @property
    def level_ok(self) -> bool:
        return ORDER.index(self.level) >= ORDER.index(required_level(self.precedent))

    @property
    def passed(self) -> bool:
        return self.error is None and not self.missing and self.level_ok

    def explain(self) -> str:
        p = self.precedent
        parts = []
        if self.missing:
            parts.append(f"categories not found: {', '.join(self.missing)} (found: "
                         f"{', '.join(sorted(self.categories)) or 'none'})")
        if not self.level_ok:
            parts.append(f"{self.risk} risk {self.level}, the outcome ({p.level}) needs at "
                         f"least {required_level(p)}")
        return f"{p.id} ({p.file}:{p.line}): " + ("; ".join(parts) or self.error or "ok")


class Runner:
    """Checks reconstructions against one database; builds the statement reviewer once."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._reviewer = None

    def run(self, p: Precedent) -> CaseResult:
        r = p.reconstruction
        report = self._statement(p, r["statement"]) if "statement" in r else self._plan(p, r)
        findings = report["findings"]
        risk = risk_for(p)
        levels = {k: (report["risk"].get(k) or {}).get("level", "none")
                  for k in ("prosecution", "deregistration")}
        level = levels[risk] if risk else max(levels.values(), key=ORDER.index)
        # an unanswered question is not a finding of its category: only real findings count
        categories = frozenset(f["category"] for f in findings
                               if not str(f.get("rule", "")).startswith("question:"))
        rules = tuple(sorted({f["rule"] for f in findings}))
        return CaseResult(p, categories, level, risk or "either", rules=rules)

    def _plan(self, p: Precedent, r: dict) -> dict:
        from lawcheck import api

        organization = {"name": f"Reconstruction of {p.id}", **r["organization"]}
        activity = r["activity"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "plan.yaml"
            from lawcheck.plan.dump import NoAliasDumper  # the plan loader refuses aliases

            path.write_text(yaml.dump({"organization": organization, "activities": [activity]},
                                      Dumper=NoAliasDumper, allow_unicode=True),
                            encoding="utf-8")
            return api.check(path, as_of=self.as_of(p, activity), db=self.db)

    @staticmethod
    def as_of(p: Precedent, activity: dict) -> date:
        """Checked as the organisation would have checked it: before the activity, or, for
        paperwork, on the day the authorities acted."""
        start = str(activity.get("start", ""))[:10]
        try:
            day = date.fromisoformat(start)
        except ValueError:
            return p.date
        return min(day, p.date) if p.did.kind != "organisation" else p.date

    def _statement(self, p: Precedent, s: dict) -> dict:
        if self._reviewer is None:
            from lawcheck.review.reviewer import ReviewerSpec

            self._reviewer = ReviewerSpec(db=self.db, sync=True).build()
        day = s.get("date") or p.date
        item = SimpleNamespace(id=p.id, text=s["text"], source=p.file, line=p.line,
                               date=date.fromisoformat(str(day)), medium=s.get("medium"),
                               speaker=s.get("speaker"), org_type=s.get("org_type"),
                               language=None)
        return self._reviewer.review(item)


def recall(results: list[CaseResult]) -> dict:
    """Per category: precedents showing it, how many produced it, how many also reached the
    level; and the overall pass count."""
    table: dict[str, dict] = {}
    for res in results:
        for category in res.precedent.categories:
            row = table.setdefault(category, {"precedents": 0, "found": 0, "at_level": 0})
            row["precedents"] += 1
            if category in res.categories:
                row["found"] += 1
                row["at_level"] += res.level_ok
    return {"categories": dict(sorted(table.items())), "precedents": len(results),
            "passed": sum(r.passed for r in results),
            "level_ok": sum(r.level_ok for r in results)}
