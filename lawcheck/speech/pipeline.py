"""The spaCy side of the analyser: one tokenizer and one PhraseMatcher over every lexicon name and
cue, built once per process for each lexicon content (and model) and then reused.

Only this module imports spaCy, and only when a pipeline is first built, so ``lawcheck --help``
stays fast. Context words (negation, attribution …) are not in the matcher: they are common, and
are only looked at in the few sentences that hold a cue (see context.py).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from lawcheck.errors import InputError
from lawcheck.speech import gaps
from lawcheck.speech.gaps import is_gapped
from lawcheck.speech.lemmas import expand_all
from lawcheck.speech.lexicon import ActKind, Entry, Lexicon
from lawcheck.speech.sentiment import negative_words

_CACHE: dict[tuple[str, str | None], "Pipeline"] = {}
# the facts whose cues match in every form of their words (claims about someone or something);
# calls and the other marker groups match as written
INFLECTED = ("statement.accuses", "statement.insults", "statement.party_stance")
# claims about a judge inflect; demands about a case do not ("the court released him" reports)
INFLECTED_KINDS = ("judge",)
INFLECTED_GROUPS = ("attribution", "negation")
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Pipeline:
    nlp: object                       # spacy Language
    matcher: object                   # spacy PhraseMatcher on LOWER
    entities: dict[int, Entry]        # match key -> lexicon entry
    cues: dict[int, tuple[ActKind, bool]]   # match key -> (act kind, is a strong cue)
    neutral: int                      # match key of the neutral phrases
    markers: dict[str, dict[str, tuple[tuple[str, ...], ...]]]  # group -> first word -> phrases
    lexicon: Lexicon
    uses_model: bool                  # a trained pipeline runs (for its PERSON/ORG entities)
    # act kind id -> its own cue phrases (lower case, every form), for kinds that also take
    # VADER's words: a word the adviser listed is a stance however it is linked to its target
    listed: dict = None
    # the cues written with " ... " (gaps.GapMatcher, None when none): acts.analyse_doc adds
    # their hits to the PhraseMatcher's
    gap_matcher: object = None


def get_pipeline(lexicon: Lexicon, model: str | None = None) -> Pipeline:
    key = (lexicon.digest, model)
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _build(lexicon, model)
        return _CACHE[key]


def _load_nlp(model: str | None):
    import spacy

    if model is None:
        return spacy.blank("en")
    try:
        # the analyser reads only entities from a trained pipeline; the rest would cost time
        return spacy.load(model, exclude=["parser", "lemmatizer", "textcat"])
    except OSError:
        raise InputError(
            f"the spaCy model {model!r} is not installed",
            fix=f"install it with `python -m pip install {model}` (a wheel file works offline), "
                "or leave the model out: the default analyser needs no trained model",
            code="LC335") from None


# spaCy's English tokenizer keeps "Sen." (Senator) as one word, so "… dictator Hun Sen." at the
# end of a sentence hid the name and ran the sentence on into the next one
NAME_NOT_ABBREVIATION = ("Sen.",)


def _drop_name_abbreviations(tokenizer) -> None:
    rules = tokenizer.rules or {}
    if any(word in rules for word in NAME_NOT_ABBREVIATION):
        tokenizer.rules = {k: v for k, v in rules.items() if k not in NAME_NOT_ABBREVIATION}


def _build(lexicon: Lexicon, model: str | None) -> Pipeline:
    from spacy.matcher import PhraseMatcher

    nlp = _load_nlp(model)
    _drop_name_abbreviations(nlp.tokenizer)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    tokenizer = nlp.tokenizer
    strings = nlp.vocab.strings

    def add(key: str, phrases) -> int:
        # the tokenizer splits "don't" but not "DON'T": a banner in capitals needs its own form
        matcher.add(key, [tokenizer(p) for p in phrases]
                    + [tokenizer(p.upper()) for p in phrases if "'" in p or "’" in p])
        return strings[key]

    # an entry's WordNet words (lexicon.Entry.wordnet) in every form: "magistrates" too
    entities = {add(f"entity|{e.id}", list(e.names) + [w for w in expand_all(e.wordnet)
                                                        if w not in e.names]): e
                for e in lexicon.entries}
    cues: dict[int, tuple[ActKind, bool]] = {}
    listed: dict[str, frozenset[str]] = {}
    for act in lexicon.acts:
        # every form of a claim's words: "lie" matches "lying" and "lied" (lemmas.py); calls
        # keep the forms written, since "rallied" or "toppled" report a past act, not a call
        grow = expand_all if act.fact in INFLECTED or act.id in INFLECTED_KINDS else list
        words = grow([c for c in act.cues if not is_gapped(c)])
        if act.sentiment is not None:
            listed[act.id] = frozenset(words)
            sympathy = lexicon.markers.get("sympathy")
            words += negative_words(act.sentiment, expand_all(sympathy.phrases) if sympathy
                                    else ())
        # the words of the kind's WordNet senses (wordnet_build.py), after `listed`, so a kind
        # that reads a target's reach holds them to it. WordNet gives base forms: a claim's
        # words match in every form ("relinquished", "handed over"), where an adviser writes
        # the forms of a territory claim by hand; a call's stay as given ("toppled" reports)
        words += (list if act.fact == "statement.calls" else expand_all)(list(act.wordnet))
        if words:
            cues[add(f"cue|{act.id}", list(dict.fromkeys(words)))] = (act, False)
        strong = [c for c in act.strong if not is_gapped(c)]
        if strong:
            cues[add(f"strong|{act.id}", grow(strong))] = (act, True)
    neutral = add("neutral", expand_all(lexicon.markers["neutral"].phrases))
    markers: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for name, group in lexicon.markers.items():
        by_first: dict[str, list[tuple[str, ...]]] = {}
        phrases = expand_all(group.phrases) if name in INFLECTED_GROUPS else group.phrases
        for phrase in phrases:
            words = tuple(t.lower_ for t in tokenizer(phrase))
            by_first.setdefault(words[0], []).append(words)
        markers[name] = {first: tuple(sorted(ws, key=len, reverse=True))
                         for first, ws in by_first.items()}
    return Pipeline(nlp, matcher, entities, cues, neutral, markers, lexicon, model is not None,
                    listed, gaps.build(nlp, lexicon.acts))
