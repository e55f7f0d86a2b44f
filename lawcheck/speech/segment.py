"""Khmer word segmentation, behind one adapter: text in, word spans (character offsets) out.

Khmer writes no spaces between words, so a Khmer run ("ការធ្វើបាតុកម្មដោយសន្តិវិធី") is one
token to any whitespace tokenizer, and neither the analyser nor the search index could find a
word inside it. :func:`segment` splits a text into :class:`Token` spans:

- Khmer letter runs are cut into words by khmer-nltk's CRF model (it ships inside the package;
  nothing is downloaded). The model is only asked about pure Khmer letter runs, so every word
  it returns is an exact slice of the input and keeps its offsets;
- a zero-width space (U+200B), which Khmer writers put between words, is always a boundary and
  never part of a word; the other zero-width characters (ZWNJ, ZWJ, word joiner, BOM) stay
  inside the word they sit in;
- a run of Khmer (or ASCII) digits is one ``num`` token; Latin letters make ``latin`` tokens;
  each punctuation sign (khan ។, bariyosan ៕, lek too ៗ, "?", "!" …) is a ``punct`` token;
- every boundary falls between two grapheme clusters: never after a coeng (U+17D2, which joins
  the next consonant as a subscript) nor before a combining mark. A boundary the model puts
  inside a cluster is dropped (the two pieces are one word).

khmer-nltk and its model (about 3 s to load) are imported on the first Khmer run only.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass

COENG = "\u17d2"
ZWSP = "\u200b"
JOINERS = "\u200c\u200d\u2060\ufeff"
KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
_LOCK = threading.Lock()
_MODEL: list = []


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    kind: str       # "km" (Khmer word), "latin", "num", "punct"
    text: str


def _kind(ch: str) -> str:
    """Character class: ``k`` Khmer letter or sign, ``d`` digit, ``l`` Latin/other letter,
    ``z`` zero-width space, ``j`` other zero-width character, ``p`` punctuation or symbol
    (Khmer or not), ``s`` anything else (spaces)."""
    code = ord(ch)
    if ch in KHMER_DIGITS or ch.isdigit():
        return "d"
    if ch == ZWSP:
        return "z"
    if ch in JOINERS:
        return "j"
    if 0x17D4 <= code <= 0x17DB or 0x17F0 <= code <= 0x17F9 or 0x19E0 <= code <= 0x19FF:
        return "p"
    if 0x1780 <= code <= 0x17FF:
        return "k"
    if ch.isalpha() or unicodedata.category(ch)[0] == "M":
        return "l"
    return "s" if ch.isspace() or unicodedata.category(ch)[0] not in "PS" else "p"


def _runs(text: str):
    """(start, end, class) of maximal runs of one class; joiners, and a mark or subscript that
    continues a cluster (even one after a sign of another class), stay in the run they are in."""
    start, current = 0, None
    for i, ch in enumerate(text):
        c = _kind(ch)
        if current is not None and (c == "j" or not cluster_boundary(text, i)):
            continue
        if c != current:
            if current is not None:
                yield start, i, current
            start, current = i, c
    if current is not None:
        yield start, len(text), current


def cluster_boundary(text: str, i: int) -> bool:
    """True when offset ``i`` lies between two grapheme clusters of ``text``."""
    if i <= 0 or i >= len(text):
        return True
    before, after = text[i - 1], text[i]
    if ZWSP in (before, after):
        return True  # a zero-width space is a word break, whatever stands beside it
    if before == COENG or after in JOINERS or before in JOINERS:
        return False
    return unicodedata.category(after)[0] != "M"


def _model():
    with _LOCK:
        if not _MODEL:
            import logging

            from khmernltk.utils.data import seg_kcc
            from khmernltk.utils.file_utils import load_model
            from khmernltk.word_tokenize import model_path
            from khmernltk.word_tokenize.features import create_kcc_features

            # khmer-nltk logs "Loaded model" to the console at INFO (its logger is set up when it
            # is imported); lawcheck's output is its own
            logging.getLogger("khmer-nltk").setLevel(logging.WARNING)
            _MODEL.append((load_model(model_path), seg_kcc, create_kcc_features))
        return _MODEL[0]


def khmer_words(run: str) -> list[str]:
    """The words of one run of Khmer letters (no spaces, digits or punctuation), in order;
    joined they give back ``run`` exactly."""
    crf, seg_kcc, features_of = _model()
    clusters = seg_kcc(run)
    if "".join(clusters) != run:  # the model's cluster splitter changed the text: keep it whole
        return [run]
    labels = crf.predict([features_of(clusters)])[0]
    words: list[str] = []
    for k, (cluster, label) in enumerate(zip(clusters, labels)):
        if k == 0 or label == "1":
            words.append(cluster)
        else:
            words[-1] += cluster
    return words


def segment(text: str) -> list[Token]:
    """The tokens of ``text``, spaces and zero-width spaces left out."""
    tokens: list[Token] = []
    for start, end, c in _runs(text):
        if c in "sz":
            continue
        if c == "k":
            at = start
            for word in khmer_words(text[start:end]):
                if tokens and tokens[-1].kind == "km" and tokens[-1].end == at and \
                        not cluster_boundary(text, at):
                    last = tokens.pop()
                    tokens.append(Token(last.start, at + len(word), "km",
                                        text[last.start:at + len(word)]))
                else:
                    tokens.append(Token(at, at + len(word), "km", word))
                at += len(word)
            continue
        kind = {"d": "num", "l": "latin", "p": "punct", "j": "punct"}[c]
        if kind == "punct":  # each sign its own token: "។" and "?" end different things
            cuts = [i for i in range(start, end) if cluster_boundary(text, i)] + [end]
            tokens += [Token(a, b, kind, text[a:b]) for a, b in zip(cuts, cuts[1:])]
        else:
            tokens.append(Token(start, end, kind, text[start:end]))
    return tokens


def segmented(text: str) -> str:
    """``text`` with its Khmer runs split into words by single spaces (for a search index);
    text without Khmer letters comes back unchanged."""
    if not any(0x1780 <= ord(c) <= 0x17FF for c in text):
        return text
    return " ".join(t.text.replace(ZWSP, "") for t in segment(text))


def has_khmer(text: str) -> bool:
    return any(0x1780 <= ord(c) <= 0x17FF or 0x19E0 <= ord(c) <= 0x19FF for c in text)


def wrap(line: str, width: int, indent: str = "") -> list[str]:
    """``textwrap.wrap`` that never cuts a grapheme cluster: lines break at spaces, and a run
    longer than ``width`` with no space (a Khmer sentence) at the last cluster boundary that
    fits, never between a consonant and its subscript or vowel sign. Needs no model."""
    import textwrap

    out: list[str] = []
    for piece in textwrap.wrap(line, width, initial_indent=indent, subsequent_indent=indent,
                               break_long_words=False, break_on_hyphens=False):
        while len(piece) > width:
            cuts = [i for i in range(len(indent) + 1, width + 1) if cluster_boundary(piece, i)]
            if not cuts:
                break
            out.append(piece[:cuts[-1]])
            piece = indent + piece[cuts[-1]:]
        out.append(piece)
    return out
