"""Issue 13 (speed): the analyser's pre-screen (lawcheck.speech.prescreen) drops only cue hits
that acts.py would drop after reading their sentences: with and without it, every analysis of
the benchmark's statements and of the real, development and training sets is the same."""

from __future__ import annotations

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
    # the benchmark's seed for its 20,000 statements: their first 3,000
    return list(EDGES) + set_texts() + benchmark_statements(7, 3000)


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
