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

Gapped cues are matched by GapMatcher (a PhraseMatcher over one rare part of each, its anchor,
then the other parts read around each anchor hit), apart from the PhraseMatcher of the plain
cues (pipeline.py), and come out as the same (start, end, (act kind, strong)) hits
(acts.analyse_doc): the hit spans the cue's first word to its last, gap included, and
everything after (markers, modes, targets) reads it as it reads a plain cue.
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

# GapMatcher finds each gapped cue from one rare part of it, its anchor, and reads the other parts
# around each anchor hit (issue 13, speed); tests turn it off to compare with the plain way: every
# part of every cue in the PhraseMatcher, and every cue that was hit chained from its parts' hits
ANCHORS = True
# how common each word is in the statements lawcheck reviews (benchmarks/gap_anchor_words.py):
# a part made of common words is a poor anchor
COMMON_WORDS = "common-words.json"


class GapMatcher:
    """Every gapped cue of a lexicon. The PhraseMatcher holds each cue's anchor, the part whose
    rarest word is rarest in the statements lawcheck reviews (see :func:`anchor`); from each
    anchor hit the parts before it and after it are read word by word (token.lower_ against
    each slot's words), in the window the cue's gap allows. The matches are those of the plain
    way (ANCHORS off), which puts every part in the PhraseMatcher and chains the parts' hits,
    in the same order: a word class ("will|must", "street|square") hits almost every
    statement, an anchor few (426,507 part hits against 7,795 anchor hits on the benchmark's
    20,000 statements)."""

    def __init__(self, nlp, cues: list) -> None:
        # cues: (compiled pattern, gap, (act kind, strong))
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.patterns = [compiled for compiled, _, _ in cues]
        self.cues = [(len(compiled), gap, value) for compiled, gap, value in cues]
        self.breaks = frozenset(GAP_BREAKS)
        self._matcher = None      # every part's matcher (the plain way), built when first asked
        self.anchors = PhraseMatcher(nlp.vocab, attr="LOWER")
        # anchor key -> (cue, anchor part, words before the anchor when no gap is used)
        self.by_anchor: dict[int, list[tuple[int, int, int]]] = {}
        keys: dict[tuple, int] = {}
        common = common_words()
        for c, compiled in enumerate(self.patterns):
            a = anchor(compiled, common)
            key = self._key(self.anchors, keys, compiled[a], "gap-anchor")
            before = sum(len(part) for part in compiled[:a])
            self.by_anchor.setdefault(key, []).append((c, a, before))

    def _key(self, matcher, keys: dict, part, prefix: str) -> int:
        """The match key of ``part`` (one per distinct part), added to ``matcher`` when new."""
        from itertools import product

        from spacy.tokens import Doc

        words = tuple(tuple(sorted(slot)) for slot in part)
        if words not in keys:
            key = f"{prefix}|{len(keys)}"
            matcher.add(key, [Doc(self.nlp.vocab, words=list(p)) for p in product(*words)])
            keys[words] = self.nlp.vocab.strings[key]
        return keys[words]

    @property
    def matcher(self):
        """The PhraseMatcher of every part of every cue (the plain way), with ``part_of``:
        match key -> [(cue, part)]."""
        if self._matcher is None:
            from spacy.matcher import PhraseMatcher

            matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            part_of: dict[int, list[tuple[int, int]]] = {}
            keys: dict[tuple, int] = {}
            for c, compiled in enumerate(self.patterns):
                for n, part in enumerate(compiled):
                    key = self._key(matcher, keys, part, "gap-part")
                    part_of.setdefault(key, []).append((c, n))
            self.part_of = part_of
            self._matcher = matcher
        return self._matcher

    def __call__(self, doc) -> list:
        return self._anchored(doc) if ANCHORS else self._chained(doc)

    def _anchored(self, doc) -> list:
        hits = self.anchors(doc)
        if not hits:
            return []
        starts: dict[int, set[int]] = {}  # cue -> the words its first part may start at
        for key, start, _ in hits:
            for c, a, before in self.by_anchor[key]:
                gap = self.cues[c][1]
                # the first part starts where the parts before the anchor fit, each gap 0..gap
                first = start - before
                starts.setdefault(c, set()).update(
                    range(max(first - a * gap, 0), first + 1))
        found: dict[int, list] = {}
        ordinary = _Ordinary(doc, self.breaks)
        for c, candidates in starts.items():
            compiled = self.patterns[c]
            count, gap, value = self.cues[c]
            first = compiled[0]
            for start in sorted(candidates):
                # the first word read before the call: most candidate places fail on it
                if doc[start].lower_ in first[0] and _at(doc, first, start):
                    last = _run(doc, compiled, 1, start + len(first), gap, ordinary)
                    if last is not None:
                        found.setdefault(c, []).append((start, last, value))
        if len(found) > 1:  # the plain way's order: cues as their parts are first hit
            order = self._first_hit(doc)
            return [hit for c in sorted(found, key=order.__getitem__) for hit in found[c]]
        return next(iter(found.values()), [])

    def _first_hit(self, doc) -> dict[int, int]:
        """Each cue any part of which is in ``doc``, numbered in the order the plain way meets
        them."""
        order: dict[int, int] = {}
        for key, _, _ in self.matcher(doc):
            for c, _ in self.part_of[key]:
                order.setdefault(c, len(order))
        return order

    def _chained(self, doc) -> list:
        """The plain way: every part hit, then each cue hit chained from its first part."""
        hits = self.matcher(doc)
        if not hits:
            return []
        # cue -> part -> [(start, end)] where the part stands
        where: dict[int, dict[int, list[tuple[int, int]]]] = {}
        for key, start, end in hits:
            for c, n in self.part_of[key]:
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


def common_words() -> dict[str, float]:
    """word -> the share of reviewed statements holding it (words under 1 % left out), from
    the shipped list; empty when it is missing (every word then counts as rare)."""
    import json
    from importlib.resources import files

    try:
        data = files("lawcheck.speech") / "data" / COMMON_WORDS
        return json.loads(data.read_text(encoding="utf-8"))["words"]
    except (FileNotFoundError, OSError, ValueError, KeyError):
        return {}


def anchor(compiled, common: dict[str, float]) -> int:
    """The index of the part a gapped cue is found from: the part whose rarest slot is rarest
    (a slot's commonness is the sum of its words' shares: "will|must" is as common as "will"
    and "must" together), then the longest, then the first. "come ... to the" is found from
    "come", "will|must ... be punished" from "be punished"."""
    def commonness(n: int):
        part = compiled[n]
        return (min(sum(common.get(w, 0.0) for w in slot) for slot in part), -len(part), n)
    return min(range(len(compiled)), key=commonness)


def _at(doc, part, start: int) -> bool:
    """Whether the words of ``part`` stand in ``doc`` from ``start``."""
    if start < 0 or start + len(part) > len(doc):
        return False
    return all(doc[start + j].lower_ in slot for j, slot in enumerate(part))


def _run(doc, compiled, n: int, end: int, gap: int, ordinary) -> int | None:
    """What :func:`_chain` gives, read from the words: the end of the shortest run of parts
    ``n``.. after a part ending at ``end``, each part at most ``gap`` ordinary words after the
    one before (the nearest place first, as _chain tries the parts' hits in order)."""
    if n == len(compiled):
        return end
    part = compiled[n]
    for start in range(end, min(end + gap, len(doc) - len(part)) + 1):
        if start > end and not ordinary(start - 1):
            return None  # a gap word may not be punctuation or a break: no later place either
        if doc[start].lower_ in part[0] and _at(doc, part, start):
            last = _run(doc, compiled, n + 1, start + len(part), gap, ordinary)
            if last is not None:
                return last
    return None


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
