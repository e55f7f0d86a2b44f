"""The rule base as a legal adviser reads it: each condition in words, and the rules grouped by
the law and article they rest on. The catalogue document itself is rendered by
:mod:`lawcheck.report.catalog`."""

from __future__ import annotations

import re

from lawcheck.rulebase.conditions import All, Any, Cmp, Not, describe
from lawcheck.rulebase.model import Rule, RuleBase


def condition_text(node, indent: str = "") -> list[str]:
    if isinstance(node, Cmp):
        return [f"{indent}- {describe(node)}"]
    if isinstance(node, Not):
        return [f"{indent}- not:"] + condition_text(node.part, indent + "  ")
    if isinstance(node, All) and not node.parts:
        return [f"{indent}- always"]
    word = "all of" if isinstance(node, All) else "any of"
    return [f"{indent}- {word}:"] + [line for p in node.parts
                                     for line in condition_text(p, indent + "  ")]


def by_article(rulebase: RuleBase) -> dict[str, list[Rule]]:
    groups: dict[str, list[Rule]] = {}
    for rule in rulebase.rules:
        for cited in rule.citations or ("(guidance)",):
            groups.setdefault(cited, []).append(rule)
    # laws by id and article number; the guidance-only advisories last
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == "(guidance)", _natural(kv[0]))))


def _natural(text: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]
