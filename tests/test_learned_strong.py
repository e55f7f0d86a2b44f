"""statement.learned_strong (lawcheck/speech/learned.py): the learned categories whose score
reaches the margin the artefact stores (learned.MARGIN; an artefact without one: STRONG times
its threshold). It is a level fact, not a finding: statement.learned_like
still decides whether there is a learned finding at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lawcheck.report.cells import highest_level
from lawcheck.review.quality import Labelled, read_set
from lawcheck.review.reviewer import ReviewerSpec
from lawcheck.speech import learned

DATA = Path(__file__).parent / "data"
# the project's own wording: a named leader called a thief and blamed for suffering (far past
# the defamation threshold), an office holder called corrupt (just past it), and a call to the
# authorities to investigate (below both thresholds)
FAR = "Hun Sen is a thief. Where Hun Sen goes, the people suffer and the forests die."
NEAR = "The governor is a corrupt thief and his family profits from every land deal."
CALM = "We call on the authorities to investigate the complaint and respect the rule of law."
# a peaceful call to a sit-in, which the model scores far past its incitement threshold
SIT_IN = ("Brothers and sisters, tomorrow do not stay at home: come to the district office and "
          "sit there together until the governor talks to us.")
KHMER = "ប្រជាពលរដ្ឋទាំងអស់ត្រូវចូលរួម។"
STRONG_RULES = {f"kh.speech.learned.strong-{c}" for c in learned.CATEGORIES}


@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    db = tmp_path_factory.mktemp("strong") / "s.db"
    return ReviewerSpec(db=str(db), sync=True, as_of=date(2026, 12, 10)).build()


def review(reviewer, text: str) -> dict:
    return reviewer.review(Labelled("s1", text, "t", 1, date(2026, 12, 10), "facebook", None,
                                    frozenset(), "domestic_ngo"))


def rules(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"]}


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


def test_a_stored_margin_decides_wherever_the_threshold_lies():
    """An artefact that stores a margin (learned-3) is strong at that margin and not below it,
    whatever the threshold, at or below 0 included (where a multiple of it meant nothing)."""
    def at(score, threshold, margin):
        return learned.strong_values([learned.Signal("defamation", score, threshold, (), (), 1,
                                                     margin)])

    assert at(0.30, 0.2, 0.30) == ["defamation"]
    assert at(0.299, 0.2, 0.30) == []
    assert at(0.5, 0.0, 0.3) == ["defamation"] and at(0.5, -0.2, 0.3) == ["defamation"]
    assert at(0.65, 0.2, 0.7) == []   # past 3 x the threshold, short of the margin: not strong


def test_an_artefact_without_a_margin_is_read_as_three_times_its_threshold():
    """learned-2 artefacts (and studies built without one) store no margin: the old reading."""
    data = dict(model().data)
    data["models"] = {c: {k: v for k, v in m.items() if k != "margin"}
                      for c, m in data["models"].items()}
    old = learned.Learned(data)
    signals = old.signals(FAR)
    assert signals and all(s.margin is None for s in signals)
    assert learned.strong_values(signals) == sorted(
        s.category for s in signals if s.score >= learned.STRONG * s.threshold)


def test_the_shipped_margins_are_the_benign_max_rule_and_no_benign_line_reaches_them():
    """The shipped artefact stores each category's margin by learned.MARGIN, above its
    threshold, and its own cross-validated figures show no benign tune or train line at it."""
    from lawcheck.speech import learned_build

    data = model().data
    assert data["format"] == learned.FORMAT == "learned-3"
    assert data["params"]["margin"] == [learned.MARGIN, *learned_build.MARGINS[learned.MARGIN]]
    figures = data["cv"]["margins"][learned.MARGIN]
    for category, m in model().models.items():
        assert m["margin"] == figures["margins"][category] > m["threshold"] + 0.09, category
    assert figures["tune_benign"] == 0 and figures["train_benign"] == 0
    assert figures["tune_risky"] > 0   # a margin nothing reaches would be no rule at all


def test_the_margin_rules():
    """learned_build.margins_by: the factor is None where the threshold is not above 0; the
    distance adds ln 2 to the threshold; benign-max is 0.1 above the highest benign score of the
    fit or of dev, never below the threshold plus 0.1, and ignores risky lines."""
    from lawcheck.speech import learned_build

    rows = [{"expect": []}, {"expect": ["defamation"]}, {"expect": []}]
    scores = {"incitement": [0.1, 5.0, 0.05], "defamation": [0.6, 9.0, -1.0]}
    guard = {"incitement": [0.0], "defamation": [0.7]}
    t = {"incitement": 0.2, "defamation": -0.1}
    m = learned_build.MARGINS
    assert learned_build.margins_by(m["factor-3"], rows, scores, guard, t) == \
        {"incitement": 0.6, "defamation": None}
    assert learned_build.margins_by(m["logit-ln2"], rows, scores, guard, t) == pytest.approx(
        {"incitement": 0.8931, "defamation": 0.5931}, abs=1e-4)
    assert learned_build.margins_by(m["benign-max"], rows, scores, guard, t) == pytest.approx(
        {"incitement": 0.3, "defamation": 0.8}, abs=1e-4)


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
    """The margin was chosen so that no benign line reaches it (dev scored by the shipped model,
    which never saw it; train by the cross-validation fold that did not see each line)."""
    strong = []
    for item in read_set(DATA / name):
        if item.expect:
            continue
        scorer = item.learned or model()
        if learned.strong_values(scorer.signals(item.text)):
            strong.append(item.id)
    assert strong == []


def test_review_adds_the_strong_level_rule_only_past_the_margin(reviewer):
    far, near = review(reviewer, FAR), review(reviewer, NEAR)
    assert "kh.speech.learned.strong-defamation" in rules(far)
    assert highest_level(far) == "critical"
    # the level rule says what it rests on, as the learned finding does: the score and threshold
    [strong] = [f for f in far["findings"] if f["rule"] == "kh.speech.learned.strong-defamation"]
    assert "Statistical resemblance (score" in strong["why"] and "threshold" in strong["why"]
    assert "kh.speech.learned.defamation" in rules(near)
    assert not STRONG_RULES & rules(near)


def test_a_peaceful_call_scored_far_past_the_threshold_is_not_made_critical(reviewer):
    """Issue 13: a peaceful call to gather is not critical by itself. The model scores this
    sit-in call far past its incitement threshold; the margin rule leaves it to the call's own
    rules."""
    assert "incitement" in facts(SIT_IN)[1]
    report = review(reviewer, SIT_IN)
    assert "kh.speech.incitement.call-to-gather" in rules(report)
    assert not STRONG_RULES & rules(report)
    assert highest_level(report) != "critical"


def test_a_statement_it_cannot_read_lists_the_strong_rules_as_not_checked(reviewer):
    """Not English: the score was not computed, so the margin rules are not checked, with the
    same reason as the learned rules, never silently absent."""
    report = review(reviewer, KHMER)
    reasons = {n["rule"]: n.get("reason", "") for n in report["not_checked"]}
    for rule in STRONG_RULES:
        assert "reads English only and was not computed" in reasons.get(rule, ""), rule


def test_a_margin_study_never_writes_the_shipped_artefact(capsys):
    """--margin other than learned.MARGIN is a study: it must name another output file."""
    from lawcheck.speech import learned_build

    other = next(name for name in learned_build.MARGINS if name != learned.MARGIN)
    with pytest.raises(SystemExit) as stop:
        learned_build.main(["build", "--margin", other])
    assert stop.value.code == 2
    assert "not the shipped one" in capsys.readouterr().err
