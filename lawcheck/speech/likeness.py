"""Precedent likeness: how close a statement's words are to words the authorities acted against.

The quotes of the precedent base (``corpus/precedents/*.yaml``, ``did.quote``: what a person
really said or posted, as the sources print it) are weighed by TF-IDF over word 1-2-grams and
character 3-5-grams within words, fitted by scikit-learn on the shipped quotes. A statement's
likeness to a quote is the mean of the two cosine similarities.

scikit-learn takes a second or more to import, longer than a whole batch of reviews, so it runs
only when the model is fitted: the first time a precedent base is seen (its content hash is the
key), the fitted vocabularies, IDF weights and quote vectors are stored as plain data in the
user's cache folder, and every later process reads them back. Statements are then vectorised
here with the same analysers and weights (``tests/test_likeness.py`` checks that the vectors
equal scikit-learn's own ``transform``), with no scikit-learn import.

Guards against false alarms: a statement is compared only when the analyser found a speech act
in it (asserted or reported) or it names the King, a court, the security forces, a border or a
neighbouring state; a match needs the similarity threshold and at least ``MIN_SHARED`` content
words in common with the quote, so shared boilerplate ("the government", "the people") is not
enough.
"""

from __future__ import annotations

import hashlib
import math
import pickle
import re
import threading
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from operator import mul

THRESHOLD = 0.38        # mean of the word and character cosines (see tests/data/README.md)
WORD_FLOOR = 0.15       # the word cosine alone must reach this: spelling alike is not enough
MIN_SHARED = 2          # content words the statement and the quote must share
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)
_CACHE_VERSION = "likeness-1"
# sklearn's default token pattern and its English stop words are used by the fitted model; the
# stop words are stored with it so the runtime needs no sklearn import
# (sklearn writes it r"(?u)\b\w\w+\b"; findall and fullmatch give the same words without the
# \b: a run of two or more word characters is taken whole, and a run of one never, either way,
# and the boundaries cost a third of the scan; tests/test_speed_paths.py compares the two)
_TOKEN = re.compile(r"\w\w+")
SKLEARN_TOKEN = r"(?u)\b\w\w+\b"
_WHITE = re.compile(r"\s\s+")
# the statement.precedent_like value a matched precedent's category gives (rules/facts.yaml)
FACT_VALUES = {"incitement": "incitement", "security": "incitement",
               "public-order": "incitement", "lese-majeste": "lese-majeste",
               "defamation": "defamation", "judicial": "judicial", "election": "election"}
# names that make a statement worth comparing even without an act; a border province named in
# health or migration work is not one (it is the commonest mention and almost never a claim)
SENSITIVE = ("king", "royal-family", "court", "security-forces", "neighbouring-state",
             "dissolved-party")
SENSITIVE_ENTRIES = ("border.border",)


@dataclass(frozen=True)
class Match:
    id: str
    similarity: float
    level: str
    categories: tuple[str, ...]
    date: str
    summary: str


@dataclass(frozen=True)
class Model:
    ids: tuple[str, ...]
    info: tuple[tuple[str, tuple[str, ...], str, str], ...]   # level, categories, date, summary
    word_vocab: dict[str, int]
    word_idf: tuple[float, ...]
    char_vocab: dict[str, int]
    char_idf: tuple[float, ...]
    stop: frozenset[str]
    quotes_words: tuple[dict[int, float], ...]   # L2-normalised sparse vectors, one per quote
    quotes_chars: tuple[dict[int, float], ...]
    quote_terms: tuple[frozenset[str], ...]      # content words of each quote


def _quotes(precedents) -> list:
    return [p for p in precedents
            if getattr(p.did, "quote", None) and (getattr(p.did, "quote_language", None)
                                                  or "en") == "en"]


def _digest(precedents) -> str:
    h = hashlib.sha256(_CACHE_VERSION.encode())
    for p in _quotes(precedents):
        h.update(f"{p.id}\0{p.did.quote}\0{p.level}\0{','.join(p.categories)}\0".encode())
    return h.hexdigest()


def fit(precedents) -> Model:
    """Fit the two TF-IDF models on the precedent quotes with scikit-learn."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    chosen = _quotes(precedents)
    texts = [p.did.quote for p in chosen]
    word = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True)
    if not texts:
        return Model((), (), {}, (), {}, (), frozenset(ENGLISH_STOP_WORDS), (), (), ())
    wm, cm = word.fit_transform(texts), char.fit_transform(texts)
    stop = frozenset(ENGLISH_STOP_WORDS)
    return Model(
        ids=tuple(p.id for p in chosen),
        info=tuple((p.level, tuple(p.categories), p.date.isoformat() if p.date else "",
                    p.one_line()) for p in chosen),
        word_vocab={k: int(v) for k, v in word.vocabulary_.items()},
        word_idf=tuple(float(x) for x in word.idf_),
        char_vocab={k: int(v) for k, v in char.vocabulary_.items()},
        char_idf=tuple(float(x) for x in char.idf_),
        stop=stop,
        quotes_words=tuple(_row(wm, i) for i in range(wm.shape[0])),
        quotes_chars=tuple(_row(cm, i) for i in range(cm.shape[0])),
        quote_terms=tuple(_content(t, stop) for t in texts))


def _row(matrix, i: int) -> dict[int, float]:
    row = matrix.getrow(i)
    return {int(j): float(v) for j, v in zip(row.indices, row.data)}


def _content(text: str, stop) -> frozenset[str]:
    return frozenset(w for w in words_of(text) if w not in stop and w.isalpha())


_LAST: tuple = ("", [])  # the last text words_of read, and its words


def words_of(text: str) -> list[str]:
    """``_TOKEN.findall(text.lower())``, kept for the last text asked: the learned signal and
    the likeness read the same statement's words one after the other (issue 13, speed). The
    list is shared: a caller must not change it."""
    global _LAST
    held = _LAST  # one tuple, replaced whole: a thread reads a text with its own words
    if held[0] == text:
        return held[1]
    if text.isascii():  # nearly every statement: the same words without the regex scan
        words = [w for w in text.encode().translate(_ASCII_WORDS).decode().split()
                 if len(w) > 1]
    else:
        words = _TOKEN.findall(text.lower())
    _LAST = (text, words)
    return words


def _ascii_words() -> bytes:
    """A bytes.translate table for ASCII text: each character ``_TOKEN``'s ``\\w`` matches
    (asked of the pattern itself) lower-cased, every other one a space. On ASCII text, whose
    lower case is this mapping, the maximal runs of word characters are then exactly what
    ``split()`` returns (a word character is never white space), and ``_TOKEN`` finds those of
    two or more characters: the same words, about 30% faster than the regex (issue 13,
    speed; tests/test_speed_whole_path.py compares the two on every ASCII character)."""
    word = re.compile(r"\w")
    return bytes(ord(chr(i).lower()) if word.fullmatch(chr(i)) else 0x20
                 for i in range(128)) + bytes(128)


_ASCII_WORDS = _ascii_words()


# --- the runtime side: the same analysers as scikit-learn's, on the stored vocabularies --------

def word_ngrams(text: str) -> list[str]:
    """sklearn's "word" analyser: lower case, token pattern, 1-2-grams (no stop words)."""
    tokens = words_of(text)
    grams = list(tokens)
    grams += [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    return grams


def char_ngrams(text: str) -> list[str]:
    """sklearn's "char_wb" analyser: n-grams inside words padded with one space."""
    grams = []
    for w in _char_words(text):
        grams += word_char_ngrams(w)
    return grams


def _char_words(text: str) -> list[str]:
    return _WHITE.sub(" ", text.lower()).split()


def word_char_ngrams(w: str) -> list[str]:
    """The "char_wb" n-grams of one word, in the analyser's order."""
    w = f" {w} "
    grams = []
    lo, hi = CHAR_NGRAMS
    size = len(w)
    for n in range(lo, hi + 1):
        if size <= n:  # a word no longer than n: itself, one gram only, and no longer ones
            grams.append(w)
            break
        grams += [w[offset:offset + n] for offset in range(size - n + 1)]
    return grams


def vector(grams: list[str], vocab: dict[str, int], idf: tuple[float, ...]) -> dict[int, float]:
    """Sublinear TF times IDF, L2-normalised, over the grams the vocabulary knows."""
    return _weighted(Counter(map(vocab.get, grams)), idf)  # one look-up per gram


# 1 + log(c), the sublinear term frequency, for the counts a statement's grams nearly always
# have: the same floats as computing it, without a call per gram (issue 13, speed)
_SUBLINEAR = tuple(1.0 + math.log(c) if c else 0.0 for c in range(256))


def _weighted(counts: Counter, idf: tuple[float, ...]) -> dict[int, float]:
    """``vector`` from the counts of the grams' columns (None: grams the vocabulary does not
    know), in order of first appearance. The sums run over the same products in the same
    order as ``sum(v * v for v in ...)`` would: the same floats (tests/test_speed_likeness.py)."""
    counts.pop(None, None)  # the same counts, in the same order, as counting known grams alone
    tf = _SUBLINEAR
    weights = {j: (tf[c] if c < 256 else 1.0 + math.log(c)) * idf[j] for j, c in counts.items()}
    values = weights.values()
    norm = math.sqrt(sum(map(mul, values, values)))
    return {j: v / norm for j, v in weights.items()} if norm else {}


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    """``sum(v * b.get(j, 0.0) for j, v in a.items())`` over the smaller of the two, by map:
    the same products, added in the same order."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(mul, a.values(), map(b.get, a.keys(), repeat(0.0))))


# words whose character-gram columns a Likeness keeps (issue 13, speed): statements repeat
# their words, and a word's "char_wb" grams depend on the word alone
WORD_MEMO = 50_000


class Likeness:
    def __init__(self, model: Model) -> None:
        self.model = model
        self._columns: dict[str, tuple] = {}  # word -> its grams' char_vocab columns

    def char_vector(self, text: str) -> dict[int, float]:
        """``vector(char_ngrams(text), char_vocab, char_idf)``, float for float: the same
        columns in the same order, each word's looked up once per process rather than once
        per statement (tests/test_likeness.py holds the two equal)."""
        m, memo = self.model, self._columns
        columns: list = []
        for w in _char_words(text):
            found = memo.get(w)
            if found is None:
                found = tuple(map(m.char_vocab.get, word_char_ngrams(w)))
                if len(memo) >= WORD_MEMO:
                    memo.clear()  # bounded: memory stays flat however long the batch
                memo[w] = found
            columns += found
        return _weighted(Counter(columns), m.char_idf)

    def matches(self, text: str, exclude=()) -> list[Match]:
        """The precedents whose quotes the statement is close to, closest first."""
        m = self.model
        if not m.ids:
            return []
        terms = _content(text, m.stop)
        near = [k for k, pid in enumerate(m.ids)
                if pid not in exclude and len(terms & m.quote_terms[k]) >= MIN_SHARED]
        if not near:
            return []  # most statements: no quote shares two content words with them
        words = vector(word_ngrams(text), m.word_vocab, m.word_idf)
        # each quote's word cosine, worked out once: the floor, then the score
        near = [(k, dot) for k in near if (dot := _dot(words, m.quotes_words[k])) >= WORD_FLOOR]
        if not near:
            return []
        chars = self.char_vector(text)
        found = []
        for k, dot in near:
            score = (dot + _dot(chars, m.quotes_chars[k])) / 2
            if score >= THRESHOLD:
                level, categories, day, summary = m.info[k]
                found.append(Match(m.ids[k], round(score, 3), level, categories, day, summary))
        return sorted(found, key=lambda x: (-x.similarity, x.id))


def candidate(analysis) -> bool:
    """Compare only statements with a speech act or a sensitive name (a guard and a saving)."""
    return any(a.mode in ("asserted", "reported") for a in analysis.acts) or any(
        mention.category in SENSITIVE or mention.entry in SENSITIVE_ENTRIES
        for mention in analysis.mentions)


_LOADED: dict[str, Likeness] = {}
_LOCK = threading.Lock()


def load(precedents=None) -> Likeness:
    """The likeness model of the shipped precedent base (or ``precedents``), fitted once per
    content and cached on disk; an empty model when the base cannot be read."""
    if precedents is None:
        try:
            from lawcheck.precedents import load_precedents

            precedents = load_precedents()
        except Exception:  # noqa: BLE001 - a broken base is reported by `rules lint`; no likeness
            precedents = ()
    key = _digest(precedents)
    with _LOCK:
        if key not in _LOADED:
            _LOADED.clear()
            _LOADED[key] = Likeness(_cached(key, precedents))
        return _LOADED[key]


def _cached(key: str, precedents) -> Model:
    import os
    import tempfile

    from lawcheck.settings import data_dir

    try:
        file = data_dir() / "cache" / f"likeness-{key}.pickle"
    except Exception:  # noqa: BLE001 - no data folder: fit every time
        return fit(precedents)
    if file.is_file():
        try:
            model = pickle.loads(file.read_bytes())  # our own 0600 file, written below
            if isinstance(model, Model):
                return model
        except Exception:  # noqa: BLE001 - a damaged entry is fitted again
            pass
    model = fit(precedents)
    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=file.parent, prefix=".likeness-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp, file)
    except OSError:
        pass
    return model


def fact_values(matches) -> list[str]:
    """statement.precedent_like: the categories of the precedents matched."""
    return sorted({FACT_VALUES[c] for m in matches for c in m.categories if c in FACT_VALUES})
