"""The learned signal's feature variants on the whole real tuning part (issue 13, twelfth round):
how well each separates the risky lines from the benign ones out of fold, over several sets of
fold draws, so that one lucky draw decides nothing.

    python benchmarks/learned_features.py [--variants mean-5 nb words-3 chars]
                                          [--fold-seeds 0 5 10 15 20]

For each variant (lawcheck.speech.learned_build.VARIANTS) and each first fold seed F, the
variant's grouped fold draws (fold seeds F .. F+4 for a mean-5 variant: ``draws``), each line's
out-of-fold score averaged over them (``mean_scores``), then on the real tuning lines: the ROC
AUC of a line's highest category score, risky against benign, and the share of benign lines
flagged at the scores that reach 50 % and 70 % of the risky lines (as benchmarks/separability.py
computes them). The decision figure is the AUC of the averaged scores; the mean of each single
draw's own AUC is printed beside it (``draw_auc``). Aggregates only: no line is listed. The untouched part is never read here, nor
is the check half singled out (this is the whole tuning part, as every build sees it).
Prints one JSON object per (variant, seed set) as it goes, then a table of the means.

``--operating-point`` (exploration) prints instead, per variant and seed set, the risky and
benign tune lines caught and flagged at the variant's rule (at most 2 benign tune lines flagged)
with the dev/train floor as the build applies it (``floor_of``) and without it: where the AUC's
ranking meets the thresholds the build chooses.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECALLS = (0.5, 0.7)


def figures(rows, scores) -> dict:
    """AUC of the highest category score and benign share flagged at each recall (tune lines),
    to four places: benchmarks/separability.py's own figures."""
    from benchmarks.separability import separation

    return separation(rows, scores, RECALLS, 4)


def operating_point(rows, variant: str, seed: int) -> dict:
    """Caught / flagged tune lines at the variant's rule with the build's dev/train floor and
    without it, on the averaged out-of-fold scores of the draws from ``seed``."""
    from lawcheck.speech import learned_build as lb

    guard_rows = [r for r in lb.read_rows(lb.GUARD) if not r["expect"]]
    drawn = lb.draws(rows, lb.documents(guard_rows), variant, seed)
    fitted = lb._rounded(lb.fit(rows, variant=variant))
    full = lb.effective(lb.decision(fitted, lb.documents(
        [r for r in rows + guard_rows if not r["expect"]])), False)
    floor = lb.floor_of(rows, drawn, full)
    scores = lb.mean_scores(drawn)
    real = [i for i, r in enumerate(rows) if r["_file"] == lb.TRAINING[0]]
    rule = lb.settings(variant)["rule"]
    out = {"variant": variant, "fold_seed": seed,
           "floor": {c: round(v, 4) for c, v in floor.items()}}
    for name, f in (("with_floor", floor), ("without_floor",
                                             dict.fromkeys(lb.CATEGORIES, -math.inf))):
        t = lb.thresholds_by(rule, rows, scores, f)
        out[name] = {"thresholds": t, **dict(zip(("caught", "flagged"),
                                                 lb._hits(rows, scores, t, real)))}
    return out


def main(argv=None) -> int:
    sys.path.insert(0, str(ROOT))
    from lawcheck.speech import learned_build as lb

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", nargs="+", default=["mean-5", "nb", "words-3", "chars"],
                        choices=sorted(lb.VARIANTS))
    parser.add_argument("--fold-seeds", nargs="+", type=int, default=[0, 5, 10, 15, 20])
    parser.add_argument("--operating-point", action="store_true",
                        help="exploration: caught and flagged at the rule, with and without "
                             "the dev/train floor")
    args = parser.parse_args(argv)
    rows = lb.read_rows()
    if args.operating_point:
        for variant in args.variants:
            for seed in args.fold_seeds:
                print(json.dumps(operating_point(rows, variant, seed)), flush=True)
        return 0
    results: dict = {}
    for variant in args.variants:
        for seed in args.fold_seeds:
            start = time.perf_counter()
            drawn = lb.draws(rows, [], variant, seed)
            found = {"variant": variant, "fold_seed": seed, "draws": len(drawn),
                     **figures(rows, lb.mean_scores(drawn)),
                     "draw_auc": round(statistics.mean(figures(rows, s)["auc"]
                                                       for _, s, _ in drawn), 4),
                     "seconds": round(time.perf_counter() - start, 1)}
            results.setdefault(variant, []).append(found)
            print(json.dumps(found), flush=True)
    print(f"\n{'variant':10} " + " ".join(f"AUC F={s:<3}" for s in args.fold_seeds)
          + "  mean AUC  benign at recall 0.50 / 0.70 (mean)")
    for variant, found in results.items():
        print(f"{variant:10} " + " ".join(f"{f['auc']:9.4f}" for f in found)
              + f"  {statistics.mean(f['auc'] for f in found):8.4f}  "
              + " / ".join(f"{statistics.mean(f['benign_flagged_at_recall'][r] for f in found):.3f}"
                           for r in ("0.50", "0.70")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
