"""A statement with no finding that names a subject words were punished for (the King, the courts,
the border...) says so specifically, in JSON, text and HTML, with the precedent base's count of
severe events on that subject (issue 8: when lawcheck cannot judge, it says so, specifically)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lawcheck.cli import cli
from lawcheck.precedents import load_precedents
from lawcheck.speech import measured

KING = "His Majesty the King presided over the water festival in Phnom Penh."
ROUTINE = "We thank our donors for the training on bookkeeping."
RISKY = "District Governor Chea Vanna is a corrupt thief. Everyone must join the march on Sunday."


def review(tmp_path, text, fmt="jsonl", *extra):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "r.db"), "review", "--text", text,
                                      "--format", fmt, "--date", "2026-12-05", *extra])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def severe_on(topics: set[str]) -> list:
    return [p for p in load_precedents() if p.did.kind == "statement"
            and p.level in ("high", "critical") and topics & set(p.did.topics)]


def test_the_note_names_the_subject_and_counts_severe_precedents_on_it():
    precedents = load_precedents()
    note = measured.no_finding_note(["king"], precedents)
    hits = severe_on({"king", "royal"})
    assert hits, "the base holds lèse-majesté events; without them this test proves nothing"
    assert f"It names the King: " in note
    assert f"in {len(hits)} event{'s' * (len(hits) > 1)} of the precedent base" in note
    latest = sorted(hits, key=lambda p: (p.date, p.id), reverse=True)[0]
    assert f"(latest: {latest.id}" in note
    assert f"{measured.FOUND} of {measured.OF}" in note  # the measured figure stays


def test_several_subjects_are_listed_once_and_their_topics_pooled():
    precedents = load_precedents()
    note = measured.no_finding_note(["border", "neighbouring-state", "king", "royal-family"],
                                    precedents)
    assert "It names the King, the royal family, a neighbouring state and the border:" in note
    pooled = severe_on({"king", "royal", "border", "maps", "vietnam", "thailand"})
    assert f"in {len(pooled)} events" in note


def test_no_sensitive_subject_keeps_the_general_advice():
    note = measured.no_finding_note(["not-a-subject"], load_precedents())
    assert measured.NAMES not in note and "touches the King, the courts" in note
    assert measured.no_finding_note() == note
    assert measured.subject_part(note) is None
    assert measured.subject_part("The organisation type is not given") is None


def test_a_subject_with_no_severe_precedent_is_still_named():
    note = measured.no_finding_note(["court"], ())
    assert "It names the courts. Have someone who knows the context read it" in note


def test_review_json_text_and_html_carry_the_subject(tmp_path):
    report = json.loads(review(tmp_path, KING).splitlines()[0])
    assert report["findings"] == [] and report["result"] == "no findings"
    assert any("It names the King" in c for c in report["caveats"])
    text = review(tmp_path, KING, "text")
    assert "    ? It names the King: statements on these subjects" in text
    html = review(tmp_path, KING, "html")
    assert "? It names the King" in html
    # routine words: the general caveat only, and no subject line in text
    routine = json.loads(review(tmp_path, ROUTINE).splitlines()[0])
    assert routine["findings"] == []
    assert not any(measured.NAMES in c for c in routine["caveats"])
    assert "? It names" not in review(tmp_path, ROUTINE, "text")


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_a_statement_with_findings_gets_no_subject_note(tmp_path, fmt):
    out = review(tmp_path, RISKY, fmt, "--medium", "facebook")
    assert "It names" not in out


def test_a_leader_named_without_office_words_is_a_subject(tmp_path):
    """A politician's name alone ("Kem Sokha", "Samdech Techo") is a mention of its own kind, so
    the caveat names it as it names the King (it was no mention before: only targets)."""
    from lawcheck.speech import analyse

    assert "politician" in analyse("Kem Sokha spoke to supporters.").facts["statement.mentions"]
    report = json.loads(review(tmp_path, "Kem Sokha spoke to supporters in Kampong Cham."
                               ).splitlines()[0])
    assert report["findings"] == []
    assert any("It names a political leader by name:" in c for c in report["caveats"])


@pytest.mark.parametrize("text, named, topics", [
    ("Our volunteers delivered food to families in quarantine centres during the lockdown.",
     "a public-health emergency", {"covid-19", "vaccination", "health measures",
                                   "state of emergency", "health"}),
    ("The community patrol recorded illegal logging and sand dredging near the village.",
     "forests, logging, sand or mining", {"logging", "mining", "forest", "community forest",
                                          "quarry", "environment"}),
])
def test_public_health_and_natural_resources_are_named_with_their_precedents(tmp_path, text,
                                                                            named, topics):
    """Posts on the COVID-19 response and campaigns against logging and sand dredging drew
    charges (the precedent base holds them); a statement on either with no finding names the
    subject and counts those events instead of giving the general advice only."""
    hits = severe_on(topics)
    assert hits, "the base holds severe events on this subject; without them this proves nothing"
    report = json.loads(review(tmp_path, text))
    assert report["result"] == "no findings"
    caveat = next(c for c in report["caveats"] if c.startswith("No finding is not clearance"))
    assert f"It names {named}" in caveat
    assert f"in {len(hits)} event{'s' * (len(hits) > 1)} of the precedent base" in caveat


def test_subject_names_never_overlap_a_target_or_another_mention():
    """Subject entries only feed the caveat; since the longest name wins, one that contains or
    sits inside another entry's name ("mining company" around "company") would change what a
    statement accuses, and with it the findings."""
    from lawcheck.speech.lexicon import load_lexicon

    names = [(f" {n.lower()} ", e.id) for e in load_lexicon().entries for n in e.names]
    subjects = [(n, i) for n, i in names if i.startswith("subjects.")]
    others = [(n, i) for n, i in names if not i.startswith("subjects.")]
    assert subjects and others
    clashes = [(i, n.strip(), j, m.strip()) for n, i in subjects for m, j in others
               if n in m or m in n]
    assert clashes == []
