"""Every shipped precedent is a test (issue 12): its reconstruction, run through lawcheck, must
give the precedent's categories at no less than the level its outcome implies
(lawcheck.precedent_cases). A precedent lawcheck does not yet judge so is listed in
tests/data/precedent-gaps.yaml with the rule that is missing; it runs as a strict xfail, so a
closed gap fails until its entry is removed. In-sample recall per category: tests/data/README.md
and ``python benchmarks/precedents.py``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lawcheck.precedent_cases import Runner, required_level
from lawcheck.precedents import load_precedents

GAPS_FILE = Path(__file__).parent / "data" / "precedent-gaps.yaml"
GAPS: dict = (yaml.safe_load(GAPS_FILE.read_text(encoding="utf-8")) or {}).get("gaps") or {}
BASE = load_precedents()
RULE_ID = re.compile(r"\bkh\.[a-z0-9-]+(?:\.[a-z0-9*-]+)+")


@pytest.fixture(scope="module")
def runner(tmp_path_factory):
    return Runner(f"sqlite:///{tmp_path_factory.mktemp('cases') / 'cases.db'}")


@pytest.mark.parametrize("precedent", BASE, ids=[p.id for p in BASE])
def test_precedent_reconstruction(precedent, runner, request):
    if precedent.id in GAPS:
        request.applymarker(pytest.mark.xfail(reason=GAPS[precedent.id], strict=True))
    result = runner.run(precedent)
    assert result.error is None, result.explain()
    assert not result.missing, result.explain()
    assert result.level_ok, result.explain()


def test_every_gap_names_a_rule_and_a_shipped_precedent():
    ids = {p.id for p in BASE}
    for pid, reason in GAPS.items():
        assert pid in ids, f"{pid}: no such precedent; drop the entry"
        assert RULE_ID.search(reason), f"{pid}: the reason must name the missing rule"


def test_required_level_reads_critical_as_critical_or_high():
    levels = {p.level: required_level(p) for p in BASE}
    assert levels.get("critical", "high") == "high"
    assert all(required_level(p) == p.level for p in BASE if p.level != "critical")
