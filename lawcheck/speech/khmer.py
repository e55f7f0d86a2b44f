"""The Khmer statement analyser: Khmer text in, the same speech acts, mentions and facts as the
English analyser out (lawcheck.speech.model), so Khmer statements meet the same rules.

The text is split into words by the segmenter (segment.py); lexicon forms and cues
(rules/lexicons/km) are found on those word boundaries, a long form (5 letters or more) also
where the segmenter glued it to a neighbour. Each cue is then read in its sentence (split at
។ ៕ ? ! and line breaks) and clause (split at , ; : and ប៉ុន្តែ, ព្រោះ, ហើយ …), as the English
analyser does: quoted law, a question, a condition, a negation in the clause before it, or
someone else's words ("… បាននិយាយថា") set the act's mode. Targets of accusations and insults are
the nearest named entity of a fitting kind in the sentence, before the cue first.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path

from lawcheck.speech.acts import SLURS
from lawcheck.speech.facts import REPORTED, facts
from lawcheck.speech.khmer_lexicon import KmLexicon, load_khmer, normalise
from lawcheck.speech.lexicon import CATEGORIES, FACT_VALUES, TARGETED, Lexicon
from lawcheck.speech.model import Act, Analysis, Mention
from lawcheck.speech.segment import cluster_boundary, segment
from lawcheck.speech.suggest import suggestion
from lawcheck.speech.targets import OFFICE_HOLDERS

PARTY_STANCE = "statement.party_stance"

LONG = 5             # letters: a form this long may sit inside a longer run of letters
NEGATION_REACH = 8   # words between a negation and the cue it negates
SELF_REACH = 2       # words between "we" and "said": our own words, not someone else's
# A call word governs the verb it stands before, in its clause: "សូម … ចូលរួមធ្វើបាតុកម្ម".
# After the cue, or far before it, it governs another verb: a law's "ត្រូវ" (shall) in
# "លិខិតជូនដំណឹងត្រូវដាក់ … នៃការធ្វើបាតុកម្ម" (the notice shall be filed ... of the
# demonstration) is an obligation on someone else, not a call to demonstrate. Tokens (words and
# the spaces between them) between the call word and the cue; the written set's calls need 3.
CALL_REACH = 4
# characters after a violent verb where its object starts: "សម្លាប់ មេរោគ" with a space or not
HARMLESS_REACH = 2
DONE_REACH = 2       # tokens between "បាន" (did) and a demand it reports as done
# what may stand between a remedy word and the wrong it names: "ទប់ស្កាត់អំពើពុករលួយ"
TOPIC_FILLERS = ("", "ការ", "អំពើ", "នឹង", "នឹងការ", "នឹងអំពើ", "បទ")
PRONOUNS = ("គាត់", "ពួកគេ", "ពួកវា")
_SENTENCE = re.compile(r"[^\u17d4\u17d5?!\n]*(?:[\u17d4\u17d5?!]+|\n|$)")
_CACHE: dict[str, "KhmerAnalyser"] = {}
_LOCK = threading.Lock()


def khmer_analyser(english: Lexicon, folder: Path) -> "KhmerAnalyser":
    """One analyser per lexicon content, as for the English pipeline."""
    lexicon = load_khmer(english, folder)
    with _LOCK:
        if lexicon.digest not in _CACHE:
            _CACHE.clear()
            _CACHE[lexicon.digest] = KhmerAnalyser(lexicon)
        return _CACHE[lexicon.digest]


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    entry: object

    @property
    def target(self):
        return CATEGORIES.get(self.entry.category, (None, None))[0]


class _Suggestions:
    """The English suggestions with the Khmer texts laid over them."""

    def __init__(self, english: Lexicon, khmer: dict) -> None:
        self.suggestions = {fact: {**english.suggestions.get(fact, {}), **khmer.get(fact, {})}
                            for fact in set(english.suggestions) | set(khmer)}


class KhmerAnalyser:
    def __init__(self, lexicon: KmLexicon) -> None:
        self.lexicon = lexicon
        self.names = _pattern([form for form, _ in lexicon.names])
        self.entry_of = dict(lexicon.names)
        self.groups = {name: _pattern(group.phrases) for name, group in lexicon.markers.items()}
        self.cues = [(act, _pattern(act.cues), _pattern(act.strong)) for act in lexicon.acts]
        self.texts = _Suggestions(lexicon.english, lexicon.suggestions)
        self.pronouns = _pattern(PRONOUNS)
        # cues that name an event: a call word must stand before them (speech-acts.yaml "noun")
        self.nouns = set(lexicon.markers["noun"].phrases) if "noun" in lexicon.markers else set()
        # longer words that hold a form or cue and mean something else ("compound"), and objects
        # that leave a violent verb harmless ("harmless-object"); both optional groups
        self.compounds = self.groups.get("compound")
        self.harmless = self.groups.get("harmless-object")
        self.done = self.groups.get("done")
        self.welcomed = self.groups.get("welcomed")
        self.remedy = self.groups.get("remedy")

    def analyse(self, text: str) -> Analysis:
        doc = _Doc(normalise(text), self.compounds)
        hits = self._entities(doc)
        mentions = []
        for hit in hits:
            category = CATEGORIES.get(hit.entry.category, (None, None))[1]
            if category:
                mentions.append(Mention(category, hit.entry.id, hit.start, hit.end))
                if hit.entry.dissolved:
                    mentions.append(Mention("dissolved-party", hit.entry.id, hit.start, hit.end))
        acts = self._acts(doc, text, hits)
        return Analysis(tuple(acts), tuple(mentions), facts(acts, mentions))

    def _entities(self, doc: "_Doc") -> list[_Hit]:
        found = [_Hit(s, e, self.entry_of[form]) for s, e, form in doc.find(self.names)]
        return sorted(found, key=lambda h: h.start)

    def _acts(self, doc: "_Doc", text: str, hits: list[_Hit]) -> list[Act]:
        found = []
        for act, cues, strong in self.cues:
            found += [(s, e, act, True) for s, e, _ in doc.find(strong)]
            found += [(s, e, act, False) for s, e, _ in doc.find(cues)]
        cue_spans = [(s, e) for s, e, _, _ in found]
        acts: list[Act] = []
        claimed: list[tuple[int, int, str]] = []
        for start, end, act, strong in found:
            kind = act.kind
            if any(f == kind.fact and s < end and start < e for s, e, f in claimed):
                continue  # "ធ្វើពហិការការបោះឆ្នោត": the first kind in the file that fits
            sentence = doc.sentence_at(start)
            if kind.value == "violence" and any(
                    s <= end + HARMLESS_REACH for s, _, _ in doc.find(self.harmless, end)[:1]):
                continue  # "សម្លាប់មេរោគ" (kill germs), "បាញ់ថ្នាំ" (spray): no one is harmed
            if not (strong and kind.fact == SLURS) and self._topic(doc, sentence, start):
                continue  # "ទប់ស្កាត់អំពើពុករលួយ", "ចាប់ខ្លួនចោរ": the wrong is a topic
            if not strong and "imperative" in act.needs and self._done(doc, sentence, start):
                continue  # "តុលាការបានសម្រេចដោះលែង…": a release reported, not demanded
            if not strong and act.needs and not self._needs_met(doc, sentence, act, start, end,
                                                                hits):
                continue
            target = None
            if kind.target == "required":
                target = _target(doc, sentence, hits, kind, start, end, self.pronouns)
                if target is None:
                    continue
            claimed.append((start, end, kind.fact))
            mode = self._mode(doc, sentence, start, end, cue_spans)
            if mode == "negated" and strong and kind.fact == SLURS:
                mode = "asserted"  # a slur is published whatever negates it
            partisan = target is None or _party_role(
                target, sentence, hits, self.lexicon.english.markers["party-frame"].categories)
            if kind.fact == PARTY_STANCE and not partisan:
                continue  # an office holder's act judged: no party's side (as in English)
            acts += self._made(kind, target, mode, start, end, sentence, text, partisan)
        return acts

    def _made(self, kind, target, mode, start, end, sentence, text,
              partisan: bool = True) -> list[Act]:
        value = target[0] if kind.fact in TARGETED and target else (
            True if FACT_VALUES[kind.fact] is None and kind.value is None else kind.value)
        fact = REPORTED if mode == "reported" and kind.fact in TARGETED else kind.fact
        made = [(fact, value)]
        if target is not None:
            made += [(also.fact, also.value) for also in kind.also if target[0] in also.targets
                     and (also.fact != PARTY_STANCE or partisan)]
        return [Act(fact=f, value=v, start=start, end=end, sentence=sentence, mode=mode,
                    cue=text[start:end], target=text[target[1]:target[2]] if target else None,
                    suggestion=suggestion(self.texts, f, v, target[0] if target else None))
                for f, v in made]

    def _needs_met(self, doc, sentence, act, start, end, hits) -> bool:
        for need in act.needs:
            if need == "imperative":
                if doc.squeezed_at(start, end) in self.nouns or self._determined(doc, end):
                    continue  # "បាតុកម្មនេះ…" opens a sentence as its subject, not a command
                if doc.opens_clause(sentence, start, self.groups["clause"],
                                    self.groups.get("lead")):
                    return True
                continue
            group = self.lexicon.markers[need]
            if need == "call":
                if self._called(doc, sentence, start):
                    return True
                continue
            spans = [(s, e) for s, e, _ in doc.find(self.groups[need], *sentence)]
            spans += [(h.start, h.end) for h in hits if h.entry.category in group.categories
                      and sentence[0] <= h.start < sentence[1]]
            if any(not (s < end and start < e) for s, e in spans):
                return True
        return False

    def _determined(self, doc, end) -> bool:
        """A determiner (នេះ this, របស់ of …) right after the cue ending at ``end``."""
        following = doc.find(self.groups.get("determiner"), end)
        return bool(following) and doc.squeezed_at(end, following[0][0]) == ""

    def _topic(self, doc, sentence, start) -> bool:
        """A remedy word right before the cue at ``start`` (past TOPIC_FILLERS)."""
        return any(doc.squeezed_at(e, start) in TOPIC_FILLERS
                   for _, e, _ in doc.find(self.remedy, sentence[0], start))

    def _done(self, doc, sentence, start) -> bool:
        """A "done" word (បាន, did) just before the cue at ``start``, no call word after it; or
        a "welcomed" word (ស្វាគមន៍) before it in its clause."""
        clause = doc.clause_start(sentence, start, self.groups["clause"])
        if doc.find(self.welcomed, clause, start):
            return True
        done = [e for _, e, _ in doc.find(self.done, sentence[0], start)
                if doc.words_between(e, start) <= DONE_REACH]
        if not done:
            return False
        return not doc.find(self.groups["call"], max(done), start)

    def _called(self, doc, sentence, start) -> bool:
        """A call word before the cue at ``start``, in its clause, within CALL_REACH."""
        calls = doc.find(self.groups["call"], sentence[0], start)
        # "ចូរ" and "តោះ" open a clause and call in it: not a break before their own verb
        clause = doc.clause_start(sentence, start, self.groups["clause"],
                                  [(s, e) for s, e, _ in calls])
        return any(e <= start and doc.words_between(e, start) <= CALL_REACH
                   for s, e, _ in calls if s >= clause)

    def _mode(self, doc, sentence, start, end, cue_spans) -> str:
        lo, hi = sentence
        for s, e, form in doc.find(self.groups["law"], lo, hi):
            if form != "មាត្រា" or doc.number_after(e):
                return "quoted-law"
        if doc.text[lo:hi].rstrip(" \u17d4\u17d5!\"'”’»)").endswith("?") or \
                doc.find(self.groups["question"], lo, hi):
            return "question"
        for s, e, _ in doc.find(self.groups["hypothetical"], lo, start):
            between = doc.text[e:start]
            if not ("," in between or doc.find(self.groups["main"], e, start)
                    or re.search(r"\s(?:ចូរ|សូម|តោះ)", between)):
                return "hypothetical"
        negations = doc.find(self.groups["negation"], lo, start)
        clause = doc.clause_start(sentence, start, self.groups["clause"],
                                  [(s, e) for s, e, _ in negations])
        for s, e, _ in negations:
            if s < clause:
                continue
            if any(cs <= s and e <= ce for cs, ce in cue_spans):
                continue  # "គ្មានប្រយោជន៍" (useless) is a cue, not a negation of the next one
            if doc.words_between(e, start) <= NEGATION_REACH:
                return "negated"
        selves = doc.find(self.groups["self"], lo, start)
        for s, e, _ in doc.find(self.groups["attribution"], lo, start):
            if any(doc.words_between(se, s) <= SELF_REACH for _, se, _ in selves if se <= s):
                continue  # "យើងខ្ញុំសូមរាយការណ៍ថា": our own words
            if "ប៉ុន្តែ" in doc.text[e:start]:
                continue
            return "reported"
        return "asserted"


def _target(doc, sentence, hits, kind, start, end, pronouns=None):
    """(category, start, end) of whom the cue at start..end is aimed at, or None: a named
    entity of a fitting kind in the sentence, else a pronoun ("គាត់", "ពួកគេ") pointing back
    to one named before it in the statement, else to a person."""
    lo, hi = sentence
    fit = [h for h in hits if lo <= h.start and h.end <= hi and h.target
           and (not kind.targets or h.target in kind.targets)
           and (h.end <= start or h.start >= end)]
    before = [h for h in fit if h.end <= start]
    after = [h for h in fit if h.start >= end]
    if kind.direction == "after":
        chosen = after[0] if after else None
    else:
        chosen = before[-1] if before else (after[0] if after else None)
    if chosen is not None:
        return chosen.target, chosen.start, chosen.end, chosen.entry.id
    for s, e, _ in doc.find(pronouns, lo, hi):
        earlier = [h for h in hits if h.end <= s and h.target
                   and (not kind.targets or h.target in kind.targets)]
        if earlier:
            return earlier[-1].target, s, e, earlier[-1].entry.id
        if not kind.targets or "person" in kind.targets:
            return "person", s, e
    return None


def _party_role(target, sentence, hits, frame) -> bool:
    """targets.party_role for a Khmer target ``(category, start, end[, entry id])``: a stance
    toward a politician is a stance toward a party unless the politician is an office holder
    named with no entity of the English marker group party-frame's categories (``frame``: a
    party, an election) in the same sentence (LANGO Art 24, issue 13)."""
    if target[0] != "politician":
        return True
    if len(target) < 4 or target[3] not in OFFICE_HOLDERS:
        return True
    lo, hi = sentence
    return any(lo <= h.start < hi and h.entry.category in frame for h in hits)


def _pattern(phrases):
    """One alternation of the squeezed phrases, longest first (so the longest form wins)."""
    if not phrases:
        return None
    return re.compile("|".join(re.escape(p) for p in sorted(set(phrases), key=len,
                                                            reverse=True)))


class _Doc:
    """A normalised text, its words and the same text without spaces (where phrases are found),
    with the way back to the text's offsets."""

    def __init__(self, text: str, compounds=None) -> None:
        self.text = text
        self.tokens = segment(text)
        self.starts = {t.start for t in self.tokens}
        self.ends = {t.end for t in self.tokens}
        self.token_at = sorted(self.starts)
        keep = [i for i, ch in enumerate(text) if not ch.isspace() and ch != "\u200b"]
        self.squeezed = "".join(text[i] for i in keep)
        self.offset = keep
        self.sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)
                          if m.group().strip()]
        self.token_starts = [t.start for t in self.tokens]
        self.token_ends = [t.end for t in self.tokens]
        self._found: dict = {}
        # spans of longer words that hold a shorter form with another meaning
        # ("ព្រះរាជាណាចក្រ", the Kingdom, holds "ព្រះរាជា", the King): nothing inside is read
        self.compounds = [(s, e) for s, e, _ in self.find(compounds)] if compounds else []

    def find(self, pattern, lo: int = 0, hi: int | None = None):
        """(start, end, form) of each phrase of ``pattern`` on word boundaries in lo..hi. The
        whole text is searched once per pattern; later calls pick from that list."""
        if pattern is None:
            return []
        found = self._found.get(pattern)
        if found is None:
            found = []
            for m in pattern.finditer(self.squeezed):
                start, end = self.offset[m.start()], self.offset[m.end() - 1] + 1
                if start in self.starts and end in self.ends or (
                        len(m.group()) >= LONG and cluster_boundary(self.text, start)
                        and cluster_boundary(self.text, end)):
                    found.append((start, end, m.group()))
            if getattr(self, "compounds", None):
                found = [f for f in found if not any(
                    cs <= f[0] and f[1] <= ce and (cs, ce) != f[:2] for cs, ce in self.compounds)]
            self._found[pattern] = found
        hi = len(self.text) if hi is None else hi
        first = bisect_left(found, (lo,))
        return [f for f in found[first:] if f[0] < hi and f[1] <= hi]

    def sentence_at(self, i: int) -> tuple[int, int]:
        k = bisect_right(self.sentences, (i, len(self.text) + 1)) - 1
        if k >= 0 and self.sentences[k][0] <= i < self.sentences[k][1]:
            return self.sentences[k]
        return 0, len(self.text)

    def words_between(self, a: int, b: int) -> int:
        return max(0, bisect_right(self.token_ends, b) - bisect_left(self.token_starts, a))

    def clause_start(self, sentence, i: int, clause_words, inside=()) -> int:
        """Where the clause holding ``i`` starts: after the last , ; : or clause word before
        it (one inside ``inside`` spans, as ដែល in មិនដែល, does not count)."""
        lo = sentence[0]
        breaks = [m.end() for m in re.finditer(r"[,;:]", self.text[lo:i])]
        start = lo + breaks[-1] if breaks else lo
        words = [e for s, e, _ in self.find(clause_words, start, i)
                 if not any(a <= s and e <= b for a, b in inside)]
        return max([start] + words)

    def opens_clause(self, sentence, i: int, clause_words, lead=None) -> bool:
        """True when the word at ``i`` is the first of its sentence or clause, or follows only
        ``lead`` words ("ទៅ", "នាំគ្នា")."""
        start = self.clause_start(sentence, i, clause_words)
        before = self.text[start:i]
        for s, e, _ in self.find(lead, start, i):
            before = before.replace(self.text[s:e], "", 1)
        return not re.sub(r"[\s\u200b\"'“‘«(\-–—!]", "", before)

    def squeezed_at(self, start: int, end: int) -> str:
        """The text start..end as lexicon forms are written: no spaces."""
        return "".join(self.text[start:end].split()).replace("\u200b", "")

    def number_after(self, e: int) -> bool:
        rest = self.text[e:e + 8].lstrip()
        return bool(rest) and (rest[0].isdigit())
