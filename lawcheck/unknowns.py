"""What a check could not decide, said in the user's words (SPEC §8, §5 amendment).

The engine reports a rule it could not decide with the internal facts it lacked
(``activity.notified``). A program manager cannot write those: she writes plan keys
(``activities[A2].notification``). Here, in one place, each missing fact becomes the plan keys
that would give it (from ``rules/facts.yaml``), or, when the plan already gives those keys and the
fact still could not be worked out (a date the election calendar does not cover), the reason in
words. And for activities that expose people to arrest or dispersal, the facts that serious rules
need become questions at the top of that activity: an unanswered question must be as visible as
a finding, never hidden in a long "not checked" list.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawcheck.rulebase.model import SEVERITIES, FactSpec, Rule, RuleBase
from lawcheck.vocabulary import CONFIDENCE

#: Activity types that put people in the street, or in front of the authorities.
EXPOSED_TYPES = frozenset({"march", "rally", "assembly", "strike", "vigil",
                           "election_observation"})
#: Rules at or above this severity turn a missing fact into a question.
QUESTION_SEVERITY = "high"
#: A question id: rule ids are dotted, so a question can never collide with one.
QUESTION_PREFIX = "question:"


def exposed(activity: dict) -> bool:
    """True for a march, rally, assembly, strike, vigil or election observation, and for a
    public forum held in a public space."""
    kind = activity.get("type")
    if kind in EXPOSED_TYPES:
        return True
    location = activity.get("location") or {}
    return kind == "public_forum" and location.get("public_space") is True


@dataclass(frozen=True)
class Subject:
    """Where one context sits in the plan, to resolve plan keys against what the user wrote."""

    organization: dict
    activity: dict | None = None
    statement: int | None = None


def _given(data, parts: list[str]) -> bool:
    """True when the dotted path ``parts`` is written in ``data`` (null counts as written).

    A ``[]`` step is written when the list has an entry that writes the rest of the path."""
    if not parts:
        return True
    head, rest = parts[0], parts[1:]
    is_list = head.endswith("[]")
    name = head[:-2] if is_list else head
    if not isinstance(data, dict) or name not in data:
        return False
    value = data[name]
    if not is_list:
        # null answers for everything under it: ``notification: null`` = not notified
        return not rest or value is None or _given(value, rest)
    items = value if isinstance(value, (list, tuple)) else []
    return bool(items) and (not rest or any(_given(item, rest) for item in items))


def user_key(key: str, subject: Subject) -> str:
    """``activities[].notification`` for activity A2 → ``activities[A2].notification``;
    ``organization.changes[]`` → ``organization.changes`` (a list is named by its key)."""
    key = key.removesuffix("[]")
    if key.startswith("activities[]") and subject.activity is not None:
        key = f"activities[{subject.activity.get('id')}]" + key[len("activities[]"):]
        if subject.statement is not None:
            key = key.replace(".statements[]", f".statements[{subject.statement + 1}]", 1)
    return key


def written(key: str, subject: Subject) -> bool:
    if key.startswith("organization."):
        return _given(subject.organization, key.split(".")[1:])
    if key.startswith("activities[]."):
        return subject.activity is not None and _given(subject.activity, key.split(".")[1:])
    return False


def explain_missing(missing: list[str], facts: dict[str, FactSpec],
                    subject: Subject) -> tuple[list[str], list[str]]:
    """(plan keys to add, reasons in words) for the facts a rule lacked.

    A fact whose plan keys are all written, or that no plan key gives, could not be worked out
    by lawcheck itself: its description says what it is, so the reason names that."""
    keys: dict[str, None] = {}
    reasons: dict[str, None] = {}
    for name in missing:
        spec = facts.get(name)
        absent = [k for k in (spec.plan_keys if spec else ()) if not written(k, subject)]
        if absent:
            keys[user_key(absent[0], subject)] = None
        elif spec is not None:
            reasons[f"lawcheck could not work out {_lower(spec.description)}"] = None
        else:
            reasons[f"lawcheck could not work out {name}"] = None
    # ``notification`` already asks for ``notification.notified_on``: name the outer key once
    listed = [k for k in keys if not any(k.startswith(o + ".") for o in keys if o != k)]
    return listed, list(reasons)


def _lower(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def describe(entries: list[dict], rulebase: RuleBase, subject: Subject) -> list[dict]:
    """The engine's not_checked entries for one context, in the user's words.

    Each becomes ``{"rule", "title", "severity", "missing": [plan keys], "reasons": [...]}``;
    an entry that already carries a ``reason`` (a rule not in force, a citation gone) keeps it."""
    rules = {r.id: r for r in rulebase.rules}
    out = []
    for entry in entries:
        rule = rules.get(entry["rule"])
        keys, reasons = explain_missing(list(entry.get("missing") or []), rulebase.facts,
                                        subject)
        item = {k: v for k, v in entry.items() if k not in ("missing",)}
        item.update({"missing": keys})
        if reasons:
            item["reasons"] = reasons
        if rule is not None:
            item.setdefault("title", rule.title)
            item.setdefault("severity", rule.severity)
        out.append(item)
    return out


def questions(entries: list[dict], rulebase: RuleBase, subject: Subject,
              cite) -> list[dict]:
    """Advisory findings that ask what serious rules needed, for an exposed activity.

    ``entries`` are the engine's raw not_checked entries for the activity (internal fact
    names); ``cite(provision_id)`` gives a citation dict. One question per distinct question
    text, naming every serious rule that waits for it."""
    if subject.activity is None or subject.statement is not None or \
            not exposed(subject.activity):
        return []
    rules = {r.id: r for r in rulebase.rules}
    floor = SEVERITIES.index(QUESTION_SEVERITY)
    asked: dict[str, dict] = {}
    for entry in entries:
        rule = rules.get(entry["rule"])
        if rule is None or rule.kind == "advisory" or SEVERITIES.index(rule.severity) < floor:
            continue
        for name in entry.get("missing") or []:
            spec = rulebase.facts.get(name)
            if spec is None or not spec.question:
                continue
            absent = [k for k in spec.plan_keys if not written(k, subject)]
            if not absent:
                continue
            q = asked.setdefault(spec.question, {"generic": {}, "keys": {}, "rules": {}})
            q["generic"][absent[0].removeprefix("activities[].").removesuffix("[]")] = None
            q["keys"][user_key(absent[0], subject)] = None
            q["rules"][rule.id] = rule
    made = [_question(text, q, subject, subject.activity, cite) for text, q in asked.items()]
    # a legal duty unanswered before a vague-clause risk; then the one more checks wait on
    made.sort(key=lambda f: (f.pop("_order"), f["rule"]))
    for number, f in enumerate(made, 1):
        f["question"] = number
    return made


def _question(text: str, q: dict, subject: Subject, activity: dict, cite) -> dict:
    """One question for ``activity`` (the subject's, never None here)."""
    rules: list[Rule] = sorted(q["rules"].values(),
                               key=lambda r: (-SEVERITIES.index(r.severity), r.id))
    worst = rules[0]
    provisions = list(dict.fromkeys(c for r in rules for c in r.citations))
    keys = [k for k in q["keys"] if not any(k.startswith(o + ".") for o in q["keys"] if o != k)]
    waiting = "; ".join(f"{r.title} ({_articles(r.citations)})" for r in rules)
    return {
        "rule": QUESTION_PREFIX + "+".join(sorted(q["generic"])),
        "title": text,
        "category": worst.category,
        "kind": "advisory",
        "severity": "medium",
        "consequence": "advisory",
        "pillar": worst.pillar,
        "question": True,  # replaced by its number within the activity
        "_order": (("violation", "risk").index(worst.kind) if worst.kind in ("violation", "risk")
                   else 2, -len(rules)),
        "where": {"activity": activity.get("id")},
        "what": (f"The plan does not say, so {len(rules)} serious check"
                 f"{'s' if len(rules) != 1 else ''} could not be made: {waiting}."),
        "why": (f"This {str(activity.get('type')).replace('_', ' ')} exposes the "
                f"people taking part. Unanswered, the most serious of these checks could find a "
                f"{worst.severity}-severity {worst.kind} that can lead to "
                f"{_CONSEQUENCE.get(worst.consequence, worst.consequence)}; until it is "
                "answered, lawcheck cannot say the activity is clear."),
        "todo": "Answer it in the plan (" + ", ".join(keys) + ") and check again.",
        "missing": keys,
        # the weakest mark among the rules that wait on the answer
        "confidence": max((r.confidence for r in rules),
                          key=lambda c: CONFIDENCE.index(c) if c in CONFIDENCE
                          else len(CONFIDENCE)),
        "citations": [cite(p) for p in provisions],
        "mitigations": [],
    }


_CONSEQUENCE = {"warning": "a written warning", "fine": "a fine", "suspension": "suspension",
                "deregistration": "deregistration", "mou-termination": "the end of the MoU",
                "expulsion": "expulsion", "criminal": "criminal charges",
                "advisory": "no legal sanction"}


def _articles(citations) -> str:
    """kh/peaceful-demonstration-2009/art-5, …/art-20/para-3 → 'Art 5, Art 20(3)'."""
    out = []
    for cid in citations:
        label = ""
        for p in cid.split("/")[2:]:
            kind, _, number = p.partition("-")
            if kind == "art":
                label = f"Art {number.replace('-', ' ')}"
            elif kind in ("para", "point") and label:
                label += f"({number})"
        out.append(label or cid)
    return ", ".join(dict.fromkeys(out))
