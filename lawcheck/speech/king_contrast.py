"""The King insulted by contrast with his predecessor (issue 13, session 31): "Unlike his late
father, the present King has never once spoken for the farmers", "The old King stood with the
people; this one stays in the palace". No abusive word is said; the comparison says that the
King fails where his father did not (Criminal Code Art. 437 bis, as belittle-king).

The act kind king-contrast (rules/lexicons/speech-acts.yaml) puts its cue on the contrast:
"unlike" before the predecessor, or the word for the present King after him ("this one", "the
present King"). acts._acts keeps it only when _king_contrasted finds all three parts: a
predecessor (the King's father, King Father Norodom Sihanouk, "the late", "old" or "former"
King), a break between the two (the comma after "unlike …", or "; but whereas while" or a new
sentence), and a present King who fails the people: a negation with the people named ("has
never once spoken for the farmers") or idleness ("stays in the palace", "is silent"). A likeness
("Like his late father, the King has visited flood victims"), praise ("unlike his father, the
King never forgets the poor"), a neutral difference ("never married") and history about King
Father Norodom Sihanouk mock no one.
"""

from __future__ import annotations

from lawcheck.speech.context import Sentence

# words that make a phrase the King's predecessor: "his late father", "the old King"
FATHER_WORDS = {"father", "predecessor", "sihanouk", "forefathers", "ancestors"}
BEFORE_KING = {"late", "old", "former", "previous", "last", "earlier", "past"}
KING_WORDS = {"king", "monarch", "majesty", "throne"}
# the present King after the contrast: "the present King", "this one", "His Majesty"
PRESENT = {"king", "monarch", "majesty", "one", "son", "sihamoni", "palace"}
BREAKS = {";", "but", "whereas", "while", "yet", ".", "—", "–"}
NEGATIONS = {"never", "not", "n't", "no", "nothing", "nobody", "neither"}
# the ones a King is said to fail
PEOPLE = {"people", "farmers", "poor", "villagers", "victims", "workers", "families", "nation",
          "country", "citizens", "khmers", "cambodians", "children", "monks", "evicted",
          "peasants", "subjects", "land", "flood", "floods", "flooded", "hungry", "suffering",
          "village", "villages", "communities", "provinces", "countryside", "fields"}
# a negation that praises: "never forgets the poor", "has never abandoned the farmers"
PRAISED = {"forgets", "forgot", "forgotten", "fails", "failed", "stops", "stopped", "tires",
           "tired", "hesitates", "hesitated", "abandons", "abandoned", "neglects", "neglected",
           "ignores", "ignored", "misses", "missed", "turns", "turned", "loses", "lost", "leaves",
           "left", "rests", "rested", "spares", "spared", "doubts", "doubted", "less"}
# idleness: "stays in the palace", "sits behind the walls", "remains silent"
IDLE_VERBS = {"stays", "stay", "stayed", "staying", "sits", "sit", "sat", "sitting", "hides",
              "hide", "hid", "hiding", "sleeps", "sleep", "slept", "remains", "remained", "keeps",
              "kept", "lives", "lived", "waits", "waited", "watches", "watched"}
IDLE_PLACES = {"palace", "home", "walls", "silent", "quiet", "away", "abroad", "inside",
               "indoors", "behind", "mute", "aloof", "distant", "comfort", "luxury"}
IDLE_WORDS = {"silent", "silence", "nothing", "idle", "idly", "absent"}
PREDECESSOR_REACH = 6  # words from "unlike" to the comma, or from a predecessor to the break
UNLIKE_REACH = 14  # words from "unlike" to the comma before the present King
BACK_REACH = 30  # words before the present King searched for the predecessor


def _king_contrasted(sentence: Sentence, start: int, end: int) -> bool:
    """True when the king-contrast cue at start..end opens or closes a contrast of the present
    King, who fails the people, with his predecessor (see the module docstring)."""
    lowers = sentence.tokens.lower  # the whole doc's: the predecessor may be a sentence back
    if lowers[start] == "unlike":
        # the comma before the present King: "Unlike his father, who lived among the people,
        # the King hides in his palace" skips the clause about the father
        comma = next((k for k in range(end, min(end + UNLIKE_REACH, sentence.end))
                      if lowers[k] == "," and any(w in PRESENT for w in lowers[k + 1:k + 5])),
                     None)
        if comma is None and start > sentence.start and lowers[start - 1] == "," and any(
                w in PRESENT for w in lowers[max(sentence.start, start - 5):start - 1]):
            # "The King, unlike his late father, has never …": the King before, the aside after
            comma = next((k for k in range(end, min(end + PREDECESSOR_REACH, sentence.end))
                          if lowers[k] == ","), None)
        if comma is None and start > sentence.start and lowers[start - 1] == ",":
            return _contrast_after(sentence, lowers, start, end)
        if comma is None or not _predecessor(lowers[end:min(comma, end + PREDECESSOR_REACH)]):
            return False
        return _fails(lowers, comma + 1, sentence.end)
    lo = max(0, start - BACK_REACH)
    breaks = [k for k in range(lo, start) if lowers[k] in BREAKS]
    if not breaks or not _predecessor(lowers[lo:breaks[-1]]):
        return False
    return _fails(lowers, start, sentence.end)


def _contrast_after(sentence: Sentence, lowers: list[str], start: int, end: int) -> bool:
    """True for the contrast set after its clause: "The new King has never visited the flooded
    villages, unlike his father": the predecessor named after "unlike" ends the sentence, and
    the clause before the comma names the present King and says he fails the people."""
    tail = lowers[end:sentence.end]
    while tail and not tail[-1].isalpha():
        tail = tail[:-1]  # the full stop
    if not tail or len(tail) > PREDECESSOR_REACH or not _predecessor(tail):
        return False
    opens = max((k + 1 for k in range(sentence.start, start - 1) if lowers[k] in BREAKS),
                default=sentence.start)
    return any(w in PRESENT for w in lowers[opens:start - 1]) \
        and _fails(lowers, opens, start - 1)


def contrast_closes(sentence: Sentence, start: int) -> bool:
    """True when the king-contrast cue at ``start`` is an "unlike" after a comma that closes the
    sentence: the "never" before it is the failing the contrast reads (_fails), not a denial of
    the contrast, so acts._acts does not take the act as negated."""
    lowers = sentence.tokens.lower
    return lowers[start] == "unlike" and start > sentence.start and lowers[start - 1] == "," \
        and "," not in lowers[start + 1:sentence.end]


def _predecessor(words: list[str]) -> bool:
    """True when the words name the King's predecessor: his father, King Father Norodom
    Sihanouk, or a King called late, old or former."""
    return any(w in FATHER_WORDS for w in words) or any(
        w in KING_WORDS and k > 0 and words[k - 1] in BEFORE_KING for k, w in enumerate(words))


def _fails(lowers: list[str], k: int, stop: int) -> bool:
    """True when the clause from ``k`` says the King fails the people: a negation with the people
    named and no praise after it, or idleness (a verb of staying with the palace or silence, or
    a word of silence or idleness)."""
    clause = []
    for w in lowers[k:stop]:
        if w in (";", "but", "whereas", "while"):
            break
        clause.append(w)
    if any(w in IDLE_WORDS for w in clause):
        return True
    if any(w in IDLE_VERBS and any(x in IDLE_PLACES for x in clause[i + 1:i + 4])
           for i, w in enumerate(clause)):
        return True
    for i, w in enumerate(clause):
        if w in NEGATIONS:
            after = [x for x in clause[i + 1:i + 4] if x not in ("once", "yet", "even", "been",
                                                               "ever", "really", "a")]
            if after and after[0] in PRAISED:
                return False
            return any(x in PEOPLE for x in clause[i + 1:])
    return False
