"""Match rules against facts. Two engines give the same answer for the same compiled rule base:

- ``durable``: the durable_rules Rete engine, behind :mod:`lawcheck.engine.durable` with every
  guard its pitfalls call for (see ../shared/research/dependencies.md §1);
- ``reference``: a small pure-Python evaluator (:mod:`lawcheck.engine.reference`), the yardstick
  of the differential test and the fallback where durable_rules cannot be installed.

An engine answers one question: for each context (a flat dict of normalised facts), which keys
of the compiled rule base are *true*. A key is ``("fire", rule_id)`` for a rule's whole condition
(organisation types, scope and when) or ``("scope", rule_id)`` for an exception's scope.
Everything else (exceptions, dates in force, explanations) happens in Python, in one place.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Protocol

from lawcheck.rulebase.model import FactSpec, RuleBase


@dataclass(frozen=True)
class Compiled:
    """The condition tree of each key, and the fact vocabulary the contexts follow."""

    keys: tuple[tuple[tuple[str, str], object], ...]  # ((kind, rule id), condition)
    facts: dict[str, FactSpec]
    version: str


def compile_rulebase(rulebase: RuleBase) -> Compiled:
    keys = []
    for rule in rulebase.rules:
        if rule.when is not None:
            keys.append((("fire", rule.id), rule.condition))
        if rule.exception_to:
            keys.append((("scope", rule.id), rule.full_scope))
    return Compiled(tuple(keys), dict(rulebase.facts), rulebase.version)


class Engine(Protocol):
    name: str

    def matches(self, compiled: Compiled, contexts: list[dict]) -> set[tuple[tuple[str, str], int]]:
        """The (key, context index) pairs whose condition is true."""


def normalise(facts: dict, vocabulary: dict[str, FactSpec]) -> dict:
    """Facts as the engines see them: declared names only, ``None`` dropped, dates as dates,
    numbers as float, labels as a sorted tuple. Raises ValueError on an undeclared or ill-typed
    fact: contexts are built by code, so that is a bug, not user input."""
    from lawcheck.rulebase.conditions import check_value

    out = {}
    for name, value in facts.items():
        if value is None:
            continue
        spec = vocabulary.get(name)
        if spec is None:
            raise ValueError(f"undeclared fact {name!r}")
        ok, normal = check_value(spec, value)
        if not ok:
            raise ValueError(f"fact {name!r}: {value!r} is not a {spec.type}")
        out[name] = normal
    return out


_WARNED = False


def get_engine(name: str | None = None) -> Engine:
    """``durable`` or ``reference``; by default durable_rules where it imports, else the
    reference evaluator with one warning (durable_rules does not build on Python 3.13+)."""
    global _WARNED
    from lawcheck.engine.reference import ReferenceEngine

    if name == "reference":
        return ReferenceEngine()
    try:
        from lawcheck.engine.durable import DurableEngine
    except ImportError as exc:
        if name == "durable":
            from lawcheck.errors import OptionError

            raise OptionError(f"the durable engine was asked for (--engine or LAWCHECK_ENGINE) "
                              f"but durable_rules cannot be imported ({exc})", code="LC220",
                              fix="install it (pip install durable-rules; it does not build on "
                                  "Python 3.13+), or use --engine reference, which gives the "
                                  "same findings") from None
        if not _WARNED:
            warnings.warn(f"durable_rules is not available ({exc}); using lawcheck's reference "
                          "evaluator, which gives the same findings", RuntimeWarning,
                          stacklevel=2)
            _WARNED = True
        return ReferenceEngine()
    return DurableEngine()


__all__ = ["Compiled", "Engine", "compile_rulebase", "get_engine", "normalise"]
