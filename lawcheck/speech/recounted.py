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
