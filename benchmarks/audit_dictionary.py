"""Build the preset dictionary the audit record compresses its reports with (docs/audit.md,
"How a report is stored").

    python benchmarks/audit_dictionary.py --out lawcheck/audit/data/audit-2.zdict

A shipped dictionary is never rebuilt in place: every record written with it needs it to be
read, so a better one goes to a new file under a new format number (lawcheck/audit/packing.py),
and the old file stays. audit-1.zdict was built by this script from the reports of
tests/data/statements-train.jsonl (the review's own training lines, reviewed on 2026-12-07 at
rule base of that day), stored exactly as the recorder stores them: redacted, citations by
reference, compact JSON. zstd's trainer (zstandard.train_dictionary, 32 KiB, level 3) keeps
the fragments those reports share: the keys of the report, rule ids, categories, levels,
message and mitigation wording. No statement's words are in it: the reports are redacted, and
one that still echoed its statement is reduced to its labels, as the recorder does. The trainer
draws a random dictionary id, so a rebuild never gives the same bytes: the shipped file is
pinned by its sha256 in packing.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = 32768


def stored_reports(source: Path) -> list[bytes]:
    """The bytes the recorder would compress for each statement of ``source``."""
    from lawcheck import api
    from lawcheck.audit.recorder import RunRecorder, _leaks, redact, skeleton
    from lawcheck.jsonbytes import dumps

    keep = ("id", "text", "medium", "speaker", "date", "language")
    with tempfile.TemporaryDirectory() as tmp:
        given = Path(tmp) / "in.jsonl"
        with given.open("w", encoding="utf-8") as fh:
            for line in source.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                fh.write(json.dumps({k: row[k] for k in keep if k in row}) + "\n")
        recorder = RunRecorder(None, kind="statements", source=str(source), sha256="")
        out = []
        with api.review([str(given)], db=str(Path(tmp) / "d.db"), jobs=1,
                        date="2026-12-05", org_type="domestic_ngo", record=False) as reviews:
            for item, report in reviews:
                if report is not None:
                    stored = redact(recorder.stamp(report, plain=True))
                    blob = dumps(recorder._dehydrate(stored))
                    if _leaks(blob, item.text, stored):  # as RunRecorder.add does
                        blob = dumps(recorder._dehydrate(skeleton(stored)))
                    out.append(blob)
        recorder.discard()
        return out


def main() -> int:
    import zstandard

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT / "tests/data/statements-train.jsonl")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.out.exists():
        raise SystemExit(f"{args.out} exists: a shipped dictionary is never replaced")
    samples = stored_reports(args.source)
    trained = zstandard.train_dictionary(SIZE, samples, level=3)
    data = trained.as_bytes()
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data)} bytes from {len(samples)} reports, dict id "
          f"{trained.dict_id()}, sha256 {hashlib.sha256(data).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
