"""Whom an act is aimed at: a lexicon entity in the same sentence, else "he"/"they" pointing back.

Without a parser, the subject is approximated: the nearest entity before the cue wins, unless it
sits in a relative clause that ends before the cue ("the company that the governor protects
stole the land": the governor is skipped, the company is the subject). Failing that, the
nearest entity after the cue ("the corrupt governor", "a puppet of the CPP").
"""

from __future__ import annotations

from dataclasses import dataclass

from lawcheck.speech.lexicon import CATEGORIES, Entry

_COMPANY = Entry("name.company", "company", ())
_PERSON = Entry("name.person", "person", ())
_PARTY = Entry("name.party", "party", ())
_LEADER = Entry("name.leader", "politician", ())     # "Samdech Tea Banh"
_OFFICIAL = Entry("name.official", "official", ())   # "H.E. Sar Kheng", "His Excellency X"


@dataclass(frozen=True)
class Hit:
    """A lexicon entity found in the text: tokens start..end, characters chars."""

    start: int
    end: int
    chars: tuple[int, int]
    entry: object                     # lexicon Entry (or a stand-in for a model entity)

    @property
    def target(self) -> str | None:
        return CATEGORIES[self.entry.category][0]


@dataclass(frozen=True)
class Target:
    category: str
    words: str
    joined: tuple["Target", ...] = ()   # others aimed at too: "the King and his brother"
    entry: str = ""                     # the lexicon entry id ("person.hun-sen"), when known


# Politicians who hold or held state office (the lexicon's entry ids): a stance toward one of
# them is a party stance only in a party or electoral frame (see party_role). Every other
# politician in the lexicon (opposition leaders, candidates) has no public role but the party's,
# so a new entry counts as a party figure until it is listed here (issue 13, neutrality).
OFFICE_HOLDERS = frozenset({"person.hun-sen", "person.hun-manet", "person.hun-family",
                            "person.epithet", "name.leader"})


def party_role(sentence, target: "Target") -> bool:
    """True when a stance toward ``target`` is a stance toward a party (LANGO Art 24): the
    target is a party, a politician whose only public role is the party's (an opposition
    leader, a candidate), or an office holder set in a party or electoral frame in the same
    sentence (a party named or implied beside them, an election, a vote, a campaign: the
    group ``party-frame``). "We condemn Hun Manet's order to close the radio station" judges an
    official's act; "Hun Manet's party stole the election" takes a side."""
    if target.category != "politician":
        return target.category == "party"
    if target.entry not in OFFICE_HOLDERS:
        return True
    return bool(sentence.find("party-frame"))


POSSESSIVES = {"his", "her", "their", "its"}
# words that may stand between a possessive and the wrong it owns: "their own greed"
OWNER_WORDS = {"own", "usual", "endless", "constant", "shameless", "notorious", "blatant",
               "daily", "open", "naked", "famous", "many"}


def _owner(sentence, hit: Hit, cue_start: int) -> bool:
    """ "the King's cousins, the princess who …": the owner of another noun is not the subject;
    the owner of the cue itself is ("the party's puppets")."""
    doc = sentence.doc
    if doc[hit.end - 1].lower_ in ("'s", "’s"):
        return hit.end < cue_start
    return hit.end < sentence.end and doc[hit.end].lower_ in ("'s", "’s") \
        and hit.end + 1 < cue_start


def find_target(sentence, start: int, end: int, allowed: tuple[str, ...], direction: str,
                earlier: list[Hit], hashtags: list[Hit] = ()) -> Target | None:
    """The target of the cue at tokens start..end, or None when it is aimed at no one."""
    candidates = [h for h in sentence.entities
                  if h.target and (not allowed or h.target in allowed)
                  and (h.end <= start or h.start >= end or (h.start, h.end) == (start, end))]
    inside = [h for h in candidates if (h.start, h.end) == (start, end)]
    if inside:
        return _as_target(sentence, inside[0])  # a hashtag holds both: "#NotMyKing"
    # a name after the cue is its object only within the clause: "Thieves stole the pump; the
    # police are investigating" does not aim "thieves" at the police
    after = [h for h in candidates if h.start >= end and not _clause_break(sentence, end, h.start)]
    if direction == "after":
        return _as_target(sentence, after[0]) if after else None
    before = [h for h in candidates if h.end <= start]
    links = sentence.pipeline.markers["link"]
    if direction == "before":
        return _subject_before(sentence, start, before, earlier, allowed, links)
    for hit in reversed(before):
        if not _in_relative_clause(sentence, hit, start, links) and not (
                _owner(sentence, hit, start) and any(not _owner(sentence, h, start)
                                                     for h in before)):
            return _as_target(sentence, hit, _joined(sentence, hit, before, start, links))
    subject = _pronoun_subject(sentence, start, links)
    if subject is not None:
        # "Mr. X … In his restlessness he killed Mr. Y": "he" before the cue is the one accused,
        # pointing back to someone named earlier; the name after the cue is the victim
        for hit in reversed(earlier):
            if hit.target and (not allowed or hit.target in allowed):
                return Target(hit.target, subject, entry=_entry_id(hit))
    if after:
        return _as_target(sentence, after[0])
    if before:
        return _as_target(sentence, before[-1])
    tagged = [h for h in hashtags if h.target and (not allowed or h.target in allowed)]
    if tagged:
        return _as_target(sentence, tagged[0])  # "clowns. that's it. #CPP": the tag names whom
    # "This is a message to the leaders that people reject corrupt practices": "this is" before
    # a "that" clause holding the cue presents a thing (the message), it points at no one
    pronouns = [(s, e) for s, e in sentence.find("pronoun")
                if not _presents_a_thing(sentence, s, e, start)]
    if not pronouns:
        return None
    s, e = pronouns[0]
    # "his"/"their" after the cue may be the victims' ("cheated of their fields"), and before
    # it the owner of another noun is too ("their votes were bought and stolen"): a possessive
    # counts on its own only as the owner of the cue itself ("their greed", "his own lies");
    # otherwise only when it points back to someone named before
    weak = sentence.doc[s].lower_ in POSSESSIVES and (
        s >= end or not (e == start or e + 1 == start
                         and sentence.lowers[e - sentence.start] in OWNER_WORDS))
    first, last = sentence.doc[s], sentence.doc[e - 1]
    words = sentence.source[first.idx:last.idx + len(last)]
    for hit in reversed(earlier):
        if hit.target and (not allowed or hit.target in allowed):
            return Target(hit.target, words, entry=_entry_id(hit))
    if (not allowed or "person" in allowed) and not weak and not (
            s >= end and sentence.doc[s].lower_ == "it"):
        # "it" after the cue, with no one named before, points back to a thing or to the wrong
        # itself ("Corruption is systemic; a system must fight it"), never to an unnamed person
        return Target("person", words)
    return None


PRESENTATIVES = {("this", "is"), ("that", "is")}


def _presents_a_thing(sentence, s: int, e: int, start: int) -> bool:
    """True when the pronoun at s..e is "this is"/"that is" and a "that" stands between it and
    the cue at ``start``: the cue is in a clause of its own, and "this" is what that clause is
    said in (a message, a reminder, a call), not a person it accuses ("this is corrupt" and
    "that is theft" still point)."""
    lowers, base = sentence.lowers, sentence.start
    if tuple(lowers[s - base:e - base]) not in PRESENTATIVES or s >= start:
        return False
    return "that" in lowers[e - base:start - base]


SUBJECT_REACH = 5  # words: "the factory does not respect", "the governor has again forced"
RELATIVES = {"that", "who", "which", "whom", "whose"}
SUBJECT_GAP = {"not", "n't", "never", "do", "does", "did", "will", "would", "can", "could",
               "may", "might", "must", "should", "again", "even", "still", "also", "just",
               "always", "now", "then", "has", "have", "had", "is", "are", "was", "were",
               "become", "becomes", "became", "a", "an", "the", "only"}


def _subject_before(sentence, start: int, before: list[Hit], earlier: list[Hit],
                    allowed: tuple[str, ...], links) -> Target | None:
    """The one who does a deed told right after it, for kinds whose object is the victim
    ("forced the workers to strike"): the nearest name before the cue in its clause, at most
    SUBJECT_REACH words before it, with no relative clause opening between them ("the ministry
    will fine factories that violate the law" is the factories' deed, not the ministry's); or a
    subject pronoun right before the cue pointing back to someone named earlier. Never a name
    after the cue."""
    lowers, base = sentence.lowers, sentence.start
    if before:
        hit = before[-1]
        between = lowers[hit.end - base:start - base]
        opened = [k for k, w in enumerate(between) if w in RELATIVES]
        own = (",", "who", "which", "that")
        # only linking words, auxiliaries and adverbs stand between a subject and its verb
        # ("the company has again forced"); other words mean another subject may stand there
        # ("the ministry thinks drunk driving is responsible for the deaths"), unless they are
        # a relative clause describing the subject ("the governor, who was appointed last year,");
        # another name may stand there as an owner ("our monarch is Hun Sen's hostage")
        named = {k for h in sentence.entities for k in range(h.start, h.end)}
        named |= _name_after_title(sentence, hit.end, start)
        place = _place_after(sentence, hit.end, start)
        plain = all((w,) in links.get(w, ()) or w in SUBJECT_GAP or w.endswith("ly")
                    or hit.end + k in named or hit.end + k in place or w in ("'s", "’s")
                    for k, w in enumerate(between))
        if len(between) <= SUBJECT_REACH and not _clause_break(sentence, hit.end, start) \
                and not any(k > (1 if between[:1] == [","] else 0) for k in opened) \
                and (plain or between[:1] and between[0] in own):
            return _as_target(sentence, hit)
    subject = _pronoun_subject(sentence, start, links)
    if subject is not None:
        for hit in reversed(earlier):
            if hit.target and (not allowed or hit.target in allowed):
                return Target(hit.target, subject, entry=_entry_id(hit))
    return None


# a place that only says where the subject is ("judges in Kandal sell bail", "the police of
# this district have beaten"): a preposition of place, then at most PLACE_REACH words, each a
# capitalised name or a word of this list; "here" and "there" alone do the same
PLACE_PREPOSITIONS = {"in", "of", "at", "from", "across", "throughout"}
PLACE_DETERMINERS = {"the", "this", "that", "these", "our", "their"}
PLACE_WORDS = PLACE_DETERMINERS | {"province", "provinces", "district", "districts", "city",
                                   "town", "capital", "country", "village", "villages",
                                   "commune", "communes", "region"}
PLACE_REACH = 3


def _place_after(sentence, end: int, stop: int) -> set[int]:
    """The words from ``end`` up to ``stop`` that only place the subject named before them
    (see PLACE_WORDS); empty unless every word up to ``stop`` does."""
    lowers, doc, base = sentence.lowers, sentence.doc, sentence.start
    if stop - end == 1 and lowers[end - base] in ("here", "there"):
        return {end}
    if not (2 <= stop - end <= 1 + PLACE_REACH) or lowers[end - base] not in PLACE_PREPOSITIONS:
        return set()
    rest = range(end + 1, stop)
    if all(doc[k].is_title or lowers[k - base] in PLACE_WORDS for k in rest) and any(
            doc[k].is_title or lowers[k - base] not in PLACE_DETERMINERS for k in rest):
        return set(range(end, stop))
    return set()


NAME_AFTER_TITLE = 4  # words of a person's name after a title


def _name_after_title(sentence, end: int, stop: int) -> set[int]:
    """The capitalised words right after a named office or body, up to ``stop``: the name of
    its holder ("Judge Sok Vanna will pay", "Governor Khuong Sreng has ordered"), which the
    lexicon cannot list and which stands between the office and the verb as the subject."""
    doc, run = sentence.doc, set()
    k = end
    while k < stop and k - end < NAME_AFTER_TITLE and doc[k].is_alpha and doc[k].is_title:
        run.add(k)
        k += 1
    return run


AFTER_BREAKS = {";", "but", "while", "whereas", "although", "though", "because", "yet"}


def _clause_break(sentence, a: int, b: int) -> bool:
    return any(w in AFTER_BREAKS for w in sentence.lowers[a - sentence.start:b - sentence.start])


SUBJECT_PRONOUNS = ("he", "she", "they")


def _pronoun_subject(sentence, start: int, links) -> str | None:
    """The subject pronoun standing just before the cue, with only linking words between
    ("he killed", "they have openly stolen"), or None."""
    k = start - 1
    while k >= sentence.start and k >= start - 4:
        word = sentence.lowers[k - sentence.start]
        if word in SUBJECT_PRONOUNS:
            return sentence.doc[k].text
        if (word,) not in links.get(word, ()):
            return None
        k -= 1
    return None


def _as_target(sentence, hit: Hit, joined: tuple[Target, ...] = ()) -> Target:
    return Target(hit.target, sentence.source[hit.chars[0]:hit.chars[1]], joined,
                  _entry_id(hit))


def _entry_id(hit: Hit) -> str:
    return getattr(hit.entry, "id", "") or ""


JOIN_REACH = 4  # words between two subjects: "the King and his brother, Prince X, are thieves"


def _joined(sentence, hit: Hit, before: list[Hit], cue_start: int, links) -> tuple[Target, ...]:
    """Entities joined to the subject ``hit``: by "and" when only linking words lead on to the
    cue ("the King and his brother, Prince X, are both thieves", not "use the courts and the
    police to rob"), as a party owning it ("the CPP's district chief"), or set beside it
    ("the CPP candidate, Mr. X")."""
    joined = []
    to_cue = sentence.doc[hit.end:cue_start]
    # names may follow their title ("Prince Norodom Chakra"): capitalised words link too
    linked = all(not t.is_alpha or t.is_title or (t.lower_,) in links.get(t.lower_, ())
                 for t in to_cue)
    for other in reversed([h for h in before if h.end <= hit.start]):
        between = sentence.lowers[other.end - sentence.start:hit.start - sentence.start]
        if _owner(sentence, other, hit.start):
            break  # "the King's cousin, the princess": the King owns the cousin, is not her
        owner = between == ["'s"] and other.target in ("party", "politician")
        # "the CPP candidate for Kandal, Mr. X,": one person named twice
        owner = owner or (between[-1:] == [","] and len(between) <= 3)
        # "the judges are the party's puppets": the party's tool is the subject before it
        owned = sentence.doc[hit.end - 1].lower_ == "'s" and all(
            (w,) in links.get(w, ()) for w in between)
        if not owner and not owned and not (
                linked and len(between) <= JOIN_REACH and "and" in between):
            break
        if other.target != hit.target:
            joined.append(_as_target(sentence, other))
        hit = other
    return tuple(joined)


def _in_relative_clause(sentence, hit: Hit, cue_start: int, links) -> bool:
    """True when a relative word comes shortly before ``hit`` and a verb of that clause comes
    between ``hit`` and the cue, so ``hit`` is not the cue's subject."""
    relative = any(hit.start - 3 <= e <= hit.start for _, e in sentence.find("relative"))
    if not relative:
        return False
    between = sentence.lowers[hit.end - sentence.start:cue_start - sentence.start]
    return any(word.isalpha() and (word,) not in links.get(word, ()) for word in between)


def name_hits(doc, start: int, end: int, pipeline, tokens=None) -> list[Hit]:
    """Names the lexicon cannot list, in tokens start..end: capitalised words ending in a company
    word ("Golden River Mining", "Green Sun Investment Co.") are a company, ending in "Party" a
    party; capitalised words
    after a title ("Dr. Nhem Sothea", "Mr. Chan Rotha") are a person. Run only on sentences
    that hold a cue. ``tokens``: the doc's words as lists (context.Tokens)."""
    from lawcheck.speech.context import Tokens

    tokens = tokens or Tokens(doc)
    texts, lowers = tokens.text, tokens.lower
    suffixes, titles, ranks = _name_words(pipeline.markers)

    def capital(k: int) -> bool:
        word = texts[k]
        return word.isalpha() and word[0].isupper() or lowers[k] in ("co.", "ltd.")

    def hit(first: int, last: int, entry) -> Hit:
        return Hit(first, last, (tokens.idx[first], tokens.end_char(last - 1)), entry)

    found = []
    k = start
    while k < end:
        word = lowers[k].rstrip(".")  # "Dr." and "Co." as well as "Dr" and "Co"
        if word in suffixes and capital(k) and k > start and capital(k - 1):
            first = k - 1
            while first > start and capital(first - 1):
                first -= 1
            found.append(hit(first, k + 1, _COMPANY))
        elif texts[k] == "Party" and k > start and capital(k - 1):
            # a party the lexicon does not list yet: "the Cambodian Nationality Party"
            first = k - 1
            while first > start and capital(first - 1):
                first -= 1
            found.append(hit(first, k + 1, _PARTY))
        elif word in titles and k + 1 < end and capital(k + 1):
            last = k + 1
            while last + 1 < end and capital(last + 1):
                last += 1
            found.append(hit(k, last + 1, _PERSON))
            k = last
        elif word in ranks and k + 1 < end \
                and capital(k + 1) and lowers[k + 1] not in SACRED:
            # a rank of the state before a name: "Samdech" a leader, "H.E." an office holder;
            # "Samdech Preah …" is the King's or the Supreme Patriarch's title, not a leader's
            entry = ranks[word]
            last = k + 1
            while last + 1 < end and capital(last + 1):
                last += 1
            found.append(hit(k, last + 1, entry))
            k = last
        k += 1
    return found


SACRED = {"preah", "preahmohaksatra", "preah-boromneath", "sangkhareach"}

_NAME_WORDS: dict[int, tuple] = {}


def _name_words(markers) -> tuple[frozenset[str], frozenset[str], dict]:
    """The one-word company suffixes, person titles and ranks (word -> entry, the leader's
    rank first) of ``markers``, read once per pipeline: ``name_hits`` asks for every word of a
    sentence, and ``word in set`` is ``(word,) in group.get(word, ())`` without building a
    tuple per group and word (issue 13, speed)."""
    cached = _NAME_WORDS.get(id(markers))
    if cached is None or cached[0] is not markers:
        def single(group) -> set[str]:
            return {w for w, phrases in group.items() if (w,) in phrases}

        ranks: dict = {}
        for group, entry in ((markers.get("leader-title", {}), _LEADER),
                             (markers.get("office-title", {}), _OFFICIAL)):
            for w in single(group):
                ranks.setdefault(w, entry)
        cached = (markers, frozenset(single(markers["company-suffix"])),
                  frozenset(single(markers["person-title"])), ranks)
        _NAME_WORDS[id(markers)] = cached
    return cached[1:]


DESCRIBED_BY = ("who", "whose")
NOT_NAMES = {"the", "a", "an", "this", "that", "these", "those", "our", "we", "i", "my", "his",
             "her", "their", "its", "mr", "mrs", "ms", "dr"}


def described_names(start: int, end: int, tokens, taken: set[int]) -> list[Hit]:
    """Names the lexicon cannot list and no title opens, known by the clause that describes
    them: two or three capitalised words, then a comma and "who" or "whose" ("Heng Huy, who
    robs land from the people"): a person. Words another name already holds are left alone
    ("the Minister, who …" stays the office)."""
    texts, lowers = tokens.text, tokens.lower

    def capital(k: int) -> bool:
        return texts[k].isalpha() and texts[k][0].isupper() and lowers[k] not in NOT_NAMES

    found = []
    for k in range(start + 2, end - 1):
        if texts[k] != "," or lowers[k + 1] not in DESCRIBED_BY:
            continue
        first = k
        while first > start and k - first < 3 and capital(first - 1):
            first -= 1
        if k - first >= 2 and not (first > start and capital(first - 1)) \
                and not taken.intersection(range(first, k)):
            found.append(Hit(first, k, (tokens.idx[first], tokens.end_char(k - 1)), _PERSON))
    return found


DEMONSTRATIVES = {"this", "these", "that", "those"}
# "that" is also a conjunction ("the report says that school fees rose"): it points only at the
# start of a clause or after a preposition ("the students of that school")
POINTS_AFTER = {"of", "by", "at", "in", "from", "with", "against", "for", "to", "on", "about",
                "and", "but", "or", "than"}
# words between the demonstrative and its noun that make it another noun's ("this year school
# fees rose"): a time, a number
NOT_BETWEEN = {"year", "years", "month", "months", "week", "weeks", "day", "days", "time",
               "morning", "afternoon", "evening", "season", "term", "semester", "is", "was",
               "are", "were", "has", "have", "had", "will", "would", "can", "could", "must"}
POINT_REACH = 2  # words between: "this private school", "that same old man"


def pointed_names(start: int, end: int, tokens, taken: set[int], markers) -> list[Hit]:
    """Bodies and people the lexicon cannot list, pointed at by a demonstrative: "this school",
    "that private clinic" (a `pointed-body`: a company, as a named firm is), "this man", "those
    guys" (a `pointed-person`: a person, as "he" is). The demonstrative makes the noun one
    body the reader can identify; "schools" alone is a kind ("corruption in schools"). Words
    another name already holds are left alone ("this company" stays the lexicon's)."""
    bodies, people = _pointed_words(markers)
    if not bodies and not people:
        return []
    texts, lowers = tokens.text, tokens.lower
    found = []
    for k in range(start, end - 1):
        word = lowers[k]
        if word not in DEMONSTRATIVES or k in taken:
            continue
        if word == "that" and k > start and texts[k - 1].isalpha() \
                and lowers[k - 1] not in POINTS_AFTER:
            continue
        for j in range(k + 1, min(end, k + 2 + POINT_REACH)):
            noun = lowers[j]
            entry = _COMPANY if noun in bodies else _PERSON if noun in people else None
            if entry is not None:
                while j + 1 < end and lowers[j + 1] in bodies.union(people):
                    j += 1  # "these microfinance lenders": the last noun is the head
                    entry = _COMPANY if lowers[j] in bodies else _PERSON
                if not taken.intersection(range(k, j + 1)):
                    found.append(Hit(k, j + 1, (tokens.idx[k], tokens.end_char(j)), entry))
                break
            if not texts[j].isalpha() or noun in NOT_BETWEEN or noun in DEMONSTRATIVES:
                break
    return found


_POINTED: dict[int, tuple] = {}


def _pointed_words(markers) -> tuple[frozenset[str], frozenset[str]]:
    """The one-word nouns of `pointed-body` and `pointed-person`, read once per pipeline."""
    cached = _POINTED.get(id(markers))
    if cached is None or cached[0] is not markers:
        def single(name) -> frozenset[str]:
            group = markers.get(name, {})
            return frozenset(w for w, phrases in group.items() if (w,) in phrases)

        cached = (markers, single("pointed-body"), single("pointed-person"))
        _POINTED[id(markers)] = cached
    return cached[1:]


def inside_target(sentence, start: int, end: int, allowed: tuple[str, ...]) -> Target | None:
    """A named target standing between the parts of a gapped cue, as its object: "kick this
    government out", "push the government out". Only for kinds with ``gap``: a contiguous cue
    holds no words but its own."""
    for h in sentence.entities:
        if h.target and (not allowed or h.target in allowed) and start < h.start \
                and h.end < end:
            return _as_target(sentence, h)
    return None


# words that make a cue naming the King a rejection of him ("not my King", "no king at all")
REJECTING = {"no", "not", "n't", "never", "nor"}
# the words that call a King the genuine one ("the true King", "really the King")
GENUINE = {"real", "true", "truly", "really"}
# those who may be said to be the real King instead of him ("Hun Sen is the real King")
RIVALS = {"politician", "official", "government", "party", "security-forces", "person"}


def named_in_cue(sentence, start: int, end: int, allowed: tuple[str, ...]) -> Target | None:
    """A target named by the cue's own words, when nothing outside the cue is its target:
    "not my King", "who is really the King here?", "Hun Sen is the real King" (issue 13: the
    veiled "who is truly the King"). The cue swallows the entity it holds, so find_target, which
    looks before and after the cue, cannot see it. The cue must reject the one it names, ask who
    he really is, or set a rival named in the sentence in his place: "the lion is the real king
    of the forest" and "a true king serves his people" aim at no one."""
    held = [h for h in sentence.entities
            if h.target and (not allowed or h.target in allowed) and start <= h.start
            and h.end <= end and (h.start, h.end) != (start, end)]
    if not held:
        return None
    words = sentence.lowers[start - sentence.start:end - sentence.start]
    rival = any(h.target in RIVALS and (h.end <= start or h.start >= end)
                for h in sentence.entities)
    if REJECTING.intersection(words) or words[0] == "who" or rival:
        return _as_target(sentence, held[0])
    return None


def crowned_as_himself(sentence, target: Target, start: int, end: int) -> bool:
    """ "The King is the true king of all Khmers": the King called what he is, praise. Only for a
    cue that calls a King the genuine one ("true king", "really the King") without rejecting
    him, said of the King standing before it; "the reigning King" set against "the former King"
    is king-contrast's reading, not this."""
    words = sentence.lowers[start - sentence.start:end - sentence.start]
    return target.category == "king" and "king" in words and words[0] != "who" \
        and GENUINE.intersection(words) and not REJECTING.intersection(words) and any(
            h.target == "king" and h.end <= start and (h.start, h.end) != (start, end)
            for h in sentence.entities)


def near_target(sentence, start: int, end: int, allowed: tuple[str, ...],
                reach: int, listed: bool = False) -> Target | None:
    """A named target (a lexicon or name entity, never a pronoun) that the cue is said of: the
    target, then at most ``reach`` linking words ("is", "a", "really", "so"), then the cue ("the
    King is useless", "Hun Sen, a vile man"), or the cue, then linking words or "of", then the
    target ("the pathetic Prime Minister", "the corpse of Hun Sen"). A verb or a noun in
    between breaks the link: "the courts and the police to rob" does not call the courts names.
    A word from VADER after the target needs a verb of being or an apposition ("the King
    condemned the attack" is what he did); a word the act kind lists (``listed``: "Hun Sen
    died") does not.
    """
    links = sentence.pipeline.markers["link"]
    lowers, base = sentence.lowers, sentence.start

    def linking(a: int, b: int, extra=()) -> bool:
        words = lowers[a - base:b - base]
        return len(words) <= reach and all(
            (w,) in links.get(w, ()) or w in STANCE_LINKS or w in extra or not w.isalpha()
            and w not in (";", ":", "(", ")") for w in words)

    def said_of(a: int, b: int) -> bool:
        # "the King is useless", "Hun Sen, a vile man": a verb of being or an apposition says
        # it of the target; with neither, the word is what the target did ("the King condemned
        # the attack", "the palace denied the rumours")
        return any(w in COPULAS for w in lowers[a - base:b - base])

    hits = [h for h in sentence.entities if h.target and (not allowed or h.target in allowed)]
    before = [h for h in hits if h.end <= start and linking(h.end, start)
              and (listed or said_of(h.end, start))]
    if before:
        return _as_target(sentence, before[-1])
    after = [h for h in hits if h.start >= end and linking(end, h.start, ("of", "for"))]
    return _as_target(sentence, after[0]) if after else None


COPULAS = {"is", "are", "was", "were", "be", "been", "being", "become", "becomes", "became",
           "remains", "remained", "stays", "stayed", "seems", "looks", ",", "—", "–", ":",
           "like", "as"}
# words that may stand between a target and a word said of it, besides the lexicon's links
STANCE_LINKS = {"so", "very", "too", "such", "quite", "utterly", "totally", "completely",
                "nothing", "but", "more", "than", "like", "as", "this", "that", "these",
                "those", "our", "your", "their", "his", "her", "its", "become", "becomes",
                "became", "remains", "remained", "stays", "stayed", "seems", "looks", "being",
                "not", "no", "a", "an", "the", "is", "are", "was", "were", "s", "'s", "’s",
                # a title set before the name it stands for: "our 'beloved' leader Hun Sen"
                "leader", "leaders", "premier", "strongman"}
