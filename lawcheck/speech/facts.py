"""The statement facts an analysis hands the rule engine (lawcheck.speech.acts.analyse_doc, and
the Khmer and bilingual readers): one sorted list of labels per label fact, one flag per flag fact,
and the mentions. Which acts count is decided here once: the statement's own voice, and a
repeated call or claim (repeating publishes it), but never a repeated accusation or insult
(their milder reported form is ``statement.reported_accusation``) nor what only the speaker's
own voice can claim (:data:`OWN_VOICE_ONLY`).

Split from acts.py (past STYLE's split-before-600).
"""

from __future__ import annotations

from lawcheck.speech.lexicon import FACT_VALUES, TARGETED

REPORTED = "statement.reported_accusation"
# a demand on a court counts only in the statement's own voice: reporting that the UN or a
# family called for a release is news of the call, not pressure by the one who reports it
# a change of leaders with foreign backing counts only in the speaker's voice: an NGO reporting
# that the government accused a party of a US-backed plot claims none itself
FOREIGN_BACKED = "statement.foreign_backed_change"
# likewise a call that the head of government go: "the opposition demanded that he resign"
OWN_VOICE_ONLY = {("statement.court_claims", "pending-case"), (FOREIGN_BACKED, True),
                  ("statement.leader_must_go", True)}


# the label facts (a sorted list each) and the flag facts (True or False) of facts(), and
# their names in sorted order: the same for every statement, made once (issue 13, speed)
_LABELS = tuple(name for name, values in FACT_VALUES.items()
                if values is not None or name in TARGETED) + (REPORTED,)
_FLAGS = tuple(name for name, values in FACT_VALUES.items()
               if values is None and name not in TARGETED)
# (name, how it starts) in facts()'s order: 0 a flag (False), 1 a label ([]), 2 the mentions
_EMPTY = tuple((name, 2 if name == "statement.mentions" else 0 if name in _FLAGS else 1)
               for name in sorted(set(_LABELS) | set(_FLAGS) | {"statement.mentions"}))


def facts(acts, mentions) -> dict:
    """The statement facts: labels from asserted acts (reported ones for reported_accusation)."""
    if not acts:  # most statements: every label empty, every flag False, only the mentions
        mentioned = sorted({m.category for m in mentions})
        return {name: [] if how == 1 else False if how == 0 else mentioned
                for name, how in _EMPTY}
    labels = {name: set() for name in _LABELS}
    flags = dict.fromkeys(_FLAGS, False)
    for act in acts:
        # Repeating a call, a claim about a court or a party, or a border claim publishes it
        # as much as saying it; only accusations and insults have a milder reported form.
        if act.mode == "asserted" or (act.mode == "reported" and act.fact not in TARGETED
                                      and (act.fact, act.value) not in OWN_VOICE_ONLY):
            if act.fact in flags:
                flags[act.fact] = True
            else:
                labels[act.fact].add(act.value)
    result = {name: sorted(values) for name, values in labels.items()}
    result.update(flags)
    result["statement.mentions"] = sorted({m.category for m in mentions})
    return dict(sorted(result.items()))
