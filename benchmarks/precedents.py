"""In-sample precedent recall: every shipped precedent's reconstruction run through lawcheck
(lawcheck.precedent_cases), per category: how many precedents show it, how many produced it,
how many also reached the level the outcome implies; then the failures, one line each.

    python benchmarks/precedents.py [--json] [--dir corpus/precedents]

In-sample: the practice-risk rules were written from these same precedents, so this measures
coverage of known patterns, not how well lawcheck generalises to new events.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="a precedent folder (default: the shipped one)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON only")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from lawcheck.precedent_cases import Runner, recall
    from lawcheck.precedents import load_precedents

    base = load_precedents(args.dir)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        runner = Runner(f"sqlite:///{folder}/bench.db")
        results = [runner.run(p) for p in base]
    numbers = recall(results)
    for kind in ("activity", "statement"):
        part = [r for r in results if kind in r.precedent.reconstruction]
        numbers[f"{kind}_precedents"] = len(part)
        numbers[f"{kind}_passed"] = sum(r.passed for r in part)
    numbers["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(numbers, indent=1))
        return 0
    print(f"{'category':<22} {'precedents':>10} {'found':>6} {'recall':>7} {'at level':>9}")
    for name, row in numbers["categories"].items():
        print(f"{name:<22} {row['precedents']:>10} {row['found']:>6} "
              f"{row['found'] / row['precedents']:>7.2f} {row['at_level']:>9}")
    print(f"\n{numbers['passed']} of {numbers['precedents']} precedents pass (every category "
          f"found and the level reached); level reached in {numbers['level_ok']}; "
          f"{numbers['seconds']} s; activities {numbers['activity_passed']} of "
          f"{numbers['activity_precedents']}, statements {numbers['statement_passed']} of "
          f"{numbers['statement_precedents']}")
    for res in results:
        if not res.passed:
            print("  FAIL " + res.explain())
    return 0


if __name__ == "__main__":
    sys.exit(main())
