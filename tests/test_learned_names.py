"""A known false-alarm family of the learned signal (issue 13), kept as strict xfails.

The bag-of-words model (lawcheck.speech.learned) weighs a leader's name on its own: most real
statements that drew action name the country's leaders. Plain sentences naming a park, a school,
a street or an engagement of Samdech Hun Sen draw a learned finding, some at the strong margin
(critical). A gate that dropped the learned finding where a leader is named and the statement
holds no act and no word VADER rates negative removed all of them and cost one risky line of
the tuning part, but five of 137 risky lines of the untouched part (the CI floor failed), so it
was not shipped (tests/data/README.md, eighteenth round). When a change fixes these, the strict
xfail fails: make them plain tests."""

from __future__ import annotations

from datetime import date

import pytest

from lawcheck.review.quality import Labelled
from lawcheck.review.reviewer import ReviewerSpec


@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    db = tmp_path_factory.mktemp("names") / "n.db"
    return ReviewerSpec(db=str(db), sync=True, as_of=date(2026, 12, 10)).build()


def learned_rules(reviewer, text: str) -> list[str]:
    report = reviewer.review(Labelled("s1", text, "t", 1, date(2026, 12, 10), "facebook", None,
                                      frozenset(), "domestic_ngo"))
    return [f["rule"] for f in report["findings"] if f["rule"].startswith("kh.speech.learned.")]


@pytest.mark.xfail(strict=True, reason="the learned model weighs a leader's name alone; the "
                   "gate that fixed it cost 5 of 137 untouched outcomes (s33), not shipped")
@pytest.mark.parametrize("text", [
    "Hun Sen Park will host the food festival next weekend.",
    "Students at Hun Sen High School won the national science prize.",
    "Senate President Hun Sen received the Japanese ambassador.",
    "Our office has moved to a new address near Hun Sen Boulevard. Phone numbers and email stay "
    "the same. Please visit us from Monday to Friday.",
])
def test_a_leader_named_in_a_plain_sentence_draws_no_learned_finding(reviewer, text):
    assert not learned_rules(reviewer, text)


def test_a_leader_named_with_words_against_him_keeps_its_learned_finding(reviewer):
    # the other side, which any fix must keep
    text = ("Hun Sen is an unlucky and cursed man; wherever he goes, the people suffer and the "
            "country is plundered.")
    assert learned_rules(reviewer, text)
