"""From matcher hits to speech acts, mentions and facts, for one tokenised statement.

Benign statements stop after the first loop (no cue: only mentions). The rest of the work —
sentences, markers, modes, targets — runs in plain Python over the few sentences with a cue.
"""

from __future__ import annotations

from operator import attrgetter, itemgetter

from lawcheck.speech.clause_frames import (CALLS, COURT_CLAIMS, FORCES_APPEAL, FOREIGN,
                                           OVERTHROW_VERBS,
                                           _a_named_event, _appealed, _cancelled,
                                           _case_described,
                                           _charged_with, _controlled_judiciary,
                                           _definition, _described, _mourned,
                                           _a_right_named, _an_occasion, _needs_met,
                                           _nothing_after,
                                           _permitted,
                                           _put_to_authority,
                                           _rejects_election, _removes_something_else, _slogan,
                                           _suggested)
from lawcheck.speech.clause_roles import (HARM_OBJECT, LAND_OBJECT, NEXT_TARGET, _a_topic,
                                          _addressed,
                                          _abusive, _acted_against, _doer_by,
                                          _harmed_subject, _harms_nothing,
                                          _indefinite_after, _investigated, _lawful,
                                          _lost_something_else, _named_by_other,
                                          _names_a_procedure, _next_target, _present_government,
                                          _presupposed, _receives_the_report,
                                          _speaker_after, _suspects_act,
                                          _taken_by_company, _the_speaker)
from lawcheck.speech.ascribed import crimes_ascribed
from lawcheck.speech.carried import POINTERS, _carried_agent
from lawcheck.speech.king_contrast import _king_contrasted, contrast_closes
from lawcheck.speech.compared import COMPARED, _compared_to, _no_better
from lawcheck.speech.reported_calls import _call_recounted, _called_for_and_joined
from lawcheck.speech.recounted import (_an_outcome_asked, _loss_feared,
                                       _condemned_by, _deed_called_crime, _deed_pronoun,
                                       _doer_is_antecedent,
                                       _investigator_after,
                                       _law_makes_offence, _removed_a_thing,
                                       _own_call_after_law, _someone_elses_request,
                                       _words_punished,
                                       _told_as_done, _victim_pointed_after)
from lawcheck.speech.role_frames import (_handed_to_our_own, _passive_land,
                                         _passive_of_something_else, _roles_met,
                                         _went_elsewhere)
from lawcheck.speech.context import Sentence, Tokens, mode_of, sentence_bounds
from lawcheck.speech.land_frames import _foreign_owned, _lost_to_no_neighbour, _names_land
from lawcheck.speech.law_voice import in_laws_voice
from lawcheck.speech.qualified import acted_upon, claim_on_another_noun, drops_something_else
from lawcheck.speech.ordinary import (deed_told, harmless_deed, hoped_release, private_purchase,
                                      recovered_goods, sanctioned_offender, state_sanction,
                                      told_beating, victim_object)
from lawcheck.speech.private_life import private_life
from lawcheck.speech import prescreen
from lawcheck.speech.lexicon import CATEGORIES, FACT_VALUES, TARGETED
from lawcheck.speech.model import Act, Analysis, Mention
from lawcheck.speech.facts import FOREIGN_BACKED, REPORTED, facts
from lawcheck.speech.royal_kin import royal_kin
from lawcheck.speech.suggest import suggestion
from lawcheck.speech.gaps import gapped_hits
from lawcheck.speech.hashtags import hashtag_hits
from lawcheck.speech.targets import (Hit, Target, described_names, find_target, inside_target,
                                     crowned_as_himself, name_hits, named_in_cue, near_target,
                                     party_role, pointed_names)

ACCUSES = "statement.accuses"
INSULTS = "statement.insults"
SLURS = "statement.discrimination"  # its strong cues are slurs
# kinds whose question is an insinuation: the contrast it sets up is the claim
# "what good is a King who only waves?" mocks as it asks (issue 13)
INSINUATING = ("salary-wealth", "king-idle",
               # "how much does an acquittal cost these days?" assumes a price (issue 13, s29)
               "verdict-price")
TERRITORY = "statement.territory_claim"
PARTY_STANCE = "statement.party_stance"


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
    if pipeline.gap_matcher is not None:  # cues with words between their parts (gaps.py)
        cue_hits += gapped_hits(pipeline, doc)
    if "#" in (doc.text if text is None else text):
        tag_entities, tag_cues = hashtag_hits(pipeline, doc)
        entity_hits += tag_entities
        cue_hits += tag_cues
    hits = _longest(entity_hits, doc) + list(extra_entities)
    # len(token) is the length of its text, without making the string
    hits = sorted((Hit(s, e, (doc[s].idx, (last := doc[e - 1]).idx + len(last)), entry)
                   for s, e, entry in hits), key=_START)
    if any(h.entry.category == "king" for h in hits):
        hits = royal_kin(hits, doc)
    mentions = _mentions(hits)
    acts: list[Act] = []
    text = doc.text if text is None else text
    usable = _usable(doc, cue_hits, neutral, pipeline.lexicon.acts, hits, text,
                     pipeline.markers, pipeline if PREFILTER else None) if cue_hits else []
    if usable:  # hits that cannot make an act, dropped without reading their sentences
        usable = prescreen.possible(pipeline, doc, text, hits, usable)
    if usable:
        acts = _acts(pipeline, doc, text, hits, usable)
        if any(a.mode == "described" and a.fact == COURT_CLAIMS for a in acts) and not any(
                m.category == "court" for m in mentions):
            # a case described as false or political still touches the courts: the report's
            # no-finding caveat names them (measured.no_finding_note)
            first = next(a for a in acts if a.mode == "described" and a.fact == COURT_CLAIMS)
            mentions += (Mention("court", DESCRIBED_CASE, first.start, first.end),)
    return Analysis(tuple(acts), mentions, facts(acts, mentions))


DESCRIBED_CASE = "court.case-described"  # the mention a described case makes (no lexicon entry)


_START = attrgetter("start")
_FIRST = itemgetter(0)


def _longest(spans, doc=None):
    """Keep the longest of overlapping spans ("Phnom Penh Municipal Court" over "court").
    On a tie, a span that does not open with "the" wins: "the police chief" is a chief."""
    ordered = sorted(spans, key=_FIRST)
    if all(a[0] < a[1] <= b[0] for a, b in zip(ordered, ordered[1:])) and (
            not ordered or ordered[-1][0] < ordered[-1][1]):
        return ordered  # no two share a word (most statements): each is kept, in word order
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
    found = []
    for hit in hits:
        category = CATEGORIES.get(hit.entry.category, (None, None))[1]
        if category:
            found.append(Mention(category, hit.entry.id, *hit.chars))
            if getattr(hit.entry, "dissolved", False):
                found.append(Mention("dissolved-party", hit.entry.id, *hit.chars))
    return tuple(found)


# acts._usable asks the pre-screen whether any hit it kept can make an act before it groups
# them (issue 13, speed); tests turn it off to compare with the plain way
PREFILTER = True


def _usable(doc, cue_hits, neutral, kinds, hits=(), text: str = "", markers=None,
            pipeline=None):
    """Drop cues inside a neutral phrase and "March" the month, and cues whose act must be aimed
    at a named target of a kind the statement does not name; keep the longest per family.
    Hits on the same words come in file order of their act kinds (see _acts).

    With ``pipeline``: [] at once when the pre-screen can keep none of the hits left before
    the families are formed (prescreen.any_possible). The hits the families keep are some of
    those, and analyse_doc pre-screens them next, so it would keep none either: the same acts
    (none), without grouping hits no act can come of (most statements with a cue)."""
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
    if pipeline is not None and not prescreen.any_possible(pipeline, doc, text, hits, usable):
        return []
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
            names += pointed_names(*bounds, tokens, held.union(
                k for h in names for k in range(h.start, h.end)), pipeline.markers)
            if present is None:
                present = _present_government(hits, tokens, pipeline)
            sentences[bounds] = Sentence(doc, text, *bounds, pipeline,
                                         present + _present_government(names, tokens, pipeline),
                                         tokens)
        return sentences[bounds]

    for start, end, (kind, strong) in cue_hits:
        sentence = sentence_at(start)
        if strong and kind.needs and _a_named_event(sentence, start):
            strong = False  # "monks who joined a march to the Assembly": an event, not a call
        if not strong and kind.needs and not _needs_met(sentence, kind, start, end, sentence_at) \
                and not (kind.fact == CALLS and _called_for_and_joined(sentence, start)):
            continue  # a call told as news whose event the writer urges all to join still counts
        if (start, end, kind.fact) in claimed:
            continue  # "boycott the commune elections": the first kind in the file that fits
        if kind.id == "king-contrast" and not _king_contrasted(sentence, start, end):
            continue  # "Like his late father, the King has visited flood victims"
        if kind.id == "reject-election" and not _rejects_election(sentence, end):
            continue  # "reject the election results", "oppose violence during the elections"
        if kind.id == "overthrow-weak" and not strong and _removes_something_else(
                sentence, start, end):
            continue  # "the government must bring down the price of fertiliser"
        if kind.id == "overthrow-weak" and not strong and _removed_a_thing(sentence, start, end):
            continue  # "the government removed the checkpoint on the border road"
        if kind.id == "overthrow-weak" and not strong and _passive_of_something_else(
                sentence, start):
            continue  # "prices must be brought down, the government said"
        if kind.id == "overthrow" and _removes_something_else(sentence, start, end,
                                                              OVERTHROW_VERBS):
            continue  # "the leader has the power to topple groups who protest": rulers topple
        if kind.fact == CALLS and _permitted(sentence, start):
            continue  # "we call on the authorities to allow the march": a permission asked for
        if kind.id == "violence" and state_sanction(sentence, start, end, sentence_at):
            continue  # "the government must punish traffickers for their crimes": the law's
        if kind.id == "violence" and told_beating(sentence, start, end):
            continue  # "two men robbed a shop owner and beat him badly": a deed told
        if kind.fact == CALLS and not strong and _a_right_named(sentence, start):
            continue  # "restricting the rights to join unions and hold protests": a right named
        if kind.fact == CALLS and not strong and _an_occasion(sentence, start):
            continue  # "exercise restraint during the march": the march is when, not what
        if kind.id in FORCES_APPEAL and not _appealed(sentence, kind, start, end, sentence_at):
            continue  # "soldiers defended the people", "the people's right": no appeal made
        if kind.unless and _cancelled(sentence, kind, start, end):
            continue  # "we welcome the court's decision to release them": no demand
        if kind.id == "release-call" and drops_something_else(sentence, start, end):
            continue  # "grounds to withdraw the concession", "the dismissed worker"
        if kind.fact == COURT_CLAIMS and kind.family == "court-pending" and _told_as_done(
                sentence, start, end):
            continue  # "the charges were dropped last year", "the prosecutor dropped the charges"
        if "authority-addressee" in kind.unless and _put_to_authority(sentence, start,
                                                                      sentence_at):
            continue  # "I ask the provincial authorities, please: free our brothers"
        if "authority-addressee" in kind.unless and hoped_release(sentence, start):
            continue  # "I hope this release will extend to the others": no court asked
        passive = _passive_land(sentence, start) if kind.fact == TERRITORY and not strong \
            else None
        if passive is False:
            continue  # "rice from Takeo is sold to buyers across the border": no land given
        if kind.fact == TERRITORY and not strong and not passive and _lost_something_else(
                sentence, end, bare=kind.id == "territory"):
            continue  # "migrants crossing the border lost their papers": no land was lost
        if kind.fact == TERRITORY and not strong and _handed_to_our_own(sentence, end):
            continue  # "handed over the border health post to the provincial department"
        if kind.fact == TERRITORY and not strong and _lost_to_no_neighbour(sentence, end):
            continue  # "border communities lost their farmland to a sugar concession"
        if kind.fact == TERRITORY and not strong and not passive and _went_elsewhere(
                sentence, start, end):
            continue  # "cross-border trade moved to Bavet": trade moved, no land
        if kind.fact == TERRITORY and not strong and _taken_by_company(sentence, start):
            continue  # "the company grabbed our land near the Vietnam border": a land dispute
        if kind.id in HARM_OBJECT and not strong and _harms_nothing(sentence, end):
            continue  # "shoot a video", "burn the rubbish", "beat the deadline"
        if kind.id in HARM_OBJECT and not strong and _fights_a_wrong(sentence, start, end,
                                                                      cue_hits):
            continue  # "Corruption is systemic; a system must fight it"
        if kind.id in LAND_OBJECT and not passive and not _names_land(sentence, start, end):
            continue  # "sold 500,000 tonnes of rice to Vietnam": no land is given
        carried = None
        if kind.roles is not None and not _roles_met(sentence, kind, start, end):
            # "the governor signed the order. Forty homes were then burned": a passive harm
            # with no doer takes the actor of the sentence before (speech/carried.py)
            carried = _carried_agent(sentence, start, end, kind.targets, sentence_at,
                                     kind.roles[1]) if kind.fact == ACCUSES else None
            if carried is None:
                continue  # "replace the roof", "the ministry decides who receives the grants"
        if kind.roles is not None and kind.fact == ACCUSES and _harms_nothing(sentence, end):
            continue  # "the police shot a video of the farmers": a harmless object first
        if kind.fact == FOREIGN and kind.roles is None and not _foreign_owned(sentence, start,
                                                                             end):
            continue  # "a puppet of the casino bosses", "Thai workers as servants": no state rules
        target = None
        if kind.id in NEXT_TARGET:
            target = _next_target(sentence, end, kind.targets)
            if target is None:
                continue  # "without a doubt", "abolish the King's portrait fee": no monarchy
        elif kind.id == "crimes-of":
            target = crimes_ascribed(sentence, start, end, kind.targets)
            if target is None:
                continue  # "crimes against children", "the police investigate the crime"
        elif kind.id in COMPARED:
            target = _compared_to(sentence, start, end, kind.targets)
            if target is None:
                continue  # "Hun Sen defeated the Khmer Rouge", "the Khmer Rouge tribunal"
        elif kind.reach is not None:
            listed = " ".join(sentence.lowers[start - sentence.start:end - sentence.start]) \
                in pipeline.listed.get(kind.id, ())
            target = near_target(sentence, start, end, kind.targets, kind.reach, listed)
            if target is None and kind.gap:
                target = inside_target(sentence, start, end, kind.targets)
            if target is None:
                continue
            if _mourned(sentence, tokens, start, end):
                continue  # "we mourn Samdech Chea Sim, who died on Monday": news of a death
        elif kind.fact == TERRITORY and kind.also:
            # the one named as the subject of a giving away, when one is: "the Prime Minister
            # signed away our frontier" also accuses him (issue 13, s29); with no one named
            # the claim stands alone ("the islands were sold to pay a loan")
            target = find_target(sentence, start, end, kind.targets, "before",
                                 [h for h in hits if h.end <= sentence.start])
        elif kind.target == "required":
            earlier = [h for h in hits if h.end <= sentence.start]
            tagged = [h for h in hits if h.start > 0 and doc[h.start - 1].text == "#"]
            target = carried or find_target(sentence, start, end, kind.targets,
                                            kind.direction, earlier, tagged)
            if target is None and kind.fact == COURT_CLAIMS and "court" in kind.targets:
                target = _controlled_judiciary(sentence, start, end, kind, earlier, tagged)
            if target is None and kind.targets:
                target = named_in_cue(sentence, start, end, kind.targets)
            if target is not None and kind.fact == INSULTS and crowned_as_himself(
                    sentence, target, start, end):
                continue  # "the King is the true king of all Khmers": praise, not mockery
            if kind.fact == ACCUSES and (target is None or target.words.lower() in POINTERS):
                # "the government granted the land. Families were then evicted by force and
                # their houses burned": a passive harm with no agent reaches the actor of the
                # sentence before, not whoever "their" (the victims') would point back to
                target = _carried_agent(sentence, start, end, kind.targets, sentence_at) \
                    or target
            if target is None and kind.fact == INSULTS and (
                    _slogan(doc) and not deed_told(sentence, start, end)
                    or _described(sentence, end) and not sanctioned_offender(
                        sentence, start, end)) and (
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
            if kind.fact == ACCUSES and harmless_deed(sentence, start, end):
                continue  # "the soldiers beat the drums at the festival": no one harmed
            if kind.fact == ACCUSES and victim_object(sentence, target, end):
                continue  # "robbers threatened them with knives": "them" were harmed
            if kind.fact == ACCUSES and recovered_goods(sentence, start, end):
                continue  # "police recovered a stolen tractor": who recovers did not steal
            if kind.fact == ACCUSES and _suspects_act(sentence, start):
                continue  # "the police arrested two suspects in the robbery": not the police's
            if kind.fact in (ACCUSES, INSULTS) and acted_upon(sentence, start, end):
                continue  # "police arrested two thieves": whom the police took, not the police
            if target.category == "court" and kind.fact in (ACCUSES, COURT_CLAIMS, INSULTS) \
                    and claim_on_another_noun(sentence, start, end):
                continue  # "a partial transfer of the rights …", "the greedy landlord … to court"
            if target.category == "court" and kind.fact == COURT_CLAIMS and private_purchase(
                    sentence, start, end):
                continue  # "the judge bought a house near the provincial court"
            if target.category == "court" and kind.fact == COURT_CLAIMS and private_life(
                    sentence, start, end):
                continue  # "the judge serves the pagoda committee as treasurer"
            if kind.fact == ACCUSES and _investigated(sentence, start):
                continue  # "the police are investigating who was behind the killing"
            if kind.fact == ACCUSES and _acted_against(sentence, target, start, end):
                # "the government should prosecute those responsible for the torture"; the doer
                # named after "by" is still accused ("stop the land grabbing by the company")
                target = _doer_by(sentence, end)
                if target is None:
                    continue
            if kind.fact == ACCUSES and _receives_the_report(sentence, target, end):
                continue  # "report any bribery to the Anti-Corruption Unit": who receives it
            if kind.fact == ACCUSES and _addressed(sentence, target, start):
                continue  # "a message to the leaders that people reject corruption": told of it
            if kind.fact == ACCUSES and _names_a_procedure(sentence, end):
                continue  # "removed from office after a corruption investigation"
            if kind.fact in (ACCUSES, INSULTS) and _indefinite_after(sentence, target, end):
                continue  # "long rule can breed corruption and an absolutist regime"
            if kind.value == "endorse" and _abusive(pipeline, target.words):
                continue  # "a vote for this sham is a vote for the dictator": no praise
            if kind.fact == PARTY_STANCE and not party_role(sentence, target):
                continue  # "we condemn Hun Manet's order": an official's act, no party's side
        if kind.fact in (ACCUSES, INSULTS) and _charged_with(sentence, start):
            continue  # "the court charged us with … insulting the king": the charge, not an insult
        claimed.add((start, end, kind.fact))
        mode = mode_of(sentence, start, end, kind.fact)
        if mode == "asserted" and kind.id == "pending-case" and not strong and _case_described(
                sentence, start, end):
            mode = "described"  # "sentenced on fabricated charges": no outcome asked of a court
        if mode == "negated" and kind.id == "king-contrast" and contrast_closes(sentence, start):
            mode = "asserted"  # "the new King has never visited …, unlike his father"
        if mode == "negated" and strong and kind.fact == SLURS:
            mode = "asserted"  # "no yuon here": a slur is published whatever negates it
        if mode == "negated" and kind.id in COMPARED and _no_better(sentence, start):
            mode = "asserted"  # "Hun Sen is no better than Pol Pot": the likeness is said
        if mode == "asserted" and (kind.fact, kind.value) == (COURT_CLAIMS, "pending-case") \
                and _an_outcome_asked(kind, doc[start].lower_) \
                and _someone_elses_request(sentence, start):
            mode = "reported"  # "her lawyer asked the court to release her on bail": news
        if mode == "asserted" and kind.fact in (ACCUSES, INSULTS) and _law_makes_offence(
                sentence, start):
            mode = "quoted-law"  # "the law makes it an offence for an official to accept bribes"
        if mode == "quoted-law" and kind.fact in (ACCUSES, INSULTS) and target is not None \
                and _deed_called_crime(sentence, target, start, end):
            mode = "asserted"  # "the minister takes bribes, which is a crime": no law quoted
        if mode in ("asserted", "reported") and kind.fact == CALLS and in_laws_voice(
                sentence, start, kind, [k for s, _, (k, _) in cue_hits
                                        if sentence.start <= s < sentence.end]):
            mode = "quoted-law"  # "the occupant shall occupy the plot in good faith"
        if mode == "quoted-law" and _own_call_after_law(sentence, start):
            mode = "asserted"  # "Article 41 guarantees it, so we call on everyone to gather"
        if mode in ("asserted", "reported") and kind.fact in (CALLS, TERRITORY, COURT_CLAIMS,
                                                             PARTY_STANCE, FOREIGN_BACKED) \
                and _words_punished(sentence, start):
            mode = "described"  # "jailed for claiming that farmers lost land to Vietnam": news
        if mode in ("asserted", "reported") and kind.fact == CALLS and _call_recounted(
                sentence, start):
            mode = "described"  # "the CNRP urged people to boycott the elections": news of a call
        if mode == "asserted" and kind.fact == TERRITORY and _loss_feared(sentence, start):
            mode = "hypothetical"  # "could result in the loss of Cambodian territory": a fear
        if mode == "question" and kind.fact in (CALLS, FOREIGN_BACKED) and _suggested(sentence):
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
        if mode == "question" and kind.family == "belittle-king" and doc[start].lower_ == "who":
            mode = "asserted"  # "who is really the King here?" says someone else rules
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
        if kind.fact == ACCUSES and target is not None and _deed_pronoun(
                sentence, target, start, [h for h in hits if h.end <= sentence.start]):
            continue  # "It is a threatening.", "This is corruption": the deed, no one named
        if kind.fact == ACCUSES and target is not None and _condemned_by(sentence, target, start,
                                                                        end):
            continue  # "the Prime Minister condemned the killing of the journalist"
        if kind.fact == ACCUSES and target is not None and _doer_is_antecedent(sentence, target,
                                                                              start):
            continue  # "the police seized the fake medicines that killed three children"
        if kind.fact == ACCUSES and target is not None and _investigator_after(sentence, target,
                                                                              end):
            continue  # "allegations of corruption, which the ministry will investigate"
        if kind.fact == ACCUSES and target is not None and _victim_pointed_after(
                sentence, target, start, end):
            continue  # "activists have been killed and many of them jailed": no doer named
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
                               also.fact != FOREIGN or _foreign_owned(sentence, start, end))
                           and (also.fact != PARTY_STANCE or party_role(sentence, aimed))]
        for fact_name, fact_value in facts_made:
            acts.append(Act(
                fact=fact_name, value=fact_value, start=chars[0], end=chars[1],
                sentence=sentence.chars, mode=mode, cue=text[chars[0]:chars[1]],
                target=target.words if target else None,
                suggestion=suggestion(pipeline.lexicon, fact_name, fact_value,
                                      target.category if target else None)))
    return acts



def _fights_a_wrong(sentence: Sentence, start: int, end: int, cue_hits) -> bool:
    """True when a violent verb's object is "it" and what "it" points back to, earlier in the
    sentence, is a wrong named as a noun (a cue of accusation: "corruption", "extortion") or a
    harmless object ("poverty", "the problem"): "Bribery is a disease; we must fight it" calls
    for no violence. "He is corrupt and we must fight him", "fight them" still do."""
    if end >= sentence.end or sentence.lowers[end - sentence.start] != "it":
        return False
    wrongs = [s for s, _, (kind, _) in cue_hits if kind.fact == ACCUSES
              and sentence.start <= s < start and sentence.doc[s].is_alpha
              and sentence.doc[s].lower_.endswith(("ion", "ery", "ing", "ure", "ft", "ud"))]
    harmless = [s for s, _ in sentence.find("harmless-object") if s < start] \
        if "harmless-object" in sentence.pipeline.markers else []
    return bool(wrongs or harmless)
