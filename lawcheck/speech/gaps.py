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

Gapped cues are matched by a spaCy token Matcher, apart from the PhraseMatcher of the plain cues
(pipeline.py), and come out as the same (start, end, (act kind, strong)) hits (acts.analyse_doc):
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


def pattern(tokenizer, phrase: str, gap: int) -> list[dict]:
    """The spaCy Matcher pattern of a gapped cue: its parts' words in lower case, and between
    two parts up to ``gap`` ordinary words. A word written "a|b|c" is any one of them: a class
    of verbs or of objects ("lower|drop ... rifles|guns|weapons")."""
    out: list[dict] = []
    for k, part in enumerate(parts(phrase)):
        if k:
            out.append({"IS_PUNCT": False, "LOWER": {"NOT_IN": GAP_BREAKS},
                        "OP": "{0,%d}" % gap})
        for word in part.split():
            if ALT in word:
                out.append({"LOWER": {"IN": [w.lower() for w in word.split(ALT)]}})
            else:
                out.extend({"LOWER": t.lower_} for t in tokenizer(word))
    return out


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


def build(nlp, acts) -> tuple[object | None, dict]:
    """A Matcher over every gapped cue of ``acts`` (None when there is none), and its match key
    -> (act kind, strong)."""
    from spacy.matcher import Matcher

    matcher, keys = None, {}
    strings = nlp.vocab.strings
    for act in acts:
        if not act.gap:
            continue
        for strong, phrases in ((False, act.cues), (True, act.strong)):
            gapped = [p for p in phrases if is_gapped(p)]
            if not gapped:
                continue
            if matcher is None:
                matcher = Matcher(nlp.vocab)
            key = f"gap|{'strong' if strong else 'cue'}|{act.id}"
            matcher.add(key, [pattern(nlp.tokenizer, p, act.gap) for p in gapped])
            keys[strings[key]] = (act, strong)
    return matcher, keys


def gapped_hits(pipeline, doc) -> list:
    """The gapped cues in ``doc`` as (start, end, (act kind, strong)), the shortest match of
    each cue from each start (the Matcher also returns the longer ones a gap allows)."""
    matcher = pipeline.gap_matcher
    if matcher is None:
        return []
    found: dict[tuple[int, int], int] = {}
    for key, start, end in matcher(doc):
        if (key, start) not in found or end < found[(key, start)]:
            found[(key, start)] = end
    keys = pipeline.gap_keys
    return [(start, end, keys[key]) for (key, start), end in sorted(
        found.items(), key=lambda item: (item[0][1], item[1]))]
