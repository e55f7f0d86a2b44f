"""Issue 13 (speed): each fast path of the statement analyser and the learned scorer gives
exactly what the plain way gives (the same floats bit for bit, the same words)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from lawcheck.speech import learned
from tests.statement_texts import benchmark_statements, set_texts

EDGES = ["", "a", "a b", "the the the the", "Ça coûte — “quoted” words…",
         "ប្រជាពលរដ្ឋទាំងអស់ត្រូវចូលរួម។", "Corrupt corrupt CORRUPT thief thief! Thieves, traitors.",
         "The government sold the border land. The government sold the border land again."]


def _texts(limit_per_file: int = 400) -> list[str]:
    return list(EDGES) + set_texts(limit_per_file) + benchmark_statements(3, 300)


def _decision_reference(model, text: str) -> dict[str, float]:
    """Learned.decision as first written: every n-gram (learned.grams: lemma words and pairs)
    looked up as a joined string and summed in order of first appearance (the fast path must
    give the same floats)."""
    names = tuple(model.models)
    table = {g: (model.word_idf[j] ** 2, *(m["coef"][j] * model.word_idf[j]
                                          for m in model.models.values()))
             for g, j in model.word_vocab.items()}
    counts: dict[str, int] = {}
    for gram in learned.grams(text):
        if gram in table:
            counts[gram] = counts.get(gram, 0) + 1
    squares = 0.0
    sums = [0.0] * len(names)
    for gram, count in counts.items():
        row = table[gram]
        tf = 1.0 + math.log(count) if count > 1 else 1.0
        squares += tf * tf * row[0]
        for k in range(len(names)):
            sums[k] += tf * row[k + 1]
    norm = math.sqrt(squares) or 1.0
    return {c: sums[k] / norm + model.models[c]["intercept"] for k, c in enumerate(names)}


def test_the_fast_learned_score_is_the_reference_score_bit_for_bit():
    model = learned.load()
    assert model is not None
    texts = _texts()
    assert len(texts) > 500
    passed = 0
    for text in texts:
        fast, slow = model.decision(text), _decision_reference(model, text)
        assert list(fast) == list(slow) and fast == slow, text  # ==, not approx
        passed += any(fast[c] >= m["threshold"] for c, m in model.models.items())
    assert passed > 0  # the set holds statements the signal fires on, not only quiet ones


@pytest.mark.parametrize("keep", [("incitement",), ("incitement", "defamation", "incitement")])
def test_the_fast_learned_score_holds_for_other_numbers_of_categories(keep):
    data = json.loads(learned.ARTEFACT.read_text(encoding="utf-8"))
    models = {}
    for k, name in enumerate(keep):  # one category, or three (a copy under another name)
        models[f"{name}-{k}"] = data["models"][name]
    model = learned.Learned({**data, "models": models})
    for text in _texts(100):
        fast, slow = model.decision(text), _decision_reference(model, text)
        assert list(fast) == list(slow) and fast == slow, text


def test_one_word_name_markers_are_those_the_phrase_tables_hold():
    from lawcheck.speech import Analyser
    from lawcheck.speech.targets import _LEADER, _OFFICIAL, _name_words

    markers = Analyser().pipeline.markers
    suffixes, titles, ranks = _name_words(markers)
    assert _name_words(markers)[0] is suffixes  # read once per pipeline
    words = {w for group in markers.values() for w in group} | {"co", "dr", "samdech", "x"}
    for word in words:
        assert (word in suffixes) == ((word,) in markers["company-suffix"].get(word, ()))
        assert (word in titles) == ((word,) in markers["person-title"].get(word, ()))
        groups = [(markers.get("leader-title", {}), _LEADER),
                  (markers.get("office-title", {}), _OFFICIAL)]
        want = next((e for g, e in groups if (word,) in g.get(word, ())), None)
        assert ranks.get(word) == want, word
    assert suffixes and titles and ranks


def _vector_reference(grams, vocab, idf):
    """likeness.vector as first written (a generator with a membership test per gram)."""
    import math
    from collections import Counter

    counts = Counter(vocab[g] for g in grams if g in vocab)
    weights = {j: (1.0 + math.log(c)) * idf[j] for j, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {j: v / norm for j, v in weights.items()} if norm else {}


def test_the_likeness_vector_is_the_reference_vector():
    from lawcheck.speech import likeness
    from lawcheck.speech.likeness import char_ngrams, vector, word_ngrams

    model = learned.load()
    for text in _texts(150):
        for grams, vocab, idf in [(word_ngrams(text), model.word_vocab, model.word_idf)]:
            got, want = vector(grams, vocab, idf), _vector_reference(grams, vocab, idf)
            assert list(got.items()) == list(want.items()), text
        grams = char_ngrams(text)
        vocab = {g: k for k, g in enumerate(sorted(set(grams))[::3])}
        idf = tuple(1.0 + k / 7 for k in range(len(vocab)))
        assert list(vector(grams, vocab, idf).items()) == \
            list(_vector_reference(grams, vocab, idf).items())
    assert likeness.vector([], {}, ()) == {}


def test_the_act_rank_is_made_once_and_is_the_file_order():
    from lawcheck.speech import Analyser
    from lawcheck.speech.acts import _rank

    kinds = Analyser().pipeline.lexicon.acts
    assert _rank(kinds) == {kind.id: k for k, kind in enumerate(kinds)}
    assert _rank(kinds) is _rank(kinds)
    other = kinds[:3]
    assert _rank(other) == {kind.id: k for k, kind in enumerate(other)}


def _char_ngrams_reference(text: str) -> list[str]:
    """likeness.char_ngrams as first written (offsets stepped one by one)."""
    from lawcheck.speech.likeness import _WHITE, CHAR_NGRAMS

    text = _WHITE.sub(" ", text.lower())
    grams = []
    lo, hi = CHAR_NGRAMS
    for w in text.split():
        w = f" {w} "
        size = len(w)
        for n in range(lo, hi + 1):
            offset = 0
            grams.append(w[offset:offset + n])
            while offset + n < size:
                offset += 1
                grams.append(w[offset:offset + n])
            if offset == 0:
                break
    return grams


def test_char_ngrams_are_the_reference_grams_in_order():
    from lawcheck.speech.likeness import char_ngrams

    for text in _texts(150) + ["a", "ab", "abc", "abcd", "a bc def ghij", "  x  ", "é ü"]:
        assert char_ngrams(text) == _char_ngrams_reference(text), text


def test_the_leak_check_still_finds_a_statement_line_in_the_blob():
    from lawcheck.audit.recorder import _leaks

    text = "Villagers say the police beat Sok Dara in Takeo.\nSecond line of the statement here."
    blob = b'{"findings": [{"where": {"excerpt": "Second line of the statement here."}}]}'
    assert _leaks(blob, text, {"findings": []})
    assert _leaks(blob.replace(b"Second", b"Other"), text, {"findings": []}) is False
    one = "A one-line statement long enough to count"
    assert _leaks(f'{{"x": "{one}"}}'.encode(), one, {"findings": []})


def _longest_reference(spans, doc=None):
    """acts._longest as first written: longest first, a span opening with "the" after one of
    the same length that does not, then by start; each kept unless it shares a word."""
    kept, taken = [], set()
    for span in sorted(spans, key=lambda s: (s[0] - s[1],
                                             doc is not None and doc[s[0]].lower_ == "the",
                                             s[0])):
        tokens = range(span[0], span[1])
        if not taken.intersection(tokens):
            kept.append(span)
            taken.update(tokens)
    return sorted(kept, key=lambda s: s[0])


def test_longest_keeps_what_the_reference_keeps():
    """acts._longest returns spans that share no word at once (the commonest case); with any
    overlap, duplicate or empty span it must still be the reference, element for element (the
    same objects, in the same order), also when a tie is broken by "the"."""
    import random

    import spacy

    from lawcheck.speech import acts

    doc = spacy.blank("en")("the police chief of the Phnom Penh Municipal Court and the the")
    rng = random.Random(13)
    checked = fast = 0
    for _ in range(4000):
        spans = []
        for k in range(rng.randint(0, 6)):
            start = rng.randint(0, len(doc) - 1)
            spans.append((start, min(len(doc), start + rng.randint(0, 4)), f"entry{k}"))
        for with_doc in (doc, None):
            got = acts._longest(list(spans), with_doc)
            want = _longest_reference(list(spans), with_doc)
            assert got == want and all(a is b for a, b in zip(got, want)), spans
            checked += 1
        fast += all(a[0] < a[1] <= b[0] for a, b in zip(sorted(spans), sorted(spans)[1:]))
    assert checked == 8000 and 400 < fast < 3900  # both ways taken many times


def test_the_token_pattern_finds_what_sklearns_finds():
    """likeness._TOKEN drops sklearn's \\b (issue 13, speed): findall and fullmatch must give
    the same words as sklearn's own pattern on every text the analyser is measured on, and on
    one-letter words, digits, underscores, apostrophes, accents and Khmer."""
    import re

    from lawcheck.speech import likeness

    sklearn = re.compile(likeness.SKLEARN_TOKEN)
    khmer = Path(__file__).parent / "data" / "khmer" / "tune.jsonl"
    texts = _texts(None) + [json.loads(line)["text"] for line in
                            khmer.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["a b cd e_f g1 2 34 don't l'état naïve ÇA Ab_ _", "x", "xy",
                            "ប្រជាពលរដ្ឋ ក ខគ", "a\u200bbc de\u0301f"]
    words = 0
    for text in texts + [t.lower() for t in texts]:
        found = likeness._TOKEN.findall(text)
        assert found == sklearn.findall(text), text
        words += len(found)
        for word in found + text.split():
            assert bool(likeness._TOKEN.fullmatch(word)) == bool(sklearn.fullmatch(word)), word
    assert words > 50000
