"""The King insulted by contrast with his predecessor (issue 13, session 31;
lawcheck/speech/king_contrast.py): contrasts that must be caught, and likenesses, praise, neutral
differences and history with the same words that must stay clean."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

INSULTS = "statement.insults"


@pytest.mark.parametrize("text", [
    "Unlike the late King Father, the present King has never once stood up for the evicted "
    "families.",
    "The former King walked the rice fields; the reigning King stays behind the palace walls.",
    "The old monarch shared the hunger of the peasants, but the present King remains silent.",
    "King Father Norodom Sihanouk defended the farmers. Today's King sits in the palace while the "
    "land is taken.",
    "Unlike the previous King, the current monarch has not said a word for the flood victims.",
    "The present King, unlike the late King Father, has never once gone to the flooded villages.",
    "Unlike the late King Father, who lived among the villagers, the present King hides in the "
    "palace.",
])
def test_a_king_who_fails_where_his_predecessor_did_not_is_insulted(text):
    assert "king" in analyse(text).facts[INSULTS], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Like the late King Father, the present King has visited the flood victims.",
    "The former King walked the rice fields; the reigning King has walked the same fields.",
    "King Father Norodom Sihanouk led the country to independence in 1953.",
    "Unlike the late King Father, the present King studied classical dance in Prague.",
    "Unlike the late King Father, the present King never married.",
    "Unlike the late King Father, the present King never forgets the poor.",
    "The old King built schools in every province, and the present King has built hospitals.",
    "The former King stood with the farmers; the present one has continued that work.",
    "The present King, like the late King Father, has always stood with the farmers.",
    "The present King, unlike the late King Father, speaks fluent Czech.",
])
def test_likeness_praise_and_history_insult_no_king(text):
    assert analyse(text).facts[INSULTS] == [], analyse(text).acts
