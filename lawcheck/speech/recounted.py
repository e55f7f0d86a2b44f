"""Readings against false alarms (issue 13, session 29: cut false alarms by family): words that
report, recount or fear a deed rather than lay it on someone or call for it.

Each function answers one question about one sentence of a tokenised statement, as those of
clause_roles do, and acts._acts asks it before it keeps an act. They are kept apart from the
older readings so each can be judged (and merged) on its own.
"""

from __future__ import annotations

from lawcheck.speech.clause_roles import HARM_VERBS, PASSIVE
from lawcheck.speech.context import Sentence

# pronouns that point back: after a passive of harm they point at the ones harmed
POINTING = {"they", "them", "he", "him", "she", "her", "it", "those", "these"}
# words that bring in the doer of a passive: "killed by the police", "at the hands of",
# "on the orders of", "under the regime": a pronoun after them may be the doer
DOER_WORDS = {"by", "hands", "orders", "order", "under", "behind"}


def _victim_pointed_after(sentence: Sentence, target, start: int, end: int) -> bool:
    """True when the cue is a verb of harm in the passive with no doer ("have been killed",
    "were beaten") and the target is a pronoun after it that points back at the ones harmed
    ("many politicians have been killed, have been jailed and many of them have been exiled",
    "two farmers were beaten and they were left on the road"): a passive names its doer only
    after "by" (or "at the hands of" ...), so a pronoun that follows it is no doer. A doer word
    between the cue and the pronoun keeps it ("beaten by men who said they were police"), and
    a target that is not a pronoun keeps it too ("activists have been killed and the
    government is responsible")."""
    lowers, base = sentence.lowers, sentence.start
    if end - start != 1 or lowers[start - base] not in HARM_VERBS or start == sentence.start \
            or lowers[start - 1 - base] not in PASSIVE:
        return False
    doc = sentence.doc
    for s, e in sentence.find("pronoun"):  # the target's words, a pronoun after the cue
        if s < end or e - s != 1 or lowers[s - base] not in POINTING \
                or doc[s].text != target.words:
            continue
        return not any(w in DOER_WORDS for w in lowers[end - base:s - base])
    return False


# a release or a dropped case told as done: the forms of the cues that report a decision
DONE_FORMS = {("dropped",), ("dismissed",), ("withdrawn",), ("discontinued",), ("thrown", "out"),
              ("quashed",), ("overturned",)}
# what may stand between the cue and its subject or auxiliary: "have since been dismissed"
IN_PASSING = {"already", "finally", "later", "eventually", "quietly", "since", "also", "then",
              "subsequently", "recently", "just", "now", "all", "both", "formally", "officially"}
# the auxiliaries of a done deed ("were dropped", "has dismissed", "had been withdrawn")
DONE_AUX = {"was", "were", "been", "has", "have", "had", "got"}
# words that make the same form a demand or a judgement of what should have been: "must be
# dropped", "should have dismissed", "want them to be dropped", "will be dropped"
WANTED = {"be", "to", "will", "would", "should", "must", "could", "might", "may", "shall", "can",
          "ought", "need", "needs", "being"}
# the object of a deed in the active voice: "the prosecutor dropped the charges"
DONE_OBJECT = {"the", "all", "his", "her", "their", "its", "these", "those", "a", "an", "charges",
               "charge", "case", "cases", "complaint", "lawsuit", "proceedings"}
# a past verb after a release named as a noun tells the release as an event: "their release came
# after months in detention"
RELEASE_NOUNS = {"release", "releases", "acquittal"}
RELEASE_OWNERS = {"their", "his", "her", "its", "the", "this", "that"}
PAST_EVENT = {"came", "was", "followed", "happened", "took", "ended", "brought", "marked", "meant",
              "sparked", "prompted", "drew", "made", "gave", "occurred", "caused", "allowed"}


def _told_as_done(sentence: Sentence, start: int, end: int) -> bool:
    """True when the words of a release call tell a decision already taken, not one asked for:
    a dropped or dismissed case in the passive or the perfect ("the charges were dropped last
    year", "have since been dismissed", "the case was thrown out"), in the active voice with its
    object ("the prosecutor dropped the charges"), or a release named as an event ("their release
    came after months in pre-trial detention"). A modal, "be" or "to" in the verb's chain keeps
    the demand ("the charges must be dropped", "should have dismissed the case", "we want the
    charges dropped" has no done form's object and no auxiliary)."""
    lowers, base = sentence.lowers, sentence.start
    words = tuple(lowers[start - base:end - base])
    if words in DONE_FORMS:
        k, chain = start - 1, []
        while k >= sentence.start and lowers[k - base] in DONE_AUX | WANTED | IN_PASSING:
            chain.append(lowers[k - base])
            k -= 1
        if any(w in WANTED for w in chain):
            return False
        if any(w in DONE_AUX for w in chain):
            return True
        return end < sentence.end and lowers[end - base] in DONE_OBJECT \
            and k >= sentence.start and sentence.doc[k].is_alpha
    if len(words) == 1 and words[0] in RELEASE_NOUNS and start > sentence.start \
            and lowers[start - 1 - base] in RELEASE_OWNERS:
        return end < sentence.end and lowers[end - base] in PAST_EVENT
    return False
