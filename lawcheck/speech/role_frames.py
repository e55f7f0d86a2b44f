"""Frames read by who does what to whom, for lawcheck.speech.acts (issue 13, new wording): an
act kind's `roles` in either voice and with words between (_roles_met), the subject of a
cue's passive (_passive_subject), read for territory (_passive_land) and for removal from power
(_passive_of_something_else), a recipient of the country's own (_handed_to_our_own) and a
verb of motion whose subject is no land (_went_elsewhere). Like
clause_frames, each function answers one question about one sentence; they are apart so
clause_frames stays small.
"""

from __future__ import annotations

import functools

from lawcheck.speech.clause_frames import PREPOSITIONS, REGIME_NOUNS, RULER_WORDS
from lawcheck.speech.clause_roles import OBJECT_DETERMINERS
from lawcheck.speech.context import Sentence, clause_start


# what ends the stretch a role may be found in: another clause's words are not the act's roles
ROLE_BREAKS = {";", ":", "—", "–", ".", "!", "?", "but", "while", "although", "though",
               "whereas", "yet", "however", "because"}
# the words that name who did it after a passive or a verb of receiving: "appointed by Hanoi",
# "run from abroad", "gets his instructions from the ministry", "decided at party headquarters"
AGENT_LINKS = ("by", "from", "at", "in")
AGENT_GAP = 3  # words from the agent link to the doer ("by the ruling party", "by phone from")
# a form of "be" or "get" right before the cue: the cue is a passive, its object before it
PASSIVE = {"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "getting",
           "'re", "’re"}  # not "'s": "the government's decision to remove" is no passive
PASSIVE_GAP = 2  # words between the "be" and the cue ("was quietly ceded", "will be swept away")
# between a verb and its object: any word but a preposition other than these ("decides who sits
# in our ministries", "choose the members of our cabinet"; "chose the site with the ministry"
# does not act on the ministry)
OBJECT_LINKS = {"of", "in", "who"}
POSSESSIVE = {"'s", "’s", "'", "’"}  # "change the government's policy" acts on the policy


# what "of" may name after a role for the role to stay the state's: "the leaders of this
# country", "the leaders of the CPP" (a capitalised name); "the leaders of our savings groups" are
# someone else's
STATE_WORDS = {"country", "nation", "kingdom", "state", "cambodia", "people"}


def _qualified(sentence: Sentence, end: int) -> bool:
    """True when "of" follows a role's words and names something other than the state or a
    capitalised name past its determiners: "the leaders of our savings group"."""
    lowers, base = sentence.lowers, sentence.start
    if end >= sentence.end or lowers[end - base] != "of":
        return False
    k = end + 1
    while k < sentence.end and lowers[k - base] in OBJECT_DETERMINERS + ("this", "our", "their"):
        k += 1
    if k >= sentence.end:
        return False
    word = sentence.doc[k].text
    return not (word[:1].isupper() or word.lower() in STATE_WORDS)


# "but" after these is "only", no contrast: "nothing but an office of the Vietnamese state"
ONLY_BUT = {"nothing", "anything", "all", "none"}


def _breaks(lowers, k: int) -> bool:
    """True when the word at k (relative to the sentence) ends a role's reach."""
    return lowers[k] in ROLE_BREAKS and not (lowers[k] == "but" and k > 0
                                             and lowers[k - 1] in ONLY_BUT)


def _roles_met(sentence: Sentence, kind, start: int, end: int) -> bool:
    """True when the kind's `roles` stand around the cue in either voice, within their
    reach and before any break of ROLE_BREAKS: what it is done to (`over`) after the cue as
    its object, with who does it (`doer`, when the kind names one) before the cue ("Hanoi
    decides who sits in our ministries"); or `over` before the cue, as the subject of a passive
    or of a verb of receiving, with the doer after "by", "from", "at" or "in" ("our leaders are
    appointed by Hanoi", "the prosecutor gets his instructions from the ministry") or, with no
    doer named in the kind, after a form of "be" ("the regime will be replaced")."""
    doer, over, within = kind.roles
    lowers, base = sentence.lowers, sentence.start
    lo = start
    while lo > sentence.start and start - lo < within and not _breaks(lowers, lo - 1 - base):
        lo -= 1
    hi = end
    while hi < sentence.end and hi - end < within and not _breaks(lowers, hi - base):
        hi += 1

    def outside(spans):
        return [(s, e) for s, e in spans if e <= start or s >= end]

    overs = [(s, e) for s, e in outside(sentence.find(over)) if not _qualified(sentence, e)
             and lowers[e - 1 - base] not in POSSESSIVE  # a name written "the King's"
             and not (e < sentence.end and lowers[e - base] in POSSESSIVE)]  # "the government's"
    doers = outside(sentence.find(doer)) if doer else []
    objects = [s for s, _ in overs if end <= s < hi and not any(
        w in PREPOSITIONS and w not in OBJECT_LINKS or w == ","  # "a tool of Vietnam, and the King"
        for w in lowers[end - base:s - base])]
    if objects and (doer is None or any(  # the doer's own clause: no comma between
            lo <= s and e <= start and "," not in lowers[e - base:start - base]
            or e <= start and start - e <= within + ASIDE_REACH and sentence.start <= s
            and _contrast_aside(lowers[e - base:start - base]) for s, e in doers)):
        return True  # active: the doer, the cue, its object ("police action and the deaths,
        # assaults and arrests of workers" lists harms, it tells no deed of the police)
    # the subject before its verb: no preposition between but of, in, who ("judges in
    # Cambodia are told"; "the judge relied on written statements prepared by" is no subject)
    if not any(lo <= s and e <= start and not _preposition_between(lowers, e - base,
                                                                    start - base)
            for s, e in overs):
        return False
    if doer is None:
        k = start - 1
        while k >= max(lo, start - 1 - PASSIVE_GAP):
            if lowers[k - base] in PASSIVE:
                return True  # "the old leadership will be swept away"
            k -= 1
        return False
    links = [k for k in range(end - 1, hi) if lowers[k - base] in AGENT_LINKS
             or k == end - 1 and lowers[k - base] == "of"]  # "an office of the Vietnamese state"
    return any(k < s <= k + AGENT_GAP and s < sentence.end for k in links for s, _ in doers)


# the words before "to" that make it part of a modal, not a preposition: "the regime has to be
# driven out", "it ought to be removed" (issue 13: overthrow in the passive)
MODAL_TO = {"has", "have", "had", "ought", "going", "need", "needs", "used", "got"}


def _preposition_between(lowers, first: int, stop: int) -> bool:
    """True when a preposition other than of, in or who stands at first..stop (relative to the
    sentence): then the words before it are no subject of what follows ("the judge relied on
    statements prepared by"). A "to" of a modal ("has to be", "ought to be") is none."""
    return any(lowers[k] in PREPOSITIONS and lowers[k] not in OBJECT_LINKS
               and not (lowers[k] == "to" and k > first and lowers[k - 1] in MODAL_TO)
               for k in range(first, stop))


# what opens an aside that sets the doer against another: "it was the governor, not the storm,
# who destroyed the houses"
CONTRAST_OPENERS = {"not", "rather", "never", "and"}
ASIDE_REACH = 4  # words an aside may add to a role's reach (", not the storm, who")


def _contrast_aside(between: list[str]) -> bool:
    """True when the words between a doer and the cue are only a contrast set off by commas,
    then "who" or "that" or nothing: ", not the storm, who" in "it was the district governor,
    not the storm, who destroyed those houses" (issue 13, s29). Any other comma still ends the
    doer's clause ("soldiers came, and villagers burned the huts" is no deed of the soldiers:
    "and" opens an aside only as "and not")."""
    if len(between) < 3 or between[0] != "," or between.count(",") != 2:
        return False
    if between[1] not in CONTRAST_OPENERS or between[1] == "and" and between[2] != "not":
        return False
    rest = between[between.index(",", 1) + 1:]
    return rest in ([], ["who"], ["that"])


# words that may stand between a passive's "be" and its verb: "was quietly ceded", "has been given"
PASSIVE_FILLERS = {"been", "being", "be", "quietly", "secretly", "already", "now", "also",
                   "just", "simply", "illegally", "effectively", "gradually", "slowly",
                   "officially", "finally", "all", "then"}


# what opens a passive's subject inside a clause: "we saw that many border posts were planted"
SUBJECT_OPENS = {",", "that", "which", "who", "and", "so"}
# a subject that points elsewhere, or counts what it does not name: "it was sold", "all of it"
POINTING = {"it", "they", "this", "these", "those", "that", "everything", "all", "much", "most",
            "some", "part", "half", "more", "what", "which", "them", "one", "ours", "rest"}


def _a_name(word: str) -> bool:
    """A capitalised word that is no English word the lemma table knows (nor a function word):
    a name, such as a place's ("Cambodia", "Koh Kong Krao"), not "Rice" opening a sentence."""
    from lawcheck.speech.lemmas import FIXED, table

    lower = word.lower()
    if not word[:1].isupper() or lower in FIXED or not word.isalpha():
        return False
    known = table()
    return bool(known) and lower not in known and lower not in _lemma_values(id(known))


@functools.lru_cache(maxsize=1)
def _lemma_values(_key: int) -> frozenset:
    from lawcheck.speech.lemmas import table

    return frozenset(table().values())


def _passive_subject(sentence: Sentence, start: int) -> tuple[int, int] | None:
    """The subject of the passive the cue at ``start`` stands in ("was given", "were quietly
    ceded", "has been handed", "must be brought down"), as tokens (first, stop): read back to
    the clause's start or a comma and cut at the first preposition other than "of". None when
    the cue is no passive, or no subject stands before it."""
    lowers, base = sentence.lowers, sentence.start
    k, passed = start - 1, False
    while k >= sentence.start and lowers[k - base] in PASSIVE_FILLERS:
        passed = passed or lowers[k - base] in ("be", "been", "being")
        k -= 1
    if not (k >= sentence.start and lowers[k - base] in ("is", "are", "was", "were")
            or passed):
        return None
    first = clause_start(sentence, k)
    first = max([first] + [j + 1 for j in range(first, k) if lowers[j - base] in SUBJECT_OPENS])
    stop = first
    while stop < k and not (lowers[stop - base] in PREPOSITIONS and lowers[stop - base] != "of"):
        stop += 1
    return (first, stop) if stop > first else None


def _passive_land(sentence: Sentence, start: int) -> bool | None:
    """For a territory cue used as a passive ("was given to Vietnam", "were quietly ceded",
    "has been handed"): whether its subject (_passive_subject) names land or a place ("our
    border land", "hundreds of hectares of Svay Rieng", "Koh Tral"), True, or something else
    ("rice from Takeo is sold to buyers across the border"), False. None when the cue is no
    passive, or no subject stands before it: its object after it decides, as before."""
    lowers, base = sentence.lowers, sentence.start
    span = _passive_subject(sentence, start)
    if span is None:
        return None
    first, stop = span
    if any(w in POINTING for w in lowers[first - base:stop - base]):
        return None  # "it was given to Vietnam": what it points to decides
    spans = sentence.find("territory-context") + sentence.find("territory-object")
    if any(first <= s < stop for s, _ in spans):
        return True
    if any(_a_name(sentence.doc[j].text) for j in range(first, stop)):
        return None  # "Koh Kong Krao was handed to Thailand": a place's name, read as before
    return False


def _passive_of_something_else(sentence: Sentence, start: int) -> bool:
    """True when the cue stands in a passive ("must be brought down", "has been overthrown")
    whose subject (_passive_subject) names no ruler: "prices must be brought down, the
    government said" removes no ruler; "this regime must be brought down", "it must be removed",
    "Hun Sen must be overthrown" do. No subject (the cue opens the sentence) is no passive of
    something else."""
    span = _passive_subject(sentence, start)
    if span is None:
        return False
    subject = range(*span)
    lowers, base = sentence.lowers, sentence.start
    rulers = [s for group in ("government-context", "epithet") if group in sentence.pipeline.markers
              for s, _ in sentence.find(group)]
    ruling = ("government", "politician", "party", "official", "royal")
    if any(s in subject for s in rulers) or any(
            h.start in subject or h.end - 1 in subject for h in sentence.entities
            if h.target in ruling):
        return False
    return not any(lowers[j - base] in RULER_WORDS | REGIME_NOUNS | {"regime", "government"}
                   for j in subject)


OWN_REACH = 3  # words from "to" to the recipient: "to the provincial health department"


def _handed_to_our_own(sentence: Sentence, end: int) -> bool:
    """True when a territory cue's recipient, "to" within six words after it and an
    `own-recipient` within OWN_REACH words after "to", is a body or people of the country's
    own, and no neighbouring state, foreign power or ethnic group is named up to it: "handed
    over the border health post to the provincial department" gives nothing away."""
    if "own-recipient" not in sentence.pipeline.markers:
        return False
    lowers, base = sentence.lowers, sentence.start
    to = next((k for k in range(end, min(sentence.end, end + 6)) if lowers[k - base] == "to"),
              None)
    if to is None:
        return False
    if any(end <= h.start <= to + OWN_REACH and h.entry.category == "neighbouring-state"
           for h in sentence.entities):
        return False
    foreign = [s for group in ("foreign-power", "ethnic") if group in sentence.pipeline.markers
               for s, _ in sentence.find(group)]
    if any(end <= s <= to + OWN_REACH for s in foreign):
        return False  # "to the Vietnamese authorities"
    return any(to < s <= to + OWN_REACH for s, _ in sentence.find("own-recipient"))


# territory cues that say something moved or went somewhere: land or posts when they are what
# moves ("the border posts moved", "Koh Tral went to Vietnam"), else trade, people or offices
MOTION = {"moved", "moves", "moving", "move", "shifted", "shifts", "shifting", "went", "goes",
          "gone", "going"}
# what follows a verb of motion used without an object: where to, from where, which way
WHITHER = {"to", "from", "back", "away", "abroad", "out", "up", "down", "towards", "toward",
           "elsewhere", "overseas", "home", "there", "here"}
# between a subject and its verb: "trade has quickly moved to Bavet"
SUBJECT_FILLERS = PASSIVE_FILLERS | {"has", "have", "had", "is", "are", "was", "were", "will",
                                     "would", "could", "may", "might", "also", "recently",
                                     "since", "mostly", "largely", "partly", "soon", "later"}
PEOPLE_POINTING = {"he", "she", "we", "i", "you", "us", "him", "her", "me"}


def _went_elsewhere(sentence: Sentence, start: int, end: int) -> bool:
    """True when a territory cue of motion ("moved", "went", "shifted") has no object, where to
    or from right after it, and the one that moved, the word just before it (past "has",
    "quickly" …), is a common noun naming neither land, a place nor border posts (its head, before a
    preposition other than "of"): "cross-border
    trade moved to Bavet", "the workers went back to Thailand", "the market moved away from the
    checkpoint". "The border posts moved to our rice fields", "Koh Tral went to Vietnam", "it
    went to Vietnam", "Vietnamese troops moved to the border" keep the claim."""
    lowers, base = sentence.lowers, sentence.start
    if end - start != 1 or lowers[start - base] not in MOTION or end >= sentence.end \
            or lowers[end - base] not in WHITHER:
        return False
    k = start - 1
    while k >= sentence.start and (lowers[k - base] in SUBJECT_FILLERS
                                   or lowers[k - base].endswith("ly")):
        k -= 1
    if k < sentence.start or not sentence.doc[k].is_alpha:
        return False  # no subject before it: "Moved to Vietnam!" is read as before
    first = clause_start(sentence, k)
    first = max([first] + [j + 1 for j in range(first, k) if lowers[j - base] in SUBJECT_OPENS]
                + [j for j in range(first + 1, k) if lowers[j - base] in OBJECT_DETERMINERS
                   and lowers[j - 1 - base] not in PREPOSITIONS])  # "year after year the border"
    # the subject's head stands before its first preposition other than "of": "traders from
    # the border district moved", "most of the cattle trade went"
    k = next((j - 1 for j in range(first + 1, k + 1)
              if lowers[j - base] in PREPOSITIONS and lowers[j - base] != "of"), k)
    word = lowers[k - base]
    if word in POINTING or word in PEOPLE_POINTING or _a_name(sentence.doc[k].text):
        return False  # what "it" points to, or a place's name, decides
    groups = ("territory-context", "territory-object", "border-marker", "neighbour-before")
    spans = [span for group in groups if group in sentence.pipeline.markers
             for span in sentence.find(group)]
    if any(s <= k < e for s, e in spans) or any(h.start <= k < h.end for h in sentence.entities):
        return False
    return not any(first <= h.start < start and h.entry.category == "neighbouring-state"
                   for h in sentence.entities)
