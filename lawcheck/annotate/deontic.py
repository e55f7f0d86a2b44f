"""Component ``lawcheck_deontic``: is a sentence an obligation, a prohibition or a permission?

The cue phrases are those of ``cues.yaml`` (``deontic``), already merged into single tokens by
``lawcheck_lexicon``, which kept the longest of overlapping phrases — so "shall not" is one
prohibition cue (never an obligation), "may not" a prohibition (never a permission), "shall have
the right to" a permission, and "shall mean" (``not_deontic``) no cue at all.  A further Matcher
pattern reads "No <up to three words> shall|may|can" as a prohibition ("No association shall …").

One annotation per sentence: the span is the sentence (from the sentencizer, without surrounding
whitespace), the label the strongest cue in it (prohibition > obligation > permission; the first
of equals), ``cue`` the cue as written.  Khmer: "ត្រូវ" obligation; "មិនត្រូវ", "ហាមឃាត់",
"មិនអាច" prohibition; "អាច", "មានសិទ្ធិ" permission; sentences end at "។".

Known gaps: a sentence with a prohibition and a separate obligation is reported once, as a
prohibition; "shall" in sanction clauses ("shall be punished") counts as an obligation; without a
parser, negation is only seen where it is part of a listed phrase.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import Lexicon
from .tagger import matches_of, publish, record, tag_of

STRENGTH = {"prohibition": 3, "obligation": 2, "permission": 1}
_NOT_SUBJECT = ["that", "which", "who", "whom", "whose", "if", "when", "where", "unless", "doubt",
                "longer", "more", "less", "later", "case"]


@Language.factory("lawcheck_deontic", default_config={"language": "en"})
def make_deontic_finder(nlp: Language, name: str, language: str) -> "DeonticFinder":
    return DeonticFinder(nlp, language)


def patterns(lex: Lexicon) -> dict[str, tuple[list, str | None]]:
    """Token patterns of this finder, run by ``lawcheck_matcher``."""
    found: dict[str, tuple[list, str | None]] = {}
    if lex.tags("deontic"):
        found["cue"] = ([[{"TAG": "deontic"}]], None)
    if lex.no_subject_words:
        found["no-subject"] = ([[
            {"LOWER": word},
            {"LOWER": {"NOT_IN": _NOT_SUBJECT}, "IS_PUNCT": False, "OP": "{1,3}"},
            {"TAG": "deontic"},
        ] for word in sorted(lex.no_subject_words)], "LONGEST")
    return found


class DeonticFinder:
    """Labels sentences with their strongest deontic cue; writes ``doc.spans["deontic"]``."""

    def __init__(self, nlp: Language, language: str):
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        matches = matches_of(doc, "deontic")
        found: list = []
        if not matches:
            publish(doc, "deontic", found)
            return doc
        sentences = [(s.start, s.end) for s in doc.sents]
        starts = [s for s, _ in sentences]
        best: dict[int, tuple[int, int, int, str]] = {}  # sentence → (-strength, start, end, label)
        for start, end, key in matches:
            if key == "no-subject":
                label = "prohibition"
            else:
                label = tag_of(doc, start).split(":", 1)[1]
            k = bisect_right(starts, start) - 1
            if sentences[k][1] < end:  # a "No … shall" that crosses a sentence end
                continue
            candidate = (-STRENGTH[label], start, end, label)
            if k not in best or candidate < best[k]:
                best[k] = candidate
        for k, (_strength, start, end, label) in sorted(best.items()):
            first, last = sentences[k]
            while first < last and doc[first].is_space:
                first += 1
            while last > first and doc[last - 1].is_space:
                last -= 1
            record(found, doc, "deontic", first, last, label, doc[start:end].text)
        publish(doc, "deontic", found)
        return doc
