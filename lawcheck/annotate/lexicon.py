"""The annotator's vocabulary: ``cues.yaml`` read once per language into a :class:`Lexicon`.

The YAML is data a legal adviser can extend (see the comments at its top).  This module turns it
into what the spaCy components need:

* ``tagged`` — tag → phrases.  Every phrase is matched (PhraseMatcher on LOWER) and the matched
  tokens are merged into one token whose NORM is the tag, e.g. ``"deontic:prohibition"``,
  ``"unit:working-days"``, ``"rel:within"``, ``"cur:riel"``, ``"sanction:fine"``,
  ``"xref:law:Penal Code"``; the token's TAG is the part before the first colon (``"unit"``,
  ``"rel"`` …).  Later components then match on TAG/NORM, so "no later than" or "working days"
  fill one slot of a token pattern.
* plain word sets (``range_to``, ``xref_join`` …) that patterns compare with LOWER and that are
  never tagged, because they are too common ("and", "to", "of") to mean anything on their own.

The loader refuses a phrase listed under two tagged headings and names both, so a mistaken edit
fails loudly instead of silently changing results.  Nothing here imports spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lawcheck import yamlio

CUES_PATH = Path(__file__).with_name("cues.yaml")
LANGUAGES = ("en", "km")
KHMER = re.compile("[\u1780-\u17ff]")

# Headings whose lists are phrase-tagged: (path in the YAML, tag prefix).  A trailing "*" means
# the heading is a mapping label → phrases and the label completes the tag.
_TAGGED = (
    (("deontic", "*"), "deontic"),
    (("not_deontic",), "notdeontic:phrase"),
    (("relation", "*"), "rel"),
    (("relation_after", "*"), "relafter"),
    (("direction", "*"), "dir"),
    (("deadline", "units", "*"), "unit"),
    (("deadline", "not_after"), "notafter:age"),
    (("deadline", "date_head", "*"), "datehead"),
    (("deadline", "date_marker"), "datemarker:day"),
    (("amount", "currency", "*"), "cur"),
    (("amount", "participants"), "people:participants"),
    (("amount", "distance", "*"), "dist"),
    (("sanction", "*"), "sanction"),
    (("removal_verbs",), "removal:verb"),
    (("term_words",), "term:trigger"),
    (("register_words",), "removal:register"),
    (("xref", "article"), "xref:article"),
    (("xref", "paragraph"), "xref:paragraph"),
    (("xref", "this_law"), "xref:thislaw"),
    (("xref", "here"), "xref:here"),
    (("xref", "law_names", "*"), "xref:law"),
)


@dataclass(frozen=True)
class Lexicon:
    """Everything the pipeline of one language reads from ``cues.yaml``."""

    language: str
    tagged: dict[str, tuple[str, ...]]
    cardinal: dict[str, int]
    scale: dict[str, int]
    ordinal: dict[str, int]
    months: dict[str, int]
    relation_window: int
    no_subject_words: frozenset[str]
    range_from: frozenset[str]
    range_to: frozenset[str]
    xref_suffix: frozenset[str]
    xref_join: frozenset[str]
    xref_range: frozenset[str]
    xref_of: frozenset[str]
    name_connectors: frozenset[str]
    law_heads: frozenset[str]
    khmer_segments: tuple[str, ...]

    def tags(self, prefix: str) -> tuple[str, ...]:
        """All tags starting with ``prefix`` + ":" (or equal to it)."""
        return tuple(t for t in self.tagged if t == prefix or t.startswith(prefix + ":"))


def _get(section: dict, path: tuple[str, ...]):
    node = section
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _phrases(value, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"cues.yaml: {where} must be a list of phrases, "
                         f"got {type(value).__name__}")
    for phrase in value:
        if isinstance(phrase, bool) or not isinstance(phrase, (str, int)):
            raise ValueError(f"cues.yaml: {where} has {phrase!r}; quote it (YAML reads bare "
                             f"no/yes/on/off as true/false)")
    return [" ".join(str(p).lower().split()) for p in value if str(p).strip()]


def _words(section: dict, *path: str) -> frozenset[str]:
    return frozenset(_phrases(_get(section, path), ".".join(path)))


def _collect_tagged(section: dict, language: str) -> dict[str, tuple[str, ...]]:
    tagged: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for path, prefix in _TAGGED:
        if path[-1] == "*":
            mapping = _get(section, path[:-1]) or {}
            if not isinstance(mapping, dict):
                raise ValueError(f"cues.yaml: {language}.{'.'.join(path[:-1])} must be a mapping")
            items = [(f"{prefix}:{label}", phrases, f"{'.'.join(path[:-1])}.{label}")
                     for label, phrases in mapping.items()]
        else:
            items = [(prefix, _get(section, path), ".".join(path))]
        for tag, phrases, where in items:
            for phrase in _phrases(phrases, f"{language}.{where}"):
                if owner.get(phrase, where) != where:
                    raise ValueError(f"cues.yaml: {phrase!r} is listed under both "
                                     f"{language}.{owner[phrase]} and {language}.{where}")
                owner[phrase] = where
                tagged.setdefault(tag, [])
                if phrase not in tagged[tag]:
                    tagged[tag].append(phrase)
    return {tag: tuple(phrases) for tag, phrases in tagged.items()}


def _khmer_strings(node) -> set[str]:
    """Every whitespace-separated Khmer piece anywhere in the section (keys included)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found |= _khmer_strings(str(key)) | _khmer_strings(value)
    elif isinstance(node, list):
        for value in node:
            found |= _khmer_strings(value)
    elif isinstance(node, str):
        found |= {piece for piece in node.split() if KHMER.search(piece)}
    return found


def _int_map(section: dict, *path: str) -> dict[str, int]:
    mapping = _get(section, path) or {}
    return {str(k).lower(): int(v) for k, v in mapping.items()}


def parse_lexicon(data: dict, language: str) -> Lexicon:
    """Build the :class:`Lexicon` of ``language`` from the loaded YAML mapping."""
    if language not in data:
        raise ValueError(f"cues.yaml has no section for language {language!r}")
    section = data[language]
    return Lexicon(
        language=language,
        tagged=_collect_tagged(section, language),
        cardinal=_int_map(section, "numbers", "cardinal"),
        scale=_int_map(section, "numbers", "scale"),
        ordinal=_int_map(section, "numbers", "ordinal"),
        months=_int_map(section, "deadline", "months"),
        relation_window=int(section.get("relation_window", 0) or 0),
        no_subject_words=_words(section, "no_subject_words"),
        range_from=_words(section, "amount", "range_from"),
        range_to=_words(section, "amount", "range_to"),
        xref_suffix=_words(section, "xref", "suffix"),
        xref_join=_words(section, "xref", "join"),
        xref_range=_words(section, "xref", "range"),
        xref_of=_words(section, "xref", "of"),
        name_connectors=_words(section, "xref", "name_connectors"),
        law_heads=_words(section, "xref", "law_heads"),
        khmer_segments=tuple(sorted(_khmer_strings(section), key=lambda s: (-len(s), s))),
    )


@lru_cache(maxsize=None)
def load_lexicon(language: str, path: str | None = None) -> Lexicon:
    """Read ``cues.yaml`` (or ``path``) and return the lexicon of ``language``; cached.

    Read by the strict loader, as every file people edit: a heading written twice is an error
    with its line (plain YAML keeps the last silently), and a bare ``on`` or ``no`` stays a
    word."""
    return parse_lexicon(yamlio.load(Path(path or CUES_PATH)), language)
