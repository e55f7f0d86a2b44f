"""Issue 13 (speed): the analyser's pre-screen (lawcheck.speech.prescreen) drops only cue hits
that acts.py would drop after reading their sentences: with and without it, every analysis of
the benchmark's statements and of the real, development and training sets is the same."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from lawcheck.speech import Analyser, prescreen

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
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
    texts = list(EDGES)
    for path in [DATA / "statements-dev.jsonl", DATA / "statements-train.jsonl",
                 DATA / "real" / "tune.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import review as bench  # the benchmark's own statement generator
    finally:
        sys.path.pop(0)
    rng = random.Random(7)  # the seed of the benchmark's 20,000 statements: their first 3,000
    texts += [bench.statement(rng) for _ in range(3000)]
    return texts


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
