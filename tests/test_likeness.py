"""Precedent likeness (lawcheck/speech/likeness.py): TF-IDF fitted by scikit-learn on the
precedent quotes, applied at run time without importing scikit-learn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from lawcheck.speech import analyse, likeness


@dataclass(frozen=True)
class Did:
    quote: str | None
    quote_language: str | None = "en"


@dataclass(frozen=True)
class Fake:
    id: str
    did: Did
    level: str = "critical"
    categories: tuple = ("incitement",)
    date: date = date(2015, 8, 21)

    def one_line(self) -> str:
        return f"{self.date.year}: {self.id}"


BASE = (
    Fake("2015-colour", Did("Who dares to launch the colour revolution with me? Someday I will "
                            "launch the colour revolution to change this contemptible regime.")),
    Fake("2019-king", Did("The useless dog king sits in the palace and signs whatever he is told."),
         categories=("lese-majeste",)),
    Fake("2020-border", Did("Villagers told us that border posts were moved and they lost their "
                            "rice fields to the neighbouring country."),
         categories=("incitement", "security")),
    Fake("2021-none", Did(None)),
    Fake("2022-khmer", Did("ខ្លឹមសារ", "km")),
)


def test_runtime_vectors_equal_scikit_learns():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [p.did.quote for p in BASE[:3]]
    model = likeness.fit(BASE)
    sample = "Launch the colour revolution now; the regime's border posts were moved!"
    for analyzer, ngrams, vocab, idf, grams in (
            ("word", likeness.WORD_NGRAMS, model.word_vocab, model.word_idf,
             likeness.word_ngrams),
            ("char_wb", likeness.CHAR_NGRAMS, model.char_vocab, model.char_idf,
             likeness.char_ngrams)):
        fitted = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True)
        fitted.fit(texts)
        row = fitted.transform([sample])
        expected = {int(j): float(v) for j, v in zip(row.indices, row.data)}
        got = likeness.vector(grams(sample), vocab, idf)
        assert got.keys() == expected.keys()
        assert all(abs(got[j] - expected[j]) < 1e-9 for j in got)


def test_only_english_quotes_are_fitted():
    assert likeness.fit(BASE).ids == ("2015-colour", "2019-king", "2020-border")


def test_a_close_statement_names_its_precedent_and_similarity():
    model = likeness.Likeness(likeness.fit(BASE))
    found = model.matches("Who dares join me to launch a colour revolution and change this "
                          "contemptible regime?")
    assert [m.id for m in found] == ["2015-colour"]
    assert likeness.THRESHOLD <= found[0].similarity <= 1
    assert likeness.fact_values(found) == ["incitement"]
    # the item's own precedent can be left out (the quality benchmark does)
    assert model.matches("Who dares to launch the colour revolution with me?",
                         exclude={"2015-colour"}) == []


@pytest.mark.parametrize("text", [
    "Our team trained 40 farmers on rice seed selection in Takeo this month.",
    "We call for free and fair elections and thank the National Election Committee.",
    "The colour of the new school building was chosen by the students.",
])
def test_unrelated_statements_match_nothing(text):
    assert likeness.Likeness(likeness.fit(BASE)).matches(text) == []


def test_only_statements_with_an_act_or_a_sensitive_name_are_compared():
    assert not likeness.candidate(analyse("We planted 300 trees with the commune on Sunday."))
    assert likeness.candidate(analyse("The King visited the flooded district."))
    assert likeness.candidate(analyse("Everyone must join the march on Sunday."))


def test_the_model_is_fitted_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path))
    likeness._LOADED.clear()
    first = likeness.load(BASE)
    files = list((tmp_path / "cache").glob("likeness-*.pickle"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o077 == 0
    likeness._LOADED.clear()
    assert likeness.load(BASE).model == first.model
    likeness._LOADED.clear()


def test_a_review_reports_the_likeness_as_a_risk_finding_naming_the_precedent(tmp_path):
    from lawcheck.review.quality import Labelled
    from lawcheck.review.reviewer import ReviewerSpec

    reviewer = ReviewerSpec(db=str(tmp_path / "l.db"), sync=True).build()
    text = ("Who dares to launch the colour revolution with me? Someday in the future I will "
            "launch the colour revolution to change this contemptible regime.")
    item = Labelled("s1", text, "t", 1, date(2026, 12, 1), "facebook", None, frozenset(),
                    "domestic_ngo")
    found = [f for f in reviewer.review(item)["findings"]
             if f["rule"] == "kh.speech.precedent.likeness.incitement"]
    assert len(found) == 1 and found[0]["kind"] == "risk"
    best = found[0]["precedents"][0]
    assert best["id"] == "2015-kong-raiya-colour-revolution-post"
    assert best["similarity"] >= likeness.THRESHOLD
    flag = found[0]["where"]["flags"][0]
    assert best["id"] in flag["suggestion"] and text[slice(*flag["span"])] == flag["text"]
    assert f"similarity {best['similarity']:.2f}" in flag["suggestion"]
    # measured without its own event, as the quality benchmark does, it is not found
    alone = Labelled("s1", text, "t", 1, date(2026, 12, 1), "facebook", None, frozenset(),
                     "domestic_ngo", exclude_precedents=(best["id"],))
    assert all(not f["rule"].startswith("kh.speech.precedent.likeness")
               for f in reviewer.review(alone)["findings"])


def test_the_remembered_word_grams_give_the_same_vector_float_for_float(monkeypatch):
    """Likeness.char_vector (each word's gram columns kept per process, issue 13 speed) is
    vector(char_ngrams(text)) bit for bit, in the same key order: on the labelled sets, the
    Khmer tuning set and the benchmark's statements, also after the memo was cleared."""
    import json
    from pathlib import Path

    from tests.statement_texts import benchmark_statements, set_texts

    khmer = Path(__file__).parent / "data" / "khmer" / "tune.jsonl"
    texts = set_texts() + [json.loads(line)["text"] for line in
                           khmer.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += benchmark_statements(7, 1500) + ["", "  a\tb\n\nc  ", "x", "Ab ab AB ab."]
    model = likeness.load()
    fresh = likeness.Likeness(model.model)
    monkeypatch.setattr(likeness, "WORD_MEMO", 500)  # clears many times over these texts
    for text in texts:
        plain = likeness.vector(likeness.char_ngrams(text), model.model.char_vocab,
                                model.model.char_idf)
        remembered = fresh.char_vector(text)
        assert list(remembered.items()) == list(plain.items()), text
    assert 0 < len(fresh._columns) <= 500
