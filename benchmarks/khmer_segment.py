"""Khmer word segmentation (lawcheck/speech/segment.py) on real Khmer law text: speed, and two
accuracy measures that need no hand-segmented gold text (none ships with the project):

- boundaries at the author's spaces: Khmer writers put a space between phrases, so each space
  is a word boundary. The spaces are removed and the segmenter must put a boundary back where
  each one was (a recall of real boundaries; it cannot show extra boundaries);
- lexicon words kept whole: every place a Khmer lexicon form (rules/lexicons/km) occurs in the
  text, whether the segmenter has a boundary at both of its ends (what matching and search need).

    python benchmarks/khmer_segment.py [FILE ...]

Default files: the Khmer Constitution and the Peaceful Demonstration and Press laws in
../shared (skipped when absent). Prints one JSON object.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT = [SHARED / "real-laws" / "km-constitution-clean.md",
           SHARED / "corpus-samples" / "kh" / "peaceful-demonstration-2009" / "km.md",
           SHARED / "corpus-samples" / "kh" / "press-regime-1995" / "km.md"]
KHMER_RUN = re.compile(r"[\u1780-\u17d3]+(?: [\u1780-\u17d3]+)+")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from lawcheck.speech.khmer_lexicon import normalise
    from lawcheck.speech.segment import khmer_words, segment
    from lawcheck.speech.lexicon import lexicon_dir
    import yaml

    files = [Path(p) for p in sys.argv[1:]] or [p for p in DEFAULT if p.is_file()]
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    khmer_words("ក")  # load the model outside the timing
    started = time.perf_counter()
    tokens = segment(text)
    took = time.perf_counter() - started
    khmer_chars = sum(1 for c in text if "\u1780" <= c <= "\u17ff")

    # boundaries at the author's spaces, between Khmer letters on both sides
    found = total = 0
    for m in KHMER_RUN.finditer(text):
        pieces = m.group().split(" ")
        joined = "".join(pieces)
        cuts, at = set(), 0
        for piece in pieces[:-1]:
            at += len(piece)
            cuts.add(at)
        ends, at = set(), 0
        for word in khmer_words(joined):
            at += len(word)
            ends.add(at)
        total += len(cuts)
        found += len(cuts & ends)

    # lexicon forms kept whole
    forms = set()
    entries = yaml.safe_load((lexicon_dir() / "km" / "entries.yaml").read_text("utf-8"))
    for values in entries["entries"].values():
        forms |= {normalise(v) for v in values if " " not in v}
    norm = normalise(text)
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    whole = seen = 0
    for form in forms:
        for m in re.finditer(re.escape(form), norm):
            seen += 1
            whole += m.start() in starts and m.end() in ends
    result = {"files": [p.name for p in files], "characters": len(text),
              "khmer_characters": khmer_chars, "tokens": len(tokens),
              "seconds": round(took, 2), "khmer_chars_per_second": round(khmer_chars / took),
              "space_boundaries": total, "space_boundaries_found": found,
              "space_boundary_recall": round(found / total, 4) if total else None,
              "lexicon_occurrences": seen, "lexicon_occurrences_whole": whole,
              "lexicon_whole_rate": round(whole / seen, 4) if seen else None}
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
