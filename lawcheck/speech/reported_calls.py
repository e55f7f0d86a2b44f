"""A call told as someone else's news, or made in the writer's voice (issue 13, session 31:
reported calls). A call whose clause has a third party as the subject of a verb of calling in
the past ("the party president asked supporters to take to the streets"), or in the present
with a verb of saying that tells whose news it is ("the unions are calling on workers to strike,
the ministry said"), is recounted, not made; acts._acts then sets it aside ("described"), so the
report notes it instead of finding incitement. The writer's own, echoed or endorsed calls stay
calls. Kept apart from recounted.py (the older readings against false alarms) for its size.
"""

from __future__ import annotations

from lawcheck.speech.context import Sentence


# verbs that put a call to people, past forms first: the nearest one before a call's cue says
# whose call it is ("the CNRP urged people to boycott" recounts; "we urge you to spoil yours")
CALLED_PAST = {"urged", "called", "demanded", "appealed", "encouraged", "asked", "incited",
               "mobilised", "mobilized", "invited", "instructed", "ordered", "exhorted"}
CALLING_NOW = {"urge", "urges", "urging", "call", "calls", "calling", "demand", "demands",
               "appeal", "appeals", "encourage", "encourages", "ask", "asks", "incite",
               "incites", "mobilise", "mobilize", "invite", "invites", "instruct", "order",
               "tell", "exhort", "let", "join"}
# present forms that may be a third party's call told as news ("the unions are calling on
# workers to strike, the ministry said"); "let", "join", "tell" and "order" open the writer's own
CALLING_TOLD = CALLING_NOW - {"let", "join", "tell", "order"}
# words that may stand between a subject and its verb of calling: "the CNRP has repeatedly urged"
BEFORE_VERB = {"has", "have", "had", "also", "repeatedly", "reportedly", "then", "later",
               "publicly", "once", "previously", "allegedly", "openly", "again"}
# the auxiliaries of a call going on as it is told: "the union is calling on workers to strike"
ONGOING = {"is", "are", "was", "were", "been"}
SELF_SUBJECTS = {"we", "i", "us", "our", "my"}
# what stands before a verb of calling when the one who calls is the writer, or no one: a modal
# ("everyone must call on"), "to" ("we want to urge"), a pronoun of address
NOT_A_SUBJECT = {"to", "must", "should", "will", "would", "shall", "can", "could", "may",
                 "might", "please", "you", "and", "or", "let", "do"}
# verbs of saying that tell the present call as someone's news: "…, the ministry said"
SAYING = {"said", "says", "reported", "reports", "according", "stated", "announced", "quoted"}
OWNER_REACH = 3  # words before a subject's head in which "our" makes it the writer's own
CALL_REACH = 12  # words from the verb of calling to the cue


def _call_recounted(sentence: Sentence, start: int) -> bool:
    """True when the call at ``start`` is someone else's call, told as a deed: the nearest
    verb of calling before the cue in its sentence is a past form whose subject is not the
    writer ("the CNRP effectively handed the seats to the CPP when it urged people to boycott
    the elections", "in 2013 the union called on workers to strike", "the party president
    asked supporters to take to the streets", "union leaders have appealed to workers to join a
    strike"), or a present one whose subject is not the writer in a sentence that says who
    reports it ("the unions are calling on workers to strike, the ministry said"): news of the
    call, as a release someone else called for is news (facts.OWN_VOICE_ONLY). A verb after "to"
    is the deed called for ("to join a strike"), not a new call. The writer's own past or
    present call still counts ("we urged people to boycott the election", "our president urged
    members to gather", "the opposition urged voters to spoil their ballots, and we urge you to
    spoil yours too"), and so do words repeated after a verb of saying ("villagers said: march
    to the ministry") and a call the writer endorses (_call_endorsed)."""
    lowers, base = sentence.lowers, sentence.start
    lo = max(sentence.start, start - CALL_REACH)
    for v in range(start - 1, lo - 1, -1):
        word = lowers[v - base]
        if word in (";", ":", "—", "–", "but", "yet", "that", "told", "said", "says", "so",
                    "therefore", "thus", "hence"):
            # a new clause ("the monks asked us to march, so march with them"), or the call's
            # own words after a verb of saying or "that" ("a leader told reporters that every
            # family should refuse to sell"): repeated, so published
            return False
        if word in CALLING_NOW and v > sentence.start and lowers[v - 1 - base] == "to":
            continue  # "urged workers to join a strike": what is called for, not a new call
        if word in CALLING_NOW:
            return word in CALLING_TOLD and _third_party(sentence, v) \
                and _told_by_someone(sentence) and not _call_endorsed(sentence)
        if word in CALLED_PAST:
            return _third_party(sentence, v) and not _call_endorsed(sentence)
    return False


def _called_for_and_joined(sentence: Sentence, start: int) -> bool:
    """True when the cue at ``start`` is what a third party's call asks for ("community leaders
    called on villagers to gather outside the provincial court") and the writer urges people to
    join it elsewhere in the statement (_join_urged): the writer's call, whose event the told
    call names, meets the cue's need of a word of calling. The told call alone does not."""
    if not _join_urged(sentence.tokens.lower):
        return False
    lowers, base = sentence.lowers, sentence.start
    for v in range(start - 1, max(sentence.start, start - CALL_REACH) - 1, -1):
        word = lowers[v - base]
        if word in (";", ":", "—", "–", "but", "yet", "."):
            return False
        if word in CALLED_PAST or word in CALLING_TOLD and not (
                v > sentence.start and lowers[v - 1 - base] == "to"):
            return _third_party(sentence, v)
    return False


def _third_party(sentence: Sentence, v: int) -> bool:
    """True when the verb of calling at ``v`` has a subject before it that is not the writer:
    past the words of BEFORE_VERB (and for an "-ing" form the "is"/"are" it needs), a word that is
    no pronoun of the writer, no modal, "to" or "you", with no "our" or "my" a few words before
    it ("our president urged"). A verb with nothing before it ("Urged by the union, …"), after a
    list mark, in the passive ("we were asked to join") or an "-ing" form with no "is" before it
    ("in urging workers to strike") is the writer's side."""
    lowers, base = sentence.lowers, sentence.start
    k = v - 1
    while k >= sentence.start and (lowers[k - base] in BEFORE_VERB or _adverb(sentence, k)):
        k -= 1  # "has repeatedly urged", "we strongly encourage"
    if lowers[v - base].endswith("ing"):
        if k < sentence.start or lowers[k - base] not in ONGOING:
            return False
        k -= 1
    if k < sentence.start or not sentence.doc[k].is_alpha:
        return False  # no subject: "Urged by the union, …", or a list
    subject = lowers[k - base]
    if subject in SELF_SUBJECTS or subject in NOT_A_SUBJECT or subject in (
            "were", "was", "been", "be", "being"):
        return False  # "we urged", "we were asked to join", "everyone must call": the writer's
    return not any(w in ("our", "my") for w in lowers[max(sentence.start, k - OWNER_REACH) - base:
                                                      k - base])


# nouns that end like an adverb: "the family urged", "the assembly called on"
LY_NOUNS = {"family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly", "italy"}


def _adverb(sentence: Sentence, k: int) -> bool:
    """True for a lower-case word in "-ly" that is no noun: "strongly", "respectfully"."""
    word = sentence.doc[k].text
    return word.islower() and word.endswith("ly") and word not in LY_NOUNS


def _told_by_someone(sentence: Sentence) -> bool:
    """True when a verb of saying in the sentence tells whose news it is ("…, the ministry
    said", "according to the police"), and not the writer's ("we said", "as our leader said")."""
    lowers = sentence.lowers
    for k, word in enumerate(lowers):
        if word in SAYING and not any(w in SELF_SUBJECTS for w in lowers[max(0, k - 3):k]) \
                and (k == 0 or lowers[k - 1] not in ("the", "this", "that", "these", "those")):
            return True  # "the said department" names one already named: no one reports
    return False


# the writer taking up someone's call: "we support their call", "we fully echo the appeal",
# "we join them", "our organisation stands behind this demand"
ENDORSING = {"support", "supports", "echo", "echoes", "endorse", "endorses", "back", "backs",
             "join", "joins", "second", "seconds", "share", "shares", "stand", "stands",
             "welcome", "welcomes", "applaud", "applauds", "amplify", "repeat", "renew", "add"}
ENDORSE_GAP = {"fully", "strongly", "also", "wholeheartedly", "firmly", "too", "all", "proudly",
               "hereby", "therefore", "warmly", "gladly", "must", "will"}
CALL_NOUNS = {"call", "calls", "appeal", "appeals", "demand", "demands", "plea", "request"}
# the makers of the call, or the call, pointed at: "we join them", "we stand behind it"
CALL_POINTERS = {"them", "him", "her", "it", "this", "that"}
ENDORSE_REACH = 4  # words from the verb of taking up to the call it names


def _call_endorsed(sentence: Sentence) -> bool:
    """True when the writer takes up a call anywhere in the statement: "we" (or "our
    association") and a verb of taking up ("support", "echo", "join", "stand behind") aimed at
    a call or at its makers ("we support their call", "we echo the unions' appeal", "we join
    them"), or the writer urges people to join it (_join_urged). A call the writer endorses is
    the writer's own, whoever first made it."""
    lowers = sentence.tokens.lower  # the whole statement's: the call may be taken up anywhere
    if _join_urged(lowers):
        return True
    for k, word in enumerate(lowers):
        if word not in ENDORSING:
            continue
        j = k - 1
        while j >= 0 and lowers[j] in ENDORSE_GAP:
            j -= 1
        if j < 0 or lowers[j] not in ("we", "i", "undersigned") and not any(
                w in ("our", "my") for w in lowers[max(0, j - OWNER_REACH):j]):
            continue  # "we", "the undersigned" or "our association" takes it up
        after = k + 1
        if after < len(lowers) and lowers[after] in ("behind", "with", "by"):
            after += 1  # "stand behind it", "stand with them"
        if after < len(lowers) and lowers[after] in CALL_POINTERS:
            return True
        for w in lowers[k + 1:k + 1 + ENDORSE_REACH]:
            if w in CALL_NOUNS:
                return True
            if not w.isalpha() and w not in ("'", "’", "'s", "’s"):
                break  # "we support workers. The call …": the next clause is not its object
    return False


# the writer's own call to take part in what a reported call asks for: "the opposition leader
# called on supporters to gather at Freedom Park on Sunday, and we urge everyone to join"
JOINING = {"join", "attend", "participate"}
# what may follow the verb of joining when it takes up the call told before it: nothing (the
# clause ends), or a word pointing back at the call or its makers ("join them", "attend it")
JOIN_POINTERS = {"them", "it", "him", "her", "in", "too", "also"}
ADDRESSEE_REACH = 4  # words from the verb of calling to the "to" of joining ("call on all of you")


def _join_urged(lowers) -> bool:
    """True when the writer ("we", "I", "our union") urges, calls on, asks or encourages people
    to join, attend or take part, and nothing is named to join but the call told elsewhere in
    the statement: the clause ends after the verb, or a pointer back stands there ("we urge
    everyone to join", "we call on our members to take part", "we encourage you to join them").
    "We urge everyone to join the training", "we invite members to attend the workshop" name
    an event of their own and take up no call."""
    for k, word in enumerate(lowers):
        if word in JOINING:
            to = k - 1
        elif word == "part" and k >= 2 and lowers[k - 1] == "take":
            to = k - 2
        else:
            continue
        if to < 1 or lowers[to] != "to" or not _nothing_named(lowers, k + 1):
            continue
        for v in range(to - 1, max(-1, to - 1 - ADDRESSEE_REACH), -1):
            if lowers[v] in CALLING_TOLD and _the_writers(lowers, v):
                return True
            if not lowers[v].isalpha():
                break  # "…, and we urge": the verb of calling is in the same clause
    return False


def _nothing_named(lowers, k: int) -> bool:
    """True when the words from ``k`` end the clause at once, or after pointers back: "join.",
    "join them.", "join in, peacefully"."""
    while k < len(lowers) and lowers[k] in JOIN_POINTERS:
        k += 1
    return k >= len(lowers) or not lowers[k].isalpha() or lowers[k] in ("and", "but", "on")


def _the_writers(lowers, v: int) -> bool:
    """True when the verb of calling at ``v`` is the writer's: "we urge", "I strongly urge",
    "our union calls on"."""
    j = v - 1
    while j >= 0 and (lowers[j] in ENDORSE_GAP or lowers[j] in BEFORE_VERB
                      or lowers[j].endswith("ly") and lowers[j] not in LY_NOUNS):
        j -= 1
    return j >= 0 and (lowers[j] in ("we", "i", "undersigned") or any(
        w in ("our", "my") for w in lowers[max(0, j - OWNER_REACH):j + 1]))
