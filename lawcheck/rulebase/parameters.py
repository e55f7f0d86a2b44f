"""Parameters: numbers a rule's message or a mitigation restates from the law, read from the
version of the cited provision in force on the subject's date (rules/README.md, Parameters).

Reading them from YAML and checking their placeholders happens here; dating.py checks them
against the corpus, findings.py fills them in.
"""

from __future__ import annotations

import re

from lawcheck.rulebase import model as m
from lawcheck.yamlio import did_you_mean

PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)\}")
PARAM = "param."  # {param.NAME}


def read_parameters(raw, citations, report) -> tuple[m.Parameter, ...]:
    """``parameters: {NAME: {citation, pattern[, value]}}``: each a provision (one of
    ``citations`` unless that is None) and a regular expression whose one group captures the
    number in its text; ``report(message, fix)`` records a problem."""
    raw = raw or {}
    if not isinstance(raw, dict):
        report("parameters must be a mapping NAME: {citation, pattern}")
        return ()
    found = []
    for name, spec in raw.items():
        where = raw.where(name).line if hasattr(raw, "where") else 0
        if not isinstance(spec, dict) or not {"citation", "pattern"} <= set(spec) or \
                set(spec) - {"citation", "pattern", "value"}:
            report(f"parameter {name!r} needs 'citation' and 'pattern' (and may give 'value', "
                   "the number the condition uses)")
            continue
        if "value" in spec and (not isinstance(spec["value"], int)
                                or isinstance(spec["value"], bool)):
            report(f"parameter {name!r}: value must be a whole number")
            continue
        if citations is not None and spec["citation"] not in citations:
            report(f"parameter {name!r}: {spec['citation']!r} is not one of this rule's "
                   "citations", "cite the provision that states the number, and take the "
                   "number from it")
            continue
        try:
            groups = re.compile(str(spec["pattern"])).groups
        except re.error as exc:
            report(f"parameter {name!r}: bad pattern ({exc})")
            continue
        if groups != 1:
            report(f"parameter {name!r}: the pattern must have exactly one group (…), the "
                   f"number to quote; it has {groups}")
            continue
        found.append(m.Parameter(str(name), str(spec["citation"]), str(spec["pattern"]),
                                 where or 0, spec.get("value")))
    return tuple(found)


def check_placeholders(texts, parameters, facts, report) -> None:
    """Each ``{name}`` in ``texts`` must be a declared fact (``facts`` None: none allowed) or,
    as ``{param.NAME}``, one of ``parameters``."""
    names = {p.name for p in parameters}
    for text in texts:
        for name in PLACEHOLDER.findall(str(text)):
            if name.startswith(PARAM):
                if name[len(PARAM):] not in names:
                    report(f"placeholder {{{name}}} names no declared parameter"
                           + did_you_mean(name[len(PARAM):], names),
                           "declare it under 'parameters:' with the provision that states the "
                           "number and the pattern that finds it in its text")
            elif facts is None or name not in facts:
                report(f"placeholder {{{name}}} is not a declared fact"
                       + did_you_mean(name, facts or {}), None)
