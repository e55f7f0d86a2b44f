"""The reference engine: the condition trees evaluated directly in Python (Kleene logic).

It is the yardstick for the durable_rules adapter (a differential test compares the two on
generated rules and facts) and the fallback where durable_rules is not installed.
"""

from __future__ import annotations

from lawcheck.engine import Compiled
from lawcheck.rulebase.conditions import evaluate


class ReferenceEngine:
    name = "reference"

    def matches(self, compiled: Compiled, contexts: list[dict]) -> set:
        return {(key, index)
                for index, facts in enumerate(contexts)
                for key, condition in compiled.keys
                if evaluate(condition, facts) is True}
