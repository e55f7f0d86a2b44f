"""Component ``lawcheck_xrefs``: references to articles of this or another law.

The Matcher finds the anchors ``article-word #num`` and ``paragraph-word #num``; a small reader
then follows the reference as far as it goes, token by token:

    [paragraph(s) LIST of] article(s) LIST [(title)] [, paragraph(s) LIST] [of|in|under EXTERNAL]
    LIST = ITEM ((, | and | or | to | through | -) [article-word] ITEM)*
    ITEM = #num [bis|ter|…] [(a)]

Examples: "Article 6 of this law", "Articles 5, 16 and 20", "Article 20 paragraphs 2 and 3",
"paragraph 1 of Article 6 of this Law", "Article 437 bis", "Articles 31 and 41 of the
Constitution", "Article 17 (Persons required to declare assets) of this law", Khmer
"មាត្រា ៦ កថាខណ្ឌទី ១ នៃច្បាប់នេះ", "មាត្រា ៣១ និងមាត្រា ៤១ នៃរដ្ឋធម្មនុញ្ញ".

Label ``article``.  Value: ``articles`` — tuple of number strings (ASCII digits; a suffix kept as
"437 bis"; a range "5 to 14" expanded when it spans at most 200 articles); ``external`` — the
other law's name (canonical name from ``cues.yaml`` ``law_names``, else the Title Case words after
"of the" when they contain a word like Law/Code/Decree), or None for this law; ``paragraphs`` and
``points`` ("Article 3 (a)") when given.

Known gaps: a paragraph reference with no article ("paragraph 2 of this article") is not
reported; lower-case law names not listed in ``law_names`` are not read as external; Khmer
external laws are only those listed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import Lexicon, load_lexicon
from .numbers import to_ascii_digits
from .tagger import NUM, matches_of, neighbour, number_at, publish, record, tag_of

_MAX_RANGE = 200
_TITLE_MAX = 15


@Language.factory("lawcheck_xrefs", default_config={"language": "en"})
def make_xref_finder(nlp: Language, name: str, language: str) -> "XrefFinder":
    return XrefFinder(nlp, language)


def patterns(lex: Lexicon) -> dict[str, tuple[list, str | None]]:
    """Token patterns of this finder, run by ``lawcheck_matcher``."""
    return {"anchor": ([[{"NORM": "xref:article"}, {"NORM": NUM}],
                        [{"NORM": "xref:paragraph"}, {"NORM": NUM}]], None)}


class XrefFinder:
    """Finds cross-references; writes ``doc.spans["xref"]``."""

    def __init__(self, nlp: Language, language: str):
        self.lexicon = load_lexicon(language)

    def __call__(self, doc: Doc) -> Doc:
        found: list = []
        done = -1
        for start, _end, _key in matches_of(doc, "xref"):
            if start < done:
                continue
            ref = self._read(doc, start)
            if ref is None:
                continue
            end, cue, value = ref
            record(found, doc, "xref", start, end, "article", cue, value)
            done = end
        publish(doc, "xref", found)
        return doc

    # -- the reader ---------------------------------------------------------------------------
    def _read(self, doc: Doc, start: int):
        paragraphs: list[str] = []
        points: list[str] = []
        i = start
        if tag_of(doc, i) == "xref:paragraph":
            i, paragraphs, _ = self._list(doc, i + 1, "xref:paragraph")
            j = neighbour(doc, i - 1, 1)
            if j >= len(doc) or doc[j].lower_ not in self.lexicon.xref_of:
                return None
            i = neighbour(doc, j, 1)
            if tag_of(doc, i) != "xref:article" or tag_of(doc, i + 1) != NUM:
                return None
        cue = doc[i].text
        end, articles, points = self._list(doc, i + 1, "xref:article")
        end = self._skip_title(doc, end)
        j = neighbour(doc, end - 1, 1)
        if j < len(doc) and doc[j].text == ",":
            j = neighbour(doc, j, 1)
        if tag_of(doc, j) == "xref:paragraph" and tag_of(doc, j + 1) == NUM and not paragraphs:
            end, paragraphs, _ = self._list(doc, j + 1, "xref:paragraph")
        end, external = self._external(doc, end)
        value = [("articles", tuple(articles)), ("external", external)]
        if paragraphs:
            value.append(("paragraphs", tuple(paragraphs)))
        if points:
            value.append(("points", tuple(points)))
        return end, cue, tuple(value)

    def _item(self, doc: Doc, i: int) -> tuple[int, str, str | None]:
        """ITEM at ``i`` (a number token): (end, number string, point or None)."""
        value = number_at(doc, i)
        text = str(value) if value is not None else to_ascii_digits(doc[i].text.strip("()"))
        end = i + 1
        if end < len(doc) and doc[end].lower_ in self.lexicon.xref_suffix:
            text, end = f"{text} {doc[end].lower_}", end + 1
        point = None
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and doc[end + 1].is_alpha and len(doc[end + 1].text) <= 4:
            point, end = doc[end + 1].text.lower(), end + 3
        return end, text, point

    def _list(self, doc: Doc, i: int, word: str) -> tuple[int, list[str], list[str]]:
        """LIST starting at number token ``i``: (end, items, points)."""
        lex = self.lexicon
        end, first, point = self._item(doc, i)
        items, points = [first], [point] if point else []
        while True:
            j = neighbour(doc, end - 1, 1)
            joined = ranged = False
            while j < len(doc) and (doc[j].lower_ in lex.xref_join or doc[j].lower_ in
                                    lex.xref_range) and not ranged:
                ranged = doc[j].lower_ in lex.xref_range and doc[j].lower_ not in lex.xref_join
                joined = True
                j = neighbour(doc, j, 1)
            if not joined:
                return end, items, points
            repeated = tag_of(doc, j) == word
            if repeated:
                j = neighbour(doc, j, 1)
            if tag_of(doc, j) != NUM:
                return end, items, points
            item_end, item, point = self._item(doc, j)
            if repeated and self._paragraph_follows(doc, item_end):
                return end, items, points  # "… and Article 20 paragraphs 2 and 3": its own ref
            end = item_end
            if ranged:
                items.extend(_expand(items[-1], item))
            else:
                items.append(item)
            if point:
                points.append(point)

    @staticmethod
    def _paragraph_follows(doc: Doc, end: int) -> bool:
        j = neighbour(doc, end - 1, 1)
        if j < len(doc) and doc[j].text == ",":
            j = neighbour(doc, j, 1)
        return tag_of(doc, j) == "xref:paragraph"

    def _skip_title(self, doc: Doc, end: int) -> int:
        """Skip "(Persons required to declare …)" when "of …" follows it."""
        j = neighbour(doc, end - 1, 1)
        if j >= len(doc) or doc[j].text != "(":
            return end
        for k in range(j + 1, min(j + _TITLE_MAX, len(doc))):
            if doc[k].text == ")":
                after = neighbour(doc, k, 1)
                if after < len(doc) and doc[after].lower_ in self.lexicon.xref_of:
                    return k + 1
                return end
        return end

    def _external(self, doc: Doc, end: int) -> tuple[int, str | None]:
        """EXTERNAL after ``end``: (new end, law name or None)."""
        lex = self.lexicon
        j = neighbour(doc, end - 1, 1)
        tag = tag_of(doc, j)
        if tag in ("xref:here", "xref:thislaw"):
            return j + 1, None
        if tag.startswith("xref:law:"):
            return j + 1, tag[9:]
        if j >= len(doc) or doc[j].lower_ not in lex.xref_of:
            return end, None
        k = neighbour(doc, j, 1)
        tag = tag_of(doc, k)
        if tag == "xref:thislaw":
            return k + 1, None
        if tag.startswith("xref:law:"):
            return k + 1, tag[9:]
        if k < len(doc) and doc[k].lower_ == "the":
            k = neighbour(doc, k, 1)
            tag = tag_of(doc, k)
            if tag.startswith("xref:law:"):
                return k + 1, tag[9:]
        return self._title_name(doc, k, end)

    def _title_name(self, doc: Doc, k: int, end: int) -> tuple[int, str | None]:
        """A Title Case law name from token ``k``, if it contains a law head word."""
        lex = self.lexicon
        if not lex.law_heads or k >= len(doc) or not doc[k].text[:1].isupper():
            return end, None
        last = None
        m = k
        while m < len(doc) and m - k < 20:
            token = doc[m]
            if token.text[:1].isupper() and not token.is_punct:
                last = m
            elif token.lower_ not in lex.name_connectors:
                break
            m += 1
        if last is None:
            return end, None
        words = doc[k:last + 1]
        if not any(t.lower_ in lex.law_heads or t.lower_.split("-")[-1] in lex.law_heads
                   for t in words):
            return end, None
        return last + 1, words.text


def _expand(low: str, high: str) -> list[str]:
    """The items after ``low`` up to ``high`` for "Articles 5 to 14"; just ``high`` otherwise."""
    if low.isdigit() and high.isdigit() and 0 < int(high) - int(low) <= _MAX_RANGE:
        return [str(n) for n in range(int(low) + 1, int(high) + 1)]
    return [high]
