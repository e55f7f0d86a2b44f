"""Whom an act is aimed at: a lexicon entity in the same sentence, else "he"/"they" pointing back.

Without a parser, the subject is approximated: the nearest entity before the cue wins, unless it
sits in a relative clause that ends before the cue ("the company that the governor protects
stole the land": the governor is skipped, the company is the subject). Failing that, the
nearest entity after the cue ("the corrupt governor", "a puppet of the CPP").
"""

from __future__ import annotations

from dataclasses import dataclass

from lawcheck.speech.lexicon import CATEGORIES


@dataclass(frozen=True)
class Hit:
    """A lexicon entity found in the text: tokens start..end, characters chars."""

    start: int
    end: int
    chars: tuple[int, int]
    entry: object                     # lexicon Entry (or a stand-in for a model entity)

    @property
    def target(self) -> str | None:
        return CATEGORIES[self.entry.category][0]


@dataclass(frozen=True)
class Target:
    category: str
    words: str


def find_target(sentence, start: int, end: int, allowed: tuple[str, ...], direction: str,
                earlier: list[Hit]) -> Target | None:
    """The target of the cue at tokens start..end, or None when it is aimed at no one."""
    candidates = [h for h in sentence.entities
                  if h.target and (not allowed or h.target in allowed)
                  and (h.end <= start or h.start >= end)]
    after = [h for h in candidates if h.start >= end]
    if direction == "after":
        return _as_target(sentence, after[0]) if after else None
    before = [h for h in candidates if h.end <= start]
    links = sentence.pipeline.markers["link"]
    for hit in reversed(before):
        if not _in_relative_clause(sentence, hit, start, links):
            return _as_target(sentence, hit)
    if after:
        return _as_target(sentence, after[0])
    if before:
        return _as_target(sentence, before[-1])
    pronouns = sentence.find("pronoun")
    if not pronouns:
        return None
    s, e = pronouns[0]
    first, last = sentence.doc[s], sentence.doc[e - 1]
    words = sentence.source[first.idx:last.idx + len(last)]
    for hit in reversed(earlier):
        if hit.target and (not allowed or hit.target in allowed):
            return Target(hit.target, words)
    if not allowed or "person" in allowed:
        return Target("person", words)
    return None


def _as_target(sentence, hit: Hit) -> Target:
    return Target(hit.target, sentence.source[hit.chars[0]:hit.chars[1]])


def _in_relative_clause(sentence, hit: Hit, cue_start: int, links) -> bool:
    """True when a relative word comes shortly before ``hit`` and a verb of that clause comes
    between ``hit`` and the cue, so ``hit`` is not the cue's subject."""
    relative = any(hit.start - 3 <= e <= hit.start for _, e in sentence.find("relative"))
    if not relative:
        return False
    between = sentence.lowers[hit.end - sentence.start:cue_start - sentence.start]
    return any(word.isalpha() and (word,) not in links.get(word, ()) for word in between)
