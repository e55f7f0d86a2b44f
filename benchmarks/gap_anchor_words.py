"""Build the word list gaps.GapMatcher chooses each gapped cue's anchor with (issue 13, speed).

    python benchmarks/gap_anchor_words.py --out lawcheck/speech/data/common-words.json

A gapped cue ("will|shall|must|would ... be punished") is found from one of its parts, its
anchor: the PhraseMatcher holds only anchors, and the other parts are read around each anchor
hit (lawcheck/speech/gaps.py). Every choice gives the same matches; a rare anchor gives fewer
hits to read. The list says how common each word is in the kind of text lawcheck reviews: the
share of statements holding it, over the English statements of the development and training
sets and the real set's tuning part (tests/data; the untouched part is not read), tokenised as
the analyser tokenises, lower case. Only words in at least 1 % of those statements are kept (a
word not listed counts as rare). A general English list (spacy-lookups-data's lexeme
probabilities) was tried first: it calls "land" and "villages" rare, the commonest words of NGO
statements, and takes 0.7 s to load.

Rebuilding it is never needed for correctness: a stale list only makes a worse anchor choice.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEAST = 0.01  # the share of statements a word must be in to be listed


# the statements read (never the real set's untouched part)
SETS = ("statements-dev.jsonl", "statements-train.jsonl", "real/tune.jsonl")


def texts() -> list[str]:
    out = []
    for name in SETS:
        for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    return out


def build() -> dict:
    sys.path.insert(0, str(ROOT))
    from lawcheck.speech import Analyser

    tokenizer = Analyser().pipeline.nlp.tokenizer
    texts_ = texts()
    counts: collections.Counter[str] = collections.Counter()
    for text in texts_:
        counts.update({t.lower_ for t in tokenizer(text)})
    least = LEAST * len(texts_)
    words = {w: round(n / len(texts_), 4) for w, n in sorted(counts.items()) if n >= least}
    return {"about": "share of statements holding each word (benchmarks/gap_anchor_words.py)",
            "statements": len(texts_), "words": words}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    table = build()
    args.out.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"{len(table['words'])} words from {table['statements']} statements -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
