"""What frame a claim of foreign control or of lost territory stands in, for
lawcheck.speech.acts: whether a foreign state owns the servant word ("puppet of Vietnam"),
whether a territory cue's object is land of the nation ("gave Koh Tral to"), and whether land
was lost to a company rather than to a neighbour ("lost their farmland to a sugar concession").

Each function answers one question about one sentence of a tokenised statement. Split from
clause_frames.py (past STYLE's split-before-600); private to the analyser, like it.
"""

from __future__ import annotations

from lawcheck.speech.clause_roles import OBJECT_ENDS
from lawcheck.speech.context import Sentence

OWNER_LINKS = ("of", "to", "for")
# what may follow a state named as a master: "puppet of Vietnam and China", "of the yuon who";
# another word means the name qualifies it ("a puppet of Vietnamese companies")
OWNER_ENDS = {"and", "or", "for", "in", "since", "who", "which", "that", "is", "was", "are",
              "were", "to", "from", "at", "on", "with", "'s", "’s", "ever", "again"}


def _foreign_owned(sentence: Sentence, start: int, end: int) -> bool:
    """True when a `foreign-owner` phrase owns the servant word at start..end: it ends right
    before it, or before its "'s" ("Vietnamese puppet", "Hanoi's lackeys"), or, past "of",
    "to" or "for" and "the"/"a", starts right after it and no word of another noun follows
    ("puppet of Vietnam", "slaves to the yuon", not "puppet of Vietnamese companies")."""
    lowers, base = sentence.lowers, sentence.start
    spans = sentence.find("foreign-owner")
    if lowers[end - 1 - base] not in OWNER_LINKS:
        before = start - 1 if start > sentence.start and lowers[start - 1 - base] in (
            "'s", "’s") else start
        if any(e == before for _, e in spans):
            return True
    k = end
    if k < sentence.end and lowers[k - base] in OWNER_LINKS:
        k += 1
    while k < sentence.end and lowers[k - base] in ("the", "a", "an"):
        k += 1
    for s, e in spans:
        if s == k and (e >= sentence.end or not sentence.doc[e].is_alpha
                       or lowers[e - base] in OWNER_ENDS):
            return True
    return False


def _names_land(sentence: Sentence, start: int, end: int) -> bool:
    """True when the object after a territory cue, up to a preposition other than "of" ("four
    of our temples") and at most six words, ends a phrase on a word of the territory groups
    ("gave Koh Tral to", "our temples and", not "the border survey report to"), and no company
    or investor takes it just before the cue ("Vietnamese investors occupied our land" is a
    land dispute)."""
    lowers, base = sentence.lowers, sentence.start
    if any(start - 5 <= s < start for s, _ in sentence.find("land-taker")):
        return False
    stop = end
    while stop < min(sentence.end, end + 6) and (
            lowers[stop - base] not in OBJECT_ENDS or lowers[stop - base] == "of"):
        stop += 1
    spans = sentence.find("territory-context") + sentence.find("territory-object")
    return any(end <= s < stop and (e >= sentence.end or e == stop or lowers[e - base] in
                                    (",", "and", "or", ".", ";") or not lowers[e - base].isalpha())
               for s, e in spans)


def _lost_to_no_neighbour(sentence: Sentence, end: int) -> bool:
    """True when the territory cue's recipient, "to" within six words after it and a
    `land-taker` within three words after "to", is a company, a project or nature, and no
    neighbouring state or people is named up to it: "lost their farmland to a sugar concession"."""
    if "land-taker" not in sentence.pipeline.markers:
        return False
    lowers, base = sentence.lowers, sentence.start
    stop = min(sentence.end, end + 6)
    to = next((k for k in range(end, stop) if lowers[k - base] == "to"), None)
    if to is None:
        return False
    if any(end <= h.start < to + 4 and h.entry.category == "neighbouring-state"
           for h in sentence.entities):
        return False
    foreign = [s for group in ("foreign-power", "ethnic") if group in sentence.pipeline.markers
               for s, _ in sentence.find(group)]
    if any(end <= s < to + 4 for s in foreign):
        return False  # "sold the islands to a Vietnamese company": a neighbour's all the same
    return any(to < s <= to + 3 for s, _ in sentence.find("land-taker"))
