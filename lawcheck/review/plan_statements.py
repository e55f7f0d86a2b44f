"""Statements attached to plan activities (``activities[].statements[]``): each is analysed and
checked as one more subject of ``lawcheck check``, dated by its activity, and its findings are
pointed at its own words, exactly as ``lawcheck review`` does for a statement on its own (the
pieces are reviewer.py's, so the two commands cannot drift apart).

Split from reviewer.py (past STYLE's split-before-600); used by lawcheck/api/check.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from lawcheck.elections import ElectionCalendar
from lawcheck.model import Context
from lawcheck.report_model import Finding, StatementSummary
from lawcheck.review.reviewer import analyse_screened, analysis_dict, locate, statement_facts
from lawcheck.speech.script import Screen, caveat, result_label, screen


@dataclass(frozen=True)
class PlanStatement:
    """A statement of a plan activity, analysed, as one more subject of the plan check."""

    context: Context  # kind "statement"
    analysis: object
    text: str
    screened: Screen  # what of it could be read

    def summary(self, findings: int) -> StatementSummary:
        """The plan report's entry for this statement: where it is, what was analysed and its
        overall result (never "no findings" when it was not fully analysed)."""
        where = self.context.where
        return StatementSummary(where["activity"], where["statement"],
                                analysis_dict(self.screened, self.analysis),
                                result_label(self.screened.analysed, findings))

    def caveat(self) -> str | None:
        where = self.context.where
        return caveat(self.screened, f"statement {where['statement'] + 1} of activity "
                                     f"{where['activity']}")


def plan_statements(organization: dict, activities, elections: ElectionCalendar,
                    analyser=None) -> list[PlanStatement]:
    """One statement context per ``activities[].statements[]`` entry, dated by its activity.

    The analyser (spaCy) is loaded only when the plan has statements, so checking a plan
    without any stays light."""
    found = []
    for activity in activities:
        for index, statement in enumerate(activity.get("statements") or ()):
            text = statement.get("text") or ""
            if not text.strip():
                continue
            if analyser is None:
                from lawcheck.speech import Analyser

                analyser = Analyser()
            screened = screen(text, statement.get("language"))
            screened, analysis = analyse_screened(analyser, screened, text)
            start = activity.get("start")
            day = start.date() if hasattr(start, "date") else start
            facts = statement_facts(analysis, medium=statement.get("medium"),
                                    speaker=statement.get("speaker"), day=day,
                                    organization=organization, elections=elections)
            where = {"activity": activity["id"], "statement": index}
            found.append(PlanStatement(Context(facts, day, where, "statement"), analysis, text,
                                       screened))
    return found


def place_findings(findings: Sequence[Finding], statement: PlanStatement,
                   rulebase) -> list[Finding]:
    """Each finding on a plan statement, pointed at the spans and safer wordings of its words."""
    from lawcheck.engine import normalise

    facts = normalise(statement.context.facts, rulebase.facts)  # as the engine compared them
    rules = {r.id: r for r in rulebase.rules}
    return [replace(f, where=locate(rules[f.rule], facts, statement.analysis, statement.text,
                                    f.where)) for f in findings]
