"""Measure the statement review on a labelled set: precision and recall per speech category, and
the false-alarm rate on benign statements.

A labelled set is JSONL, one statement per line: ``{"id", "text", "medium", "speaker", "date",
"expect": [categories], "note"}`` (tests/data/README.md). A legal adviser who edits the lexicons
or the speech rules runs ``python benchmarks/quality.py`` to see what the change did.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# The categories statements are scored on: the speech offences and duties. Other categories a
# statement can raise (public-order for online posts) ride on these and are not scored.
SPEECH_CATEGORIES = ("incitement", "defamation", "lese-majeste", "judicial",
                     "political-neutrality", "election")


@dataclass(frozen=True)
class Labelled:
    id: str
    text: str
    source: str
    line: int
    date: date | None
    medium: str | None
    speaker: str | None
    expect: frozenset[str]
    org_type: str | None = None
    language: str | None = None


@dataclass
class Score:
    statements: int = 0
    benign: int = 0
    false_alarms: int = 0
    counts: dict = field(default_factory=lambda: {c: [0, 0, 0] for c in SPEECH_CATEGORIES})
    errors: list = field(default_factory=list)  # (id, missed, extra, text)

    def add(self, item: Labelled, found: set[str]) -> None:
        self.statements += 1
        if not item.expect:
            self.benign += 1
            self.false_alarms += bool(found)
        for c in SPEECH_CATEGORIES:
            tp_fp_fn = self.counts[c]
            if c in item.expect and c in found:
                tp_fp_fn[0] += 1
            elif c in found:
                tp_fp_fn[1] += 1
            elif c in item.expect:
                tp_fp_fn[2] += 1
        missed, extra = item.expect - found, found - item.expect
        if missed or extra:
            self.errors.append((item.id, sorted(missed), sorted(extra), item.text))

    def table(self) -> dict:
        out = {}
        for c, (tp, fp, fn) in self.counts.items():
            out[c] = {"support": tp + fn, "precision": tp / (tp + fp) if tp + fp else None,
                      "recall": tp / (tp + fn) if tp + fn else None,
                      "tp": tp, "fp": fp, "fn": fn}
        return out

    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.benign if self.benign else 0.0


def read_set(path: Path, org_type: str = "domestic_ngo") -> list[Labelled]:
    """The labelled statements, as a domestic NGO would publish them (the neutrality duty binds
    NGOs, not associations: the type decides whether that rule can run at all)."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        items.append(Labelled(row["id"], row["text"], path.name, number,
                              date.fromisoformat(row["date"]) if row.get("date") else None,
                              row.get("medium"), row.get("speaker"),
                              frozenset(row.get("expect") or ()), org_type))
    return items


def score(items: list[Labelled], reviewer) -> Score:
    result = Score()
    for item in items:
        report = reviewer.review(item)
        found = {f["category"] for f in report["findings"]} & set(SPEECH_CATEGORIES)
        result.add(item, found)
    return result
