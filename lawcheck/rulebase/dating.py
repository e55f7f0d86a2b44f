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
            reason = gone_reason(cited, index)
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


def check_parameters(rulebase, index: dict) -> list[Problem]:
    """Each parameter's pattern must find its number in every version of its provision."""
    problems = []
    for rule in rulebase.rules:
        for parameter in rule.parameters:
            for version in index.get(parameter.citation, []):
                if parameter_value(parameter, version.text) is None:
                    problems.append(Problem(
                        "LC320", Where(rule.file, parameter.line or rule.line),
                        f"parameter {parameter.name!r}: the pattern finds nothing in version "
                        f"{version.version} ({version.language}) of {parameter.citation}",
                        rule.id, "the amended text words it differently: correct the pattern "
                        "(and the rule, if the number changed)"))
    return problems
