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
FOUND, OF, ON = 50, 137, "2026-12-08"
# the same measure on the paraphrase set's sealed part: plainly risky sentences in wording the
# analyser was never tuned on (tests/data/README.md, "The paraphrase set"); it tells the reader
# that a "no findings" is weak on new wording too, not only on lines that are hard to judge
NEW_FOUND, NEW_OF = 35, 84


# What a statement names (statement.mentions, speech/model.py MENTIONS) -> how the report says it,
# and the precedent base's topic words (corpus/precedents, did.topics) for the same subject.
SUBJECTS = {
    "king": ("the King", {"king", "royal"}),
    "royal-family": ("the royal family", {"king", "royal"}),
    "court": ("the courts", {"court", "international court"}),
    "security-forces": ("the security forces", {"military"}),
    "government": ("the government or its leaders",
                   {"government", "prime minister", "prime minister's son", "official",
                    "officials", "government officials", "leaders", "ruling party"}),
    "politician": ("a political leader by name",
                   {"prime minister", "prime minister's son", "opposition", "leaders",
                    "ruling party", "return of exiled leader"}),
    "party": ("a political party", {"opposition", "ruling party"}),
    "dissolved-party": ("the dissolved opposition party", {"opposition",
                                                          "return of exiled leader"}),
    "neighbouring-state": ("a neighbouring state", {"vietnam", "thailand"}),
    "border": ("the border", {"border", "maps"}),
    "land": ("land disputes", {"land", "land grab", "land fraud", "eviction", "resettlement"}),
    "election": ("an election", {"election", "boycott", "vote buying", "election commission"}),
    "public-health": ("a public-health emergency (COVID-19, vaccines, lockdowns)",
                      {"covid-19", "vaccination", "health measures", "state of emergency",
                       "health"}),
    "natural-resources": ("forests, logging, sand or mining",
                          {"logging", "mining", "forest", "community forest", "quarry",
                           "environment"}),
}
SEVERE = ("high", "critical")  # precedent levels: summons, suspension, charges, prison
NAMES = " It names "  # where the subject part of the caveat begins (subject_part reads it back)


def no_finding_note(mentions=(), precedents=()) -> str:
    """The caveat of a fully analysed statement on which no rule fired. When the statement names
    a subject the authorities have punished words about (``mentions``: statement.mentions), the
    caveat names it and counts the precedent base's events (``precedents``) on that subject that
    ended at high or critical: the reader is told what to have checked, not a generic list."""
    general = (f"No finding is not clearance: on real published statements that drew action from "
               f"the authorities, the analyser found {FOUND} of {OF}, and {NEW_FOUND} of {NEW_OF} "
               f"plainly risky sentences in new wording (measured {ON}); wording it has no rule "
               f"for passes unseen.")
    key = (frozenset(mentions), id(precedents))
    if key not in _MEMO:  # a batch asks again and again with the same base
        if len(_MEMO) > 1024:
            _MEMO.clear()
        _MEMO[key] = (_touched(key[0], precedents), precedents)  # keeps the base alive for id()
    touched = _MEMO[key][0]
    if touched is None:
        return (f"{general} Have someone who knows the context read anything that touches the "
                f"King, the courts, the security forces, borders, elections or named leaders "
                f"before it goes out.")
    names, events, latest = touched
    if not events:
        return (f"{general}{NAMES}{names}. Have someone who knows the context read it "
                f"before it goes out.")
    return (f"{general}{NAMES}{names}: statements on these subjects ended in summons, "
            f"suspension, charges or prison in {events} event{'s' * (events > 1)} of the "
            f"precedent base (latest: {', '.join(latest)}); in many such events the sanction "
            f"rested on who spoke and when as much as on the words, which lawcheck cannot "
            f"judge. Have someone who knows the context read it before it goes out.")


def subject_part(caveat: str) -> str | None:
    """The subject part of a :func:`no_finding_note` ("It names the King ..."), for formats that
    show one short line per statement; None for any other caveat."""
    caveat = str(caveat)
    if not caveat.startswith("No finding is not clearance") or NAMES not in caveat:
        return None
    return caveat[caveat.index(NAMES) + 1:]


_MEMO: dict = {}


def _touched(mentions: frozenset, precedents):
    """(the subjects named, in words; how many severe statement precedents share a topic with
    them; the ids of the two latest), or None when the statement names none of SUBJECTS."""
    named = [key for key in SUBJECTS if key in mentions]
    if not named:
        return None
    labels = list(dict.fromkeys(SUBJECTS[key][0] for key in named))
    names = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    topics = set().union(*(SUBJECTS[key][1] for key in named))
    hits = sorted((p for p in precedents if p.did.kind == "statement" and p.level in SEVERE
                   and topics & set(p.did.topics)), key=lambda p: (p.date, p.id), reverse=True)
    return names, len(hits), tuple(p.id for p in hits[:2])


def batch_note() -> str:
    """The same warning, once, for a batch in which some statements had no finding."""
    return (f"'no findings' is not clearance: the analyser found {FOUND} of {OF} real "
            f"statements that drew action and {NEW_FOUND} of {NEW_OF} risky sentences in new "
            f"wording (measured {ON})")
