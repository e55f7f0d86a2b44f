"""How the learned signal's thresholds are chosen from out-of-fold scores (learned_build.py
fits the models and reads the training files; this module only counts), and the figures the
artefact records about them. Scores are per category,
one list over the training rows; a threshold flags a row when its score reaches it. The rules
(``count``, ``rate``, ``rate-each``) and the dev/train floor are explained where the variants
are listed (learned_build.VARIANTS) and in tests/data/README.md ("learned signal").

Split from learned_build.py (819 lines, past STYLE's split-before-600): these functions are pure
arithmetic over scores, which the tests of the studies check on small hand-made rows.
"""

from __future__ import annotations

import math

from lawcheck.speech.learned import CATEGORIES, CURVE, FOLDS, MAX_FALSE, TRAINING

FLOORS = ("all", "dev", "none")  # a variant's "floor" (floor_of)


def _hits(rows, scores, thresholds, index):
    """(risky statements caught in a category they carry, benign statements flagged)."""
    caught = flagged = 0
    for i in index:
        fired = {c for c in CATEGORIES if scores[c][i] >= thresholds[c]}
        if rows[i]["expect"]:
            caught += bool(fired & set(rows[i]["expect"]))
        else:
            flagged += bool(fired)
    return caught, flagged


def choose(rows, scores, floor, max_false: int = MAX_FALSE, tied: bool = False) -> dict:
    """The thresholds with the most risky real statements caught (out of fold) whose benign real
    statements flagged stay at most ``max_false``, each above its category's ``floor``; with
    ``tied`` (a pooled model) one threshold for every category, above every floor. Only
    thresholds that flag at most ``max_false`` benign lines on their own are tried (a lower one
    can never be chosen), so the search stays small as the benign pool grows."""
    import itertools

    real = [i for i, r in enumerate(rows) if r["_file"] == TRAINING[0]]
    benign = [i for i in real if not rows[i]["expect"]]
    if tied:
        top = max(floor.values())
        floor = dict.fromkeys(CATEGORIES, top)
        pooled = [max(scores[c][i] for c in CATEGORIES) for i in benign]
        values = sorted({top} | {v + 1e-9 for v in pooled if v >= top})
        options = {c: values for c in CATEGORIES}
    else:  # no floor (-inf): the lowest real line's score is the lowest worth trying
        floor = {c: floor[c] if math.isfinite(floor[c])
                 else min((scores[c][i] for i in real), default=0.0) for c in CATEGORIES}
        options = {c: sorted({floor[c]} | {scores[c][i] + 1e-9 for i in benign
                                            if scores[c][i] >= floor[c]}) for c in CATEGORIES}
    options = {c: [v for v in vs if sum(max(scores[k][i] for k in CATEGORIES) >= v
                                         if tied else scores[c][i] >= v
                                         for i in benign) <= max_false]
               for c, vs in options.items()}
    best = None
    combos = ((v,) * len(CATEGORIES) for v in options[CATEGORIES[0]]) if tied else \
        itertools.product(*(options[c] for c in CATEGORIES))
    for values in combos:
        t = {c: math.ceil(v * 1e4) / 1e4 for c, v in zip(CATEGORIES, values)}
        caught, flagged = _hits(rows, scores, t, real)
        if flagged <= max_false and (best is None or caught > best[0]):
            best = (caught, t)
    if best is None:  # nothing stays within max_false even at the floor: the floor itself
        return {c: math.ceil(floor[c] * 1e4) / 1e4 for c in CATEGORIES}
    return best[1]


def allowed(rows, rule) -> int:
    """The benign tuning lines a count or rate rule lets the signal flag (out of fold)."""
    kind, value = rule
    if kind == "count":
        return value
    benign = sum(r["_file"] == TRAINING[0] and not r["expect"] for r in rows)
    return math.floor(value * benign + 1e-9)


def thresholds_by(rule, rows, scores, floor, tied: bool = False) -> dict:
    """The thresholds a variant's rule chooses (:data:`VARIANTS`)."""
    if rule[0] != "rate-each":
        return choose(rows, scores, floor, allowed(rows, rule), tied)
    # each category alone: the lowest threshold at which its own benign flags stay within
    # the rate (a quantile of its benign out-of-fold scores), above its floor
    m = allowed(rows, ("rate", rule[1]))
    benign = [i for i, r in enumerate(rows) if r["_file"] == TRAINING[0] and not r["expect"]]
    out = {}
    for c in CATEGORIES:
        values = sorted({floor[c]} | {scores[c][i] + 1e-9 for i in benign
                                      if scores[c][i] >= floor[c]})
        v = next(v for v in values if sum(scores[c][i] >= v for i in benign) <= m)
        out[c] = math.ceil(v * 1e4) / 1e4
    return out


def floor_of(rows, drawn, full, kind: str = "all", guard: int | None = None) -> dict:
    """Just above the highest of: every dev and train benign line by the full model; the dev
    lines' highest score by any fold model (averaged over the draws); each train benign line's
    out-of-fold score averaged over the draws, and in the first draw, the one benchmarks
    cross-fit with (learned_crossfit.fold_models, fold seed SEED), so their dev/train figures
    stay 0.
    One draw: today's floor. Over several, no extreme of many draws (it would rise with their
    number): averages, and the first draw only where a benchmark reads it.

    ``kind`` (a variant's "floor", :data:`FLOORS`): "all" is the above; "dev" keeps only the
    dev lines' part: the last ``guard`` scores of ``full`` (the dev benign lines, which follow
    the fit's own) and the fold models' highest dev score; "none" is no floor (-inf: the
    rule's count on the real tuning lines alone decides, :func:`choose`)."""
    if kind == "none":
        return dict.fromkeys(CATEGORIES, -math.inf)
    if kind == "dev":
        return {c: max(*full[c][len(full[c]) - guard:],
                       sum(g[c] for _, _, g in drawn) / len(drawn), -math.inf) + 1e-6
                for c in CATEGORIES}
    if kind != "all":
        raise ValueError(f"unknown floor {kind!r}: one of {FLOORS}")
    train_benign = [i for i, r in enumerate(rows) if r["_file"] != TRAINING[0]
                    and not r["expect"]]
    mean = mean_scores(drawn)
    first = drawn[0][1]
    return {c: max(max(full[c]), sum(g[c] for _, _, g in drawn) / len(drawn),
                   *(mean[c][i] for i in train_benign),
                   *(first[c][i] for i in train_benign)) + 1e-6
            for c in CATEGORIES}


def mean_scores(drawn) -> dict[str, list[float]]:
    """Each line's out-of-fold score averaged over the draws (summed in draw order)."""
    n = len(drawn)
    return {c: [sum(s[c][i] for _, s, _ in drawn) / n for i in range(len(drawn[0][1][c]))]
            for c in CATEGORIES}


def margin_figures(rows, scores, margins) -> dict:
    """A margin per category and the tune lines (out of fold, the scores the thresholds were
    chosen on) reaching it in a category: risky lines of that category, and benign lines."""
    real = [i for i, r in enumerate(rows) if r["_file"] == TRAINING[0]]
    others = [i for i, r in enumerate(rows) if r["_file"] != TRAINING[0] and not r["expect"]]

    def reach(i, c):
        return margins[c] is not None and scores[c][i] >= margins[c]

    return {"margins": margins,
            "tune_risky": sum(any(reach(i, c) for c in rows[i]["expect"] if c in CATEGORIES)
                              for i in real if rows[i]["expect"]),
            "tune_benign": sum(any(reach(i, c) for c in CATEGORIES)
                               for i in real if not rows[i]["expect"]),
            "train_benign": sum(any(reach(i, c) for c in CATEGORIES) for i in others),
            "by_category": {c: [sum(c in (rows[i]["expect"] or ()) and reach(i, c)
                                    for i in real),
                                sum(not rows[i]["expect"] and reach(i, c) for i in real)]
                            for c in CATEGORIES}}


def curve(rows, scores, floor, tied: bool = False) -> list[dict]:
    """Risky tune lines caught (out of fold) at each number of benign tune lines allowed, the
    dev/train floor kept: the choice MAX_FALSE makes, for the lead to see."""
    real = [i for i, r in enumerate(rows) if r["_file"] == TRAINING[0]]
    out = []
    for count in CURVE:
        t = choose(rows, scores, floor, count, tied)
        caught, flagged = _hits(rows, scores, t, real)
        out.append({"allowed": count, "caught": caught, "flagged": flagged,
                    "thresholds": t, "by_category": {
                        c: sum(c in (rows[i]["expect"] or ()) and scores[c][i] >= t[c]
                               for i in real) for c in CATEGORIES}})
    return out


def figures(rows, fold, scores, thresholds, guard_rows, full) -> dict:
    real = [i for i, r in enumerate(rows) if r["_file"] == TRAINING[0]]
    per_fold = []
    for f in range(FOLDS):
        index = [i for i in real if fold[i] == f]
        caught, flagged = _hits(rows, scores, thresholds, index)
        per_fold.append({"risky": sum(bool(rows[i]["expect"]) for i in index),
                         "caught": caught, "benign": sum(not rows[i]["expect"] for i in index),
                         "false_alarms": flagged})
    caught, flagged = _hits(rows, scores, thresholds, real)
    by_category = {c: [sum(c in rows[i]["expect"] for i in real),
                       sum(c in rows[i]["expect"] and scores[c][i] >= thresholds[c]
                           for i in real)] for c in CATEGORIES}
    others = [i for i, r in enumerate(rows) if r["_file"] != TRAINING[0] and not r["expect"]]
    n_real_benign = sum(not rows[i]["expect"] for i in real)
    return {"tune": {"risky": len(real) - n_real_benign, "caught": caught,
                     "benign": n_real_benign, "false_alarms": flagged,
                     "by_category": {c: {"support": n, "caught": k}
                                     for c, (n, k) in by_category.items()},
                     "per_fold": per_fold,
                     "fold_mean_caught": round(sum(p["caught"] for p in per_fold) / FOLDS, 2),
                     "fold_mean_false_alarms": round(
                         sum(p["false_alarms"] for p in per_fold) / FOLDS, 2)},
            "train_benign_out_of_fold": {"benign": len(others), "false_alarms": sum(
                any(scores[c][i] >= thresholds[c] for c in CATEGORIES) for i in others)},
            "full_model_benign": {"lines": len(full[CATEGORIES[0]]), "false_alarms": sum(
                any(full[c][i] >= thresholds[c] for c in CATEGORIES)
                for i in range(len(full[CATEGORIES[0]])))},
            "dev_benign": len(guard_rows)}


def margins_by(kind, rows, scores, guard_full, thresholds) -> dict:
    """Each category's margin by a :data:`learned_build.MARGINS` rule: ``scores`` are the out-of-fold scores
    the thresholds were chosen on (averaged over draws for mean-5), ``guard_full`` the dev benign
    lines' scores by the full model. A factor's margin is None where the threshold is not above
    0 (never strong)."""
    rule, value = kind
    out = {}
    for c in CATEGORIES:
        t = thresholds[c]
        if rule == "factor":
            out[c] = round(value * t, 4) if t > 0 else None
        elif rule == "distance":
            out[c] = math.ceil((t + value) * 1e4) / 1e4
        else:
            benign = [scores[c][i] for i, r in enumerate(rows) if not r["expect"]]
            top = max([*benign, *guard_full[c], t])
            out[c] = math.ceil((top + value) * 1e4) / 1e4
    return out
