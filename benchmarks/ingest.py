"""Ingest benchmark: lawcheck's whole ingest of a law PDF against pdfplumber's bare
``extract_text`` over the same file, measured in one run, plus peak memory; a small law (10
pages) and a large one (100 pages) by default.

Targets (issues 2 and 15): time ratio ≤ 1.5 for a small law (under 50 pages), ≤ 1.3 for a
large one; peak memory under 200 MB.

    python benchmarks/ingest.py [--pages 10 100] [--repeat 3]

Each measurement runs in a fresh child process (so imports, caches and peak RSS are its own);
the best of ``--repeat`` runs is kept for both sides, which damps the noise of a shared machine.
lawcheck's ingest starts spaCy in a child of its own while it reads the PDF
(lawcheck/annotate/background.py): that child's peak memory is reported separately.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BASELINE = """
import resource, sys, time
t0 = time.perf_counter()
import pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.close()
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

LAWCHECK = """
import resource, sys, time
t0 = time.perf_counter()
from lawcheck import api
result = api.ingest(sys.argv[1], law_id="kh/bench-law", new=True, db=sys.argv[2])
assert result.report["articles"] > 0
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      result.report["articles"], result.provisions, result.annotations,
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

WARM = """
import sys
from lawcheck import api
api.list_laws(db=sys.argv[1])
"""


def child(code: str, *args: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    return [float(x) for x in out]


def measure(pages: int, repeat: int, tmp: str) -> dict:
    from benchmarks.pdfgen import make_big_law_pdf

    pdf = make_big_law_pdf(Path(tmp) / f"law{pages}.pdf", pages=pages)
    base, ours = [], []
    for i in range(repeat):
        db = f"sqlite:///{tmp}/bench{pages}-{i}.db"
        child(WARM, db)  # database created and shipped corpus loaded: not part of ingest
        base.append(child(BASELINE, str(pdf)))
        ours.append(child(LAWCHECK, str(pdf), db))
    b_time = min(r[0] for r in base)
    o_time = min(r[0] for r in ours)
    detail = min(ours)
    return {
        "pages": pages,
        "pdfplumber_extract_text_s": round(b_time, 3),
        "lawcheck_ingest_s": round(o_time, 3),
        "ratio": round(o_time / b_time, 3),
        "ratio_target": 1.5 if pages < 50 else 1.3,
        "peak_rss_mb": round(max(r[1] for r in ours) / 1024, 1),
        "annotation_child_peak_rss_mb": round(max(r[5] for r in ours) / 1024, 1),
        "baseline_peak_rss_mb": round(max(r[1] for r in base) / 1024, 1),
        "peak_rss_target_mb": 200,
        "articles": int(detail[2]), "provisions": int(detail[3]),
        "annotations": int(detail[4]),
        "runs": repeat,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure(pages, args.repeat, tmp) for pages in args.pages]
    print(json.dumps(results[0] if len(results) == 1 else results, indent=2))


if __name__ == "__main__":
    main()
