"""Findings → the precedents closest to them (SPEC §5 as amended: ``"precedents": [{"id",
"date", "summary"}]``, one to three a finding).

A rule that names precedents (``precedents:`` in its YAML) offers those; otherwise every
precedent showing the finding's category is a candidate. Candidates are ranked by how much they
resemble the subject: the same activity type, shared topic words, the same kind of act
(statement / activity / organisation paperwork), the same organisation type and sector, the
capital vs a province; then the better-sourced and the newer first. Ties never depend on file
order. A precedent is an illustration of what the authorities have done, not a prediction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lawcheck.precedents import Precedent
from lawcheck.report_model import Finding, replaced

LIMIT = 3
_CONFIDENCE = {"confirmed": 0, "likely": 1, "uncertain": 2}
_WORD = re.compile(r"[a-z]+")
_STOP = {"and", "the", "of", "on", "in", "for", "to", "a", "an", "with", "at", "by", "rights"}
SUBJECT_KIND = {"activity": "activity", "statement": "statement", "organization": "organisation"}


def words(values) -> set[str]:
    found = set()
    for value in values or ():
        found |= {w for w in _WORD.findall(str(value).lower()) if w not in _STOP and len(w) > 2}
    return found


# What each precedent offers every finding, worked out once per precedent (by identity: a
# loaded base is immutable): a review scores thousands of findings against the same 155.
_WORDS: dict[int, tuple[Precedent, frozenset]] = {}
_BRIEFS: dict[int, tuple[Precedent, dict]] = {}


def _words_of(p: Precedent) -> frozenset:
    held = _WORDS.get(id(p))
    if held is None or held[0] is not p:
        held = _WORDS[id(p)] = (p, frozenset(words([*p.did.topics, p.did.summary])))
    return held[1]


def _brief(p: Precedent) -> dict:
    held = _BRIEFS.get(id(p))
    if held is None or held[0] is not p:
        held = _BRIEFS[id(p)] = (p, p.brief())
    return dict(held[1])


def _candidates(rule, category: str, precedents) -> list[Precedent]:
    """The precedents a finding of ``rule`` may name: the rule's own list when it has one,
    else every precedent of ``category``."""
    named = set(getattr(rule, "precedents", ()) or ())
    return [p for p in precedents if p.id in named] if named else \
        [p for p in precedents if category in p.categories]


def _label_points(p: Precedent, kind: str | None, organization: dict) -> int:
    """What a precedent's score owes to the subject's kind and the organisation's type and
    sector."""
    points = int(SUBJECT_KIND.get(kind or "") == p.did.kind)
    points += bool(organization.get("type")) and p.who.org_type == organization.get("type")
    points += bool(organization.get("sector")) and p.who.sector == organization.get("sector")
    return points


def closest(rule, category: str, precedents, *, kind: str | None = None,
            activity: dict | None = None, organization: dict | None = None,
            topics=(), limit: int = LIMIT) -> list[Precedent]:
    """The ``limit`` precedents closest to a finding of ``rule`` (``category``) on a subject of
    ``kind`` (activity / statement / organization) with this activity and organisation."""
    pool = _candidates(rule, category, precedents)
    activity, organization = activity or {}, organization or {}
    subject_words = words([*topics, *(activity.get("topics") or ()), activity.get("title")])
    province = ((activity.get("location") or {}).get("province") or "")

    def score(p: Precedent) -> int:
        points = 0
        if activity.get("type") and p.did.activity_type == activity.get("type"):
            points += 3
        points += 2 * min(2, len(subject_words & _words_of(p)))
        points += _label_points(p, kind, organization)
        if province and p.did.place:
            points += (province == "Phnom Penh") == (p.did.place == "Phnom Penh")
        return points

    ranked = sorted(pool, key=lambda p: (-score(p), _CONFIDENCE.get(p.confidence, 3),
                                         -p.date.toordinal(), p.id))
    return ranked[:limit]


def attach(findings: list[dict], rulebase, precedents, *, activities: dict | None = None,
           organization: dict | None = None, kind_of=None, topics=()) -> None:
    """Add ``precedents`` to each finding (dicts, in place) that has any.

    ``activities``: activity id → the plan activity; ``kind_of(finding)`` gives the subject
    kind (default: activity when the finding names one, else the rule's ``applies_to``)."""
    if not precedents:
        return
    rules = {r.id: r for r in rulebase.rules}
    for finding in findings:
        rule = rules.get(finding.get("rule"))
        if rule is None:
            continue
        where = finding.get("where") or {}
        kind = kind_of(finding) if kind_of else _kind(where, rule)
        found = _briefs(rule, finding.get("category", rule.category), where, precedents, kind,
                        activities, organization, topics)
        if found:
            finding["precedents"] = found


def with_precedents(findings: Sequence[Finding], rulebase, precedents, *,
                    activities: dict | None = None, organization: dict | None = None,
                    topics=()) -> list[Finding]:
    """:func:`attach` for typed findings: each that has precedents is a new value with them.

    The ranking of a rule's candidates depends on the subject only through a few labels and
    the subject's words that some candidate shares, so for a loaded (immutable) base the
    ranking is memoised on those: a batch review attaches the same few rankings thousands of
    times (see :func:`_ranked`)."""
    if not findings:
        return []
    rules = _rules_of(rulebase) if precedents else {}
    # the subject's words as closest() makes them for a subject without an activity (whose
    # missing title it reads as the word "none")
    subject_words = words([*topics, None]) if activities is None else None
    out = []
    for finding in findings:
        rule = rules.get(finding.rule)
        place = finding.where
        where = {k: v for k, v in (("activity", place.activity),
                                   ("statement", place.statement)) if v is not None}
        if rule is None:
            found = []
        elif subject_words is not None and isinstance(precedents, tuple):
            found = [_brief(p) for p in _ranked(rule, finding.category, precedents,
                                                _kind(where, rule), organization or {},
                                                subject_words, topics)]
        else:
            found = _briefs(rule, finding.category, where, precedents, _kind(where, rule),
                            activities, organization, topics)
        out.append(replaced(finding, precedents=tuple(found)) if found else finding)
    return out


# --- memo of rankings (statement reviews: no activity) -----------------------------------------

_RULES: dict[int, tuple[object, dict]] = {}
_POOL_WORDS: dict[tuple, tuple[object, object, frozenset]] = {}
_RANKED: dict[tuple, tuple[object, object, list]] = {}
_RANKED_LIMIT = 4096


def _rules_of(rulebase) -> dict:
    """rule id -> rule of a loaded rule base, built once per rule base (by identity)."""
    held = _RULES.get(id(rulebase))
    if held is None or held[0] is not rulebase:
        if len(_RULES) > 16:
            _RULES.clear()
        held = _RULES[id(rulebase)] = (rulebase, {r.id: r for r in rulebase.rules})
    return held[1]


def _pool_words(rule, category: str, precedents: tuple) -> frozenset:
    """Every word any candidate of ``rule`` (``category``) has: the only subject words its
    ranking can see."""
    key = (id(rule), category, id(precedents))
    held = _POOL_WORDS.get(key)
    if held is None or held[0] is not rule or held[1] is not precedents:
        pool = _candidates(rule, category, precedents)
        vocabulary = frozenset().union(*(_words_of(p) for p in pool))
        if len(_POOL_WORDS) > _RANKED_LIMIT:
            _POOL_WORDS.clear()
        held = _POOL_WORDS[key] = (rule, precedents, vocabulary)
    return held[2]


def _ranked(rule, category: str, precedents: tuple, kind: str, organization: dict,
            subject_words: set, topics) -> list[Precedent]:
    """:func:`closest` for a subject without an activity, memoised on what its score reads:
    the rule and category (its pool), the subject kind, the organisation's type and sector,
    and the subject's words that some candidate shares. ``precedents`` must be a loaded base
    (a tuple: never changed in place); ``subject_words`` as :func:`closest` makes them."""
    shared = frozenset(subject_words & _pool_words(rule, category, precedents))
    labels = (id(rule), category, id(precedents), kind, organization.get("type") or None,
              organization.get("sector") or None)
    held = _RANKED.get((labels, shared))
    if held is None or held[0] is not rule or held[1] is not precedents:
        pool = _scored_pool(labels, rule, category, precedents, kind, organization)
        if INDEXED:
            best = _top(pool, _index(labels, pool), shared)
        else:
            ranked = sorted(pool, key=lambda e: (-(e[0] + 2 * min(2, len(shared & e[1]))),)
                            + e[2])
            best = [e[3] for e in ranked[:LIMIT]]
        if len(_RANKED) >= _RANKED_LIMIT:
            _RANKED.clear()
        held = _RANKED[(labels, shared)] = (rule, precedents, best)
    return list(held[2])


# _ranked finds the best candidates through an index of the pool's words instead of scoring
# every candidate (issue 13, speed); tests turn it off to compare with the full sort
INDEXED = True
_INDEXES: dict[tuple, tuple[list, tuple[dict, list] | None]] = {}


def _index(labels: tuple, pool: list) -> tuple[dict, list] | None:
    """For a pool of :func:`_scored_pool`: word -> the candidates (positions) that have it, and
    the positions in the order of the score without shared words (points, then tie-breaking
    order); None when two candidates tie on their tie-breaking order (then only the full sort
    gives the plain order)."""
    held = _INDEXES.get(labels)
    if held is None or held[0] is not pool:
        keys = [e[2] for e in pool]
        if len(set(keys)) < len(keys):
            found = None
        else:
            words: dict[str, list[int]] = {}
            for i, e in enumerate(pool):
                for word in e[1]:
                    words.setdefault(word, []).append(i)
            found = (words, sorted(range(len(pool)), key=lambda i: (-pool[i][0],) + pool[i][2]))
        if len(_INDEXES) > _RANKED_LIMIT:
            _INDEXES.clear()
        held = _INDEXES[labels] = (pool, found)
    return held[1]


def _top(pool: list, index, shared: frozenset) -> list[Precedent]:
    """The first LIMIT of ``pool`` sorted by :func:`closest`'s score for these shared words:
    a candidate that has none of them scores its points alone, so the best of those are the
    first in the order without words; only the candidates the index names for the shared
    words (a few) and that many of the rest are ranked."""
    if index is None:
        ranked = sorted(pool, key=lambda e: (-(e[0] + 2 * min(2, len(shared & e[1]))),) + e[2])
        return [e[3] for e in ranked[:LIMIT]]
    words, plain = index
    overlap: dict[int, int] = {}
    for word in shared:
        for i in words.get(word, ()):
            overlap[i] = overlap.get(i, 0) + 1
    chosen = list(overlap)
    rest = 0
    for i in plain:
        if rest == LIMIT:
            break
        if i not in overlap:
            chosen.append(i)
            rest += 1
    chosen.sort(key=lambda i: (-(pool[i][0] + 2 * min(2, overlap.get(i, 0))),) + pool[i][2])
    return [pool[i][3] for i in chosen[:LIMIT]]


_POOLS: dict[tuple, tuple[object, object, list]] = {}


def _scored_pool(labels: tuple, rule, category: str, precedents: tuple, kind: str,
                 organization: dict) -> list[tuple]:
    """The candidates of :func:`closest` with what their score owes to anything but the
    subject's words (kind, organisation type and sector: no activity), their tie-breaking
    order and their words: ``(points, words, order, precedent)``."""
    held = _POOLS.get(labels)
    if held is None or held[0] is not rule or held[1] is not precedents:
        entries = [(_label_points(p, kind, organization), _words_of(p),
                    (_CONFIDENCE.get(p.confidence, 3), -p.date.toordinal(), p.id), p)
                   for p in _candidates(rule, category, precedents)]
        if len(_POOLS) > _RANKED_LIMIT:
            _POOLS.clear()
        held = _POOLS[labels] = (rule, precedents, entries)
    return held[2]


def _kind(where: dict, rule) -> str:
    """The subject kind a finding is on: a statement, else the rule's own subject."""
    return "statement" if "statement" in where else rule.applies_to


def _briefs(rule, category: str, where: dict, precedents, kind: str | None, activities,
            organization, topics) -> list[dict]:
    """The briefs of the precedents closest to one finding of ``rule`` at ``where``."""
    activity = (activities or {}).get(where.get("activity"))
    found = closest(rule, category, precedents, kind=kind, activity=activity,
                    organization=organization, topics=topics)
    return [_brief(p) for p in found]
