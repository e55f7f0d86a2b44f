"""Political neutrality (LANGO Art 24): what makes statement.party_stance (issue 13).

A stance toward a party, or toward a politician in a party or electoral role, is a party stance;
an accusation against an office holder for what they did in office is not, on its face (the
accusation itself stays: defamation and the rest are untouched). Opposition leaders and
candidates have no public role but the party's, so they need no frame. The statements here are
written for these tests, not taken from the labelled sets.
"""

from __future__ import annotations

from datetime import date

import pytest

from lawcheck.review.quality import Labelled
from lawcheck.review.reviewer import ReviewerSpec
from lawcheck.speech import analyse
from lawcheck.speech.lexicon import load_lexicon
from lawcheck.speech.targets import OFFICE_HOLDERS

PARTISAN = "kh.lango.neutrality.partisan-statement"


@pytest.mark.parametrize("text, accused", [
    # an office holder's act judged: different officials, verbs and wrongs, no party beside them
    ("We condemn Hun Manet's decision to close the independent radio station.", None),
    ("Hun Sen has used violence and corruption to stay in power for decades.", "accuses"),
    ("Samdech Tea Banh ordered soldiers to burn the villagers' houses.", "accuses"),
    ("The dictator stole the land of thousands of families.", "accuses"),
    ("The Hun family got rich by selling our forests.", "accuses"),
    ("Hun Sen is a thief.", "insults"),
    ("We support Hun Manet's plan to build more schools.", None),
])
def test_an_office_holders_act_judged_is_no_party_stance(text, accused):
    facts = analyse(text).facts
    assert facts["statement.party_stance"] == [], analyse(text).acts
    if accused:  # the accusation itself is kept, aimed at the politician
        assert "politician" in facts[f"statement.{accused}"], analyse(text).acts


@pytest.mark.parametrize("text, stance", [
    # the same people in a party or electoral role: a party named beside them, a vote, an
    # election, a party post; and opposition leaders, whose role is the party's
    ("Hun Manet lied to voters during the campaign.", "attack"),
    ("Hun Sen and his party stole the land of thousands of families.", "attack"),
    ("The dictator rigged the election.", "attack"),
    ("Kem Sokha is a traitor.", "attack"),
    ("Shame on the opposition leader.", "attack"),
    ("Vote for Hun Manet on Sunday.", "endorse"),
])
def test_a_politician_in_a_party_or_electoral_role_keeps_the_stance(text, stance):
    assert stance in analyse(text).facts["statement.party_stance"], analyse(text).acts


@pytest.mark.parametrize("text, attacked", [
    # a vote asked against a party or its leader attacks them; a party that itself votes
    # against a motion is attacked by no one
    ("Never vote for the Candlelight Party.", True),
    ("We will not vote for Hun Sen's party.", True),
    ("Vote out Hun Manet in July.", True),
    ("Members of the CPP voted against the motion.", False),
])
def test_a_vote_asked_against_a_party_is_an_attack(text, attacked):
    assert ("attack" in analyse(text).facts["statement.party_stance"]) is attacked, \
        analyse(text).acts


def test_every_office_holder_is_a_lexicon_entry():
    """A renamed entry must not silently turn an office holder into a party figure or back."""
    ids = {e.id for e in load_lexicon().entries} | {"name.leader"}
    assert OFFICE_HOLDERS <= ids


@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    db = tmp_path_factory.mktemp("neutrality") / "n.db"
    return ReviewerSpec(db=str(db), sync=True, as_of=date(2026, 12, 1)).build()


def _rules(reviewer, text: str) -> set[str]:
    item = Labelled("t1", text, "test", 1, date(2026, 12, 1), None, None, frozenset(),
                    org_type="domestic_ngo")
    return {f["rule"] for f in reviewer.review(item)["findings"]}


def test_measured_criticism_of_a_minister_is_no_neutrality_finding(reviewer):
    rules = _rules(reviewer, "Hun Manet's government has jailed journalists and the Prime "
                             "Minister Hun Manet lied about it.")
    assert PARTISAN not in rules
    assert any("defamation" in r for r in rules), rules  # the accusation still counts


@pytest.mark.parametrize("text", [
    # risky near-misses: an NGO urging a vote against a party, or attacking a leader as the
    # head of his party, keeps the neutrality finding
    "We urge every member to vote against the Cambodian People's Party in July.",
    "Hun Sen, the president of the ruling party, is a liar and a thief.",
    "Do not let the Candlelight Party win: its leaders are traitors.",
])
def test_partisan_near_misses_keep_the_finding(reviewer, text):
    assert PARTISAN in _rules(reviewer, text)


@pytest.fixture(scope="module")
def khmer_reader():
    from lawcheck.speech import Analyser
    from lawcheck.speech.bilingual import read
    from lawcheck.speech.script import screen

    analyser = Analyser()
    return lambda text: read(analyser, screen(text), text)[1].facts


@pytest.mark.parametrize("text, stance", [
    # Hun Manet accused of corruption, alone: an office holder's act, no party's side
    ("ហ៊ុន ម៉ាណែត ពុករលួយ។", False),
    # the same with the ruling party named in the sentence: a party stance
    ("ហ៊ុន ម៉ាណែត នៃគណបក្សប្រជាជនកម្ពុជា ពុករលួយ។", True),
    # the party named only in another sentence does not frame the first
    ("ហ៊ុន ម៉ាណែត ពុករលួយ។ គណបក្សប្រជាជនកម្ពុជា ឈ្នះ។", False),
    # an opposition leader has no public role but the party's: a party stance unframed
    ("កឹម សុខា ពុករលួយ។", True),
])
def test_khmer_reads_party_stance_as_english_does(khmer_reader, text, stance):
    """The Khmer analyser applies targets.party_role's reading (it kept the broad one until the
    neutrality round's review found English and Khmer disagreeing)."""
    facts = khmer_reader(text)
    assert facts["statement.accuses"], facts  # the accusation itself stays
    assert (facts["statement.party_stance"] == ["attack"]) is stance, facts
