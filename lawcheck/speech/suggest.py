"""Safer wording for an act, looked up in the legal adviser's suggestions.yaml."""

from __future__ import annotations

from lawcheck.speech.lexicon import Lexicon

_BY_TARGET = ("accuses", "insults", "reported_accusation")


def suggestion(lexicon: Lexicon, fact: str, value, target: str | None) -> str:
    """The text for ``fact``/``value``: by target for accusations and insults (else their
    default), by value for labels, ``default`` for yes/no facts."""
    texts = lexicon.suggestions.get(fact.removeprefix("statement."), {})
    if fact.removeprefix("statement.") in _BY_TARGET:
        return texts.get(target or "", texts.get("default", ""))
    if isinstance(value, str):
        return texts.get(value, texts.get("default", ""))
    return texts.get("default", "")
