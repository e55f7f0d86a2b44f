"""facts → findings: run the engine, apply exceptions and dates in force, and build findings that
explain themselves (SPEC §5).

The engine only says which conditions are true. Here, in one place: an exception whose scope
holds displaces the rules it names; a rule applies only on a date within its own effective dates
and those of a version of every provision it cites; each finding's ``why`` names the facts that
made its condition true; rules that could not be decided list the facts they lacked.

``Context`` and ``ProvisionVersion`` live in :mod:`lawcheck.model` (imported here for older
callers); findings are :class:`lawcheck.report_model.Finding` values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lawcheck.engine import Compiled, Engine, normalise, subject
from lawcheck.model import Context, ProvisionVersion
from lawcheck.report_model import Finding, Where
from lawcheck.rulebase.conditions import All, Any, Cmp, Not, describe, evaluate, show_value
from lawcheck.rulebase.model import KINDS, SEVERITIES, Rule, RuleBase

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)\}")


def sort_key(finding: Finding) -> tuple:
    """The order of findings within one subject: most severe first, then by kind and rule."""
    return (-SEVERITIES.index(finding.severity), KINDS.index(finding.kind), finding.rule,
            str(sorted(finding.where.to_dict().items())))


@dataclass(frozen=True)
class Outcome:
    """What the rule base says about one context."""

    findings: tuple[Finding, ...]
    not_checked: tuple[dict, ...]  # {"rule", "missing": [facts]}
    displaced: tuple[tuple[str, str], ...]  # (exception, rule it displaced)
    not_in_force: tuple[dict, ...]  # {"rule", "reason"}


def applies_on(rule: Rule, day: date, provisions: dict[str, list[ProvisionVersion]]) -> str | None:
    """None when the rule applies on ``day``; otherwise the reason it does not."""
    if rule.effective_from and day < rule.effective_from:
        return f"the rule takes effect on {rule.effective_from.isoformat()}"
    if rule.effective_to and day > rule.effective_to:
        return f"the rule ended on {rule.effective_to.isoformat()}"
    for cited in rule.citations:
        versions = provisions.get(cited)
        if versions is not None and not any(v.in_force(day) for v in versions):
            from lawcheck.rulebase.dating import gone_reason

            return gone_reason(cited, provisions) or \
                f"no version of {cited} is in force on {day.isoformat()}"
    for parameter in rule.parameters:
        from lawcheck.rulebase.dating import parameter_problem

        version = _version_on(parameter.citation, day, provisions)
        problem = parameter_problem(parameter, version) if version else None
        if problem:  # the law's number moved away from the rule's: stale advice, or worse
            return f"{problem}; a person must correct the rule"
    return None


def out_of_force(rulebase: RuleBase, context: "Context", facts: dict, in_force: dict,
                 gone: set) -> list[dict]:
    """not_checked entries for rules no version of which is in force on the context's date
    (the law lawcheck holds does not cover that day, or a citation is gone from the law): a
    subject dated there must say so, never look clean. A rule whose condition is false for
    these facts stays quiet (it could not have fired), except when a citation is gone: then the
    rule itself is in doubt, and every subject in its scope is told."""
    from lawcheck.rulebase.dating import CITATION_GONE

    families: dict[str, list[str]] = {}
    for rule in rulebase.rules:
        families.setdefault(rule.family, []).append(rule.id)
    entries = []
    for rule in rulebase.rules:
        reason = in_force[rule.id]
        if reason is None or rule.when is None or rule.id in gone or not _for(rule, context) \
                or any(in_force[other] is None for other in families[rule.family]):
            continue
        relevant = rule.full_scope if reason.startswith(CITATION_GONE) else rule.condition
        if evaluate(relevant, facts) is False:
            continue
        entries.append((rule, {"rule": rule.id, "missing": [],
                               "reason": f"not in force on {context.date.isoformat()}: {reason}"}))
    return [entry for rule, entry in entries if rule is _nearest(
        [r for r, _ in entries if r.family == rule.family], context.date)]


def _nearest(versions: list[Rule], day: date) -> Rule:
    """Of the versions of one duty, none in force on ``day``, the one a reader needs: the next
    to take effect, else the last to have ended (one not_checked entry per duty)."""
    later = [r for r in versions if r.effective_from and r.effective_from > day]
    if later:
        return min(later, key=lambda r: r.effective_from or date.max)  # all have one
    return max(versions, key=lambda r: r.effective_to or date.max)


def evaluate_contexts(rulebase: RuleBase, compiled: Compiled, engine: Engine,
                      contexts: list[Context],
                      provisions: dict[str, list[ProvisionVersion]]) -> list[Outcome]:
    facts = [normalise(c.facts, rulebase.facts) for c in contexts]
    matched = engine.matches(compiled, [subject(f, c.kind) for f, c in zip(facts, contexts)])
    by_context: dict[int, set] = {}
    for key, index in matched:
        by_context.setdefault(index, set()).add(key)
    rules = {r.id: r for r in rulebase.rules}
    outcomes = []
    for index, context in enumerate(contexts):
        keys = by_context.get(index, set())
        in_force = {rid: applies_on(rule, context.date, provisions) for rid, rule in rules.items()}
        displaced = sorted((exc, target) for kind, exc in keys if kind == "scope"
                           and in_force[exc] is None for target in rules[exc].exception_to)
        gone = {target for _, target in displaced}
        found, not_in_force = [], []
        for kind, rid in sorted(keys):
            if kind != "fire" or rid in gone or not _for(rules[rid], context):
                continue
            if in_force[rid] is not None:
                not_in_force.append({"rule": rid, "reason": in_force[rid]})
                continue
            rule = rules[rid]
            found.append(_finding(rule, facts[index], context, provisions, rulebase))
        # the engine's ("unknown", rule) keys: found in the same pass as the findings
        not_checked = [
            _not_checked(rule, facts[index], context)
            for rule in rulebase.rules
            if ("unknown", rule.id) in keys and rule.id not in gone and _for(rule, context)
            and in_force[rule.id] is None]
        not_checked += out_of_force(rulebase, context, facts[index], in_force, gone)
        outcomes.append(Outcome(tuple(sorted(found, key=sort_key)), tuple(not_checked),
                                tuple(displaced), tuple(not_in_force)))
    return outcomes


def _not_checked(rule: Rule, facts: dict, context: Context) -> dict:
    """{"rule", "missing"}, and "reason" when lawcheck knows why a missing fact cannot be
    known (not merely absent from the input)."""
    missing = sorted(f for f in rule.condition.facts() if f not in facts)
    entry = {"rule": rule.id, "missing": missing}
    known = context.unknown
    if context.kind == "statement" and not known and context.date is not None and any(
            f.startswith("statement.") and "campaign" in f for f in missing):
        from lawcheck.elections import statement_gaps  # the statement's date, not its words

        known = statement_gaps(context.date)
    reasons = sorted({known[f] for f in missing if f in known})
    if reasons:
        entry["reason"] = "; ".join(reasons)
    return entry


def _for(rule: Rule, context: Context) -> bool:
    """Rules apply to subjects of their kind (an organisation duty is checked once per plan)."""
    return context.kind is None or rule.applies_to == context.kind


def _finding(rule: Rule, facts: dict, context: Context, provisions, rulebase) -> Finding:
    support = tuple(_support(rule.condition, facts))
    values = {name: show_value(value) for name, value in facts.items()}
    values.update(parameters(rule, context.date, provisions))
    fill = lambda text: _PLACEHOLDER.sub(lambda m: values.get(m.group(1), "unknown"), text)  # noqa: E731
    why = fill(rule.message.why)
    if support:
        why += " (Found: " + "; ".join(support) + ".)"
    citations = tuple(_citation(cid, context.date, provisions) for cid in rule.citations)
    mitigations = tuple({"id": mid, "text": fill_parameters(rulebase.mitigations[mid],
                                                             context.date, provisions)}
                        for mid in rule.mitigations if mid in rulebase.mitigations)
    return Finding(rule.id, rule.title, rule.category, rule.kind, rule.severity,
                   rule.consequence, rule.pillar, Where.from_dict(context.where), why,
                   fill(rule.message.what), fill(rule.message.todo), rule.confidence, citations,
                   mitigations, support=support)


def parameters(holder, day: date, provisions) -> dict[str, str]:
    """``{"param.NAME": text}``: each number a rule or mitigation restates, as the version of
    its provision in force on ``day`` words it (so an amendment cannot leave stale advice)."""
    from lawcheck.rulebase.dating import parameter_value

    found = {}
    for parameter in holder.parameters:
        version = _version_on(parameter.citation, day, provisions)
        value = parameter_value(parameter, version.text) if version else None
        found[f"param.{parameter.name}"] = value or (  # honest, never a guessed number
            f"[no figure in force on {day.isoformat()}: see {parameter.citation}]")
    return found


def fill_parameters(mitigation, day: date, provisions) -> str:
    values = parameters(mitigation, day, provisions)
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), mitigation.text)


def _version_on(cid: str, day: date, provisions):
    versions = [v for v in provisions.get(cid, []) if v.in_force(day)]
    return next((v for v in versions if v.language == "en"), versions[0] if versions else None)


def _citation(cid: str, day: date, provisions) -> dict:
    chosen = _version_on(cid, day, provisions)
    found = {"provision": cid, "title": chosen.title if chosen else "",
             "text": chosen.text if chosen else "",
             "version": chosen.version if chosen else None}
    if chosen is not None and chosen.digest:
        found["digest"] = True  # the text quoted is lawcheck's words, never the official text
    if chosen is not None and chosen.confidence:
        found["confidence"] = chosen.confidence
    return found


def _support(node, facts: dict) -> list[str]:
    """The comparisons (with the facts' values) that make ``node`` true."""
    if isinstance(node, Cmp):
        return [_because(node, facts)] if evaluate(node, facts) is True else []
    if isinstance(node, All):
        return [s for part in node.parts for s in _support(part, facts)]
    if isinstance(node, Any):
        for part in node.parts:
            if evaluate(part, facts) is True:
                return _support(part, facts)
        return []
    if isinstance(node, Not):
        return _refute(node.part, facts)
    return []


def _refute(node, facts: dict) -> list[str]:
    """The comparisons (with values) that make ``node`` false."""
    if isinstance(node, Cmp):
        return [f"not: {_because(node, facts)}"] if evaluate(node, facts) is False else []
    if isinstance(node, All):
        for part in node.parts:
            if evaluate(part, facts) is False:
                return _refute(part, facts)
        return []
    if isinstance(node, Any):
        return [s for part in node.parts for s in _refute(part, facts)]
    if isinstance(node, Not):
        return _support(node.part, facts)
    return []


def _because(node: Cmp, facts: dict) -> str:
    if node.fact in facts and node.op not in ("exists", "missing"):
        return f"{node.fact} = {show_value(facts[node.fact])} ({describe(node)})"
    return describe(node)
