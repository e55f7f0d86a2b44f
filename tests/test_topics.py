"""Plan topics → the labels of activity.topics (rules/topics.yaml, lawcheck.derive._labels).
Keywords match whole words, so a plural the table lacks falls to `other`: "extrajudicial
killings" once gave no grave-violation label and kh.practice.commemoration.killing could not
fire on the 2019 Kem Ley anniversary it names."""

from __future__ import annotations

import pytest

from lawcheck.derive import _labels, load_calendars
from lawcheck.settings import rules_dir

TOPICS = load_calendars(rules_dir()).topics


@pytest.mark.parametrize("singular, plural", [
    ("killing", "killings"), ("arrest", "arrests"), ("detention", "detentions"),
    ("murder", "murders"), ("disappearance", "disappearances")])
def test_a_grave_violation_reads_the_same_in_the_plural(singular, plural):
    assert "grave-violation" in _labels(f"extrajudicial {singular}", TOPICS)
    assert "grave-violation" in _labels(f"extrajudicial {plural}", TOPICS)


@pytest.mark.parametrize("participle", ["arrested", "detained", "killed", "murdered"])
def test_a_grave_violation_reads_the_same_as_a_participle(participle):
    # "murdered government critic" (the 2016 Kem Ley 100-day ceremony) fell to `other`
    assert "grave-violation" in _labels(f"{participle} government critic", TOPICS)


def test_an_adjective_reads_as_its_noun():
    # "environmental documentation" (the 2017 sand-ship filming) fell to documentation alone,
    # so kh.practice.documenting-projects, which names that case, could not fire
    assert "environment" in _labels("environmental documentation", TOPICS)


def test_an_unrelated_topic_is_still_other():
    assert _labels("maternal nutrition", TOPICS) == {"health"}
    assert _labels("kite flying", TOPICS) == {"other"}


@pytest.mark.parametrize("topic", ["release of detained activists", "arrested union leader",
                                   "political prisoners", "detention of a land activist"])
def test_people_held_read_as_detention_as_well(topic):
    # kh.practice.court-protest and .detention-protest read `detention`, not the whole label
    assert {"grave-violation", "detention"} <= _labels(topic, TOPICS)


@pytest.mark.parametrize("topic", ["murdered government critic",
                                   "anniversary of a government critic's killing",
                                   "extrajudicial killings", "torture"])
def test_a_killing_is_no_detention(topic):
    # a Kem Ley memorial once fired the release-of-detainees rule: it names a death, not people held
    labels = _labels(topic, TOPICS)
    assert "grave-violation" in labels and "detention" not in labels
