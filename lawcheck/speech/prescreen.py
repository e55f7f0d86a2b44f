"""Cue hits that cannot become an act, set aside before their sentences are read (issue 13,
speed).

Most statements of a batch hold a cue word that makes no act: "clean water" holds the cue of
scare quotes, "we thank the department for its support" that of an endorsement. ``_acts`` in
acts.py reads each such hit in its sentence (bounds, names, markers) and then drops it. This
module drops, beforehand and at the cost of a set lookup, the hits that two of its checks must
drop whatever the sentence says:

- a hit that is not strong and whose kind ``needs`` marker groups of which no phrase has all
  its words in the statement (a group's phrases are matched word by word, so a phrase one of
  whose words is absent cannot be found in any sentence, nor in the sentence before), no
  lexicon entity or name of the group's categories can stand in the statement, and, for
  ``imperative``, the cue cannot open its sentence or clause;
- a hit whose kind requires a target after the cue (``target: required``, ``direction:
  after``, no ``reach``) when the statement names nothing of the kind's target categories:
  neither a lexicon entity nor a name ``targets.name_hits`` or ``described_names`` could find.
- a hit whose kind names ``roles`` (role_frames.py) when the statement cannot hold its
  ``over`` group, or its ``doer`` group when it names one, by the same test as for ``needs``
  (strong cues too: roles are read whatever the cue).

Every test here is a necessary condition of the check in acts.py (or clause_frames._needs_met)
it stands for, so a hit it drops is one ``_acts`` would drop, with nothing changed on the way
(sentences are only cached): the acts are the same. ``tests/test_prescreen.py`` runs the analyser with and without
it over the benchmark statements and the real, development and training sets and compares
every act. When one of those checks changes, this module must follow.
"""

from __future__ import annotations

from lawcheck.speech.clause_frames import CALLS, OPENERS
from lawcheck.speech.context import END

# what targets.name_hits and described_names can name without the lexicon: a company, a
# person, a party (only before the word "Party"), a leader or an office holder (after a rank)
_NAMED_WITHOUT_LEXICON = {"company", "person"}
_RANKED = {"politician", "official"}
# the lexicon categories of those names (targets.py: _COMPANY, _PERSON, _PARTY, _LEADER,
# _OFFICIAL): a marker group of one of these categories may be met by a name in any sentence
_NAME_CATEGORIES = frozenset({"company", "person", "party", "politician", "official"})
INSULTS = "statement.insults"
ENABLED = True  # tests turn it off to compare with the full reading

_GROUPS: dict[int, tuple] = {}
_LOWER = None  # spacy.attrs.LOWER, set at the first statement (spaCy is imported late)


def _groups(pipeline) -> dict[str, tuple[frozenset, frozenset]]:
    """For each marker group: the hashes of its phrases' first words (what Sentence.find
    looks up), its lexicon categories and, per first word, the other words of its phrases;
    made once per pipeline."""
    cached = _GROUPS.get(id(pipeline))
    if cached is None or cached[0] is not pipeline:
        strings = pipeline.nlp.vocab.strings
        groups = {name: (frozenset(strings.add(word) for word in pipeline.markers.get(name, ())),
                         frozenset(group.categories or ()),
                         _rests(pipeline.markers.get(name, {}), strings))
                  for name, group in pipeline.lexicon.markers.items()}
        from lawcheck.speech.targets import _name_words

        ranks = tuple(_name_words(pipeline.markers)[2])
        cached = (pipeline, groups, ranks)
        _GROUPS[id(pipeline)] = cached
    return cached[1], cached[2]


def _rests(by_first: dict, strings) -> dict[int, tuple[frozenset, ...]]:
    """For each first word's hash: the hashes of the other words of each phrase it opens.
    Sentence.find matches a phrase on consecutive words, so every word of it is one of the
    statement's words: "in custody" cannot be found in a statement without "custody", however
    many times it says "in"."""
    return {strings.add(first): tuple(frozenset(strings.add(w) for w in phrase[1:])
                                      for phrase in phrases)
            for first, phrases in by_first.items()}


def possible(pipeline, doc, text: str, hits, usable) -> list:
    """``usable`` (acts._usable's hits) less those that cannot make an act."""
    if not ENABLED or "Σ" in text:  # final sigma: a lower-cased word may differ from the text's
        return usable
    return list(_kept(pipeline, doc, text, hits, usable))


def any_possible(pipeline, doc, text: str, hits, usable) -> bool:
    """True when :func:`possible` would keep any of ``usable``: each hit is judged alone, so
    when none of a list's hits can make an act, none of any part of it can (acts._usable asks
    before it groups its hits by family; issue 13, speed)."""
    if not ENABLED or "Σ" in text:
        return bool(usable)
    for _ in _kept(pipeline, doc, text, hits, usable):
        return True
    return False


def _kept(pipeline, doc, text: str, hits, usable):
    """The hits of ``usable`` that may make an act, in order (a generator: any_possible stops
    at the first)."""
    global _LOWER
    if _LOWER is None:  # spaCy's attribute id, imported once (not a statement per call)
        from spacy.attrs import LOWER as _LOWER
    groups, ranks = _groups(pipeline)
    lows = None
    lowered = None
    categories = {h.entry.category for h in hits}
    targets = {h.target for h in hits}
    for hit in usable:
        start, _, (kind, strong) = hit
        if not strong and kind.needs:
            if lows is None:
                lows = set(doc.to_array([_LOWER]).tolist())
            if not any(_need_possible(need, groups, lows, categories, doc, start, kind)
                       for need in kind.needs):
                continue
        if kind.roles is not None:  # role_frames._roles_met finds the `over` group (and the
            # `doer` one, when named) in the sentence, strong cue or not
            doer, over, _ = kind.roles
            if lows is None:
                lows = set(doc.to_array([_LOWER]).tolist())
            if not all(_need_possible(group, groups, lows, categories, doc, start, kind)
                       for group in (over, doer) if group):
                continue
        if kind.reach is None and kind.target == "required" and kind.direction == "after" \
                and kind.fact != INSULTS and kind.targets:
            if lowered is None:
                lowered = text.lower()
            if not _target_possible(kind.targets, targets, text, lowered, ranks):
                continue
        yield hit


def _need_possible(need: str, groups, lows, categories, doc, start: int, kind) -> bool:
    if need == "imperative":
        return kind.fact == CALLS or _may_open(doc, start)
    if need not in groups:
        return True  # a group the lexicon does not define: let acts.py decide
    words, cats, rests = groups[need]
    for first in words.intersection(lows):
        if any(rest <= lows for rest in rests[first]):
            return True
    return not cats.isdisjoint(categories) or not cats.isdisjoint(_NAME_CATEGORIES)


def _may_open(doc, start: int) -> bool:
    """False only when the cue can neither be its sentence's first word (Sentence.first_word
    skips words without a letter and "please") nor follow a clause opener."""
    if start > 0 and doc[start - 1].text in OPENERS:
        return True
    k = start - 1
    while k >= 0:
        word = doc[k].text
        if word in END or word.isspace():
            return True  # the sentence may start right after it
        if any(c.isalpha() for c in word) and word.lower() != "please":
            return False
        k -= 1
    return True


def _target_possible(allowed, targets, text: str, lowered: str, ranks) -> bool:
    if not targets.isdisjoint(allowed) or not _NAMED_WITHOUT_LEXICON.isdisjoint(allowed):
        return True
    if "party" in allowed and "Party" in text:
        return True
    return not _RANKED.isdisjoint(allowed) and any(rank in lowered for rank in ranks)
