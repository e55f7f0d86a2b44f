"""A passive harm with no agent, carried to the actor of the sentence before (issue 13, session
31: "The provincial government granted the land to a sugar company. Hundreds of families were
then evicted by force and their houses burned.").

A passive names its doer only after "by"; with none, the story names it: the sensitive actor
(a government, an official, a politician, the security forces, a party or a company) that the
sentence just before makes the doer of a related act. The act is related when the harm is told
as what followed ("then", "later", "days later"), when those harmed are the ones that act was
done to ("the police arrested the activists. The activists were tortured in custody"), or when
an eviction or a burning follows a deed on land ("granted the land … families were evicted").
An actor that only said, condemned, investigated or helped is no doer ("the ministry opened an
inquiry; two journalists were then beaten"), and neither is one named in a negated, questioned
or conditional sentence. acts._acts asks this only when the accusation found no target in its
own sentence.
"""

from __future__ import annotations

from lawcheck.speech.clause_roles import HARM_VERBS, PASSIVE
from lawcheck.speech.context import Sentence
from lawcheck.speech.targets import Target

# harms told in the passive: the clause_roles verbs of harm and the harms to homes and land
HARMED = (HARM_VERBS - {"beat"}) | {"bulldozed", "burned", "burnt", "torched", "demolished",
                                    "destroyed", "poisoned", "razed", "gunned", "clubbed",
                                    "hacked", "whipped", "wrecked", "flattened", "smashed"}
# harms that follow a deed on land: "granted the land …; families were evicted"
LAND_HARMS = {"evicted", "bulldozed", "burned", "burnt", "torched", "demolished", "destroyed"}
LAND_WORDS = {"land", "lands", "concession", "concessions", "forest", "plot", "plots", "farms",
              "farmland", "area", "site", "village", "villages", "lake", "island", "islands"}
# words between an auxiliary and its participle: "were then forcibly evicted"
BETWEEN = {"then", "later", "also", "soon", "again", "all", "both", "reportedly", "allegedly",
           "had", "have", "has", "subsequently", "immediately", "afterwards", "repeatedly"}
# the harm told as what followed: "were then evicted", "days later two men were beaten"
SEQUENCE = {"then", "later", "soon", "afterwards", "afterward", "subsequently", "next",
            "shortly", "thereafter", "immediately", "overnight"}
# an agent after "by" that is none: "evicted by force", "beaten by the dozen"
NOT_AGENTS = {"force", "gunpoint", "night", "dawn", "day", "hand", "mistake", "accident",
              "the", "dozen", "dozens", "hundreds", "then"}
# a harm by mishap, with no doer: "killed in a landslide", "injured in an accident"
MISHAPS = {"accident", "accidents", "crash", "collision", "landslide", "landslides", "flood",
           "floods", "flooding", "storm", "explosion", "collapse", "stampede", "lightning",
           "fire", "blaze", "earthquake", "drowning"}
# the actors whose deed the story may carry: those the accusation rules protect most
CARRIED = {"government", "official", "politician", "security-forces", "party", "company"}
# what an actor does when it does no harm: it speaks, judges, looks into a wrong or helps
NO_DEED = {"said", "says", "stated", "announced", "condemned", "denied", "investigated",
           "promised", "pledged", "visited", "helped", "rescued", "compensated", "welcomed",
           "thanked", "praised", "apologised", "apologized", "expressed", "called", "urged",
           "asked", "warned", "opened", "launched", "provided", "donated", "built", "offered",
           "agreed", "met", "received", "reported", "confirmed", "explained", "replied",
           "responded", "acknowledged", "noted", "defended", "protected", "treated", "fed",
           "sheltered", "evacuated", "registered", "trained", "supported", "funded"}
# verbs of deed in the past that do not end in "-ed"
DEEDS = {"sent", "gave", "sold", "took", "brought", "drove", "made", "put", "let", "leased",
         "granted", "seized", "began", "set", "led", "struck", "shut", "cut", "held", "kept"}
# verbs of taking land by grant or purchase: the taker gains what a harm on that land clears
RECEIVING = {"received", "obtained", "acquired", "won", "bought", "purchased", "secured"}
GIVEN = {"granted", "given", "awarded", "handed", "allocated", "leased", "sold"}
OBJECT_REACH = 4  # words from the verb of taking to the land taken: "a 9,000-hectare land"
RECEIPT_BREAKS = {"of", "about", "from", "for", "on", "to", "with", "concerning", "regarding",
                  "and", "or"}
NEGATIONS = {"not", "n't", "never", "no", "nobody", "neither", "nor"}
CONDITIONS = {"if", "unless", "whether", "would", "could", "might"}
# a target found only by a pronoun pointing back ("their houses burned"): in a passive harm it
# is the victims' more often than the doer's, so the actor carried from before goes first
POINTERS = {"their", "his", "her", "its", "they", "them", "he", "him", "she", "it"}
REACH = 8  # words from the actor to the end of its verb's object that may name the harmed


def _carried_agent(sentence: Sentence, start: int, end: int, allowed: tuple[str, ...],
                   sentence_at, victims: str | None = None) -> Target | None:
    """The actor of the sentence before, when the cue at start..end is a passive harm with no
    agent in a sentence that carries on that actor's deed; else None. ``sentence_at(i)`` gives
    the Sentence holding token i (acts._acts builds and keeps them); ``victims``, a marker group
    of those a harm is done to, lets a participle right after one of them be a passive ("their
    houses burned")."""
    p = _passive_harm(sentence, start, end, victims)
    if p is None or _agent_named(sentence, end):
        return None
    lowers, base = sentence.lowers, sentence.start
    # an earlier clause of the same sentence ("the government granted the land, and families
    # were then evicted"), else the sentence before
    joint = max((k for k in range(sentence.start, start) if lowers[k - base] in (",", ";")),
                default=None)
    if joint is not None and not any(w in NEGATIONS | CONDITIONS
                                     for w in lowers[:joint - base]):
        found = _actor(sentence, [h for h in sentence.entities if h.end <= joint], allowed,
                       sentence, start, p)
        if found is not None:
            return found
    k = sentence.start - 1
    while k >= 0 and sentence.doc[k].is_space:
        k -= 1
    if k < 0:
        return None
    before = sentence_at(k)
    if before.lowers[-1:] == ["?"] or any(w in NEGATIONS | CONDITIONS for w in before.lowers):
        return None
    return _actor(before, before.entities, allowed, sentence, start, p)


def _actor(before: Sentence, hits, allowed, sentence: Sentence, start: int,
           p: int) -> Target | None:
    """The first of ``hits`` (in ``before``) that is a carried actor doing a deed the harm at
    ``p`` carries on, as a Target; else None."""
    for hit in hits:
        if hit.target not in CARRIED or (allowed and hit.target not in allowed):
            continue
        verb = _deed_after(before, hit.end)
        if verb is None or verb >= start:
            continue
        if _related(sentence, start, p, before, verb):
            words = before.source[hit.chars[0]:hit.chars[1]]
            return Target(hit.target, words, entry=getattr(hit.entry, "id", "") or "")
    return None


def _passive_harm(sentence: Sentence, start: int, end: int, victims: str | None) -> int | None:
    """The token of the harm's participle when the cue tells a harm in the passive: after a
    form of "be" or "get" ("were then evicted by force", "had been tortured"), or right after
    those it is done to ("and their houses burned"); else None."""
    lowers, base = sentence.lowers, sentence.start
    for p in range(start, end):
        if lowers[p - base] not in HARMED:
            continue
        k = p - 1
        while k >= sentence.start and (lowers[k - base] in BETWEEN or (
                sentence.doc[k].text.islower() and lowers[k - base].endswith("ly"))):
            k -= 1
        if k >= sentence.start and lowers[k - base] in PASSIVE:
            return p
        if k == p - 1 and victims and any(e == p for _, e in sentence.find(victims)):
            return p  # "houses burned": the ones harmed right before the participle
        return None
    return None


def _agent_named(sentence: Sentence, end: int) -> bool:
    """True when the clause after the cue names a doer ("by unknown men", "at the hands of the
    militia") or a mishap ("in a landslide"): nothing is left for the story to carry."""
    lowers, base = sentence.lowers, sentence.start
    for k in range(end, sentence.end):
        word = lowers[k - base]
        if word in (";", ":", "but", "while", "because") or word in (".", "?", "!"):
            return False
        nxt = lowers[k + 1 - base] if k + 1 < sentence.end else ""
        if word == "by" and nxt not in NOT_AGENTS:
            return True
        if word == "by" and nxt == "the" and k + 2 < sentence.end \
                and lowers[k + 2 - base] not in NOT_AGENTS:
            return True  # "by the militia"; "by the dozen" names no one
        if word == "hands" or word in MISHAPS:
            return True
    return False


def _deed_after(before: Sentence, k: int) -> int | None:
    """The token of the active verb right after the actor ending at ``k`` (past "then", "also",
    "had" and adverbs), when it is a deed and not a word of saying, judging or help."""
    lowers, base = before.lowers, before.start
    while k < before.end and (lowers[k - base] in BETWEEN or (
            before.doc[k].text.islower() and lowers[k - base].endswith("ly"))):
        k += 1
    if k >= before.end or not before.doc[k].text.islower():
        return None
    word = lowers[k - base]
    if _land_received(before, k):
        return k
    if word in NO_DEED or word in PASSIVE or not (word.endswith("ed") or word in DEEDS):
        return None
    return k


def _land_received(before: Sentence, k: int) -> bool:
    """True when the verb at ``k`` has the actor take land: "received the concession",
    "obtained a 9,000-hectare land concession", "was granted the land", "bought the plot". The
    one who gains the land is who a harm on it that follows serves ("The company received the
    concession. Two activists were later shot dead"); receiving books, a petition or an award
    carries nothing."""
    lowers, base = before.lowers, before.start
    word = lowers[k - base]
    if word in PASSIVE and k + 1 < before.end and lowers[k + 1 - base] in GIVEN:
        k += 1  # "was granted the land", "were given the concession"
    elif word not in RECEIVING:
        return False
    for w in lowers[k + 1 - base:min(before.end, k + 1 + OBJECT_REACH) - base]:
        if w in LAND_WORDS:
            return True
        if w in RECEIPT_BREAKS or w in (",", ";", ":", ".", "(", "?", "!"):
            return False  # "received a letter about the land": the land is not what it got
    return False


def _related(sentence: Sentence, start: int, p: int, before: Sentence, verb: int) -> bool:
    """True when the harm carries on the deed at ``verb``: told as what followed ("then",
    "later" before the cue), done to the ones the deed named ("arrested the activists. The
    activists were tortured"), or an eviction or a burning after a deed on land."""
    lowers, base = sentence.lowers, sentence.start
    if any(w in SEQUENCE for w in lowers[:start - base]):
        return True
    done_to = set(before.lowers[verb + 1 - before.start:verb + 1 + REACH - before.start])
    aux = next((k for k in range(p - 1, sentence.start - 1, -1) if lowers[k - base] in PASSIVE),
               start)  # the subject of the passive stands before its auxiliary
    opens = max((k for k in range(sentence.start, aux) if lowers[k - base] in (",", ";")),
                default=sentence.start - 1) + 1  # the passive's own clause
    harmed = {w for w in lowers[opens - base:min(aux, start) - base] if w.isalpha()
              and len(w) > 3 and w not in BETWEEN | SEQUENCE}
    if harmed & done_to:
        return True
    return lowers[p - base] in LAND_HARMS and bool(done_to & LAND_WORDS)
