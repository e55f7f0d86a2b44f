"""The learned signal's study tooling (issue 13, tenth round; lawcheck/speech/learned_build.py):
a study artefact fits on one half of the tuning lines as benchmarks/quality.py splits them and
says which lines it saw, a study never overwrites the shipped artefact, the threshold search
that skips hopeless values chooses what the full search chooses, the rules are what their names
say, and a pooled model gives one signal in the category its own model scores highest."""

from __future__ import annotations

import itertools
import math
import random
import sys

import pytest

from lawcheck.speech import learned, learned_build

sys.path.insert(0, str(learned.ROOT))
from benchmarks.quality import HALVES as BENCH_HALVES  # noqa: E402
from benchmarks.quality import half_of  # noqa: E402  (the benchmark's own split)


def test_the_benchmark_splits_the_halves_with_the_package_definition():
    """benchmarks/quality.py --half and the studies agree, and the package never imports the
    benchmarks (the definition lives in learned_build; the benchmark calls it)."""
    import ast
    import inspect

    assert BENCH_HALVES == learned_build.HALVES
    row = {"id": "x", "precedent": None, "source": {"url": "https://example.org/a"}}
    assert half_of(row) == learned_build.half_of(row)
    imported = {n.module if isinstance(n, ast.ImportFrom) else a.name
                for n in ast.walk(ast.parse(inspect.getsource(learned_build)))
                if isinstance(n, (ast.Import, ast.ImportFrom))
                for a in (n.names if isinstance(n, ast.Import) else [None])}
    assert not {m for m in imported if m and m.split(".")[0] == "benchmarks"}, imported


def rows_of(tune_benign: int, tune_risky: int, train: int = 2) -> list[dict]:
    tune, other = learned.TRAINING
    rows = [{"id": f"b{i}", "_file": tune, "expect": []} for i in range(tune_benign)]
    rows += [{"id": f"r{i}", "_file": tune, "expect": [learned.CATEGORIES[i % 2]]}
             for i in range(tune_risky)]
    rows += [{"id": f"t{i}", "_file": other, "expect": []} for i in range(train)]
    return rows


def test_a_study_fits_on_one_half_of_the_tuning_lines_and_every_training_line():
    rows = learned_build.read_rows()
    tune, other = learned.TRAINING
    for half in ("study", "check"):
        kept = learned_build.subset(rows, half)
        assert {r["id"] for r in kept if r["_file"] == tune} == \
            {r["id"] for r in rows if r["_file"] == tune and half_of(r) == half}
        assert [r for r in kept if r["_file"] == other] == \
            [r for r in rows if r["_file"] == other]
    # the halves are by event: no group sits in both
    study = {learned_build.group(r) for r in learned_build.subset(rows, "study")
             if r["_file"] == tune}
    check = {learned_build.group(r) for r in learned_build.subset(rows, "check")
             if r["_file"] == tune}
    assert not study & check


def test_the_drift_check_drops_only_real_benign_lines_and_always_the_same_ones():
    rows = learned_build.subset(learned_build.read_rows(), "study")
    tune = learned.TRAINING[0]
    kept = learned_build.subset(rows, None, 0.8)
    benign = [r for r in rows if r["_file"] == tune and not r["expect"]]
    kept_benign = [r for r in kept if r["_file"] == tune and not r["expect"]]
    assert len(kept_benign) == round(0.8 * len(benign))
    assert [r for r in kept if r["_file"] != tune or r["expect"]] == \
        [r for r in rows if r["_file"] != tune or r["expect"]]
    assert learned_build.subset(rows, None, 0.8) == kept


def test_a_study_never_writes_the_shipped_artefact(capsys):
    before = learned.ARTEFACT.read_bytes()
    with pytest.raises(SystemExit) as stop:
        learned_build.main(["build", "--fit-half", "study"])
    assert stop.value.code == 2
    assert "-o /tmp/NAME.json" in capsys.readouterr().err
    assert learned.ARTEFACT.read_bytes() == before


def test_the_shipped_artefact_names_no_study():
    import json

    data = json.loads(learned.ARTEFACT.read_text(encoding="utf-8"))
    assert "fit" not in data  # fitted on every training line, as the cross-fitting assumes


def test_a_count_rule_is_a_count_and_a_rate_rule_grows_with_the_benign_lines():
    assert learned_build.allowed(rows_of(100, 10), ("count", 2)) == 2
    assert learned_build.allowed(rows_of(400, 10), ("count", 2)) == 2
    assert learned_build.allowed(rows_of(100, 10, train=500), ("rate", 0.02)) == 2
    assert learned_build.allowed(rows_of(307, 10), ("rate", 0.02)) == 6
    assert learned_build.allowed(rows_of(349, 10), ("rate", 0.02)) == 6
    assert learned_build.allowed(rows_of(350, 10), ("rate", 0.02)) == 7


def brute(rows, scores, floor, max_false):
    """choose() as it was before the search skipped hopeless values: every combination."""
    real = [i for i, r in enumerate(rows) if r["_file"] == learned.TRAINING[0]]
    benign = [i for i in real if not rows[i]["expect"]]
    options = {c: sorted({floor[c]} | {scores[c][i] + 1e-9 for i in benign
                                        if scores[c][i] >= floor[c]})
               for c in learned.CATEGORIES}
    best = None
    for values in itertools.product(*(options[c] for c in learned.CATEGORIES)):
        t = {c: math.ceil(v * 1e4) / 1e4 for c, v in zip(learned.CATEGORIES, values)}
        caught, flagged = learned_build._hits(rows, scores, t, real)
        if flagged <= max_false and (best is None or caught > best[0]):
            best = (caught, t)
    return best and best[1]


@pytest.mark.parametrize("seed", range(6))
def test_the_smaller_search_chooses_what_every_combination_chooses(seed):
    rng = random.Random(seed)
    rows = rows_of(40, 16)
    scores = {c: [rng.gauss(0.5 if c in r["expect"] else 0.0, 0.4) for r in rows]
              for c in learned.CATEGORIES}
    floor = {c: rng.uniform(-0.3, 0.3) for c in learned.CATEGORIES}
    for max_false in (0, 1, 2, 4):
        want = brute(rows, scores, floor, max_false)
        if want is not None:
            assert learned_build.choose(rows, scores, floor, max_false) == want


def test_rate_each_keeps_each_category_within_the_rate_on_its_own():
    rng = random.Random(7)
    rows = rows_of(200, 20)
    scores = {c: [rng.gauss(0.6 if c in r["expect"] else 0.0, 0.3) for r in rows]
              for c in learned.CATEGORIES}
    floor = dict.fromkeys(learned.CATEGORIES, -1.0)
    t = learned_build.thresholds_by(("rate-each", 0.02), rows, scores, floor)
    benign = [i for i, r in enumerate(rows) if r["_file"] == learned.TRAINING[0]
              and not r["expect"]]
    for c in learned.CATEGORIES:
        flagged = sum(scores[c][i] >= t[c] for i in benign)
        assert flagged <= 4
        # the lowest such threshold: a hair lower flags more than the rate allows
        assert sum(scores[c][i] >= t[c] - 2e-4 for i in benign) > 4 or t[c] - 2e-4 < floor[c]


def pooled_model() -> learned.Learned:
    """A hand-made pooled model over two words: 'thief' leans defamation, 'rise' incitement,
    both lean risky."""
    vocab = {"rise": 0, "thief": 1}
    return learned.Learned({
        "word": {"vocab": vocab, "idf": [1.0, 1.0]}, "cases": [],
        "models": {"incitement": {"coef": [2.0, 0.1], "intercept": -1.0, "threshold": 0.3,
                                  "positives": 3},
                   "defamation": {"coef": [0.1, 2.0], "intercept": -1.0, "threshold": 0.3,
                                  "positives": 4},
                   learned.POOLED: {"coef": [1.0, 1.0], "intercept": -0.5, "threshold": 0.3,
                                    "positives": 7}}})


def test_a_pooled_model_flags_by_its_own_score_in_the_category_scored_highest():
    model = pooled_model()
    [signal] = model.signals("thief thief")
    assert signal.category == "defamation" and signal.threshold == 0.3
    assert signal.score == pytest.approx(1.0 - 0.5, abs=1e-3)  # the pooled score, not its own
    assert signal.trained_on == 4
    [signal] = model.signals("rise")
    assert signal.category == "incitement"
    assert model.signals("hello") == []   # the pooled score, -0.5, is below its threshold
    # the pooled model is no category of its own: the facts name categories only
    assert learned.fact_values(model.signals("rise thief")) in (["incitement"], ["defamation"])


def test_quality_learned_scores_every_line_with_the_study_artefact_and_counts_what_it_saw(
        tmp_path, capsys):
    import argparse
    import json

    from benchmarks import quality
    from lawcheck.review.quality import read_set

    path = tmp_path / "study.json"
    path.write_text(learned_build.dumps(learned_build.build(half="study")), encoding="utf-8")
    parser = argparse.ArgumentParser()
    quality.LEARNED.clear()
    try:
        model = quality.use_learned(path, parser)
        items = read_set(learned.ROOT / learned.TRAINING[0])
        scored = quality.with_learned(items)
        assert all(i.learned is model for i in scored)
        lines = (learned.ROOT / learned.TRAINING[0]).read_text(encoding="utf-8").splitlines()
        study = sum(half_of(json.loads(line)) == "study" for line in lines if line.strip())
        out = capsys.readouterr().out
        assert f"{study} of these {len(items)} lines were in the artefact's fit" in out
        assert not any(i.id in out for i in items)  # how many, never which
    finally:
        quality.LEARNED.clear()
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        quality.use_learned(broken, parser)
    assert stop.value.code == 2
    assert "not a learned artefact" in capsys.readouterr().err
