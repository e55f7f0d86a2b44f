"""Component ``lawcheck_amounts``: money, participant limits and distances.

Token patterns (spaCy Matcher on the NORM tags set by ``lawcheck_lexicon``):

* money — ``#num cur`` ("5,000,000 riel", "100,000 (one hundred thousand) Riels"), ``cur #num``
  ("KHR 5,000"), and ranges ``[from] #num [cur] [(#num)] to|up to #num cur [(#num)]``
  ("from 10 million to 50 million riels", "four million Riel (4,000,000) to ten million Riel
  (10,000,000)").  Label = currency (``riel``, ``usd``); value ``min``/``max`` as ints.  A
  relation just before ("not more than", "at least") leaves only ``max`` or ``min``.
* participants — ``#num people-word`` ("200 persons", "two hundred (200) participants").  With a
  limit ("not more than", "at most", "a maximum of" before, "or fewer" after) the value is
  ``max`` (or ``min``); without one it is the plain count ``n``.
* distance — ``#num metre-word``: value ``n``, ``unit`` (m / km) and ``metres``.

Known gaps: Khmer amounts are read one at a time (no "ពី … ទៅ …" ranges); amounts written only
in words with no currency word after them are not found; currencies other than riel and US dollars
are not listed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import Lexicon, load_lexicon
from .tagger import NUM, _longest, matches_of, neighbour, number_at, publish, record, \
    relation_before, tag_of


@Language.factory("lawcheck_amounts", default_config={"language": "en"})
def make_amount_finder(nlp: Language, name: str, language: str) -> "AmountFinder":
    return AmountFinder(nlp, language)


def patterns(lex: Lexicon) -> dict[str, tuple[list, str | None]]:
    """Token patterns of this finder, run by ``lawcheck_matcher``."""
    number = {"NORM": NUM}
    restated = {"NORM": NUM, "TEXT": {"REGEX": r"^\("}, "OP": "?"}
    currency = {"TAG": "cur"}
    maybe_currency = {**currency, "OP": "?"}
    joins = [{"LOWER": {"IN": sorted(lex.range_to)}}, {"NORM": "rel:at-most"}]
    found: dict[str, tuple[list, str | None]] = {}
    bracket = [{"ORTH": "("}, number, currency, {"ORTH": ")"}]
    sides = {  # one side of a range, and whether it names the currency
        "bare": ([number, maybe_currency, restated], False),
        "named": ([number, currency, restated], True),
        "bracketed": ([number, currency, *bracket], True),  # "1 million Riels (1,000,000 Riels)"
    }
    rights = dict(sides)
    if not lex.cardinal:  # Khmer: the spelled-out number before the bracket is not read
        sides["spelled"] = ([currency, *bracket], True)
        rights["spelled"] = ([{"IS_PUNCT": False, "OP": "?"}, currency, *bracket], True)
    if lex.tags("cur"):
        money = [[number, currency, restated], [currency, number], [number, currency, *bracket]]
        if "spelled" in sides:
            money.append(bracket)
        for left, left_named in sides.values():
            for right, right_named in rights.values():
                if left_named or right_named:
                    money.extend([*left, join, *right] for join in joins)
        found["money"] = (money, "LONGEST")
    if lex.tags("people"):
        found["participants"] = ([[number, {"TAG": "people"}]], None)
    if lex.tags("dist"):
        found["distance"] = ([[number, {"ORTH": "-", "OP": "?"}, {"TAG": "dist"}]], None)
    return found


class AmountFinder:
    """Finds money, participant and distance quantities; writes ``doc.spans["amount"]``."""

    def __init__(self, nlp: Language, language: str):
        self.lexicon = load_lexicon(language)

    def __call__(self, doc: Doc) -> Doc:
        matches = _longest(matches_of(doc, "amount"))
        found: list = []
        for start, end, key in matches:
            if key == "money":
                self._money(doc, start, end, found)
            elif key == "participants":
                self._participants(doc, start, end, found)
            else:
                self._distance(doc, start, end, found)
        publish(doc, "amount", found)
        return doc

    def _with_relation(self, doc: Doc, start: int) -> tuple[int, str | None]:
        rel = relation_before(doc, start, self.lexicon.relation_window)
        return (rel[0], rel[1]) if rel else (start, None)

    def _money(self, doc: Doc, start: int, end: int, found: list) -> None:
        values: list[int] = []
        currency = cue = ""
        for i in range(start, end):
            tag = tag_of(doc, i)
            if tag.startswith("cur:"):
                if not currency:
                    currency, cue = tag[4:], doc[i].text
            elif tag == NUM:
                value = number_at(doc, i)
                if value is not None and not _restatement(doc, i, start):
                    values.append(value)
        if not values:
            return
        first, relation = self._with_relation(doc, start)
        if len(values) >= 2:
            value = (("min", values[0]), ("max", values[-1]))
            before = neighbour(doc, start, -1)
            if before >= 0 and doc[before].lower_ in self.lexicon.range_from:
                first = before  # "from 10 million to 50 million riels"
        elif relation == "at-most":
            value = (("max", values[0]),)
        elif relation == "at-least":
            value = (("min", values[0]),)
        else:
            value = (("min", values[0]), ("max", values[0]))
            first = start
        record(found, doc, "amount", first, end, currency, cue, value)

    def _participants(self, doc: Doc, start: int, end: int, found: list) -> None:
        n = number_at(doc, start)
        if n is None:
            return
        first, relation = self._with_relation(doc, start)
        last = end
        after = neighbour(doc, end - 1, 1)
        after_tag = tag_of(doc, after)
        if after_tag.startswith("relafter:"):
            relation, last = after_tag[9:], after + 1
        if relation == "at-most":
            value = (("max", n),)
        elif relation == "at-least":
            value = (("min", n),)
        else:
            value, first, last = (("n", n),), start, end
        record(found, doc, "amount", first, last, "participants", doc[end - 1].text, value)

    def _distance(self, doc: Doc, start: int, end: int, found: list) -> None:
        n = number_at(doc, start)
        if n is None:
            return
        unit = tag_of(doc, end - 1)[5:]
        first, relation = self._with_relation(doc, start)
        value = [("n", n), ("unit", unit), ("metres", n * 1000 if unit == "km" else n)]
        if relation:
            value.append(("relation", relation))
        record(found, doc, "amount", first, end, "distance", doc[end - 1].text, tuple(value))


def _restatement(doc: Doc, i: int, start: int) -> bool:
    """Is number token ``i`` a bracketed repetition of the amount before it?

    "Riel (4,000,000)" and "Riels (500,000 Riels)" repeat the amount just named; in Khmer, where
    the spelled-out amount before the bracket is not read, the bracket is the amount itself.
    """
    before = i - 1
    if not doc[i].text.startswith("("):
        if before < start or doc[before].text != "(":
            return False
        before -= 1
    return before >= start and tag_of(doc, before).startswith("cur:") \
        and tag_of(doc, before - 1) == NUM
