"""Statements to hold a fast path to its plain reading (tests/test_prescreen.py,
tests/test_speed_paths.py): the texts of the labelled sets a fast path must not change, and the
benchmark's own generated statements, on which the speed is measured."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SETS = (DATA / "statements-dev.jsonl", DATA / "statements-train.jsonl",
        DATA / "real" / "tune.jsonl")


def set_texts(limit_per_file: int | None = None) -> list[str]:
    """The statements of the development, training and real tuning sets (the first
    ``limit_per_file`` lines of each when given)."""
    texts = []
    for path in SETS:
        for line in path.read_text(encoding="utf-8").splitlines()[:limit_per_file]:
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def benchmark_statements(seed: int, count: int) -> list[str]:
    """The first ``count`` statements benchmarks/review.py generates from ``seed``."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import review as bench  # the benchmark's own statement generator
    finally:
        sys.path.pop(0)
    rng = random.Random(seed)
    return [bench.statement(rng) for _ in range(count)]
