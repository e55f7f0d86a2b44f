"""A spaCy tokenizer for Khmer legal text, driven by the annotator's own vocabulary.

Why not ``spacy.blank("xx")`` as it comes: Khmer writes no spaces between words, so the default
tokenizer leaves each clause as one token and no phrase pattern can ever match inside it.  Why
not a word segmenter (khmer-nltk): it pulls in scikit-learn, scipy and crfsuite (about 180 MB)
for an offline tool that only needs to find a few dozen known words.

So this tokenizer segments *at the words the annotator knows*: every Khmer string in
``cues.yaml`` (cue words, units, months, "មាត្រា", connectors …) becomes a token wherever it occurs;
Khmer text between them stays in chunks; digit runs (Khmer ០-៩ or ASCII), Latin words and
punctuation become tokens of their own.  With that, the same PhraseMatcher/Matcher components that
serve English serve Khmer, only with the Khmer vocabulary.

Two guards keep known words from being found inside other words:

* a match must begin and end on a Khmer cluster boundary: not right after a coeng (U+17D2), and
  not followed by a dependent vowel or sign (U+17B6–U+17D3, U+17DD) that would still belong to
  its last consonant;
* compounds that merely contain a cue ("ខុសត្រូវ" responsible, "ត្រឹមត្រូវ" correct, the passive
  "ត្រូវបាន") are themselves listed in ``cues.yaml`` under ``not_deontic``; the longest listed
  word wins, so they are consumed whole and never read as "ត្រូវ".

Known gap: a chunk boundary only exists where a known word, a space or punctuation is; a listed
word that happens to be spelled inside an unlisted longer word is still split out.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

# Khmer letters and signs that make up words (not punctuation ។ ៕ ៖, not digits, not ៛).
_KHMER_LETTERS = "\u1780-\u17d3\u17d7\u17dc\u17dd"
_PIECE = re.compile(
    r"[0-9\u17e0-\u17e9]+(?:[.,][0-9\u17e0-\u17e9]+)*"  # numbers
    rf"|[{_KHMER_LETTERS}]+"                               # a Khmer chunk
    r"|[^\W\d_]+"                                           # a word in another script
    r"|\d+"                                                 # other digits
    r"|\S"                                                  # any other single character
)
KHMER_PUNCT = ["។", "៕", "៖", "?", "!"]


class KhmerTokenizer:
    """Tokenizer: known-word segmentation for Khmer, plain splitting for everything else."""

    def __init__(self, vocab: Vocab, segments: tuple[str, ...]):
        self.vocab = vocab
        words = sorted(set(segments), key=len, reverse=True)
        if words:
            alternation = "|".join(re.escape(w) for w in words)
            self._known = re.compile(f"(?<!\u17d2)(?:{alternation})(?![\u17b6-\u17d3\u17dd])")
        else:
            self._known = None

    def _pieces(self, text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
        for match in _PIECE.finditer(text, start, end):
            out.append(match.span())

    def __call__(self, text: str) -> Doc:
        spans: list[tuple[int, int]] = []
        pos = 0
        if self._known is not None:
            for match in self._known.finditer(text):
                self._pieces(text, pos, match.start(), spans)
                spans.append(match.span())
                pos = match.end()
        self._pieces(text, pos, len(text), spans)
        return self._doc(text, spans)

    def _doc(self, text: str, spans: list[tuple[int, int]]) -> Doc:
        """A Doc whose text is exactly ``text``: whitespace other than one space → own token."""
        words: list[str] = []
        spaces: list[bool] = []
        cursor = 0
        # the end of the text is a last, empty span, so the tail is handled like any gap
        for start, end in [*spans, (len(text), len(text))]:
            gap = text[cursor:start]
            if gap and words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
            if end > start:
                words.append(text[start:end])
                spaces.append(False)
            cursor = end
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy calls these when a pipeline is saved; the tokenizer is rebuilt from cues.yaml instead.
    def to_bytes(self, **_kwargs) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs) -> "KhmerTokenizer":
        return self
