"""statement.learned_strong (lawcheck/speech/learned.py): the learned categories whose score is at
least STRONG times its threshold. It is a level fact, not a finding: statement.learned_like
still decides whether there is a learned finding at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.review.quality import read_set
from lawcheck.speech import learned

DATA = Path(__file__).parent / "data"
# the project's own wording: a named leader called a thief and blamed for suffering (far past
# the defamation threshold), an office holder called corrupt (just past it), and a call to the
# authorities to investigate (below both thresholds)
FAR = "Hun Sen is a thief. Where Hun Sen goes, the people suffer and the forests die."
NEAR = "The minister is corrupt and his family profits from every land deal."
CALM = "We call on the authorities to investigate the complaint and respect the rule of law."


def signal(score: float, threshold: float, category: str = "defamation") -> learned.Signal:
    return learned.Signal(category, score, threshold, (), (), 1)


def model() -> learned.Learned:
    loaded = learned.load()
    assert loaded is not None, "the shipped learned artefact did not load"
    return loaded


def test_strong_starts_at_the_factor_times_the_threshold():
    t = 0.15
    assert learned.strong_values([signal(learned.STRONG * t, t)]) == ["defamation"]
    assert learned.strong_values([signal(learned.STRONG * t - 0.001, t)]) == []
    assert learned.strong_values([signal(10 * t, t, "incitement"), signal(1.5 * t, t)]) == \
        ["incitement"]
    assert learned.strong_values([]) == []


def test_a_threshold_not_above_zero_is_never_strong():
    """A multiple of a threshold at or below 0 means nothing: no category is strong by it."""
    assert learned.strong_values([signal(5.0, 0.0), signal(5.0, -0.2)]) == []


def test_the_shipped_thresholds_are_positive():
    """strong_values reads a multiple of the threshold: the build must keep thresholds above 0,
    or the fact silently never fires."""
    for category, m in model().models.items():
        assert m["threshold"] > 0, category


def facts(text: str) -> tuple[list[str], list[str]]:
    signals = model().signals(text)
    return learned.fact_values(signals), learned.strong_values(signals)


def test_a_statement_far_past_the_threshold_is_strong():
    like, strong = facts(FAR)
    assert "defamation" in like and "defamation" in strong


def test_a_statement_just_past_the_threshold_is_like_but_not_strong():
    like, strong = facts(NEAR)
    assert like == ["defamation"]
    assert strong == []


def test_a_statement_below_the_threshold_is_neither():
    assert facts(CALM) == ([], [])


@pytest.mark.parametrize("name", ["statements-dev.jsonl", "statements-train.jsonl"])
def test_no_benign_dev_or_train_line_is_strong(name):
    """The factor was chosen so that no benign line reaches it (dev scored by the shipped model,
    which never saw it; train by the cross-validation fold that did not see each line)."""
    strong = []
    for item in read_set(DATA / name):
        if item.expect:
            continue
        scorer = item.learned or model()
        if learned.strong_values(scorer.signals(item.text)):
            strong.append(item.id)
    assert strong == []
