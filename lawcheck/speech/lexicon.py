"""The analyser's vocabulary: the YAML files in ``rules/lexicons`` read and checked into a
:class:`Lexicon`.

The files are legal data a legal adviser edits, so every mistake is reported at once, each with
file and line (codes LC330-LC334), instead of silently changing what the analyser sees. Nothing
here imports spaCy: phrases stay plain text until the pipeline is built.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from lawcheck import settings, yamlio
from lawcheck.errors import InputError, Problem, RulesError, Where
from lawcheck.speech.model import (CALLS, COURT_CLAIMS, MENTIONS, PARTY_STANCES, TARGETS)
# WORDNET_FILE is re-exported: callers name the lexicon folder's files from here
from lawcheck.speech.lexicon_wordnet import WORDNET_FILE  # noqa: F401
from lawcheck.speech.lexicon_wordnet import norm as _norm, wordnet_file, wordnet_words

# Lexicon category -> (target it makes, statement.mentions value it makes). None: it makes none.
CATEGORIES: dict[str, tuple[str | None, str | None]] = {
    "king": ("king", "king"),
    "royal-family": ("royal-family", "royal-family"),
    "court": ("court", "court"),
    # the judiciary as a whole ("the court system", "Cambodia's justice system"): a claim about
    # it names no case, judge or decision (Arts 522-523 speak of those), so it is said of a
    # state institution, the government's side; the statement still mentions the courts
    "court-system": ("government", "court"),
    "party": ("party", "party"),
    # "a political party", "political parties": a party is mentioned, none is named, so it is no
    # target of praise or attack ("they have a right to support a political party")
    "party-generic": (None, "party"),
    # a named political leader, in office or in opposition (the report's no-finding caveat
    # names it; no rule reads this mention)
    "politician": ("politician", "politician"),
    "government": ("government", "government"),
    "official": ("official", "government"),
    "security-forces": ("security-forces", "security-forces"),
    "person": ("person", None),
    "company": ("company", None),
    "neighbouring-state": (None, "neighbouring-state"),
    "border": (None, "border"),
    # a province on the border: named in health or migration work far more often than in a claim
    # about territory, so it is a mention of the border but no territory context by itself
    "border-area": (None, "border"),
    "land": (None, "land"),
    "election": (None, "election"),
    # subjects words were punished for that no offence rule reads (rules/lexicons/subjects.yaml):
    # the no-finding caveat names them
    "public-health": (None, "public-health"),
    "natural-resources": (None, "natural-resources"),
}
assert {t for t, _ in CATEGORIES.values() if t} <= set(TARGETS)
assert {m for _, m in CATEGORIES.values() if m} <= set(MENTIONS)

# Which values each statement fact takes; None: a yes/no fact.
FACT_VALUES: dict[str, tuple[str, ...] | None] = {
    "statement.calls": CALLS,
    "statement.accuses": None,
    "statement.insults": None,
    "statement.court_claims": COURT_CLAIMS,
    "statement.party_stance": PARTY_STANCES,
    "statement.territory_claim": None,
    "statement.discrimination": None,
    "statement.foreign_control": None,
    "statement.foreign_backed_change": None,
    "statement.leader_must_go": None,
    "statement.alarming_claim": None,
    "statement.mentions_notification": None,
}
TARGETED = ("statement.accuses", "statement.insults")  # value is the target's category
# Marker groups the analyser itself reads (context.py, targets.py).
BUILTIN_MARKERS = ("negation", "hypothetical", "attribution", "self", "law", "relative",
                   "pronoun", "link", "neutral")
ENTRY_KEYS = {"id", "category", "names", "dissolved", "note", "wordnet"}
MARKER_KEYS = {"phrases", "categories", "scope", "within"}
ACT_KEYS = {"id", "fact", "value", "family", "cues", "strong", "needs", "target", "targets",
            "direction", "also", "sentiment", "reach", "unless", "gap", "roles", "wordnet"}
ROLE_KEYS = {"doer", "over", "within"}
ROLE_WITHIN = 6  # words from the cue to each role, when `roles` gives no `within`
ALSO_KEYS = {"fact", "value", "targets"}
SPECIAL_FILES = ("speech-acts.yaml", "suggestions.yaml")
# "around": the cue's sentence or the one before it ("The Vietnamese … . Throw them out.")
SCOPES = ("sentence", "before", "after", "around", "at")


@dataclass(frozen=True)
class Entry:
    id: str
    category: str
    names: tuple[str, ...]
    dissolved: bool = False
    # words of the WordNet senses the entry names (wordnet_build.py), less every written name
    # and its `exclude`: the pipeline matches them, and their plurals, as names of the entry
    wordnet: tuple[str, ...] = ()


@dataclass(frozen=True)
class MarkerGroup:
    phrases: tuple[str, ...]
    categories: tuple[str, ...] = ()
    scope: str = "sentence"        # "sentence", "before" or "after" the cue, "around" it, or
    #                                "at" it (a longer phrase opening with the cue; `unless` only)
    within: int | None = None      # at most this many words from the cue (on the scope's side)


@dataclass(frozen=True)
class Also:
    fact: str
    value: str
    targets: tuple[str, ...]


@dataclass(frozen=True)
class ActKind:
    id: str
    fact: str
    value: str | None
    family: str
    cues: tuple[str, ...]
    strong: tuple[str, ...]
    needs: tuple[str, ...]
    target: str                    # "required" or "none"
    targets: tuple[str, ...]       # categories that qualify; empty: any target category
    direction: str                 # "any", "after" or "before"
    also: tuple[Also, ...]
    sentiment: float | None = None  # also every word VADER rates at or below this (sentiment.py)
    reach: int | None = None        # the target must be named within this many words, same clause
    unless: tuple[str, ...] = ()    # marker groups that cancel the act earlier in its clause
    gap: int | None = None          # cues written "a ... b" let this many words stand at "..."
    # (doer group or None, over group, within): what the act is done to, and by whom, in either
    # voice (role_frames._roles_met)
    roles: tuple[str | None, str, int] | None = None
    # words of the WordNet senses the kind names (wordnet_build.py), less its own cues and its
    # `exclude`: matched like its cues, never as strong ones
    wordnet: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    markers: dict[str, MarkerGroup]
    acts: tuple[ActKind, ...]
    suggestions: dict[str, dict[str, str]]
    digest: str                    # sha256 of every file: the pipeline cache key


class _Malformed(InputError):
    code = "LC330"


def lexicon_dir() -> Path:
    return settings.rules_dir() / "lexicons"


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Read and check every lexicon file in ``folder``; all problems are raised together."""
    folder = lexicon_dir() if folder is None else folder
    problems: list[Problem] = []
    if not folder.is_dir():
        raise RulesError([Problem("LC336", Where(str(folder)), "the lexicon folder is missing",
                                  fix="restore rules/lexicons or point LAWCHECK_RULES at a rule "
                                      "base that has one")])
    digest = hashlib.sha256()
    docs: dict[str, object] = {}
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        try:
            docs[path.name] = yamlio.load(path, _Malformed)
        except _Malformed as exc:
            problems.append(Problem("LC330", exc.where or Where(str(path)), exc.what,
                                    fix=exc.fix))
    for name in SPECIAL_FILES:
        if name not in docs and not any(p.where.file == str(folder / name) for p in problems):
            problems.append(Problem("LC336", Where(str(folder / name)), f"{name} is missing",
                                    fix="restore the file from the shipped rule base"))
    expansion = wordnet_file(folder, digest, problems)
    entries = _entries(docs, folder, problems, expansion)
    markers = _markers(docs.get("speech-acts.yaml"), folder / "speech-acts.yaml", problems)
    acts = _acts(docs.get("speech-acts.yaml"), folder / "speech-acts.yaml", markers, problems,
                 expansion)
    suggestions = _suggestions(docs.get("suggestions.yaml"), folder / "suggestions.yaml", acts,
                               problems)
    if problems:
        raise RulesError(problems)
    return Lexicon(tuple(entries), markers, tuple(acts), suggestions, digest.hexdigest())


def _where(node, key: str | None, path: Path) -> Where:
    if isinstance(node, yamlio.LineDict):
        return node.where(key)
    return Where(str(path))


def _unknown_keys(node: dict, allowed: set[str], path: Path, problems: list[Problem]) -> None:
    for key in node:
        if key not in allowed:
            problems.append(Problem("LC331", _where(node, key, path), f"unknown key {key!r}"
                                    + yamlio.did_you_mean(str(key), allowed),
                                    fix=f"use only: {', '.join(sorted(allowed))}"))


def _phrase_list(node: dict, key: str, path: Path, problems: list[Problem]) -> tuple[str, ...]:
    value = node.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(Problem("LC330", _where(node, key, path),
                                f"{key!r} must be a list of words or phrases",
                                fix="write it as [phrase, phrase, ...]; quote a phrase that "
                                    "YAML would read as a number or true/false"))
        return ()
    return tuple(_norm(v) for v in value)


def _entries(docs: dict, folder: Path, problems: list[Problem],
             expansion: dict | bool | None = None) -> list[Entry]:
    entries: list[Entry] = []
    with_senses: list[tuple[int, dict]] = []   # (index in entries, node) naming WordNet senses
    ids: dict[str, Where] = {}
    names: dict[str, str] = {}
    for file, doc in docs.items():
        if file in SPECIAL_FILES:
            continue
        path = folder / file
        if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
            problems.append(Problem("LC330", _where(doc, None, path),
                                    "a lexicon file must hold an 'entries:' list",
                                    fix="start the file with 'entries:' and list one mapping "
                                        "(id, category, names) per entry"))
            continue
        _unknown_keys(doc, {"entries"}, path, problems)
        for node in doc["entries"]:
            if not isinstance(node, dict) or not isinstance(node.get("id"), str):
                problems.append(Problem("LC330", _where(node, None, path),
                                        "each entry must be a mapping with an 'id'",
                                        fix="write '- id: kind.slug' then category and names"))
                continue
            _unknown_keys(node, ENTRY_KEYS, path, problems)
            entry_id = node["id"]
            if entry_id in ids:
                problems.append(Problem("LC332", node.where("id"),
                                        f"entry id {entry_id!r} is already used at "
                                        f"{ids[entry_id]}", fix="give each entry its own id"))
            ids.setdefault(entry_id, node.where("id"))
            category = node.get("category")
            if category not in CATEGORIES:
                problems.append(Problem("LC333", node.where("category" if "category" in node
                                                            else None),
                                        f"entry {entry_id!r}: unknown category {category!r}"
                                        + yamlio.did_you_mean(str(category), CATEGORIES),
                                        fix=f"use one of: {', '.join(CATEGORIES)}"))
            entry_names = _phrase_list(node, "names", path, problems)
            if "names" not in node or not entry_names:
                problems.append(Problem("LC330", node.where("names" if "names" in node else None),
                                        f"entry {entry_id!r} has no names",
                                        fix="list the canonical name and its aliases under "
                                            "'names:'"))
            for name in entry_names:
                if names.get(name, entry_id) != entry_id:
                    problems.append(Problem("LC332", node.where("names"),
                                            f"name {name!r} of {entry_id!r} is already a name "
                                            f"of {names[name]!r}",
                                            fix="keep the name in one entry only"))
                names.setdefault(name, entry_id)
            dissolved = node.get("dissolved", False)
            if not isinstance(dissolved, bool):
                problems.append(Problem("LC330", node.where("dissolved"),
                                        "'dissolved' must be true or false",
                                        fix="write dissolved: true"))
            entries.append(Entry(entry_id, str(category), tuple(dict.fromkeys(entry_names)),
                                 dissolved is True))
            if "wordnet" in node:
                with_senses.append((len(entries) - 1, node))
    taken = set(names)   # a word is a name of one entry only: a written name wins
    for index, node in with_senses:
        words = wordnet_words(node, "entries", entries[index].id, taken, expansion, problems)
        taken |= set(words)
        entries[index] = dataclasses.replace(entries[index], wordnet=words)
    return entries


def _markers(doc, path: Path, problems: list[Problem]) -> dict[str, MarkerGroup]:
    if doc is None:
        return {}
    if not isinstance(doc, dict) or not isinstance(doc.get("markers"), dict) \
            or not isinstance(doc.get("acts"), list):
        problems.append(Problem("LC330", _where(doc, None, path),
                                "speech-acts.yaml must hold a 'markers:' mapping and an "
                                "'acts:' list", fix="see the comment at the top of the file"))
        return {}
    _unknown_keys(doc, {"markers", "acts"}, path, problems)
    groups: dict[str, MarkerGroup] = {}
    for name, node in doc["markers"].items():
        if not isinstance(node, dict):
            problems.append(Problem("LC330", doc["markers"].where(name),
                                    f"marker group {name!r} must be a mapping with 'phrases'",
                                    fix="write 'phrases: [..]' under the group"))
            continue
        _unknown_keys(node, MARKER_KEYS, path, problems)
        categories = tuple(node.get("categories", []) or ())
        for category in categories:
            if category not in CATEGORIES:
                problems.append(Problem("LC333", node.where("categories"),
                                        f"marker group {name!r}: unknown category {category!r}"
                                        + yamlio.did_you_mean(str(category), CATEGORIES),
                                        fix=f"use one of: {', '.join(CATEGORIES)}"))
        scope, within = node.get("scope", "sentence"), node.get("within")
        if scope not in SCOPES or not (within is None or (
                isinstance(within, int) and not isinstance(within, bool) and within > 0)):
            problems.append(Problem("LC334", node.where("scope" if "scope" in node else "within"),
                                    f"marker group {name!r}: scope must be sentence, before, "
                                    "after, around or at, "
                                    "within a positive number of words",
                                    fix="write scope: before, or within: 3"))
        groups[name] = MarkerGroup(_phrase_list(node, "phrases", path, problems), categories,
                                   scope if scope in SCOPES else "sentence",
                                   within if isinstance(within, int) else None)
    for name in BUILTIN_MARKERS:
        if name not in groups:
            problems.append(Problem("LC334", doc["markers"].where(), f"marker group {name!r} "
                                    "is missing; the analyser needs it",
                                    fix="restore the group from the shipped speech-acts.yaml"))
    return groups


def _acts(doc, path: Path, markers: dict, problems: list[Problem],
          expansion: dict | bool | None = None) -> list[ActKind]:
    if not isinstance(doc, dict) or not isinstance(doc.get("acts"), list):
        return []
    acts: list[ActKind] = []
    seen: set[str] = set()
    for node in doc["acts"]:
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            problems.append(Problem("LC330", _where(node, None, path),
                                    "each act must be a mapping with an 'id'",
                                    fix="write '- id: name' then fact, value and cues"))
            continue
        _unknown_keys(node, ACT_KEYS, path, problems)
        act_id = node["id"]
        if act_id in seen:
            problems.append(Problem("LC332", node.where("id"), f"act {act_id!r} is defined "
                                    "twice", fix="give each act kind its own id"))
        seen.add(act_id)
        fact, value = node.get("fact"), node.get("value")
        if fact not in FACT_VALUES:
            problems.append(Problem("LC334", node.where("fact" if "fact" in node else "id"),
                                    f"act {act_id!r}: unknown fact {fact!r}"
                                    + yamlio.did_you_mean(str(fact), FACT_VALUES),
                                    fix=f"use one of: {', '.join(FACT_VALUES)}"))
        elif FACT_VALUES[fact] is not None and value not in FACT_VALUES[fact]:
            problems.append(Problem("LC334", node.where("value" if "value" in node else "id"),
                                    f"act {act_id!r}: {fact} takes no value {value!r}",
                                    fix=f"use one of: {', '.join(FACT_VALUES[fact])}"))
        needs = tuple(node.get("needs", []) or ())
        for need in needs:
            if need != "imperative" and need not in markers:
                problems.append(Problem("LC334", node.where("needs"),
                                        f"act {act_id!r} needs unknown marker group {need!r}"
                                        + yamlio.did_you_mean(str(need), markers),
                                        fix="name a group under 'markers:' or 'imperative'"))
        targets = tuple(node.get("targets", []) or ())
        for category in targets:
            if category not in TARGETS:
                problems.append(Problem("LC333", node.where("targets"),
                                        f"act {act_id!r}: unknown target {category!r}"
                                        + yamlio.did_you_mean(str(category), TARGETS),
                                        fix=f"use one of: {', '.join(TARGETS)}"))
        cues = _phrase_list(node, "cues", path, problems)
        strong = _phrase_list(node, "strong", path, problems)
        also = []
        for item in node.get("also", []) or []:
            if not isinstance(item, dict) or item.get("fact") not in FACT_VALUES or (
                    FACT_VALUES[item["fact"]] is not None
                    and item.get("value") not in FACT_VALUES[item["fact"]]):
                problems.append(Problem("LC334", _where(item, None, path),
                                        f"act {act_id!r}: 'also' needs a known fact and value",
                                        fix="write {fact: statement.party_stance, value: attack,"
                                            " targets: [party]}"))
                continue
            _unknown_keys(item, ALSO_KEYS, path, problems)
            also.append(Also(item["fact"], item.get("value"), tuple(item.get("targets", []))))
        sentiment, reach = node.get("sentiment"), node.get("reach")
        if sentiment is not None and not (isinstance(sentiment, (int, float))
                                          and not isinstance(sentiment, bool)
                                          and -4 <= sentiment < 0):
            problems.append(Problem("LC334", node.where("sentiment"),
                                    f"act {act_id!r}: sentiment must be a number from -4 to "
                                    "below 0 (VADER's valence scale)",
                                    fix="write sentiment: -2.0, or leave it out"))
            sentiment = None
        if reach is not None and not (isinstance(reach, int) and not isinstance(reach, bool)
                                      and reach > 0):
            problems.append(Problem("LC334", node.where("reach"),
                                    f"act {act_id!r}: reach must be a positive number of words",
                                    fix="write reach: 6, or leave it out"))
            reach = None
        if not cues and not strong and sentiment is None:
            problems.append(Problem("LC330", node.where("id"), f"act {act_id!r} has no cues",
                                    fix="list its words under 'cues:' or 'strong:'"))
        if node.get("direction") not in (None, "after", "before"):
            problems.append(Problem("LC334", node.where("direction"),
                                    f"act {act_id!r}: direction must be 'after' or 'before', "
                                    f"not {node.get('direction')!r}",
                                    fix="write direction: after (the target follows the cue), "
                                        "direction: before (it is the subject before it), or "
                                        "leave it out"))
        for group in needs:
            if group in markers and markers[group].scope == "at":
                problems.append(Problem("LC334", node.where("needs"),
                                        f"act {act_id!r}: needs names marker group {group!r}, "
                                        "whose scope 'at' only cancels (a phrase that opens "
                                        "with the cue is never its own marker)",
                                        fix=f"name {group!r} under 'unless:', or give it "
                                            "another scope"))
        unless = tuple(node.get("unless", []) or ())
        for group in unless:
            if group not in markers:
                problems.append(Problem("LC334", node.where("unless"),
                                        f"act {act_id!r}: unless names unknown marker group "
                                        f"{group!r}" + yamlio.did_you_mean(str(group), markers),
                                        fix="name a group under 'markers:'"))
        gap = _gap(node, act_id, cues + strong, path, problems)
        roles = _roles(node, act_id, markers, path, problems)
        acts.append(ActKind(
            act_id, str(fact), value, str(node.get("family", fact)), cues, strong, needs,
            "required" if node.get("target") == "required" or fact in TARGETED else "none",
            targets, node.get("direction") if node.get("direction") in ("after", "before")
            else "any", tuple(also),
            float(sentiment) if sentiment is not None else None, reach,
            tuple(g for g in unless if g in markers), gap, roles,
            wordnet_words(node, "acts", act_id, set(cues + strong), expansion, problems)))
    return acts


def _gap(node, act_id: str, phrases, path: Path, problems: list[Problem]) -> int | None:
    """An act kind's ``gap`` and its gapped cues checked (LC339, gaps.py): a positive number of
    words up to gaps.MAX_GAP, set exactly when a cue is written with " ... ", and no empty part."""
    from lawcheck.speech.gaps import ALT, GAP, MAX_GAP, bad_alternatives, is_gapped, parts

    gap = node.get("gap")
    gapped = [p for p in phrases if is_gapped(p)]
    if gap is not None and not (isinstance(gap, int) and not isinstance(gap, bool)
                                and 1 <= gap <= MAX_GAP):
        problems.append(Problem("LC339", node.where("gap"),
                                f"act {act_id!r}: gap must be a number of words from 1 to "
                                f"{MAX_GAP}, not {gap!r}",
                                fix="write gap: 4, or leave it out"))
        return None
    if gapped and gap is None:
        problems.append(Problem("LC339", node.where("id"),
                                f"act {act_id!r}: the cue {gapped[0]!r} has {GAP!r} between "
                                "its parts, but the act sets no gap",
                                fix="add 'gap: 4' (at most that many words may stand at "
                                    f"{GAP!r}), or write the cue without {GAP!r}"))
        return None
    if gap is not None and not gapped:
        problems.append(Problem("LC339", node.where("gap"),
                                f"act {act_id!r}: gap is set but no cue has {GAP!r} between "
                                "its parts",
                                fix=f"write the gapped cues as 'meet us {GAP} in front of', "
                                    "or leave gap out"))
        return None
    for phrase in phrases:
        if ALT in phrase and not is_gapped(phrase):
            problems.append(Problem("LC339", node.where("cues" if "cues" in node else "strong"),
                                    f"act {act_id!r}: the cue {phrase!r} has {ALT!r} but no "
                                    f"{GAP!r}: one-word alternatives work in gapped cues only",
                                    fix=f"write it as separate cues, or as a gapped cue "
                                        f"('lower{ALT}drop {GAP} rifles{ALT}guns') with a gap"))
            return None
    for phrase in gapped:
        bad = bad_alternatives(phrase)
        if bad:
            problems.append(Problem("LC339", node.where("cues" if "cues" in node else "strong"),
                                    f"act {act_id!r}: in the gapped cue {phrase!r}, "
                                    f"{bad[0]!r} is not one plain word",
                                    fix=f"each alternative between {ALT!r} must be one word "
                                        "(letters, digits, inner hyphens); write longer or "
                                        "apostrophe forms as a cue of their own"))
            return None
        if any(not part for part in parts(phrase)):
            problems.append(Problem("LC339", node.where("cues" if "cues" in node else "strong"),
                                    f"act {act_id!r}: the gapped cue {phrase!r} has an empty "
                                    f"part (words are needed on both sides of {GAP!r})",
                                    fix=f"write it as 'meet us {GAP} in front of'"))
            return None
    return gap


def _roles(node, act_id: str, markers: dict, path: Path,
           problems: list[Problem]) -> tuple[str | None, str, int] | None:
    """An act's `roles`: {over: GROUP, doer: GROUP, within: N}, the marker group naming what
    the act is done to (required), the one naming who does it (optional), and how many words
    from the cue each may stand (default ROLE_WITHIN)."""
    roles = node.get("roles")
    if roles is None:
        return None
    fix = ("write roles: {over: GROUP, doer: GROUP, within: 6}, with groups named under "
           "'markers:' (doer and within may be left out)")
    if not isinstance(roles, dict):
        problems.append(Problem("LC334", node.where("roles"),
                                f"act {act_id!r}: roles must be a mapping", fix=fix))
        return None
    _unknown_keys(roles, ROLE_KEYS, path, problems)
    bad = [f"{key} {roles.get(key)!r}" for key in ("over", "doer")
           if (key == "over" or roles.get(key) is not None) and roles.get(key) not in markers]
    within = roles.get("within", ROLE_WITHIN)
    if not (isinstance(within, int) and not isinstance(within, bool) and 0 < within <= 20):
        bad.append(f"within {within!r} (a number of words from 1 to 20)")
    if bad:
        problems.append(Problem("LC334", node.where("roles"),
                                f"act {act_id!r}: roles names " + ", ".join(bad)
                                + (" (not a marker group)" if any(
                                    not b.startswith("within") for b in bad) else ""),
                                fix=fix))
        return None
    return (roles.get("doer"), roles["over"], within)


def _suggestions(doc, path: Path, acts: list[ActKind],
                 problems: list[Problem]) -> dict[str, dict[str, str]]:
    if doc is None:
        return {}
    if not isinstance(doc, dict) or not all(
            isinstance(v, dict) and all(isinstance(t, str) for t in v.values())
            for v in doc.values()):
        problems.append(Problem("LC330", _where(doc, None, path),
                                "suggestions.yaml must map fact -> value -> text",
                                fix="see the comment at the top of the file"))
        return {}
    known = {f.removeprefix("statement.") for f in FACT_VALUES} | {"reported_accusation"}
    _unknown_keys(doc, known, path, problems)
    acts = [a for a in acts if a.fact in FACT_VALUES]  # an unknown fact is reported already
    needed = {(a.fact.removeprefix("statement."), a.value or "default") for a in acts}
    needed |= {(x.fact.removeprefix("statement."), x.value or "default") for a in acts
               for x in a.also}
    needed |= {("accuses", "default"), ("insults", "default"), ("reported_accusation", "default")}
    for fact, value in sorted(needed):
        if fact in TARGETED_SHORT:
            value = "default"
        if value not in doc.get(fact, {}):
            problems.append(Problem("LC334", _where(doc, fact if fact in doc else None, path),
                                    f"no safer wording for {fact} {value!r}",
                                    fix=f"add '{value}: text' under '{fact}:'"))
    return {fact: dict(values) for fact, values in doc.items()}


TARGETED_SHORT = {f.removeprefix("statement.") for f in TARGETED} | {"reported_accusation"}
