"""What the statement analyser returns: speech acts with character spans, and the facts they make.

The analyser (lawcheck.speech.analyse) reads one statement and returns an :class:`Analysis`. Only
labels reach the rules engine (``Analysis.facts``); the text never does. Each :class:`Act` says
which fact value it contributes, so a finding can point back at the exact characters behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# How a speech act is put. Only "asserted" acts (and "reported" accusations, as
# statement.reported_accusation) become facts; the others are kept so the report can say what was
# seen and set aside. "described": a word that calls the charges false or political in
# a sentence that asks no outcome of it and names no court (acts.py, issue 13 eighth round)
MODES = ("asserted", "reported", "negated", "hypothetical", "question", "quoted-law",
         "described")

# statement.calls values
CALLS = ("gather", "march", "strike", "boycott", "abstain", "overthrow", "violence")
# targets of statement.accuses / statement.insults / statement.reported_accusation
TARGETS = ("king", "royal-family", "court", "party", "politician", "government", "official",
           "security-forces", "person", "company")
# statement.court_claims values
COURT_CLAIMS = ("pending-case", "judge", "verdict")
# statement.party_stance values
PARTY_STANCES = ("endorse", "attack")
# statement.mentions values: what the statement names, whatever it says about it
MENTIONS = ("king", "royal-family", "court", "party", "dissolved-party", "security-forces",
            "government", "politician", "neighbouring-state", "border", "land", "election",
            "public-health", "natural-resources")


@dataclass(frozen=True)
class Act:
    """One speech act found in a statement."""

    fact: str            # the fact it feeds, e.g. "statement.accuses"
    value: object        # the value it adds: a label (for labels facts) or True (bool facts)
    start: int           # character span of the words that make the act, in the statement text
    end: int
    sentence: tuple[int, int]  # the sentence holding it (character span)
    mode: str            # one of MODES
    cue: str             # the words that triggered it, as written
    target: str | None = None       # the target's words as written, when there is one
    suggestion: str = ""  # a safer way to say the same thing, in the project's own words


@dataclass(frozen=True)
class Mention:
    category: str        # one of MENTIONS
    entry: str           # the lexicon entry id, e.g. "party.cpp"
    start: int
    end: int


@dataclass(frozen=True)
class Analysis:
    acts: tuple[Act, ...]
    mentions: tuple[Mention, ...]
    facts: dict = field(default_factory=dict)  # statement.* facts, labels as sorted lists
    analysed: bool = True                      # False: language not supported (see note)
    note: str = ""
