"""findings → risk: the two scores of a report (SPEC §5), never merged.

Each finding that feeds a score is a chance ``p = feed × severity × kind × confidence ×
context`` (capped); the chances combine as independent ones, ``score = 1 − Π(1 − p)``
(noisy-OR). Adding a finding multiplies the product by a factor in [0, 1], so it never lowers a
score, and a product does not depend on order; context only multiplies each ``p`` by factors
that more exposure never lowers. Arithmetic is exact (``Fraction``); scores are rounded to 2
decimals only for output. The weights are data (rules/risk.yaml), explained with worked examples
in docs/risk-model.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path

from lawcheck import yamlio
from lawcheck.errors import InputError, LawcheckError, Problem, RulesError, Where
from lawcheck.report_model import Finding, Risk, Risks
from lawcheck.rulebase.model import CONFIDENCE, CONSEQUENCES, KINDS, SEVERITIES
from lawcheck.vocabulary import HISTORY_KINDS, PROFILES, RISK_LEVELS, SECTORS

SCORES = ("deregistration", "prosecution")
LEVELS = RISK_LEVELS
UNSTATED = "unstated"

UNIT = (lambda x: 0 <= x <= 1, "a number from 0 to 1")
POSITIVE = (lambda x: x > 0, "a number above 0")
NONNEGATIVE = (lambda x: x >= 0, "a number of at least 0")
AT_LEAST_1 = (lambda x: x >= 1, "a number of at least 1")
FRACTION = (lambda x: 0 < x <= 1, "a number above 0 and at most 1")
WHOLE = (lambda x: x >= 1 and x.denominator == 1, "a whole number of at least 1")


@dataclass(frozen=True)
class Weights:
    """rules/risk.yaml as exact numbers (the file's comments say what each one means)."""

    feeds: dict            # consequence -> {score: weight}; severity, kind, confidence: name -> w
    severity: dict
    kind: dict
    confidence: dict
    cap: Fraction
    repeat: Fraction
    sector: dict           # sector or "unstated" -> {score: factor}; public_profile alike
    public_profile: dict
    election_period: dict  # score -> factor; per_entry, max_factor alike
    history_kinds: dict    # history kind -> how many entries it counts for
    recent_years: int
    older_weight: Fraction
    per_entry: dict
    max_factor: dict
    levels: dict           # "moderate" | "high" | "critical" -> lower bound of the score
    ladder_categories: tuple = ()  # paperwork categories LANGO Art 30's ladder governs
    ladder_consequences: tuple = ()  # consequences below its first rung's reach (warning)
    # "none" | "warned" | "suspended" -> highest paperwork score; empty: no ladder
    ladder_steps: dict = field(default_factory=dict)
    after_warning: dict = field(default_factory=dict)  # categories, factor: speech findings
                                                       # after a warning


class _Reader:
    """Reads the weights file, collecting every problem with its file:line. A missing key is
    reported once, by the mapping that lacks it; readers of absent keys quietly give nothing."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.problems: list[Problem] = []

    def bad(self, code: str, where: Where, message: str) -> None:
        self.problems.append(Problem(code, where, message))

    def keys(self, value, keys, label, where):
        if not isinstance(value, yamlio.LineDict):
            self.bad("LC303", where, f"{label}: expected a mapping with keys {', '.join(keys)}")
            return {}
        for extra in value:
            if extra not in keys:
                self.bad("LC302", value.where(extra), f"{label}: unknown key {extra!r}"
                         + yamlio.did_you_mean(str(extra), keys))
        for needed in keys:
            if needed not in value:
                self.bad("LC303", value.where(), f"{label}: missing {needed!r}")
        return value

    def table(self, parent, key, keys, label=None):
        if key not in parent:
            return {}
        return self.keys(parent[key], keys, label or key, parent.where(key))

    def number(self, parent, key, label, check):
        if key not in parent:
            return None
        raw, (ok, shape) = parent[key], check
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw):
            if ok(value := Fraction(str(raw))):
                return value
        self.bad("LC317", parent.where(key), f"{label}: {key} must be {shape}, not {raw!r}")
        return None

    def row(self, parent, key, keys, check, label=None):
        table = self.table(parent, key, keys, label or key)
        return {k: self.number(table, k, label or key, check) for k in keys if k in table}

    def pairs(self, parent, key, keys, check, label=None):
        table = self.table(parent, key, keys, label := label or key)
        return {k: self.row(table, k, SCORES, check, f"{label}.{k}") for k in keys if k in table}

    def rising(self, parent, key, values, order, label, strict=False):
        """Values must not fall along ``order`` (must rise, when ``strict``)."""
        for low, high in zip(order, order[1:]):
            a, b = values.get(low), values.get(high)
            if a is not None and b is not None and (b < a or (strict and b == a)):
                table = parent.get(key)
                self.bad("LC317", table.where(high), f"{label}: {high} ({float(b):g}) must be "
                         f"{'above' if strict else 'at least'} {low} ({float(a):g}), so that "
                         f"{(' < ' if strict else ' <= ').join(order)}")


TOP = ("feeds", "severity", "kind", "confidence", "cap", "repeat", "context", "levels",
       "ladder", "after_warning")
AFTER = ("categories", "factor")
LADDER = ("categories", "consequences", "steps")
STEPS = ("none", "warned", "suspended")
WARNED = ("warning", "halt_order", "summons")  # history kinds that are Art 30's first step
CONTEXT = ("sector", "public_profile", "election_period", "history")
HISTORY = ("kinds", "recent_years", "older_weight", "per_entry", "max_factor")


def load_weights(path: Path) -> Weights:
    """Load rules/risk.yaml strictly: every problem at once, as a RulesError with file:line."""
    path = Path(path)
    r = _Reader(path)
    try:
        data = yamlio.load(path)
    except LawcheckError as exc:
        raise RulesError([Problem("LC301", exc.where or Where(str(path)), exc.what, None,
                                  exc.fix)]) from None
    top = r.keys(data, TOP, "the file", Where(str(path), 1))
    ctx = r.table(top, "context", CONTEXT)
    hist = r.table(ctx, "history", HISTORY, "context.history")
    feeds = r.pairs(top, "feeds", CONSEQUENCES, UNIT)
    severity = r.row(top, "severity", SEVERITIES, UNIT)
    kind = r.row(top, "kind", KINDS, UNIT)
    confidence = r.row(top, "confidence", CONFIDENCE, UNIT)
    profile = r.pairs(ctx, "public_profile", (*PROFILES, UNSTATED), POSITIVE,
                      "context.public_profile")
    levels = r.row(top, "levels", LEVELS[2:], FRACTION)
    ladder = r.table(top, "ladder", LADDER)
    steps = r.row(ladder, "steps", STEPS, FRACTION, "ladder.steps")
    after = r.table(top, "after_warning", AFTER)
    after_factor = r.number(after, "factor", "after_warning", AT_LEAST_1)
    after_categories = after.get("categories") if isinstance(after, dict) else None
    if "categories" in after and not (isinstance(after_categories, list) and after_categories):
        r.bad("LC317", after.where("categories"), "after_warning.categories must list the "
              "finding categories a prior warning aggravates")
    categories = ladder.get("categories") if isinstance(ladder, dict) else None
    if "categories" in ladder and not (isinstance(categories, list) and categories):
        r.bad("LC317", ladder.where("categories"), "ladder.categories must list the finding "
              "categories the warning-suspension-removal ladder governs")
    held = ladder.get("consequences", []) if isinstance(ladder, dict) else []
    if not (isinstance(held, list) and all(c in CONSEQUENCES for c in held)):
        r.bad("LC317", ladder.where("consequences"), "ladder.consequences must list "
              f"consequences ({', '.join(CONSEQUENCES)}) whose findings the ladder holds")
        held = []
    weights = dict(
        feeds=feeds, severity=severity, kind=kind, confidence=confidence,
        cap=r.number(top, "cap", "the file", FRACTION),
        repeat=r.number(top, "repeat", "the file", UNIT),
        sector=r.pairs(ctx, "sector", (*SECTORS, UNSTATED), POSITIVE, "context.sector"),
        public_profile=profile,
        election_period=r.row(ctx, "election_period", SCORES, AT_LEAST_1,
                              "context.election_period"),
        history_kinds=r.row(hist, "kinds", HISTORY_KINDS, NONNEGATIVE, "context.history.kinds"),
        recent_years=r.number(hist, "recent_years", "context.history", WHOLE),
        older_weight=r.number(hist, "older_weight", "context.history", UNIT),
        per_entry=r.row(hist, "per_entry", SCORES, NONNEGATIVE, "context.history.per_entry"),
        max_factor=r.row(hist, "max_factor", SCORES, AT_LEAST_1, "context.history.max_factor"),
        levels=levels, ladder_categories=tuple(categories or ()),
        ladder_consequences=tuple(held), ladder_steps=steps,
        after_warning={"categories": tuple(after_categories or ()), "factor": after_factor})
    for name, values, order in (("severity", severity, SEVERITIES),
                                ("kind", kind, KINDS[::-1]),
                                ("confidence", confidence, CONFIDENCE[::-1])):
        r.rising(top, name, values, order, name, strict=True)
    for score in SCORES:
        r.rising(ctx, "public_profile", {k: v.get(score) for k, v in profile.items()},
                 PROFILES, f"context.public_profile ({score})")
    r.rising(top, "levels", levels, LEVELS[2:], "levels", strict=True)
    r.rising(ladder, "steps", steps, STEPS, "ladder.steps", strict=True)
    if r.problems:
        error = RulesError(r.problems)
        error.fix = "correct each line named above; docs/risk-model.md explains every weight"
        raise error
    weights["recent_years"] = int(weights["recent_years"])
    return Weights(**weights)


def assess(findings: Sequence[Finding], organization: dict, in_election_period: bool,
           weights: Weights, *, as_of: date | None = None) -> Risks:
    """SPEC §5's ``risk``: for each score its level, score, drivers and explanation lines.
    ``as_of`` dates the history entries (recent or older); without it every entry is recent."""
    return Risks(**{s: _score(findings, s, _context(organization, in_election_period, weights,
                                                    as_of, s), weights, _history(organization))
                    for s in SCORES})


def exact_scores(findings: Sequence[Finding], organization, in_election_period, weights, *,
                 as_of=None) -> dict:
    """The scores before rounding (for tests and docs/risk-model.md), as exact fractions."""
    return {s: _combine(findings, s, _context(organization, in_election_period, weights, as_of,
                                                s)[0], weights, _history(organization))[0]
            for s in SCORES}


def _history(organization: dict) -> frozenset:
    """The kinds of sanction the organisation has already received (organization.history)."""
    return frozenset(entry.get("kind") for entry in organization.get("history") or ())


def _step(history: frozenset, w: Weights, score: str) -> str | None:
    """Where the organisation stands on LANGO Art 30's ladder (warning, then suspension, then
    removal); None for the prosecution score, which the ladder does not govern."""
    if score != "deregistration" or not w.ladder_steps:
        return None
    return "suspended" if "suspension" in history else \
        "warned" if history & set(WARNED) else "none"


def _known(value, choices, what: str):
    if value not in choices:
        raise InputError(f"{what} is {value!r}, not one of {', '.join(map(str, choices))}"
                         + yamlio.did_you_mean(str(value), map(str, choices)), code="LC200",
                         fix="use one of the values rules/risk.yaml lists")
    return value


def _entries(organization: dict, w: Weights, as_of: date | None) -> Fraction:
    """Prior sanctions, each counted by its kind's weight, older ones at ``older_weight``."""
    total = Fraction(0)
    for entry in organization.get("history") or ():
        kind = _known(entry.get("kind"), w.history_kinds, "organization.history[].kind")
        day = entry.get("date")
        day = date.fromisoformat(day) if isinstance(day, str) else day
        recent = as_of is None or day is None or \
            (day.year + w.recent_years, day.month, day.day) >= (as_of.year, as_of.month, as_of.day)
        total += w.history_kinds[kind] * (1 if recent else w.older_weight)
    return total


def _context(organization, in_election_period, w: Weights, as_of, score):
    """The factor context multiplies every chance by, and the line that shows it."""
    sector = _known(organization.get("sector") or UNSTATED, w.sector, "organization.sector")
    profile = _known(organization.get("public_profile") or UNSTATED, w.public_profile,
                     "organization.public_profile")
    entries = _entries(organization, w, as_of)
    history = min(w.max_factor[score], 1 + w.per_entry[score] * entries)
    election = w.election_period[score] if in_election_period else Fraction(1)
    factor = w.sector[sector][score] * w.public_profile[profile][score] * election * history
    return factor, (f"context ×{_n(factor)} = sector {sector} {_n(w.sector[sector][score])} × "
                    f"public profile {profile} {_n(w.public_profile[profile][score])} × "
                    f"election period {_n(election)} × history {_n(history)} "
                    f"({_n(entries)} prior sanction{'s' if entries != 1 else ''} counted)")


def _base(finding: Finding, score: str, w: Weights) -> Fraction:
    try:
        return (w.feeds[finding.consequence][score] * w.severity[finding.severity]
                * w.kind[finding.kind] * w.confidence[finding.confidence])
    except KeyError as exc:
        raise InputError(f"finding {finding.rule!r}: bad or missing {exc.args[0]!r}",
                         code="LC200") from None


def _combine(findings, score, factor, w: Weights, history: frozenset = frozenset()):
    """Exact score, {(rule, consequence, severity, kind, confidence): (base, p, count)}, and the
    paperwork ladder's (uncapped, ceiling) when it lowered the score, else None.

    Paperwork lapses (``ladder.categories``) and findings whose consequence is at most a warning
    (``ladder.consequences``) combine first and stop at the ceiling of the organisation's step on
    LANGO Art 30's ladder: a first lapse leads to a written warning, not to removal, and more
    warnings do not skip the suspension that comes before removal. The other findings then
    combine with them as before, so adding a finding still never lowers the score, nor does a
    longer history.

    Speech findings (``after_warning.categories``) of an organisation already warned count
    ``after_warning.factor`` times: accusations repeated after a warning were punished hardest."""
    step = _step(history, w, score)
    after = w.after_warning or {}
    boost = after.get("factor") if score == "prosecution" and history & set(WARNED) else None
    groups: dict[tuple, list] = {}
    paperwork: set[tuple] = set()
    for f in findings:
        if base := _base(f, score, w):
            key = (f.rule, f.consequence, f.severity, f.kind, f.confidence)
            lift = boost if boost and f.category in after.get("categories", ()) else 1
            groups.setdefault(key, [base, min(w.cap, base * factor * lift), 0])[2] += 1
            if step is not None and _held(f, w):
                paperwork.add(key)
    survive = {k: _survive(p, n, w) for k, (_, p, n) in groups.items()}
    lapses = 1 - math.prod((survive[k] for k in paperwork), start=Fraction(1))
    capped = None
    if paperwork and lapses > w.ladder_steps[step]:
        capped, lapses = (lapses, w.ladder_steps[step]), w.ladder_steps[step]
    rest = math.prod((s for k, s in survive.items() if k not in paperwork), start=Fraction(1))
    return 1 - (1 - lapses) * rest, groups, capped


def _held(f: Finding, w: Weights) -> bool:
    """Whether LANGO Art 30's ladder holds this finding on the deregistration score: a paperwork
    lapse, or a finding whose consequence goes no further than a warning (a gathering stopped,
    a warning letter), which cannot by itself skip the suspension that comes before removal."""
    return f.category in w.ladder_categories or f.consequence in w.ladder_consequences


def _survive(p: Fraction, n: int, w: Weights) -> Fraction:
    """The chance that none of a rule's ``n`` findings leads to the sanction."""
    return (1 - p) * (1 - w.repeat * p) ** (n - 1)


def _score(findings, score, context, w: Weights, history: frozenset = frozenset()) -> Risk:
    factor, context_line = context
    exact, groups, capped = _combine(findings, score, factor, w, history)
    step = _step(history, w, score)
    if not groups:
        return Risk("none", 0.0, (), (f"none: no finding has a consequence that leads to {score}",))
    shown = Fraction(math.floor(exact * 100 + Fraction(1, 2)), 100)
    level = next((lv for lv in LEVELS[:1:-1] if shown >= w.levels[lv]), "low")
    survive = {k: _survive(p, n, w) for k, (_, p, n) in groups.items()}
    order = sorted(groups, key=lambda k: (survive[k], k))  # the strongest first
    by_rule: dict[str, Fraction] = {}
    for k in order:
        by_rule[k[0]] = by_rule.get(k[0], Fraction(1)) * survive[k]
    lines, terms = [context_line], []
    for k in order:
        (base, p, n), (rule, consequence, severity, kind, confidence) = groups[k], k
        lines.append(f"{rule}{f' ×{n}' if n > 1 else ''}: {consequence} "
                     f"{_n(w.feeds[consequence][score])} × severity {severity} "
                     f"{_n(w.severity[severity])} × {kind} {_n(w.kind[kind])} × {confidence} "
                     f"{_n(w.confidence[confidence])} = {_n(base)}; × context"
                     + (f" × {_n(w.after_warning['factor'])} (said after a warning)"
                        if p > min(w.cap, base * factor) else "") + f" = {_n(p)}"
                     + (f" (capped at {_n(w.cap)})" if p == w.cap < base * factor else ""))
        terms.append(f"(1 − {_n(p)})" + (f" × (1 − {_n(w.repeat)} × {_n(p)})"
                                        + (f"^{n - 1}" if n > 2 else "") if n > 1 else ""))
    product = " × ".join(terms) if len(terms) <= 4 else f"the product of {len(terms)} terms"
    held = [f for f in findings if _held(f, w) and _base(f, score, w)] if step is not None else []
    if capped is not None and step is not None:  # a ladder caps only on the deregistration score
        parts = ([f"paperwork lapses ({', '.join(w.ladder_categories)})"]
                 if any(f.category in w.ladder_categories for f in held) else []) \
            + ([f"findings that lead to a {' or '.join(w.ladder_consequences)} at most"]
               if any(f.category not in w.ladder_categories for f in held) else [])
        lines.append(f"{' and '.join(parts)} together {_n(capped[0])}, held at "
                     f"{_n(capped[1])}: LANGO Art 30's ladder, {LADDER_WORDS[step]}")
        product = f"(1 − {_n(capped[1])}) × the other terms"
    bound = f" (at least {_n(w.levels[level])})" if level != "low" else ""
    lines.append(f"score = 1 − {product} = {_n(exact)} → {_n(shown)}: {level}{bound}")
    # the ladder's step is reported (and its words shown) only where it bounds the score: when
    # other findings (an expired MoU, a neutrality breach) carry it past the step's ceiling,
    # "not removal" would no longer be true
    ladder = step if step is not None and held and shown <= w.ladder_steps[step] else None
    drivers = tuple(sorted(by_rule, key=lambda rule: (by_rule[rule], rule)))
    return Risk(level, float(shown), drivers, tuple(lines), ladder)


#: LANGO Art 30's ladder (warning, then suspension, then removal): where the organisation
#: stands and what the next measure is, by step. The one wording of it: the score's explanation
#: and the report's plain sentence (lawcheck.report.summary) both use it.
LADDER_WORDS = {
    "none": "no prior warning recorded, so the next measure is a warning or a temporary "
            "suspension, not removal",
    "warned": "a prior warning recorded, so the next measure is suspension, not removal",
    "suspended": "a prior suspension recorded, so removal is the next measure",
}


def _n(x: Fraction) -> str:
    """A number as the explanation shows it: at most 4 decimals, no trailing zeros."""
    return f"{float(x):.4f}".rstrip("0").rstrip(".")
