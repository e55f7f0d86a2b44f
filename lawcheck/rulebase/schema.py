"""The rule file's schema on pydantic v2: the shape of a rule (its keys, their types, the
vocabularies and dates), checked in one pass and mapped to lawcheck's problems (the same LC
codes, lines and did-you-mean as the rest of the loader), and exported as JSON Schema for
editors (docs/rules.schema.json; ``python -m lawcheck.rulebase.schema`` prints it).

What needs the rest of the rule base stays in the loader: facts in conditions, citations in
the corpus, mitigations, placeholders, parameters against citations, a deadline's anchor. So
errors under ``scope``, ``when``, ``parameters`` and ``deadline`` are left to those readers,
which know more to say; the schema still describes those keys for editors.
"""

from __future__ import annotations

import json
import typing
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lawcheck.errors import Problem, Where
from lawcheck.rulebase import model as m
from lawcheck.yamlio import did_you_mean

_STRICT = ConfigDict(extra="forbid", strict=True)
_Text = typing.Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = _STRICT


class Comparison(_Model):
    """``{fact, op, value}``: a fact declared in rules/facts.yaml compared with a value."""

    fact: str
    op: typing.Literal[m.OPERATORS]  # type: ignore[valid-type]
    value: typing.Any = None


class AllOf(_Model):
    all: list[Condition] = Field(min_length=1)


class AnyOf(_Model):
    any: list[Condition] = Field(min_length=1)


class NotOf(_Model):
    not_: Condition = Field(alias="not")


Condition = typing.Union[AllOf, AnyOf, NotOf, Comparison]


class Message(_Model):
    what: str = Field(description="what the finding is; {fact} and {param.NAME} placeholders")
    why: str = Field(description="why it matters, in the law's terms")
    todo: str = Field(description="what to do about it")


class Reviewed(_Model):
    by: _Text = Field(description="who reviewed the rule")
    on: date = Field(description="when (YYYY-MM-DD)")


class Parameter(_Model):
    citation: str = Field(description="the provision whose text states the number")
    pattern: str = Field(description="a regular expression whose one group captures it")
    value: int | None = Field(None, description="the number the condition uses")


class Wording(_Model):
    title: str
    text: str


class Deadline(_Model):
    """The calendar entries of the duty (docs/rules-deadlines.md)."""

    anchor: typing.Literal[tuple(m.ANCHORS)]  # type: ignore[valid-type]
    citation: str
    offset: dict[str, int | str] = Field(default_factory=dict)
    day: str | int | None = None
    case: str | None = None
    title: str
    text: str
    variants: dict[str, Wording] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)


def _one_of(values: tuple[str, ...]):
    return typing.Literal[values]


class Rule(_Model):
    """One rule (rules/README.md)."""

    id: _Text
    title: _Text
    citations: list[str] = Field(description="provision ids the rule rests on")
    effective_from: date
    effective_to: date | None = None
    applies_to: _one_of(m.SUBJECTS)  # type: ignore[valid-type]
    org_types: list[_one_of(m.ORG_TYPES)] = Field(default_factory=list)  # type: ignore[valid-type]
    category: _one_of(m.CATEGORIES)  # type: ignore[valid-type]
    kind: _one_of(m.KINDS)  # type: ignore[valid-type]
    severity: _one_of(m.SEVERITIES)  # type: ignore[valid-type]
    consequence: _one_of(m.CONSEQUENCES)  # type: ignore[valid-type]
    pillar: _one_of(m.PILLARS)  # type: ignore[valid-type]
    scope: Condition | None = None
    when: Condition | None = None
    exception_to: list[str] = Field(default_factory=list)
    message: Message
    mitigations: list[str] = Field(default_factory=list)
    confidence: _one_of(m.CONFIDENCE)  # type: ignore[valid-type]
    reviewed: Reviewed
    notes: str | None = None
    effective_note: str | None = None
    version_of: str | None = None
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    precedents: list[str] = Field(default_factory=list)
    deadline: Deadline | None = None


class RuleFile(_Model):
    """A rule file: rules/<jurisdiction>/<topic>.yaml."""

    law: str | None = Field(None, description="the law most of the file's rules implement")
    rules: list[Rule]


for _cls in (AllOf, AnyOf, NotOf):
    _cls.model_rebuild()
Rule.model_rebuild()
RuleFile.model_rebuild()

KEYS = tuple(Rule.model_fields)
#: Keys whose problems the loader's own readers report (they know the facts, the corpus ...).
DEFERRED = ("scope", "when", "parameters", "deadline")


def check_rule(item, rid: str) -> list[Problem]:
    """The problems of one rule's shape, all at once: unknown keys (LC302), missing ones
    (LC303), bad dates (LC309), values outside their vocabulary (LC310), wrong types."""
    try:
        Rule.model_validate(dict(item))
    except ValidationError as exc:
        problems: dict[tuple, Problem] = {}
        for error in exc.errors():
            problem = _problem(item, rid, error)
            if problem is not None:
                problems.setdefault((problem.code, problem.where, problem.message), problem)
        return list(problems.values())
    return []


def _problem(item, rid: str, error) -> Problem | None:
    loc, kind, value = error["loc"], error["type"], error.get("input")
    key = str(loc[0]) if loc else None
    if key in DEFERRED:
        return None
    where = item.where(key) if key in item else item.where()
    if kind == "extra_forbidden" and len(loc) == 1:
        return Problem("LC302", where, f"unknown key {key!r}" + did_you_mean(str(key), KEYS),
                       rid)
    if kind == "missing" and len(loc) == 1:
        return Problem("LC303", where, f"missing required key {key!r}", rid)
    if key == "message":
        return Problem("LC303", where, "message needs exactly: what, why, todo", rid)
    if key == "reviewed":
        shaped = isinstance(item.get("reviewed"), dict)
        return Problem("LC309" if shaped else "LC303", where,
                       "reviewed needs 'by' (who) and 'on' (a date YYYY-MM-DD)", rid)
    if key in ("effective_from", "effective_to"):
        return Problem("LC309", where, f"{key} must be a date YYYY-MM-DD, not {value!r}", rid)
    if kind == "literal_error" and key == "org_types":
        return Problem("LC310", where, f"organization type {value!r} is not one of: "
                       f"{', '.join(m.ORG_TYPES)}" + did_you_mean(str(value), m.ORG_TYPES),
                       rid)
    if kind == "literal_error":
        allowed = _VOCABULARIES[str(key)]
        return Problem("LC310", where, f"{key} {value!r} is not one of: {', '.join(allowed)}"
                       + did_you_mean(str(value), allowed), rid)
    shown = "." .join(str(part) for part in loc)
    return Problem("LC305", where, f"{shown}: {error['msg'].lower()}, not {value!r}", rid)


_VOCABULARIES = {"applies_to": m.SUBJECTS, "category": m.CATEGORIES, "kind": m.KINDS,
                 "severity": m.SEVERITIES, "consequence": m.CONSEQUENCES,
                 "pillar": m.PILLARS, "confidence": m.CONFIDENCE}


def json_schema() -> dict:
    """The JSON Schema of a rule file, for editors (YAML language servers read it)."""
    schema = RuleFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://lawcheck.invalid/rules.schema.json"
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":  # python -m lawcheck.rulebase.schema > docs/rules.schema.json
    print(schema_text(), end="")
