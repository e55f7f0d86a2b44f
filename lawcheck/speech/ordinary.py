"""Ordinary wording that shares a cue word with risky speech (issue 13, false alarms by family).

Without a parser, four readings of the words around a cue:

- ``deed_told``: a name for a common offender ("thieves", "criminals") that opens a short text
  as the subject of a deed told ("Thieves sold stolen phones near the market") names the doers
  of a crime, as it would in a longer text, when the deed names no one and nothing of the
  nation's; a line with no clause ("Thieves!", "thieves who stole our land"), or one whose
  deed does ("Criminals stole the election"), is a banner that shows whom it means.
- ``private_purchase``: a judge or a court that bought a thing of its own ("the judge bought a
  house near the provincial court") claims nothing about a case; a verdict, a case, an office
  or someone bought ("the judge bought his verdict", "the tycoon bought the court"), or a
  purchase tied to a case or a payer ("a new car after the verdict"), still does.
- ``state_sanction``: a call on the government, an official or the police to punish offenders
  ("the government must punish traffickers for their crimes") asks for the law's sanction, not
  for violence; the writer's own punishment ("we must punish the traitors ourselves") is still
  a call, and a court told to punish is read as before.
- ``hoped_release``: the writer's hope or wish for a release, with no court or judge named in
  the sentence ("I hope this release will extend to the remaining detainees"), is at most the
  measured call of the project's decision (docs/open-legal-questions.md, "Release calls"); a
  hope put to a court ("we hope the court will release them") still counts.
"""

from __future__ import annotations

from lawcheck.speech.clause_frames import _put_to_authority
from lawcheck.speech.clause_roles import _harms_nothing
from lawcheck.speech.context import Sentence, clause_start
from lawcheck.speech.lemmas import table
from lawcheck.speech.qualified import COURT_NOUNS, ENFORCEMENT, _court_tokens

# --- a common offender's deed told --------------------------------------------------------------

# words that may stand before the offender's name as the subject ("the", "two", "armed")
SUBJECT_OPENERS = frozenset({"the", "a", "an", "some", "two", "three", "four", "five", "several",
                             "unknown", "armed", "local", "petty", "many"})
# words between the subject and its verb ("thieves have stolen", "thieves reportedly stole")
VERB_CHAIN = frozenset({"have", "has", "had", "were", "was", "are", "is", "also", "again",
                        "then", "later", "reportedly", "allegedly", "recently", "often",
                        "once", "last", "night", "yesterday", "just", "still"})
AUXILIARIES = frozenset({"have", "has", "had", "were", "was", "are", "is"})
# what a crime report does not say was stolen or harmed: the nation's or the people's things
# ("Criminals robbed the nation", "Thieves stole our land", "Criminals stole the election")
PUBLIC_THINGS = frozenset({"nation", "nation's", "country", "country's", "people", "people's",
                           "kingdom", "state", "treasury", "budget", "future", "democracy",
                           "election", "elections", "vote", "votes", "ballot", "ballots", "land",
                           "lands", "territory", "island", "islands", "border", "homeland",
                           "motherland", "forest", "forests", "resources", "justice",
                           "freedom", "rights"})
# a name after these is a place ("robbed a shop in Siem Reap"), not someone harmed
PLACE_WORDS = frozenset({"in", "near", "at", "from", "across", "outside", "around", "of"})
PLACES = ("border-area",)  # lexicon categories that only name where it happened
# capitalised words that name a time ("broke into our office on Sunday")
TIMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december"})


def _past_or_participle(word: str, after_auxiliary: bool) -> bool:
    """ "sold", "stole", "robbed"; after "are"/"have" also "stealing", "stolen"."""
    if not word.isalpha() or not word.islower():
        return False
    if word.endswith("ed") or after_auxiliary and word.endswith("ing"):
        return True
    lemma = table().get(word)
    return lemma is not None and lemma != word and not word.endswith("s")


# verbs whose habitual present says who holds power, not what a crime report tells ("Thieves
# rule this land", "Criminals run the show", "Gangsters own the police")
RULING = frozenset({"rule", "rules", "run", "runs", "govern", "governs", "lead", "leads",
                    "control", "controls", "own", "owns", "command", "commands", "sit", "sits",
                    "hold", "holds", "occupy", "occupies", "decide", "decides", "make", "makes"})
# after a habitual present, the writer or the reader as the ones harmed ("Thieves rob us")
# reads as a grievance aimed at someone, not news
HEARERS = frozenset({"us", "we", "our", "you", "your", "ours", "everyone", "everybody"})


def _habitual_present(word: str) -> bool:
    """ "steal", "steals", "smuggle": a verb's present form, known as a verb by its "-ing" form
    in the lemma table ("steal" has "stealing"; "market" has "marketing" and is a verb there
    too, which is what the subject's place says it is). Verbs of ruling are not taken."""
    if not word.isalpha() or not word.islower() or word in RULING:
        return False
    base = table().get(word, word) if word.endswith("s") else word
    if base == word and word.endswith("s"):
        return False  # "sells" not in the table: no known verb
    return base != "be" and any(table().get(form) == base for form in _ing_forms(base))


def _ing_forms(base: str) -> tuple[str, ...]:
    """ "steal" -> "stealing"; "smuggle" -> "smuggling"; "rob" -> "robbing"."""
    forms = [base + "ing"]
    if base.endswith("e"):
        forms.append(base[:-1] + "ing")
    if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
        forms.append(base + base[-1] + "ing")
    return tuple(forms)


def deed_told(sentence: Sentence, start: int, end: int) -> bool:
    """True when the offender's name at start..end (the `offender-name` group) opens its
    sentence, after at most a determiner or a number, and a deed follows it as its verb in the
    past, or after "are"/"were"/"have" ("Thieves sold stolen phones", "Two gangsters robbed a
    shop", "Thieves are stealing cattle in Takeo"). "Thieves!", "Thieves and murderers out!",
    "Thieves who stole our land", "Traitors sold our land" (a name no crime report uses) and
    a deed done to someone named or to the nation's things (:func:`_nothing_public`) are no
    such deed."""
    lowers, base = sentence.lowers, sentence.start
    if not _opens_with_offender(sentence, start):
        return False
    k, auxiliary = end, False
    while k < sentence.end and lowers[k - base] in VERB_CHAIN:
        auxiliary = auxiliary or lowers[k - base] in AUXILIARIES
        k += 1
    if k >= sentence.end:
        return False
    word = sentence.doc[k].text
    if _past_or_participle(word, auxiliary):
        return _nothing_public(sentence, k + 1)
    # the habitual present of crime news: "Thieves steal motorbikes every week near the market"
    return k == end and _habitual_present(word) and _nothing_public(sentence, k + 1) and \
        not any(w in HEARERS for w in lowers[k + 1 - base:sentence.end - base])


def _nothing_public(sentence: Sentence, k: int, stop: int | None = None) -> bool:
    """True when the words from ``k`` on name no one and nothing of the nation's: no lexicon
    entity but a place, no capitalised name but after a word of place ("in Siem Reap"), none
    of PUBLIC_THINGS. "Murderers killed Kem Ley", "Criminals stole the election" stay banners.
    With ``stop``, only the words from ``k`` to ``stop`` (and the entities among them) count."""
    if any(e.entry.category not in PLACES and (stop is None or k <= e.start < stop)
           for e in sentence.entities):
        return False
    lowers, base, doc = sentence.lowers, sentence.start, sentence.doc
    place = False
    for j in range(k, sentence.end if stop is None else stop):
        word, text = lowers[j - base], doc[j].text
        if word in PUBLIC_THINGS:
            return False
        if text[:1].isupper() and word not in TIMES:
            if not place:
                return False
        else:
            place = word in PLACE_WORDS
    return True


# --- a judge's own purchase ---------------------------------------------------------------------

BUYING = frozenset({"bought", "buy", "buys", "buying", "purchased"})
# between the court as subject and its verb of buying ("the judge has recently bought")
SUBJECT_CHAIN = frozenset({"has", "have", "had", "also", "recently", "just", "once", "then",
                           "later", "reportedly", "finally"})
OBJECT_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "some", "new",
                                "two", "three", "several", "this", "that", "another", "one"})
# what a judge must not be said to buy: a decision, a case, a freedom or an office
BOUGHT_OFFICE = frozenset({"freedom", "release", "bail", "justice", "silence", "loyalty",
                           "favour", "favor", "favours", "favors", "office", "post", "position",
                           "seat", "promotion", "appointment", "job", "votes", "vote", "way",
                           "witness", "witnesses", "evidence", "outcome", "result", "results",
                           "immunity", "protection", "impunity"})
OBJECT_STOPS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "and", "but", "to", "from",
                          "for", "with", "near", "in", "at", "on", "by", "of", "after",
                          "before", "last", "when", "while", "because", "so"})
OBJECT_REACH = 4
# anywhere after the purchase, what ties it to a case or to a payer: "bought a new car after
# the verdict", "with bribe money", "from the tycoon he acquitted", "on a judge's salary"
CASE_TIES = frozenset({"acquit", "acquits", "acquitted", "convict", "convicted", "sentenced",
                       "freed", "released", "dropped", "dismissed", "ruled", "bribe", "bribes",
                       "bribery", "kickback", "kickbacks", "envelope", "salary", "tycoon",
                       "tycoons", "oknha", "businessman", "businessmen", "company", "defendant",
                       "accused", "plaintiff", "litigant", "litigants", "money", "cash"})
# the courts' own names may stand after it as a place ("near the provincial court")
COURT_PLACES = frozenset({"court", "courts", "courthouse", "tribunal", "chamber"})


def private_purchase(sentence: Sentence, start: int, end: int) -> bool:
    """True when the court claim's cue is a verb of buying whose subject, just before it, is a
    judge or a court of the lexicon, and whose object, up to a preposition or the end of the
    clause, is a thing: no court, case, decision, office or freedom and no one the lexicon
    names ("the judge bought a house near the provincial court", "the court bought new
    computers for its clerks"), and nothing after it in the sentence ties the purchase to a
    case or a payer (:data:`CASE_TIES`, a court matter, a name of the lexicon but a court).
    "The judge bought his verdict", "bought a new car after the verdict", "the judge was
    bought", "the tycoon bought the court" stay claims."""
    lowers, base = sentence.lowers, sentence.start
    if end - start != 1 or lowers[start - base] not in BUYING:
        return False
    k = start - 1
    while k >= sentence.start and lowers[k - base] in SUBJECT_CHAIN:
        k -= 1
    if not any(e.end == k + 1 and e.entry.category in ("court", "court-system")
               for e in sentence.entities):
        return False  # "the company bought the judge", "judges are bought"
    court = _court_tokens(sentence)
    held = {j for e in sentence.entities for j in range(e.start, e.end)}
    j = end
    while j < sentence.end and lowers[j - base] in OBJECT_DETERMINERS:
        j += 1
    if j >= sentence.end or lowers[j - base] in OBJECT_STOPS:
        return False  # "the judge bought it", "bought and paid for"
    for j in range(j, min(sentence.end, j + OBJECT_REACH)):
        word = lowers[j - base]
        if word in OBJECT_STOPS:
            break
        if j in court or j in held or word in COURT_NOUNS or word in BOUGHT_OFFICE:
            return False
    others = {j for e in sentence.entities
              if e.entry.category not in ("court", "court-system") + PLACES
              for j in range(e.start, e.end)}
    return not any(lowers[j - base] in CASE_TIES or j in others or (
        j in court or lowers[j - base] in COURT_NOUNS) and lowers[j - base] not in COURT_PLACES
        for j in range(end, sentence.end))


# --- a call on the state to punish through law --------------------------------------------------

SANCTIONS = frozenset({"punish"})
# the state's organs as the one who is to punish: a call on them asks for the law's sanction
# (not the courts: "the court must punish the protesters severely" tells a court what to
# decide, which stays read as before)
STATE = ("government", "security-forces", "official")
MODALS = frozenset({"must", "should", "shall", "will", "to", "need", "needs", "ought", "has",
                    "have", "also", "now", "swiftly", "strictly", "severely", "firmly"})
# the writer's own hand, or force, after the cue: a punishment no longer left to the law
OWN_HAND = frozenset({"ourselves", "yourselves", "themselves", "myself", "hands", "fists",
                      "sticks", "knives", "force", "blood", "death", "beating", "physically"})


def state_sanction(sentence: Sentence, start: int, end: int, sentence_at=None) -> bool:
    """True when the violence call's cue is a verb of lawful sanction ("punish") whose doer is
    the state: put to the government or the authorities (the `authority-addressee` group, or a
    request verb before an authority: clause_frames._put_to_authority), or a state organ of
    the lexicon as the subject just before the cue, past modals ("the police must punish drunk
    drivers"), with no own hand or force after it in the clause ("we must punish the traitors
    ourselves", "the people will punish them with sticks" stay calls)."""
    lowers, base = sentence.lowers, sentence.start
    if end - start != 1 or lowers[start - base] not in SANCTIONS:
        return False
    opens = clause_start(sentence, start)
    for k in range(end, sentence.end):
        word = lowers[k - base]
        if word in (";", ":", "—", "–", "but", "or", "otherwise"):
            break
        if word in OWN_HAND:
            return False
    k = start - 1
    while k >= opens and lowers[k - base] in MODALS:
        k -= 1
    if any(e.end == k + 1 and e.entry.category in STATE for e in sentence.entities):
        return True
    if "authority-addressee" in sentence.pipeline.markers and any(
            opens <= s and e <= start for s, e in sentence.find("authority-addressee")):
        return True
    return _put_to_authority(sentence, start, sentence_at)


# --- a hope for a release -----------------------------------------------------------------------

HOPING = frozenset({"hope", "hopes", "hoping", "hopeful", "wish", "wishes", "pray", "trust",
                    "hopefully"})
WRITER = frozenset({"i", "we", "our", "my", "us"})
HOPE_REACH = 3  # words from the writer to the verb of hoping ("we sincerely hope")
# between the hope and the cue: a new clause or a demand of the writer's own ("we hope for peace,
# so release them now")
HOPE_STOPS = frozenset({";", ":", "—", "–", "so", "but", "therefore", "and", "must", "demand",
                        "demands", "call", "calls", "urge", "urges", "insist"})
COURT_WORDS = frozenset({"judge", "judges", "court", "courts", "prosecutor", "prosecutors",
                         "magistrate", "magistrates", "judiciary", "tribunal", "bench"})


def hoped_release(sentence: Sentence, start: int) -> bool:
    """True when a release cue follows the writer's verb of hoping in its sentence ("I hope
    this release will extend to the remaining detained defenders", "we hope they will be home
    soon and free") and the sentence names no court, judge or prosecutor: a hope with no court
    addressee is at most the measured call. "We hope the court will release them" counts."""
    lowers, base = sentence.lowers, sentence.start
    if any(e.entry.category in ("court", "court-system") for e in sentence.entities) or \
            any(w in COURT_WORDS for w in lowers):
        return False
    for k in range(start - 1, sentence.start - 1, -1):
        if lowers[k - base] in HOPE_STOPS:
            return False
        if lowers[k - base] not in HOPING:
            continue
        if lowers[k - base] == "hopefully":
            return True
        return any(w in WRITER for w in lowers[max(sentence.start, k - HOPE_REACH) - base:
                                                k - base])
    return False


# --- stolen goods recovered ---------------------------------------------------------------------

# the participles of a wrong that also stand before a noun as what it was done to ("a stolen
# tractor", "the looted statues", "smuggled timber")
WRONG_PARTICIPLES = frozenset({"stolen", "looted", "smuggled", "plundered", "trafficked",
                               "robbed", "embezzled", "pillaged"})
# verbs that undo the wrong: the one who recovers stolen goods did not steal them
RECOVERING = frozenset({"recovered", "recover", "recovers", "recovering", "returned", "return",
                        "returns", "returning", "found", "find", "finds", "finding", "seized",
                        "seize", "seizes", "seizing", "confiscated", "confiscate", "impounded",
                        "retrieved", "retrieve", "traced", "trace", "tracked", "located",
                        "locate", "intercepted", "intercept", "discovered", "handed", "recovery",
                        "seizure"})
# between the verb and the participle: words of number, kind and place in a noun phrase
GOODS_DETERMINERS = frozenset({"a", "an", "the", "two", "three", "four", "five", "six",
                               "several", "some", "many", "dozens", "hundreds", "of", "all",
                               "back", "their", "his", "her", "its", "the", "more", "than",
                               "most", "large", "small", "recently", "illegally"})
# after it, what makes the recoverer a taker ("found the stolen cattle and sold them", "returned
# the stolen land to his cousin")
KEEPING = frozenset({"sold", "sell", "sells", "selling", "kept", "keep", "keeps", "keeping",
                     "pocketed", "shared", "resold", "took", "taken", "gave", "kin", "cousin",
                     "nephew", "niece", "wife", "son", "daughter", "brother", "relatives",
                     "relative", "crony", "cronies", "himself", "themselves", "own", "share",
                     "bribe", "bribes", "money", "cash", "commander", "chief", "officer",
                     "officers", "secretly"})
GOODS_REACH = 4  # words from the verb of recovering to the participle


def recovered_goods(sentence: Sentence, start: int, end: int) -> bool:
    """True when the accusation's cue is a participle of a wrong standing before the noun it
    describes ("a stolen tractor", "the looted statues") as the object of a verb that undoes the
    wrong: "Police recovered a stolen tractor and returned it to the farmer", "the soldiers found
    the stolen cattle in a forest". Whoever recovers, finds or returns stolen goods did not
    steal them. "The police stole the tractor", "the police kept the stolen motorbikes", "found
    the stolen cattle and sold them", "returned the stolen land to his cousin" stay accusations."""
    lowers, base = sentence.lowers, sentence.start
    if end - start != 1 or lowers[start - base] not in WRONG_PARTICIPLES:
        return False
    if end >= sentence.end or not sentence.doc[end].is_alpha or \
            lowers[end - base] in OBJECT_STOPS or lowers[end - base] in KEEPING:
        return False  # "the tractor was stolen", "stolen by the police": a deed, not a noun's
    k = start - 1
    while k >= sentence.start and start - k <= GOODS_REACH and (
            lowers[k - base] in GOODS_DETERMINERS or sentence.doc[k].like_num):
        k -= 1
    if k < sentence.start or lowers[k - base] not in RECOVERING:
        return False
    return not any(w in KEEPING for w in lowers[end - base:sentence.end - base])


# --- a harm told in the past, with a pronoun for whom it was done to ----------------------------

# the object forms of the personal pronouns: after a verb of harm they name whom it was done to
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})


def victim_object(sentence: Sentence, target, end: int) -> bool:
    """True when the accusation's target is only an unnamed pronoun in the object form ("him",
    "them") that stands after the cue, each time it appears, and never after "by": "Robbers
    threatened them with knives", "two men robbed a shop owner and beat him badly". An object
    pronoun after the deed names whom it was done to, never its doer. A pronoun pointing back to
    someone the lexicon names (the target then has a category of its own), a subject pronoun
    ("he beat them"), a doer after "by" ("the land was stolen by them"), a pronoun before the
    cue ("we caught them stealing") and doers named by a relative clause before the pronoun
    ("the men who stole them are still in charge of the count") are read as before."""
    if target is None or target.category != "person" or target.entry or \
            target.words.lower() not in OBJECT_PRONOUNS:
        return False
    lowers, base = sentence.lowers, sentence.start
    word = target.words.lower()
    places = [k for k in range(sentence.start, sentence.end) if lowers[k - base] == word]
    if not places or any(w in DOERS_NAMED for w in lowers[:places[-1] - base]):
        return False  # "the men who stole them are still in charge": the doers are named
    return all(k >= end and lowers[k - 1 - base] not in DOER_BEFORE for k in places)


# words after which an object pronoun is the doer: "stolen by them", "at the hands of them"
DOER_BEFORE = frozenset({"by", "of"})
# a relative clause names the doers by what they did ("the men who stole them")
DOERS_NAMED = frozenset({"who", "whom", "whose", "that", "which"})


# verbs whose past is their base form: "beat them" is a command or a deed told by its subject
SAME_PAST = frozenset({"beat", "hit", "cut", "hurt", "put", "set", "shut", "cast", "burst"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "who", "it"})
IN_BETWEEN = frozenset({"then", "also", "later", "again", "badly", "brutally", "severely",
                        "repeatedly", "allegedly", "reportedly", "savagely", "even", "just",
                        "nearly", "almost", "once", "twice"})
# words that make the clause before the cue a command or the writer's own: "gather at dawn and
# beat them", "we beat them", "let's beat them", "you must beat them"
COMMANDING = frozenset({"we", "i", "you", "let", "let's", "lets", "must", "should", "will",
                        "shall", "to", "go", "come", "please", "need", "now", "tomorrow",
                        "tonight", "brothers", "sisters", "comrades", "everyone", "all",
                        "people", "can", "could", "would", "may", "might", "dare", "'ll",
                        "gonna", "if", "when", "or", "don't", "do", "did"})


def told_beating(sentence: Sentence, start: int, end: int) -> bool:
    """True when a call to violence whose verb's past is its base form ("beat them", "beat
    him") follows its own subject, so that it tells a deed: a subject pronoun ("He beat
    them"), a short subject that opens the clause with a determiner or a number ("The soldiers
    beat them", "Two men beat him"), or "and" after a clause whose subject did a deed in the
    past ("Two men robbed a shop owner and beat him badly"). "Beat them", "Gather at dawn and
    beat them", "We beat them tonight", "Villagers, beat him!" and "you must beat them" stay
    calls."""
    lowers, base = sentence.lowers, sentence.start
    if lowers[start - base] not in SAME_PAST:
        return False
    opens = clause_start(sentence, start)
    k = start - 1
    while k >= opens and lowers[k - base] in IN_BETWEEN:
        k -= 1
    if k < opens or any(w in COMMANDING for w in lowers[opens - base:start - base]):
        return False
    if lowers[k - base] in SUBJECT_PRONOUNS:
        return True
    first = lowers[opens - base]
    if lowers[k - base] == "and":
        # a deed in the past before "and", with a subject before it
        return any(_past_or_participle(sentence.doc[j].text, False)
                   for j in range(opens + 1, k)) and sentence.doc[k - 1].text not in (",",)
    return k - opens < 4 and (first in SUBJECT_OPENERS - {"many"} or sentence.doc[opens].like_num) \
        and sentence.doc[k].is_alpha


# --- an offender's sentence told ----------------------------------------------------------------

# after the offender's relative clause: "was sentenced", "were later arrested", "has been fined"
PASSIVE_AUX = frozenset({"was", "were", "has", "have", "been", "is", "are", "later", "finally",
                         "then", "also", "quickly", "since", "already"})


def sanctioned_offender(sentence: Sentence, start: int, end: int) -> bool:
    """True when the offender's name at start..end (the `offender-name` group) opens its
    sentence, a relative clause follows it ("The thief who stole the temple bell"), and the
    offender so described is then arrested, charged or sentenced in the passive ("... was
    sentenced to two years", "... were arrested on Monday"): court news of a crime, told of
    someone the clause names by the deed, when the clause names no one and nothing of the
    nation's (as :func:`deed_told`). "The thieves who stole our land were never arrested",
    "the murderers who killed Kem Ley were never punished" (someone named) and "Thieves who
    stole our land" (no sanction told) stay banners."""
    lowers, base = sentence.lowers, sentence.start
    if not _opens_with_offender(sentence, start):
        return False
    if end >= sentence.end or lowers[end - base] not in ("who", "that"):
        return False
    # the relative clause's own verb first ("who stole"), then the offender's passive
    for k in range(end + 2, sentence.end - 1):
        if lowers[k - base] not in ("was", "were", "is", "are", "has", "have"):
            continue
        j = k
        while j < sentence.end and lowers[j - base] in PASSIVE_AUX:
            j += 1
        passive = any(w in ("was", "were", "been", "is", "are") for w in lowers[k - base:j - base])
        return j < sentence.end and passive and lowers[j - base] in ENFORCEMENT and \
            _nothing_public(sentence, end + 1, k)
    return False


# --- a verb of harm done to a thing ------------------------------------------------------------

# the accusation's verbs that also act on things in plain speech ("beat the drums", "shot a
# video", "kill the engine"); theft verbs are not here: "stole cigarettes" is still theft
THING_VERBS = frozenset({"beat", "beats", "beating", "hit", "hits", "shot", "shoot", "shoots",
                         "shooting", "kill", "kills", "killed", "killing"})


def harmless_deed(sentence: Sentence, start: int, end: int) -> bool:
    """True when the accusation's cue is one of :data:`THING_VERBS` and its object is a thing
    of the `harmless-object` group (clause_roles._harms_nothing): "the soldiers beat the drums
    at the opening of the festival", "the police shot a video of the ceremony". "The soldiers
    beat the farmers" stays an accusation."""
    return end - start == 1 and sentence.lowers[start - sentence.start] in THING_VERBS and \
        _harms_nothing(sentence, end)


def _opens_with_offender(sentence, start: int) -> bool:
    """True when the cue at start is a common offender's name (`offender-name`) that opens the
    sentence, alone or after one of SUBJECT_OPENERS ("Thieves …", "The thieves …")."""
    markers = sentence.pipeline.markers.get("offender-name")
    lowers, base = sentence.lowers, sentence.start
    if not markers or (lowers[start - base],) not in markers.get(lowers[start - base], ()):
        return False
    first = sentence.first_word()
    return not (start - first > 1 or start > first and lowers[first - base] not in SUBJECT_OPENERS)
