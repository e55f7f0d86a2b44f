"""What frame a cue stands in, for lawcheck.speech.acts: a call or a command, a request put to an
authority, a charge reported, a denial, a definition, a mourning, an election rejected (claims
of foreign control and of lost land are land_frames.py's); and _needs_met, which says whether
a kind's needed frame is there (lawcheck.speech.prescreen mirrors it: teach both any new way
to meet a need).

Each function answers one question about one sentence of a tokenised statement, and acts._acts
asks them before it keeps an act. They are private to the analyser (underscored), split out of
acts.py so each module stays small.
"""

from __future__ import annotations

from lawcheck.speech.clause_roles import OBJECT_DETERMINERS
from lawcheck.speech.context import Sentence
from lawcheck.speech.targets import find_target

CALLS = "statement.calls"  # a command clause makes any cue in it a call (see _in_command)
# a command may open a clause after these: "To every worker on the site: put down your tools"
OPENERS = {":", "—", "–", ";", ","}
SLOGAN_WORDS = 8  # a text this short with an abusive name is a banner, a caption or a chant
FOREIGN = "statement.foreign_control"


def _cancelled(sentence: Sentence, kind, start: int, end: int) -> bool:
    """True when a marker of the kind's ``unless`` groups stands in the cue's clause, before it
    ("we welcome the release") or, unless the group's scope is ``before``, after it ("the
    release of the 26 is good news"); a group of scope ``at`` only as a longer phrase that opens
    with the cue itself ("she killed herself": "killed" read with its reflexive object), so "the
    chief robbed them and the mother killed herself" still accuses the chief. A group's
    ``within`` holds here too: "the court ordered them jailed and we demand their release" is a
    demand, since "ordered" stands further from "release" than court-decided's four words."""
    from lawcheck.speech.context import clause_end, clause_start

    first, last = clause_start(sentence, start), clause_end(sentence, end)
    markers = sentence.pipeline.lexicon.markers
    for group in kind.unless:
        scope = markers[group].scope
        if scope == "at":
            if any(s == start and e > end for s, e in sentence.find(group)):
                return True
            continue
        after = scope != "before"
        within = markers[group].within  # at most this many words from the cue, as for needs
        lo = first if within is None else max(first, start - within)
        hi = last if within is None else min(last, end + within)
        if any((lo <= s < start or after and end <= s < hi)
               and not (group in DENIABLE and _denied(sentence, s))
               for s, _ in sentence.find(group)):
            return True
    return False


# unless groups that a "not" right before them turns around: "by the people's own hands and not
# by the ballot" names the vote as the means NOT used (issue 13: overthrow)
DENIABLE = {"electoral-means"}
DENIALS = {"not", "never", "than", "without", "instead"}


def _denied(sentence: Sentence, s: int) -> bool:
    """True when the marker at token ``s`` is denied just before it: "not by the ballot",
    "not through elections", "rather than at the polls", "instead of the ballot box"."""
    lowers, base = sentence.lowers, sentence.start
    for k in range(max(base, s - 3), s):
        if lowers[k - base] in DENIALS and not any(w in (",", ";", ":", "and", "but")
                                                    for w in lowers[k + 1 - base:s - base]):
            return True
    return False


def _controlled_judiciary(sentence: Sentence, start: int, end: int, kind, earlier, tagged):
    """The judiciary as a whole (lexicon category court-system) as the target of a claim
    about judges, when the claim names who controls it after the cue ("the judiciary takes
    orders from the ruling party", "the court system is a tool of Hun Sen"): that says the
    courts obey a master, as of a named court. Without the master ("the court system is not
    independent") it is measured criticism of an institution, and no claim about a judge."""
    if not any(s >= end for s, _ in sentence.find("political-controller")):
        return None
    target = find_target(sentence, start, end, ("government",), kind.direction, earlier, tagged)
    system = [h for h in sentence.entities if h.entry.category == "court-system"]
    if target is None or not any(sentence.source[h.chars[0]:h.chars[1]] == target.words
                                 for h in system):
        return None
    return target


# the entities a request may be put to, besides a court: the government, an office, a leader
AUTHORITIES = ("government", "official", "politician")
REQUEST_REACH = 6  # words from the request verb to the one it is put to


def _put_to_authority(sentence: Sentence, start: int, sentence_at) -> bool:
    """True when a request verb (`request`) is put to the government, an office or a leader
    named within REQUEST_REACH words after it, before the cue in its sentence ("we urge the
    Koh Kong provincial authorities to release them"), or in the sentence before when the
    cue's own sentence is a command that names no one it is put to ("I request the provincial
    authorities to act. Free our brothers."): the measured call of `authority-addressee`,
    whatever words stand between the verb and the authority."""
    if "request" not in sentence.pipeline.markers:
        return False
    if _requests_authority(sentence, start):
        return True
    if sentence.start == 0 or sentence_at is None or not _a_command(sentence):
        return False
    before = sentence_at(sentence.start - 1)
    return before.start < sentence.start and _requests_authority(before, before.end)


def _requests_authority(sentence: Sentence, stop: int) -> bool:
    for s, e in sentence.find("request"):
        if e > stop:
            continue
        if any(h.target in AUTHORITIES and e <= h.start < min(stop, e + REQUEST_REACH)
               for h in sentence.entities):
            return True
    return False


def _a_command(sentence: Sentence) -> bool:
    """True when the sentence opens with a command verb ("Stop hunting …", "Free them all"):
    a `command` word or a verb of release in its base form."""
    first = sentence.first_word()
    if first >= sentence.end:
        return False
    lowers, k = sentence.lowers, first - sentence.start
    commands = sentence.pipeline.markers.get("command", {})
    return lowers[k] in RELEASE_VERBS or any(
        tuple(lowers[k:k + len(p)]) == p for p in commands.get(lowers[k], ()))


RELEASE_VERBS = {"free", "release", "drop", "end", "stop"}


# the words of a sentence that ask for an outcome of a case or put a demand to someone: with none
# of them, a word that calls the charges or the case false or political describes it
OUTCOME_ASKED = {"must", "should", "demand", "demands", "demanding", "call", "calls", "calling",
                 "urge", "urges", "urging", "need", "needs", "ought", "release", "released",
                 "free", "freed", "drop", "dropped", "withdraw", "withdrawn", "acquit",
                 "acquitted", "overturn", "quash", "dismiss", "dismissed", "let", "stop", "end",
                 "ask", "asks", "request", "requests", "appeal", "will", "shall", "please"}
# cues of the pending-case kind that call the charges false, political or revenge: a word about
# the accusation, not about what a court does with it. Words that judge the trial or the hearing
# itself ("sham", "farce", "theatre", "irregularities") and cues that ask an outcome ("acquit",
# "overturn", "thrown out") are not among them; strong cues ("politically motivated charges",
# "trumped-up charges", the labelling guide's own examples) are never set aside
FALSE_CHARGE_CUES = {"fabricated", "baseless", "bogus", "trumped-up", "trumped up",
                     "politically motivated", "cooked up", "made up", "false charges",
                     "charges are false", "charges were false", "invented charges",
                     "charges are invented", "made-up charges", "political charges",
                     "political prosecution", "political revenge", "an act of revenge",
                     "to silence", "trumped-up charges", "politically motivated charges"}


def _case_described(sentence: Sentence, start: int, end: int) -> bool:
    """True when a cue that calls the charges false, political or revenge (FALSE_CHARGE_CUES:
    "sentenced on fabricated charges", "the charges were politically motivated") stands in a sentence that asks the
    case for no outcome (no "must", "should", "call", "release", "drop", "acquit" ...) and
    names no court, judge, prosecutor or case of rules/lexicons/courts.yaml ("the case
    against", "the trial of"): the charges are described, no court is pressed (issue 13 eighth
    round: such words were on no risky tuning line and on benign ones in both halves). "The
    charges are fabricated and must be dropped", "the court's politically motivated case",
    words that judge the trial itself ("a sham trial", "the trial is theatre"), cues that ask
    an outcome ("acquit", "overturn") and strong cues ("jailed on politically motivated
    charges", the labelling guide's example: the caller checks) still count."""
    lowers, base = sentence.lowers, sentence.start
    if " ".join(lowers[start - base:end - base]).replace(" - ", "-") not in FALSE_CHARGE_CUES:
        return False
    if any(h.entry.category == "court" for h in sentence.entities):
        return False
    return not any(w in OUTCOME_ASKED for w in lowers)


def _mourned(sentence: Sentence, tokens, start: int, end: int) -> bool:
    """True when the cue is a word of death (`death-news`: "died", "passed away") and the
    statement grieves (`condolence`: "our condolences", "we mourn"): an obituary or a
    condolence, not a rumour that a leader is dead. Insults in the same statement are kept."""
    markers = sentence.pipeline.markers
    if "death-news" not in markers or "condolence" not in markers:
        return False
    cue = tuple(sentence.lowers[start - sentence.start:end - sentence.start])
    if cue not in markers["death-news"].get(cue[0], ()):
        return False
    lowers, grief = tokens.lower, markers["condolence"]
    return any(tuple(lowers[k:k + len(p)]) == p for k, w in enumerate(lowers)
               for p in grief.get(w, ()))


# "no" before these quantifies, it does not deny: "stole no less than $5 million"
NOT_DENIAL = {"fewer", "less", "more", "doubt", "small", "end", "shortage", "longer"}


def _nothing_after(sentence: Sentence, end: int) -> bool:
    """True when the cue's object is nothing or no one, right after it: "the governor stole
    nothing", "the police killed no one", "hid no money" deny the deed they name; "stole no less
    than $5 million" does not."""
    lowers, base = sentence.lowers, sentence.start
    if end >= sentence.end:
        return False
    word = lowers[end - base]
    after = lowers[end + 1 - base] if end + 1 < sentence.end else ""
    if word in ("nothing", "nobody", "none"):
        return after not in NOT_DENIAL and after not in ("short", "but")  # "nothing less than"
    return word == "no" and after not in NOT_DENIAL


def _definition(sentence: Sentence, start: int, end: int) -> bool:
    """True when the name is defined, not given: "a traitor is someone who …", "a thief means
    …" (after "a" or "an", before "is" or "means")."""
    lowers, base = sentence.lowers, sentence.start
    return start > sentence.start and lowers[start - 1 - base] in ("a", "an") and \
        end < sentence.end and lowers[end - base] in ("is", "means", "was")


def _described(sentence: Sentence, end: int) -> bool:
    """True when a relative clause with its verb follows the cue at once ("traitor who has sold
    away the land", "the thieves that took our fields"): the clause says whom it means."""
    lowers, base = sentence.lowers, sentence.start
    return end + 1 < sentence.end and lowers[end - base] in ("who", "that") \
        and sentence.doc[end + 1].is_alpha and lowers[end + 1 - base] not in ("is", "are")


def _slogan(doc) -> bool:
    return sum(1 for t in doc if t.is_alpha) <= SLOGAN_WORDS


# words that make the noun after them one event: "a march", "the rally", "their strike"
EVENT_DETERMINERS = {"a", "an", "the", "this", "that", "their", "his", "her", "its", "our",
                     "last", "yesterday's", "another"}
EVENT_NOUNS = {"march", "rally", "protest", "strike", "boycott", "vigil", "demonstration"}


def _a_named_event(sentence: Sentence, start: int) -> bool:
    """True when a strong call cue opens with the noun of a protest after a determiner ("joined
    a march to the National Assembly", "the march to the ministry passed peacefully"): it names
    an event, which is a call only in a call's frame ("we will hold a march to the ministry",
    "join a march to the ministry"), so it must meet the kind's needs like any other cue."""
    lowers, base = sentence.lowers, sentence.start
    return start > sentence.start and lowers[start - base] in EVENT_NOUNS \
        and lowers[start - 1 - base] in EVENT_DETERMINERS


# verbs that ask for a gathering or a strike to be permitted: what follows them is allowed, not
# called for, when they stand as an infinitive or after a modal ("call on the authorities to
# allow the march", "the police should let the vigil go ahead")
PERMISSION = {"allow", "permit", "let", "facilitate", "tolerate", "protect", "authorise",
              "authorize", "respect", "block", "ban", "prevent", "obstruct", "disperse",
              "stop", "forbid", "prohibit", "restrict", "suppress"}
PERMISSION_FRAME = {"to", "should", "must", "shall", "will", "would", "can", "not", "never",
                    "and", "or"}
PERMISSION_STOPS = {".", ";", ":", "!", "?", "—", "–", "-", "but", "so", "then", "we", "you",
                    "everyone", "us", "let's", "lets"}


def _permitted(sentence: Sentence, start: int) -> bool:
    """True when the call's cue is the object of a request to permit it (or not to stop it),
    put to someone as an infinitive or after a modal: "we call on the authorities to allow the
    march to proceed", "the authorities should permit the vigil", "we urge the government to
    let garment workers strike without fear", "must not block the rally". The gathering is
    what they are asked to allow; no one is called to it. A call after a break still counts
    ("do not let them stop us: march to the ministry"), and so does "let us" or "let's"."""
    lowers, base = sentence.lowers, sentence.start
    for k in range(start - 1, max(sentence.start, start - 8) - 1, -1):
        word = lowers[k - base]
        if word in PERMISSION_STOPS:
            return False
        if word in PERMISSION and k > sentence.start and \
                lowers[k - 1 - base] in PERMISSION_FRAME and lowers[k + 1 - base] not in (
                    "us", "'s"):
            return True
    return False


# nouns that name a right: a call cue in the list of what a right allows ("restricting the rights
# to express opinions, join independent organizations, and hold peaceful public protests") names
# the right, and calls no one to exercise it
RIGHT_NOUNS = {"right", "rights", "freedom", "freedoms", "liberty", "liberties"}
RIGHT_REACH = 15  # words from the right's noun to the cue, without a break


def _a_right_named(sentence: Sentence, start: int) -> bool:
    """True when the call's cue stands in what a right is a right to ("the rights to express
    opinions, join organisations and hold peaceful protests", "freedom to gather and march"):
    the right is named, not exercised. A call word before the right still calls ("we call on
    all workers to use their right to strike tomorrow"), and a break or a new subject between
    the right and the cue ends the right's list ("it is our right to protest, so we will
    protest on Sunday")."""
    lowers, base = sentence.lowers, sentence.start
    for k in range(start - 1, max(sentence.start, start - RIGHT_REACH) - 1, -1):
        word = lowers[k - base]
        if word in PERMISSION_STOPS:
            return False
        if word in RIGHT_NOUNS and k + 1 < start and (lowers[k + 1 - base] == "to" or (
                # "the rights of garment workers to strike": whose right, then "to"
                lowers[k + 1 - base] == "of" and "to" in lowers[k + 2 - base:min(
                    start, k + 6) - base])):
            from lawcheck.speech.context import clause_start

            first = clause_start(sentence, k)
            return not any(first <= s < k for s, _ in sentence.find("call")) and not any(
                first <= s < k for s, _ in sentence.find("call-near"))
    return False


# words that make a protest the time of something else: "restraint during the march"
OCCASION_WORDS = {"during", "throughout", "ahead"}
OCCASION_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "any", "their",
                        "its", "his", "her", "our", "of", "such", "tomorrow's", "sunday's",
                        "peaceful", "planned"}


def _an_occasion(sentence: Sentence, start: int) -> bool:
    """True when the call's cue is a protest named as the time of something else, right after
    "during" or "throughout" (a determiner or two between): "we call on the security forces to
    exercise restraint during the march", "journalists were beaten during the protest". The
    protest is when the thing asked or told happens; no one is called to it by those words (a
    call elsewhere in the statement still counts: issue 13)."""
    lowers, base = sentence.lowers, sentence.start
    k = start - 1
    while k > sentence.start and k > start - 4 and lowers[k - base] in OCCASION_DETERMINERS:
        k -= 1
    return k >= sentence.start and k < start and lowers[k - base] in OCCASION_WORDS


# prescreen.py drops, before any sentence is read, the hits whose needs no word of the statement
# can meet: a new way for a need to be met (or for a target after the cue to be found without an
# entity or a name) must be taught to it too; tests/test_prescreen.py compares both readings
def _needs_met(sentence: Sentence, kind, start: int, end: int, sentence_at=None) -> bool:
    markers = sentence.pipeline.lexicon.markers
    for need in kind.needs:
        if need == "imperative":
            if kind.fact == COURT_CLAIMS and _inflected(sentence.lowers[start - sentence.start]):
                continue  # "Irregularities in the strategy …": a plural noun commands nothing
            if start == sentence.first_word() or (
                    start > sentence.start and sentence.doc[start - 1].text in OPENERS) or (
                    kind.fact == CALLS and _in_command(sentence, start)):
                return True
            continue
        group = markers[need]
        if group.scope == "around" and sentence_at is not None and sentence.start > 0:
            # "Foreigners of that race steal our jobs. Throw them out.": the group named in the
            # sentence before is what "them" or "it" points back to
            before = sentence_at(sentence.start - 1)
            if before.start < sentence.start and before.find(need):
                return True
        for s, e in sentence.find(need):
            if start <= s < end or start < e <= end:
                continue  # the cue itself ("join the protest") is not its own marker
            if group.scope == "after":
                if s < end or (group.within is not None and s >= end + group.within):
                    continue
                return True
            if group.within is not None and not (start - group.within <= s < start):
                continue
            if group.scope == "before" and s >= start:
                continue
            return True
    return False


COURT_CLAIMS = "statement.court_claims"
ELECTION_ENTRY = "election.election"
PREPOSITIONS = {"of", "in", "on", "at", "to", "for", "from", "with", "by", "during", "after",
                "before", "without", "against", "about", "over", "under", "that", "which"}
ELECTION_WORDS_AFTER = {"and", "or", "on", "in", "this", "next", "that", "which", "of", "at",
                        "for", "because", "as", "until", "now", "itself", "altogether", "too",
                        "without", "with", "under", "organised", "organized", "held", "run"}


def _rejects_election(sentence: Sentence, end: int) -> bool:
    """True when the election itself is the object right after the cue, past a determiner and
    at most two words that are no preposition ("oppose the cosmetic elections", "reject this
    sham election"), and owns nothing after it ("reject the election results" does not)."""
    lowers, base = sentence.lowers, sentence.start
    k = end
    while k < sentence.end and lowers[k - base] in OBJECT_DETERMINERS + ("this", "these"):
        k += 1
    for hit in sentence.entities:
        if hit.entry.id != ELECTION_ENTRY or not k <= hit.start <= k + 3:
            continue
        between = lowers[k - base:hit.start - base]  # "sham", "so-called", "2023"
        if any(not (w.isalpha() or w.isdigit() or w == "-") or w in PREPOSITIONS
               for w in between):
            continue
        return hit.end >= sentence.end or not sentence.doc[hit.end].is_alpha \
            or lowers[hit.end - base] in ELECTION_WORDS_AFTER
    return False


# questions that put a call as a suggestion or an invitation to volunteer
SUGGESTIONS = (("why", "do", "n't", "we"), ("why", "not"), ("shall", "we"), ("why", "don't", "we"),
               ("who", "will", "join"), ("who", "will", "stand"), ("who", "will", "come"),
               ("will", "you", "join"), ("wo", "n't", "you"), ("who", "is", "ready"),
               ("are", "you", "ready"), ("who", "dares"), ("who", "will", "march"))


def _suggested(sentence: Sentence) -> bool:
    """True when the question opens as a suggestion or a call for volunteers ("Why don't we …",
    "Shall we …", "Who will join us …", "Are you ready to …"): it asks nothing, it calls."""
    k = sentence.first_word() - sentence.start
    return any(tuple(sentence.lowers[k:k + len(p)]) == p for p in SUGGESTIONS)


# verbs of removal whose object follows them: what is removed must be the rulers
REMOVAL_VERBS = {("bring", "down"), ("tear", "down"), ("get", "rid", "of"), ("kick", "out"),
                 ("throw", "out"), ("drive", "out"), ("chase", "out"), ("sweep", "away"),
                 ("help", "remove")}
OBJECT_STOPS = {"of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "so",
                "before", "after", "until", "because", "that", "which", "who"}
RULER_WORDS = {"it", "them", "him", "her", "this", "these", "those", "they", "all"}


# the bare verbs of overthrow: a strong cue, unless their own object names no ruler ("the leader
# has the power to topple groups who want to protest": the rulers topple, they are not toppled)
OVERTHROW_VERBS = {("topple",), ("topples",), ("toppled",), ("toppling",), ("overthrow",),
                   ("overthrows",), ("overthrowing",)}
# what an overthrow may be aimed at besides a government word or a named ruler
REGIME_NOUNS = {"dictatorship", "dictatorships", "tyranny", "autocracy", "junta", "monarchy",
                "throne", "king", "crown", "power", "state", "administration", "cabinet",
                "premier", "leader", "leaders", "leadership", "ruler", "rulers", "communists",
                "party", "parties"}


def _removes_something_else(sentence: Sentence, start: int, end: int,
                            verbs=None) -> bool:
    """True when a verb of removal ("bring down", "get rid of", "drive out") has its own object,
    up to four words before a preposition or a clause break, and no government, regime, leader,
    party or pronoun stands in it: "bring down the price of fertiliser", "get rid of corruption
    in the ministry" remove no rulers; "bring down this corrupt regime", "bring it down" do.
    With ``verbs=OVERTHROW_VERBS`` the same is asked of "topple" and "overthrow", and a king, a
    throne or a regime noun (REGIME_NOUNS) counts as a ruler too."""
    lowers, base = sentence.lowers, sentence.start
    bare = verbs is OVERTHROW_VERBS
    if not bare and end < sentence.end and lowers[end - base] in ("'s", "’s"):
        return True  # "remove the government's fees": the fees are removed
    if tuple(lowers[start - base:end - base]) not in (verbs or REMOVAL_VERBS):
        return False
    stop = end
    while stop < min(sentence.end, end + 4) and sentence.doc[stop].is_alpha \
            and lowers[stop - base] not in OBJECT_STOPS:
        stop += 1
    if stop == end:
        return False  # "bring down!", "bring down, now": nothing else is named
    rulers = [s for group in ("government-context", "epithet") if group in sentence.pipeline.markers
              for s, _ in sentence.find(group)]
    ruling = ("government", "politician", "party", "official") + (("royal",) if bare else ())
    if any(end <= s < stop for s in rulers) or any(
            end <= h.start < stop and h.target in ruling for h in sentence.entities):
        return False
    words = RULER_WORDS | REGIME_NOUNS if bare else RULER_WORDS
    return not any(lowers[k - base] in words for k in range(end, stop))


# appeals to the security forces: a call in form, or words addressed to the forces
FORCES_APPEAL = ("appeal-forces", "hold-fire")  # hold-fire: "troops, hold your fire"
APPEAL_FRAME = ("call", "call-near", "imperative", "forces-address")
APPEAL_OPENERS = {"must", "should", "never", "do", "don't", "dont", "stop", "refuse", "lay",
                  "put", "lower", "turn", "point", "defect", "disobey"}


def _appealed(sentence: Sentence, kind, start: int, end: int, sentence_at=None) -> bool:
    """True when an appeal to the forces is made: the cue stands in a call (`call`,
    `call-near`, a command) or the sentence addresses the forces (`forces-address`), and its
    "the people" owns nothing after it. "Soldiers defended the people during the floods" tells
    what they did; "police must protect the people's right to assemble" asks them to protect a
    right, which is what the law asks of them."""
    from dataclasses import replace

    if end < sentence.end and sentence.lowers[end - sentence.start] in ("'s", "’s"):
        return False
    if sentence.lowers[start - sentence.start] in APPEAL_OPENERS:
        return True  # the cue is a command itself: "must not obey Hun Sen", "lay down your arms"
    frame = tuple(n for n in APPEAL_FRAME if n == "imperative" or n in sentence.pipeline.markers)
    if _needs_met(sentence, replace(kind, needs=frame), start, end, sentence_at):
        return True
    if _forces_addressed(sentence, start):
        return True
    # "I call on each soldier who has a gun … to use it to defend our people": a sentence that
    # opens in lower case goes on with the one before, where the call may stand
    first = sentence.first_word()
    if sentence_at is None or sentence.start == 0 or first >= sentence.end \
            or not sentence.doc[first].is_lower:
        return False
    before = sentence_at(sentence.start - 1)
    return before.start < sentence.start and any(
        before.find(n) for n in frame if n != "imperative")


# words that may open the address to the forces before their name: "To the police in Phnom
# Penh:", "Dear soldiers,", "My brothers in the army,"
ADDRESS_LEAD = {"to", "dear", "my", "our", "all", "every", "each", "the", "brave", "young",
                "fellow", "you", "and", "of", "in", "from", "brothers", "sisters", "friends",
                "officers", "officer", "men", "women", "comrades", "cambodian", "khmer"}
ADDRESS_ENDS = {",", ":", "!", "—", "–"}
ADDRESS_REACH = 8  # words from the sentence start to the comma or colon that ends the address


def _forces_addressed(sentence: Sentence, start: int) -> bool:
    """True when the sentence opens by addressing the security forces and the cue comes after
    the address: "Police officers, remember …", "To the police in Phnom Penh: refuse …",
    "Soldiers and police, …". The address is the forces' name (`forces-context`) with only
    words of address, "and" or a place's capitalised name around it, ended by a comma, a colon
    or "!" within ADDRESS_REACH words: "Soldiers helped families carry their belongings, …"
    tells what soldiers did, and is no address (issue 13)."""
    forces = sentence.find("forces-context") if "forces-context" in sentence.pipeline.markers \
        else []
    if not forces:
        return False
    first = sentence.first_word()
    named = False
    k = first
    while k < min(sentence.end, first + ADDRESS_REACH):
        span = next((e for s, e in forces if s == k), None)
        if span is not None:
            named, k = True, span
            continue
        token = sentence.doc[k]
        if token.text in ADDRESS_ENDS:
            return named and k < start
        if token.lower_ not in ADDRESS_LEAD and not (token.is_title and k > first):
            return False
        k += 1
    return False


def _inflected(word: str) -> bool:
    """True when ``word`` is an inflected form (a plural, a past or third-person form) and no
    lemma itself: a command is given in the base form ("Acquit them", "Drop the charges"),
    "irregularities" or "dropped" command nothing."""
    from lawcheck.speech.lemmas import is_lemma, lemma

    return lemma(word) != word and not is_lemma(word)


CHARGE_WORDS = {"charged", "charging", "charges", "charge", "accused", "accusing", "accuse",
                "accuses", "convicted", "convicting", "sentenced", "indicted", "prosecuted",
                "prosecuting", "guilty", "suspected", "suspicion", "arrested", "detained",
                "jailed", "imprisoned", "investigated", "investigating", "summoned"}
CHARGE_REACH = 14  # words from "with" or "of" to the cue: "charged us with plotting … or insulting"
CHARGE_ENDS = {";", ":", ".", "but", "while", "because", "although", "that", "which", "who"}


def _charged_with(sentence: Sentence, start: int) -> bool:
    """True when the cue names what someone is charged with, accused or convicted of: "with" or
    "of" up to CHARGE_REACH words before it, right after a charge word (within three words: "charged
    us with", "accused the monk of", "found guilty of"), and no clause break between. The
    charge is the authorities' or the accuser's words, reported; it insults or accuses no one in
    the writer's voice ("The court charged us with plotting … or insulting the king"), unless
    the writer makes the charge ("we accuse the governor of corruption")."""
    lowers, base = sentence.lowers, sentence.start
    for k in range(start - 1, max(sentence.start, start - CHARGE_REACH) - 1, -1):
        word = lowers[k - base]
        if word in CHARGE_ENDS:
            return False
        charge = [j for j in range(max(sentence.start, k - 3), k)
                  if lowers[j - base] in CHARGE_WORDS]
        if word in ("with", "of", "for") and charge:
            # "we accuse the governor of corruption": the writer's own charge is made
            return not any(0 <= charge[0] - e <= 3 for _, e in sentence.find("self"))
    return False


def _in_command(sentence: Sentence, start: int) -> bool:
    """True when the cue sits in a clause that opens with a command verb: "Bring sticks and
    machetes", "take your money elsewhere", "…, and keep walking". The clause starts at the
    sentence start or after an opener or "and"."""
    commands = sentence.pipeline.markers.get("command")
    if not commands:
        return False
    k = start
    lowers, base = sentence.lowers, sentence.start
    while k > sentence.first_word() and sentence.doc[k - 1].text not in OPENERS \
            and lowers[k - 1 - base] != "and":
        k -= 1
    while k < start and lowers[k - base] in ("please", "pls", "now", "so", "then", "just"):
        k += 1
    word = lowers[k - base]
    return any(tuple(lowers[k - base:k - base + len(p)]) == p for p in commands.get(word, ()))


