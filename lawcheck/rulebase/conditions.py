"""Conditions: read them from YAML (checking facts, operators and types), evaluate them in
three-valued logic, and explain them.

Kleene logic: a comparison whose fact is missing is ``None`` (unknown). ``all`` is False if any
part is False, else None if any part is None, else True; ``any`` is True if any part is True,
else None if any is None, else False; ``not`` swaps True and False and keeps None. A rule fires
only on True, so a missing fact never makes a finding, and the report can say what is missing.
"""

from __future__ import annotations

import math
import typing
from datetime import date, datetime

from lawcheck import vocabulary
from lawcheck.errors import Problem, Where
from lawcheck.rulebase.model import (
    OPERATORS, OPS_BY_TYPE, All, Any, Cmp, FactSpec, Not, Unknown,
)
from lawcheck.yamlio import did_you_mean


class ConditionReader:
    """Turns YAML condition mappings into trees, collecting every problem it meets."""

    def __init__(self, facts: dict[str, FactSpec], problems: list[Problem], rule: str | None):
        self.facts, self.problems, self.rule = facts, problems, rule

    def read(self, node, where: Where):
        if not isinstance(node, dict) or len(node) == 0:
            self._problem("LC305", where, "a condition must be a mapping: all / any / not, or "
                          "{fact, op, value}")
            return None
        here = node.where() if hasattr(node, "where") else where
        keys = set(node)
        if keys & {"all", "any", "not"}:
            if len(keys) != 1:
                self._problem("LC302", here, f"a condition has one of all / any / not, not "
                              f"{', '.join(sorted(keys))}")
                return None
            (key, value), = node.items()
            if key == "not":
                part = self.read(value, here)
                return Not(part) if part is not None else None
            if not isinstance(value, list) or not value:
                self._problem("LC305", here, f"'{key}' needs a non-empty list of conditions")
                return None
            parts = [self.read(item, here) for item in value]
            if any(p is None for p in parts):
                return None
            return (All if key == "all" else Any)(tuple(parts))
        return self._comparison(node, here)

    def _comparison(self, node, here: Where):
        unknown = set(node) - {"fact", "op", "value"}
        if unknown:
            key = sorted(unknown)[0]
            self._problem("LC302", node.where(key) if hasattr(node, "where") else here,
                          f"unknown key {key!r} in a condition"
                          + did_you_mean(key, ["fact", "op", "value", "all", "any", "not"]))
            return None
        name, op = node.get("fact"), node.get("op")
        if name is None or op is None:
            self._problem("LC303", here, "a comparison needs 'fact' and 'op'")
            return None
        spec = self.facts.get(name)
        if spec is None:
            self._problem("LC304", node.where("fact") if hasattr(node, "where") else here,
                          f"undeclared fact {name!r}" + did_you_mean(name, self.facts),
                          fix="declare it in rules/facts.yaml, or correct the name")
            return None
        if op not in OPERATORS:
            self._problem("LC306", node.where("op") if hasattr(node, "where") else here,
                          f"unknown operator {op!r}" + did_you_mean(str(op), OPERATORS),
                          fix=f"use one of {', '.join(OPERATORS)}")
            return None
        if op not in OPS_BY_TYPE[spec.type]:
            self._problem("LC305", node.where("op") if hasattr(node, "where") else here,
                          f"operator {op!r} does not apply to {name} (a {spec.type}); it takes "
                          + ", ".join(sorted(OPS_BY_TYPE[spec.type])))
            return None
        at = node.where("value") if hasattr(node, "where") and "value" in node else here
        if op in ("exists", "missing"):
            if "value" in node:
                self._problem("LC305", at, f"'{op}' takes no value")
                return None
            return Cmp(name, op, None, here)
        if "value" not in node:
            self._problem("LC303", here, f"operator {op!r} needs a 'value'")
            return None
        value = node["value"]
        if op == "in" and isinstance(value, str) and value.startswith(vocabulary.PREFIX):
            value = self._vocabulary(spec, value, at)
            if value is None:
                return None
        if op == "in":
            if not isinstance(value, list) or not value:
                self._problem("LC305", at, "'in' needs a non-empty list of values")
                return None
            checked = [self._value(spec, v, at) for v in value]
            if any(v is _BAD for v in checked):
                return None
            return Cmp(name, op, tuple(checked), here)
        checked = self._value(spec, value, at, element=(spec.type == "labels"))
        return None if checked is _BAD else Cmp(name, op, checked, here)

    def _vocabulary(self, spec: FactSpec, name: str, at: Where) -> list[str] | None:
        """``in: vocabulary.demonstrations``: the values of a vocabulary of
        lawcheck/vocabulary.py, which the plan and the rest of lawcheck read too."""
        found = vocabulary.named(name)
        if found is None:
            known = sorted(vocabulary.vocabularies())
            self._problem("LC305", at, f"'in' names unknown vocabulary {name!r}"
                          + did_you_mean(name, known), "write the values as a list, or name "
                          f"one of lawcheck/vocabulary.py's: {', '.join(known)}")
            return None
        foreign = [v for v in found if not check_value(spec, v, element=True)[0]]
        if foreign:  # said once for the vocabulary, not once per value
            self._problem("LC310", at, f"{name} holds values that are not values of "
                          f"{spec.name}: {', '.join(foreign)}", "name the vocabulary of "
                          f"{spec.name}, or list the values")
            return None
        return list(found)

    def _value(self, spec: FactSpec, value, at: Where, element: bool = False):
        ok, fixed = check_value(spec, value, element=element)
        if not ok:
            hint = ""
            if spec.values and isinstance(value, str):
                hint = did_you_mean(value, spec.values)
            code = "LC310" if spec.values and isinstance(value, str) else "LC305"
            if spec.type == "date" and isinstance(value, str):
                code = "LC309"
            self._problem(code, at, f"{value!r} is not a valid {spec.type} for {spec.name}"
                          + (f" (one of: {', '.join(spec.values)})" if spec.values else "")
                          + hint)
            return _BAD
        return fixed

    def _problem(self, code: str, where: Where, message: str, fix: str | None = None) -> None:
        self.problems.append(Problem(code, where, message, self.rule, fix))


_BAD = object()


def check_value(spec: FactSpec, value, *, element: bool = False) -> tuple[bool, typing.Any]:
    """Is ``value`` of the fact's type? Returns (ok, normalised value)."""
    kind = spec.type
    if kind == "labels" and not element:
        if not isinstance(value, (list, tuple, set)):
            return False, None
        items = [check_value(spec, v, element=True) for v in value]
        return all(ok for ok, _ in items), tuple(sorted({v for _, v in items}))
    if kind == "bool":
        return isinstance(value, bool), value
    if kind == "int":  # within int64: what the durable engine can hold
        ok = isinstance(value, int) and not isinstance(value, bool) and -2**63 <= value < 2**63
        return ok, value
    if kind == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) \
            and math.isfinite(value)  # NaN compares unequal to itself: never a fact
        return ok, float(value) if ok else None
    if kind == "date":
        if isinstance(value, datetime):
            return False, None  # a moment, not a day: compare dates with dates only
        if isinstance(value, date):
            return True, value
        if isinstance(value, str):
            try:
                return True, date.fromisoformat(value)
            except ValueError:
                return False, None
        return False, None
    if kind in ("enum", "labels"):
        return isinstance(value, str) and value in spec.values, value
    return isinstance(value, str), value  # string


# -- evaluation ---------------------------------------------------------------------------------

def evaluate(node, facts: dict) -> bool | None:
    """Kleene evaluation of a condition tree over a flat dict of (normalised) facts."""
    if isinstance(node, Cmp):
        return compare(node, facts)
    if isinstance(node, All):
        values = [evaluate(p, facts) for p in node.parts]
        return False if False in values else None if None in values else True
    if isinstance(node, Any):
        values = [evaluate(p, facts) for p in node.parts]
        return True if True in values else None if None in values else False
    if isinstance(node, Not):
        value = evaluate(node.part, facts)
        return None if value is None else not value
    if isinstance(node, Unknown):
        return evaluate(node.part, facts) is None
    raise TypeError(f"not a condition: {node!r}")


def compare(node: Cmp, facts: dict) -> bool | None:
    present = node.fact in facts and facts[node.fact] is not None
    if node.op == "exists":
        return present
    if node.op == "missing":
        return not present
    if not present:
        return None
    actual, op, value = facts[node.fact], node.op, node.value
    if op == "==":
        return actual == value
    if op == "!=":
        return actual != value
    if op == "<":
        return actual < value
    if op == "<=":
        return actual <= value
    if op == ">":
        return actual > value
    if op == ">=":
        return actual >= value
    if op == "in":
        return actual in value
    if op == "contains":
        return value in actual
    raise ValueError(f"unknown operator {op!r}")


def leaves(node) -> list[Cmp]:
    if isinstance(node, Cmp):
        return [node]
    if isinstance(node, (Not, Unknown)):
        return leaves(node.part)
    return [leaf for part in node.parts for leaf in leaves(part)]


def describe(node: Cmp) -> str:
    """A comparison in words: "activity.participants is at most 200"."""
    words = {"==": "is", "!=": "is not", "<": "is less than", "<=": "is at most",
             ">": "is more than", ">=": "is at least", "in": "is one of",
             "contains": "includes", "exists": "is known", "missing": "is not known"}[node.op]
    if node.op in ("exists", "missing"):
        return f"{node.fact} {words}"
    value = ", ".join(map(_show, node.value)) if node.op == "in" else _show(node.value)
    return f"{node.fact} {words} {value}"


def _show(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "[" + ", ".join(map(_show, value)) + "]"
    return str(value)


def show_value(value) -> str:
    return _show(value)
