"""The rule base as values: facts, conditions, rules, mitigations, test cases.

Conditions are a small tree (:class:`Cmp`, :class:`All`, :class:`Any`, :class:`Not`) evaluated in
three-valued (Kleene) logic: a comparison on a missing fact is *unknown*, and a rule fires only
when its condition is *true*. The same tree is compiled for durable_rules and evaluated by the
pure-Python reference engine.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from datetime import date

from lawcheck.errors import Where
from lawcheck.model import CONFIDENCE  # noqa: F401  (one list of marks for laws and rules)
from lawcheck.vocabulary import ORG_TYPES, SEVERITIES  # noqa: F401  (defined once)

FACT_TYPES = ("bool", "int", "number", "date", "enum", "string", "labels")
OPERATORS = ("==", "!=", "<", "<=", ">", ">=", "in", "contains", "exists", "missing")
ORDERED = ("<", "<=", ">", ">=")
OPS_BY_TYPE = {
    "bool": {"==", "!=", "exists", "missing"},
    "int": {"==", "!=", "<", "<=", ">", ">=", "in", "exists", "missing"},
    "number": {"==", "!=", "<", "<=", ">", ">=", "in", "exists", "missing"},
    "date": {"==", "!=", "<", "<=", ">", ">=", "exists", "missing"},
    "enum": {"==", "!=", "in", "exists", "missing"},
    "string": {"==", "!=", "in", "exists", "missing"},
    "labels": {"contains", "exists", "missing"},
}
SUBJECTS = ("organization", "activity", "statement")
CATEGORIES = ("registration", "mou", "change-notification", "reporting", "tax", "assembly",
              "political-neutrality", "election", "public-order", "incitement", "defamation",
              "lese-majeste", "judicial", "security", "reputational")
KINDS = ("violation", "risk", "advisory")
CONSEQUENCES = ("advisory", "warning", "fine", "suspension", "deregistration",
                "mou-termination", "expulsion", "criminal")
PILLARS = ("people", "property", "programs")
LEVELS = ("individual", "organization", "sector")  # who acts on a mitigation (the guidance)


@dataclass(frozen=True)
class FactSpec:
    name: str
    type: str
    description: str
    source: str
    values: tuple[str, ...] = ()
    #: The plan keys a user writes to give this fact (``activities[].notification``); empty for
    #: facts no plan key gives (the analyser's, the calendar's).
    plan_keys: tuple[str, ...] = ()
    #: The question to ask when a serious check needs this fact and the plan does not give it.
    question: str | None = None


@dataclass(frozen=True)
class Cmp:
    fact: str
    op: str
    value: typing.Any = None  # a YAML scalar, or a tuple of them for "in"
    where: Where | None = field(default=None, compare=False)

    def facts(self) -> set[str]:
        return {self.fact}


@dataclass(frozen=True)
class All:
    parts: tuple

    def facts(self) -> set[str]:
        return set().union(*(p.facts() for p in self.parts)) if self.parts else set()


@dataclass(frozen=True)
class Any:
    parts: tuple

    def facts(self) -> set[str]:
        return set().union(*(p.facts() for p in self.parts)) if self.parts else set()


@dataclass(frozen=True)
class Not:
    part: Cmp | All | Any | Not

    def facts(self) -> set[str]:
        return self.part.facts()


@dataclass(frozen=True)
class Unknown:
    """True when ``part`` is unknown (neither true nor false), else false: never unknown itself.
    Not written in rule files; the engines use it to find the rules that cannot be judged
    (``not_checked``) in the same pass that finds the rules that fire."""

    part: Cmp | All | Any | Not

    def facts(self) -> set[str]:
        return self.part.facts()


TRUE = All(())  # the empty conjunction: always true


@dataclass(frozen=True)
class Message:
    what: str
    why: str
    todo: str


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    citations: tuple[str, ...]
    effective_from: date | None
    effective_to: date | None
    applies_to: str
    org_types: tuple[str, ...]
    category: str
    kind: str
    severity: str
    consequence: str
    pillar: str
    scope: object  # condition tree (TRUE when the rule has no scope)
    when: object | None  # None only for exceptions that merely displace other rules
    exception_to: tuple[str, ...]
    message: Message
    mitigations: tuple[str, ...]
    confidence: str
    reviewed_by: str
    reviewed_on: date | None
    file: str
    line: int
    law: str = ""
    # why effective_from differs from the date the cited provisions take effect (lint asks)
    effective_note: str = ""
    # the rule this one is an earlier or later version of: the same duty, other dates in force
    version_of: str = ""
    # numbers the message restates from the law, read from the cited provision's version
    parameters: tuple = ()
    # precedent ids (corpus/precedents) that show this rule's risk in practice
    precedents: tuple[str, ...] = ()
    # the calendar entries of the dated duty this rule checks (lawcheck calendar)
    deadline: DeadlineSpec | None = None

    @property
    def family(self) -> str:
        """The duty this rule is a version of (its own id when it has no other version)."""
        return self.version_of or self.id

    @property
    def condition(self):
        """What must be true for a finding: scope, organisation types and ``when``."""
        parts = [p for p in (self.org_scope, self.scope, self.when) if p is not None and p != TRUE]
        return All(tuple(parts))

    @property
    def full_scope(self):
        """What must be true for the rule to apply (and for an exception to displace)."""
        parts = [p for p in (self.org_scope, self.scope) if p is not None and p != TRUE]
        return All(tuple(parts))

    @property
    def org_scope(self):
        if not self.org_types:
            return None
        return Cmp("organization.type", "in", tuple(self.org_types))


@dataclass(frozen=True)
class Anchor:
    """What a kind of calendar entry counts from, and the words its ``deadline:`` text may use.

    ``placeholders``: the values the calendar gives each entry (``{changed_on_long}``);
    ``offsets``: the offset keys the rule must give (each a number or ``param.NAME``);
    ``variants``: the other wordings the calendar asks for (the block must give each);
    ``notes``: optional sentences the calendar inserts where ``{note.NAME}`` stands;
    ``cases``: values of ``case:`` that pick one rule's block for an entry; ``on``: whether
    the block's ``day:`` names a day each year (``02-last``, ``03-31``) or each month (``20``);
    ``everyone``: listed whatever the organisation's type."""

    what: str
    placeholders: tuple[str, ...] = ()
    offsets: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    on: str = ""  # "yearly" (MM-DD or MM-last) or "monthly" (a day of the month)
    everyone: bool = False


_LONG = ("due_long",)
_EVENT = ("name", "start", "hall", "when") + _LONG
#: The kinds of calendar entry a rule's ``deadline:`` block may name (docs/rules-deadlines.md).
ANCHORS = {
    "annual-reports": Anchor("each year's filing day (day:), for the year before; the "
                             "organisation's activity_report_year and financial_report_year "
                             "say which are sent", ("year", "prior", "reports") + _LONG,
                             on="yearly"),
    "donor-reports": Anchor("reporting.donor_reports[].sent_to_donor_on, for each report not "
                            "yet copied (copied_on)", ("donor", "sent", "sent_long") + _LONG,
                            offsets=("days",)),
    "changes": Anchor("changes[].changed_on, for each change not yet notified (notified_on)",
                      ("change", "changed_on", "changed_on_long") + _LONG, offsets=("days",),
                      variants=("bank_account",)),
    "registration": Anchor("registration.registered_on, while bank_accounts_declared is false",
                           ("registered_on_long",) + _LONG, offsets=("days",)),
    "mou-expiry": Anchor("registration.mou.expires_on", ("signed_on_long",) + _LONG,
                         notes=("signed",)),
    "monthly-tax-returns": Anchor("each month's filing day (day:), for the month before, "
                                  "while tax_registered; tax.monthly_return_month says which "
                                  "are filed", ("month",) + _LONG, on="monthly"),
    "annual-tax-return": Anchor("each year's filing day (day:), for the year before, while "
                                "tax_registered; tax.annual_return_year says which are filed",
                                ("year", "prior") + _LONG, on="yearly"),
    "asset-declarations": Anchor("each year's declaration day (day:), listed as 'check'",
                                 ("year",) + _LONG, cases=("notified",), on="yearly"),
    "demonstration-notice": Anchor(
        "activities[].start of a demonstration in a public place not yet notified: the last "
        "working day that leaves the working days of notice before it", _EVENT + ("gap",),
        offsets=("working_days",), variants=("uncovered",), notes=("passed", "unsaid")),
    "short-notice": Anchor(
        "activities[].start of a gathering under the short-notice route: the last day that "
        "leaves its hours (notice_hours: the hours that apply to its day)", _EVENT + ("notice_hours",),
        offsets=("hours", "holiday_hours"), notes=("unsaid",)),
    "election-campaign": Anchor(
        "rules/calendars/elections.yaml: each campaign period (or the span an unannounced "
        "election's campaign may cover) and polling day",
        ("label", "first", "last", "first_long", "last_long", "window_from", "window_to",
         "when", "poll", "poll_long", "campaign_confidence"),
        variants=("expected", "polling"), notes=("computed", "announced"),
        cases=("national_assembly",), everyone=True),
}


@dataclass(frozen=True)
class DeadlineSpec:
    """A rule's ``deadline:`` block: the calendar entries of the duty the rule checks. The
    date counts from ``anchor`` (see :data:`ANCHORS`) by ``offsets``; ``title`` and ``text``
    (and each variant's) are templates; ``citation`` is the provision that sets the date."""

    anchor: str
    citation: str
    title: str
    text: str
    offsets: tuple[tuple[str, int], ...] = ()  # (key, number), numbers read from parameters
    variants: tuple[tuple[str, str, str], ...] = ()  # (name, title, text)
    notes: tuple[tuple[str, str], ...] = ()  # (name, text)
    case: str = ""
    day: str = ""  # the recurring day of a yearly or monthly anchor
    line: int = 0

    def offset(self, key: str) -> int:
        return dict(self.offsets)[key]

    def wording(self, variant: str = "") -> tuple[str, str]:
        """(title, text) of ``variant`` (the block's own wording for "")."""
        for name, title, text in self.variants:
            if name == variant:
                return title, text
        return self.title, self.text


@dataclass(frozen=True)
class Parameter:
    """A number the law states, read from the version of ``citation`` in force on the date:
    the first group ``pattern`` captures in its text (e.g. ``five (5)``). With ``value``, the
    digits captured must equal it (the condition's number), or the rule is not applied."""

    name: str
    citation: str
    pattern: str
    line: int = 0
    value: int | None = None  # the number the rule's condition uses: must be the law's number


@dataclass(frozen=True)
class Mitigation:
    id: str
    title: str
    text: str
    source: str
    pillar: str
    level: str | None = None
    parameters: tuple = ()  # numbers its text restates from the law ({param.NAME})
    file: str = ""


@dataclass(frozen=True)
class TestCase:
    name: str
    facts: dict
    expect: tuple[str, ...]
    file: str
    line: int | None
    # rules that must be listed as not checked because no version is in force (or a citation
    # is gone), so a case can tell "could not judge" from a clean result
    not_checked: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleBase:
    rules: tuple[Rule, ...]
    facts: dict[str, FactSpec]
    mitigations: dict[str, Mitigation]
    tests: tuple[TestCase, ...]
    version: str  # sha256 of the rule files
    files: tuple[str, ...] = ()

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)
