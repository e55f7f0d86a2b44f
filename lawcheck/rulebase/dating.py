"""Rules dated by their law: the checks `lawcheck rules lint` makes against the corpus's dates.

A rule is in force from the date its legal basis is: the day the last of its citations takes
effect (the earliest version of each cited provision). A rule that starts on another day must
say why in ``effective_note``. A citation whose law has a newer version without that provision
is *gone*: the rule rests on text that no longer exists, and a person must fix it.

``index`` maps provision ids, and law ids, to their versions (objects with ``version``,
``language``, ``effective_from`` and ``effective_to``), as the store's citation index gives them.
"""

from __future__ import annotations

import re
from datetime import date

from lawcheck.errors import Problem, Where


CITATION_GONE = "citation gone"


def law_of(provision_id: str) -> str:
    return "/".join(provision_id.split("/")[:2])


def basis_date(rule, index: dict) -> date | None:
    """The day every provision the rule cites has taken effect (None: no dated citation)."""
    starts = []
    for cited in rule.citations:
        dates = [v.effective_from for v in index.get(cited, []) if v.effective_from]
        if dates:
            starts.append(min(dates))
    return max(starts) if starts else None


def newest(versions: list, language: str):
    """The open-ended (else the latest) version in ``language``."""
    same = [v for v in versions if v.language == language]
    if not same:
        return None
    return max(same, key=lambda v: (v.effective_to is None, v.effective_from or date.min))


def gone(cited: str, index: dict):
    """The law version that no longer has ``cited`` (None while it is still there). A law cited
    as a whole is never gone."""
    law = law_of(cited)
    if cited == law:
        return None
    versions = index.get(cited, [])
    for language in sorted({v.language for v in versions}):
        latest = newest(index.get(law, []), language)
        if latest is not None and latest.version not in {v.version for v in versions
                                                         if v.language == language}:
            return latest
    return None


def ended_before(rule, cited: str, index: dict) -> bool:
    """The rule ended before the version that dropped ``cited`` took effect: not affected."""
    latest = gone(cited, index)
    return bool(latest and rule.effective_to and latest.effective_from
                and rule.effective_to < latest.effective_from)


def gone_reason(cited: str, index: dict) -> str | None:
    latest = gone(cited, index)
    if latest is None:
        return None
    start = latest.effective_from.isoformat() if latest.effective_from else "an unknown date"
    return (f"{CITATION_GONE}: {cited} is not in version {latest.version} of {law_of(cited)} "
            f"(in force from {start}); a person must correct the rule")


def check(rulebase, index: dict) -> list[Problem]:
    """Every dating problem of the rule base, in rule order."""
    problems: list[Problem] = []
    for rule in rulebase.rules:
        where = Where(rule.file, rule.line)
        basis = basis_date(rule, index)
        if basis and rule.effective_from and rule.effective_from != basis \
                and not rule.effective_note:
            cited = [c for c in rule.citations
                     if any(v.effective_from == basis for v in index.get(c, []))]
            problems.append(Problem(
                "LC318", where, f"effective_from {rule.effective_from.isoformat()} differs "
                f"from {basis.isoformat()}, the day its legal basis takes effect "
                f"({', '.join(cited)})", rule.id,
                f"set effective_from: {basis.isoformat()}, or say why it differs in "
                "'effective_note:' (e.g. a later amendment created the offence)"))
        for cited in rule.citations:
            reason = gone_reason(cited, index) if not ended_before(rule, cited, index) else None
            if reason:
                problems.append(Problem(
                    "LC319", where, reason, rule.id,
                    "cite the provision of the new version that now states the duty (see "
                    "`lawcheck rules impact LAW`), or end the rule with effective_to"))
    problems += _overlaps(rulebase)
    return problems


def _overlaps(rulebase) -> list[Problem]:
    """Versions of one duty (``version_of``) must not be in force on the same day."""
    problems = []
    families: dict[str, list] = {}
    for rule in rulebase.rules:
        families.setdefault(rule.family, []).append(rule)
    for members in families.values():
        ordered = sorted(members, key=lambda r: r.effective_from or date.min)
        for before, after in zip(ordered, ordered[1:]):
            if before.effective_to is None or (after.effective_from and
                                               before.effective_to >= after.effective_from):
                problems.append(Problem(
                    "LC318", Where(before.file, before.line), f"{before.id} and {after.id} are "
                    f"versions of one duty but both are in force on "
                    f"{(after.effective_from or date.min).isoformat()}", before.id,
                    "end the earlier version the day before the later one starts "
                    "(effective_to)"))
    return problems


def parameter_value(parameter, text: str) -> str | None:
    found = re.search(parameter.pattern, text or "")
    return found.group(1) if found else None


def parameter_problem(parameter, version) -> str | None:
    """Why ``parameter`` cannot be read from ``version`` (None when it can): the pattern finds
    nothing, or the number found is not the one the rule's condition uses."""
    value = parameter_value(parameter, version.text)
    if value is None:
        return (f"parameter {parameter.name!r} is not found in version {version.version} "
                f"({version.language}) of {parameter.citation}")
    digits = re.search(r"\d+", value)
    if parameter.value is not None and (digits is None or int(digits.group()) != parameter.value):
        return (f"version {version.version} of {parameter.citation} says {value!r}, but the "
                f"rule's condition uses {parameter.value} ({parameter.name})")
    return None


def _overlaps_rule(version, rule) -> bool:
    starts, ends = version.effective_from or date.min, version.effective_to or date.max
    return starts <= (rule.effective_to or date.max) and ends >= (rule.effective_from or date.min)


def check_parameters(rulebase, index: dict) -> list[Problem]:
    """Each parameter must be found, with the condition's number, in every version of its
    provision in force while the rule is."""
    problems = []
    for rule in rulebase.rules:
        for parameter in rule.parameters:
            for version in index.get(parameter.citation, []):
                problem = parameter_problem(parameter, version) \
                    if _overlaps_rule(version, rule) else None
                if problem:
                    problems.append(Problem(
                        "LC320", Where(rule.file, parameter.line or rule.line), problem, rule.id,
                        "if the law changed, end this rule the day before the amendment and add "
                        "a version of it (version_of) with the new number; if only the wording "
                        "changed, correct the pattern"))
    for mitigation in rulebase.mitigations.values():
        for parameter in mitigation.parameters:
            versions = index.get(parameter.citation, [])
            found = [parameter_problem(parameter, v) for v in versions] or \
                [f"parameter {parameter.name!r} cites {parameter.citation}, which is not in the "
                 "corpus"]
            problems += [Problem("LC320", Where(mitigation.file, parameter.line),
                                 f"mitigation {mitigation.id!r}: {p}", None,
                                 "correct the citation or the pattern (rules/README.md, "
                                 "Parameters)") for p in found if p]
    return problems
