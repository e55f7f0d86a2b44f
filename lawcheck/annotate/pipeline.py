"""Building the spaCy pipeline of one language, and reading its results back as Annotations.

The pipeline (rule-based only; no trained model is used or needed)::

    tokenizer           blank English (two extra infix rules), or KhmerTokenizer on blank "xx"
    lawcheck_lexicon    PhraseMatcher tags + number runs, merged into single tokens
    sentencizer         "." "!" "?" …, and for Khmer "។" "៕"
    lawcheck_matcher    one Matcher pass with the token patterns of all finders below
    lawcheck_amounts    riel / usd amounts, participant limits, distances
    lawcheck_sanctions  warning, fine, suspension, deregistration, imprisonment, …
    lawcheck_deadlines  periods ("within 30 days") and dates ("by the end of February")
    lawcheck_deontic    obligation / prohibition / permission, one per sentence
    lawcheck_xrefs      "Article 6 of this law", "Articles 31 and 41 of the Constitution"

Each finding component writes ``doc.spans[kind]``; :func:`to_annotations` converts those spans
to :class:`lawcheck.model.Annotation` values in the caller's offsets.  This module imports spaCy;
``lawcheck.annotate`` imports it only when the first text is annotated.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Annotation
from . import matching, tagger  # noqa: F401  (registers the components)
from .khmer import KHMER_PUNCT, KhmerTokenizer
from .lexicon import LANGUAGES, load_lexicon
from .offsets import OffsetMap
from .tagger import KINDS

# Extra English infixes: "(5)working" → "(5) working", "3(g)" → "3 ( g )", "art.5" → "art . 5".
_INFIXES = [r"(?<=[0-9A-Za-z])[()](?=[0-9A-Za-z])", r"(?<=[A-Za-z])\.(?=[0-9])"]
COMPONENTS = ("lawcheck_matcher", "lawcheck_amounts", "lawcheck_sanctions", "lawcheck_deadlines",
              "lawcheck_deontic", "lawcheck_xrefs")


def build(language: str) -> Language:
    """A fresh pipeline for ``language`` ("en" or "km")."""
    if language not in LANGUAGES:
        raise ValueError(f"annotate: unsupported language {language!r}; use one of {LANGUAGES}")
    from spacy.pipeline import Sentencizer

    if language == "km":
        nlp = spacy.blank("xx")
        nlp.tokenizer = KhmerTokenizer(nlp.vocab, load_lexicon(language).khmer_segments)
        punct = list(Sentencizer.default_punct_chars) + KHMER_PUNCT
    else:
        nlp = _law_english()()
        punct = list(Sentencizer.default_punct_chars)
    nlp.add_pipe("lawcheck_lexicon", config={"language": language})
    nlp.add_pipe("sentencizer", config={"punct_chars": punct})
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"language": language})
    return nlp


@lru_cache(maxsize=None)
def _law_english() -> type[Language]:
    """Blank English whose tokenizer is made with the extra infixes from the start: setting
    ``infix_finditer`` on a made tokenizer reloads its ~2,700 special cases (a third of the
    pipeline's build time); the tokens are the same."""
    from spacy.lang.en import English

    class Defaults(English.Defaults):
        infixes = list(English.Defaults.infixes) + _INFIXES

    class LawEnglish(English):
        pass

    LawEnglish.Defaults = Defaults
    return LawEnglish


def to_annotations(doc: Doc, text: str, offsets: OffsetMap) -> tuple[Annotation, ...]:
    """The findings of a processed Doc as Annotations in the offsets of the original ``text``."""
    found = []
    for kind in KINDS:
        if kind not in doc.spans:
            continue
        for span in doc.spans[kind]:
            start, end = offsets.span(span.start_char, span.end_char)
            cue, value = span._.get(f"lc_{kind}") or ("", ())
            found.append(Annotation(kind=kind, label=span.label_, start=start, end=end,
                                    text=text[start:end], cue=cue, value=value))
    found.sort(key=lambda a: (a.start, a.end, a.kind, a.label))
    return tuple(found)
