"""Component ``lawcheck_deadlines``: periods and dates that time an act.

Token patterns (spaCy Matcher on the NORM tags of ``lawcheck_lexicon``):

* period — ``#num [-] unit``: "30 days", "thirty (30) days", "five (5) working days", "12 hours",
  "24-hours", Khmer "(៥)ថ្ងៃ នៃថ្ងៃធ្វើការងារ", "២៤(ម្ភៃបួន)ម៉ោង"; and ``a|an unit`` after a
  relation ("within a month").  Label and ``unit``: working-days / days / hours / months / years
  (weeks are given as days × 7).  Value ``n``; ``relation`` (within, at-least, no-later-than) when
  a relation stands just before ("within", "at least", "no later than", "within a maximum of";
  "not more than" counts as within); ``direction`` (before / after) when "before", "prior to",
  "after", "from the date of" … follows, and the span then includes it.
* date — a month name after a relation: "by the end of February" (month 2, day "last"),
  "no later than the thirty-first of January" (month 1, day 31), "before 31 March".  Label and
  unit ``date``; relation ``by`` unless another one is stated.

Not deadlines: a number without a unit; a term of imprisonment (already a sanction); an age
("18 years of age", "30 years old"); Khmer dates ("ថ្ងៃទី២៥ ខែកញ្ញា"); a bracket that repeats
the period just given ("thirty days (30 days)" is one deadline).

Known gaps: ranges of periods ("between 10 and 30 days") give the last number only; periods
that repeat ("every two years") and durations that set no time limit ("the term shall be 5
years") are reported like deadlines; ordinal days without a month ("the fifth working day") are
not read; Khmer ages ("អាយុ … (១៨ ឆ្នាំ)") are reported as periods; Khmer number words are not
read, so a Khmer period needs digits.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import Lexicon, load_lexicon
from .tagger import NUM, NUMBER, ORD, _longest, matches_of, neighbour, number_at, publish, record, \
    relation_before, tag_of, tagged_before

_PERIOD_RELATIONS = {"within": "within", "at-most": "within", "at-least": "at-least",
                     "no-later-than": "no-later-than"}


@Language.factory("lawcheck_deadlines", default_config={"language": "en"})
def make_deadline_finder(nlp: Language, name: str, language: str) -> "DeadlineFinder":
    return DeadlineFinder(nlp, language)


def patterns(lex: Lexicon) -> dict[str, tuple[list, str | None]]:
    """Token patterns of this finder, run by ``lawcheck_matcher``."""
    unit = {"TAG": "unit"}
    month = {"TAG": "month"}
    day = {"TAG": NUMBER}
    return {
        "period": ([[{"NORM": NUM}, {"ORTH": "-", "OP": "?"}, unit]], None),
        # "within a month": the relation is part of the pattern (it is required)
        "one": ([[{"TAG": "rel"}, {"LOWER": {"IN": ["a", "an"]}}, unit]], None),
        "date": ([
            [month],
            [{"TAG": "datehead"}, month],
            [day, {"LOWER": "of", "OP": "?"}, month],
            [month, day],
        ], "LONGEST"),
    }


class DeadlineFinder:
    """Finds periods and dates; writes ``doc.spans["deadline"]``."""

    def __init__(self, nlp: Language, language: str):
        self.lexicon = load_lexicon(language)

    def __call__(self, doc: Doc) -> Doc:
        punished = {i for span in doc.spans.get("sanction", []) if span.label_ == "imprisonment"
                    for i in range(span.start, span.end)}
        found: list = []
        matches = _longest(matches_of(doc, "deadline"))
        for start, end, key in matches:
            if start in punished:
                continue
            if key == "date":
                self._date(doc, start, end, found)
            else:
                self._period(doc, start, end, key, found)
        publish(doc, "deadline", found)
        return doc

    def _period(self, doc: Doc, start: int, end: int, key: str, found: list) -> None:
        before = neighbour(doc, start, -1)
        if tag_of(doc, before).startswith("datemarker"):
            return  # Khmer "ថ្ងៃទី ២៥": a day of the month
        after = neighbour(doc, end - 1, 1)
        if tag_of(doc, after).startswith(("month:", "notafter")):
            return  # "២៥ ខែ កញ្ញា" is a date; "18 years of age" an age
        # the relation is looked for before `anchor`; without one the span is `begin`..`last`
        anchor = begin = start
        last = end
        if doc[before].text == "(" and after < len(doc) and doc[after].text == ")":
            spelled = _spelled_period(doc, before)
            if spelled is None:
                return  # "thirty days (30 days)": the bracket repeats the period just read
            # Khmer "សាមសិបថ្ងៃ (៣០ថ្ងៃ)": the words are not read, the bracket is the period
            anchor, begin, last = spelled, before, after + 1
            after = neighbour(doc, after, 1)
        if key == "one":
            rel: tuple[int, str] | None = (start, tag_of(doc, start)[4:])
            start = start + 1
        else:
            rel = relation_before(doc, anchor, self.lexicon.relation_window)
        relation = _PERIOD_RELATIONS.get(rel[1]) if rel else None
        if key == "one" and relation is None:
            return
        n = 1 if key == "one" else number_at(doc, start)
        if n is None:
            return
        unit = tag_of(doc, end - 1)[5:]
        if unit == "weeks":
            n, unit = n * 7, "days"
        first = rel[0] if rel and relation else begin
        value = [("n", n), ("unit", unit)]
        if relation:
            value.append(("relation", relation))
        after_tag = tag_of(doc, after)
        if after_tag.startswith("dir:"):
            value.append(("direction", after_tag[4:]))
            last = after + 1
        elif key == "period" and self.lexicon.relation_window:
            # Khmer word order: "មុន ១២ ម៉ោង", before twelve hours
            direction = tagged_before(doc, anchor, self.lexicon.relation_window, "dir:")
            if direction:
                value.append(("direction", direction[1]))
                first = min(first, direction[0])
        cue = doc[rel[0]].text if rel and relation else ""
        record(found, doc, "deadline", first, last, unit, cue, tuple(value))

    def _date(self, doc: Doc, start: int, end: int, found: list) -> None:
        j = neighbour(doc, start, -1)
        if 0 <= j < len(doc) and doc[j].lower_ == "the":  # "no later than the 31st of January"
            j = neighbour(doc, j, -1)
        tag = tag_of(doc, j)
        if tag.startswith("rel:"):
            relation = {"at-most": "within", "at-least": "at-least"}.get(tag[4:], tag[4:])
        elif tag == "dir:before":
            relation = "by"
        else:
            return  # a date with no relation ("dated 25 September") sets no deadline
        value = [("unit", "date")]
        for i in range(start, end):
            t = tag_of(doc, i)
            if t.startswith("month:"):
                value.append(("month", int(t[6:])))
            elif t in (NUM, ORD) and number_at(doc, i) is not None:
                n = number_at(doc, i)
                value.append(("day", n) if 0 < n <= 31 else ("year", n))
            elif t.startswith("datehead:"):
                value.append(("day", "last" if t.endswith("last") else 1))
        value.append(("relation", relation))
        record(found, doc, "deadline", j, end, "date", doc[j].text, tuple(value))


def _spelled_period(doc: Doc, paren: int) -> int | None:
    """For "<words> <unit> (<number> <unit>)": where the spelled-out period starts, or None.

    None means the period before the bracket was read already ("thirty days (30 days)", or an
    age "three months old (3 months)"), so the bracket repeats it.  In Khmer the number words are
    not read, so the bracket is the reading and the span starts at the spelled-out words.
    """
    unit = neighbour(doc, paren, -1)
    tag = tag_of(doc, unit)
    if tag.startswith("notafter") or not tag.startswith("unit:"):
        return None if tag.startswith("notafter") else paren
    words = neighbour(doc, unit, -1)
    if tag_of(doc, words) == NUM:
        return None
    if words >= 0 and not doc[words].is_punct and not tag_of(doc, words):
        return words
    return unit
