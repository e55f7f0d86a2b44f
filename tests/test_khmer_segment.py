"""The Khmer word segmenter adapter: offsets, zero-width spaces, numerals, mixed runs, clusters."""

import unicodedata

from hypothesis import given, settings, strategies as st

from lawcheck.speech.segment import COENG, cluster_boundary, segment, segmented


def test_words_inside_a_run_with_offsets():
    text = "ព្រះមហាក្សត្រនៃព្រះរាជាណាចក្រកម្ពុជា"
    tokens = segment(text)
    assert [t.text for t in tokens][:2] == ["ព្រះមហាក្សត្រ", "នៃ"]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == text


def test_zero_width_space_is_a_boundary_and_never_in_a_word():
    text = "បាតុកម្ម\u200bដោយ\u200bសន្តិវិធី"
    tokens = segment(text)
    assert all("\u200b" not in t.text for t in tokens)
    assert tokens[0].text == "បាតុកម្ម" and tokens[0].end == 8
    assert segmented(text) == "បាតុកម្ម ដោយ សន្តិវិធី"


def test_numerals_latin_and_punctuation_are_their_own_tokens():
    tokens = segment("ថ្ងៃទី២០ CNRP ត្រូវបានរំលាយ។ តើ?")
    kinds = [(t.kind, t.text) for t in tokens]
    assert ("num", "២០") in kinds and ("latin", "CNRP") in kinds
    assert ("punct", "។") in kinds and ("punct", "?") in kinds


def test_text_without_khmer_is_unchanged_for_the_index():
    assert segmented("Article 24 of LANGO") == "Article 24 of LANGO"


def test_cluster_boundary_rules():
    text = "ក្ស"
    assert not cluster_boundary(text, 2)  # after the coeng: the subscript belongs to it
    assert not cluster_boundary("កា", 1)   # before a dependent vowel
    assert cluster_boundary("កខ", 1)


KHMER = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x1780, 0x17DE)] + list("០១២ ab\u200b\u200c។?")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(KHMER)
def test_every_span_is_exact_and_on_cluster_boundaries(text):
    tokens = segment(text)
    last = 0
    for t in tokens:
        assert text[t.start:t.end] == t.text and t.start >= last
        last = t.end
        assert "\u200b" not in t.text
        if t.kind == "km":
            assert cluster_boundary(text, t.start) or text[t.start - 1] in " \u200b"
            assert cluster_boundary(text, t.end) or text[t.end] in " \u200b"
            assert not t.text.endswith(COENG) or t.end == len(text) or \
                unicodedata.category(text[t.end])[0] != "L" or text[t.end] in " \u200b"


def test_wrap_never_cuts_a_cluster_and_keeps_every_character():
    from lawcheck.speech.segment import wrap

    text = "ការធ្វើបាតុកម្មដោយសន្តិវិធីត្រូវជូនដំណឹងជាលាយលក្ខណ៍អក្សរទៅអាជ្ញាធរមូលដ្ឋាន" * 3
    lines = wrap(text, 40, "  ")
    assert len(lines) > 3 and all(len(line) <= 40 for line in lines)
    assert "".join(line[2:] for line in lines) == text
    at = 0
    for line in lines[:-1]:
        at += len(line) - 2
        assert cluster_boundary(text, at), (line, text[at - 1:at + 1])
    assert wrap("Article 5 applies to every association", 20) == [
        "Article 5 applies to", "every association"]
