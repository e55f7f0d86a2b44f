"""The reference engine: the condition trees evaluated directly in Python (Kleene logic).

It is the yardstick for the durable_rules adapter (a differential test compares the two on
generated rules and facts) and the fallback where durable_rules is not installed.
"""

from __future__ import annotations

from lawcheck.engine import Compiled
from lawcheck.rulebase.conditions import evaluate
from lawcheck.rulebase.model import Unknown


class ReferenceEngine:
    name = "reference"

    def matches(self, compiled: Compiled, contexts: list[dict]) -> set:
        found = set()
        for index, facts in enumerate(contexts):
            seen: dict[int, bool | None] = {}  # a rule's condition, evaluated once per context
            for key, condition in compiled.keys:
                if isinstance(condition, Unknown):
                    part = condition.part
                    value = seen[id(part)] if id(part) in seen else evaluate(part, facts)
                    hit = value is None
                else:
                    value = seen[id(condition)] = evaluate(condition, facts)
                    hit = value is True
                if hit:
                    found.add((key, index))
        return found
