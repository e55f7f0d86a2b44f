"""Gapped cues: a cue whose parts may stand apart, with a few ordinary words between them.

A call keeps its force when a time, a place or a manner is put inside it: "meet us in front
of" is a cue, and so is "Meet us on Sunday morning in front of the National Assembly"; "refuse
to beat" is "refuse ever again to beat". A phrase list matches words side by side only, so an
act kind that sets ``gap: N`` in rules/lexicons/speech-acts.yaml may write cues with " ... "
between their parts: each " ... " lets at most N words stand there. A word of a gapped cue may
be written "a|b|c", any one of those words: a class of verbs or objects ("lower|drop ...
rifles|guns"). The words in a gap must be ordinary ones: no punctuation and none of
GAP_BREAKS, so a gap never runs across a clause ("meet us, but not in front of …") or takes in
a negation.

Gapped cues are matched by GapMatcher (a PhraseMatcher over their parts, then the parts chained
in Python), apart from the PhraseMatcher of the plain cues (pipeline.py), and come out as the
same (start, end, (act kind, strong)) hits (acts.analyse_doc): the hit spans the cue's first
word to its last, gap included, and everything after (markers, modes, targets) reads it as it
reads a plain cue.
"""

from __future__ import annotations

import re

GAP = "..."       # what separates the parts of a gapped cue in the YAML
ALT = "|"         # what separates the one-word alternatives of a word in a gapped cue
MAX_GAP = 6       # the largest gap an act kind may set (lexicon.py checks it: LC339)
# words that end a clause or turn its sense: a gap may not hold them
GAP_BREAKS = ["but", "because", "when", "while", "if", "unless", "who", "which", "that",
              "so", "until", "then", "not", "never", "no", "n't", "nor", "or", "without",
              "instead", "rather", "except"]


def is_gapped(phrase: str) -> bool:
    return GAP in phrase


def parts(phrase: str) -> list[str]:
    """The parts of a gapped cue, trimmed: "meet us ... in front of" -> "meet us", "in front
    of"."""
    return [p.strip() for p in phrase.split(GAP)]


def pattern(tokenizer, phrase: str) -> tuple[tuple[frozenset[str], ...], ...]:
    """A gapped cue compiled: its parts, each a run of word slots, each slot the set of lower-case
    words it takes (one word, or the alternatives of "a|b|c")."""
    out = []
    for part in parts(phrase):
        slots: list[frozenset[str]] = []
        for word in part.split():
            if ALT in word:
                slots.append(frozenset(w.lower() for w in word.split(ALT)))
            else:
                slots.extend(frozenset((t.lower_,)) for t in tokenizer(word))
        out.append(tuple(slots))
    return tuple(out)


def bad_alternatives(phrase: str) -> list[str]:
    """The alternatives of an "a|b" word that are empty or not one plain word (letters, digits,
    inner hyphens: "don't" would be two words to the tokenizer). lexicon.py reports them
    (LC339); this check needs no spaCy."""
    bad = []
    for word in phrase.split():
        if ALT in word:
            bad += [w or "(empty)" for w in word.split(ALT) if not _ONE_WORD.fullmatch(w)]
    return bad


_ONE_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

# GapMatcher chains only the cues all of whose parts the statement holds, found from one rare
# part of each (its anchor); tests turn it off to compare with chaining every cue that was hit
ANCHORS = True


class GapMatcher:
    """Every gapped cue of a lexicon, matched from the hits of its parts. One PhraseMatcher
    holds every part of every cue (each "a|b" word spelt out); a cue is tried only when all its
    parts are in the statement, and only from where its first part stands. The Python work is
    in proportion to those hits: most statements have none (a spaCy token Matcher with
    wildcard gaps tried every pattern at every word, and tripled the analyser's time)."""

    def __init__(self, nlp, cues: list) -> None:
        # cues: (compiled pattern, gap, (act kind, strong))
        from itertools import product

        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cues = []            # (number of parts, gap, value)
        self.part_of: dict[int, list[tuple[int, int]]] = {}  # match key -> (cue, part)
        keys: dict[tuple, int] = {}
        strings = nlp.vocab.strings
        for c, (compiled, gap, value) in enumerate(cues):
            self.cues.append((len(compiled), gap, value))
            for n, part in enumerate(compiled):
                words = tuple(tuple(sorted(slot)) for slot in part)
                if words not in keys:
                    key = f"gap-part|{len(keys)}"
                    self.matcher.add(key, [Doc(nlp.vocab, words=list(p))
                                           for p in product(*words)])
                    keys[words] = strings[key]
                self.part_of.setdefault(keys[words], []).append((c, n))
        self.breaks = frozenset(GAP_BREAKS)
        # each cue's part keys, and the cue filed under one of them, its anchor: the part the
        # fewest cues share (then the longest), so a statement's common parts ("to the") wake
        # no cue whose rarer part is absent
        self.part_keys = [frozenset() for _ in cues]
        for key, places in self.part_of.items():
            for c, _ in places:
                self.part_keys[c] |= {key}
        width = {key: sum(len(p) for p in words) for words, key in keys.items()}
        self.by_anchor: dict[int, list[int]] = {}
        for c, part_keys in enumerate(self.part_keys):
            anchor = min(part_keys, key=lambda k: (len(self.part_of[k]), -width[k], k))
            self.by_anchor.setdefault(anchor, []).append(c)

    def __call__(self, doc) -> list:
        hits = self.matcher(doc)
        if not hits:
            return []
        wanted = None
        if ANCHORS:  # the cues all of whose parts are in the statement (issue 13, speed)
            present = {key for key, _, _ in hits}
            wanted = {c for key in present for c in self.by_anchor.get(key, ())
                      if self.part_keys[c] <= present}
            if not wanted:
                return []
        # cue -> part -> [(start, end)] where the part stands
        where: dict[int, dict[int, list[tuple[int, int]]]] = {}
        for key, start, end in hits:
            for c, n in self.part_of[key]:
                if wanted is None or c in wanted:
                    where.setdefault(c, {}).setdefault(n, []).append((start, end))
        found = []
        ordinary = None
        for c, parts_at in where.items():
            count, gap, value = self.cues[c]
            if len(parts_at) < count:
                continue  # a part of the cue is not in the statement
            if ordinary is None:
                ordinary = _Ordinary(doc, self.breaks)
            for start, end in sorted(parts_at[0]):
                last = _chain(parts_at, 1, end, count, gap, ordinary)
                if last is not None:
                    found.append((start, last, value))
        return found


class _Ordinary:
    """Whether a word may stand in a gap (no punctuation, none of GAP_BREAKS), read lazily."""

    def __init__(self, doc, breaks) -> None:
        self.doc, self.breaks, self.seen = doc, breaks, {}

    def __call__(self, k: int) -> bool:
        if k not in self.seen:
            token = self.doc[k]
            self.seen[k] = not token.is_punct and token.lower_ not in self.breaks
        return self.seen[k]


def _chain(parts_at, n: int, end: int, count: int, gap: int, ordinary) -> int | None:
    """The end of the shortest run of parts ``n``.. of a cue after a part ending at ``end``:
    each part at most ``gap`` ordinary words after the one before."""
    if n == count:
        return end
    for start, stop in sorted(parts_at[n]):
        if start < end or start > end + gap:
            continue
        if all(ordinary(k) for k in range(end, start)):
            last = _chain(parts_at, n + 1, stop, count, gap, ordinary)
            if last is not None:
                return last
    return None


def build(nlp, acts) -> "GapMatcher | None":
    """The matcher of every gapped cue of ``acts``, or None when there is none."""
    cues = []
    for act in acts:
        if not act.gap:
            continue
        for strong, phrases in ((False, act.cues), (True, act.strong)):
            cues += [(pattern(nlp.tokenizer, p), act.gap, (act, strong))
                     for p in phrases if is_gapped(p)]
    return GapMatcher(nlp, cues) if cues else None


def gapped_hits(pipeline, doc) -> list:
    """The gapped cues in ``doc`` as (start, end, (act kind, strong)): for each cue and each
    word it may start at, its shortest match."""
    matcher = pipeline.gap_matcher
    return matcher(doc) if matcher is not None else []
