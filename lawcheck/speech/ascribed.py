"""Crimes or a betrayal ascribed to someone named (issue 13, wrong cleans).

"Crimes" and "betrayal" are words of every NGO report ("crimes against children", "the ministry
will investigate the crime"): alone they accuse no one. They accuse the one whose crimes they are
said to be, in four shapes, each read on the words around the cue (act kind crimes-of):

- the owner named before it: "the minister's crimes", "Hun Sen's betrayal of the nation";
- "his", "her", "their" or "its" pointing back to the subject of the clause, with only the words
  of answering for a deed between ("the minister shall pay for his crimes", "the governor must
  be punished for his betrayal"): "the government must punish traffickers for their crimes"
  has the traffickers between, whose crimes they are;
- the doer after "of" or "by", named as one ("the crimes of this regime", "crimes committed by
  the provincial police"), not a kind ("crimes by officials must be investigated");
- the doer as the subject of committing them ("the minister committed crimes against the
  people"), not anyone who might ("an official who commits crimes shall be punished").
"""

from __future__ import annotations

from lawcheck.speech.context import Sentence, clause_start
from lawcheck.speech.targets import POSSESSIVES, Target, _as_target

# words that may stand between a subject and "his crimes": modals, being, the verbs of answering
# for a deed, and "for"/"of" ("shall pay for his crimes", "will answer for his betrayal", "must be
# tried for his crimes", "has never apologised for his crimes")
ANSWERING = {"shall", "will", "must", "should", "would", "may", "can", "has", "have", "had", "is",
             "are", "was", "were", "be", "been", "being", "never", "not", "yet", "still", "one",
             "day", "soon", "finally", "also", "for", "of", "pay", "pays", "paid", "paying",
             "answer", "answers", "answered", "atone", "atones", "atoned", "apologise",
             "apologised", "apologize", "apologized", "account", "accountable", "responsible",
             "punished", "prosecuted", "tried", "judged", "jailed", "held", "hide", "hides",
             "hid", "hidden", "hiding", "deny", "denies", "denied", "denying", "admit",
             "admits", "admitted", "confess", "confessed", "cover", "covered", "up", "forgiven",
             "forget", "forgotten", "escape", "escaped", "get", "got", "away", "with"}
COMMITTING = {"committed", "commits", "commit", "committing", "perpetrated", "perpetrates",
              "perpetrating"}
# between the subject and the verb of committing: "has", "repeatedly", "himself"
BEFORE_COMMITTING = {"has", "have", "had", "also", "repeatedly", "himself", "herself",
                     "themselves", "itself", "openly", "knowingly"}
# between the possessor and the cue: "his many crimes", "the minister's terrible betrayal"
ADJECTIVE_REACH = 2
# what makes the one after "of"/"by" a named doer, not a kind: "the crimes of this regime"
DEFINITE = {"the", "this", "that", "these", "those", "our", "his", "her", "their"}
# what makes a subject anyone at all: "an official who commits crimes shall be punished"
INDEFINITE = {"a", "an", "any", "every", "each", "no", "whoever", "some"}
SUBJECT_REACH = 6  # words from the subject to "his crimes"
# words that end a noun phrase: "the crimes of the year by the police" are no crimes of the year
NOT_MODIFIERS = {"of", "by", "for", "to", "in", "on", "at", "with", "and", "or", "who", "which",
                 "that"}
DOER_REACH = 3  # words from "of"/"by" to the doer: "of the provincial police"


def crimes_ascribed(sentence: Sentence, start: int, end: int, allowed) -> Target | None:
    """The named target whose crimes or betrayal the cue at start..end says they are, or None
    when the words name no such owner (see the module's docstring)."""
    hits = [h for h in sentence.entities if h.target and (not allowed or h.target in allowed)]
    if not hits:
        return None
    lowers, base = sentence.lowers, sentence.start
    k = start - 1
    while k >= sentence.start and start - k <= ADJECTIVE_REACH and _adjective(sentence, k):
        k -= 1
    if k >= sentence.start and lowers[k - base] in ("'s", "’s", "'"):
        owner = [h for h in hits if h.end == k]
        return _as_target(sentence, owner[0]) if owner else None
    if k >= sentence.start and lowers[k - base] in POSSESSIVES:
        return _subject_before(sentence, hits, k, ANSWERING)
    if k >= sentence.start and lowers[k - base] in COMMITTING:
        return _subject_before(sentence, hits, k, BEFORE_COMMITTING)
    return _doer_after(sentence, hits, end)


def _adjective(sentence: Sentence, k: int) -> bool:
    """A lower-case word that may describe the crimes ("many", "terrible", "countless")."""
    word = sentence.doc[k].text
    return word.isalpha() and word.islower() and word not in POSSESSIVES \
        and word not in COMMITTING and word not in ("the", "a", "an", "of", "for", "by")


def _subject_before(sentence: Sentence, hits, k: int, between_words) -> Target | None:
    """The named subject of the clause before token ``k``, with only ``between_words`` (or
    adverbs in "-ly") between it and ``k``, that is one named ("the minister"), not anyone
    ("an official who")."""
    lowers, base = sentence.lowers, sentence.start
    first = max(clause_start(sentence, k), k - SUBJECT_REACH)
    for hit in reversed(hits):
        if not first <= hit.start < hit.end <= k:
            continue
        words = lowers[hit.end - base:k - base]
        if all(w in between_words or w.endswith("ly") for w in words) and not (
                hit.start > sentence.start and lowers[hit.start - 1 - base] in INDEFINITE) \
                and lowers[hit.start - base] not in INDEFINITE:
            return _as_target(sentence, hit)
        return None  # the nearest name before is the subject, or no subject is named
    return None


def _doer_after(sentence: Sentence, hits, end: int) -> Target | None:
    """The one named after "of" or "(committed) by", with a determiner or as a name: "the
    crimes of this regime", "the betrayal committed by the party leadership"."""
    lowers, base = sentence.lowers, sentence.start
    k = end
    if k < sentence.end and lowers[k - base] in COMMITTING | {"carried"}:
        k += 2 if lowers[k - base] == "carried" else 1  # "carried out by"
    if k >= sentence.end or lowers[k - base] not in ("of", "by"):
        return None
    k += 1
    for hit in hits:
        if not k <= hit.start <= k + DOER_REACH:
            continue
        if hit.start == k:  # the name holds its determiner, or is a name: "Hun Sen", "the CPP"
            return _as_target(sentence, hit) if lowers[k - base] in DEFINITE \
                or sentence.doc[k].text[:1].isupper() else None
        between = sentence.doc[k + 1:hit.start]
        if lowers[k - base] in DEFINITE and all(
                t.is_alpha and t.is_lower and t.lower_ not in NOT_MODIFIERS for t in between):
            return _as_target(sentence, hit)  # "the provincial police", "this corrupt regime"
    return None
