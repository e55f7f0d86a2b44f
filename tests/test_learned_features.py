"""The twelfth round's feature variants of the learned signal (lawcheck/speech/learned_features.py,
learned_build.VARIANTS "nb", "words-3", "chars"): each does what its name says, the NB
weighting's stored coefficients score as the classifier fitted on the scaled rows, the
pruning keeps each block's own share, and a study variant never writes the shipped artefact.
(tests/test_learned.py holds each variant's artefact to scikit-learn's scores.)"""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.sparse as sp

from lawcheck.speech import learned, learned_build
from lawcheck.speech import learned_features as lf


def test_the_log_count_ratio_on_hand_numbers():
    # three rows, two features; rows 0 and 1 positive. Binarised: feature 0 in rows 0, 1 (and
    # counted once each whatever its weight), feature 1 in rows 1, 2
    x = sp.csr_matrix(np.array([[0.5, 0.0], [2.0, 0.3], [0.0, 0.9]]))
    r = lf.nb_ratio(x, [1, 1, 0])
    p = np.array([1 + 2, 1 + 1])  # alpha 1 plus the positive rows holding each feature
    q = np.array([1 + 0, 1 + 1])
    assert r == pytest.approx(np.log((p / p.sum()) / (q / q.sum())))
    assert r[0] > 0 > r[1]  # a feature of the positives weighs up, one of the negatives down


def test_the_nb_coefficients_are_the_scaled_fit_times_r():
    """x . (coef * r) + b, what the artefact stores, is the decision of the classifier fitted
    on x scaled by r (the NB-SVM weighting), for each category."""
    rows = learned_build.read_rows()[::3]
    fitted = learned_build.fit(rows, variant="nb")
    texts = learned_build.documents(rows)
    x = fitted["word"].transform(texts)
    ours = learned_build.decision(fitted, texts)
    for c in learned.CATEGORIES:
        labels = learned_build._labels(rows, c)
        r = lf.nb_ratio(x, labels)
        again = learned_build._classifier(learned.C).fit(lf.scaled(x, r), labels)
        assert np.allclose(again.decision_function(lf.scaled(x, r)), ours[c], atol=1e-6)
        plain = learned_build._classifier(learned.C).fit(x, labels)
        assert not np.allclose(plain.coef_[0], fitted["models"][c].coef_[0], atol=1e-3)


def test_word_grams_up_to_three_only_when_asked():
    text = "The King sold the land"
    two = learned.grams(text)
    three = learned.grams(text, n=3)
    assert "the king sold" not in two and "king sold" in two
    assert three[:len(two)] == two and three[len(two):] == ["the king sold", "king sold the",
                                                            "sold the land"]
    assert learned.grams("a b", n=3) == [] and learned.grams("sold land", n=3) == \
        ["sold", "land", "sold land"]


def test_each_block_keeps_its_own_share():
    weight = np.array([0.1, 0.9, 0.5, 0.3, 0.8, 0.2, 0.7])
    assert lf.kept(weight, [3, 4], [2, 2]) == [[1, 2], [1, 3]]
    assert lf.kept(weight, [3, 4], [2, None]) == [[1, 2], [0, 1, 2, 3]]
    # one block: today's pruning, the stable sort of -weight
    assert lf.kept(weight, [7], [3]) == [sorted(np.argsort(-weight, kind="stable")[:3])]


def test_the_character_block_is_scikit_learns_char_wb_of_the_lowered_text():
    from lawcheck.speech.likeness import char_ngrams

    v = lf.char_vectoriser((3, 5))
    text = "The  KING's\tland — ça"
    assert v.build_analyzer()((text, ())) == char_ngrams(text)


def test_the_variants_are_mean_5_with_one_change_each():
    base = learned_build.VARIANTS["mean-5"]
    changed = {name: {k for k in set(v) | set(base) if v.get(k) != base.get(k)}
               for name, v in learned_build.VARIANTS.items() if name in ("nb", "words-3", "chars")}
    assert changed == {"nb": {"nb"}, "words-3": {"ngram", "keep"},
                       "chars": {"chars", "char_keep"}}
    assert learned_build.VARIANTS["words-3"]["keep"] == math.floor(1.5 * learned.KEEP)


@pytest.mark.parametrize("variant", ["nb", "words-3", "chars"])
def test_a_feature_variant_never_writes_the_shipped_artefact(variant, capsys):
    before = learned.ARTEFACT.read_bytes()
    with pytest.raises(SystemExit) as e:
        learned_build.main(["build", "--variant", variant, "--fit-half", "study"])
    assert e.value.code == 2 and "not the shipped one" in capsys.readouterr().err
    assert learned.ARTEFACT.read_bytes() == before
