"""From matcher hits to speech acts, mentions and facts, for one tokenised statement.

Benign statements stop after the first loop (no cue: only mentions). The rest of the work —
sentences, markers, modes, targets — runs in plain Python over the few sentences with a cue.
"""

from __future__ import annotations

from lawcheck.speech.context import Sentence, Tokens, mode_of, sentence_bounds
from lawcheck.speech.lexicon import FACT_VALUES, TARGETED
from lawcheck.speech.lexicon import Entry
from lawcheck.speech.model import Act, Analysis, Mention
from lawcheck.speech.suggest import suggestion
from lawcheck.speech.hashtags import hashtag_hits
from lawcheck.speech.targets import (Hit, Target, described_names, find_target, name_hits,
                                     near_target)

REPORTED = "statement.reported_accusation"
ACCUSES = "statement.accuses"
INSULTS = "statement.insults"
# a demand on a court counts only in the statement's own voice: reporting that the UN or a
# family called for a release is news of the call, not pressure by the one who reports it
OWN_VOICE_ONLY = {("statement.court_claims", "pending-case")}
SLOGAN_WORDS = 8  # a text this short with an abusive name is a banner, a caption or a chant
SLURS = "statement.discrimination"
# kinds whose question is an insinuation: the contrast it sets up is the claim
INSINUATING = ("salary-wealth",)
CALLS = "statement.calls"  # a command clause makes any cue in it a call (see _in_command)  # its strong cues are slurs
# a command may open a clause after these: "To every worker on the site: put down your tools"
OPENERS = {":", "—", "–", ";", ","}
TERRITORY = "statement.territory_claim"
# the words that open the object of a territory cue, and those that end it
OBJECT_OPENERS = {"their", "his", "her", "its", "my", "your", "our", "the", "a", "an"}
OBJECT_ENDS = {"to", "in", "at", "on", "by", "for", "from", "with", "and", "or", "of"}


def analyse_doc(pipeline, doc, extra_entities=(), text: str | None = None) -> Analysis:
    """``text`` is the string ``doc`` was made from: passing it saves rebuilding ``doc.text``
    (a walk over every token) for each span."""
    entity_hits, cue_hits, neutral = [], [], []
    entities, cues = pipeline.entities, pipeline.cues
    for key, start, end in pipeline.matcher(doc):
        if key in entities:
            entity_hits.append((start, end, entities[key]))
        elif key in cues:
            cue_hits.append((start, end, cues[key]))
        else:
            neutral.append((start, end))
    if "#" in (doc.text if text is None else text):
        tag_entities, tag_cues = hashtag_hits(pipeline, doc)
        entity_hits += tag_entities
        cue_hits += tag_cues
    hits = _longest(entity_hits, doc) + list(extra_entities)
    hits = sorted((Hit(s, e, (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)), entry)
                   for s, e, entry in hits), key=lambda h: h.start)
    if any(h.entry.category == "king" for h in hits):
        hits = _royal_kin(hits, doc)
    mentions = _mentions(hits)
    acts: list[Act] = []
    text = doc.text if text is None else text
    usable = _usable(doc, cue_hits, neutral, pipeline.lexicon.acts, hits, text,
                     pipeline.markers) if cue_hits else []
    if usable:  # hits that cannot make an act, dropped without reading their sentences
        from lawcheck.speech.prescreen import possible

        usable = possible(pipeline, doc, text, hits, usable)
    if usable:
        acts = _acts(pipeline, doc, text, hits, usable)
    return Analysis(tuple(acts), mentions, facts(acts, mentions))


# the King's kin are the royal family, not the King (Art 437 bis protects the King only)
KIN = {"brother", "brothers", "sister", "sisters", "son", "sons", "daughter", "daughters",
       "mother", "father", "wife", "uncle", "aunt", "nephew", "nephews", "niece", "nieces",
       "cousin", "cousins", "half-brother", "half-sister", "relatives", "relative", "children",
       "child", "grandson", "granddaughter", "grandchildren"}
_KIN = Entry("royal.kin", "royal-family", ())


def _royal_kin(hits, doc):
    """A King named as the owner of a kinsman ("the King's brother") or after one ("the son of
    the King") names that kinsman, a member of the royal family: the words are about him."""
    out = []
    for hit in hits:
        if hit.entry.category == "king":
            after = hit.end  # past the "'s" the name may hold ("the King's")
            if doc[after - 1].lower_ not in ("'s", "’s") and after < len(doc) \
                    and doc[after].lower_ in ("'s", "’s"):
                after += 1
            if doc[after - 1].lower_ in ("'s", "’s") and after < len(doc) \
                    and doc[after].lower_ in KIN:
                hit = Hit(hit.start, after + 1, (hit.chars[0], doc[after].idx
                                                 + len(doc[after].text)), _KIN)
            else:
                k = hit.start - 1
                if k >= 0 and doc[k].lower_ in ("the", "his", "our"):
                    k -= 1
                if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in KIN:
                    hit = Hit(k - 1, hit.end, (doc[k - 1].idx, hit.chars[1]), _KIN)
        out.append(hit)
    return out


def _longest(spans, doc=None):
    """Keep the longest of overlapping spans ("Phnom Penh Municipal Court" over "court").
    On a tie, a span that does not open with "the" wins: "the police chief" is a chief."""
    kept, taken = [], set()
    for span in sorted(spans, key=lambda s: (s[0] - s[1],
                                             doc is not None and doc[s[0]].lower_ == "the",
                                             s[0])):
        tokens = range(span[0], span[1])
        if not taken.intersection(tokens):
            kept.append(span)
            taken.update(tokens)
    return sorted(kept, key=lambda s: s[0])


def _mentions(hits) -> tuple[Mention, ...]:
    from lawcheck.speech.lexicon import CATEGORIES

    found = []
    for hit in hits:
        category = CATEGORIES.get(hit.entry.category, (None, None))[1]
        if category:
            found.append(Mention(category, hit.entry.id, *hit.chars))
            if getattr(hit.entry, "dissolved", False):
                found.append(Mention("dissolved-party", hit.entry.id, *hit.chars))
    return tuple(found)


def _usable(doc, cue_hits, neutral, kinds, hits=(), text: str = "", markers=None):
    """Drop cues inside a neutral phrase and "March" the month, and cues whose act must be aimed
    at a named target of a kind the statement does not name; keep the longest per family.
    Hits on the same words come in file order of their act kinds (see _acts)."""
    usable = []
    named = {h.target for h in hits}
    if "Party" in text:
        named.add("party")  # "the Cambodian Nationality Party": a name the lexicon lacks
    ranked = None
    for start, end, (act, strong) in cue_hits:
        if any(ns <= start and end <= ne for ns, ne in neutral):
            continue
        if act.reach is not None and not named.intersection(act.targets):
            if ranked is None:
                ranked = _ranked(doc, markers, text)
            if not ranked.intersection(act.targets):
                continue  # a stance word aimed at no King, court or leader named in the statement
        if act.id == "march" and not strong and doc[start].text == "March" and (
                start > 0 and not doc[start - 1].is_punct or (
                    end < len(doc) and doc[end].like_num)):
            continue
        usable.append((start, end, (act, strong)))
    by_family: dict[str, list] = {}
    for hit in usable:
        by_family.setdefault(hit[2][0].family, []).append(hit)
    rank = _rank(kinds)
    return sorted((h for group in by_family.values() for h in _longest(group)),
                  key=lambda h: (h[0], rank.get(h[2][0].id, 0)))


def _ranked(doc, markers, text: str | None = None) -> set[str]:
    """The targets named by a rank of the state before a capitalised word ("Samdech Tea Banh"
    a leader, "H.E. Chan Sophal" an office holder): names the lexicon cannot list, which
    targets.name_hits finds only later, per sentence; without them a stance word said of such a
    leader ("Samdech Tea Banh died in Beijing") was dropped before its sentence was read."""
    from lawcheck.speech.lexicon import CATEGORIES
    from lawcheck.speech.targets import SACRED, _name_words

    if not markers:
        return set()
    ranks = _name_words(markers)[2]
    if text and "Σ" not in text:  # no rank anywhere in the lower-cased text: none named
        lowered = text.lower()
        if not any(rank in lowered for rank in ranks):
            return set()
    found = set()
    for k in range(len(doc) - 1):
        entry = ranks.get(doc[k].lower_.rstrip("."))
        after = doc[k + 1]
        if entry is not None and after.is_alpha and after.text[0].isupper() \
                and after.lower_ not in SACRED:
            found.add(CATEGORIES[entry.category][0])
    return found


_RANKS: dict[int, tuple] = {}


def _rank(kinds) -> dict[str, int]:
    """Each act kind's place in the file (the last place of an id that comes twice), made
    once per lexicon: ``_usable`` asks for it on every statement with a cue."""
    cached = _RANKS.get(id(kinds))
    if cached is None or cached[0] is not kinds:
        cached = (kinds, {kind.id: k for k, kind in enumerate(kinds)})
        _RANKS[id(kinds)] = cached
    return cached[1]


def _acts(pipeline, doc, text: str, hits, cue_hits) -> list[Act]:
    sentences: dict[tuple[int, int], Sentence] = {}
    acts: list[Act] = []
    claimed: set[tuple[int, int, str]] = set()

    tokens = Tokens(doc, text)
    # the statement's own names, the words they hold and those of them that are a present
    # government, made once for all its sentences (issue 13, speed): a sentence's entities are
    # these, then the names found in it, filtered alike (the filter looks at each name alone)
    held = {k for h in hits for k in range(h.start, h.end)}
    present: list[Hit] | None = None

    def sentence_at(i: int) -> Sentence:
        nonlocal present
        bounds = sentence_bounds(doc, i, tokens)
        if bounds not in sentences:
            names = name_hits(doc, *bounds, pipeline, tokens)
            names += described_names(*bounds, tokens, held.union(
                k for h in names for k in range(h.start, h.end)))
            if present is None:
                present = _present_government(hits, tokens, pipeline)
            sentences[bounds] = Sentence(doc, text, *bounds, pipeline,
                                         present + _present_government(names, tokens, pipeline),
                                         tokens)
        return sentences[bounds]

    for start, end, (kind, strong) in cue_hits:
        sentence = sentence_at(start)
        if not strong and kind.needs and not _needs_met(sentence, kind, start, end, sentence_at):
            continue
        if (start, end, kind.fact) in claimed:
            continue  # "boycott the commune elections": the first kind in the file that fits
        if kind.id == "reject-election" and not _rejects_election(sentence, end):
            continue  # "reject the election results", "oppose violence during the elections"
        if kind.id == "overthrow-weak" and not strong and _removes_something_else(
                sentence, start, end):
            continue  # "the government must bring down the price of fertiliser"
        if kind.id in FORCES_APPEAL and not _appealed(sentence, kind, start, end, sentence_at):
            continue  # "soldiers defended the people", "the people's right": no appeal made
        if kind.unless and _cancelled(sentence, kind, start, end):
            continue  # "we welcome the court's decision to release them": no demand
        if "authority-addressee" in kind.unless and _put_to_authority(sentence, start,
                                                                      sentence_at):
            continue  # "I ask the provincial authorities, please: free our brothers"
        if kind.fact == TERRITORY and not strong and _lost_something_else(
                sentence, end, bare=kind.id == "territory"):
            continue  # "migrants crossing the border lost their papers": no land was lost
        if kind.fact == TERRITORY and not strong and _lost_to_no_neighbour(sentence, end):
            continue  # "border communities lost their farmland to a sugar concession"
        if kind.fact == TERRITORY and not strong and _taken_by_company(sentence, start):
            continue  # "the company grabbed our land near the Vietnam border": a land dispute
        if kind.id in HARM_OBJECT and not strong and _harms_nothing(sentence, end):
            continue  # "shoot a video", "burn the rubbish", "beat the deadline"
        if kind.id in LAND_OBJECT and not _names_land(sentence, start, end):
            continue  # "sold 500,000 tonnes of rice to Vietnam": no land is given
        if kind.fact == FOREIGN and not _foreign_owned(sentence, start, end):
            continue  # "a puppet of the casino bosses", "Thai workers as servants": no state rules
        target = None
        if kind.id in NEXT_TARGET:
            target = _next_target(sentence, end, kind.targets)
            if target is None:
                continue  # "without a doubt", "abolish the King's portrait fee": no monarchy
        elif kind.reach is not None:
            listed = " ".join(sentence.lowers[start - sentence.start:end - sentence.start]) \
                in pipeline.listed.get(kind.id, ())
            target = near_target(sentence, start, end, kind.targets, kind.reach, listed)
            if target is None:
                continue
            if _mourned(sentence, tokens, start, end):
                continue  # "we mourn Samdech Chea Sim, who died on Monday": news of a death
        elif kind.target == "required":
            earlier = [h for h in hits if h.end <= sentence.start]
            tagged = [h for h in hits if h.start > 0 and doc[h.start - 1].text == "#"]
            target = find_target(sentence, start, end, kind.targets, kind.direction, earlier,
                                 tagged)
            if target is None and kind.fact == COURT_CLAIMS and "court" in kind.targets:
                target = _controlled_judiciary(sentence, start, end, kind, earlier, tagged)
            if target is None and kind.fact == INSULTS and (
                    _slogan(doc) or _described(sentence, end)) and (
                    not kind.targets or "person" in kind.targets) and (
                    tuple(sentence.lowers[start - sentence.start:end - sentence.start])
                    in pipeline.markers.get("epithet", {}).get(
                        sentence.lowers[start - sentence.start], ())):
                # an abusive name aimed at someone unnamed: on a banner or a caption of a few
                # words, where it is shown names its target ("traitors?", "traitor … puppet of
                # Vietnam"); elsewhere, the clause after the name says whom it is aimed at, as
                # a name would ("traitor who has sold away land to Vietnam")
                target = Target("person", text[doc[start].idx:doc[end - 1].idx
                                               + len(doc[end - 1].text)])
            if target is None or kind.fact == INSULTS and _definition(sentence, start, end):
                continue  # "a traitor is someone who betrays the country": a word defined
            if kind.fact == ACCUSES and not strong and _a_topic(sentence, start, end):
                continue  # "our programme addresses corruption in the land sector"
            if kind.fact == ACCUSES and _lawful(sentence, start, end):
                continue  # "the company had sold the land legally": no wrong is said
            if kind.fact == ACCUSES and _suspects_act(sentence, start):
                continue  # "the police arrested two suspects in the robbery": not the police's
            if kind.fact == ACCUSES and _investigated(sentence, start):
                continue  # "the police are investigating who was behind the killing"
            if kind.fact == ACCUSES and _names_a_procedure(sentence, end):
                continue  # "removed from office after a corruption investigation"
            if kind.fact in (ACCUSES, INSULTS) and _indefinite_after(sentence, target, end):
                continue  # "long rule can breed corruption and an absolutist regime"
            if kind.value == "endorse" and _abusive(pipeline, target.words):
                continue  # "a vote for this sham is a vote for the dictator": no praise
        if kind.fact in (ACCUSES, INSULTS) and _charged_with(sentence, start):
            continue  # "the court charged us with … insulting the king": the charge, not an insult
        claimed.add((start, end, kind.fact))
        mode = mode_of(sentence, start, end, kind.fact)
        if mode == "negated" and strong and kind.fact == SLURS:
            mode = "asserted"  # "no yuon here": a slur is published whatever negates it
        if mode == "question" and kind.fact == CALLS and _suggested(sentence):
            mode = "asserted"  # "Why don't we all go to Freedom Park tomorrow?": a call
        if mode == "question" and kind.fact == INSULTS and _slogan(doc):
            mode = "asserted"  # "traitors?" on a leaflet: a rhetorical question names them
        if mode == "question" and kind.fact in (ACCUSES, INSULTS) and _presupposed(sentence, start):
            mode = "asserted"  # "why do we keep silent while the governor sells our land?"
        if mode in ("asserted", "reported") and kind.fact in (ACCUSES, INSULTS) and \
                _nothing_after(sentence, end):
            mode = "negated"  # "the governor stole nothing", "the ministry hid no money"
        if mode == "question" and kind.family in INSINUATING:
            mode = "asserted"  # "how can a minister on his salary own five villas?" asks nothing
        if mode == "asserted" and kind.fact in (ACCUSES, INSULTS) and _named_by_other(
                sentence, start):
            mode = "reported"  # "critics have called the Prime Minister a dictator"
        if mode == "reported" and target is not None and _the_speaker(sentence, target, start):
            continue  # "the opposition leader said the election was rigged": he says it
        if mode == "reported" and target is not None and _speaker_after(sentence, target, end):
            continue  # "unknown men stole the cattle, police said": the police report it
        if kind.fact == ACCUSES and target is not None and _harmed_subject(sentence, target,
                                                                          start, end):
            continue  # "the police were beaten by protesters", "a child who had been abducted"
        chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        value = target.category if kind.fact in TARGETED else (
            True if FACT_VALUES[kind.fact] is None and kind.value is None else kind.value)
        fact = kind.fact
        if mode == "reported" and fact in TARGETED:
            fact = REPORTED
        facts_made = [(fact, value)]
        for aimed in ([target, *target.joined] if target is not None else []):
            if aimed is not target and kind.fact in TARGETED:
                facts_made.append((fact, aimed.category))
            facts_made += [(also.fact, also.value) for also in kind.also
                           if aimed.category in also.targets and (
                               also.fact != FOREIGN or _foreign_owned(sentence, start, end))]
        for fact_name, fact_value in facts_made:
            acts.append(Act(
                fact=fact_name, value=fact_value, start=chars[0], end=chars[1],
                sentence=sentence.chars, mode=mode, cue=text[chars[0]:chars[1]],
                target=target.words if target else None,
                suggestion=suggestion(pipeline.lexicon, fact_name, fact_value,
                                      target.category if target else None)))
    return acts


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


def _suspects_act(sentence: Sentence, start: int) -> bool:
    """True when the cue is a crime named after an arrest or a charge, through "in", "for",
    "over", "with" or "of" ("arrested two suspects in the robbery", "charged him with murder"):
    it is what the suspects are said to have done, not what the one arresting did. "Police
    arrested and tortured them" keeps the torture: no preposition leads to it."""
    lowers, base = sentence.lowers, sentence.start
    k = start - 1
    while k > sentence.start and lowers[k - base] in ("the", "a", "an"):
        k -= 1
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
PASSIVE = {"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"}
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
# country without a King", not "the King, without a doubt, …"
NEXT_TARGET = ("reject-monarchy", "endorse-loyalty", "remove-government")
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
            return Target(hit.target, sentence.source[hit.chars[0]:hit.chars[1]])
    return None


FOREIGN = "statement.foreign_control"
OWNER_LINKS = ("of", "to", "for")
# what may follow a state named as a master: "puppet of Vietnam and China", "of the yuon who";
# another word means the name qualifies it ("a puppet of Vietnamese companies")
OWNER_ENDS = {"and", "or", "for", "in", "since", "who", "which", "that", "is", "was", "are",
              "were", "to", "from", "at", "on", "with", "'s", "’s", "ever", "again"}


def _foreign_owned(sentence: Sentence, start: int, end: int) -> bool:
    """True when a `foreign-owner` phrase owns the servant word at start..end: it ends right
    before it, or before its "'s" ("Vietnamese puppet", "Hanoi's lackeys"), or, past "of",
    "to" or "for" and "the"/"a", starts right after it and no word of another noun follows
    ("puppet of Vietnam", "slaves to the yuon", not "puppet of Vietnamese companies")."""
    lowers, base = sentence.lowers, sentence.start
    spans = sentence.find("foreign-owner")
    if lowers[end - 1 - base] not in OWNER_LINKS:
        before = start - 1 if start > sentence.start and lowers[start - 1 - base] in (
            "'s", "’s") else start
        if any(e == before for _, e in spans):
            return True
    k = end
    if k < sentence.end and lowers[k - base] in OWNER_LINKS:
        k += 1
    while k < sentence.end and lowers[k - base] in ("the", "a", "an"):
        k += 1
    for s, e in spans:
        if s == k and (e >= sentence.end or not sentence.doc[e].is_alpha
                       or lowers[e - base] in OWNER_ENDS):
            return True
    return False


def _names_land(sentence: Sentence, start: int, end: int) -> bool:
    """True when the object after a territory cue, up to a preposition other than "of" ("four
    of our temples") and at most six words, ends a phrase on a word of the territory groups
    ("gave Koh Tral to", "our temples and", not "the border survey report to"), and no company
    or investor takes it just before the cue ("Vietnamese investors occupied our land" is a
    land dispute)."""
    lowers, base = sentence.lowers, sentence.start
    if any(start - 5 <= s < start for s, _ in sentence.find("land-taker")):
        return False
    stop = end
    while stop < min(sentence.end, end + 6) and (
            lowers[stop - base] not in OBJECT_ENDS or lowers[stop - base] == "of"):
        stop += 1
    spans = sentence.find("territory-context") + sentence.find("territory-object")
    return any(end <= s < stop and (e >= sentence.end or e == stop or lowers[e - base] in
                                    (",", "and", "or", ".", ";") or not lowers[e - base].isalpha())
               for s, e in spans)


def _lost_to_no_neighbour(sentence: Sentence, end: int) -> bool:
    """True when the territory cue's recipient, "to" within six words after it and a
    `land-taker` within three words after "to", is a company, a project or nature, and no
    neighbouring state or people is named up to it: "lost their farmland to a sugar concession"."""
    if "land-taker" not in sentence.pipeline.markers:
        return False
    lowers, base = sentence.lowers, sentence.start
    stop = min(sentence.end, end + 6)
    to = next((k for k in range(end, stop) if lowers[k - base] == "to"), None)
    if to is None:
        return False
    if any(end <= h.start < to + 4 and h.entry.category == "neighbouring-state"
           for h in sentence.entities):
        return False
    foreign = [s for group in ("foreign-power", "ethnic") if group in sentence.pipeline.markers
               for s, _ in sentence.find(group)]
    if any(end <= s < to + 4 for s in foreign):
        return False  # "sold the islands to a Vietnamese company": a neighbour's all the same
    return any(to < s <= to + 3 for s, _ in sentence.find("land-taker"))


def _cancelled(sentence: Sentence, kind, start: int, end: int) -> bool:
    """True when a marker of the kind's ``unless`` groups stands in the cue's clause, before it
    ("we welcome the release") or, unless the group's scope is ``before``, after it ("the
    release of the 26 is good news")."""
    from lawcheck.speech.context import clause_end, clause_start

    first, last = clause_start(sentence, start), clause_end(sentence, end)
    markers = sentence.pipeline.lexicon.markers
    for group in kind.unless:
        after = markers[group].scope != "before"
        if any(first <= s < start or after and end <= s < last for s, _ in sentence.find(group)):
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


def _removes_something_else(sentence: Sentence, start: int, end: int) -> bool:
    """True when a verb of removal ("bring down", "get rid of", "drive out") has its own object,
    up to four words before a preposition or a clause break, and no government, regime, leader,
    party or pronoun stands in it: "bring down the price of fertiliser", "get rid of corruption
    in the ministry" remove no rulers; "bring down this corrupt regime", "bring it down" do."""
    lowers, base = sentence.lowers, sentence.start
    if end < sentence.end and lowers[end - base] in ("'s", "’s"):
        return True  # "remove the government's fees": the fees are removed
    if tuple(lowers[start - base:end - base]) not in REMOVAL_VERBS:
        return False
    stop = end
    while stop < min(sentence.end, end + 4) and sentence.doc[stop].is_alpha \
            and lowers[stop - base] not in OBJECT_STOPS:
        stop += 1
    if stop == end:
        return False  # "bring down!", "bring down, now": nothing else is named
    rulers = [s for group in ("government-context", "epithet") if group in sentence.pipeline.markers
              for s, _ in sentence.find(group)]
    if any(end <= s < stop for s in rulers) or any(
            end <= h.start < stop and h.target in ("government", "politician", "party", "official")
            for h in sentence.entities):
        return False
    return not any(lowers[k - base] in RULER_WORDS for k in range(end, stop))


# appeals to the security forces: a call in form, or words addressed to the forces
FORCES_APPEAL = ("appeal-forces",)
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
    # "I call on each soldier who has a gun … to use it to defend our people": a sentence that
    # opens in lower case goes on with the one before, where the call may stand
    first = sentence.first_word()
    if sentence_at is None or sentence.start == 0 or first >= sentence.end \
            or not sentence.doc[first].is_lower:
        return False
    before = sentence_at(sentence.start - 1)
    return before.start < sentence.start and any(
        before.find(n) for n in frame if n != "imperative")


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


def facts(acts, mentions) -> dict:
    """The statement facts: labels from asserted acts (reported ones for reported_accusation)."""
    labels = {name: set() for name, values in FACT_VALUES.items() if values is not None
              or name in TARGETED}
    labels[REPORTED] = set()
    flags = {name: False for name, values in FACT_VALUES.items()
             if values is None and name not in TARGETED}
    for act in acts:
        # Repeating a call, a claim about a court or a party, or a border claim publishes it
        # as much as saying it; only accusations and insults have a milder reported form.
        if act.mode == "asserted" or (act.mode == "reported" and act.fact not in TARGETED
                                      and (act.fact, act.value) not in OWN_VOICE_ONLY):
            if act.fact in flags:
                flags[act.fact] = True
            else:
                labels[act.fact].add(act.value)
    result = {name: sorted(values) for name, values in labels.items()}
    result.update(flags)
    result["statement.mentions"] = sorted({m.category for m in mentions})
    return dict(sorted(result.items()))
