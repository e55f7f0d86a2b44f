"""The structure parser on law texts written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawcheck.structure.headings import match_heading, match_point
from tests.lawtext import articles, by_id, parse_text


@pytest.mark.parametrize("line, kind, number, slug", [
    ("CHAPTER 1", "chapter", "1", "chapter-1"),
    ("Chapter I: GENERAL PROVISIONS", "chapter", "I", "chapter-1"),
    ("Chapter IV", "chapter", "IV", "chapter-4"),
    ("Section 2", "section", "2", "section-2"),
    ("PART 3 - FINAL PROVISIONS", "part", "3", "part-3"),
    ("Book 2", "book", "2", "book-2"),
    ("Article 5", "article", "5", "art-5"),
    ("Article 5:", "article", "5", "art-5"),
    ("Article 5.-", "article", "5", "art-5"),
    ("Article 5._", "article", "5", "art-5"),
    ("**Article 5.-**", "article", "5", "art-5"),
    ("#### Article 5._", "article", "5", "art-5"),
    ("Art. 5", "article", "5", "art-5"),
    ("ARTICLE 5", "article", "5", "art-5"),
    ("Article 437 bis", "article", "437 bis", "art-437-bis"),
    ("Article 10 (new)", "article", "10", "art-10"),
    ("ជំពូកទី ១", "chapter", "1", "chapter-1"),
    ("ជំពូកទី២ ការចុះបញ្ជី", "chapter", "2", "chapter-2"),
    ("មាត្រា ៥", "article", "5", "art-5"),
    ("**មាត្រា ១៣ .-**", "article", "13", "art-13"),
    ("ផ្នែកទី ៣", "section", "3", "section-3"),
    ("កថាខណ្ឌទី ២", "paragraph", "2", "para-2"),
])
def test_headings_recognised(line, kind, number, slug):
    heading = match_heading(line)
    assert heading is not None, line
    assert (heading.kind, heading.number, heading.slug) == (kind, number, slug)


@pytest.mark.parametrize("line", [
    "Article 16 of this law applies to leaders.",
    "Chapter 6 of this law sets out penalties.",
    "មាត្រា ១៦ នៃច្បាប់នេះ",
    "The articles of association must be filed.",
    "Articles 5, 16 and 20 apply.",
])
def test_references_are_not_headings(line):
    assert match_heading(line) is None


def test_heading_title_and_new_marker():
    h = match_heading("Article 10 (new): Registration fees")
    assert h.new and h.title == "Registration fees"
    assert match_heading("Chapter I: GENERAL PROVISIONS").title == "GENERAL PROVISIONS"


@pytest.mark.parametrize("line, label", [
    ("1- the first point", "1"), ("1. the first point", "1"), ("(a) a lettered point", "a"),
    ("a) a lettered point", "a"), ("- a bullet", None), ("១-ចំណុចទីមួយ", "1"),
])
def test_points(line, label):
    point = match_point(line)
    assert point is not None and point.label == label


@pytest.mark.parametrize("line", ["2009", "12", "1.5 million riels were paid"])
def test_not_points(line):
    assert match_point(line) is None


LAW = """\
KINGDOM OF CAMBODIA
NATION RELIGION KING

LAW ON COMMUNITY GARDENS

CHAPTER 1
GENERAL PROVISIONS

Article 1.-
This law governs community gardens.

Article 2.-
A garden group shall notify the commune at least five (5) working days before
any public harvest festival. The notice shall state:
1- the names of three leaders;
2- the date and the place.

The commune shall reply within three (3) working days.

CHAPTER 2: PENALTIES

Article 3.-
A group that breaks Article 2 of this law shall receive a written warning.

Done in Phnom Penh, 1 January 2030
[Signature]
"""


def test_structure_ids_paths_and_noise():
    law = parse_text(LAW)
    ids = by_id(law)
    assert [p.id for p in law.provisions if p.kind in ("chapter", "article")] == [
        "chapter-1", "art-1", "art-2", "chapter-2", "art-3"]
    assert ids["chapter-1"].title == "GENERAL PROVISIONS"
    assert ids["chapter-2"].title == "PENALTIES"
    assert ids["art-3"].path == ("CHAPTER 2: PENALTIES",)
    assert ids["art-3"].parent == "chapter-2"
    # two paragraphs; the first holds the two points
    assert ids["art-2/para-1/point-1"].text == "the names of three leaders;"
    assert ids["art-2/para-2"].text == "The commune shall reply within three (3) working days."
    assert "five (5) working days before any public harvest festival" in ids["art-2"].text
    assert law.title == "LAW ON COMMUNITY GARDENS"
    kinds = {s.kind for s in law.report.skipped}
    assert {"preamble", "signature"} <= kinds
    assert ids["art-3"].text.endswith("written warning.")  # signature not glued on
    assert law.report.unplaced == ()


def test_gaps_and_declared_counts_are_reported():
    text = "( Contains 1 Chapters and 4 Articles )\n\nChapter 1\n\n" + "\n\n".join(
        f"Article {n}\nText of article {n}." for n in (1, 2, 5))
    report = parse_text(text).report
    assert report.gaps == ("3-4",)
    assert report.declared == {"chapters": 1, "articles": 4}
    assert any("says it has 4 articles; found 3" in w for w in report.warnings)


def test_running_headers_footers_and_page_break_mid_article():
    pages = []
    for page in range(1, 5):
        body = (f"Article {page}\nThe first half of article {page} continues\n"
                if page < 4 else "Article 4\nLast article.\n")
        cont = f"across the page break and ends here {page}." if page > 1 else ""
        pages.append(f"Official Gazette No. 42\n{cont}\n{body}\nPage {page} of 4")
    law = parse_text("\f".join(pages))
    arts = articles(law)
    assert arts["1"] == ("The first half of article 1 continues across the page break and "
                         "ends here 2.")
    assert not any("Gazette" in t or "Page" in t for t in arts.values())
    kinds = Counter(s.kind for s in law.report.skipped)
    assert kinds["header"] == 4 and kinds["page-number"] == 4


def test_hyphenation_is_undone_but_compounds_keep_their_hyphen():
    law = parse_text("Article 1\nThe govern-\nment and its non-\naligned partners shall "
                     "act.\n\nArticle 2\nA self-\ngoverning body.")
    arts = articles(law)
    assert arts["1"] == "The government and its non-aligned partners shall act."
    assert arts["2"] == "A self-governing body."
    assert law.report.hyphens_joined == 1


@pytest.mark.parametrize("where", ["start", "end"])
def test_table_of_contents_is_set_aside(where):
    toc = "Table of Contents\nChapter 1: Scope ........ 1\nArticle 1 ........ 1\n" \
          "Article 2 ........ 1\nArticle 3 ........ 2\n"
    body = "Chapter 1: Scope\n\n" + "\n\n".join(f"Article {n}\nBody {n}." for n in (1, 2, 3))
    law = parse_text(toc + "\n" + body if where == "start" else body + "\n\n" + toc)
    assert articles(law) == {"1": "Body 1.", "2": "Body 2.", "3": "Body 3."}
    assert law.report.duplicates == ()
    assert any(s.kind == "toc" for s in law.report.skipped)
    assert law.report.chapters == 1


def test_bare_heading_toc_is_replaced_by_the_real_article():
    text = "Article 1\nArticle 2\n\nChapter 1\n\nArticle 1\nReal one.\n\nArticle 2\nReal two."
    law = parse_text(text)
    assert articles(law) == {"1": "Real one.", "2": "Real two."}


def test_duplicated_article_identical_and_different():
    same = parse_text("Article 1\nOne.\n\nArticle 2\nTwo.\n\nArticle 2\nTwo.\n")
    assert [(d.provision, d.identical) for d in same.report.duplicates] == [("art-2", True)]
    assert articles(same)["2"] == "Two."
    differ = parse_text("Article 1\nOne.\n\nArticle 2\nTwo.\n\nArticle 2\nAnother two.\n")
    assert [(d.provision, d.identical) for d in differ.report.duplicates] == [("art-2", False)]
    assert articles(differ)["2"] == "Two."
    assert any("Another two." in u.text for u in differ.report.unplaced)


def test_khmer_numerals_become_ascii():
    law = parse_text("ជំពូកទី ១\nបទប្បញ្ញត្តិទូទៅ\n\nមាត្រា ១._\nច្បាប់នេះមានគោលបំណង ។\n\n"
                     "មាត្រា ១២._\nអង្គការត្រូវជូនដំណឹង ។\n")
    assert law.language == "km"
    assert [p.id for p in law.provisions] == ["chapter-1", "art-1", "art-12"]
    assert by_id(law)["art-12"].number == "12"
    assert by_id(law)["chapter-1"].title == "បទប្បញ្ញត្តិទូទៅ"
    assert law.report.gaps == ("2-11",)


def test_unplaced_text_and_debris_are_reported_not_dropped():
    law = parse_text("Chapter 1\nScope\n\nA stray sentence between headings.\n\n"
                     "Article 1\nBody.\n~~ ;; ..\n")
    assert [u.text for u in law.report.unplaced] == ["A stray sentence between headings."]
    assert [s.text for s in law.report.skipped if s.kind == "debris"] == ["~~ ;; .."]


def test_inline_article_text_and_explicit_paragraphs():
    law = parse_text("Article 5.- Any group of people intending to hold a gathering shall "
                     "notify the authority in writing.\n\nArticle 6\nកថាខណ្ឌទី ១\nFirst.\n"
                     "កថាខណ្ឌទី ២\nSecond.\n")
    ids = by_id(law)
    assert ids["art-5"].text.startswith("Any group of people")
    assert ids["art-6/para-1"].text == "First."
    assert ids["art-6/para-2"].text == "Second."


# --- the parser never loses text ------------------------------------------------------------

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_SENTENCE = st.lists(_WORD, min_size=1, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
_ARTICLE = st.lists(_SENTENCE, min_size=0, max_size=4)
_NOISE = st.sampled_from(["", "Page 3 of 9", "~~ ..", "Official Gazette", "- a bullet point",
                          "1- a numbered point", "(a) a lettered point", "Chapter 2: Later"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 40), _ARTICLE, _NOISE), min_size=1, max_size=12),
       st.lists(_SENTENCE, max_size=3))
def test_parsing_never_loses_text(items, front):
    lines = list(front)
    for number, sentences, noise in items:
        lines.append(f"Article {number}")
        lines.extend(sentences)
        lines.append(noise)
    text = "\n".join(lines)
    law = parse_text(text)
    kept = Counter()
    for p in law.provisions:
        if p.kind in ("article",):
            kept.update(p.text.replace(" ", "").replace("\n", ""))
        if p.kind not in ("paragraph", "point"):
            kept.update(p.heading.replace(" ", "").replace("\n", ""))
    for block in (*law.report.skipped, *law.report.unplaced):
        kept.update(block.text.replace(" ", "").replace("\n", ""))
    kept["-"] += law.report.hyphens_joined
    wanted = Counter(text.replace(" ", "").replace("\n", ""))
    missing = wanted - kept
    assert not missing, f"lost characters: {dict(missing)}"


def test_an_instrument_without_articles_is_made_of_paragraphs():
    law = parse_text("MINISTRY OF INTERIOR\nLetter No. 123\n\nParagraph 1\nAssociations must tell "
                     "the district three days ahead.\n\nParagraph 2\nThis applies to:\n"
                     "- provincial activities;\n- trainings.\n")
    ids = by_id(law)
    assert [p.id for p in law.provisions] == ["para-1", "para-2", "para-2/point-1",
                                              "para-2/point-2"]
    assert ids["para-1"].kind == "paragraph" and ids["para-2/point-2"].text == "trainings."
    assert law.report.unplaced == ()
