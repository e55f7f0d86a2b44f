"""Rule-based clause annotation of law provisions (English and Khmer).

    >>> from lawcheck.annotate import annotate
    >>> [(a.kind, a.label, a.text) for a in annotate("The notification shall be filed "
    ...     "within five (5) working days.")]  # doctest: +NORMALIZE_WHITESPACE
    [('deontic', 'obligation', 'The notification shall be filed within five (5) working days.'),
     ('deadline', 'working-days', 'within five (5) working days')]

Kinds (see each component's module for patterns and known gaps):

* ``deontic`` (:mod:`.deontic`) — obligation / prohibition / permission, one per sentence;
* ``deadline`` (:mod:`.deadlines`) — "within 30 days", "by the end of February";
* ``amount`` (:mod:`.amounts`) — riel / usd amounts, participant limits, distances;
* ``sanction`` (:mod:`.sanctions`) — warning, fine, suspension, deregistration, imprisonment,
  confiscation, expulsion;
* ``xref`` (:mod:`.xrefs`) — "Article 6 of this law", "Articles 31 and 41 of the Constitution".

The vocabulary is data: ``cues.yaml`` next to this file (:mod:`.lexicon`).  The work is done by
a spaCy pipeline of rule-based components (PhraseMatcher / Matcher; no trained model), built
once per process and language on first use (:mod:`.pipeline`).  Importing this package does not
import spaCy, so the command line stays quick to start.

Offsets are character offsets into the text given; ``a.text == text[a.start:a.end]``.  ``cue``
is the trigger as matched ("shall not", "within", "Riels", "Article"), with whitespace runs
collapsed and zero-width characters removed (the text is normalised that way before spaCy sees
it, see :mod:`.offsets`).  ``value`` is a tuple of (key, value) pairs whose values are ints,
strings, None, True or tuples of strings, so every Annotation is hashable.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ..model import Annotation
from .lexicon import LANGUAGES
from .offsets import normalise

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["annotate", "annotate_many", "BATCH_SIZE", "LANGUAGES"]

BATCH_SIZE = 256


@lru_cache(maxsize=None)
def _nlp(language: str) -> "Language":
    """The pipeline of ``language``, built on first use and kept for the process."""
    from .pipeline import build

    return build(language)


def _check(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"annotate: unsupported language {language!r}; use one of {LANGUAGES}")
    return language


def annotate(text: str, language: str = "en") -> tuple[Annotation, ...]:
    """Annotations found in one provision's ``text``, sorted by (start, end, kind, label)."""
    return annotate_many([text], language)[0]


def annotate_many(texts: Iterable[str], language: str = "en") -> list[tuple[Annotation, ...]]:
    """:func:`annotate` for many texts at once (one ``nlp.pipe`` pass, in batches)."""
    from .pipeline import to_annotations

    nlp = _nlp(_check(language))
    originals: list[str] = []
    maps = []

    def normalised():
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"annotate: expected str, got {type(text).__name__}")
            norm, offsets = normalise(text)
            originals.append(text)
            maps.append(offsets)
            yield norm

    results = []
    for k, doc in enumerate(nlp.pipe(normalised(), batch_size=BATCH_SIZE)):
        results.append(to_annotations(doc, originals[k], maps[k]))
    return results
