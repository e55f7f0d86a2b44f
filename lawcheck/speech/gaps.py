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

Gapped cues are matched by GapMatcher (plain Python over the words), apart from the
PhraseMatcher of the plain cues (pipeline.py), and come out as the same (start, end, (act kind, strong)) hits (acts.analyse_doc):
the hit spans the cue's first word to its last, gap included, and everything after (markers,
modes, targets) reads it as it reads a plain cue.
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


class GapMatcher:
    """Every gapped cue of a lexicon, indexed by the words its first slot takes. Matching reads
    a statement's lower-case word ids once (one array from spaCy) and tries only the cues whose
    first word is there: for most statements a set lookup per word (a spaCy token Matcher with
    wildcard gaps tried every pattern at every word, and tripled the analyser's time)."""

    def __init__(self, cues: list, strings) -> None:
        # cues: (compiled pattern, gap, (act kind, strong)); words are kept as spaCy's ids
        self.by_first: dict[int, list] = {}
        for compiled, gap, value in cues:
            ids = tuple(tuple(frozenset(strings.add(w) for w in slot) for slot in part)
                        for part in compiled)
            last = ids[-1][0]  # the words the last part opens with: absent, no match
            for word in ids[0][0]:
                self.by_first.setdefault(word, []).append((ids, last, gap, value))
        self.breaks = frozenset(strings.add(w) for w in GAP_BREAKS)
        self.anchor = None

    def anchored(self, nlp, cues: list) -> "GapMatcher":
        """Sets a PhraseMatcher over one part of each cue, its least common (``_anchor``):
        a statement without any of them cannot hold a gapped cue, and is passed over at the
        PhraseMatcher's speed."""
        from itertools import product

        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        phrases = set()
        for compiled, _, _ in cues:
            phrases.update(product(*_anchor(compiled)))
        self.anchor = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.anchor.add("gap-anchor", [Doc(nlp.vocab, words=list(p)) for p in sorted(phrases)])
        return self

    def __call__(self, doc) -> list:
        from spacy.attrs import IS_PUNCT, LOWER

        if self.anchor is not None and not self.anchor(doc):
            return []  # no cue's anchor part in the statement (most statements): no match
        rows = doc.to_array([LOWER, IS_PUNCT]).tolist()
        by_first = self.by_first
        starts = [(i, by_first[row[0]]) for i, row in enumerate(rows) if row[0] in by_first]
        if not starts:
            return []
        lowers = [row[0] for row in rows]
        present = set(lowers)
        breaks = self.breaks
        ordinary = [not row[1] and row[0] not in breaks for row in rows]
        found = []
        for i, candidates in starts:
            for compiled, last, gap, value in candidates:
                if last.isdisjoint(present):
                    continue
                end = _match(compiled, 0, i, gap, lowers, ordinary)
                if end is not None:
                    found.append((i, end, value))
        return found


def _anchor(compiled):
    """The part of a compiled cue with the most words that are no English stop word (spaCy's
    list), the longest on a tie: "voter list" in "do not ... name ... voter list", "rifles|guns"
    in "lower|drop ... rifles|guns"; every part must be there, so any one will do."""
    from spacy.lang.en.stop_words import STOP_WORDS

    def rare(part):
        return (sum(not (slot & STOP_WORDS) for slot in part), len(part))

    return [sorted(slot) for slot in max(compiled, key=rare)]


def _run(slots, k: int, lowers) -> int | None:
    """The end of the run of ``slots`` when it stands at word ``k``, else None."""
    if k + len(slots) > len(lowers):
        return None
    for n, slot in enumerate(slots):
        if lowers[k + n] not in slot:
            return None
    return k + len(slots)


def _match(compiled, part: int, k: int, gap: int, lowers, ordinary) -> int | None:
    """The end of the shortest match of parts ``part``.. of a gapped cue from word ``k``: each
    part right where it stands, the next one after at most ``gap`` ordinary words."""
    end = _run(compiled[part], k, lowers)
    if end is None:
        return None
    if part + 1 == len(compiled):
        return end
    for skip in range(gap + 1):
        at = end + skip
        if at >= len(lowers):
            return None
        if skip and not ordinary[at - 1]:
            return None  # the gap holds punctuation or a clause break
        done = _match(compiled, part + 1, at, gap, lowers, ordinary)
        if done is not None:
            return done
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
    return GapMatcher(cues, nlp.vocab.strings).anchored(nlp, cues) if cues else None


def gapped_hits(pipeline, doc) -> list:
    """The gapped cues in ``doc`` as (start, end, (act kind, strong)): for each cue and each
    word it may start at, its shortest match."""
    matcher = pipeline.gap_matcher
    return matcher(doc) if matcher is not None else []
