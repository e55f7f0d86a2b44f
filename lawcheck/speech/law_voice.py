"""A provision of a law read as the writer's own call (issue 13, false alarms on law texts).

"The possessor shall occupy the land in good faith", "the Minister may convene the committee",
"any person who organises a march without notice shall be fined": a law names who must or may
do a thing; it calls no one to a square. A first reading (s30) took every "shall" after a noun
with no word of the speaker as a provision, and made "The traitors shall pay for selling Khmer
land", "Soldiers shall refuse the orders of the dictator" and "This dictatorship shall fall"
clean. This one asks more of the sentence:

- the call is one of gathering, marching or striking, the words a law on assembly, labour or
  land uses in its ordinary sense (never overthrow, violence or an appeal to the forces);
- its subject, before "shall" or "may" in the clause, holds a role noun of law (court, judge,
  minister, ministry, person, party, association, official, committee, possessor, owner …), or
  the sentence has a law's own shape ("in accordance with Article", "any person who … shall be
  fined");
- the sentence holds no word of the speaker or the one spoken to, no "!", no other stance word
  (an insult, an accusation, a slur, a claim on territory, a call of another kind), no one the
  lexicon names as a leader, party, monarch or person, and no day or place of an event
  ("on Sunday", "tomorrow", "Freedom Park", "in front of"), and no state body as the place the
  crowd goes ("shall march to the National Assembly").
"""

from __future__ import annotations

from lawcheck.speech.context import Sentence, clause_start

ORDINARY_CALLS = frozenset({"gather", "march", "strike"})
OWN_VOICE = frozenset({"we", "i", "you", "our", "us", "my", "me", "your", "they", "let",
                       "let's", "lets", "together", "everyone", "everybody", "comrades",
                       "brothers", "sisters"})
# the facts whose words are a stance: an insult, an accusation, a call, a claim on a court, the
# border or a foreign hand (a party's name is caught as a named party, SENSITIVE below)
STANCE = frozenset({"statement.calls", "statement.accuses", "statement.insults",
                    "statement.court_claims", "statement.territory_claim",
                    "statement.discrimination", "statement.foreign_control",
                    "statement.foreign_backed_change", "statement.leader_must_go",
                    "statement.alarming_claim"})
MODALS = frozenset({"shall", "may"})
SUBJECT_REACH = 10  # words between the clause start and "shall"
# the people and bodies a law gives a duty or a power to; not the groups a call musters
# (workers, people, citizens, members, soldiers: "workers shall occupy the factory" may be a call)
ROLES = frozenset({
    "court", "courts", "judge", "judges", "minister", "ministers", "ministry", "ministries",
    "person", "persons", "party", "parties", "association", "associations", "official",
    "officials", "authority", "authorities", "committee", "committees", "council", "councils",
    "board", "commission", "inspector", "inspectors", "employer", "employers", "possessor",
    "possessors", "occupant", "occupants", "owner", "owners", "co-owner", "co-owners", "tenant",
    "tenants", "lessee", "lessees", "lessor", "lessors", "heir", "heirs", "successor",
    "successors", "co-successor", "co-successors", "creditor", "creditors", "debtor",
    "debtors", "concessionaire", "concessionaires", "usufructuary", "holder", "holders",
    "applicant", "applicants", "organiser", "organisers", "organizer", "organizers",
    "governor", "governors", "chairperson", "chairman", "president", "secretariat",
    "delegate", "delegates", "representative", "representatives", "steward", "stewards",
    "licensee", "licensees", "mortgagee", "purchaser", "buyer", "seller", "spouse"})
# a law's own shapes: an article cited as the ground, or anyone who does a thing and its sanction
# ("any person who organises a march without notice shall be fined"); "any person who loves
# Cambodia shall march" has no sanction and stays a call
CITED = (("in", "accordance", "with", "article"), ("pursuant", "to", "article"),
         ("under", "article"))
ANYONE = (("any", "person", "who"), ("whoever",), ("anyone", "who"))
SANCTIONS = frozenset({"punished", "punishable", "fined", "liable", "imprisoned", "imprisonment",
                       "penalty", "penalties", "sanctioned", "sentenced"})
# a day or a place of an event: a provision sets no date for a gathering
EVENT_WORDS = frozenset({"today", "tomorrow", "tonight", "now", "immediately", "monday",
                         "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "morning", "evening", "o'clock", "am", "pm", "a.m.", "p.m."})
EVENT_PHRASES = (("freedom", "park"), ("in", "front", "of"), ("outside", "the"),
                 ("at", "once"), ("next", "week"), ("this", "week"))
# the lexicon's categories whose naming makes the sentence about someone, not a rule
SENSITIVE = frozenset({"king", "royal-family", "party", "politician", "person",
                       "neighbouring-state"})


# a state body as where the crowd goes: "shall march to the National Assembly" is a destination
DESTINATIONS = frozenset({"to", "towards", "toward", "at", "outside", "into", "onto", "before"})
BODIES = frozenset({"government", "official", "court", "court-system", "security-forces"})


def _to_a_body(sentence: Sentence, start: int) -> bool:
    """A state body named right after "to", "at" or "outside", after the cue."""
    base = sentence.start
    return any(e.start > start and e.entry.category in BODIES and any(
        sentence.lowers[k - base] in DESTINATIONS for k in range(max(start, e.start - 3), e.start))
        for e in sentence.entities)


def _has(lowers: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(lowers[k:k + n]) == phrase for k in range(len(lowers) - n + 1))


def _role_subject(sentence: Sentence, start: int) -> bool:
    """A role noun of law in the subject of "shall"/"may" before the cue, in its clause."""
    lowers, base = sentence.lowers, sentence.start
    for m in range(start - 1, sentence.start, -1):
        if lowers[m - base] not in MODALS:
            continue
        first = max(clause_start(sentence, m), m - SUBJECT_REACH)
        return any(lowers[k - base] in ROLES for k in range(first, m))
    return False


def in_laws_voice(sentence: Sentence, start: int, kind, kinds_here) -> bool:
    """True when the call at ``start`` is a provision's ("the occupant shall occupy the plot
    in good faith"); ``kinds_here`` are the act kinds of every cue in the sentence."""
    if kind.value not in ORDINARY_CALLS:
        return False
    lowers = sentence.lowers
    if "!" in lowers or any(w in OWN_VOICE for w in lowers):
        return False
    if any(k.fact in STANCE and (k.fact != kind.fact or k.value not in ORDINARY_CALLS)
           for k in kinds_here):
        return False  # "Soldiers shall refuse the orders of the dictator": a stance word too
    if any(e.entry.category in SENSITIVE for e in sentence.entities):
        return False
    if any(w in EVENT_WORDS for w in lowers) or any(_has(lowers, p) for p in EVENT_PHRASES):
        return False
    if _to_a_body(sentence, start):
        return False  # "the association shall march to the National Assembly"
    return _role_subject(sentence, start) or any(_has(lowers, p) for p in CITED) or (
        any(_has(lowers, p) for p in ANYONE) and any(w in SANCTIONS for w in lowers))
