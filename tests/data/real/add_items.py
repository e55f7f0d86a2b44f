"""Append new real statements to the file their id's hash picks (README: the split).

Usage: python tests/data/real/add_items.py BATCH.jsonl [--added TAG] [--dir DIR]

Each line of BATCH is one item in the README's line format (without `added` and `split_key`).
The script refuses an item whose id, normalised text or (source URL, text) is already in either
file, stamps `added` and `split_key`, and appends it to `untouched.jsonl` when
int(sha256(split_key)[:8], 16) is odd, else to `tune.jsonl`. The key is the item's event: its
precedent id when it has one, else its source URL, so every line added from now on of one event
(one speech, one article, one case) lands on the same side and the untouched part cannot be
found by sameness of event (lines added before the key existed were split by id and stay where
they are). It only appends: an item is never moved or rewritten afterwards.

``--dir`` adds to another pair of files split the same way, e.g. the real Khmer statements in
tests/data/khmer/real/, whose lines also carry ``"language": "km"``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = ("tune.jsonl", "untouched.jsonl")
KEYS = ["id", "text", "date", "medium", "speaker", "org_type", "expect", "level", "outcome",
        "source", "precedent", "note"]
OPTIONAL = ["language"]  # the statement's language when it is not English ("km")


def split_of(key: str) -> str:
    return "untouched.jsonl" if int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 2 \
        else "tune.jsonl"


def event_key(item: dict) -> str:
    """What the split hashes: the event the words belong to (README: the split)."""
    return item["precedent"] or item["source"]["url"]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch")
    parser.add_argument("--added", default="2026-12-06b")
    parser.add_argument("--dir", type=Path, default=HERE,
                        help="the folder holding tune.jsonl and untouched.jsonl (default: here)")
    args = parser.parse_args(argv)
    folder = args.dir
    ids, texts = set(), set()
    for name in FILES:
        if not (folder / name).exists():
            (folder / name).touch()  # a new pair of files starts empty
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            ids.add(item["id"])
            texts.add(_norm(item["text"]))
    new = []
    for number, line in enumerate(Path(args.batch).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        where = f"{args.batch}:{number}: {item.get('id')}"
        keys = KEYS + [key for key in OPTIONAL if key in item]
        if sorted(item) != sorted(keys):
            sys.exit(f"{where}: fields {sorted(set(item) ^ set(keys))} missing or extra")
        if item["id"] in ids:
            sys.exit(f"{where}: id already in the set")
        if _norm(item["text"]) in texts:
            sys.exit(f"{where}: the same text is already in the set")
        ids.add(item["id"])
        texts.add(_norm(item["text"]))
        ordered = {key: item[key] for key in keys}
        ordered["added"] = args.added
        ordered["split_key"] = event_key(item)
        new.append(ordered)
    counts = {name: 0 for name in FILES}
    for item in new:
        name = split_of(item["split_key"])
        with (folder / name).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        counts[name] += 1
    print(f"appended {len(new)}: " + ", ".join(f"{n} to {name}" for name, n in counts.items()))
    if counts["tune.jsonl"] and folder.resolve() == HERE:
        # the learned signal is fitted on the tuning part; its test fails until it is rebuilt
        print("tune.jsonl changed: rebuild the learned signal (python -m lawcheck.speech.learned "
              "build), then re-measure (python benchmarks/quality.py) and update "
              "lawcheck/speech/measured.py and the floors if the figures moved")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
