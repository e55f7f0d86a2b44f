"""Script detection (lawcheck.speech.script): what of a statement the English analyser can read."""

from __future__ import annotations

import pytest

from lawcheck.speech.script import caveat, result_label, screen

KHMER = "គណបក្ស\u200bប្រជាជន\u200bកម្ពុជា\u200bជា\u200bចោរ។"  # words joined by zero-width spaces


def test_plain_english_is_analysed_whole():
    s = screen("We thank the health department.")
    assert (s.language, s.analysed, s.unanalysed) == ("en", True, ())
    assert caveat(s) is None and result_label(s.analysed, 0) == "no findings"


def test_khmer_with_zero_width_spaces_is_one_unanalysed_passage():
    s = screen(KHMER)
    assert (s.language, s.detected, s.analysed) == ("km", "km", False)
    assert s.unanalysed == ((0, len(KHMER), "km"),)  # the closing khan and the ZWSPs included
    assert [(x.span, x.language, x.analysed) for x in s.sentences] == [
        ((0, len(KHMER)), "km", False)]
    assert result_label(s.analysed, 0) == "not screened"
    assert caveat(s).startswith("NOT SCREENED") and f"0-{len(KHMER)}" in caveat(s)


def test_khmer_symbols_block_counts_as_khmer():
    s = screen("\u19e0\u19e1\u19f0")  # Khmer lunar date symbols, U+19E0–U+19FF
    assert s.language == "km" and s.analysed is False


def test_mixed_post_masks_the_khmer_and_keeps_every_offset():
    text = f"{KHMER} Everyone must join the march on Sunday."
    s = screen(text)
    assert (s.language, s.analysed) == ("mixed", "partial")
    assert s.unanalysed == ((0, len(KHMER), "km"),)
    assert len(s.masked) == len(text) and s.masked.endswith(text[len(KHMER):])
    assert s.masked[:len(KHMER)].strip() == "."  # the khan ends a sentence for the analyser
    assert [x.language for x in s.sentences] == ["km", "en"]
    assert [x.analysed for x in s.sentences] == [False, True]
    assert result_label(s.analysed, 3) == "partly screened"  # even with findings
    assert caveat(s).startswith("PARTLY SCREENED")


def test_a_khmer_name_inside_an_english_sentence_is_a_passage_of_its_own():
    text = "We condemn ហ៊ុន\u200dសែន for this."
    s = screen(text)
    start = text.index("ហ")
    assert s.unanalysed == ((start, text.index(" for"), "km"),)
    assert s.sentences[0].language == "mixed" and s.sentences[0].analysed == "partial"


def test_khmer_digits_alone_do_not_make_english_unanalysed():
    s = screen("The forum is on ១៥ March.")
    assert s.analysed is True and s.language == "en"


@pytest.mark.parametrize("text", ["สวัสดีครับ", "你好世界"])
def test_other_scripts_are_undetermined_and_not_analysed(text):
    s = screen(text)
    assert (s.language, s.analysed) == ("und", False)


def test_the_language_column_overrides_but_never_makes_khmer_readable():
    assert screen("Bonjour à tous", "fr").analysed is False
    assert screen("Bonjour à tous", "fr").language == "fr"
    forced = screen(KHMER, "en")
    assert forced.analysed is False and forced.detected == "km"
    assert screen("We thank you.", "EN").analysed is True
    assert screen("We thank you.", "en-GB").analysed is True


def test_no_letters_is_zxx_and_nothing_is_left_unread():
    s = screen("១២៣ !! 🙂")
    assert s.language == "zxx" and s.analysed is True and s.unanalysed == ()
