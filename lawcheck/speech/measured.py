"""What a statement review's "no findings" is worth, as measured.

The analyser reads wording it has rules for. On real published statements that drew action from
the authorities, kept apart from its tuning (tests/data/real/untouched.jsonl, at their real dates,
``python benchmarks/quality.py``), it finds only a minority. A report that says "no findings"
without saying so would read as clearance, the worst mistake this project can make; so every
"no findings" carries this figure. tests/test_review_quality.py measures the same part and fails
when the figure here and the measurement part ways, so the sentence is never rosier than the
analyser (update it, with the date, whenever the analyser or the set changes).
"""

from __future__ import annotations

# outcome measure on the untouched real part (tests/data/README.md, "Measured quality")
FOUND, OF, ON = 33, 125, "2026-12-06"


def no_finding_note() -> str:
    """The caveat of a fully analysed statement on which no rule fired."""
    return (f"No finding is not clearance: on real published statements that drew action from "
            f"the authorities, the analyser found {FOUND} of {OF} (measured {ON}); wording it "
            f"has no rule for passes unseen. Have someone who knows the context read anything "
            f"that touches the King, the courts, the security forces, borders, elections or "
            f"named leaders before it goes out.")


def batch_note() -> str:
    """The same warning, once, for a batch in which some statements had no finding."""
    return (f"'no findings' is not clearance: the analyser found {FOUND} of {OF} real "
            f"statements that drew action (measured {ON})")
