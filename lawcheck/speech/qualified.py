"""What a claim word describes, and whom a demeaning noun names (issue 13, false alarms by family).

Without a parser, two readings of the words next to a cue:

- ``claim_on_another_noun``: a word that would say a court is biased, bought or tied to someone
  ("partial", "price", "for sale", "relating to") may describe another noun: "a partial
  transfer of the rights", "the price of the land shall be set by an expert named by the
  court", "disputes relating to the election shall go to the Labour Court". The claim is the
  court's only when the word describes the court or what it decides, or when the court is named
  before it in its clause ("the court gave unfair treatment to the activists") or right after
  what it describes ("unfair treatment by the court", "the price of freedom at the municipal
  court"). An abusive adjective reads the same way: "the greedy landlord took the tenant to
  court" names the court only as where the landlord went.
- ``drops_something_else``: a release call's verb of dropping ("withdraw", "dismiss") that
  takes a thing that is no case ("grounds to withdraw the concession") or describes a noun ("the
  dismissed worker") asks nothing of a court.
- ``acted_upon``: a demeaning noun that names the people the police or a court acted on is no
  word about the police or the court: "police arrested two thieves", "the robbers were
  convicted by the provincial court". "The police are thieves", "these thieves in uniform" and
  "the police protect the thieves" are still said of the police.
"""

from __future__ import annotations

from lawcheck.speech.context import Sentence, clause_start

COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "seems", "seem",
                     "seemed", "remains", "remain", "remained", "became", "become", "becomes",
                     "looks", "look", "looked", "'s", "’s"})
DEGREE = frozenset({"not", "so", "very", "too", "totally", "completely", "entirely", "clearly",
                    "obviously", "openly", "deeply", "utterly", "plainly", "also", "still",
                    "always", "never", "often", "no", "less", "more", "quite", "rather"})
DETERMINERS = frozenset({"the", "a", "an", "any", "such", "this", "that", "these", "those",
                         "all", "each", "every", "some", "its", "their", "his", "her", "our",
                         "one", "no"})
PREPOSITIONS = frozenset({"of", "by", "at", "in", "from", "for", "to", "before", "under",
                          "within", "inside", "against"})
# words no noun phrase is made of: a run of "content" words stops at them
FUNCTION = COPULAS | DETERMINERS | PREPOSITIONS | frozenset({
    "and", "or", "but", "nor", "as", "than", "that", "which", "who", "whom", "whose", "if",
    "unless", "when", "while", "because", "shall", "may", "must", "will", "would", "should",
    "can", "could", "has", "have", "had", "do", "does", "did", "not", "with", "on", "into",
    "it", "they", "he", "she", "we", "i", "you", "them", "him", "us", "me", "there", "here"})
# what a court is and what it decides, besides the lexicon's courts and the court-matter and
# verdict-context groups: a claim word that describes one of these is the court's
COURT_NOUNS = frozenset({"justice", "trial", "trials", "hearing", "hearings", "case", "cases",
                         "proceedings", "judgment", "judgments", "judgement", "judgements",
                         "decision", "decisions", "ruling", "rulings", "verdict", "verdicts",
                         "acquittal", "acquittals", "sentence", "sentences", "conviction",
                         "convictions", "judge", "judges", "judiciary", "prosecutor",
                         "prosecutors", "prosecution", "bench", "magistrate", "magistrates",
                         "tribunal", "court", "courts", "chamber", "investigation"})
# claim words that are adjectives: when one stands before a noun, it describes that noun
ADJECTIVE_CUES = frozenset({"biased", "partial", "unfair", "prejudiced", "fraudulent",
                            "corrupt", "crooked", "bought", "dishonest", "corruptible",
                            "venal", "partisan", "unjust", "political", "politicised",
                            "politicized"})
# abusive words that are adjectives: before a noun they describe it ("the greedy landlord took
# the tenant to court" says nothing of the court)
ADJECTIVE_CUES |= frozenset({"greedy", "useless", "stupid", "shameless", "pathetic", "spineless",
                             "cowardly", "kleptocratic"})
# claim words that relate what stands before them to what follows ("disputes relating to the
# election", "rules for sales"): the thing described is the noun before
RELATIONAL_FIRST = frozenset({"related", "relating", "ties", "tied", "for"})
REACH = 3  # content words in a noun phrase the reading looks through


def _court_tokens(sentence: Sentence) -> set[int]:
    spans = [(e.start, e.end) for e in sentence.entities
             if e.entry.category in ("court", "court-system")]
    markers = sentence.pipeline.markers
    for group in ("court-matter", "verdict-context"):
        if group in markers:
            spans += sentence.find(group)
    court = {k for s, e in spans for k in range(s, e)}
    base = sentence.start
    court.update(k for k in range(sentence.start, sentence.end)
                 if sentence.lowers[k - base] in COURT_NOUNS)
    return court


def _content(sentence: Sentence, k: int) -> bool:
    word = sentence.lowers[k - sentence.start]
    return any(c.isalpha() for c in word) and word not in FUNCTION


def _predicative(sentence: Sentence, start: int) -> bool:
    """ "the court is (clearly) partial", "justice is for sale": said of the subject."""
    base, k = sentence.start, start - 1
    while k >= sentence.start and sentence.lowers[k - base] in DEGREE - {"no"}:
        k -= 1
    return k >= sentence.start and sentence.lowers[k - base] in COPULAS


def _phrase_after(sentence: Sentence, k: int) -> tuple[int, int]:
    """The run of content words from token ``k`` on, past determiners (at most REACH)."""
    while k < sentence.end and sentence.lowers[k - sentence.start] in DETERMINERS:
        k += 1
    e = k
    while e < sentence.end and e - k < REACH and _content(sentence, e):
        e += 1
    return k, e


def _described(sentence: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """The tokens of the noun the claim word at start..end describes, when it describes one
    beside it; None when it is said of a subject or stands alone."""
    lowers, base = sentence.lowers, sentence.start
    if _predicative(sentence, start):
        return None
    first = lowers[start - base]
    if first in RELATIONAL_FIRST:
        s = start
        while s > sentence.start and start - s < REACH and _content(sentence, s - 1):
            s -= 1
        return (s, start) if s < start else None
    if end < sentence.end and lowers[end - base] == "of" and end - start == 1:
        s, e = _phrase_after(sentence, end + 1)  # "the price of the land"
        return (s, e) if s < e else None
    if end - start == 1 and first in ADJECTIVE_CUES and end < sentence.end \
            and _content(sentence, end):
        return _phrase_after(sentence, end)  # "a partial transfer", "fraudulent news"
    return None


def _court_right_after(sentence: Sentence, k: int, court: set[int]) -> bool:
    """The court named right after token ``k``, through one preposition: "treatment by the
    court", "for sale in the provincial court"."""
    if k >= sentence.end or sentence.lowers[k - sentence.start] not in PREPOSITIONS:
        return False
    s, e = _phrase_after(sentence, k + 1)
    return any(j in court for j in range(s, max(e, s + 1)))


def _after_preposition(sentence: Sentence, k: int, court: set[int]) -> bool:
    """The court word at ``k`` is the object of a preposition ("to claim the sale in court"),
    not the subject of what follows."""
    base = sentence.start
    while k > sentence.start and (k - 1 in court or sentence.lowers[k - 1 - base] in DETERMINERS):
        k -= 1
    return k > sentence.start and sentence.lowers[k - 1 - base] in PREPOSITIONS


def claim_on_another_noun(sentence: Sentence, start: int, end: int) -> bool:
    """True when the court claim word at start..end describes a noun that is neither a court nor
    what it decides, with no court named before it in its clause (but as the object of a
    preposition: "claim the sale in court") nor right after that noun through one preposition:
    "a partial transfer by a co-successor shall be void", "rules for sales … or by court
    decision". "The court is partial", "a partial judge", "the impartiality of the court" and
    "the court gave unfair treatment to activists" stay claims."""
    court = _court_tokens(sentence)
    if any(k in court and not _after_preposition(sentence, k, court)
           for k in range(clause_start(sentence, start), start)):
        return False
    described = _described(sentence, start, end)
    if described is None:
        return False
    s, e = described
    if any(k in court for k in range(s, e)):
        return False
    return not (_court_right_after(sentence, max(e, end), court)
                or _court_right_after(sentence, end, court))


# what the police, soldiers or a court do to suspects: the noun after (or the passive subject
# before) names whom they acted on. Not a release or an acquittal: "the court released the
# killers" says the court let wrongdoers go, a claim about the court
ENFORCEMENT = frozenset({"arrested", "arrest", "arrests", "arresting", "detained", "detain",
                         "detains", "detaining", "caught", "catch", "catches", "catching",
                         "captured", "capture", "captures", "apprehended", "apprehend",
                         "convicted", "convict", "convicts", "sentenced", "jailed", "imprisoned",
                         "prosecuted", "prosecute", "prosecutes", "charged", "fined", "punished",
                         "deported", "extradited", "chased", "raided", "busted", "nabbed",
                         "rounded", "hunted", "questioned", "interrogated", "investigated",
                         "investigating"})
# words between an arrest and whom it took: numbers, "a gang of", "suspected", "alleged" …
BETWEEN_REACH = 4
NOT_BETWEEN = COPULAS | frozenset({",", ";", ":", "—", "–", "who", "which", "that", "and", "or",
                                   "but", "as", "like", "because", "while", "for", "to", "with",
                                   "by", "in", "on", "at", "from", "up", "down"})


# the cue's first word told as a deed, the verb of a clause rather than a noun an arrest takes:
# "the judge who jailed our activists took bribes" (issue 13, s34); past forms in -ed are
# read as deeds too ("the governor who arrested the farmers robbed them")
DEED_VERBS = frozenset({"took", "takes", "stole", "steals", "sold", "sells", "paid", "pays",
                        "gave", "gives", "got", "gets", "made", "makes", "kept", "keeps", "hid",
                        "hides", "sent", "sends", "shot", "shoots", "beat", "beats", "bought",
                        "buys", "pocketed", "pockets", "grabs", "loots", "robs", "kills"})


def _told_as_deed(sentence: Sentence, start: int) -> bool:
    """True when the cue at start opens with a verb told of a subject before it, not a noun."""
    word = sentence.lowers[start - sentence.start]
    return word in DEED_VERBS or len(word) > 4 and word.endswith("ed")


def acted_upon(sentence: Sentence, start: int, end: int) -> bool:
    """True when the demeaning noun at start..end names the people an arrest, a charge or a
    conviction took: the object after the verb ("police arrested two thieves", "caught a gang
    of robbers", "rounded up the smugglers") or the passive subject before it ("the thieves
    were arrested by the police"). Only words of number and kind may stand between; a name of
    someone the lexicon knows there makes it a word about them ("arrested the CPP thieves")."""
    lowers, base = sentence.lowers, sentence.start
    held = {k for e in sentence.entities for k in range(e.start, e.end)}
    k = start - 1
    while k >= sentence.start and start - k <= BETWEEN_REACH and k not in held and \
            lowers[k - base] not in NOT_BETWEEN and lowers[k - base] not in ENFORCEMENT:
        k -= 1
    if k >= sentence.start and lowers[k - base] in ENFORCEMENT and k not in held:
        if k < start - 1 and _told_as_deed(sentence, start):
            return False  # "the judge who jailed our activists took bribes": a deed of its own
        return not (k - 1 >= sentence.start and lowers[k - 1 - base] in COPULAS - {"'s", "’s"})
    # the passive: "two thieves were arrested", "the robbers have been convicted"
    if _predicative(sentence, start):
        return False
    j = end
    while j < sentence.end and j - end < BETWEEN_REACH and lowers[j - base] in (
            COPULAS | {"have", "has", "had", "later", "then", "finally", "all", "both"}):
        j += 1
    return j > end and j < sentence.end and lowers[j - base] in ENFORCEMENT and \
        lowers[j - 1 - base] in COPULAS


# a release call's verbs of dropping: what they drop must be a case for the call to press a court
DROPPING = frozenset({"drop", "dropped", "dropping", "withdraw", "withdrawn", "withdrawing",
                      "discontinue", "dismiss", "dismissed", "dismissing"})
CASE_WORDS = frozenset({"charge", "charges", "case", "cases", "complaint", "complaints",
                        "lawsuit", "lawsuits", "suit", "prosecution", "prosecutions",
                        "accusation", "accusations", "indictment", "indictments",
                        "proceedings", "conviction", "convictions", "sentence", "sentences",
                        "trial", "trials", "investigation", "warrant", "warrants", "verdict",
                        "appeal", "summons", "persecution", "harassment"})


def drops_something_else(sentence: Sentence, start: int, end: int) -> bool:
    """True when a release call's verb of dropping takes a thing that is no case ("grounds to
    withdraw the concession", "dismiss the application") or describes a noun after a determiner
    ("the dismissed worker", "a withdrawn licence"): nothing is asked of a court. "Drop the
    fabricated charges", "withdraw the complaint against them", "dismiss it" stay calls."""
    lowers, base = sentence.lowers, sentence.start
    if end - start != 1 or lowers[start - base] not in DROPPING or _predicative(sentence, start):
        return False  # "the charges should have been dropped long ago": the case is before
    s, e = _phrase_after(sentence, end)
    if s == e or s >= sentence.end:
        return False
    if any(lowers[k - base] in CASE_WORDS for k in range(s, e)) or any(
            e0.start < e and e0.end > s for e0 in sentence.entities):
        return False
    # the noun phrase may run on to its head: "the concession charges book" holds "charges"
    return not (e < sentence.end and lowers[e - base] in CASE_WORDS)
