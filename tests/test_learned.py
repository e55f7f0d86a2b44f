"""The learned statement signal (lawcheck/speech/learned.py): the shipped artefact is what the
build makes from the data, the runtime scores as scikit-learn does, cross-fitted scores never
come from a model that saw the statement, and the finding says what it rests on."""

from __future__ import annotations

import functools
import json
from datetime import date
from pathlib import Path

import pytest

from lawcheck.review.quality import Labelled, read_set
from lawcheck.review.reviewer import ReviewerSpec
from lawcheck.speech import learned, learned_build

DATA = Path(__file__).parent / "data"
TUNE = DATA / "real" / "tune.jsonl"
DEV = DATA / "statements-dev.jsonl"
# words of a 2015 Facebook post that led to a conviction, reworded and joined to a border claim
RISKY = ("Does anyone dare to launch a Color Revolution with me? I will change the vulgar regime. "
         "Brothers, rise up against the traitors who sold our land to Vietnam.")
KHMER = "ប្រជាពលរដ្ឋទាំងអស់ត្រូវចូលរួម។"


@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    db = tmp_path_factory.mktemp("learned") / "l.db"
    return ReviewerSpec(db=str(db), sync=True, as_of=date(2026, 12, 10)).build()


def item(text: str, **extra) -> Labelled:
    return Labelled("s1", text, "t", 1, date(2026, 12, 10), "facebook", None, frozenset(),
                    "domestic_ngo", **extra)


@functools.lru_cache(maxsize=1)
def _analyser():
    from lawcheck.speech import Analyser

    return Analyser()


def read(text: str):
    """The analyser's reading of ``text`` as review makes it (the screen, then bilingual.read)."""
    from lawcheck.speech.bilingual import read as bilingual_read
    from lawcheck.speech.script import screen

    return bilingual_read(_analyser(), screen(text), text)[1]


def learned_findings(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule"].startswith("kh.speech.learned.")]


def test_the_shipped_artefact_is_what_the_build_makes_from_the_data():
    """Rebuilt from the training files, the artefact is byte for byte the shipped one: a change
    to the data or the code without `python -m lawcheck.speech.learned_build build` fails here."""
    shipped = learned.ARTEFACT.read_text(encoding="utf-8")
    data = json.loads(shipped)
    for rel, digest in data["trained_on"].items():
        assert learned_build._sha256(learned.ROOT / rel) == digest, \
            f"{rel} changed since the artefact was built: run python -m lawcheck.speech.learned_build build"
    rows = learned_build.read_rows() + [r for r in learned_build.read_rows(learned.GUARD) if not r["expect"]]
    assert not data["acts"] or learned_build.read_hash(rows) == data["read_by"], \
        ("the analyser reads the training lines differently since the artefact was built (its "
         "acts are features): run python -m lawcheck.speech.learned_build build")
    assert learned_build.dumps(learned_build.build()) == shipped


def test_the_artefact_is_plain_data_with_its_provenance():
    data = json.loads(learned.ARTEFACT.read_text(encoding="utf-8"))
    assert set(data["models"]) == set(learned.CATEGORIES)
    assert data["sklearn"] and data["cv"]["tune"]["risky"] > 50
    assert len(data["word"]["vocab"]) == len(data["word"]["idf"]) <= learned.KEEP
    assert learned.ARTEFACT.stat().st_size < 1_000_000
    for case in data["cases"]:  # facts with sources, never the statement's text
        assert set(case) == {"id", "date", "outcome", "level", "title", "url", "categories",
                             "vector"}
        assert case["url"].startswith("http")


@functools.lru_cache(maxsize=1)
def acts_model():
    """A model built with lemmas and the analyser's acts as features (learned.LEMMAS and
    learned.ACTS, both off in the shipped one), on the training rows."""
    fitted = learned_build._rounded(learned_build.fit(learned_build.read_rows(), acts=True, lemmas=True))
    return fitted, learned.Learned(learned_build.to_data(fitted, {c: 0.0 for c in learned.CATEGORIES},
                                                   learned_build.read_rows()))


def test_the_runtime_scores_as_scikit_learn_does():
    """For the shipped kind of model and for one built with lemmas and the analyser's acts."""
    fitted, runtime = acts_model()
    texts = [RISKY, "", "We thank the Ministry of Health.", "Ça coûte — “quoted” words…",
             KHMER, "They sold the land; he sells it; we are selling our lands.",
             *[json.loads(line)["text"] for line in DEV.read_text().splitlines()[:40]]]
    documents = [(text, learned.reading(read(text))) for text in texts]
    assert sum(bool(acts) for _, acts in documents) > 5  # the analyser's acts are scored too
    expected = learned_build.decision(fitted, documents)
    for k, (text, acts) in enumerate(documents):
        got = runtime.decision(text, acts)
        for c in learned.CATEGORIES:
            assert got[c] == pytest.approx(expected[c][k], abs=1e-9), (text, c)
    # and the shipped numbers, put into scikit-learn's own objects, score as the runtime does
    shipped = learned.load()
    sk = _sklearn_of(shipped.data)
    if not shipped.acts:
        documents = [(text, ()) for text, _ in documents]
    expected = learned_build.decision(sk, documents)
    for k, (text, acts) in enumerate(documents):
        got = shipped.decision(text, acts)
        for c in learned.CATEGORIES:
            assert got[c] == pytest.approx(expected[c][k], abs=1e-9), (text, c)


@functools.lru_cache(maxsize=None)
def study_model(variant: str):
    """A study variant of the twelfth round (learned_build.VARIANTS: NB weighting, word
    1-3-grams, a character block) fitted on the training rows, and its artefact as the
    runtime reads it (through JSON, as a study's file is read)."""
    rows = learned_build.read_rows()
    fitted = learned_build._rounded(learned_build.fit(rows, variant=variant))
    data = learned_build.to_data(fitted, {c: 0.0 for c in learned.CATEGORIES}, rows)
    return fitted, learned.Learned(json.loads(learned_build.dumps(data)))


@pytest.mark.parametrize("variant", ["nb", "words-3", "chars"])
def test_a_study_variants_artefact_scores_as_scikit_learn_does(variant):
    """The runtime (one text, and a chunk through learned_batch) scores a study artefact of
    each twelfth-round variant as scikit-learn scores the fitted model, and the artefact
    carries what the runtime needs (longer grams, the character block) only when it has it."""
    from lawcheck.speech import learned_batch

    fitted, runtime = study_model(variant)
    texts = [RISKY, "", "We thank the Ministry of Health.", "Ça coûte — “quoted” words…",
             KHMER, "Hun Sen  HUN SEN hun sen, the the the", "x " * 300,
             *[json.loads(line)["text"] for line in DEV.read_text().splitlines()[:60]]]
    expected = learned_build.decision(fitted, [(text, ()) for text in texts])
    chunk = learned_batch.decide_many(runtime, texts)
    for k, text in enumerate(texts):
        got = runtime.decision(text)
        assert chunk[k] == got, (variant, text)  # the chunk path, float for float
        for c in learned.CATEGORIES:
            assert got[c] == pytest.approx(expected[c][k], abs=1e-9), (variant, text, c)
    assert runtime.ngram == (3 if variant == "words-3" else 2)
    assert (runtime.char is not None) == (variant == "chars")
    assert any(len(g.split()) == 3 for g in runtime.word_vocab) == (variant == "words-3")
    if variant == "chars":  # the block is read: without it the scores differ
        plain = learned.Learned({k: v for k, v in runtime.data.items() if k != "char"})
        assert plain.ngram == 2 and plain.char is None
        assert any(abs(plain.decision(t)[c] - runtime.decision(t)[c]) > 1e-3
                   for t in texts for c in learned.CATEGORIES)
    shipped = learned.load()  # the shipped artefact names neither: read as word 1-2-grams
    assert shipped.ngram == 2 and shipped.char is None
    assert "ngram_range" not in shipped.data and "char" not in shipped.data


def _sklearn_of(data: dict) -> dict:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    word = learned_build._vectoriser(data["word"]["vocab"], data["lemmas"])
    word.fit([("a placeholder", ())])  # the vocabulary is fixed; the IDF is set from the data
    word.idf_ = np.array(data["word"]["idf"])
    models = {}
    for c, m in data["models"].items():
        model = LogisticRegression()
        model.coef_ = np.array([m["coef"]])
        model.intercept_ = np.array([m["intercept"]])
        model.classes_ = np.array([0, 1])
        models[c] = model
    return {"word": word, "models": models, "acts": data["acts"], "lemmas": data["lemmas"]}


def test_the_runtime_does_not_import_scikit_learn():
    import subprocess
    import sys

    code = ("import sys; from lawcheck.speech import learned, Analyser; m = learned.load(); "
            "t = 'Soldiers, rise up and overthrow the regime that sold our land.'; "
            "assert learned.reading(Analyser().analyse(t)); m.signals(t, Analyser().analyse(t)); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_cross_fitted_scores_never_come_from_a_model_that_saw_the_statement():
    rows = {r["id"]: r for r in learned_build.read_rows()}
    items = read_set(TUNE)
    models = {id(i.learned) for i in items}
    assert len(models) == learned.FOLDS  # one model per fold, none the shipped one
    assert learned.load() not in {i.learned for i in items}
    for i in items:
        seen = i.learned.seen
        assert i.id not in seen
        # nor any line of the same event (its precedent or its source)
        assert not any(learned_build.group(rows[s]) == learned_build.group(rows[i.id]) for s in seen), i.id
        assert len(seen) > 0.7 * len(rows)
    assert all(i.learned is None for i in read_set(DEV))  # not trained on: the shipped model


def test_the_finding_names_the_words_and_the_closest_real_cases(reviewer):
    [signal] = [s for s in learned.load().signals(RISKY, read(RISKY))
                if s.category == "incitement"]
    [finding] = [f for f in learned_findings(reviewer.review(item(RISKY)))
                 if f["rule"] == "kh.speech.learned.incitement"]  # not the margin's level rule
    assert finding["severity"] == "medium" and finding["kind"] == "risk"
    why = finding["why"]
    assert "statistical resemblance" in why.lower()
    assert f"learned from {signal.trained_on} real published statements" in why
    assert signal.words and all(f'"{w}"' in why for w in signal.words)
    assert signal.cases and all(c.id in why and c.url in why for c in signal.cases)
    assert finding["where"]["spans"] and finding["where"]["flags"]


def test_benign_ngo_statements_from_dev_stay_clean(reviewer):
    model = learned.load()
    benign = [r for r in map(json.loads, DEV.read_text().splitlines()) if not r["expect"]]
    assert len(benign) > 100
    assert [r["id"] for r in benign if model.signals(r["text"], read(r["text"]))] == []
    text = next(r["text"] for r in benign if r["note"].startswith("hard negative"))
    assert reviewer.review(item(text))["result"] == "no findings"


def test_the_learned_rule_never_fires_on_text_the_analyser_could_not_read(reviewer):
    assert learned_findings(reviewer.review(item(RISKY)))  # the English words alone do fire
    for report in (reviewer.review(item(f"{RISKY} {KHMER}")),      # partly in Khmer script
                   reviewer.review(item(KHMER)),                   # wholly Khmer
                   reviewer.review(item(RISKY, language="km"))):   # said to be Khmer
        assert not learned_findings(report)


def test_a_broken_training_line_is_named_and_the_artefact_left_alone(tmp_path, monkeypatch,
                                                                     capsys):
    (tmp_path / "tests" / "data" / "real").mkdir(parents=True)
    for rel in learned.TRAINING + learned.GUARD:
        (tmp_path / rel).write_text((learned.ROOT / rel).read_text(encoding="utf-8"),
                                    encoding="utf-8")
    broken = tmp_path / learned.TRAINING[0]
    broken.write_text(broken.read_text(encoding="utf-8") + '{"id": "x", "text": \n',
                      encoding="utf-8")
    monkeypatch.setattr(learned_build, "ROOT", tmp_path)  # the build side reads the files
    out = tmp_path / "learned.json"
    out.write_text("kept", encoding="utf-8")
    assert learned_build.main(["build", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    lines = len(broken.read_text(encoding="utf-8").splitlines())
    assert f"{learned.TRAINING[0]}:{lines}" in err and "how to fix" in err
    assert "Traceback" not in err and out.read_text(encoding="utf-8") == "kept"


def test_a_statement_it_cannot_read_says_the_learned_signal_did_not_run(reviewer):
    said = "reads English only and was not computed"
    assert not any(said in c for c in reviewer.review(item(RISKY))["caveats"])
    for text in (KHMER, f"{RISKY} {KHMER}"):
        report = reviewer.review(item(text))
        assert any(said in c for c in report["caveats"]), text
        # the reason rides on the not_checked entries, so the formats that show what was not
        # checked say it too, not only JSON's caveats
        reasons = {n["rule"]: n.get("reason", "") for n in report["not_checked"]}
        assert all(said in reasons[f"kh.speech.learned.{c}"] for c in learned.CATEGORIES)


def test_the_text_and_html_reviews_say_the_learned_signal_did_not_run(reviewer):
    import io

    from lawcheck.report.review_page import HtmlWriter
    from lawcheck.report.writers import TextWriter

    said = "reads English only and was not computed"
    report = reviewer.review(item(KHMER))
    text = io.StringIO()
    TextWriter(text).write(item(KHMER), report)
    assert said in text.getvalue()
    page = io.StringIO()
    writer = HtmlWriter(page)
    writer.write(item(KHMER), report)
    writer.close()
    assert said in page.getvalue()


def test_scored_and_below_threshold_is_an_answer_not_scored_is_not_checked(reviewer):
    """An English statement the model scored below its thresholds has no learned finding and no
    'could not work out' entry; a Khmer one lists the learned rules as not checked."""
    english = reviewer.review(item("We thank the provincial health department for the clinic."))
    khmer = reviewer.review(item(KHMER))
    rules = {f"kh.speech.learned.{c}" for c in learned.CATEGORIES}
    assert not rules & {n["rule"] for n in english["not_checked"]}
    assert rules <= {n["rule"] for n in khmer["not_checked"]}


def test_the_words_a_finding_names_are_words_a_reader_can_act_on():
    """Function words alone are not named, a pair replaces the single word it holds, and a gram
    adds nothing when its other words are named already; at most TOP_WORDS, heaviest first."""
    grams = ["hun", "hun sen", "sen", "sen is", "do", "do not", "not", "dictator", "obey",
             "him", "obey him", "the regime", "regime", "traitor", "land"]
    assert learned.shown_words(grams) == ("hun sen", "dictator", "obey", "the regime", "traitor")
    assert learned.shown_words(["do", "is", "do not"]) == ()
    # past the limit, a pair still replaces the word it holds; a pair that only adds a function
    # word ("stand up") adds nothing to what is named
    assert learned.shown_words(["sell", "police", "stand", "sell land"], limit=2) == \
        ("sell land", "police")
    assert learned.shown_words(["stand", "police", "stand up"], limit=2) == ("stand", "police")


def test_every_form_of_a_word_counts_as_its_lemma_and_the_finding_names_the_form_written():
    """With learned.LEMMAS, "sold", "sells" and "selling" are one feature ("sell"), in the fast
    path as in the plain grams; the words a finding names are those the statement writes, so its
    spans find them. Without (the shipped model), each form is its own word."""
    model = acts_model()[1]
    assert learned.grams("They sold the lands", lemmas=True) == [
        "they", "sell", "the", "land", "they sell", "sell the", "the land"]
    assert learned.grams("They sold the lands", lemmas=False) == [
        "they", "sold", "the", "lands", "they sold", "sold the", "the lands"]
    assert model.decision("They sold the lands") == model.decision("They sell the land")
    text = "Hun Sen sold our land to Vietnam; the traitors sold the border."
    [*found] = model.signals(text, read(text))
    words = {w for s in found for w in s.words}
    assert found and words and all(w in text.lower() for w in words)
    assert "sold" in " ".join(words) or "traitors" in " ".join(words)
    shipped = learned.load()
    assert not shipped.lemmas and shipped.data["params"]["grams"] == "word 1-2-grams"


def test_the_analysers_acts_are_features_and_an_act_moves_the_score():
    """A speech act the analyser finds is a token of the model: the same words score otherwise
    without it, and a model built with them (learned.ACTS) holds act tokens."""
    model = acts_model()[1]
    text = "Soldiers, rise up and overthrow the regime."
    acts = learned.reading(read(text))
    assert "act:calls=overthrow" in acts
    assert any(g.startswith("act:calls=") for g in model.word_vocab)
    assert model.decision(text, acts)["incitement"] > model.decision(text)["incitement"]
    assert learned.reading(None) == ()
    with pytest.raises(ValueError, match="pass the statement's analysis"):
        model.signals(text)  # such a model never scores a statement without its reading
    # a negated or questioned act carries its mode, and only a counted one goes without it
    assert all(a.count(":") == 2 or a.rsplit(":", 1)[-1] not in ("question", "negated")
               for a in acts)


def test_the_fast_score_with_acts_is_the_plain_sum_over_the_grams():
    """decision(text, acts) equals the plain computation over grams(text, acts) looked up as
    joined strings, float for float (tests/test_speed_paths.py holds the words-only case)."""
    import math

    model = acts_model()[1]
    names = tuple(model.models)
    for text in [RISKY, "Join us at the provincial hall to demand justice. Do not vote.",
                 *[json.loads(line)["text"] for line in TUNE.read_text().splitlines()[:60]]]:
        acts = learned.reading(read(text))
        counts: dict[str, int] = {}
        for gram in learned.grams(text, acts, model.lemmas):
            if gram in model.word_vocab:
                counts[gram] = counts.get(gram, 0) + 1
        squares, sums = 0.0, [0.0] * len(names)
        for gram, count in counts.items():
            j = model.word_vocab[gram]
            tf = 1.0 + math.log(count) if count > 1 else 1.0
            squares += tf * tf * model.word_idf[j] ** 2
            for k, c in enumerate(names):
                sums[k] += tf * (model.models[c]["coef"][j] * model.word_idf[j])
        norm = math.sqrt(squares) or 1.0
        want = {c: sums[k] / norm + model.models[c]["intercept"] for k, c in enumerate(names)}
        assert model.decision(text, acts) == want, text


def test_the_curve_of_caught_against_benign_flagged_is_stored():
    data = json.loads(learned.ARTEFACT.read_text(encoding="utf-8"))
    curve = data["cv"]["curve"]
    assert [p["allowed"] for p in curve] == list(learned.CURVE)
    assert all(p["flagged"] <= p["allowed"] for p in curve)
    assert [p["caught"] for p in curve] == sorted(p["caught"] for p in curve)
    shipped = next(p for p in curve if p["allowed"] == learned.MAX_FALSE)
    assert shipped["caught"] == data["cv"]["tune"]["caught"]
