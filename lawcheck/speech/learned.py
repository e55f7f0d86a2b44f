"""A learned signal: how much a statement resembles real published statements that drew action.

Phrase and pattern rules learn the wording they are shown and transfer badly to new wording
(tests/data/README.md). This module adds a supervised signal: per core category with enough
real examples, a logistic regression over TF-IDF of one bag of grams: the statement's word
1-2-grams; with ``LEMMAS`` on (it is off), each word replaced by its lemma (spaCy's lookup
table, ``spacy-lookups-data``: "sold" counts as "sell", "traitors" as "traitor"); and, only when
``ACTS`` is on (it is off), the speech acts the analyser found in it, as tokens ("act:calls=overthrow", and with its mode,
"act:calls=overthrow:question"). It is trained
on the real statements of ``tests/data/real/tune.jsonl`` (risky ones, with their sources and
outcomes, against benign NGO, UN and donor statements) and the hand-written
``tests/data/statements-train.jsonl``. Character 3-5-grams were tried and left out: with them
grouped cross-validation caught fewer risky statements at the same false alarms and they cost
two thirds of the scoring time (tests/data/README.md). The twelfth round tried them again as a
second block, with word 1-3-grams and NB-SVM weighting: the character block and the 3-grams
ranked the real lines better out of fold (AUC 0.855 and 0.848 against 0.841) but caught no more
on the check half, with more false alarms; none shipped (tests/data/README.md, "learned
features, twelfth round"). A study's artefact may still carry them (``ngram_range``, ``char``).

With ``ACTS`` on, the analyser's acts are read at build time exactly as review reads them (``script.screen``,
then ``bilingual.read`` with the default analyser), so the model depends on the analyser: a
change to the analyser or its lexicons changes the features, and the artefact must be rebuilt
(the artefact stores a hash of the acts read from the training lines; ``tests/test_learned.py``
names it when it drifts). Caveat: the analyser was written with the tuning lines in view, so
cross-validated figures with its acts lean optimistic (tests/data/README.md).

Fitting happens at build time, with scikit-learn::

    python -m lawcheck.speech.learned_build build

writes ``lawcheck/speech/data/learned.json``: plain data (the pruned vocabularies, IDF weights,
coefficients, intercept and threshold of each category, the grouped cross-validation figures
the threshold was chosen by, the training files' hashes, the scikit-learn version, and the real
cases as facts with sources: id, date, outcome, source title and URL, never their texts).
``tests/test_learned.py`` rebuilds it and checks it equals the shipped file, so it cannot drift
from the data. The runtime scores with the stored weights and never imports scikit-learn.

This module is the runtime side (plain data in, scores out). Reading the training files,
fitting, choosing the thresholds, writing the artefact and cross-fitting (for each training item,
the model of the fold that did not see it, so a benchmark that scores the training part stays
honest: benchmarks/quality.py) are in lawcheck.speech.learned_build and the two modules split
from it, learned_thresholds and learned_crossfit.
"""

from __future__ import annotations

import json
import math
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from lawcheck.speech.likeness import _TOKEN, vector, words_of

ARTEFACT = Path(__file__).with_name("data") / "learned.json"
ROOT = Path(__file__).resolve().parents[2]
# relative to the repository: the real statements, and the hand-written training set, without
# which the threshold that adds no false alarm on dev/train benign lines catches far less (CV)
TRAINING = ("tests/data/real/tune.jsonl", "tests/data/statements-train.jsonl")
GUARD = ("tests/data/statements-dev.jsonl",)  # never trained on: its benign lines must stay clean
# categories with enough real risky examples (tune: incitement 51, defamation 44; the others
# have 4-8 each, too few to learn or to measure a threshold on: left out)
CATEGORIES = ("incitement", "defamation")
FOLDS = 5
SEED = 0
KEEP = 10000        # word n-grams kept after pruning (CV: 5000 and 7000 catch less; all 13845
                    # catch 3 more of 108 for a file half as large again)
REAL_WEIGHT = 1.0   # a real line's weight in the fit, a hand-written training line's being 1
C = 1.0             # inverse regularisation (chosen by grouped CV among 1, 3, 10, 30; README)
MAX_FALSE = 2       # cross-validated false alarms allowed on the training part's benign lines
# The threshold rule and model settings by name (lawcheck.speech.learned_build.VARIANTS): the
# shipped artefact is built with VARIANT; the study of the tenth round compared the others
# fitted on the study half of the tuning part and read on its check half (tests/data/README.md,
# "learned signal, tenth round"). count-2 stays: the pooled model's edge there (outcome 31 against
# 30 of 75, false alarms 22 against 24 of 151) did not hold when built on the whole tuning part
# as shipped (check half 30/75, 21/151 both; study half 33 against 35 of 71), and on the whole
# part every rate rule of 1 % or more puts the defamation threshold below 0, where
# statement.learned_strong never fires. The eleventh round made the default mean-5 (count-2 on
# each line's out-of-fold score averaged over 5 grouped fold draws): over 5 sets of draws the
# defamation threshold spans 0.168-0.233 against count-2's 0.016-0.430 over 5 single draws,
# and leaving out the 25 benign lines of 21f7851 moves it 0.035 on average against 0.154; the
# check half was the same under both (tests/data/README.md, "learned signal, eleventh round").
# The twelfth round's feature variants (nb, words-3, chars; fixed before any figure) left it:
# words-3 and chars beat its out-of-fold AUC in 5 of 5 fold-seed sets (0.848, 0.855 against
# 0.841; nb 0.820), but on the check half none reached its outcome + 2 (34, 34, 32 against 34
# of 75) and words-3 / chars raised false alarms (23, 24 against 22 of 159); chars also cost
# about +9 to +11 in the review ratio ("learned features, twelfth round").
VARIANT = "mean-5"
# statement.learned_strong's margin rule (lawcheck.speech.learned_build.MARGINS), stored per
# category in the artefact as "margin" (FORMAT learned-3); an artefact without one (learned-2,
# or a build with None) is read the old way, STRONG times the threshold. The eleventh round made
# it benign-max: 0.1 log-odds above the highest averaged out-of-fold score of any benign tune or
# train line (and any dev line's). Over fold seeds 0-20 its spread is 0.054 / 0.072 (incitement
# / defamation) against 3 x's 0.162 / 0.197, it stays above every benign line by construction,
# and on the check half it was no worse (tests/data/README.md, "learned margin, eleventh round")
MARGIN: str | None = "benign-max"
POOLED = "any"      # the model name of a pooled risky-vs-benign model, when an artefact has one
TOP_WORDS = 5       # words named in a finding
TOP_CASES = 3       # real cases named in a finding
FORMAT = "learned-3"   # learned-3 stores each category's "margin" (MARGIN)
# the analyser's speech acts as features (stacking): off. With them grouped CV caught 52-53 of
# 118 risky tune lines against 35 without, but nearly all the gain is on lines the analyser
# already finds in the same category (lines newly caught: 14 either way), the analyser was
# written with the tuning lines in view (so its acts flatter CV), and every analyser change would
# need a rebuild. Turning it on also needs review to pass its analysis to ``signals``.
ACTS = False
# words counted by their lemma: off. Grouped CV caught 35 of 118 against 31, but the lines newly
# caught beyond the analyser's findings went 13 -> 14, the quality command's tune figures did not
# move (outcome 58/118 both), and two hand-written expectations broke (an accusation, "you stole
# our land and you beat our children", reached the incitement threshold; a neutral opening line
# was named among a finding's words): tests/data/README.md
LEMMAS = False
CURVE = (0, 1, 2, 3, 4, 6, 8)   # benign tune lines allowed, for the curve stored with the CV
COUNTED = ("asserted", "reported")  # the modes in which the analyser counts an act


def _lemmas() -> dict[str, str]:
    """word -> lemma for the lower-case words of the token pattern whose lemma is another such
    word (spaCy's English lookup table); every other word is its own lemma."""
    global _LEMMA
    if _LEMMA is None:
        from lawcheck.speech.lemmas import table

        full = _TOKEN.fullmatch
        _LEMMA = {k: v for k, v in table().items()
                  if k != v and k == k.lower() and v == v.lower() and full(k) and full(v)}
    return _LEMMA


_LEMMA: dict[str, str] | None = None


def reading(analysis) -> tuple[str, ...]:
    """The analyser's speech acts in a statement as tokens: each act as fact=value with its
    mode ("act:calls=overthrow:question"), and, when the analyser counts it (asserted or
    reported), also without ("act:calls=overthrow"). They hold ':' and '=', so no word of the
    token pattern is one. No analysis, no tokens."""
    out = []
    for a in getattr(analysis, "acts", None) or ():
        value = "" if a.value is True or a.value is None else a.value
        name = f"act:{a.fact.removeprefix('statement.')}={value}"
        if a.mode in COUNTED:
            out.append(name)
        out.append(f"{name}:{a.mode}")
    return tuple(out)


def grams(text: str, acts=(), lemmas: bool = LEMMAS, n: int = 2) -> list[str]:
    """The grams the model counts, as joined strings (the plain way; :meth:`Learned.decision`
    gets the same counts faster): word 1-grams, 2-grams (each word its lemma with ``lemmas``),
    with ``n`` above 2 (a study's artefact, ``ngram_range``) the longer ones, then the
    act tokens."""
    lemma = _lemmas() if lemmas else {}
    tokens = [lemma.get(t, t) for t in _TOKEN.findall(text.lower())]
    out = tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    for k in range(3, n + 1):
        out += [" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)]
    return out + list(acts)


# --- the runtime side: plain data in, scores out (no scikit-learn) ----------------------------

@dataclass(frozen=True)
class Case:
    id: str
    date: str
    outcome: str
    level: str
    categories: tuple[str, ...]
    title: str
    url: str


@dataclass(frozen=True)
class Signal:
    """One category's learned resemblance in one statement."""

    category: str
    score: float                  # the decision function (log-odds), compared with threshold
    threshold: float
    words: tuple[str, ...]        # the word n-grams that weighed most towards it
    cases: tuple[Case, ...]       # the closest real cases of this category
    trained_on: int               # real risky statements of this category it learned from
    margin: float | None = None   # the artefact's margin for statement.learned_strong, if any


class Learned:
    """Scores statements with the stored vocabularies and weights."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.seen: frozenset[str] = frozenset()   # ids a cross-fitted fold model was fitted on
        self.word_vocab = data["word"]["vocab"]
        self.word_idf = tuple(data["word"]["idf"])
        self.models = data["models"]
        self.acts = bool(data.get("acts"))       # the analyser's act tokens are features
        self.lemmas = bool(data.get("lemmas"))   # words count by their lemma
        self.cases = [(Case(c["id"], c["date"], c["outcome"], c["level"],
                            tuple(c["categories"]), c["title"], c["url"]),
                       {int(k): v for k, v in c["vector"].items()}) for c in data["cases"]]
        self.words = {j: g for g, j in self.word_vocab.items()}
        self._fast = None    # gram -> column, and per column (idf squared, coef times idf per
                             # category), words and word pairs (decision), made once
        # a study's artefact (issue 13, twelfth round) may count longer word grams
        # ("ngram_range", [1, 3]) or add a block of character grams ("char"); an artefact
        # without them (the shipped one) is word 1-2-grams alone, scored as before
        self.ngram = int(data.get("ngram_range", (1, 2))[1])
        self.char = data.get("char")
        self._char_rows = None   # per char column (idf squared, char coef times idf)
        self._char_memo: dict[str, tuple] = {}   # a word -> its char columns (bounded)

    def features(self, text: str, acts=()) -> dict[int, float]:
        """The statement's sparse TF-IDF vector of word grams (likeness's ``vector`` over
        :func:`grams`)."""
        return vector(grams(text, acts, self.lemmas, self.ngram), self.word_vocab,
                      self.word_idf)

    def char_part(self, text: str) -> dict[str, float]:
        """Each category's share of the score from the character block (a study's artefact
        with "char"): the L2-normalised sublinear TF-IDF of the lower-cased text's "char_wb"
        3-5-grams (likeness's analyser, scikit-learn's own), times the block's coefficients.
        Each word's columns are looked up once per process (a bounded memo)."""
        from lawcheck.speech.likeness import _char_words, word_char_ngrams

        names = tuple(self.models)
        if self._char_rows is None:
            idf = self.char["idf"]
            self._char_rows = tuple((v * v, *(self.models[c]["char_coef"][j] * v
                                              for c in names)) for j, v in enumerate(idf))
        vocab, memo, columns = self.char["vocab"], self._char_memo, []
        for w in _char_words(text):
            found = memo.get(w)
            if found is None:
                found = tuple(j for j in map(vocab.get, word_char_ngrams(w)) if j is not None)
                if len(memo) >= 200_000:
                    memo.clear()  # bounded: memory stays flat however long the batch
                memo[w] = found
            columns += found
        squares, sums = 0.0, [0.0] * len(names)
        for j, count in Counter(columns).items():
            row = self._char_rows[j]
            tf = 1.0 + math.log(count) if count > 1 else 1.0
            squares += tf * tf * row[0]
            for k in range(len(names)):
                sums[k] += tf * row[k + 1]
        norm = math.sqrt(squares) or 1.0
        return {c: sums[k] / norm for k, c in enumerate(names)}

    def with_chars(self, text: str, scores: dict[str, float]) -> dict[str, float]:
        """``scores`` (the word block's, intercept included) plus the character block's part;
        the scores as they are for an artefact without one."""
        if self.char is None:
            return scores
        part = self.char_part(text)
        return {c: v + part[c] for c, v in scores.items()}

    def decision(self, text: str, acts=()) -> dict[str, float]:
        """Each category's decision function, as scikit-learn's ``decision_function``, in one
        pass over the statement's n-grams: with tf the sublinear term frequency, each score is
        sum(tf * coef * idf) / sqrt(sum((tf * idf)^2)) + intercept (the numbers of
        ``features``, summed in another order; the tests compare with scikit-learn).

        ``acts`` are the analyser's act tokens (:func:`reading`). For speed (issue 13) each word
        and each pair of words (a tuple, never joined into a string) is looked up once, giving
        the column of its lemma gram (the table holds every form of each lemma, so no word is
        lemmatised per statement), and ``Counter`` counts
        the columns; a gram seen once adds its row as it is (tf = 1, a multiplication that
        changes no bit). The sums run over the same grams in the same order as the first,
        plainer implementation (words, then pairs, each in order of first appearance), which
        tests/test_speed_paths.py keeps and holds this one to, float for float."""
        if self.ngram > 2:  # a study's longer word grams: the plain sums over features
            x = self.features(text, acts)
            return self.with_chars(text, {
                c: sum(m["coef"][j] * v for j, v in x.items()) + m["intercept"]
                for c, m in self.models.items()})
        if self._fast is None:
            self._fast = self._fast_tables()
        names, index, rows, intercepts = self._fast
        tokens = words_of(text)
        get = index.get
        # one count over words, then pairs, then act tokens: the order of first appearance
        counts = Counter(chain(map(get, tokens), map(get, zip(tokens, tokens[1:])),
                               map(get, acts)))
        counts.pop(None, None)  # the grams the vocabulary does not know
        log = math.log
        if len(names) == 2:  # the shipped model: incitement and defamation
            squares = s0 = s1 = 0.0
            for j, count in counts.items():
                sq, c0, c1 = rows[j]
                if count > 1:
                    tf = 1.0 + log(count)
                    squares += tf * tf * sq
                    s0 += tf * c0
                    s1 += tf * c1
                else:
                    squares += sq
                    s0 += c0
                    s1 += c1
            sums = (s0, s1)
        else:
            width = len(names)
            squares = 0.0
            sums = [0.0] * width
            for j, count in counts.items():
                row = rows[j]
                tf = 1.0 + log(count) if count > 1 else 1.0
                squares += tf * tf * row[0]
                for k in range(width):
                    sums[k] += tf * row[k + 1]
        norm = math.sqrt(squares) or 1.0
        scores = {c: sums[k] / norm + intercepts[k] for k, c in enumerate(names)}
        return scores if self.char is None else self.with_chars(text, scores)

    def _fast_tables(self):
        """(names, gram -> column, rows, intercepts) for :meth:`decision`: a key is a word, a
        pair of words as a tuple, or an act token; every form of a lemma (each word the lookup
        table gives that lemma, and the lemma itself unless the table gives it another) has the
        column of the lemma's gram; a row is (idf squared, coef times idf per category)."""
        names = tuple(self.models)
        lemma = _lemmas() if self.lemmas else {}
        forms = defaultdict(list)
        for form, base in lemma.items():
            forms[base].append(form)

        def written(word: str) -> list[str]:
            return forms.get(word, []) + ([] if word in lemma else [word])

        index: dict = {}
        rows: list = [None] * len(self.word_idf)
        for g, j in self.word_vocab.items():
            parts = g.split(" ")
            if len(parts) > 2:
                raise ValueError(f"the learned vocabulary holds a gram of three words: {g!r}")
            if g.startswith("act:"):
                index[g] = j
            elif len(parts) == 1:
                index.update(dict.fromkeys(written(g), j))
            else:
                index.update({(a, b): j for a in written(parts[0]) for b in written(parts[1])})
            rows[j] = (self.word_idf[j] ** 2, *(m["coef"][j] * self.word_idf[j]
                                                 for m in self.models.values()))
        return names, index, tuple(rows), tuple(self.models[c]["intercept"] for c in names)

    def signals(self, text: str, analysis=None) -> list[Signal]:
        """The categories whose score reaches their threshold, with the words and cases.
        ``analysis`` is the analyser's reading of ``text`` (review's own), which a model built
        with the analyser's acts (``ACTS``) needs and any other model ignores."""
        if self.acts and analysis is None:
            raise ValueError("this learned model scores the analyser's acts: pass the "
                             "statement's analysis (review's own) to signals")
        acts = reading(analysis) if self.acts else ()
        scores = self.decision(text, acts)
        pooled = self.models.get(POOLED)
        if pooled is not None:  # one risky-vs-benign score decides; the category is the one
            if scores[POOLED] < pooled["threshold"]:  # whose own model scores it highest
                return []
            category = max((c for c in self.models if c != POOLED),
                           key=lambda c: (scores[c], c))
            x = self.features(text, acts)
            model = self.models[category]
            return [Signal(category, round(scores[POOLED], 3), pooled["threshold"],
                           self._top_words(x, model, text), self._closest(x, category),
                           model["positives"])]
        if all(scores[c] < m["threshold"] for c, m in self.models.items()):
            return []  # nearly every statement: no words or cases to look up
        x = self.features(text, acts)
        found = []
        for category, model in self.models.items():
            score = scores[category]
            if score >= model["threshold"]:
                found.append(Signal(category, round(score, 3), model["threshold"],
                                    self._top_words(x, model, text), self._closest(x, category),
                                    model["positives"], model.get("margin")))
        return found

    def _top_words(self, x: dict[int, float], model: dict, text: str) -> tuple[str, ...]:
        """The grams that weighed most, as the statement writes them (the first form of each
        lemma gram in it, so a reader and the finding's spans find them); act tokens are the
        analyser's reading, not words, and are not named."""
        coef = model["coef"]
        weighed = sorted(((coef[j] * v, self.words[j]) for j, v in x.items()
                          if coef[j] * v > 0 and not self.words[j].startswith("act:")),
                         reverse=True)
        lemma = _lemmas() if self.lemmas else {}
        tokens = words_of(text)
        bases = [lemma.get(t, t) for t in tokens]
        surface: dict[str, str] = {}
        for k, base in enumerate(bases):
            surface.setdefault(base, tokens[k])
            if k:
                surface.setdefault(f"{bases[k - 1]} {base}", f"{tokens[k - 1]} {tokens[k]}")
        return shown_words([surface.get(w, w) for _, w in weighed])

    def _closest(self, x: dict[int, float], category: str) -> tuple[Case, ...]:
        near = sorted(((-_dot(x, v), case.id, case) for case, v in self.cases
                       if category in case.categories), key=lambda t: (t[0], t[1]))
        return tuple(case for s, _, case in near[:TOP_CASES] if s < 0)


def shown_words(grams: list[str], limit: int = TOP_WORDS) -> tuple[str, ...]:
    """The words a finding names, from the n-grams that weighed most (heaviest first): what a
    reader can act on. Function words alone ("do", "do not", "is") are left out, and so is a
    gram whose other words are already named; a pair replaces a single word it contains ("hun",
    then "hun sen": "hun sen"), looking a little past the first ``limit`` for such pairs.
    Display only: the score is not changed."""
    from spacy.lang.en.stop_words import STOP_WORDS

    chosen: list[str] = []
    for rank, gram in enumerate(grams):
        if len(chosen) >= limit and rank >= 4 * limit:  # full, and past the grams that could
            break                                       # still turn a word into its pair
        words = gram.split()
        content = {w for w in words if w not in STOP_WORDS}
        if not content or content <= {w for c in chosen for w in c.split()}:
            continue
        inside = [c for c in chosen if len(c.split()) == 1 and c in words]
        if inside:
            chosen[chosen.index(inside[0])] = gram
            chosen = [c for c in chosen if c == gram or c not in inside]
        elif len(chosen) < limit:
            chosen.append(gram)
    return tuple(chosen)


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(j, 0.0) for j, v in a.items())


_LOADED: dict[str, Learned] = {}
_LOCK = threading.Lock()


def load(path: Path = ARTEFACT) -> Learned | None:
    """The shipped learned model, read once; None when the artefact is missing or unreadable
    (the review then runs without the signal; `rules lint` and the tests catch it)."""
    key = str(path)
    with _LOCK:
        if key not in _LOADED:
            try:
                _LOADED[key] = Learned(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError):
                return None
        return _LOADED[key]


def fact_values(signals) -> list[str]:
    """statement.learned_like: the categories whose learned score passed its threshold."""
    return sorted({s.category for s in signals})


# How far past its threshold a score must be for ``statement.learned_strong`` (issue 13, levels,
# eighth round). Chosen on the study half of the tuning part and the cross-validated figures,
# never on the check half: on the study half no benign line scores past 1.2 times its threshold
# (out of fold) while 6 of 66 risky ones score 3 times or more (8 at 2.5, 10 at 2); on dev and
# train no benign line reaches 1.0. The earlier rounds' out-of-fold figures on the whole tuning
# part put the two benign lines the signal flags at 1.8 and 2.4 times (word model) and 2.9
# (lemma model, since dropped): 3 is the smallest round factor above every benign ratio ever
# recorded, so the fact does not rest on a gap seen only in this model (tests/data/README.md).
STRONG = 3.0


def strong_values(signals, factor: float = STRONG) -> list[str]:
    """statement.learned_strong: the categories whose learned score reaches the margin the
    artefact stores for them; an artefact that stores none (before the eleventh round, or a
    study's) is read the old way: at least ``factor`` times the threshold, and never strong
    where the threshold is not above 0, since a multiple of it means nothing."""
    return sorted({s.category for s in signals
                   if (s.score >= s.margin if s.margin is not None
                       else s.threshold > 0 and s.score >= factor * s.threshold)})
