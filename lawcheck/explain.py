"""Why did a rule fire, or why not: every condition with the facts' values and its result,
the exceptions that displaced the rule, and whether it was in force on the date (as data;
lawcheck.report.rules prints it)."""

from __future__ import annotations

from datetime import date

from lawcheck.engine import normalise
from lawcheck.findings import applies_on
from lawcheck.model import ProvisionVersion
from lawcheck.rulebase.conditions import All, Any, Cmp, Not, describe, evaluate, show_value
from lawcheck.rulebase.model import Rule, RuleBase


def explain_rule(rulebase: RuleBase, rule: Rule, raw_facts: dict, day: date,
                 provisions: dict[str, list[ProvisionVersion]]) -> dict:
    facts = normalise(raw_facts, rulebase.facts)
    parts = []
    if rule.org_scope is not None:
        parts.append(("organisation types", rule.org_scope))
    if rule.scope is not None and rule.scope != All(()):
        parts.append(("scope", rule.scope))
    if rule.when is not None:
        parts.append(("when", rule.when))
    displaced_by = [other.id for other in rulebase.rules
                    if rule.id in other.exception_to
                    and evaluate(other.full_scope, facts) is True
                    and applies_on(other, day, provisions) is None]
    holds = evaluate(rule.condition, facts) if rule.when is not None else None
    in_force = applies_on(rule, day, provisions)
    fires = holds is True and not displaced_by and in_force is None
    missing = sorted(f for f in rule.condition.facts() if f not in facts)
    return {
        "rule": rule.id, "title": rule.title, "date": day.isoformat(), "fires": fires,
        "condition": holds, "in_force": in_force is None, "not_in_force_because": in_force,
        "displaced_by": displaced_by, "missing": missing,
        "parts": [{"part": name, "result": evaluate(tree, facts), "tree": _tree(tree, facts)}
                  for name, tree in parts],
        "exception_to": list(rule.exception_to),
    }


def _tree(node, facts: dict) -> dict:
    result = evaluate(node, facts)
    if isinstance(node, Cmp):
        return {"test": describe(node), "fact": node.fact,
                "value": show_value(facts[node.fact]) if node.fact in facts else None,
                "result": result}
    if isinstance(node, Not):
        return {"op": "not", "result": result, "parts": [_tree(node.part, facts)]}
    return {"op": "all" if isinstance(node, All) else "any", "result": result,
            "parts": [_tree(p, facts) for p in node.parts]}
