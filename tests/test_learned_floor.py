"""The floor study's variants (issue 13, twelfth round; lawcheck/speech/learned_build.py,
"floor"): which hand-written benign lines the learned thresholds may not fall to. "all" is the
shipped floor (dev and train), "dev" the dev lines alone (never trained on), "none" no floor, the
real tuning lines' count rule alone. The shipped artefact's rebuild (tests/test_learned.py)
holds "all" byte for byte."""

from __future__ import annotations

import math
import random

import pytest

from lawcheck.speech import learned, learned_build
from tests.test_learned_draws import rows_of  # the same synthetic rows

TUNE, OTHER = learned.TRAINING
CATS = learned.CATEGORIES


def draws_of(rows, seed: int, n: int = 5):
    rng = random.Random(seed)
    return [([0] * len(rows),
             {c: [rng.gauss(0.8 if c in r["expect"] else 0.0, 0.4) for r in rows] for c in CATS},
             {c: rng.uniform(-0.5, 0.5) for c in CATS}) for _ in range(n)]


def full_of(rows, guard: list[float]) -> dict:
    """The full model's scores: the fit's benign lines (tune and train), then the dev lines."""
    own = sum(not r["expect"] for r in rows)
    return {c: [0.9] * own + guard for c in CATS}


def test_the_variants_change_the_floor_only():
    base, words = learned_build.VARIANTS["mean-5"], learned_build.VARIANTS["words-3"]
    assert "floor" not in base and "floor" not in words  # the shipped and twelfth-round ones
    for name, parent, kind in (("dev-floor", base, "dev"), ("no-floor", base, "none"),
                               ("words-3-dev-floor", words, "dev"),
                               ("words-3-no-floor", words, "none")):
        v = learned_build.VARIANTS[name]
        assert {k for k in set(v) | set(parent) if v.get(k) != parent.get(k)} == {"floor"}
        assert v["floor"] == kind and kind in learned_build.FLOORS


@pytest.mark.parametrize("seed", range(3))
def test_all_is_the_shipped_floor_and_dev_reads_the_dev_lines_alone(seed):
    rows = rows_of(30, 10)
    drawn = draws_of(rows, seed)
    guard = [-0.3, 0.1, -0.7]
    full = full_of(rows, guard)
    assert learned_build.floor_of(rows, drawn, full) == \
        learned_build.floor_of(rows, drawn, full, "all", len(guard))
    dev = learned_build.floor_of(rows, drawn, full, "dev", len(guard))
    for c in CATS:
        # the fit's own benign lines (0.9 by the full model here) and the train lines' out of
        # fold scores are left out: the dev lines' full-model top, or the fold models' average
        want = max(0.1, sum(g[c] for _, _, g in drawn) / len(drawn)) + 1e-6
        assert dev[c] == pytest.approx(want)
        assert dev[c] < 0.9 < learned_build.floor_of(rows, drawn, full)[c]


def test_a_high_train_line_raises_all_but_not_dev():
    rows = rows_of(20, 6)
    train = next(i for i, r in enumerate(rows) if r["_file"] == OTHER)
    drawn = draws_of(rows, 4)
    for _, scores, _ in drawn:
        scores[CATS[0]][train] = 3.0
    full = {c: [-1.0] * (sum(not r["expect"] for r in rows) + 2) for c in CATS}
    assert learned_build.floor_of(rows, drawn, full, "all", 2)[CATS[0]] == \
        pytest.approx(3.0 + 1e-6)
    assert learned_build.floor_of(rows, drawn, full, "dev", 2)[CATS[0]] < 0.6


@pytest.mark.parametrize("seed", range(6))
def test_no_floor_lets_the_count_rule_alone_decide(seed):
    """With no floor the thresholds are those of a floor below every score (the rule's count on
    the tune benign lines alone), and the count holds."""
    rng = random.Random(seed)
    rows = rows_of(40, 16)
    scores = {c: [rng.gauss(0.5 if c in r["expect"] else 0.0, 0.4) for r in rows] for c in CATS}
    none = learned_build.floor_of(rows, [([0] * len(rows), scores, {c: 9.0 for c in CATS})],
                                  {c: [9.0] for c in CATS}, "none", 1)
    assert none == dict.fromkeys(CATS, -math.inf)
    low = dict.fromkeys(CATS, min(min(s) for s in scores.values()) - 1.0)
    benign = [i for i, r in enumerate(rows) if r["_file"] == TUNE and not r["expect"]]
    for max_false in (0, 1, 2, 4):
        t = learned_build.choose(rows, scores, none, max_false)
        assert t == learned_build.choose(rows, scores, low, max_false)
        assert sum(any(scores[c][i] >= t[c] for c in CATS) for i in benign) <= max_false
        assert all(math.isfinite(v) for v in t.values())


def test_no_floor_without_benign_tune_lines_still_gives_finite_thresholds():
    rows = rows_of(0, 6)
    scores = {c: [0.2 * i - 0.5 for i in range(len(rows))] for c in CATS}
    t = learned_build.choose(rows, scores, dict.fromkeys(CATS, -math.inf), 2)
    real = [i for i, r in enumerate(rows) if r["_file"] == TUNE]
    for c in CATS:  # nothing benign to flag: every risky line is caught
        assert math.isfinite(t[c]) and t[c] <= min(scores[c][i] for i in real) + 1e-4


def test_an_unknown_floor_is_refused():
    rows = rows_of(4, 2)
    with pytest.raises(ValueError, match="unknown floor"):
        learned_build.floor_of(rows, draws_of(rows, 0), full_of(rows, [0.0]), "train", 1)
