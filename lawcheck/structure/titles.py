"""Article titles: telling a title line from the first sentence of an article's text.

Cambodian laws in English often give each article a title line under its heading ("Article 5" /
"Definition of education and terminology" / the text). Whether a line is a title depends on the
law (does it title its articles at all?) and on the line: these helpers are the parser's tests.
"""

from __future__ import annotations

import re
from collections import Counter

from lawcheck.structure.headings import KHMER_LETTER, match_point, strip_markup
from lawcheck.structure.layout import ends_sentence

FUNCTION_WORDS = {"a", "an", "the", "of", "to", "in", "on", "for", "by", "with", "and", "or",
                  "from", "at", "as", "that", "which", "its", "their", "shall", "may", "must"}
_OPENER = re.compile(r"(?:^|[.;:!?]\s+)([A-Z][a-z]{1,14})\b")


def marked_title(text: str) -> bool:
    """A title set apart by Markdown ("#### Definitions", "**Definitions**")."""
    return text.lstrip().startswith(("#", "**", "__")) and len(strip_markup(text).split()) <= 14


def titled_line(text: str) -> bool:
    """In a law whose articles carry titles, a first line that does not end a sentence and is
    short enough is one ("Definition of education and terminology", "fraudulent examinations")."""
    plain = strip_markup(text)
    return not ends_sentence(plain) and not plain.endswith(("-", ",")) \
        and len(plain.split()) <= 14 and len(plain) <= 120 and not KHMER_LETTER.search(plain) \
        and match_point(plain) is None


def title_opening(text: str) -> bool:
    """The first line of a title a narrow column wrapped after a comma ("Determination of
    education policies," / "principles, plans and strategies"): held as a possible title, which
    the next lines confirm or give back to the text (a sentence's first line goes on in lower
    case and ends a sentence)."""
    plain = strip_markup(text)
    return plain.endswith(",") and titled_line(plain[:-1]) and len(plain.split()) <= 8 \
        and plain[:1].isupper()


def article_title_like(text: str) -> bool:
    """A line that reads as an article's title in a law that may or may not title them."""
    plain = strip_markup(text)
    if text.lstrip().startswith(("#", "**", "__")) and len(plain.split()) <= 14:
        return True
    if KHMER_LETTER.search(plain):
        return False  # Khmer has no capitals to tell a title from a first sentence
    words = [w for w in plain.split() if len(w) > 3]
    if words and sum(w[:1].isupper() for w in words) / len(words) < 0.5:
        return False  # a sentence ("The Judicial power shall be …"), not a Title
    if plain.split()[-1].lower() in FUNCTION_WORDS:
        return False  # a wrapped line ("Notwithstanding the implementation of")
    return len(plain.split()) <= 8 and not plain.rstrip().endswith((".", ";", ":", ",", "។", "៖")) \
        and not plain[:1].islower() and not plain[:1].isdigit() and not plain.startswith(("-", "("))


def sentence_openers(texts) -> frozenset[str]:
    """Capitalised words that open sentences in this law, at least twice ("All", "The", "In"):
    after a full stop in a line, or at the start of a line that follows a heading (given as
    None), a title or a line that ends a sentence."""
    counts: Counter[str] = Counter()
    previous = ""
    for text in texts:
        plain = strip_markup(text).strip() if text is not None else ""
        if text is not None and not plain:
            continue
        for m in _OPENER.finditer(plain):
            if m.start(1) > 0 or not previous or ends_sentence(previous) \
                    or _title_shaped(previous):
                counts[m.group(1)] += 1
        previous = plain
    return frozenset(word for word, n in counts.items() if n >= 2)


def _title_shaped(text: str) -> bool:
    """A short line that can be a whole title: not one stopping mid-phrase ("… and the")."""
    return titled_line(text) and text[:1].isupper() \
        and text.split()[-1].lower() not in FUNCTION_WORDS


def split_title(text: str, openers: frozenset[str]) -> tuple[str, str] | None:
    """A title and the first sentence printed on one line, with nothing between them
    ("Violation of the provision on freedom of religion in education All activities …"):
    ``(title, rest)``, split before the first word that opens sentences elsewhere in the law
    (``openers``) and follows a lower-case word that can end a title. None when the line
    holds no such place, or what precedes it does not read as a title."""
    plain = strip_markup(text)
    if KHMER_LETTER.search(plain) or titled_line(plain):
        return None
    words = plain.split()
    for k in range(2, min(len(words) - 3, 15)):
        word, before = words[k], words[k - 1]
        if word not in openers or not before[:1].islower() \
                or before.lower() in FUNCTION_WORDS or not before[-1:].isalpha():
            continue
        title = " ".join(words[:k])
        if not titled_line(title) or not words[0][:1].isupper():
            return None
        start = plain.index(word, len(title))
        return title, plain[start:]
    return None
