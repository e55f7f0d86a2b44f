"""The learned signal's thresholds over several grouped fold draws (issue 13, eleventh round;
lawcheck/speech/learned_build.py): "mean" chooses on each line's out-of-fold score averaged
over the draws, "median" takes each category's median of the thresholds each draw chooses, the
dev/train floor over several draws rests on averages and on the draw benchmarks cross-fit with
(never on the extreme of many draws), one draw is today's build, and the study options leave
out only what they say."""

from __future__ import annotations

import random
import statistics

import pytest

from lawcheck.speech import learned, learned_build

TUNE, OTHER = learned.TRAINING
CATS = learned.CATEGORIES


def rows_of(tune_benign: int, tune_risky: int, train: int = 3) -> list[dict]:
    rows = [{"id": f"b{i}", "_file": TUNE, "expect": []} for i in range(tune_benign)]
    rows += [{"id": f"r{i}", "_file": TUNE, "expect": [CATS[i % 2]]} for i in range(tune_risky)]
    rows += [{"id": f"t{i}", "_file": OTHER, "expect": []} for i in range(train)]
    return rows


def drawn_of(rows, n: int, seed: int) -> list[tuple]:
    """n synthetic draws: (folds, scores, guard maximum), risky lines scoring higher."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        scores = {c: [rng.gauss(0.8 if c in r["expect"] else 0.0, 0.4) for r in rows]
                  for c in CATS}
        out.append(([0] * len(rows), scores, {c: rng.uniform(-0.5, 0.0) for c in CATS}))
    return out


def full_of(rows) -> dict:
    return {c: [-1.0] * sum(not r["expect"] for r in rows) for c in CATS}


@pytest.mark.parametrize("seed", range(4))
def test_mean_chooses_count_2_on_the_averaged_scores(seed):
    rows = rows_of(60, 20)
    drawn = drawn_of(rows, 5, seed)
    floor = learned_build.floor_of(rows, drawn, full_of(rows))
    t, scores, _, each = learned_build.combined("mean-5", rows, drawn, floor)
    mean = learned_build.mean_scores(drawn)
    assert scores == mean
    assert t == learned_build.choose(rows, mean, floor, learned.MAX_FALSE)
    benign = [i for i, r in enumerate(rows) if r["_file"] == TUNE and not r["expect"]]
    flagged = sum(any(mean[c][i] >= t[c] for c in CATS) for i in benign)
    assert flagged <= learned.MAX_FALSE
    # each draw's own choice is kept for the artefact, and differs from draw to draw here
    assert len(each) == 5 and len({tuple(e.values()) for e in each}) > 1


@pytest.mark.parametrize("seed", range(4))
def test_median_is_each_categorys_median_of_the_draws_choices(seed):
    rows = rows_of(60, 20)
    drawn = drawn_of(rows, 5, seed)
    floor = learned_build.floor_of(rows, drawn, full_of(rows))
    t, _, _, each = learned_build.combined("median-5", rows, drawn, floor)
    for c in CATS:
        assert each == [learned_build.choose(rows, s, floor, learned.MAX_FALSE)
                        for _, s, _ in drawn]
        assert t[c] == pytest.approx(statistics.median(e[c] for e in each), abs=1e-4)
        assert t[c] >= floor[c]


def test_one_draw_is_todays_build():
    rows = rows_of(40, 16)
    [draw] = drawn_of(rows, 1, 3)
    full = full_of(rows)
    floor = learned_build.floor_of(rows, [draw], full)
    train = [i for i, r in enumerate(rows) if r["_file"] == OTHER]
    for c in CATS:  # the ninth round's floor, written out
        assert floor[c] == max(draw[2][c], max(full[c]),
                               *(draw[1][c][i] for i in train)) + 1e-6
    t, scores, fold, each = learned_build.combined("count-2", rows, [draw], floor)
    assert t == learned_build.choose(rows, draw[1], floor, 2) and each == [t]
    assert scores is draw[1] and fold is draw[0]


def test_the_floor_over_draws_is_no_extreme_of_many_draws():
    """A train benign line scored high out of fold in one later draw raises the floor by its
    share of the average, not to its own score; in the first draw (the benchmarks' cross-fit)
    it raises it all the way, so their dev/train figures stay 0."""
    rows = rows_of(20, 6)
    train = [i for i, r in enumerate(rows) if r["_file"] == OTHER]
    full = full_of(rows)

    def draw(high_at=None):
        scores = {c: [-1.0] * len(rows) for c in CATS}
        if high_at is not None:
            scores[CATS[0]][high_at] = 2.0
        return ([0] * len(rows), scores, {c: -1.0 for c in CATS})

    later = learned_build.floor_of(rows, [draw(), draw(), draw(), draw(), draw(train[0])], full)
    assert later[CATS[0]] == pytest.approx((2.0 - 4.0) / 5 + 1e-6)
    first = learned_build.floor_of(rows, [draw(train[0]), draw(), draw(), draw(), draw()], full)
    assert first[CATS[0]] == pytest.approx(2.0 + 1e-6)
    # a tune benign line never sets the floor: the rule's count speaks for those
    tune_benign = next(i for i, r in enumerate(rows) if r["_file"] == TUNE and not r["expect"])
    assert learned_build.floor_of(rows, [draw(tune_benign)] * 5, full)[CATS[0]] < 0


def test_fold_draws_differ_by_seed_and_each_keeps_an_event_on_one_side():
    rows = learned_build.read_rows()
    a, b = learned_build.folds(rows, seed=0), learned_build.folds(rows, seed=1)
    assert a == learned_build.folds(rows)  # seed SEED: the shipped build's draw
    assert a != b
    for fold in (a, b):
        side: dict = {}
        for r, f in zip(rows, fold):
            if r["_file"] == TUNE:
                assert side.setdefault(learned_build.group(r), f) == f


def test_without_leaves_out_only_the_tuning_lines_of_that_pass():
    rows = learned_build.read_rows()
    added = "2026-12-07e"
    kept = learned_build.subset(rows, without=added)
    gone = [r for r in rows if r not in kept]
    assert gone and all(r["_file"] == TUNE and r.get("added") == added for r in gone)
    assert len(gone) == sum(r["_file"] == TUNE and r.get("added") == added for r in rows)


def test_a_fold_seed_or_without_study_never_writes_the_shipped_artefact(capsys):
    for argv in (["build", "--fold-seed", "5"], ["build", "--without-added", "2026-12-07e"]):
        with pytest.raises(SystemExit) as stop:
            learned_build.main(argv)
        assert stop.value.code == 2
        assert "not the shipped one" in capsys.readouterr().err
