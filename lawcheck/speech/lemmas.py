"""Word forms by lemma, from spaCy's English lookup lemmatiser data (``spacy-lookups-data``).

The analyser matches phrases, so a cue written once ("sold the country", "lie", "mock") must also
match its other forms ("selling the country", "lying", "mocked"). Rather than lemmatise every
token of every statement (a cost on the benign majority), the lexicon's phrases are expanded
once, when the pipeline is built: each content word of a phrase is replaced in turn by the other
forms the lookup table gives the same lemma. The phrase matcher then sees every form at no cost
per statement.

A form that is itself a lemma of other words is a different word, not an inflection, and is left
out: the table lemmatises "lay" to "lie" and "ruling" to "rule", but "lay" and "rule" are words in
their own right ("lay down your tools", "the rules of procedure"). Forms must also share the
lemma's first letter, which keeps suppletive pairs such as "better" -> "well" out.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Iterable

# Words never expanded: function words and words whose other forms mean something else.
FIXED = frozenset("""a an the and or but if of to in on at by for with from as is are was were be
been being has have had do does did not no nor so than that this these those it its he she they
we you i me him her them us our your their his my who whom which what when where why how all
any each every some more most other such only own same too very can will just should now
free release left better best worst news data media number lie lies lying lied""".split())


@functools.lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """form -> lemma, as spacy-lookups-data ships it for English (empty when not installed)."""
    try:
        from importlib.resources import files

        data = files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
        with data.open("rb") as raw, gzip.open(raw) as fh:
            return json.load(fh)
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return {}


@functools.lru_cache(maxsize=1)
def _families() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    forms: dict[str, list[str]] = {}
    lemmas = frozenset(table().values())
    for form, lemma in table().items():
        if form != lemma and form not in lemmas and form[:1] == lemma[:1] and " " not in form \
                and not _degree(form, lemma):
            forms.setdefault(lemma, []).append(form)
    return {k: tuple(sorted(v)) for k, v in forms.items()}, lemmas


def _degree(form: str, lemma: str) -> bool:
    """ "clearer", "greatest": comparison, not inflection."""
    return (form.endswith("er") or form.endswith("est")) and not lemma.endswith(("er", "est"))


def _regular(word: str, base: str) -> bool:
    return word.startswith(base[:-1] if len(base) > 3 else base)


def is_lemma(word: str) -> bool:
    """True when the lookup table lemmatises some word to ``word`` ("lay" for "laid")."""
    return word in _families()[1]


def lemma(word: str) -> str:
    """The lemma of a lower-case word (the word itself when the table does not know it)."""
    return table().get(word, word)


def forms(word: str) -> tuple[str, ...]:
    """``word`` and the other forms of its lemma (lower case), ``word`` first."""
    if word in FIXED or len(word) < 3 or not word.isalpha():
        return (word,)
    families, _ = _families()
    base = lemma(word)
    found = [word]
    if base != word and base[:1] == word[:1] and not _regular(word, base):
        # "sold" -> "sell", "stole" -> "steal"; but "cleared" stays off "clear" and "kicked"
        # off "kick": a participle written in a list says what was done, its bare verb may not
        found.append(base)
    found += [f for f in families.get(base, ()) if f != word]
    return tuple(dict.fromkeys(found))


def expand(phrase: str) -> list[str]:
    """``phrase`` and its variants with one word in another form ("sold the land" -> "sell the
    land", "selling the land", "sells the land"), ``phrase`` first."""
    words = phrase.split(" ")
    out = [phrase]
    for i, word in enumerate(words):
        for other in forms(word)[1:]:
            out.append(" ".join(words[:i] + [other] + words[i + 1:]))
    return list(dict.fromkeys(out))


def expand_all(phrases: Iterable[str]) -> list[str]:
    found: list[str] = []
    for phrase in phrases:
        found += expand(phrase)
    return list(dict.fromkeys(found))
