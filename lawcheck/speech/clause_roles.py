"""Who stands where around a cue, for lawcheck.speech.acts: whether a target is the doer, the
one harmed, the one who reports or the one only named; whether the cue's object is land, a thing
or nobody; whether the words frame it as a topic, a presupposition, a lawful act or a suspicion.

Each function answers one question about one sentence of a tokenised statement (its lowered
words and the entity hits in it), and acts._acts asks them before it keeps an act. They are
private to the analyser (underscored), split out of acts.py so each module stays small.
"""

from __future__ import annotations

from lawcheck.speech.context import Sentence
from lawcheck.speech.targets import Target, _as_target

# the words that open the object of a territory cue, and those that end it
OBJECT_OPENERS = {"their", "his", "her", "its", "my", "your", "our", "the", "a", "an"}
OBJECT_ENDS = {"to", "in", "at", "on", "by", "for", "from", "with", "and", "or", "of"}


def _present_government(hits, tokens, pipeline):
    """``hits`` less the government names qualified by a past or foreign regime just before
    them ("the Khmer Rouge regime", "Pol Pot's regime", "the Burmese junta government"): what
    is said of those accuses no present Cambodian authority."""
    others = pipeline.markers.get("other-regime")
    if not others:
        return hits
    lowers = tokens.lower

    def qualified(start: int) -> bool:
        end = start - 1 if start > 0 and lowers[start - 1] in ("'s", "’s") else start
        return any((phrases := others.get(lowers[k])) and tuple(lowers[k:end]) in phrases
                   for k in range(max(0, end - 3), end))

    return [h for h in hits if h.entry.category != "government" or not qualified(h.start)]


def _a_topic(sentence: Sentence, start: int, end: int) -> bool:
    """True when a wrong is named as what a plan works on or as falling: a `remedy` word just
    before the cue (past "the", "a", "of") or just after it ("corruption had fallen")."""
    spans = sentence.find("remedy") if "remedy" in sentence.pipeline.markers else ()
    if not spans:
        return False
    lowers, base = sentence.lowers, sentence.start
    k = start
    while k > sentence.start and lowers[k - 1 - base] in ("the", "a", "an", "of", "all"):
        k -= 1
    after = end
    while after < sentence.end and lowers[after - base] in ("has", "had", "have", "is", "was"):
        after += 1
    return any(e == k or s == after and s > end - 1 and lowers[s - base] in DECLINES
               for s, e in spans)


PRESUPPOSING = {"when", "while", "whereas", "after", "since", "because", "although", "though"}


def _presupposed(sentence: Sentence, start: int) -> bool:
    """True when a question takes the cue's clause as given: the clause is opened, after the
    question's first word, by "when", "while", "after", "because" … or by ", that" ("What has
    he done for the nation, that the government gave him the forest?", "Why do we keep silent
    while the governor sells our land?"). Asking about a deed states the deed. A comma between
    the opener and the cue closes the opener's clause ("Tell me, when we met, did he …?"), and a
    question put about the cue itself ("Is it true that …?", "Did the governor …?") asks."""
    lowers, base = sentence.lowers, sentence.start
    for k in range(start - 1, sentence.first_word(), -1):
        word = lowers[k - base]
        if word in PRESUPPOSING or word == "that" and lowers[k - 1 - base] == ",":
            return True
        if word in (",", ";", ":", "?"):
            return False
    return False


DECLINES = {"fallen", "fell", "falls", "decreased", "declined", "dropped", "decline",
            "declining"}


LAWFUL = {"legally", "lawfully", "legitimately"}


def _lawful(sentence: Sentence, start: int, end: int) -> bool:
    """True when "legally" or "lawfully" stands right before the cue or within two words after
    it: "sold the land legally" says no wrong was done."""
    lowers, base = sentence.lowers, sentence.start
    near = lowers[max(start - 1, sentence.start) - base:start - base] + \
        lowers[end - base:min(end + 2, sentence.end) - base]
    return any(w in LAWFUL for w in near)


CRIME_KIND_WORDS = 2  # "drug trafficking", "illegal timber smuggling"
# words that end a crime's name looking back: a clause or a doer, never a kind of crime
NOT_A_KIND = {"and", "or", "but", "then", "who", "which", "that", "they", "he", "she", "it", "we",
              "in", "for", "over", "with", "of", "to", "by", "were", "was", "is", "are", "be"}


def _suspects_act(sentence: Sentence, start: int) -> bool:
    """True when the cue is a crime named after an arrest or a charge, through "in", "for",
    "over", "with" or "of" ("arrested two suspects in the robbery", "charged him with murder"):
    it is what the suspects are said to have done, not what the one arresting did. "Police
    arrested and tortured them" keeps the torture: no preposition leads to it. Up to two words
    naming the kind of crime may stand before it ("sentenced the two men for drug trafficking",
    "for illegal timber smuggling"; issue 13, s34)."""
    lowers, base = sentence.lowers, sentence.start
    k = start - 1
    while k > sentence.start and lowers[k - base] in ("the", "a", "an"):
        k -= 1
    kinds = 0
    while k > sentence.start and kinds < CRIME_KIND_WORDS and lowers[k - base].isalpha() \
            and lowers[k - base] not in NOT_A_KIND:
        k -= 1
        kinds += 1
        if lowers[k - base] in ("in", "for", "over", "with", "of"):
            break
    else:
        k += kinds  # no preposition before the words: back to the word before the cue
    if k < sentence.start or lowers[k - base] not in ("in", "for", "over", "with", "of"):
        return False
    return any(s < k for s, _ in sentence.find("enforcement"))


WH_WORDS = {"who", "what", "how", "why", "whether", "whoever", "which"}


def _investigated(sentence: Sentence, start: int) -> bool:
    """True when the cue sits in a question that an investigation asks, after an `enforcement`
    word and a wh-word ("the police are investigating who was behind the killing", "the court
    will examine whether the land was stolen"): the deed is what is looked into, not a deed of
    those who look."""
    lowers, base = sentence.lowers, sentence.start
    for s, e in sentence.find("enforcement"):
        if e <= start and any(lowers[k - base] in WH_WORDS for k in range(e, start)):
            return True
    return False


# verbs of harm whose passive subject is the one harmed: "the police were beaten" or "a child who
# had been abducted" names a victim, never the doer
HARM_VERBS = {"beaten", "beat", "killed", "murdered", "tortured", "attacked", "shot",
              "abducted", "kidnapped", "raped", "robbed", "threatened", "intimidated",
              "assaulted", "injured", "wounded", "stabbed", "evicted", "harassed"}
PASSIVE = {"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"}
CHAIN = {"had", "has", "have", "also", "reportedly", "allegedly", "then", "later"}
RELATIVES = {"who", "whom", "that", "which"}
CLAUSE_BREAKS = {";", ":", ".", "—", "–"}
SAYING = {"said", "says", "say", "reported", "reports", "stated", "states", "claimed",
          "claims", "told", "added", "confirmed", "announced"}


def _harmed_subject(sentence: Sentence, target, start: int, end: int) -> bool:
    """True when a verb of harm stands in the passive ("were beaten", "had been abducted") and
    the target is its subject ("the police were beaten"), or the subject of the clause a
    relative describing the victim hangs on ("the police rescued a child who had been
    abducted"): the target is not the doer. The doer is who follows "by", if anyone ("beaten by
    the police" still accuses the police). A target in another clause is not the passive's
    subject: "the ruling party worked to crush the opposition; people have been killed" still
    accuses the party (an insinuation that names no doer: precedent 2017-kim-sok-radio-
    interview-kem-ley)."""
    lowers, base = sentence.lowers, sentence.start
    if end - start != 1 or lowers[start - base] not in HARM_VERBS or start == sentence.start \
            or lowers[start - 1 - base] not in PASSIVE:
        return False
    first = start - 1  # the auxiliary chain's first word: "had been", "were also"
    while first > sentence.start and lowers[first - 1 - base] in PASSIVE | CHAIN:
        first -= 1
    relative = first > sentence.start and lowers[first - 1 - base] in RELATIVES
    for h in sentence.entities:
        if h.start >= start or sentence.source[h.chars[0]:h.chars[1]] != target.words:
            continue
        if h.end == first:
            return True  # the passive's own subject
        if relative and h.end < first and not any(
                lowers[i - base] in CLAUSE_BREAKS for i in range(h.end, first)):
            return True  # the subject of the clause the victim's description hangs on
    return False


def _speaker_after(sentence: Sentence, target, end: int) -> bool:
    """True when the target stands after the cue right before a verb of saying, at the end of
    the clause that reports ("…, police said", "…, the ministry reported"): the one who reports
    the deed, not its doer."""
    lowers, base = sentence.lowers, sentence.start
    for hit in sentence.entities:
        if hit.start >= end and sentence.source[hit.chars[0]:hit.chars[1]] == target.words:
            return hit.end < sentence.end and lowers[hit.end - base] in SAYING
    return False


INDEFINITE = ("a", "an", "any", "some")


def _indefinite_after(sentence: Sentence, target, end: int) -> bool:
    """True when a government target stands after the cue as an indefinite noun phrase ("a
    regime", "an absolutist government", at most one word between): a kind of rule, not one
    identified, so the wrong is named beside it, not laid on it ("long rule can breed
    corruption and an absolutist regime"). A name, a definite target, an office holder, or the
    doer after "by" is still the one accused."""
    if target.category != "government":
        return False  # "stolen by a provincial governor": an office holder in one event is one
    lowers, base = sentence.lowers, sentence.start
    for hit in sentence.entities:
        if hit.start < end or sentence.source[hit.chars[0]:hit.chars[1]] != target.words:
            continue
        k = next((j for j in range(max(end, hit.start - 2), hit.start)
                  if lowers[j - base] in INDEFINITE), None)
        # "ruined by a regime that ...": the doer, after "by", is the one accused
        return k is not None and lowers[hit.start - base] != "the" and not (
            k > sentence.start and lowers[k - 1 - base] == "by")
    return False


# nouns of a procedure: a wrong named right before one names what is looked into or tried
PROCEDURES = {"investigation", "investigations", "probe", "probes", "inquiry", "inquiries",
              "charge", "charges", "case", "cases", "trial", "trials", "conviction",
              "convictions", "complaint", "complaints", "hearing", "hearings", "lawsuit",
              "suit", "prosecution", "prosecutions", "investigators", "watchdog", "law", "laws"}


def _names_a_procedure(sentence: Sentence, end: int) -> bool:
    """True when the cue is the first part of a procedure's name, the noun right after it:
    "a corruption investigation", "drug trafficking charges", "the torture case": what is
    investigated, charged or tried, which the sentence does not say anyone did."""
    return end < sentence.end and sentence.lowers[end - sentence.start] in PROCEDURES


NAMING = {"called", "calls", "call", "calling", "described", "describes", "describe",
          "describing", "labelled", "labeled", "labels", "branded", "brands", "dubbed", "dubs",
          "termed", "terms", "nicknamed"}
NAMING_REACH = 6  # words from the naming verb to the name: "called the Prime Minister a dictator"


def _named_by_other(sentence: Sentence, start: int) -> bool:
    """True when the name or charge is what someone else calls the target: a naming verb
    ("called", "described … as", "branded", "labelled") up to NAMING_REACH words before the cue
    in its clause, whose subject is not the writer ("critics have called the Prime Minister a
    dictator", "observers described the governor as corrupt"). "Called on" and "called for"
    are calls; "we call him a thief" is the writer's own word."""
    lowers, base = sentence.lowers, sentence.start
    if start == sentence.start or lowers[start - 1 - base] not in PREDICATE_OPENERS:
        return False  # "a company called Golden Sun stole our land": a deed, not a name given
    selves = sentence.find("self")
    for k in range(start - 1, max(sentence.start, start - NAMING_REACH) - 1, -1):
        word = lowers[k - base]
        if word in CLAUSE_ENDS:
            return False
        if word in NAMING and k + 1 < sentence.end and \
                lowers[k + 1 - base] not in ("on", "for", "upon", "out"):
            return not any(0 <= k - e <= 2 for _, e in selves)
    return False


CLAUSE_ENDS = {";", ":", ".", "but", "while", "because", "although", "and"}
# the name given comes as a predicate: "called him a thief", "described them as corrupt"
PREDICATE_OPENERS = {"a", "an", "as", "the"}


def _the_speaker(sentence: Sentence, target: Target, start: int) -> bool:
    """True when the target is the one whose words are reported: it stands just before an
    attribution word that comes before the cue ("the opposition leader said …", "the minister
    has claimed …"), so the words accuse someone else or no one, not the speaker."""
    lowers, base = sentence.lowers, sentence.start
    for s, _ in sentence.find("attribution"):
        if s >= start:
            continue
        for hit in sentence.entities:
            between = lowers[hit.end - base:s - base]
            if hit.end <= s and len(between) <= 2 and all(
                    w in ("has", "have", "had", "also", "publicly", "then") for w in between) \
                    and sentence.source[hit.chars[0]:hit.chars[1]] == target.words:
                return True
    return False


def _abusive(pipeline, words: str) -> bool:
    """True when a target is named only by an abusive name ("the dictator", "tyrants"): nobody
    endorses a leader under such a name, so "vote for the dictator" is no endorsement."""
    last = words.lower().split()[-1:] or [""]
    return (last[0],) in pipeline.markers.get("epithet", {}).get(last[0], ())


def _lost_something_else(sentence: Sentence, end: int, bare: bool = False) -> bool:
    """True when a territory cue ("lost", "sold", "taken") is followed by its own object, opened
    by a determiner, and no territory word or border, neighbour or land name stands in it:
    "lost their papers", "sold the rice", not "lost the island" or "sold our land"."""
    if "territory-object" not in sentence.pipeline.markers:
        return False  # a lexicon without the group keeps every claim
    if end < sentence.end and sentence.lowers[end - sentence.start] in PARTICLES:
        end += 1  # "taken over the cassava market": the object comes after the particle
    if end >= sentence.end:
        return False
    if sentence.lowers[end - sentence.start] not in OBJECT_OPENERS \
            and not sentence.doc[end].like_num:
        return bare and _bare_object_elsewhere(sentence, end)  # verbs of loss only
    stop = end + 1
    while stop < min(sentence.end, end + 4) and sentence.doc[stop].is_alpha and \
            sentence.lowers[stop - sentence.start] not in OBJECT_ENDS:
        stop += 1
    if stop == end + 1:
        return False
    spans = sentence.find("territory-context") + sentence.find("territory-object")
    return not any(end <= s < stop for s, _ in spans)


PARTICLES = {"over", "away", "up", "off", "out"}
# words after a territory cue that measure what was lost rather than name it: "lost much of
# its land", "lost everything to Vietnam" keep the claim
QUANTITIES = {"much", "most", "all", "more", "everything", "half", "part", "parts", "some",
              "so", "again", "even", "still", "forever"}


def _bare_object_elsewhere(sentence: Sentence, end: int) -> bool:
    """True when the territory cue's object is a bare noun with no determiner, read up to a
    preposition other than "of" and at most five words, and no territory word stands in it:
    "lost access to the market", not "lost much of its land" or "lost land to Vietnam"."""
    lowers, base = sentence.lowers, sentence.start
    word = lowers[end - base]
    if not sentence.doc[end].is_alpha or word in OBJECT_ENDS or word in QUANTITIES \
            or word.endswith("ly"):
        return False
    cue = next((k for k in range(end - 1, sentence.start - 1, -1)
                if sentence.doc[k].is_alpha), None)
    if cue is not None and cue > sentence.start and lowers[cue - 1 - base] in PASSIVE:
        return False  # "the posts were shifted overnight": what was moved is the subject
    stop = end
    while stop < min(sentence.end, end + 5) and sentence.doc[stop].is_alpha and (
            lowers[stop - base] not in OBJECT_ENDS or lowers[stop - base] == "of"):
        stop += 1
    spans = sentence.find("territory-context") + sentence.find("territory-object")
    return not any(end <= s < stop for s, _ in spans)
# territory kinds whose claim needs its object to name land: taking or giving is common, and
# only land or a place makes it a claim about the country's territory
LAND_OBJECT = ("territory-given", "territory-occupied")


# kinds whose call is set aside when the object of its verb is a `harmless-object`
HARM_OBJECT = ("violence", "gather", "boycott")


def _harms_nothing(sentence: Sentence, end: int) -> bool:
    """True when a `harmless-object` word stands in the four words after a violent verb, before
    a clause break: "shoot a short video", "kill the engine", "burn the rubbish"; "burn the
    sawmill down", "shoot the head of ..." still call for harm."""
    if "harmless-object" not in sentence.pipeline.markers:
        return False
    stop = end
    while stop < min(sentence.end, end + 4) and sentence.lowers[stop - sentence.start] not in (
            ";", ":", ".", "!", "?", "—", "–"):
        stop += 1
    return any(end <= s < stop for s, _ in sentence.find("harmless-object"))


def _taken_by_company(sentence: Sentence, start: int) -> bool:
    """True when a company, a concession or another `land-taker` stands within five words
    before a territory cue and no neighbouring state or people is named there: the company is
    the one that took the land ("the company grabbed our land near the Vietnam border")."""
    if "land-taker" not in sentence.pipeline.markers:
        return False
    window = range(max(sentence.start, start - 5), start)
    if not any(s in window for s, _ in sentence.find("land-taker")):
        return False
    if any(h.start in window and h.entry.category == "neighbouring-state"
           for h in sentence.entities):
        return False
    foreign = [s for group in ("foreign-power", "ethnic") if group in sentence.pipeline.markers
               for s, _ in sentence.find(group)]
    return not any(s in window for s in foreign)


# kinds whose target must be the object right after the cue: "abolish the monarchy", "a
# country without a King", not "the King, without a doubt, …"; "hostages of the regime", not
# "prisoners of conscience held by the government"
NEXT_TARGET = ("reject-monarchy", "endorse-loyalty", "remove-government", "captor")
OBJECT_DETERMINERS = ("the", "a", "an", "our", "this", "any", "their", "its")
# what may follow the object: "abolish the monarchy once and for all"; another word makes it
# the owner of a noun ("get rid of the palace staff")
TARGET_ENDS = {"and", "or", "now", "forever", "altogether", "itself", "too", "entirely",
               "completely", "once", "for", "in", "by", "so", "is", "was", "will", "would",
               "at", "as", "which", "who", "that", "system", "institution", "with", "from",
               "through"}


def _next_target(sentence: Sentence, end: int, allowed) -> Target | None:
    """The named target that is the object right after the cue, past a determiner, and owns
    no noun after it ("abolish the monarchy", not "abolish the King's portraits")."""
    lowers, base = sentence.lowers, sentence.start
    k = end
    while k < sentence.end and lowers[k - base] in OBJECT_DETERMINERS:
        k += 1
    first = end - 1 if lowers[end - 1 - base] in OBJECT_DETERMINERS else end
    for hit in sentence.entities:  # the name may hold its determiner: "a King", "the monarchy"
        if first <= hit.start <= k and hit.target in allowed and (
                hit.end >= sentence.end or not sentence.doc[hit.end].is_alpha
                and lowers[hit.end - base] not in ("'s", "’s")
                or lowers[hit.end - base] in TARGET_ENDS):
            # as targets._as_target: the entry tells an office holder from a party figure
            return _as_target(sentence, hit)
    return None


# verbs and words of acting against a wrong: one asked or said to do this to a wrong is not its
# doer ("the government should prosecute those responsible for the torture of detainees")
ACTED_AGAINST = {"investigate", "investigates", "investigating", "prosecute", "prosecutes",
                 "prosecuting", "punish", "punishes", "punishing", "stop", "stops", "end",
                 "ends", "ending", "prevent", "prevents", "preventing", "combat", "combats",
                 "combating", "combatting", "fight", "fights", "fighting", "tackle", "tackles",
                 "tackling", "curb", "curbs", "curbing", "eradicate", "eradicating", "eliminate",
                 "eliminating", "against", "halt", "halts", "probe", "examine", "examines",
                 "solve", "solves", "resolve", "resolves", "redress", "remedy", "compensate",
                 "compensates"}
HALTS = {"stop", "stops", "end", "ends", "ending", "halt", "halts"}
NOMINAL_OPENERS = {"the", "a", "an", "of", "for", "against", "into", "on", "all", "any",
                   "every", "such", "this", "these", "those", "alleged", "reported"}
NOMINAL_ENDINGS = ("ing", "ion", "ery", "ure", "ment", "ft", "ud", "ism", "ies")
DOER_WORDS = {"he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "who",
              "which", "whose", "own"}
BREAKS = {";", ":", ".", "!", "?", "—", "–"}


def _acted_against(sentence: Sentence, target, start: int, end: int) -> bool:
    """True when the target, named before the cue, is the one who is asked or said to act
    against the wrong the cue names as a noun ("we call on the government to end impunity for
    the killing of journalists", "the Anti-Corruption Unit should investigate allegations of
    bribery", "new measures against corruption and smuggling"): the wrong is the object of their
    action, not their deed. A verb right after ("the police must stop killing protesters"), a
    pronoun or "own" that may stand for them anywhere in the clause ("investigate its own role
    in the killing", "the killing, which they ordered"), or a break between them keeps them
    accused."""
    lowers, base, doc = sentence.lowers, sentence.start, sentence.doc
    before = start - 1
    if before < sentence.start:
        return False
    cue_last = lowers[end - 1 - base]
    nominal = lowers[before - base] in NOMINAL_OPENERS | ACTED_AGAINST or (
        lowers[before - base] in ("and", "or", ",") and cue_last.endswith(NOMINAL_ENDINGS))
    if not nominal:
        return False
    at = sentence.source.rfind(target.words, doc[sentence.start].idx, doc[start].idx)
    if at < 0:
        return False
    last = next((k for k in range(sentence.start, start)
                 if doc[k].idx >= at + len(target.words)), start)
    if lowers[before - base] in HALTS and lowers[start - base].endswith("ing"):
        # "the police must stop killing protesters", "the government must stop taking
        # people's land": their own deed, ongoing (a verb opens the cue)
        return False
    acting = False
    for k in range(last, start):
        word = lowers[k - base]
        if word in BREAKS:
            acting = False
        elif word in ACTED_AGAINST:
            acting = True
    if not acting:
        return False
    stop = next((k for k in range(end, sentence.end) if lowers[k - base] in BREAKS),
                sentence.end)
    return not any(lowers[k - base] in DOER_WORDS for k in range(last, stop))


def _doer_by(sentence: Sentence, end: int):
    """The one named after "by" behind the cue, within four words of it ("the land grabbing by
    the company", "the torture of prisoners by the police"): the doer the sentence names, or
    None."""
    lowers, base = sentence.lowers, sentence.start
    by = next((k for k in range(end, min(end + 4, sentence.end))
               if lowers[k - base] == "by"), None)
    if by is None or any(lowers[k - base] in BREAKS for k in range(end, by)):
        return None
    for hit in sentence.entities:
        if hit.target and by + 1 <= hit.start <= by + 2:
            return Target(hit.target, sentence.source[hit.chars[0]:hit.chars[1]])
    return None


# words of reporting a wrong or complaining of it to a body: that body receives the report
REPORTING = {"report", "reports", "reported", "reporting", "complain", "complains",
             "complained", "complaint", "complaints", "file", "files", "filed", "lodge",
             "lodges", "lodged", "submit", "submits", "submitted", "send", "sends", "sent",
             "refer", "refers", "referred", "petition", "petitions", "petitioned", "appeal",
             "appeals", "appealed", "turn", "turned", "bring", "brought", "tell", "told",
             "inform", "informed", "notify", "notified", "denounce", "denounced"}
# a payment or a handing over between the report and the body: the body took something
HANDED = {"pay", "pays", "paid", "paying", "give", "gives", "gave", "given", "giving", "sold",
          "sell", "sells", "handed", "hand", "transferred", "offered", "owed", "delivered"}
RECEIVING = {"to", "with", "before", "at"}


def _receives_the_report(sentence: Sentence, target, end: int) -> bool:
    """True when the target, named after the cue, is the body a wrong is reported to or a
    complaint filed with ("report any bribery to the Anti-Corruption Unit", "victims of
    extortion can file a complaint with the provincial court"): it receives the report, it
    is not the doer. A word of reporting must stand within six words before the body, with no
    payment between ("villagers complained that bribes were paid to the court clerk" still
    accuses the clerk), and no clause break."""
    lowers, base = sentence.lowers, sentence.start
    for hit in sentence.entities:
        if hit.start < end or sentence.source[hit.chars[0]:hit.chars[1]] != target.words:
            continue
        k = hit.start - 1
        if k > sentence.start and lowers[k - base] == "the":
            k -= 1
        if k < sentence.start or lowers[k - base] not in RECEIVING:
            return False
        window = range(max(sentence.start, k - 6), k)
        said = [j for j in window if lowers[j - base] in REPORTING]
        if not said:
            return False
        between = range(said[-1], k)
        return not any(lowers[j - base] in HANDED or lowers[j - base] in (
            ";", ":", ".", "!", "?") for j in between)
    return False


# words that put a message to someone: the one named right after them (or after "to", "on" or
# "upon" past them) is the addressee of what follows, not its doer
ADDRESSING = REPORTING | {"message", "messages", "letter", "letters", "call", "calls", "called",
                          "calling", "write", "writes", "wrote", "awareness", "request",
                          "requests", "requested", "recommendation", "recommendations",
                          "reminder", "urge", "urges", "urged", "urging", "ask", "asks",
                          "asked", "asking", "remind", "reminds", "reminded", "convince",
                          "persuade", "lobby", "lobbied", "invite", "invited"}
ADDRESS_LINKS = {"to", "on", "upon"}
ADDRESS_SKIP = {"the", "our", "all", "both", "this", "these"}
ADDRESS_REACH = 8
# what opens the message's own content after the addressee
MESSAGE_OPENERS = {"that", "as", "to", "because", "since"}
# words after the addressee that keep the wrong theirs: a pronoun pointing back, a relative
# clause about them, a payment, or a wrong they are asked to stop
STILL_THEIRS = {"he", "she", "they", "his", "her", "their", "its", "him", "them", "it",
                "who", "which", "whose", "stop", "end", "cease", "quit", "halt", "own",
                ";", ":", ".", "!", "?"} | HANDED


def _addressed(sentence: Sentence, target, start: int) -> bool:
    """True when the target, named before the cue, is the one a message is put to and the
    wrong is in the message's content ("a message to the country's leaders that the people no
    longer accept corrupt practices", "we will send our findings to the government to show
    that corruption harms everyone", "urge the government as people have suffered from land
    grabbing"): the addressee is told of a wrong, not said to do it. A pronoun, a relative
    clause or a "stop"/"end" between them keeps the wrong theirs ("we call on the minister to
    stop his relatives grabbing land", "urge the governor, who took our land, ...")."""
    lowers, base = sentence.lowers, sentence.start
    for hit in sentence.entities:
        if hit.end > start or sentence.source[hit.chars[0]:hit.chars[1]] != target.words:
            continue
        k = hit.start - 1
        while k >= sentence.start and lowers[k - base] in ADDRESS_SKIP:
            k -= 1
        if k < sentence.start:
            return False
        if lowers[k - base] in ADDRESS_LINKS:
            # "send the compilation of our research results to the government": eight words
            window = range(max(sentence.start, k - ADDRESS_REACH), k)
            if not any(lowers[j - base] in ADDRESSING for j in window):
                return False
        elif lowers[k - base] not in ADDRESSING:
            return False
        between = [lowers[j - base] for j in range(hit.end, start)]
        return any(w in MESSAGE_OPENERS for w in between) and not any(
            w in STILL_THEIRS for w in between)
    return False
