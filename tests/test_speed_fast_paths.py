"""Issue 13 (speed), session s28: each fast path of the review gives what the plain way gives.
The plain ways stay callable (module flags), and each test compares the two on the lexicons'
own cue words, every labelled text and the benchmark's generated statements."""

from __future__ import annotations

import pytest

from lawcheck.speech import Analyser
from tests.statement_texts import benchmark_statements, set_texts

# where a cue word may stand: alone, in a call, aimed at the King, a court, a leader, a party,
# after a rank, negated, asked, in capitals
FRAMES = ["{cue}", "{Cue} them now!", "We {cue} the King.", "The court must {cue} Sok Dara.",
          "Prime Minister Hun Manet will {cue} the people.", "They {cue} the CPP and the NEC.",
          "H.E. Sar Kheng said we {cue}.", "We do not {cue} anyone.", "Will they {cue} us?",
          "{CUE} THE JUDGES", "Our 'free' {cue} on the border with Vietnam, said the police."]


@pytest.fixture(scope="module")
def analyser():
    return Analyser()


def cue_texts(analyser) -> list[str]:
    """Every cue phrase of every act kind (and every marker phrase) in each frame."""
    lexicon = analyser.pipeline.lexicon
    phrases = {p for act in lexicon.acts for p in (*act.cues, *act.strong)}
    phrases |= {p for group in lexicon.markers.values() for p in group.phrases}
    return [frame.format(cue=p, Cue=p[:1].upper() + p[1:], CUE=p.upper())
            for p in sorted(phrases) for frame in FRAMES]


def test_the_usable_prefilter_changes_no_analysis(analyser, monkeypatch):
    """acts._usable returns [] before grouping its hits when the pre-screen can keep none of
    them (acts.PREFILTER): every analysis is the one without it, and the shortcut is taken on
    many texts while others still make acts (so both ways are compared)."""
    from lawcheck.speech import acts, prescreen

    texts = cue_texts(analyser) + set_texts() + benchmark_statements(51, 1500)
    taken = []
    real = prescreen.any_possible

    def noting(*args):
        found = real(*args)
        taken.append(not found)
        return found

    monkeypatch.setattr(prescreen, "any_possible", noting)
    fast = [analyser.analyse(t) for t in texts]
    monkeypatch.setattr(acts, "PREFILTER", False)
    slow = [analyser.analyse(t) for t in texts]
    differ = [t for t, a, b in zip(texts, fast, slow) if a != b]
    assert not differ, differ[:3]
    assert sum(taken) > 2000 and sum(bool(a.acts) for a in fast) > 2000


def _shape(value):
    """The value with each container's type written in: equal shapes are the same JSON from
    the same Python types (a tuple where the plain way has a list would show)."""
    if isinstance(value, dict):
        return ("dict", [(k, _shape(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_shape(v) for v in value])
    return (type(value).__name__, value)


def test_reports_without_findings_built_directly_equal_the_typed_reports(tmp_path):
    """Reviewer.review builds the JSON of a report without findings directly (reviewer.
    PLAIN_FAST): on labelled, Khmer, mixed and benchmark statements, with and without an
    organisation type, dated inside and outside the election calendar, every report is the
    typed report's to_dict, key order and container types included, and no two reports share
    a dict or list."""
    import json
    from datetime import date
    from pathlib import Path

    from lawcheck.review import reviewer as module
    from lawcheck.review.inputs import StatementInput
    from lawcheck.review.reviewer import ReviewerSpec

    khmer = [json.loads(line)["text"] for line in (Path(__file__).parent / "data" / "khmer"
             / "tune.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()][:60]
    texts = set_texts(120) + khmer + benchmark_statements(52, 700) + [
        "", "   ", "Bonjour à tous", "We met the commune council. សូមអរគុណ", "x" * 3]
    days = [None, date(2023, 7, 10), date(2026, 12, 5), date(2008, 3, 1)]
    items = [StatementInput(f"s{i}", text, "t.csv", i + 2 if i % 5 else None,
                            org_type=None if i % 3 == 0 else "domestic_ngo",
                            medium=("facebook", None, "press_release")[i % 3],
                            date=days[i % 4], language="fr" if i % 97 == 5 else None)
             for i, text in enumerate(texts)]
    spec = ReviewerSpec(db=str(tmp_path / "p.db"), sync=True, as_of=date(2026, 12, 10),
                        checked_at="2026-12-10T00:00:00+00:00")
    fast_reviewer, plain_reviewer = spec.build(), spec.build()
    fast = [fast_reviewer.review(item) for item in items]
    module.PLAIN_FAST = False
    try:
        plain = [plain_reviewer.review(item) for item in items]
    finally:
        module.PLAIN_FAST = True
    assert [_shape(r) for r in fast] == [_shape(r) for r in plain]
    empty = [r for r in fast if not r["findings"]]
    assert len(empty) > 500 and len(fast) - len(empty) > 100  # both ways were taken
    assert {r["result"] for r in empty} >= {"no findings", "not screened"}
    seen: set = set()
    for report in fast:
        containers = [v for v in report.values() if isinstance(v, (dict, list))]
        containers += [v for v in report["risk"].values()] + report["not_checked"]
        assert not seen & {id(c) for c in containers}
        seen |= {id(c) for c in containers}


def test_indexed_precedent_rankings_equal_the_full_sort_and_closest():
    """precedent_links._ranked finds the closest precedents through an index of the pool's
    words (precedent_links.INDEXED): for every statement rule of the shipped rule base, three
    organisations, labelled and benchmark texts and texts made of the precedents' own words
    (one, two, three or more shared with a candidate, so the cap at 2 and ties of points are
    met), the ranking is the full sort's and closest()'s."""
    import random

    from lawcheck import precedent_links as links
    from lawcheck.precedents import load_precedents
    from lawcheck.rulebase.loader import load
    from lawcheck.settings import rules_dir

    base = load_precedents()
    rules = [r for r in load(rules_dir()).rules if r.applies_to == "statement"]
    vocabulary = sorted({w for p in base for w in links._words_of(p)})
    rng = random.Random(5)
    texts = set_texts(40) + benchmark_statements(53, 60) + ["", "zzz"]
    texts += [" ".join(rng.sample(vocabulary, rng.choice((1, 2, 3, 5, 8, 20))))
              for _ in range(150)]
    orgs = [{}, {"type": "domestic_ngo"}, {"type": "association", "sector": "environment"}]
    compared = indexed = 0
    try:
        for rule in rules:
            for org in orgs:
                labels = (id(rule), rule.category, id(base), "statement",
                          org.get("type") or None, org.get("sector") or None)
                for text in texts:
                    args = (rule, rule.category, base, "statement", org,
                            links.words([text, None]), [text])
                    links._RANKED.clear()
                    links.INDEXED = True
                    fast = links._ranked(*args)
                    indexed += links._INDEXES[labels][1] is not None
                    links._RANKED.clear()
                    links.INDEXED = False
                    assert fast == links._ranked(*args), (rule.id, org, text[:60])
                    assert fast == links.closest(rule, rule.category, base, kind="statement",
                                                 organization=org, topics=[text])
                    compared += 1
    finally:
        links.INDEXED = True
        links._RANKED.clear()
    assert compared > 5000 and indexed == compared  # the index was used, never the fallback


def test_replaced_findings_are_what_dataclasses_replace_makes(tmp_path):
    """report_model.replaced makes a changed Finding without its __init__: for every finding
    of a review of labelled and benchmark statements and each change a review makes (where,
    precedents, why, several at once), the value equals dataclasses.replace's field for field
    (support too), stays frozen and leaves the original as it was; a wrong field
    name is refused as replace refuses it."""
    import dataclasses
    from datetime import date

    from lawcheck.report_model import Finding, Where, replaced
    from lawcheck.review.inputs import StatementInput
    from lawcheck.review.reviewer import ReviewerSpec

    reviewer = ReviewerSpec(db=str(tmp_path / "r.db"), sync=True,
                            as_of=date(2026, 12, 10)).build()
    findings = []
    for i, text in enumerate(set_texts(60) + benchmark_statements(54, 300)):
        findings += reviewer.report(StatementInput(f"s{i}", text, "t.csv", i)).findings
    assert len(findings) > 100
    changes = [{"where": Where(statement="x", spans=((1, 2),), excerpt="e")},
               {"precedents": ({"id": "p", "date": "2020", "summary": "s"},)},
               {"why": "because"}, {"where": Where(), "why": "w", "precedents": None},
               {"support": ("a",)}, {}]
    for finding in findings:
        before = dataclasses.astuple(finding)
        for change in changes:
            fast, plain = replaced(finding, **change), dataclasses.replace(finding, **change)
            assert type(fast) is Finding and fast == plain
            assert [getattr(fast, f.name) for f in dataclasses.fields(Finding)] == \
                [getattr(plain, f.name) for f in dataclasses.fields(Finding)]
            assert fast is not finding and fast.to_dict() == plain.to_dict()
            with pytest.raises(dataclasses.FrozenInstanceError):
                fast.why = "changed"  # type: ignore[misc]
        assert dataclasses.astuple(finding) == before
    with pytest.raises(TypeError):
        replaced(findings[0], wrong="x")


def gapped_texts(analyser) -> list[str]:
    """Every gapped cue with its gaps filled by nothing, by three ordinary words and by a comma
    (which no gap may hold), each "a|b" word as its first and as its last alternative, alone
    and in a call."""
    from lawcheck.speech.gaps import ALT, GAP

    texts = []
    for act in analyser.pipeline.lexicon.acts:
        for phrase in (*act.cues, *act.strong):
            if GAP not in phrase:
                continue
            for pick in (0, -1):
                words = " ".join(w.split(ALT)[pick] if ALT in w else w for w in phrase.split())
                for fill in (" ", " on Sunday morning ", ", "):
                    filled = words.replace(f" {GAP} ", fill)
                    texts += [filled, f"Please {filled} the National Assembly today!"]
    return texts


def test_anchored_gapped_cues_match_what_chaining_every_cue_matches(analyser, monkeypatch):
    """gaps.GapMatcher chains only the cues all of whose parts are in the statement, found from
    each cue's anchor part (gaps.ANCHORS): the same hits, in the same order, as chaining every
    cue any part of which was hit, and the same analyses; the early return is taken on most
    statements while others still match (so both ways are compared)."""
    from lawcheck.speech import gaps

    matcher = analyser.pipeline.gap_matcher
    texts = gapped_texts(analyser) + set_texts() + benchmark_statements(55, 1500)
    docs = [analyser.pipeline.nlp.tokenizer(t) for t in texts]
    fast = [matcher(d) for d in docs]
    fast_analyses = [analyser.analyse(t) for t in texts]
    monkeypatch.setattr(gaps, "ANCHORS", False)
    slow = [matcher(d) for d in docs]
    assert [t for t, a, b in zip(texts, fast, slow) if a != b] == []
    assert fast_analyses == [analyser.analyse(t) for t in texts]
    assert sum(bool(f) for f in fast) > 500
    assert sum(bool(matcher.matcher(d)) and not f for d, f in zip(docs, fast)) > 1000
