"""Statement-review quality on the labelled sets: precision and recall per speech category and
the false-alarm rate on benign statements, for the development set (the tests assert floors on
it) and the held-out set (written after it and never used to tune the analyser).

    python benchmarks/quality.py [--errors] [--set tests/data/statements-dev.jsonl ...]

Prints a table per set, then one JSON object with every number.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = [ROOT / "tests" / "data" / "statements-dev.jsonl",
                ROOT / "tests" / "data" / "statements-heldout.jsonl"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", type=Path, help="a labelled JSONL set")
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from lawcheck.review.quality import read_set, score
    from lawcheck.review.reviewer import ReviewerSpec

    with tempfile.TemporaryDirectory() as tmp:
        reviewer = ReviewerSpec(db=str(Path(tmp) / "bench.db"), sync=True).build()
        results = {}
        for path in args.set or DEFAULT_SETS:
            result = score(read_set(path), reviewer)
            table = result.table()
            print(f"\n{path.name}: {result.statements} statements, {result.benign} benign")
            print(f"{'category':22} {'support':>7} {'precision':>9} {'recall':>7}")
            for category, row in table.items():
                p = "-" if row["precision"] is None else f"{row['precision']:.3f}"
                r = "-" if row["recall"] is None else f"{row['recall']:.3f}"
                print(f"{category:22} {row['support']:7d} {p:>9} {r:>7}")
            print(f"false alarms on benign: {result.false_alarms}/{result.benign} = "
                  f"{result.false_alarm_rate():.3f}")
            if args.errors:
                for sid, missed, extra, text in result.errors:
                    print(f"  {sid}: missed {missed} extra {extra}: {text}")
            results[path.name] = {"statements": result.statements, "benign": result.benign,
                                  "false_alarm_rate": result.false_alarm_rate(),
                                  "categories": table}
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
