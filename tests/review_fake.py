"""A fake reviewer for the batch machinery tests: flags the word "march", fails on demand.

It lives in an importable module (not a test file) because spawned worker processes and the
SIGKILL test's child process must import it by name.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass

from lawcheck.errors import InputError, Where

_MARCH = re.compile(r"march", re.IGNORECASE)


@dataclass(frozen=True)
class FakeSpec:
    fail_on: str | None = None    # the statement id whose review raises (a bug)
    refuse_on: str | None = None  # the statement id whose review raises an InputError
    exit_on: str | None = None    # the statement id whose review kills the worker process
    fail_build: bool = False
    delay: float = 0.0            # seconds per statement, to let a test interrupt a run
    slow_ids: tuple = ()          # ids reviewed slowly, so chunks finish out of order

    def build(self) -> "FakeReviewer":
        if self.fail_build:
            raise RuntimeError("cannot build the fake reviewer")
        return FakeReviewer(self)


class FakeReviewer:
    def __init__(self, spec: FakeSpec) -> None:
        self.spec = spec

    def review(self, item) -> dict:
        if item.id == self.spec.fail_on:
            raise ValueError(f"fake failure on {item.id}")
        if item.id == self.spec.refuse_on:
            raise InputError(f"statement {item.id} refused", code="LC269",
                             where=Where(item.source, item.line), fix="fix it")
        if item.id == self.spec.exit_on:
            os._exit(7)
        if item.id in self.spec.slow_ids:
            time.sleep(0.3)
        if self.spec.delay:
            time.sleep(self.spec.delay)
        return fake_report(item)


def fake_report(item) -> dict:
    findings = [{
        "rule": "kh.test.march", "title": "Calls for a march", "category": "assembly",
        "kind": "risk", "severity": "high", "consequence": "warning", "pillar": "programs",
        "where": {"statement": item.id, "spans": [[m.start(), m.end()]],
                  "excerpt": item.text[m.start():m.end()],
                  "flags": [{"span": [m.start(), m.end()], "text": m.group(), "mode": "asserted",
                             "suggestion": "=invite people to a meeting"}]},
        "why": "a march needs notice", "citations": [{"provision": "kh/lpa-2009/art-5"}],
        "mitigations": [{"id": "notify", "text": "notify the governor"}]}
        for m in _MARCH.finditer(item.text)]
    level = "high" if findings else "none"
    return {"lawcheck": "0.1.0",
            "subject": {"kind": "statement", "id": item.id, "source": item.source,
                        "sha256": hashlib.sha256(item.text.encode()).hexdigest()},
            "risk": {"deregistration": {"level": "none", "score": 0.0, "drivers": []},
                     "prosecution": {"level": level, "score": 0.5 if findings else 0.0,
                                     "drivers": ["kh.test.march"] if findings else []}},
            "findings": findings, "not_checked": []}
