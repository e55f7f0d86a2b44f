"""A rule's ``deadline:`` block: read it from YAML and check it against the rule (its
citations and parameters) and the anchor it names (docs/rules-deadlines.md).

Every problem is reported (code LC321, or the code the same mistake has elsewhere in a rule
file); a block with a problem is dropped, so the rule base does not load.
"""

from __future__ import annotations

import re

from lawcheck.rulebase import model as m
from lawcheck.rulebase.parameters import PARAM, PLACEHOLDER
from lawcheck.yamlio import did_you_mean

KEYS = ("anchor", "citation", "offset", "title", "text", "variants", "notes", "case", "day")
NOTE = "note."
_YEARLY = re.compile(r"(0[1-9]|1[0-2])-([0-2]\d|3[01]|last)\Z")


def read_deadline(raw, citations, parameters, report) -> m.DeadlineSpec | None:
    """``report(code, key, message, fix=None)`` records a problem at ``key`` of the block."""
    if not isinstance(raw, dict):
        report("LC321", None, "deadline must be a mapping: anchor, citation, title, text (and "
               "offset, variants, notes, case, day as its anchor needs)")
        return None
    count = [0]

    def problem(code, key, message, fix=None):
        count[0] += 1
        report(code, key, message, fix)

    for key in sorted(set(raw) - set(KEYS)):
        problem("LC302", key, f"deadline: unknown key {key!r}" + did_you_mean(key, KEYS))
    for key in ("anchor", "citation", "title", "text"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            problem("LC303", key if key in raw else None, f"deadline: missing {key!r} (text)")
    anchor = m.ANCHORS.get(str(raw.get("anchor")))
    if anchor is None:
        if isinstance(raw.get("anchor"), str):
            problem("LC310", "anchor", f"deadline: anchor {raw['anchor']!r} is not one of: "
                    + ", ".join(m.ANCHORS) + did_you_mean(raw["anchor"], m.ANCHORS))
        return None
    citation = raw.get("citation")
    if isinstance(citation, str) and citation not in citations:
        problem("LC321", "citation", f"deadline: citation {citation!r} is not one of this "
                "rule's citations" + did_you_mean(citation, citations),
                "cite the provision that sets the date; it must be among the rule's citations")
    offsets = _offsets(raw.get("offset"), anchor, parameters, problem)
    variants = _wordings(raw.get("variants"), "variants", anchor.variants, problem)
    notes = _notes(raw.get("notes"), anchor, problem)
    case = raw.get("case") or ""
    if case and case not in anchor.cases:
        problem("LC310", "case", f"deadline: case {case!r} is not one of: "
                f"{', '.join(anchor.cases) or '(this anchor has none)'}"
                + did_you_mean(str(case), anchor.cases))
    day = _day(raw.get("day"), anchor, problem)
    names = set(anchor.placeholders) | {k for k, _ in offsets} | {NOTE + n for n in anchor.notes}
    texts = [("title", raw.get("title")), ("text", raw.get("text"))]
    texts += [("variants", t) for _, title, text in variants for t in (title, text)]
    texts += [("notes", text) for _, text in notes]
    for key, text in texts:
        for name in PLACEHOLDER.findall(str(text or "")):
            if name not in names:
                hint = ("offsets are named by their key ({days}), not as parameters"
                        if name.startswith(PARAM) else None)
                problem("LC312", key, f"deadline: placeholder {{{name}}} is not one the "
                        f"{raw['anchor']} anchor gives" + did_you_mean(name, names), hint)
    if count[0]:
        return None
    return m.DeadlineSpec(raw["anchor"], str(citation), str(raw["title"]), str(raw["text"]),
                          offsets, variants, notes, str(case), day,
                          raw.start if hasattr(raw, "start") else 0)


def _offsets(raw, anchor: m.Anchor, parameters, problem) -> tuple:
    raw = raw if raw is not None else {}
    if not isinstance(raw, dict):
        problem("LC321", "offset", "deadline: offset must be a mapping of "
                + (", ".join(anchor.offsets) or "nothing (this anchor takes none)"))
        return ()
    for key in sorted(set(raw) - set(anchor.offsets)):
        problem("LC302", "offset", f"deadline: offset {key!r} does not apply to the "
                f"{anchor_name(anchor)} anchor" + did_you_mean(key, anchor.offsets))
    found = []
    by_name = {p.name: p for p in parameters}
    for key in anchor.offsets:
        value = raw.get(key)
        if value is None:
            problem("LC303", "offset", f"deadline: offset needs {key!r}")
            continue
        if isinstance(value, str) and value.startswith(PARAM):
            parameter = by_name.get(value[len(PARAM):])
            if parameter is None or parameter.value is None:
                problem("LC320", "offset", f"deadline: offset {key}: {value!r} names no "
                        "parameter with a value" + did_you_mean(value[len(PARAM):], by_name),
                        "declare the parameter (citation, pattern, value) so that the number "
                        "is checked against the law's text")
                continue
            value = parameter.value
        elif not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problem("LC321", "offset", f"deadline: offset {key} must be a whole number of "
                    f"{key.replace('_', ' ')} or param.NAME, not {value!r}",
                    "take the number from a parameter (param.NAME), read from the law")
            continue
        found.append((key, value))
    return tuple(found)


def _wordings(raw, key: str, wanted, problem) -> tuple:
    raw = raw if raw is not None else {}
    if not isinstance(raw, dict):
        problem("LC321", key, f"deadline: {key} must be a mapping NAME: {{title, text}}")
        return ()
    found = []
    for name in sorted(set(raw) - set(wanted)):
        problem("LC302", key, f"deadline: unknown variant {name!r}"
                + did_you_mean(str(name), wanted))
    for name in wanted:
        entry = raw.get(name)
        if not isinstance(entry, dict) or set(entry) != {"title", "text"} or not all(
                isinstance(v, str) and v.strip() for v in entry.values()):
            problem("LC303", key, f"deadline: variant {name!r} needs exactly: title, text "
                    "(the wording of that kind of entry)")
            continue
        found.append((name, entry["title"], entry["text"]))
    return tuple(found)


def _notes(raw, anchor: m.Anchor, problem) -> tuple:
    raw = raw if raw is not None else {}
    if not isinstance(raw, dict):
        problem("LC321", "notes", "deadline: notes must be a mapping NAME: text")
        return ()
    for name in sorted(set(raw) - set(anchor.notes)):
        problem("LC302", "notes", f"deadline: unknown note {name!r}"
                + did_you_mean(str(name), anchor.notes))
    found = []
    for name in anchor.notes:
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            problem("LC303", "notes", f"deadline: notes needs {name!r} (text)")
            continue
        found.append((name, raw[name]))
    return tuple(found)


def _day(raw, anchor: m.Anchor, problem) -> str:
    if not anchor.on:
        if raw is not None:
            problem("LC302", "day", f"deadline: 'day' does not apply to the "
                    f"{anchor_name(anchor)} anchor")
        return ""
    text = str(raw) if raw is not None else ""
    good = (_YEARLY.match(text) is not None if anchor.on == "yearly"
            else text.isdigit() and 1 <= int(text) <= 28)
    if not good:
        problem("LC321", "day" if raw is not None else None, "deadline: 'day' must give the day: "
                + ("MM-DD or MM-last, e.g. 02-last, 03-31" if anchor.on == "yearly"
                   else "a day of the month from 1 to 28"))
    return text


def anchor_name(anchor: m.Anchor) -> str:
    return next(name for name, a in m.ANCHORS.items() if a is anchor)
