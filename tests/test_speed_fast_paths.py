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
