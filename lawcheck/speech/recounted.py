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


# a territory claim feared, not made: the modal of possibility and a verb of consequence
# between it and the cue ("could result in the loss of Cambodian territory", "may lead to")
POSSIBLE = {"could", "may", "might"}
CONSEQUENCE = {"result", "results", "in", "lead", "to", "cause", "mean", "eventually",
               "ultimately", "also", "even", "be", "the", "a", "further", "more", "in", "end", "up"}
POSSIBLE_REACH = 5


def _loss_feared(sentence: Sentence, start: int) -> bool:
    """True when a territory cue stands after a modal of possibility with only words of
    consequence between ("activists are concerned that the concessions could result in the loss
    of Cambodian territory", "the deal may lead to the loss of land"): a fear of what may come,
    not a claim that land was given away. "The agreement will result in the loss of our
    territory" (a prediction) and "the government sold our territory" are not touched; a modal
    with other words between ("Vietnam may now claim the land it took") frames nothing."""
    lowers, base = sentence.lowers, sentence.start
    k = start - 1
    while k >= max(sentence.start, start - POSSIBLE_REACH) and lowers[k - base] in CONSEQUENCE:
        k -= 1
    return k >= sentence.start and k < start - 1 and lowers[k - base] in POSSIBLE


# verbs by which someone puts a request to a court or applies to it: the nearest one before a
# release or dismissal cue says whose request it is ("her lawyer asked the court to release her")
REQUESTING = {"ask", "asks", "asked", "asking", "urge", "urges", "urged", "request", "requests",
              "requested", "appeal", "appeals", "appealed", "petition", "petitions",
              "petitioned", "apply", "applies", "applied", "file", "files", "filed", "motion",
              "demand", "demands", "demanded", "want", "wants", "wanted", "hope", "hopes",
              "hoped", "seek", "seeks", "sought", "call", "calls", "called", "plead", "pleads",
              "pleaded", "beg", "begs", "begged"}
# between a subject and its verb: "the defence will ask", "her lawyer has filed", "they also asked"
SUBJECT_CHAIN = {"will", "has", "have", "had", "would", "also", "then", "later", "again",
                 "formally", "already", "today", "yesterday", "now", "a", "the", "to", "plans",
                 "plan", "intends", "intend", "is", "are", "was", "were", "going", "did", "does"}
# an exhortation or the writer's side: a request said as owed or as ours is the writer's demand
OWN_OR_OWED = {"we", "i", "us", "our", "my", "must", "should", "let", "please", "everyone",
               "everybody", "all"}
REQUEST_REACH = 12


def _someone_elses_request(sentence: Sentence, start: int) -> bool:
    """True when the demand on a court at ``start`` is someone else's request, told as news: the
    nearest verb of asking or applying before it in its sentence has a subject that is not the
    writer ("her lawyer asked the court to release her on bail", "the defence will ask the Appeal
    Court to overturn the conviction", "the lawyer has filed a motion to dismiss the charges"): a
    party's application to the court, which the labelling guide counts benign, and which
    facts.OWN_VOICE_ONLY then sets aside as reported. The writer's own request, a request said to
    be owed or put to everyone ("we hope that the court will release them", "everyone must ask
    the court to free them"), or one with no subject before it ("Release them!") stays the
    writer's."""
    lowers, base = sentence.lowers, sentence.start
    lo = max(sentence.start, start - REQUEST_REACH)
    for v in range(start - 1, lo - 1, -1):
        word = lowers[v - base]
        if word in (";", ":", "—", "–", "but", "yet", "and"):
            return False
        if word not in REQUESTING:
            continue
        if word.endswith("ing") and (v == sentence.start or lowers[v - 1 - base] not in (
                "is", "are", "was", "were", "been")):
            return False  # "sign the petition asking the court to release them": the writer's
        k = v - 1
        chain = []
        while k >= sentence.start and lowers[k - base] in SUBJECT_CHAIN | {"will"}:
            chain.append(lowers[k - base])
            k -= 1
        if k < sentence.start or not sentence.doc[k].is_alpha:
            return False
        subject = lowers[k - base]
        if subject in OWN_OR_OWED or any(w in OWN_OR_OWED for w in chain):
            return False
        # "we hope that …", "we once again ask": the writer a few words before the verb
        if any(w in ("we", "i") for w in lowers[max(sentence.start, k - 3) - base:k - base]):
            return False
        return True
    return False


# the first words of pending-case cues that ask an outcome (not those that discredit the case:
# "sham", "politically motivated" stay the writer's words whoever asks, as release-call says)
OUTCOME_WORDS = {"acquit", "acquittal", "overturn", "quash", "be", "throw", "dismiss", "find",
                 "declare", "stop", "end"}


def _an_outcome_asked(kind, first_word: str) -> bool:
    """True for a cue that asks a court for an outcome (release, bail, dismissal, acquittal),
    which a party may ask for; False for words that discredit the case."""
    return kind.id in ("release-call", "release-named") or (
        kind.id == "pending-case" and first_word in OUTCOME_WORDS)


# a report of proceedings names the words someone was punished for: "sentenced to two years for
# claiming that farmers had lost land to Vietnam", "arrested over a post calling for a strike"
PUNISHED = {"charged", "convicted", "sentenced", "indicted", "prosecuted", "arrested",
            "detained", "jailed", "imprisoned", "summoned", "questioned", "fined", "sued",
            "warned", "investigated", "tried", "punished", "expelled", "dismissed", "fired",
            "deported", "banned", "suspended", "closed"}
SPEAKING = {"saying", "claiming", "posting", "writing", "calling", "alleging", "stating",
            "sharing", "publishing", "suggesting", "urging", "asking", "telling", "speaking",
            "describing", "comparing", "demanding", "criticising", "criticizing", "accusing",
            "broadcasting", "reporting", "questioning", "arguing", "inciting", "announcing"}
WORDS_NOUNS = {"post", "posts", "remarks", "remark", "comments", "comment", "speech",
               "speeches", "video", "videos", "words", "statement", "statements", "article",
               "articles", "broadcast", "interview", "song", "poem", "leaflet", "leaflets",
               "banner", "slogan", "message", "messages", "photo", "cartoon"}
PUNISHED_FOR = {"for", "over", "after", "because"}
PROCEEDINGS_ENDS = {";", ":", ".", "!", "?", "but", "while", "although", "whereas", "yet"}
PROCEEDINGS_REACH = 16  # words from the verb of speaking to the cue
PUNISHED_REACH = 8      # words from the punishment to "for"


def _words_punished(sentence: Sentence, start: int) -> bool:
    """True when the cue stands in the words someone was punished for, told in a report of
    proceedings: a punishment ("convicted", "arrested", "jailed" …), then "for", "over" or
    "after", then a verb of speaking or a noun of words, then the cue ("the court sentenced Rong
    Chhun to two years for claiming that farmers had lost land to Vietnam", "three workers were
    arrested over a post calling for a strike"): the writer reports what the authorities
    punished, not a claim or call of its own. When the writer is the one punished ("we were
    arrested for saying that the border posts were moved") the words stay the writer's."""
    lowers, base = sentence.lowers, sentence.start
    lo = max(sentence.start, start - PROCEEDINGS_REACH)
    for v in range(start - 1, lo - 1, -1):
        word = lowers[v - base]
        if word in PROCEEDINGS_ENDS:
            return False
        if word not in SPEAKING and word not in WORDS_NOUNS:
            continue
        # "for claiming", "over a post", "for his remarks", "after a video"
        opener = next((j for j in range(v - 1, max(sentence.start, v - 4) - 1, -1)
                       if lowers[j - base] in PUNISHED_FOR), None)
        if opener is None:
            continue
        punished = [j for j in range(max(sentence.start, opener - PUNISHED_REACH), opener)
                    if lowers[j - base] in PUNISHED]
        if not punished or any(lowers[j - base] in PROCEEDINGS_ENDS
                               for j in range(punished[0], opener)):
            continue
        subject = lowers[max(sentence.start, punished[0] - 4) - base:punished[0] - base]
        return not any(w in ("we", "i", "us") for w in subject)
    return False


# the writer's own call, said after a law it cites: "Article 41 guarantees our freedom, so we
# call on everyone to gather in front of the National Assembly"
OWN_CALLS = (("we", "call"), ("we", "urge"), ("we", "invite"), ("we", "ask"), ("we", "appeal"),
             ("i", "call"), ("i", "urge"), ("i", "ask"), ("let", "us"), ("join", "us"),
             ("we", "demand"), ("we", "encourage"), ("we", "will"), ("we", "must"),
             ("let", "'s"))


def _own_call_after_law(sentence: Sentence, start: int) -> bool:
    """True when every law the sentence cites stands before the call's cue and the writer's own
    call opens between them ("Article 41 guarantees our freedom, so we call on everyone to gather
    in front of the National Assembly on Monday"): the law is the reason given, the call is made
    (a sentence that only quotes or explains the law, "the law requires organisers to notify the
    authorities before they gather", keeps its quoted-law mode)."""
    lowers, base = sentence.lowers, sentence.start
    laws = [e for _, e in sentence.find("law")]
    if not laws or max(laws) > start:
        return False
    words = lowers[max(laws) - base:start - base]
    return any(tuple(words[i:i + 2]) in OWN_CALLS for i in range(len(words) - 1))


MAKES = {"makes", "make", "made", "making"}
OFFENCE_WORDS = {"offence", "offense", "crime", "illegal", "unlawful"}


def _law_makes_offence(sentence: Sentence, start: int) -> bool:
    """True when, before the cue, the sentence says a law makes the deed an offence: "makes it an
    offence", "makes it a crime", "made it illegal" ("the Anti-Corruption Law makes it an offence
    for a public official to accept bribes"): the deed is defined, no one is accused. After the
    cue the same words accuse ("the minister takes bribes, and the law makes it a crime")."""
    lowers, base = sentence.lowers, sentence.start
    for k in range(sentence.start, start - 2):
        if lowers[k - base] in MAKES and lowers[k + 1 - base] == "it":
            rest = lowers[k + 2 - base:min(start, k + 6) - base]
            if any(w in OFFENCE_WORDS for w in rest):
                return True
    return False


# a deed called a crime after it is told: "the minister takes bribes, which is a crime"
CALLED_CRIME = {("is", "a", "crime"), ("is", "an", "offence"), ("is", "an", "offense"),
                ("is", "a", "criminal", "offence"), ("is", "illegal",)}
GENERIC = {"any", "a", "an", "every", "whoever", "anyone", "anybody", "no"}


def _deed_called_crime(sentence: Sentence, target, start: int, end: int) -> bool:
    """True when the law the sentence names is only the deed called a crime after the cue ("is a
    crime", "is an offence"), and the one accused stands named before the cue and not as anyone
    at all ("the minister takes bribes, which is a crime"): the writer tells the deed and judges
    it; no law is quoted. A law cited anywhere else ("Article 605 ..."), a sanction clause, or a
    generic doer ("any official who takes bribes is a criminal") keeps the quoted-law reading."""
    lowers, base = sentence.lowers, sentence.start
    laws = sentence.find("law")
    if not laws or any(s < end for s, _ in laws):
        return False
    for s, e in laws:
        words = tuple(lowers[s - base:e - base])
        if not any(tuple(lowers[s - base:s - base + len(p)]) == p for p in CALLED_CRIME) \
                and words not in (("is", "a", "crime"), ("is", "an", "offence"),
                                  ("is", "an", "offense")):
            return False
    for hit in sentence.entities:
        if hit.end <= start and sentence.source[hit.chars[0]:hit.chars[1]] == target.words:
            return hit.start == sentence.start or lowers[hit.start - 1 - base] not in GENERIC
    return False


# a body named after the wrong in a relative clause that looks into it: "allegations of
# corruption, which the ministry has said it will investigate"
LOOKS_INTO = {"investigate", "investigates", "investigating", "investigated", "probe", "probes",
              "probing", "probed", "examine", "examines", "examining", "examined", "review",
              "reviews", "reviewing", "reviewed", "look", "looking", "looks", "inquire",
              "inquiring", "prosecute", "prosecutes", "prosecuting", "address", "addressing"}


def _investigator_after(sentence: Sentence, target, end: int) -> bool:
    """True when the target stands after the cue inside a relative clause ("which", "that") whose
    verb looks into the wrong ("the report records allegations of corruption in the handling of
    land titles, which the ministry has said it will investigate"): the one who investigates is
    not the one accused. A relative with another verb keeps it ("corruption, which the ministry
    has hidden for years"), and so does "its own" ("which the ministry will investigate in its
    own ranks" still names the ministry's people)."""
    lowers, base = sentence.lowers, sentence.start
    for hit in sentence.entities:
        if hit.start < end or sentence.source[hit.chars[0]:hit.chars[1]] != target.words:
            continue
        before = lowers[max(end, hit.start - 2) - base:hit.start - base]
        if not any(w in ("which", "that", "whom") for w in before):
            return False
        stop = next((k for k in range(hit.end, sentence.end)
                     if lowers[k - base] in (";", ":", ".", "but", ",")), sentence.end)
        clause = lowers[hit.end - base:stop - base]
        return any(w in LOOKS_INTO for w in clause) and "own" not in clause
    return False


# verbs by which someone acts on a thing or a group that did harm: after them, a relative clause
# of harm tells what that thing or group did ("the police seized the fake medicines that killed
# three children", "thank the police for arresting the gang that robbed tourists")
ACTING_ON = {"seized", "seize", "seizes", "seizing", "removed", "remove", "removes", "removing",
             "banned", "ban", "bans", "banning", "closed", "close", "closes", "closing",
             "arrested", "arrest", "arrests", "arresting", "caught", "catch", "catching",
             "condemned", "condemn", "condemns", "condemning", "destroyed", "destroy",
             "confiscated", "confiscate", "recalled", "recall", "prohibited", "prohibit",
             "stopped", "stop", "shut", "captured", "capture", "dismantled", "dismantle",
             "cleared", "clear", "defused", "defuse", "investigated", "investigate",
             "investigating", "prosecuted", "prosecute", "punished", "punish", "fined", "fine",
             "sued", "sue", "charged", "charge", "convicted", "jailed", "blocked", "block",
             "raided", "raid", "rescued", "warned", "warn", "tracked", "identified", "exposed",
             "expose", "denounced", "denounce", "deplored", "deplore", "fought", "fight",
             "fighting", "detained", "detain", "demined", "tested", "treated", "replaced"}
RELATIVE_HARM = {"that", "which", "who"}
RELATIVE_CHAIN = {"had", "have", "has", "allegedly", "reportedly", "also", "once", "then"}


def _doer_is_antecedent(sentence: Sentence, target, start: int) -> bool:
    """True when the cue opens a relative clause ("that killed", "which had poisoned", "who
    robbed") whose antecedent is something the target acted on, not the target: "the police
    seized the fake medicines that killed three children", "we thank the police for arresting
    the gang that robbed tourists", "the ministry closed the factory that poisoned the river".
    The doer of the relative is its antecedent. A target that is the antecedent ("the soldiers
    who killed"), its owner ("the government's crackdown that killed five workers") or that
    caused it ("the government ordered a crackdown that killed five workers": no verb of acting
    against) is still accused."""
    lowers, base = sentence.lowers, sentence.start
    k = start - 1
    while k > sentence.start and lowers[k - base] in RELATIVE_CHAIN:
        k -= 1
    if k <= sentence.start or lowers[k - base] not in RELATIVE_HARM:
        return False
    antecedent_end = k  # the token after the antecedent
    for hit in sentence.entities:
        if hit.end > antecedent_end or sentence.source[hit.chars[0]:hit.chars[1]] \
                != target.words:
            continue
        if hit.end == antecedent_end:
            return False  # "the soldiers who killed": the target is the antecedent
        between = lowers[hit.end - base:antecedent_end - base]
        if not between or between[0] in ("'s", "’s") or any(
                w in (";", ":", ".", "but") for w in between):
            return False
        return any(w in ACTING_ON for w in between)
    return False


# verbs by which someone condemns a wrong named right after them: "the Prime Minister condemned
# the killing of the journalist"
CONDEMNING = {"condemned", "condemn", "condemns", "condemning", "denounced", "denounce",
              "denounces", "deplored", "deplore", "deplores", "regretted", "regrets",
              "criticised", "criticized", "criticises", "criticizes", "mourned", "mourns",
              "investigating", "about", "over"}
NAMED_WRONG_OPENERS = {"the", "a", "an", "this", "these", "that", "all", "recent", "brutal",
                       "violent", "such", "any", "every", "reported", "alleged"}
THEIR_OWN = {"he", "she", "they", "his", "her", "their", "its", "own", "him", "them"}


def _condemned_by(sentence: Sentence, target, start: int, end: int) -> bool:
    """True when the target, named before the cue, condemns the wrong the cue names as a noun
    ("the Prime Minister condemned the killing of the journalist and ordered an investigation",
    "the ministry deplored the violence"): condemning a deed does not do it. A pronoun or "own"
    after the cue that may stand for the target keeps it accused ("condemned the killing he had
    ordered"), and so does a verb between ("condemned the journalist and killed him")."""
    lowers, base = sentence.lowers, sentence.start
    k = start - 1
    while k > sentence.start and lowers[k - base] in NAMED_WRONG_OPENERS:
        k -= 1
    word = lowers[k - base]
    if word not in CONDEMNING or word in ("about", "over") and not (
            k - 1 >= sentence.start and lowers[k - 1 - base] in ("concern", "concerned")):
        return False
    if not any(h.end <= k and sentence.source[h.chars[0]:h.chars[1]] == target.words
               for h in sentence.entities):
        return False
    stop = next((j for j in range(end, sentence.end)
                 if lowers[j - base] in (";", ":", ".", "!", "?", "but")), sentence.end)
    return not any(w in THEIR_OWN for w in lowers[end - base:stop - base])


# "removed" alone among the weak overthrow cues: read like "bring down" for its own object
REMOVED_FORMS = {("removed",), ("remove",), ("removes",), ("removing",)}


def _removed_a_thing(sentence: Sentence, start: int, end: int) -> bool:
    """True when the bare cue "removed" (overthrow-weak) has its own object and no ruler stands
    in it ("the government removed the checkpoint on the border road", "the authorities removed
    the landmines from the rice fields"): the government removes things, no one removes it. The
    same test as "bring down the price" (clause_frames._removes_something_else); "the people
    removed the government", "we removed them from power" and "the regime must be removed"
    keep the call."""
    from lawcheck.speech.clause_frames import _removes_something_else

    return _removes_something_else(sentence, start, end, REMOVED_FORMS)


# "it" only: "this is corrupt", "that is theft" point at what is shown (a caption, a photo) and
# stay accusations (tests/test_speech_frames.py)
DEED_PRONOUNS = {"it"}
BE_NOW = {"is", "was", "'s", "’s", "seems", "looks", "sounds"}


def _deed_pronoun(sentence: Sentence, target, start: int, earlier) -> bool:
    """True when the one "accused" is only "it" as the subject of "is" before a wrong named as a
    noun, and no one is named before it in the statement ("Why does the village authority do
    that? It is a threatening.", "It was corruption, plain and simple."): the pronoun names the
    deed, not a person ("this is corrupt", "that is theft" point at what is shown and stay).
    With someone named before, the pronoun points back to them and the accusation stands ("The
    governor took our land. It is a theft.")."""
    words = target.words.lower()
    if target.category != "person" or words not in DEED_PRONOUNS:
        return False
    lowers, base = sentence.lowers, sentence.start
    if any(h.target for h in earlier) or any(h.target and h.end <= start
                                             for h in sentence.entities):
        return False
    if _someone_before(sentence.doc, start):
        return False  # "Sok Chea took the money. It is theft.": a name the lexicon lacks
    for s, e in sentence.find("pronoun"):
        if e > start or sentence.source[sentence.doc[s].idx:sentence.doc[e - 1].idx
                                        + len(sentence.doc[e - 1].text)].lower() != words:
            continue
        after = lowers[e - base:start - base]
        # "It is a threatening", "This is corruption", "it was an outright theft"
        return bool(after[:1]) and after[0] in BE_NOW and len(after) <= 4
    return False


PERSONAL = {"he", "she", "they", "him", "her", "them", "his", "their"}


def _someone_before(doc, start: int) -> bool:
    """True when the words before token ``start`` may name someone the lexicon does not list: two
    capitalised words in a row ("Sok Chea", "Angkor Sugar") or a personal pronoun."""
    for k in range(start):
        token = doc[k]
        if token.lower_ in PERSONAL:
            return True
        if k + 1 < start and token.is_alpha and token.text[0].isupper() \
                and doc[k + 1].is_alpha and doc[k + 1].text[0].isupper():
            return True
    return False
