"""Component ``lawcheck_matcher``: the token patterns of every finder, in one Matcher pass.

Each finder module (:mod:`.amounts`, :mod:`.sanctions`, :mod:`.deadlines`, :mod:`.deontic`,
:mod:`.xrefs`) declares its spaCy Matcher patterns in a ``patterns(lexicon)`` function and reads
its matches back with :func:`.tagger.matches_of`.  Measured on 540 k characters of law text
(about 110 k tokens): one Matcher per finder took 0.63 s, all patterns in one Matcher 0.43 s, and
0.19 s once the patterns tested the tag category with TAG equality instead of ``NORM IN [...]``
(see :mod:`.tagger`).

Matches are stored per finder in ``doc._.lc_matches`` as ``{kind: [(start, end, key), …]}``;
keys with ``greedy="LONGEST"`` keep only the longest of overlapping matches, as usual.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from . import amounts, deadlines, deontic, sanctions, xrefs
from .lexicon import load_lexicon

FINDERS = {"amount": amounts, "sanction": sanctions, "deadline": deadlines,
           "deontic": deontic, "xref": xrefs}


@Language.factory("lawcheck_matcher", default_config={"language": "en"})
def make_pattern_matcher(nlp: Language, name: str, language: str) -> "PatternMatcher":
    return PatternMatcher(nlp, language)


class PatternMatcher:
    """Runs the finders' patterns; see the module docstring."""

    def __init__(self, nlp: Language, language: str):
        lexicon = load_lexicon(language)
        self.matcher = Matcher(nlp.vocab)
        for kind, module in FINDERS.items():
            for key, (patterns, greedy) in module.patterns(lexicon).items():
                if patterns:
                    self.matcher.add(f"{kind}/{key}", patterns, greedy=greedy)

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        found: dict[str, list[tuple[int, int, str]]] = {}
        # allow_missing: TAG is set by lawcheck_lexicon, not a tagger, and may be absent.
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            kind, key = strings[match_id].split("/", 1)
            found.setdefault(kind, []).append((start, end, key))
        doc._.lc_matches = found
        return doc
