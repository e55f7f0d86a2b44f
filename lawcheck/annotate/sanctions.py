"""Component ``lawcheck_sanctions``: the penalties a provision threatens.

Labels: ``warning``, ``fine``, ``suspension``, ``deregistration``, ``imprisonment``,
``confiscation``, ``expulsion`` — one per sanction word listed in ``cues.yaml`` (``sanction``).

* imprisonment — the Matcher joins the word with an adjacent term: "imprisonment from one to
  five years", "imprisonment of 1 (one) month to 1 (one) year", "two (2) to five (5) years in
  prison", "five years' imprisonment"; a term after "sentenced"/"punishable" (``term_words``) is
  imprisonment too: "shall be sentenced from 7 years to 15 years".  Value ``min``/``max`` and
  ``unit`` (years are turned into months when the two ends differ: 1 month to 1 year → min 1,
  max 12, unit months; days cannot be turned into months exactly, so such ends get
  ``min_unit``/``max_unit``; a bare "up to ten years" gives only ``max``).  "life imprisonment"
  gives ``life``: True.
* fine — the span is the word; when an amount found by ``lawcheck_amounts`` follows within a few
  words ("a fine from 1,000,000 Riels up to 5,000,000 Riels") its ``currency``/``min``/``max`` are
  copied into the value.
* deregistration — also "remove/strike/delete … from the register" with up to six words between.

Known gaps: sanctions are found wherever the word stands, so "the King shall dissolve the
National Assembly" is a deregistration and "suspend the transaction" a suspension; the annotator
does not know who is sanctioned.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import Lexicon, load_lexicon
from .tagger import NUM, _longest, matches_of, neighbour, number_at, publish, record, \
    relation_before, tag_of

_FILLERS = ["for", "of", "from", "a", "an", "the", "term", "period", "between", "ranging", "with",
            "to", "by"]
_FINE_BRIDGE = frozenset({"of", "from", "ranging", "between", "amounting", "to", "a", "an", "the",
                          "in", "amount", "sum", "with", "jointly"})
_MONTHS_PER = {"months": 1, "years": 12}


@Language.factory("lawcheck_sanctions", default_config={"language": "en"})
def make_sanction_finder(nlp: Language, name: str, language: str) -> "SanctionFinder":
    return SanctionFinder(nlp, language)


def patterns(lex: Lexicon) -> dict[str, tuple[list, str | None]]:
    """Token patterns of this finder, run by ``lawcheck_matcher``."""
    found: dict[str, tuple[list, str | None]] = {}
    if lex.tags("sanction"):
        found["word"] = ([[{"TAG": "sanction"}]], None)
    if lex.tags("removal"):
        found["removal"] = ([[{"NORM": "removal:verb"}, {"IS_PUNCT": False, "OP": "{0,6}"},
                              {"NORM": "removal:register"}]], "LONGEST")
    if "sanction:imprisonment" in lex.tagged:
        found["prison"] = (_prison_patterns(lex, {"NORM": "sanction:imprisonment"}), "LONGEST")
    if lex.tags("term"):
        found["term"] = (_prison_patterns(lex, {"NORM": "term:trigger"}, suffix=False), "LONGEST")
    return found


def _prison_patterns(lex: Lexicon, prison: dict, suffix: bool = True) -> list[list[dict]]:
    """A term of imprisonment after ``prison`` (and before it when ``suffix``)."""
    number = {"NORM": NUM}
    unit = {"TAG": "unit"}
    maybe_unit = {**unit, "OP": "?"}
    joins = [{"LOWER": {"IN": sorted(lex.range_to | {"to", "-", "–"})}},
             {"NORM": "rel:at-most"}]
    fillers = {"LOWER": {"IN": sorted(set(_FILLERS) | lex.range_from)}, "OP": "{0,3}"}
    relation = {"TAG": "rel", "OP": "?"}
    terms = [[number, unit]]
    for join in joins:
        terms.append([number, maybe_unit, join, number, unit])
    patterns = []
    for term in terms:
        patterns.append([prison, fillers, relation, *term])
        if suffix:
            patterns.append([*term, {"ORTH": {"IN": ["'", "’"]}, "OP": "?"},
                             {"LOWER": {"IN": ["in", "of"]}, "OP": "?"}, prison])
    for join in joins:  # "imprisonment from five (5) to ten (10)" — the unit left out
        if suffix:
            patterns.append([prison, fillers, number, join, number])
    return patterns


class SanctionFinder:
    """Finds sanctions; writes ``doc.spans["sanction"]``."""

    def __init__(self, nlp: Language, language: str):
        self.lexicon = load_lexicon(language)

    def __call__(self, doc: Doc) -> Doc:
        matches = matches_of(doc, "sanction")
        # A term next to the word "imprisonment"/"prison" wins over one after "sentenced".
        named = _longest([m for m in matches if m[2] in ("prison", "removal")])
        taken = {i for s, e, _ in named for i in range(s, e)}
        ranges = named + _longest([m for m in matches if m[2] == "term"
                                   and not taken & set(range(m[0], m[1]))])
        covered = {i for s, e, _ in ranges for i in range(s, e)}
        found: list = []
        for start, end, key in ranges:
            if key in ("prison", "term"):
                self._prison(doc, start, end, found)
            else:
                record(found, doc, "sanction", start, end, "deregistration",
                       doc[start].text, ())
        amounts = None
        for start, end, key in matches:
            if key != "word" or start in covered:
                continue
            label = tag_of(doc, start).split(":", 1)[1]
            if label == "fine":
                if amounts is None:
                    amounts = {span.start: span for span in doc.spans.get("amount", [])
                               if span.label_ not in ("participants", "distance")}
                value = self._fine(doc, start, amounts)
            else:
                value = ()
            if label == "imprisonment" and doc[start].lower_.startswith("life"):
                value = (("life", True),)
            record(found, doc, "sanction", start, end, label, doc[start].text, value)
        publish(doc, "sanction", found)
        return doc

    def _prison(self, doc: Doc, start: int, end: int, found: list) -> None:
        terms: list[list] = []  # [value, unit]
        cue = ""
        for i in range(start, end):
            tag = tag_of(doc, i)
            if tag in ("sanction:imprisonment", "term:trigger") and not cue:
                cue = doc[i].text
            elif tag == NUM:
                terms.append([number_at(doc, i), None])
            elif tag.startswith("unit:") and terms:
                terms[-1][1] = tag[5:]
        for k in range(len(terms) - 2, -1, -1):  # "one to five years": both ends in years
            if terms[k][1] is None:
                terms[k][1] = terms[k + 1][1]
        for term in terms:
            if term[1] == "weeks":
                term[0], term[1] = term[0] * 7, "days"
        inner = [tag_of(doc, i)[4:] for i in range(start, end) if tag_of(doc, i).startswith("rel:")]
        if tag_of(doc, start) == NUM:  # "up to five years in prison": the relation stands before
            rel = relation_before(doc, start, self.lexicon.relation_window)
            if rel:
                inner, start = [rel[1]], rel[0]
        relation = inner[0] if inner and len(terms) == 1 else None
        record(found, doc, "sanction", start, end, "imprisonment", cue,
               _term_value(terms, relation))

    @staticmethod
    def _fine(doc: Doc, i: int, amounts: dict) -> tuple:
        """Currency and min/max of an amount (by start token) that follows "fine" closely."""
        j = neighbour(doc, i, 1)
        for _ in range(5):
            if j in amounts:
                span = amounts[j]
                _cue, value = span._.lc_amount
                return (("currency", span.label_),) + value
            if j >= len(doc) or not (doc[j].lower_ in _FINE_BRIDGE
                                     or tag_of(doc, j).startswith("rel:")):
                return ()
            j = neighbour(doc, j, 1)
        return ()


def _term_value(terms: list[list], relation: str | None) -> tuple:
    """min/max/unit of an imprisonment term; see the module docstring."""
    terms = [t for t in terms if t[0] is not None]
    if not terms:
        return ()
    low, high = terms[0], terms[-1]
    if len(terms) == 1:
        if relation == "at-most":
            return (("max", high[0]), ("unit", high[1]))
        if relation == "at-least":
            return (("min", low[0]), ("unit", low[1]))
    if low[1] == high[1]:
        return (("min", low[0]), ("max", high[0]), ("unit", low[1]))
    if low[1] in _MONTHS_PER and high[1] in _MONTHS_PER:
        return (("min", low[0] * _MONTHS_PER[low[1]]), ("max", high[0] * _MONTHS_PER[high[1]]),
                ("unit", "months"))
    return (("min", low[0]), ("min_unit", low[1]), ("max", high[0]), ("max_unit", high[1]))
