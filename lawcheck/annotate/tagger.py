"""First pipeline component: tag the vocabulary of ``cues.yaml`` and the numbers in a Doc.

``lawcheck_lexicon`` runs a PhraseMatcher (attr LOWER) with every tagged phrase of the language,
keeps the longest of overlapping matches, reads number runs (:mod:`.numbers`), and merges each
multi-token match into one token.  The tag goes into the token's NORM and its category (the part
before the first colon) into the token's TAG, which a blank pipeline leaves unused:

    "shall not"   → one token, NORM "deontic:prohibition", TAG "deontic"
    "thirty (30)" → one token, NORM "#num", TAG "num"   (value in ``doc._.lc_numbers[token.idx]``)

Later components match on TAG/NORM with the spaCy Matcher, so their token patterns stay short
(a number then a unit) however the phrase was spelled.  Patterns test the category with TAG
equality rather than ``{"NORM": {"IN": [...]}}``: the Matcher checks equality in Cython but calls
Python for each ``IN`` test, and that made the whole Matcher pass four times slower.

The helpers at the bottom are shared by those components: :func:`record` stores a finding in
``doc.spans[kind]`` with its cue and value in the span extension ``span._.lc_<kind>``.
"""

from __future__ import annotations

from spacy.attrs import LIKE_NUM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .lexicon import load_lexicon
from .numbers import NumberReader

KINDS = ("deontic", "deadline", "amount", "sanction", "xref")
NUM, ORD = "#num", "#ord"
NUMBER = "num"  # the TAG of #num and #ord tokens
_MERGE_BATCH = 1024
TAG_PREFIXES = frozenset({"deontic", "notdeontic", "rel", "relafter", "dir", "unit", "notafter",
                          "datehead", "datemarker", "cur", "people", "dist", "sanction", "removal",
                          "xref", "month", "term"})

for _name in ("lc_numbers", "lc_matches"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _kind in KINDS:
    if not Span.has_extension(f"lc_{_kind}"):
        Span.set_extension(f"lc_{_kind}", default=None)

# Words before a capitalised "May" that make it the month, not the permission.
_MONTH_CONTEXT = frozenset({"of", "by", "in", "before", "until", "till", "on", "end", "since",
                            "from", "to", "and", "after", "early", "late", "mid", "during"})


@Language.factory("lawcheck_lexicon", default_config={"language": "en"})
def make_lexicon_tagger(nlp: Language, name: str, language: str) -> "LexiconTagger":
    return LexiconTagger(nlp, language)


class LexiconTagger:
    """Tags phrases and numbers; merges them into single tokens (see module docstring)."""

    def __init__(self, nlp: Language, language: str):
        self.lexicon = lex = load_lexicon(language)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for tag, phrases in lex.tagged.items():
            self.matcher.add(tag, [nlp.make_doc(p) for p in phrases])
        taken = {p for phrases in lex.tagged.values() for p in phrases}
        for name, month in lex.months.items():
            if name not in taken:
                self.matcher.add(f"month:{month}", [nlp.make_doc(name)])
        # Month names that are also cue words ("may"): decided per occurrence.
        self.ambiguous_months = {n: m for n, m in lex.months.items() if n in taken}
        self.reader = NumberReader(lex.cardinal, lex.scale, lex.ordinal,
                                   spelled_restatement=language == "km")

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        spans = _longest([(s, e, strings[k]) for k, s, e in self.matcher(doc)])
        blocked: set[int] = set()
        for start, end, _tag in spans:
            blocked.update(range(start, end))
        spans = [self._month_or_cue(doc, s, e, tag) for s, e, tag in spans]

        flags = doc.to_array([LIKE_NUM])
        candidates = [i for i in flags.nonzero()[0].tolist() if i not in blocked]
        numbers = self.reader.find(doc, candidates, blocked) if candidates else []

        values: dict[int, int] = {}
        marks = [(s, e, tag, tag.split(":", 1)[0]) for s, e, tag in spans]
        for number in numbers:
            values[doc[number.start].idx] = number.value
            marks.append((number.start, number.end, ORD if number.ordinal else NUM, NUMBER))
        for start, end, norm, category in marks:
            if end - start == 1:
                doc[start].norm_ = norm
                doc[start].tag_ = category
        merges = sorted((m for m in marks if m[1] - m[0] > 1), reverse=True)
        # Merge from the end of the Doc in batches: earlier token indices stay valid, and the
        # retokenizer's overlap check (quadratic in the merges of one batch) stays cheap.
        for k in range(0, len(merges), _MERGE_BATCH):
            with doc.retokenize() as retokenizer:
                for start, end, norm, category in merges[k:k + _MERGE_BATCH]:
                    retokenizer.merge(doc[start:end], attrs={"NORM": norm, "TAG": category})
        doc._.lc_numbers = values
        return doc

    def _month_or_cue(self, doc: Doc, start: int, end: int, tag: str) -> tuple[int, int, str]:
        """A capitalised "May" after "of/by/in …" or next to a number is the month."""
        if end - start != 1:
            return start, end, tag
        token = doc[start]
        month = self.ambiguous_months.get(token.lower_)
        if month is None or not token.text.istitle() or start == 0:
            return start, end, tag
        before = doc[start - 1]
        after = doc[start + 1] if start + 1 < len(doc) else None
        if before.lower_ in _MONTH_CONTEXT or before.like_num or (after is not None
                                                                   and after.like_num):
            return start, end, f"month:{month}"
        return start, end, tag


def _longest(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans, longest first (then earliest) — like ``spacy.util.filter_spans``."""
    result: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for start, end, tag in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if start not in seen and end - 1 not in seen:
            result.append((start, end, tag))
            seen.update(range(start, end))
    return sorted(result)


# -- helpers shared by the components ---------------------------------------------------------

def record(found: list, doc: Doc, kind: str, start: int, end: int, label: str,
           cue: str = "", value: tuple = ()) -> None:
    """Append a finding (token span ``start``..``end``) to ``found``; see :func:`publish`."""
    span = Span(doc, start, end, label=label)
    span._.set(f"lc_{kind}", (cue, tuple(value)))
    found.append(span)


def publish(doc: Doc, kind: str, found: list) -> None:
    """Store a component's findings as ``doc.spans[kind]``."""
    doc.spans[kind] = found


def matches_of(doc: Doc, kind: str) -> list[tuple[int, int, str]]:
    """The ``lawcheck_matcher`` matches of a finder: (start, end, key), sorted by start."""
    return sorted((doc._.lc_matches or {}).get(kind, ()))


def number_at(doc: Doc, i: int) -> int | None:
    """The value of the number token ``i`` (NORM ``#num``/``#ord``), else None."""
    values = doc._.lc_numbers or {}
    return values.get(doc[i].idx)


def tag_of(doc: Doc, i: int) -> str:
    """The lexicon tag of token ``i`` ("" for an untagged token or an index out of range)."""
    if 0 <= i < len(doc):
        norm = doc[i].norm_
        if norm in (NUM, ORD) or norm.split(":", 1)[0] in TAG_PREFIXES:
            return norm
    return ""


def neighbour(doc: Doc, i: int, step: int) -> int:
    """Index of the next token from ``i`` in direction ``step`` that is not whitespace."""
    j = i + step
    while 0 <= j < len(doc) and doc[j].is_space:
        j += step
    return j


def tagged_before(doc: Doc, i: int, window: int, prefix: str) -> tuple[int, str] | None:
    """The nearest ``prefix`` tag (e.g. "rel:") before token ``i``: (index, label) or None.

    Up to ``window`` other tokens may stand between (Khmer spells the number out before the
    digits: "យ៉ាងហោចណាស់ប្រាំ (៥)ថ្ងៃ"); relation and direction tags may be passed over ("at
    least … before twelve hours" is Khmer word order), punctuation and other tags may not.
    """
    j = neighbour(doc, i, -1)
    for _ in range(window + 1):
        if j < 0:
            return None
        tag = tag_of(doc, j)
        if tag.startswith(prefix):
            return j, tag[len(prefix):]
        if doc[j].is_punct or (tag and not tag.startswith(("rel:", "dir:"))):
            return None
        j = neighbour(doc, j, -1)
    return None


def relation_before(doc: Doc, i: int, window: int) -> tuple[int, str] | None:
    """A ``rel:*`` token just before token ``i``; see :func:`tagged_before`."""
    return tagged_before(doc, i, window, "rel:")
