"""Tests of lawcheck.annotate: rule-based clause annotation of provision text.

The example sentences are written for these tests in the style of Cambodian laws; none is
copied from a real law text.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawcheck.annotate import annotate, annotate_many
from lawcheck.annotate.lexicon import load_lexicon, parse_lexicon
from lawcheck.annotate.numbers import parse_digits, to_ascii_digits
from lawcheck.annotate.offsets import normalise
from lawcheck.model import Annotation


# -- helpers ---------------------------------------------------------------------------------

def found(text: str, kind: str, language: str = "en") -> list[Annotation]:
    return [a for a in annotate(text, language) if a.kind == kind]


def one(text: str, kind: str, language: str = "en") -> Annotation:
    hits = found(text, kind, language)
    assert len(hits) == 1, hits
    return hits[0]


def assert_round_trip(text: str, annotations) -> None:
    for a in annotations:
        assert 0 <= a.start <= a.end <= len(text)
        assert text[a.start:a.end] == a.text


# -- public API ------------------------------------------------------------------------------

def test_annotations_are_sorted_hashable_and_round_trip():
    text = ("Any association which violates Article 9 of this law shall be fined 5,000,000 riel "
            "within 30 days.")
    result = annotate(text)
    assert isinstance(result, tuple) and all(isinstance(a, Annotation) for a in result)
    assert list(result) == sorted(result, key=lambda a: (a.start, a.end, a.kind, a.label))
    assert_round_trip(text, result)
    assert len(set(result)) == len(result)  # hashable: values are tuples all the way down
    assert {a.kind for a in result} == {"deontic", "xref", "sanction", "amount", "deadline"}


def test_annotate_many_matches_annotate():
    texts = ["The NGO must report within 15 days.", "", "Article 5 of this law.",
             "No one shall be detained for more than 48 hours."] * 3
    assert annotate_many(texts) == [annotate(t) for t in texts]
    assert annotate_many(iter(texts[:2])) == [annotate(texts[0]), ()]


def test_empty_and_blank_text():
    assert annotate("") == ()
    assert annotate("   \n\n  ") == ()


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        annotate("shall", language="fr")


def test_non_string_is_refused():
    with pytest.raises(TypeError):
        annotate_many([b"shall"])  # type: ignore[list-item]


def test_offsets_survive_line_breaks_and_odd_whitespace():
    text = ("The  organiser\nshall\n\nnot  admit\n   at most\ntwo hundred (200)\tparticipants "
            "within\nfive\n(5)  working\ndays.")
    result = annotate(text)
    assert_round_trip(text, result)
    deontic = one(text, "deontic")
    assert deontic.label == "prohibition"
    assert deontic.cue == "shall not"  # the cue as matched, whitespace normalised
    assert deontic.text == text
    amount = one(text, "amount")
    assert amount.value_dict() == {"max": 200}
    assert amount.text == "at most\ntwo hundred (200)\tparticipants"
    deadline = one(text, "deadline")
    assert deadline.text == "within\nfive\n(5)  working\ndays"
    assert deadline.value_dict() == {"n": 5, "unit": "working-days", "relation": "within"}


def test_import_does_not_load_spacy():
    code = textwrap.dedent("""
        import sys
        import lawcheck.annotate
        assert "spacy" not in sys.modules, "spacy imported at import time"
    """)
    subprocess.run([sys.executable, "-c", code], check=True)


# -- deontic ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, label, cue", [
    ("The association shall notify the Ministry.", "obligation", "shall"),
    ("Every NGO must keep its accounts.", "obligation", "must"),
    ("The applicant is required to attach a copy.", "obligation", "is required to"),
    ("The leaders shall not carry weapons.", "prohibition", "shall not"),
    ("Demonstrators must not block the road.", "prohibition", "must not"),
    ("Members may not vote twice.", "prohibition", "may not"),
    ("Foreign funding is prohibited.", "prohibition", "is prohibited"),
    ("The use of force is forbidden.", "prohibition", "is forbidden"),
    ("No one shall be arrested arbitrarily.", "prohibition", "No one shall"),
    ("No association shall receive anonymous gifts.", "prohibition", "No association shall"),
    ("The Ministry may grant an extension.", "permission", "may"),
    ("Every citizen is entitled to a copy.", "permission", "is entitled to"),
    ("The NGO has the right to appeal.", "permission", "has the right to"),
    ("Citizens shall have the right to vote.", "permission", "shall have the right to"),
])
def test_deontic_labels(sentence, label, cue):
    a = one(sentence, "deontic")
    assert (a.label, a.cue) == (label, cue)
    assert (a.start, a.end) == (0, len(sentence))


def test_may_not_is_a_prohibition_not_a_permission():
    labels = {a.label for a in found("An association may not receive funds from abroad.",
                                     "deontic")}
    assert labels == {"prohibition"}


def test_shall_not_is_not_an_obligation():
    assert [a.label for a in found("The leader shall not resign.", "deontic")] == ["prohibition"]


def test_one_annotation_per_sentence_strongest_wins():
    text = "The NGO may hold meetings but shall register them and shall not sell tickets."
    a = one(text, "deontic")
    assert a.label == "prohibition" and a.cue == "shall not"
    text = "The NGO may hold meetings and shall register them."
    assert one(text, "deontic").label == "obligation"


def test_each_sentence_gets_its_own_annotation():
    text = "The Ministry shall decide. The applicant may appeal. Nothing follows here."
    result = found(text, "deontic")
    assert [(a.label, a.text) for a in result] == [
        ("obligation", "The Ministry shall decide."),
        ("permission", "The applicant may appeal."),
    ]


@pytest.mark.parametrize("sentence", [
    '"Association" shall mean a group of persons.',
    "This law shall enter into force immediately.",
    "This law shall not apply to trade unions.",
    "The leaders met in the city hall.",
])
def test_not_deontic(sentence):
    assert found(sentence, "deontic") == []


def test_may_the_month_is_not_a_permission():
    assert found("The report is due by the end of May.", "deontic") == []
    deadline = one("The report is due by the end of May.", "deadline")
    assert deadline.value_dict()["month"] == 5


@pytest.mark.parametrize("language", ["en", "km"])
def test_every_listed_deontic_cue_is_found(language):
    """Guards cues.yaml edits: each listed cue, alone in a sentence, gives its own label."""
    lex = load_lexicon(language)
    template = "The association {} act." if language == "en" else "សមាគម{}ធ្វើសកម្មភាព ។"
    for label in ("obligation", "prohibition", "permission"):
        for phrase in lex.tagged[f"deontic:{label}"]:
            a = one(template.format(phrase), "deontic", language)
            assert (a.label, " ".join(a.cue.lower().split())) == (label, phrase), phrase


# -- deadline --------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("within 30 days", {"n": 30, "unit": "days", "relation": "within"}),
    ("within thirty (30) days", {"n": 30, "unit": "days", "relation": "within"}),
    ("at least five (5) working days", {"n": 5, "unit": "working-days",
                                        "relation": "at-least"}),
    ("no later than 24 hours before", {"n": 24, "unit": "hours", "relation": "no-later-than",
                                       "direction": "before"}),
    ("within six (6) months", {"n": 6, "unit": "months", "relation": "within"}),
    ("within a maximum of three (3) working days", {"n": 3, "unit": "working-days",
                                                     "relation": "within"}),
    ("at least twenty-four (24) hours", {"n": 24, "unit": "hours", "relation": "at-least"}),
    ("12 hours", {"n": 12, "unit": "hours"}),
    ("thirty-six (36) hours", {"n": 36, "unit": "hours"}),
    ("within two weeks", {"n": 14, "unit": "days", "relation": "within"}),
    ("within a month", {"n": 1, "unit": "months", "relation": "within"}),
    ("ninety days", {"n": 90, "unit": "days"}),
    ("within one hundred and twenty days", {"n": 120, "unit": "days", "relation": "within"}),
    ("two (2) years", {"n": 2, "unit": "years"}),
])
def test_deadline_periods(phrase, value):
    text = f"The notice shall be given {phrase} to the authority."
    a = one(text, "deadline")
    assert a.text == phrase
    assert a.value_dict() == value
    assert a.label == value["unit"]
    assert_round_trip(text, [a])


def test_number_counted_once():
    a = one("Submit it within five (5) days.", "deadline")
    assert a.value_dict()["n"] == 5


def test_bracket_repeating_a_period_is_not_a_second_deadline():
    text = "The institution must respond within a maximum of thirty days (30 days)."
    assert one(text, "deadline").text == "within a maximum of thirty days"
    assert found("An article more than three months old (3 months) is stale.", "deadline") == []


@pytest.mark.parametrize("phrase, value", [
    ("by the end of February", {"unit": "date", "month": 2, "day": "last", "relation": "by"}),
    ("no later than the thirty-first of January",
     {"unit": "date", "month": 1, "day": 31, "relation": "no-later-than"}),
    ("before 31 March", {"unit": "date", "month": 3, "day": 31, "relation": "by"}),
])
def test_deadline_dates(phrase, value):
    text = f"The annual report shall be filed {phrase} each year."
    a = one(text, "deadline")
    assert (a.label, a.text) == ("date", phrase)
    assert a.value_dict() == value


@pytest.mark.parametrize("text", [
    "The notification shall name three (3) leaders.",
    "The law was adopted in 2009 by 95 votes.",
    "Each leader must be at least 25 years of age.",
    "Candidates of 30 years old or more may apply.",
    "The Royal Decree dated 25 September 2008 applies.",
    "See page 12 and line 30.",
])
def test_not_deadlines(text):
    assert found(text, "deadline") == []


def test_term_of_imprisonment_is_not_a_deadline():
    text = "The offender shall be punished by imprisonment from one to five years."
    assert found(text, "deadline") == []
    assert one(text, "sanction").label == "imprisonment"


# -- amount ----------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("5,000,000 riel", {"min": 5_000_000, "max": 5_000_000}),
    ("from 10 million to 50 million riels", {"min": 10_000_000, "max": 50_000_000}),
    ("100,000 (one hundred thousand) Riels", {"min": 100_000, "max": 100_000}),
    ("30,000 Riels", {"min": 30_000, "max": 30_000}),
    ("from 200,000 Riels up to 2,000,000 Riels", {"min": 200_000, "max": 2_000_000}),
    ("two million Riel (2,000,000) to eight million Riel (8,000,000)",
     {"min": 2_000_000, "max": 8_000_000}),
    ("not more than 1,000,000 riels", {"max": 1_000_000}),
    ("from five hundred thousand Riels (500,000 Riels) to one million Riels (1,000,000 Riels)",
     {"min": 500_000, "max": 1_000_000}),
])
def test_riel_amounts(phrase, value):
    text = f"The offender shall pay {phrase} to the State."
    a = one(text, "amount")
    assert (a.label, a.text) == ("riel", phrase)
    assert a.value_dict() == value


@pytest.mark.parametrize("phrase, value", [
    ("not more than 200 people", {"max": 200}),
    ("200 persons or fewer", {"max": 200}),
    ("at most 200 participants", {"max": 200}),
    ("a maximum of one hundred (100) participants", {"max": 100}),
    ("at least 50 participants", {"min": 50}),
])
def test_participant_limits(phrase, value):
    text = f"A gathering of {phrase} may take place in the park."
    a = one(text, "amount")
    assert (a.label, a.text, a.value_dict()) == ("participants", phrase, value)


def test_distance():
    text = "Another group may gather at least five hundred (500) metres away."
    a = one(text, "amount")
    assert a.label == "distance"
    assert a.value_dict() == {"n": 500, "unit": "m", "metres": 500, "relation": "at-least"}
    assert one("Keep 2 km from the palace.", "amount").value_dict()["metres"] == 2000


def test_plain_numbers_are_not_amounts():
    assert found("Chapter 3 has 12 articles and 3 sections.", "amount") == []


# -- sanction --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, label", [
    ("The Ministry shall issue a written warning to the NGO.", "warning"),
    ("The offender shall be fined.", "fine"),
    ("The Ministry may order the temporary suspension of activities.", "suspension"),
    ("The association shall be removed from the register.", "deregistration"),
    ("The Ministry may strike the NGO from the register.", "deregistration"),
    ("The court may order the dissolution of the association.", "deregistration"),
    ("Failure to report leads to deregistration.", "deregistration"),
    ("The offender shall be punished by imprisonment.", "imprisonment"),
    ("The goods used shall be subject to confiscation.", "confiscation"),
    ("A foreign offender may face expulsion.", "expulsion"),
])
def test_sanction_labels(sentence, label):
    assert [a.label for a in found(sentence, "sanction")] == [label]


@pytest.mark.parametrize("phrase, value", [
    ("imprisonment from one to five years", {"min": 1, "max": 5, "unit": "years"}),
    ("imprisonment from 1 (one) month to 1 (one) year", {"min": 1, "max": 12,
                                                          "unit": "months"}),
    ("imprisonment from six days to one month",
     {"min": 6, "min_unit": "days", "max": 1, "max_unit": "months"}),
    ("two (2) to five (5) years in prison", {"min": 2, "max": 5, "unit": "years"}),
    ("imprisonment for three years", {"min": 3, "max": 3, "unit": "years"}),
    ("up to ten years of imprisonment", {"max": 10, "unit": "years"}),
    ("two (2) years to five (5) years in prison", {"min": 2, "max": 5, "unit": "years"}),
])
def test_imprisonment_terms(phrase, value):
    text = f"The offender shall be liable to {phrase} and to other penalties."
    a = one(text, "sanction")
    assert (a.label, a.text) == ("imprisonment", phrase)
    assert a.value_dict() == value


def test_fine_carries_the_following_amount():
    text = "The NGO shall pay a fine from 1,000,000 Riels up to 5,000,000 Riels."
    fine = one(text, "sanction")
    assert fine.text == "fine"
    assert fine.value_dict() == {"currency": "riel", "min": 1_000_000, "max": 5_000_000}
    assert one(text, "amount").label == "riel"


def test_term_after_sentenced_is_imprisonment_not_deadline():
    text = "The offender shall be sentenced from 7 years to 15 years."
    a = one(text, "sanction")
    assert (a.label, a.text, a.cue) == ("imprisonment", "sentenced from 7 years to 15 years",
                                        "sentenced")
    assert a.value_dict() == {"min": 7, "max": 15, "unit": "years"}
    assert found(text, "deadline") == []


def test_every_listed_sanction_word_is_found():
    lex = load_lexicon("en")
    for tag in lex.tags("sanction"):
        for phrase in lex.tagged[tag]:
            labels = [a.label for a in found(f"The penalty is {phrase}.", "sanction")]
            assert labels == [tag.split(":")[1]], phrase


def test_no_sanction_in_ordinary_text():
    assert found("The Ministry shall keep a register of associations.", "sanction") == []


# -- xref ------------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("Article 6 of this law", {"articles": ("6",), "external": None}),
    ("Articles 5, 16 and 20", {"articles": ("5", "16", "20"), "external": None}),
    ("Article 20 paragraphs 2 and 3", {"articles": ("20",), "external": None,
                                       "paragraphs": ("2", "3")}),
    ("Article 437 bis", {"articles": ("437 bis",), "external": None}),
    ("Articles 31 and 41 of the Constitution", {"articles": ("31", "41"),
                                                 "external": "Constitution"}),
    ("paragraph 1 of Article 6 of this Law", {"articles": ("6",), "external": None,
                                              "paragraphs": ("1",)}),
    ("Articles 5 to 8", {"articles": ("5", "6", "7", "8"), "external": None}),
    ("Article 3 (a) of the present Law", {"articles": ("3",), "external": None,
                                          "points": ("a",)}),
    ("Article 12 of the Law on Associations and Non-Governmental Organizations",
     {"articles": ("12",),
      "external": "Law on Associations and Non-Governmental Organizations"}),
    ("Article 278 of the penal code", {"articles": ("278",), "external": "Penal Code"}),
])
def test_xrefs(phrase, value):
    text = f"Any act contrary to {phrase} shall be void."
    a = one(text, "xref")
    assert (a.label, a.text) == ("article", phrase)
    assert a.value_dict() == value


def test_xref_inside_a_sentence_and_its_deontic():
    text = "All applicants shall respect their duties as stated in Article 16 of this law."
    xref = one(text, "xref")
    assert xref.text == "Article 16 of this law"
    assert text[xref.start:xref.end] == xref.text
    assert one(text, "deontic").label == "obligation"


def test_article_word_without_number_is_no_xref():
    assert found("This article applies to all articles of association.", "xref") == []


# -- Khmer -----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, label, cue", [
    ("អង្គការត្រូវរាយការណ៍ជូនក្រសួង ។", "obligation", "ត្រូវ"),
    ("សមាគមមិនត្រូវទទួលប្រាក់ពីបរទេស ។", "prohibition", "មិនត្រូវ"),
    ("ការប្រើអាវុធត្រូវហាមឃាត់ ។", "prohibition", "ត្រូវហាមឃាត់"),
    ("ក្រសួងអាចពន្យារពេល ។", "permission", "អាច"),
    ("ពលរដ្ឋមានសិទ្ធិប្តឹងតវ៉ា ។", "permission", "មានសិទ្ធិ"),
])
def test_khmer_deontic(sentence, label, cue):
    a = one(sentence, "deontic", "km")
    assert (a.label, a.cue) == (label, cue)
    assert a.text == sentence


def test_khmer_sentences_end_at_khan():
    text = "អង្គការត្រូវរាយការណ៍ ។ ក្រសួងអាចពន្យារពេល ។ មិនមានអ្វីទេ ។"
    result = found(text, "deontic", "km")
    assert [a.label for a in result] == ["obligation", "permission"]
    assert_round_trip(text, result)


def test_khmer_compounds_are_not_cues():
    # ទទួលខុសត្រូវ (responsible), ត្រឹមត្រូវ (correct), ត្រូវបាន (passive) contain ត្រូវ
    text = "អ្នកដឹកនាំទទួលខុសត្រូវ ហើយឯកសារត្រឹមត្រូវ ។ លិខិតត្រូវបានគេដាក់ ។"
    assert found(text, "deontic", "km") == []


@pytest.mark.parametrize("phrase, value", [
    ("យ៉ាងហោចណាស់ប្រាំ (៥)ថ្ងៃធ្វើការ", {"n": 5, "unit": "working-days",
                                          "relation": "at-least"}),
    ("ក្នុងរយៈពេល ៣០ ថ្ងៃ", {"n": 30, "unit": "days", "relation": "within"}),
    ("១២ ម៉ោង", {"n": 12, "unit": "hours"}),
    ("ក្នុងរយៈពេលប្រាំមួយ (៦)ខែ", {"n": 6, "unit": "months", "relation": "within"}),
    ("៤៨(សែសិបប្រាំបី)ម៉ោង", {"n": 48, "unit": "hours"}),
])
def test_khmer_deadlines(phrase, value):
    text = f"សំណើត្រូវដាក់ជូន {phrase} ។"
    a = one(text, "deadline", "km")
    assert a.text == phrase
    assert a.value_dict() == value


def test_khmer_working_days_written_as_days_of_working_days():
    a = one("ត្រូវឆ្លើយតបក្នុងរយៈពេលបី(៣)ថ្ងៃ នៃថ្ងៃធ្វើការ ។", "deadline", "km")
    assert a.value_dict()["unit"] == "working-days"
    assert a.value_dict()["n"] == 3


def test_khmer_spelled_period_with_bracketed_digits():
    # "within fifteen days (15 days)": the words are not read, the bracket is
    text = "ក្រសួងត្រូវឆ្លើយតបក្នុងរយៈពេលដប់ប្រាំថ្ងៃ (១៥ ថ្ងៃ) ។"
    a = one(text, "deadline", "km")
    assert a.text == "ក្នុងរយៈពេលដប់ប្រាំថ្ងៃ (១៥ ថ្ងៃ)"
    assert a.value_dict() == {"n": 15, "unit": "days", "relation": "within"}


def test_khmer_direction_before_the_number():
    # Khmer says "at least … before twelve (12) hours"
    a = one("ត្រូវជូនដំណឹងយ៉ាងហោចណាស់ឱ្យបានមុនដប់ពីរ(១២)ម៉ោង ។", "deadline", "km")
    assert a.value_dict() == {"n": 12, "unit": "hours", "relation": "at-least",
                              "direction": "before"}
    assert a.text.startswith("យ៉ាងហោចណាស់") and a.text.endswith("ម៉ោង")


def test_khmer_riel_range():
    text = "ពិន័យជាប្រាក់ពីប្រាំសែនរៀល (៥០០.០០០ រៀល) ទៅមួយលានរៀល (១.០០០.០០០ រៀល) ។"
    a = one(text, "amount", "km")
    assert a.value_dict() == {"min": 500_000, "max": 1_000_000}


def test_khmer_calendar_date_is_not_a_deadline():
    assert found("ធ្វើនៅថ្ងៃទី២៥ ខែកញ្ញា ឆ្នាំ២០០៨", "deadline", "km") == []


@pytest.mark.parametrize("phrase, value", [
    ("មាត្រា ១៦", {"articles": ("16",), "external": None}),
    ("មាត្រា ៦ កថាខណ្ឌទី ១ នៃច្បាប់នេះ", {"articles": ("6",), "external": None,
                                          "paragraphs": ("1",)}),
    ("មាត្រា ៣១ និងមាត្រា ៤១ នៃរដ្ឋធម្មនុញ្ញ", {"articles": ("31", "41"),
                                               "external": "Constitution"}),
])
def test_khmer_xrefs(phrase, value):
    text = f"ដូចមានចែងក្នុង{phrase} ។"
    a = one(text, "xref", "km")
    assert a.text == phrase
    assert a.value_dict() == value


def test_khmer_zero_width_spaces_keep_offsets():
    text = "លិខិត\u200bត្រូវ\u200bដាក់\u200bក្នុង\u200bរយៈពេល ៣០ ថ្ងៃ ។"
    result = annotate(text, "km")
    assert_round_trip(text, result)
    assert {a.kind for a in result} == {"deontic", "deadline"}


def test_khmer_riel_amount():
    a = one("ពិន័យជាប្រាក់ ៥០០.០០០ រៀល ។", "amount", "km")
    assert a.label == "riel" and a.value_dict() == {"min": 500_000, "max": 500_000}


# -- building blocks -------------------------------------------------------------------------

def test_parse_digits():
    assert parse_digits("5,000,000") == 5_000_000
    assert parse_digits("៥០០.០០០") == 500_000
    assert parse_digits("1,00,000") == 100_000
    assert parse_digits("1.5") is None
    assert parse_digits("abc") is None
    assert to_ascii_digits("មាត្រា ១៦") == "មាត្រា 16"


def test_normalise_maps_offsets_back():
    text = "a\n\nb\u200bc  d"
    norm, offsets = normalise(text)
    assert norm == "a bc d"
    for start, end in [(0, 1), (2, 3), (2, 4), (5, 6), (0, 6)]:
        a, b = offsets.span(start, end)
        assert " ".join(text[a:b].replace("\u200b", "").split()) == norm[start:end]


def test_lexicon_refuses_a_phrase_under_two_headings():
    data = {"en": {"deontic": {"obligation": ["shall"], "permission": ["shall"]}}}
    with pytest.raises(ValueError, match="both"):
        parse_lexicon(data, "en")


def test_lexicon_refuses_unquoted_yaml_booleans():
    with pytest.raises(ValueError, match="quote"):
        parse_lexicon({"en": {"not_deontic": [False]}}, "en")


def test_lexicon_is_complete_for_both_languages():
    for language in ("en", "km"):
        lex = load_lexicon(language)
        assert lex.tags("deontic") and lex.tags("unit") and "xref:article" in lex.tagged
    assert "ត្រូវ" in load_lexicon("km").khmer_segments


# -- properties ------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list(
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:()-'\"\n\t/$៛%"
    "ក ខ ត ្ រ ូ វ ម ិ ន អ ា ច ។ ០ ១ ២ ៥ ៩ \u200b"
))
_WORDS = st.sampled_from([
    "shall", "not", "may", "within", "Article", "Articles", "paragraph", "of", "this", "law",
    "the", "Constitution", "and", "to", "from", "riel", "riels", "days", "working", "hours",
    "five", "(5)", "(", ")", "thirty-six", "30", "5,000,000", "no", "later", "than", "fine",
    "imprisonment", "years", "month", "at", "least", "persons", "or", "fewer", "bis", "end",
    "February", "May", "by", "before", ".", ",", "\n", "ត្រូវ", "មាត្រា", "១៦", "ថ្ងៃ",
    "មិនត្រូវ", "(៥)", "។", "ខែ", "ថ្ងៃទី", "\u200b", "  ",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300),
                 st.lists(_ALPHABET, max_size=200).map("".join),
                 st.lists(_WORDS, max_size=60).map(" ".join),
                 st.lists(_WORDS, max_size=60).map("".join)),
       st.sampled_from(["en", "km"]))
def test_annotate_never_raises_and_offsets_stay_in_bounds(text, language):
    result = annotate(text, language)
    assert_round_trip(text, result)
    for a in result:
        assert a.kind in {"deontic", "deadline", "amount", "sanction", "xref"}
        hash(a)
    assert list(result) == sorted(result, key=lambda a: (a.start, a.end, a.kind, a.label))
