"""Issue 13 (speed), session s29: the likeness's vector arithmetic by map and a table of
sublinear term frequencies gives the floats the plain formulas give, bit for bit, on every
labelled text and on the benchmark's statements (the similarity is rounded only at the end,
so a last-bit difference could still move a match across the threshold)."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from lawcheck.speech import likeness
from tests.statement_texts import benchmark_statements, set_texts


def plain_weighted(counts: Counter, idf) -> dict[int, float]:
    counts.pop(None, None)
    weights = {j: (1.0 + math.log(c)) * idf[j] for j, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {j: v / norm for j, v in weights.items()} if norm else {}


def plain_dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(j, 0.0) for j, v in a.items())


@pytest.fixture(scope="module")
def model():
    found = likeness.load()
    if not found.model.ids:
        pytest.fail("the shipped precedent base gave no quotes to compare with")
    return found


def test_vectors_and_cosines_are_the_plain_floats(model):
    m = model.model
    texts = set_texts() + benchmark_statements(61, 1500)
    # a text that repeats a word past the table's end (256) takes the formula's own branch
    texts.append("court " * 300 + "the verdict was bought")
    compared = 0
    for text in texts:
        word_counts = Counter(map(m.word_vocab.get, likeness.word_ngrams(text)))
        char_counts = Counter(map(m.char_vocab.get, likeness.char_ngrams(text)))
        words = likeness._weighted(Counter(word_counts), m.word_idf)
        chars = likeness._weighted(Counter(char_counts), m.char_idf)
        assert words == plain_weighted(Counter(word_counts), m.word_idf)
        assert chars == plain_weighted(Counter(char_counts), m.char_idf)
        assert chars == model.char_vector(text)
        for k in range(len(m.ids)):
            assert likeness._dot(words, m.quotes_words[k]) == plain_dot(words, m.quotes_words[k])
            assert likeness._dot(chars, m.quotes_chars[k]) == plain_dot(chars, m.quotes_chars[k])
            compared += 1
    assert compared > 10000


def test_matches_score_with_the_plain_floats(model, monkeypatch):
    """The whole comparison, with the plain formulas patched in: the same matches, on the
    labelled and benchmark texts and on the precedents' own quotes in a statement."""
    from lawcheck.precedents import load_precedents

    quotes = [p.did.quote for p in load_precedents() if getattr(p.did, "quote", None)]
    texts = set_texts() + benchmark_statements(67, 1500) + quotes + [
        f"Our members said this week that {q[:1].lower()}{q[1:]} We stand by them." for q in quotes]
    fast = [model.matches(t) for t in texts]
    monkeypatch.setattr(likeness, "_weighted", plain_weighted)
    monkeypatch.setattr(likeness, "_dot", plain_dot)
    model._columns.clear()  # the word memo holds columns, not floats; cleared all the same
    assert fast == [model.matches(t) for t in texts]
    assert sum(bool(f) for f in fast) > 40
