"""Quality floors of the statement review on the labelled development set (tests/data).

The floors are the issue's: recall of at least 0.9 on every speech category and at most 5 % of
benign statements flagged. The held-out set is measured by benchmarks/quality.py and reported,
never asserted here: it is not used to tune anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.review.quality import SPEECH_CATEGORIES, read_set, score
from lawcheck.review.reviewer import ReviewerSpec

DEV = Path(__file__).parent / "data" / "statements-dev.jsonl"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    db = tmp_path_factory.mktemp("quality") / "q.db"
    reviewer = ReviewerSpec(db=str(db), sync=True).build()
    return score(read_set(DEV), reviewer)


@pytest.mark.parametrize("category", SPEECH_CATEGORIES)
def test_recall_floor(result, category):
    row = result.table()[category]
    assert row["support"] >= 20, "the set must keep enough examples of every category"
    missed = [e[0] for e in result.errors if category in e[1]]
    assert row["recall"] >= 0.9, f"{category}: recall {row['recall']:.3f}; missed {missed}"


def test_false_alarms_on_benign_statements(result):
    flagged = [e[0] for e in result.errors if not e[1] and e[2]]
    assert result.benign >= 130
    assert result.false_alarm_rate() <= 0.05, f"{result.false_alarm_rate():.3f}: {flagged}"


def test_every_flag_points_at_its_words(tmp_path):
    """On every dev statement, each flagged span is the exact words the report quotes."""
    reviewer = ReviewerSpec(db=str(tmp_path / "spans.db"), sync=True).build()
    for item in read_set(DEV):
        for finding in reviewer.review(item)["findings"]:
            where = finding["where"]
            assert where["spans"], (item.id, finding["rule"])
            for (start, end), flag in zip(where["spans"], where["flags"]):
                assert 0 <= start < end <= len(item.text)
                assert item.text[start:end] == flag["text"], (item.id, finding["rule"])
