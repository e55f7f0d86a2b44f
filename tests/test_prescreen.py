"""Issue 13 (speed): the analyser's pre-screen (lawcheck.speech.prescreen) drops only cue hits
that acts.py would drop after reading their sentences: with and without it, every analysis of
the benchmark's statements and of the real, development and training sets is the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawcheck.speech import Analyser, prescreen
from tests.statement_texts import benchmark_statements, set_texts

# the edges of each test in prescreen.py: a cue opening its sentence or clause, after a bullet
# or "please", a quote mark, a party only the word "Party" names, a rank before a name,
# a final sigma
EDGES = [
    "", "free", "Free them now.", "- please release him", "To the judges: release them today.",
    "We ask, release them", "Release the 26 activists!\nThey did nothing wrong.",
    "Our 'independent' court has spoken.", "The “clean” government again.",
    "Vote for the Cambodian Nationality Party on Sunday.", "We support the Khmer Will Party.",
    "H.E. Sar Kheng will support the reform.", "Samdech Tea Banh, we support you.",
    "Support Golden River Mining Co. now.", "ΟΔΟΣ support the CPP", "Σ free them",
    "The court must free them. Please drop the case.", "Support the CNRP!",
    "Heng Huy, who robs land from the people, should be stopped. Support him?",
]


def _texts() -> list[str]:
    # the benchmark's seed for its 20,000 statements: their first 3,000; the Khmer tuning set,
    # whose Latin words (names, quotes, "CNRP") the English analyser reads too; the sentences
    # of the role and gapped-cue tests, risky and benign, which reach those readings
    return list(EDGES) + PHRASES + set_texts() + _khmer_texts() + _reading_tests() + \
        benchmark_statements(7, 3000)


def _reading_tests() -> list[str]:
    """Every "text" a test of tests/test_speech_roles.py or test_speech_gaps.py is
    parametrised with (read from their pytest marks)."""
    from tests import test_speech_gaps, test_speech_roles

    texts = []
    for module in (test_speech_roles, test_speech_gaps):
        for test in vars(module).values():
            for mark in getattr(test, "pytestmark", ()):
                if mark.name == "parametrize" and mark.args[0] == "text":
                    texts += [t for t in mark.args[1] if isinstance(t, str)]
    assert len(texts) > 100
    return texts


def _khmer_texts() -> list[str]:
    path = Path(__file__).parent / "data" / "khmer" / "tune.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


# a marker phrase is possible only when each of its words is in the statement: phrases that
# open with a common word ("in custody", "charges against") met in full, in part and apart,
# after a cue that does not open its sentence
PHRASES = [
    "We offer free check-ups in the district.",
    "They have been in custody for a year and we ask the judge to free them.",
    "They have been in prison for a year; we ask them to free the land.",
    "Custody of the land is ours; they must free it, in our name.",
    "The authorities should drop the charges against the activists.",
    "We will drop them off in custody of their parents.",
    "We will drop them off at the charges office, against our will.",
]


def test_a_phrase_needs_all_its_words(analyser):
    """The first word of a marker phrase is not enough: "free" in "free check-ups in the
    district" is set aside before its sentence is read, though "in" opens "in custody"."""
    pipeline = analyser.pipeline
    kept = {}
    for text in ("We offer free check-ups in the district.",
                 "We offer free check-ups in custody."):
        from lawcheck.speech import acts

        doc = pipeline.nlp.tokenizer(text)
        cues = [(s, e, pipeline.cues[k]) for k, s, e in pipeline.matcher(doc)
                if k in pipeline.cues]
        usable = acts._usable(doc, cues, [], pipeline.lexicon.acts, [], text, pipeline.markers)
        assert [h[2][0].id for h in usable] == ["release-call"], text
        kept[text] = prescreen.possible(pipeline, doc, text, [], usable)
    assert kept["We offer free check-ups in the district."] == []
    assert len(kept["We offer free check-ups in custody."]) == 1


@pytest.fixture(scope="module")
def analyser():
    return Analyser()


def _analyse_all(analyser, texts, enabled: bool):
    prescreen.ENABLED = enabled
    try:
        return [analyser.analyse(t) for t in texts]
    finally:
        prescreen.ENABLED = True


def test_prescreen_changes_no_analysis(analyser, monkeypatch):
    texts = _texts()
    dropped = []
    real = prescreen.possible

    def counting(pipeline, doc, text, hits, usable):
        kept = real(pipeline, doc, text, hits, usable)
        dropped.append(len(usable) - len(kept))
        return kept

    monkeypatch.setattr(prescreen, "possible", counting)
    fast = _analyse_all(analyser, texts, True)
    slow = _analyse_all(analyser, texts, False)
    assert sum(dropped) > 1000  # it does drop hits: the comparison below is not idle
    differ = [t for t, a, b in zip(texts, fast, slow) if a != b]
    assert not differ, differ[:3]



def test_ranked_shortcut_changes_nothing(analyser):
    """acts._ranked given the text returns at once when no rank word is in it: the same set as
    the walk over every word, also where ranks are named (edge cases above, the real sets)."""
    from lawcheck.speech import acts

    pipeline = analyser.pipeline
    texts = _texts() + ["H.E. Sar Kheng spoke.", "Samdech... Hun Sen", "his excellency Mr X",
                        "SAMDECH TEA BANH", "h.e. minister"]
    named = 0
    for text in texts:
        doc = pipeline.nlp.tokenizer(text)
        walked = acts._ranked(doc, pipeline.markers)
        assert acts._ranked(doc, pipeline.markers, text) == walked, text
        named += bool(walked)
    assert named >= 2  # the walk finds ranks in some: the comparison covers both ways
