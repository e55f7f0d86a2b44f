"""The labelled statement sets keep their shape and size.

They are the yardstick for `lawcheck review`; a careless edit that drops lines, misspells a
category or breaks a line must fail here rather than quietly change the quality figures.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
KEYS = {"id", "text", "medium", "speaker", "date", "expect", "note"}
CATEGORIES = {"incitement", "defamation", "lese-majeste", "judicial", "political-neutrality",
              "election"}
MEDIA = {"press_release", "facebook", "joint_statement", "interview", "speech", "banner",
         "website", "other"}
SPEAKERS = {"organization", "staff", "partner"}

# Floors, not targets: the sets may grow, never shrink below what the brief promised.
DEV_MINIMUMS = {"incitement": 35, "defamation": 20, "lese-majeste": 20, "judicial": 20,
                "political-neutrality": 20, "election": 20}
CAMPAIGNS = [(datetime.date(2018, 7, 7), datetime.date(2018, 7, 27)),
             (datetime.date(2023, 7, 1), datetime.date(2023, 7, 21))]


def _load(name: str) -> list[dict]:
    rows = []
    for number, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{name}:{number}: blank line"
        rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="module", params=["statements-dev.jsonl", "statements-heldout.jsonl",
                                        "statements-train.jsonl"])
def statements(request) -> tuple[str, list[dict]]:
    return request.param, _load(request.param)


def test_every_line_has_exactly_the_agreed_fields_and_values(statements):
    name, rows = statements
    prefix = name.removeprefix("statements-").removesuffix(".jsonl")
    for row in rows:
        where = f"{name}: {row.get('id')}"
        assert set(row) == KEYS, where
        assert row["id"].startswith(prefix + "-"), where
        assert isinstance(row["text"], str) and row["text"].strip(), where
        assert row["medium"] in MEDIA, where
        assert row["speaker"] in SPEAKERS, where
        assert datetime.date.fromisoformat(row["date"]).isoformat() == row["date"], where
        assert isinstance(row["expect"], list), where
        assert set(row["expect"]) <= CATEGORIES, where
        assert len(set(row["expect"])) == len(row["expect"]), where
        assert isinstance(row["note"], str) and row["note"].strip(), where


def test_ids_and_texts_are_unique(statements):
    name, rows = statements
    ids = Counter(row["id"] for row in rows)
    texts = Counter(row["text"] for row in rows)
    assert [i for i, n in ids.items() if n > 1] == [], name
    assert [t for t, n in texts.items() if n > 1] == [], name


def test_no_statement_appears_in_both_sets():
    dev = {row["text"] for row in _load("statements-dev.jsonl")}
    heldout = {row["text"] for row in _load("statements-heldout.jsonl")}
    assert dev.isdisjoint(heldout)


def test_no_id_or_text_is_shared_by_any_two_of_the_three_sets():
    names = ["statements-dev.jsonl", "statements-heldout.jsonl", "statements-train.jsonl"]
    sets = {name: _load(name) for name in names}
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            for key in ("id", "text"):
                shared = ({row[key] for row in sets[first]}
                          & {row[key] for row in sets[second]})
                assert shared == set(), (first, second, key, sorted(shared)[:3])


def test_train_set_keeps_its_promised_size():
    rows = _load("statements-train.jsonl")
    counts = Counter(category for row in rows for category in row["expect"])
    benign = [row for row in rows if not row["expect"]]
    assert len(rows) >= 260
    assert set(counts) == CATEGORIES
    assert len(benign) >= 120
    assert sum(1 for row in benign if row["note"].startswith("hard negative")) >= 60


def test_dev_set_meets_the_promised_counts():
    rows = _load("statements-dev.jsonl")
    counts = Counter(category for row in rows for category in row["expect"])
    benign = [row for row in rows if not row["expect"]]
    hard = [row for row in benign if row["note"].startswith("hard negative")]
    assert len(rows) >= 260
    for category, floor in DEV_MINIMUMS.items():
        assert counts[category] >= floor, (category, counts[category])
    assert len(benign) >= 130
    assert len(hard) >= 60


def test_heldout_set_keeps_its_size_and_covers_every_category():
    rows = _load("statements-heldout.jsonl")
    counts = Counter(category for row in rows for category in row["expect"])
    assert len(rows) >= 115
    assert set(counts) == CATEGORIES
    assert sum(1 for row in rows if not row["expect"]) >= 50


def test_campaign_attacks_carry_the_election_label(statements):
    """An attack on a party inside a campaign period is also an election finding (the guide)."""
    name, rows = statements
    for row in rows:
        day = datetime.date.fromisoformat(row["date"])
        in_campaign = any(start <= day <= end for start, end in CAMPAIGNS)
        attacks_party = ("political-neutrality" in row["expect"]
                         and not row["note"].startswith("borderline: endorsement"))
        if attacks_party and in_campaign:
            assert "election" in row["expect"], f"{name}: {row['id']}"
