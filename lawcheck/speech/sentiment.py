"""Negative words from VADER's sentiment lexicon (vaderSentiment ships it as a data file).

One signal of a negative stance: an act kind in speech-acts.yaml may set ``sentiment: -2.0`` to
take, besides its own cues, every word VADER rates at or below that valence ("vile", "pathetic",
"cursed"). They are added to the phrase matcher when the pipeline is built, so a statement costs
nothing more to read; the act kind's target rules ("reach") decide whether the word is aimed at a
sensitive target. Words of sorrow and harm that describe victims rather than judge anyone are
left out by the lexicon's ``sympathy`` marker group.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """word -> VADER valence (-4 .. +4); empty when vaderSentiment is not installed."""
    try:
        from importlib.resources import files

        text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    found = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                found[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return found


def negative_words(threshold: float, leave_out=()) -> tuple[str, ...]:
    """Words rated at or below ``threshold``, less ``leave_out``, sorted."""
    skip = set(leave_out)
    return tuple(sorted(w for w, v in valences().items() if v <= threshold and w not in skip))
