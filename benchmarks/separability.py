"""How far the words alone separate the real statements that drew action from those that did not,
on the real tuning part: the ceiling any words-only screen meets on this set (issue 13).

    python benchmarks/separability.py

Two kinds of figures, aggregates only (no line is listed):

- simple screens built on the analyser's facts and VADER's tone: "names a sensitive subject"
  (statement.mentions: the King, courts, security forces, government, parties, border,
  neighbouring states, election), the same with a negative tone, "any stance act" (an
  accusation, insult, call, party stance or claim about a court), and their union; each with the
  share of risky lines it reaches and the share of benign lines it flags;
- the learned signal's out-of-fold scores (grouped 5-fold, lawcheck.speech.learned_build): the
  ROC AUC of a line's highest category score, risky against benign, and the share of benign
  lines flagged at the thresholds that reach 25, 50, 70 and 85 % of the risky lines.

The benign lines were collected to share the risky lines' surface words (court, release, King,
border, election), and two-thirds of the risky lines are marked "hard to label" (the sanction
rested on more than the words): these figures say what that costs a screen that reads words only.
The untouched part is never read here; run on it only to measure, never to tune.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TUNE = ROOT / "tests" / "data" / "real" / "tune.jsonl"
SENSITIVE = {"king", "royal-family", "court", "security-forces", "government", "party",
             "dissolved-party", "border", "neighbouring-state", "election"}
STANCES = ("statement.accuses", "statement.insults", "statement.calls", "statement.party_stance",
           "statement.court_claims")
RECALLS = (0.25, 0.5, 0.7, 0.85)


def screens(rows: list[dict]) -> dict[str, list[int]]:
    """Per screen: [risky reached, risky, benign flagged, benign]."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from lawcheck.speech import analyse

    tone = SentimentIntensityAnalyzer()
    out: dict[str, list[int]] = {}
    for row in rows:
        facts = analyse(row["text"]).facts
        named = bool(set(facts.get("statement.mentions") or ()) & SENSITIVE)
        negative = tone.polarity_scores(row["text"])["compound"] < 0
        stance = any(facts.get(k) for k in STANCES)
        fired = {"names a sensitive subject": named,
                 "names one, negative tone": named and negative,
                 "any stance act": stance,
                 "names one, or any stance act": named or stance}
        for name, hit in fired.items():
            counts = out.setdefault(name, [0, 0, 0, 0])
            at = 0 if row.get("expect") else 2
            counts[at] += hit
            counts[at + 1] += 1
    return out


def learned_curve() -> dict:
    """ROC AUC and benign flagged at given recalls, from the grouped out-of-fold scores."""
    from lawcheck.speech import learned_build as lb

    rows = lb.read_rows()
    scores, _ = lb._out_of_fold(rows, lb.folds(rows), [])
    return separation(rows, scores)


def separation(rows, scores, recalls=RECALLS, digits: int = 3) -> dict:
    """On the real tuning lines of ``rows``: the ROC AUC of a line's highest category score,
    risky against benign, and the share of benign lines flagged at the score that reaches each
    of ``recalls`` of the risky lines (benchmarks/learned_features.py reads the same)."""
    import numpy as np
    from sklearn.metrics import roc_auc_score

    from lawcheck.speech import learned_build as lb

    real = [i for i, r in enumerate(rows) if r["_file"] == lb.TRAINING[0]]
    risky = np.array([bool(rows[i]["expect"]) for i in real])
    best = np.array([max(scores[c][i] for c in lb.CATEGORIES) for i in real])
    flagged = {}
    for recall in recalls:
        threshold = np.quantile(best[risky], 1 - recall)
        flagged[f"{recall:.2f}"] = round(float(np.mean(best[~risky] >= threshold)), digits)
    return {"risky": int(risky.sum()), "benign": int((~risky).sum()),
            "auc": round(float(roc_auc_score(risky, best)), digits),
            "benign_flagged_at_recall": flagged}


def main() -> int:
    sys.path.insert(0, str(ROOT))
    rows = [json.loads(line) for line in TUNE.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    results = {"screens": {}, "learned": learned_curve()}
    print(f"real/tune.jsonl: {len(rows)} lines")
    for name, (hit, risky, flagged, benign) in screens(rows).items():
        print(f"{name:30} risky reached {hit}/{risky} = {hit / risky:.2f}   "
              f"benign flagged {flagged}/{benign} = {flagged / benign:.2f}")
        results["screens"][name] = {"risky_reached": hit, "risky": risky,
                                    "benign_flagged": flagged, "benign": benign}
    learned = results["learned"]
    print(f"learned signal, out of fold: AUC {learned['auc']}; benign flagged at recall "
          + ", ".join(f"{r}: {v:.2f}" for r, v in learned["benign_flagged_at_recall"].items()))
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
