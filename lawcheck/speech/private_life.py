"""A judge's private life, which shares cue words with claims about the courts (issue 13, false
alarms by family, second round).

Court claims such as "the judge serves the party", "the judge is related to the tycoon" or "every
judge has a price" rest on a few cue words ("serves the", "related to", "ties to", "price"). The
same words tell a judge's ordinary life: "the judge serves the pagoda committee as treasurer",
"the judge is related to the groom by marriage", "the judge has close ties to the pagoda where he
was a novice", "the judge paid the market price for his land". A judge's private life claims
nothing about a case. The reading, without a parser:

- the court (a judge, a prosecutor, a court of the lexicon) is the subject: it stands before the
  cue in the same clause, with no other name of the lexicon between;
- what the cue points to is of private or civic life: for "serves the", "related to" and "ties
  to", the words after the cue, up to a stop, hold a noun of :data:`PRIVATE_LIFE` (a pagoda, a
  committee, a groom) and nothing of power (:data:`POWER`), or, for "serves the", only the
  office itself (:data:`OWN_OFFICE`: "the judge has served the court for thirty years"); for
  "price", the court paid it ("the judge paid the market price"): the court was the buyer,
  not the one bought;
- nothing in the sentence after the cue ties it to a case, a payer or a power: no case word, no
  court matter, no name of the lexicon but a place or the court itself, none of
  :data:`CASE_TIES`, :data:`POWER` or :data:`CASE_PARTIES`.

"The judge serves the ruling party, not the law", "the judge is related to the defendant",
"the judge has ties to the company", "the judge was paid to convict them" and "every judge has
a price" stay claims.
"""

from __future__ import annotations

from lawcheck.speech.context import Sentence, clause_start
from lawcheck.speech.ordinary import CASE_TIES, PLACES
from lawcheck.speech.qualified import COURT_NOUNS, _court_tokens

COURT = ("court", "court-system")
# the cues read here, as the lexicon writes them (lower case, split in words)
POINTING = frozenset({("serves", "the"), ("serve", "the"), ("served", "the"),
                      ("related", "to"), ("ties", "to")})
PRICE = frozenset({("price",), ("prices",)})
SERVING = frozenset({"serves", "serve", "served"})
# what a judge serves in office: serving the court, the judiciary or the public is the office
# itself, not a master ("the judge has served the court for thirty years")
OWN_OFFICE = frozenset({"court", "courts", "judiciary", "bench", "tribunal", "public",
                        "nation", "kingdom", "constitution", "justice"})
# a thing of private or civic life that a judge may serve, belong to or be kin to
PRIVATE_LIFE = frozenset({
    "pagoda", "pagodas", "temple", "wat", "mosque", "church", "monastery", "committee",
    "community", "village", "school", "schools", "association", "club", "charity", "cross",
    "library", "hospital", "orphanage", "choir", "team", "league", "federation", "alumni",
    "monks", "monk", "abbot", "novice", "novices", "elders", "parish", "congregation",
    "groom", "bride", "couple", "wedding", "family", "cousin", "cousins", "nephew", "niece",
    "uncle", "aunt", "brother-in-law", "sister-in-law", "neighbour", "neighbor", "neighbours",
    "neighbors", "teacher", "teachers", "classmates", "students", "pupils", "orphans", "poor",
    "sick", "elderly", "farmers", "fishermen", "parents", "children", "villagers", "youth",
    "volunteers", "treasurer", "marriage", "hometown", "province", "chess", "football"})
# a power a court must not be said to serve or be tied to ("serves the ruling party", "ties to
# the tycoon", "related to the minister"): any of these after the cue keeps the claim
POWER = frozenset({
    "party", "parties", "ruling", "government", "regime", "state", "ministry", "minister",
    "ministers", "governor", "governors", "official", "officials", "general", "generals",
    "army", "military", "police", "rich", "wealthy", "powerful", "elite", "elites", "interests",
    "master", "masters", "boss", "bosses", "leader", "leaders", "leadership", "oligarch",
    "oligarchs", "crony", "cronies", "dynasty", "palace", "power", "powers", "company",
    "companies", "firm", "corporation", "investor", "investors", "developer", "developers",
    "concession", "tycoon", "tycoons", "oknha", "businessman", "businessmen", "executive",
    "cpp", "prime", "premier", "samdech", "law", "laws", "people's", "whoever", "whatever"})
# the parties to a case, kin or ties to whom is a claim about it ("related to the defendant")
CASE_PARTIES = frozenset({
    "defendant", "defendants", "accused", "plaintiff", "plaintiffs", "complainant",
    "litigant", "litigants", "victim", "victims", "lawyer", "lawyers", "witness", "witnesses",
    "suspect", "suspects", "prisoner", "prisoners", "detainee", "detainees", "convict",
    "sued", "sues", "suing", "charged", "jailed", "arrested", "eviction", "evicted",
    "dispute", "disputes",
    # who owns riches a case may be about ("ties to the family that owns the plantation")
    "owns", "owned", "owner", "owners", "plantation", "plantations", "mine", "casino",
    "casinos", "estate", "estates", "villa", "villas", "mansion", "mansions", "fortune"})
STOPS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "but", "not", "and", "while",
                   "because", "so", "than", "instead", "rather"})
REACH = 6   # words after the cue in which its object's noun is looked for
PAYING = frozenset({"paid", "pay", "pays", "paying"})
# between a verb of paying and "price": "paid the full market price"
PRICE_WORDS = frozenset({"the", "a", "an", "full", "market", "fair", "same", "usual", "normal",
                         "asking", "listed", "list", "going", "whole", "official", "set",
                         "ticket", "retail", "regular", "his", "her", "its", "their"})


def private_life(sentence: Sentence, start: int, end: int) -> bool:
    """True when the court claim's cue at start..end tells a court's private life, not a claim
    about a case (module docstring): "the judge serves the pagoda committee as treasurer",
    "the judge paid the market price for his land"."""
    lowers, base = sentence.lowers, sentence.start
    cue = tuple(lowers[start - base:end - base])
    if cue in PRICE:
        pays = _paid_by_court(sentence, start)
        return pays is not None and _nothing_tied(sentence, end)
    if cue not in POINTING or not _court_subject(sentence, start):
        return False
    private, office = False, set()
    for k in range(end, min(sentence.end, end + REACH)):
        word = lowers[k - base]
        if word in STOPS:
            break
        if cue[0] in SERVING and word in OWN_OFFICE and not private:
            office.add(k)  # "the judge has served the court for thirty years"
            continue
        if word in POWER or word in CASE_PARTIES or word in COURT_NOUNS:
            return False
        private = private or word in PRIVATE_LIFE
    return (private or bool(office)) and _nothing_tied(sentence, end, office)


def _court_subject(sentence: Sentence, k: int) -> bool:
    """A court entity stands before token ``k`` in its clause, and no other name of the
    lexicon (but a place) stands between them: the court is what the clause is about."""
    opens = clause_start(sentence, k)
    before = [e for e in sentence.entities if opens <= e.start and e.end <= k]
    if not before:
        return False
    last = max(before, key=lambda e: e.end)
    return last.entry.category in COURT or last.entry.category in PLACES and any(
        e.entry.category in COURT for e in before)


def _paid_by_court(sentence: Sentence, start: int) -> int | None:
    """The verb of paying whose object is the "price" at ``start`` ("paid the full market
    price"), when the court is its subject; else None. "The tycoon paid the judge's price"
    and "the judge has a price" are no such payment."""
    lowers, base = sentence.lowers, sentence.start
    k = start - 1
    while k >= sentence.start and lowers[k - base] in PRICE_WORDS:
        k -= 1
    if k < sentence.start or lowers[k - base] not in PAYING:
        return None
    return k if _court_subject(sentence, k) else None


def _nothing_tied(sentence: Sentence, k: int, own: set[int] = frozenset()) -> bool:
    """Nothing from token ``k`` to the end of the sentence ties it to a case, a payer or a
    power: no case word or court matter but the court's own name ("as treasurer of the court's
    pagoda committee" would still be tied), none of CASE_TIES, POWER or CASE_PARTIES, and no
    name of the lexicon but a place."""
    if any(e.end > k and e.entry.category not in COURT + PLACES for e in sentence.entities):
        return False
    if "wealth" in sentence.pipeline.markers and any(s >= k for s, _ in sentence.find("wealth")):
        return False  # "ties to the family of a millionaire"
    court = _court_tokens(sentence) - own
    lowers, base = sentence.lowers, sentence.start
    return not any(j in court or lowers[j - base] in CASE_TIES or lowers[j - base] in POWER
                   or lowers[j - base] in CASE_PARTIES for j in range(k, sentence.end))
