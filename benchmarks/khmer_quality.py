"""Statement review on the labelled Khmer set (tests/data/khmer): recall on risky statements,
false alarms on benign ones, per part, and the time per statement.

    python benchmarks/khmer_quality.py [--errors]

Parts: ``tune`` and ``untouched`` (written for the project), ``real-tune`` and ``real-untouched``
(real published Khmer statements with their sources, tests/data/khmer/real, split by event as
the English real set is).

``--errors`` lists misses and false alarms of the tuning parts only: the untouched parts' figures
are honest only while nobody reads their items to tune the Khmer analyser.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "khmer"
PARTS = ["tune", "untouched", "real-tune", "real-untouched"]


def part_path(part: str) -> Path:
    real = part.removeprefix("real-")
    return DATA / "real" / f"{real}.jsonl" if real != part else DATA / f"{part}.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--part", action="append", choices=PARTS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from lawcheck.review.quality import SPEECH_CATEGORIES, read_set
    from lawcheck.review.reviewer import ReviewerSpec

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        reviewer = ReviewerSpec(db=str(Path(tmp) / "bench.db"), sync=True,
                                as_of=date(2026, 12, 1)).build()
        reviewer.review(read_set(DATA / "tune.jsonl")[0])  # load everything once
        for part in args.part or PARTS:
            items = read_set(part_path(part))
            hits = risky = alarms = benign = exact = 0
            errors = []
            started = time.perf_counter()
            for item in items:
                report = reviewer.review(item)
                found = {f["category"] for f in report["findings"]} & set(SPEECH_CATEGORIES)
                if item.expect:
                    risky += 1
                    hits += bool(found & item.expect)
                    exact += found == set(item.expect)
                else:
                    benign += 1
                    alarms += bool(found)
                if bool(found) != bool(item.expect) or (found and not found & item.expect):
                    errors.append((item.id, sorted(item.expect), sorted(found), item.text))
            took = time.perf_counter() - started
            results[part] = {"statements": len(items), "risky": risky, "benign": benign,
                             "recall": round(hits / risky, 3) if risky else None,
                             "exact_categories": exact,
                             "false_alarm_rate": round(alarms / benign, 3) if benign else None,
                             "false_alarms": alarms, "ms_per_statement":
                                 round(1000 * took / len(items), 1)}
            print(f"{part}: {results[part]}")
            if args.errors and part.endswith("tune"):
                for row in errors:
                    print("  ", *row)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
