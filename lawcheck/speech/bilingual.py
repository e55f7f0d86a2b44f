"""A statement read in every language lawcheck analyses: the English analyser on the Latin
text (Khmer passages blanked, offsets kept), the Khmer analyser on the Khmer passages, one set
of acts, mentions and facts from both.

:func:`read` takes the script screen (script.py) and returns it updated: Khmer passages that
the Khmer analyser read are no longer unanalysed, and ``languages`` says which analysers read
the statement (``["en", "km"]`` for a two-language post). Passages in a script lawcheck does
not read stay unanalysed, and the caveat still names them.
"""

from __future__ import annotations

from dataclasses import replace

from lawcheck.speech.script import Screen, Sentence, caveat, english


def read(analyser, screened: Screen, text: str):
    """(screen, analysis) of ``text`` as screened by :func:`script.screen`."""
    khmer = [r for r in screened.unanalysed if r[2] == "km"]
    override = screened.override
    khmer_wanted = khmer and (not override or english(override) or override in ("km", "khm"))
    if not khmer_wanted:
        if screened.analysed is False:
            from lawcheck.speech.model import Analysis

            return screened, Analysis(acts=(), mentions=(), facts={}, analysed=False,
                                      note=caveat(screened) or "")
        return screened, analyser.analyse(screened.masked)
    from lawcheck.speech.facts import facts  # here, not per English statement (issue 13)
    from lawcheck.speech.model import Analysis

    rest = tuple(r for r in screened.unanalysed if r[2] != "km")
    has_latin = screened.detected in ("en", "mixed") and not (
        override and not english(override))
    parts = []
    if has_latin:
        parts.append(analyser.analyse(_blank(text, screened.unanalysed)))
    parts.append(analyser.khmer.analyse(text))
    acts = tuple(a for p in parts for a in p.acts)
    mentions = tuple(m for p in parts for m in p.mentions)
    analysed = True if not rest else ("partial" if has_latin or khmer else False)
    sentences = tuple(
        Sentence(s.span, s.language, True if not any(a < s.span[1] and s.span[0] < b
                                                     for a, b, _ in rest) else "partial")
        for s in screened.sentences)
    updated = replace(screened, analysed=analysed, unanalysed=rest, sentences=sentences,
                      languages=("en", "km") if has_latin else ("km",))
    return updated, Analysis(acts, mentions, facts(acts, mentions))


def _blank(text: str, runs) -> str:
    """What the English analyser sees: every unanalysed passage blanked (script._mask)."""
    from lawcheck.speech.script import _mask

    return _mask(text, runs)
