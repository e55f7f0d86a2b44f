"""The paraphrase set (tests/data/paraphrase, tests/data/README.md "The paraphrase set"): new
wording for the statement review, written without reading the analyser's vocabulary and split
into a tune and a sealed part by a fixed rule before lawcheck read a line of it.

These tests keep the set well formed and the split honest (every line's part is recomputed from
its id), and check that benchmarks/quality.py reports both parts and never lists the sealed
part's lines. They read the sealed part's labels and ids, never run the analyser on it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from lawcheck.review.quality import LEVELS, SPEECH_CATEGORIES, medium_group, read_set
from lawcheck.vocabulary import MEDIA

HERE = Path(__file__).parent / "data" / "paraphrase"
PARTS = ("tune", "sealed")
KEYS = {"id", "text", "date", "medium", "family", "expect", "level", "note", "written"}
FAMILIES = {"gather", "forces", "overthrow", "territory", "foreign", "king", "courts", "accuse",
            "insult", "ethnic", "election"}
WRITTEN = "2026-12-07 s29, lawcheck team paraphrase"


def part_of(row_id: str) -> str:
    """The split rule, recomputed: the last hex digit of sha256(id) below 8 -> tune."""
    return "tune" if int(hashlib.sha256(row_id.encode("utf-8")).hexdigest()[-1], 16) < 8 \
        else "sealed"


def rows(part: str) -> list[tuple[int, dict]]:
    lines = (HERE / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
    return [(number, json.loads(line)) for number, line in enumerate(lines, 1) if line.strip()]


ALL = [(part, number, row) for part in PARTS for number, row in rows(part)]


def bench():
    spec = importlib.util.spec_from_file_location(
        "quality_bench", Path(__file__).parents[1] / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_line_is_in_the_part_its_id_hashes_to():
    wrong = [(part, number, row["id"]) for part, number, row in ALL if part_of(row["id"]) != part]
    assert not wrong, f"lines in the wrong part (the split rule is fixed; never move one): {wrong}"
    assert len([1 for part, _n, _r in ALL if part == "tune"]) >= 100
    assert len([1 for part, _n, _r in ALL if part == "sealed"]) >= 100


def test_ids_and_texts_are_unique_across_both_parts():
    ids = Counter(row["id"] for _p, _n, row in ALL)
    texts = Counter(" ".join(row["text"].lower().split()) for _p, _n, row in ALL)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [t for t, n in texts.items() if n > 1] == []


@pytest.mark.parametrize("part,number,row", ALL, ids=[f"{p}:{n}" for p, n, _r in ALL])
def test_each_line_is_well_formed(part, number, row):
    where = f"tests/data/paraphrase/{part}.jsonl:{number}"
    assert set(row) == KEYS, f"{where}: keys {sorted(set(row) ^ KEYS)}"
    assert row["family"] in FAMILIES, where
    risky = bool(row["expect"])
    assert re.fullmatch(rf"para-{row['family']}-{'r' if risky else 'b'}\d\d", row["id"]), where
    assert set(row["expect"]) <= set(SPEECH_CATEGORIES), where
    assert len(row["expect"]) == len(set(row["expect"])), where
    if risky:
        assert row["level"] in LEVELS and row["level"] != "none", where
    else:
        assert row["level"] == "none", where
    assert row["date"] is None, where
    assert row["medium"] in MEDIA, where
    assert medium_group(row["medium"]) in ("post", "spoken", "organisation"), where
    assert row["written"] == WRITTEN, where
    assert row["text"].strip() == row["text"] and len(row["text"].split()) >= 3, where
    assert len(row["note"]) >= 10, where


def test_each_family_has_the_counts_the_set_was_written_to():
    """12-16 risky and 8-12 benign lines per family, over both parts."""
    counts = Counter((row["family"], bool(row["expect"])) for _p, _n, row in ALL)
    for family in FAMILIES:
        assert 12 <= counts[(family, True)] <= 16, family
        assert 8 <= counts[(family, False)] <= 12, family


def test_levels_follow_the_convention_for_what_precedents_punished_with_prison():
    """Appeals to the forces, overthrow, the King, border claims and ballot campaigns are
    critical (issue 13, Levels); a notified call to gather is below an unnotified one."""
    for _p, _n, row in ALL:
        if row["family"] in ("forces", "overthrow", "king", "territory"):
            assert row["level"] in ("critical", "none"), row["id"]
        if "election" in row["expect"]:
            assert row["level"] == "critical", row["id"]
        if "lese-majeste" in row["expect"]:
            assert "defamation" not in row["expect"], row["id"]  # the guide: lese-majeste only
    gather = [row for _p, _n, row in ALL if row["family"] == "gather" and row["expect"]]
    assert {row["level"] for row in gather if "informed" in row["text"]} == {"low"}


def test_lawcheck_reads_the_tune_part_with_the_writers_marks():
    items = read_set(HERE / "tune.jsonl")
    assert len(items) == len(rows("tune"))
    assert all(i.date is None and i.level in LEVELS for i in items)
    benign = [i for i in items if not i.expect]
    assert {i.mark for i in benign} == {"borderline", "clear"}


def test_the_benchmark_reports_both_parts_by_default():
    quality = bench()
    assert HERE / "tune.jsonl" in quality.DEFAULT_SETS
    assert HERE / "sealed.jsonl" in quality.DEFAULT_SETS
    assert "sealed.jsonl" in quality.SEALED and "tune.jsonl" not in quality.SEALED
    assert quality.set_name(HERE / "sealed.jsonl") == "paraphrase/sealed.jsonl"


def test_the_sealed_part_refuses_errors_and_the_tune_part_lists_them(tmp_path, capsys):
    """--errors on the sealed part prints its aggregates and a refusal, never a line's id or
    text (here a stand-in file of the same name); on the tune part it lists them."""
    from lawcheck.review.reviewer import ReviewerSpec

    quality = bench()
    reviewer = ReviewerSpec(db=str(tmp_path / "p.db"), sync=True).build()
    lines = [{"id": "para-accuse-r01", "text": "Rice is cheaper at the market this week.",
              "date": None, "medium": "facebook", "family": "accuse",
              "expect": ["defamation"], "level": "critical", "note": "borderline: stand-in"},
             {"id": "para-accuse-b01", "text": "The governor is a thief.",
              "date": None, "medium": "facebook", "family": "accuse", "expect": [],
              "level": "none", "note": "stand-in benign"}]
    folder = tmp_path / "paraphrase"
    folder.mkdir()
    for name in ("sealed.jsonl", "tune.jsonl"):
        path = folder / name
        path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
        result = quality.report(name, path, reviewer, True, True)
        out = capsys.readouterr().out
        assert "false alarms on benign: 1/1" in out
        assert "accuse 0/1, 1/1" in out  # per family: outcome hits/risky, false alarms/benign
        assert "borderline 0/1, 0/0" in out and "clear 0/0, 1/1" in out
        assert result["paraphrase_split"]["family"] == {"accuse": [0, 1, 1, 1]}
        listed = "para-accuse-b01" in out or "thief" in out or "para-accuse-r01" in out
        assert listed == (name == "tune.jsonl")
        assert ("--errors refused for sealed.jsonl" in out) == (name == "sealed.jsonl")


# The tune part's floor. Measured 2026-12-07, session 29, on the tree the set was written
# against (08ebf62, the default run of benchmarks/quality.py): outcome 26/82, false alarms 6/72,
# benign at high or critical 3/72 (main at b19be09, the tune part alone: 26/82, 5/72, 2/72).
# After the round's readings, which were written from this part's listed errors (in-sample):
# 65/82, 3/72, 1/72. Raise it when the analyser gains; never set it above a measured figure.
def test_the_tune_part_keeps_its_floor(tmp_path):
    from datetime import date

    from lawcheck.review.quality import score
    from lawcheck.review.reviewer import ReviewerSpec

    quality = bench()
    reviewer = ReviewerSpec(db=str(tmp_path / "t.db"), sync=True, as_of=date(2026, 12, 1)).build()
    levels = quality.LevelGuard(reviewer)
    tune = score(read_set(HERE / "tune.jsonl"), levels)
    assert tune.outcome_total == 82 and tune.benign == 72
    assert tune.outcome_hits >= 65, tune.outcome_misses
    assert tune.false_alarms <= 3, [e[0] for e in tune.errors if not e[1]]
    assert len(levels.inflated) <= 1, levels.inflated


# The sealed part's floor (the lead's): a guard against losing what transfers, never a target.
# It reads aggregates only and names no line. Measured 2026-12-07, session 29: 30/84, false
# alarms 5/54, benign at high or critical 2/54 at the start (08ebf62 with the set); 33/84, 5/54,
# 2/54 at the end of the round, after readings written from the tune part moved it 26 -> 65/82.
def test_the_sealed_part_keeps_its_floor(tmp_path):
    from datetime import date

    from lawcheck.review.quality import score
    from lawcheck.review.reviewer import ReviewerSpec

    quality = bench()
    reviewer = ReviewerSpec(db=str(tmp_path / "t.db"), sync=True, as_of=date(2026, 12, 1)).build()
    levels = quality.LevelGuard(reviewer)
    sealed = score(read_set(HERE / "sealed.jsonl"), levels)
    # plain numbers only: a failing assert must not print the lines (pytest shows its operands)
    figures = (sealed.outcome_total, sealed.benign, sealed.outcome_hits, sealed.false_alarms,
               len(levels.inflated))
    assert figures[:2] == (84, 54), "the sealed part never changes"
    assert figures[2] >= 35 and figures[3] <= 5 and figures[4] <= 2, \
        "outcome, false alarms, benign at high+ (lines not listed): " + str(figures[2:])
    # every "no findings" states this figure (lawcheck/speech/measured.py): never rosier
    from lawcheck.speech import measured

    assert (measured.NEW_FOUND, measured.NEW_OF) == (figures[2], 84), \
        "update NEW_FOUND in lawcheck/speech/measured.py (and its date)"
