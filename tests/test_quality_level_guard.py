"""The level-inflation guard of benchmarks/quality.py (issue 13, levels fifth round): per set, the
benign statements whose higher risk level is high or critical, listed with --errors for tuning
sets only."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from lawcheck.review.reviewer import ReviewerSpec

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("quality_bench_guard",
                                                  ROOT / "benchmarks" / "quality.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_benign_statements_at_high_or_critical_are_counted_and_listed(tmp_path, capsys):
    bench = _bench()
    reviewer = ReviewerSpec(db=str(tmp_path / "g.db"), sync=True).build()
    rows = [
        # benign by label, but its words accuse the government on Facebook: critical
        {"id": "benign-hot", "text": "The government is plundering the forest.", "expect": [],
         "medium": "facebook", "date": "2026-12-01"},
        # benign by label, a press release accusing a company: a finding, but moderate
        {"id": "benign-mild", "text": "The company grabbed the villagers' land.", "expect": [],
         "medium": "press_release", "date": "2026-12-01"},
        # benign and clean
        {"id": "benign-clean", "text": "We thank the donors for their support.", "expect": [],
         "medium": "facebook", "date": "2026-12-01"},
        # risky at critical: never counted by the guard
        {"id": "risky-hot", "text": "The government is plundering the forest.",
         "expect": ["defamation"], "medium": "facebook", "date": "2026-12-01"},
    ]
    for name in ("tune.jsonl", "untouched.jsonl"):
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        figures = bench.report(name, path, reviewer, True, True)
        out = capsys.readouterr().out
        assert figures["benign_high_or_critical"] == 1
        assert "benign at high or critical risk: 1/3" in out
        # the id is listed for a tuning set, never for a sealed one
        assert ("benign-hot: benign, level critical" in out) == (name == "tune.jsonl")
        assert "benign-mild: benign" not in out and "risky-hot: benign" not in out


def test_tuning_halves_split_by_event_and_cover_the_part(tmp_path):
    """--half: every line of one event falls in the same half, the two halves partition the part,
    and the event key is the split key, else the precedent, else the source URL, else the id."""
    bench = _bench()
    rows = [{"id": f"line-{n}", "text": "We thank the donors.", "expect": [],
             "source": {"url": f"https://example.org/{n % 7}"}} for n in range(40)]
    rows.append({"id": "keyed", "text": "x", "expect": [], "split_key": "https://example.org/3",
                 "precedent": "other", "source": {"url": "https://elsewhere.org"}})
    halves = {r["id"]: bench.half_of(r) for r in rows}
    assert set(halves.values()) == {"study", "check"}
    for n in range(40):  # one URL, one half
        assert halves[f"line-{n}"] == halves[f"line-{n % 7}"]
    assert halves["keyed"] == halves["line-3"]
    assert bench.half_of({"id": "p", "precedent": "2020-x"}) == bench.half_of(
        {"id": "q", "precedent": "2020-x", "source": {"url": "https://a.org"}})
    path = tmp_path / "tune.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    study = {i.id for i in bench.half_items(path, True, "study")}
    check = {i.id for i in bench.half_items(path, True, "check")}
    assert study | check == set(halves) and not study & check
