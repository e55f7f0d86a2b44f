"""Run the rule base's YAML test cases: facts in, the exact set of rules that fire out.

The same cases run under ``lawcheck rules test`` and under pytest (tests/test_rule_cases.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lawcheck.engine import Engine, compile_rulebase
from lawcheck.explain import explain_rule
from lawcheck.findings import evaluate_contexts
from lawcheck.model import Context, ProvisionVersion
from lawcheck.rulebase.model import RuleBase, TestCase


@dataclass(frozen=True)
class CaseResult:
    case: TestCase
    fired: tuple[str, ...]
    missing: tuple[str, ...]  # expected, did not fire
    unexpected: tuple[str, ...]  # fired, not expected
    explanations: tuple[dict, ...]  # lawcheck.explain's data; report.rules.case_text prints it
    checked: tuple[str, ...] = ()  # expected in not_checked, but not listed there

    @property
    def passed(self) -> bool:
        return not self.missing and not self.unexpected and not self.checked


def run_cases(rulebase: RuleBase, engine: Engine, provisions: dict[str, list[ProvisionVersion]],
              cases: list[TestCase] | None = None, today: date | None = None) -> list[CaseResult]:
    cases = list(rulebase.tests if cases is None else cases)
    today = today or date.today()
    contexts = [Context(case.facts, case.facts.get("subject.date") or today) for case in cases]
    outcomes = evaluate_contexts(rulebase, compile_rulebase(rulebase), engine, contexts,
                                 provisions)
    results = []
    for case, context, outcome in zip(cases, contexts, outcomes):
        fired = tuple(sorted({f.rule for f in outcome.findings}))
        missing = tuple(sorted(set(case.expect) - set(fired)))
        unexpected = tuple(sorted(set(fired) - set(case.expect)))
        explanations = tuple(
            explain_rule(rulebase, rulebase.rule(rid), case.facts, context.date, provisions)
            for rid in missing + unexpected)
        unchecked = {entry["rule"] for entry in outcome.not_checked  # no version in force
                     if str(entry.get("reason", "")).startswith("not in force")}
        checked = tuple(sorted(set(case.not_checked) - unchecked))
        results.append(CaseResult(case, fired, missing, unexpected, explanations, checked))
    return results
