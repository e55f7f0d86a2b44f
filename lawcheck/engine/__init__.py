"""Match rules against facts. Two engines give the same answer for the same compiled rule base:

- ``durable``: the durable_rules Rete engine, behind :mod:`lawcheck.engine.durable` with every
  guard its pitfalls call for (see ../shared/research/dependencies.md §1);
- ``reference``: a small pure-Python evaluator (:mod:`lawcheck.engine.reference`), the yardstick
  of the differential test and the fallback where durable_rules cannot be installed.

An engine answers one question: for each context (a flat dict of normalised facts), which keys
of the compiled rule base are *true*. A key is ``("fire", rule_id)`` for a rule's whole condition
(organisation types, scope and when), ``("unknown", rule_id)`` when that condition is unknown
(a fact it needs is missing: the rule goes to ``not_checked``), or ``("scope", rule_id)`` for an
exception's scope. So one pass of the engine gives both the findings and what could not be
checked; nothing evaluates the conditions again. Everything else (exceptions, dates in force, explanations) happens in Python, in one place.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Protocol

from lawcheck.rulebase.model import SUBJECTS, All, Cmp, FactSpec, RuleBase, Unknown

#: The engine's own fact: the kinds of subject a context is (one, or every kind for a rule
#: test's context, which has none). Rules cannot name it (facts.yaml does not declare it); each
#: key tests it first, so a rule for statements is neither true nor unknown for an activity
#: and one pass yields only the findings and not_checked entries that count.
SUBJECT = "subject.kinds"
SUBJECT_SPEC = FactSpec(SUBJECT, "labels", "the kinds of subject of the context (engine)",
                        "lawcheck.engine", SUBJECTS)


@dataclass(frozen=True)
class Compiled:
    """The condition tree of each key, and the fact vocabulary the contexts follow."""

    keys: tuple[tuple[tuple[str, str], object], ...]  # ((kind, rule id), condition)
    facts: dict[str, FactSpec]
    version: str


def compile_rulebase(rulebase: RuleBase) -> Compiled:
    keys: list[tuple[tuple[str, str], object]] = []
    for rule in rulebase.rules:
        kind = Cmp(SUBJECT, "contains", rule.applies_to)
        if rule.when is not None:
            # one object for both keys: the reference engine evaluates it once per context
            condition = All((kind, *rule.condition.parts))
            keys.append((("fire", rule.id), condition))
            keys.append((("unknown", rule.id), Unknown(condition)))
        if rule.exception_to:
            keys.append((("scope", rule.id), All((kind, *rule.full_scope.parts))))
    return Compiled(tuple(keys), {**rulebase.facts, SUBJECT: SUBJECT_SPEC}, rulebase.version)


def subject(facts: dict, kind: str | None) -> dict:
    """Normalised ``facts`` with the engine's :data:`SUBJECT` fact for a context of ``kind``
    (None: a rule test's context, which every rule applies to)."""
    return {**facts, SUBJECT: (kind,) if kind else tuple(sorted(SUBJECTS))}


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


__all__ = ["SUBJECT", "Compiled", "Engine", "compile_rulebase", "get_engine", "normalise",
           "subject"]
