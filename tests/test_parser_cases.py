"""The parser cases of issue 15 (../shared/parser-cases/, cut down from real laws), each giving
what its README says a reader expects, and the other causes the issue lists (paragraphs,
enactment formulas and web leftovers, numbering repair, laws numbered by sections), on texts
written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.sources.textfile import read_text
from lawcheck.structure.parser import parse
from tests.lawtext import articles, by_id, parse_text

CASES = Path(__file__).resolve().parents[2] / "shared" / "parser-cases"


def _case(name: str):
    path = CASES / name
    if not path.exists():
        pytest.skip(f"the parser cases are not here ({CASES})")
    return parse(read_text(path))


def _kinds(law, *kinds):
    return [p.id for p in law.provisions if p.kind in kinds]


def test_A_signature_words_inside_articles_do_not_cut_them():
    law = _case("A-signature.txt")
    arts = articles(law)
    assert list(arts) == ["1", "2", "3"]
    assert arts["1"].endswith("the signatures of the majority of all members of the tribunal "
                              "shall suffice.")
    assert arts["2"].endswith("No sale shall be made in the absence of the said sub-decree.")
    assert arts["3"] == "This law shall enter into force."
    assert law.report.unplaced == ()
    assert not any(s.kind == "signature" for s in law.report.skipped)


def test_C_annexes_end_the_body_and_the_report_says_so():
    law = _case("C-annex.md")
    arts = articles(law)
    assert arts["2"] == "All provisions contrary to this law shall be abrogated."
    annexes = [s for s in law.report.skipped if s.kind == "annex"]
    assert [s.lines[0].text for s in annexes] == ["## Annex 1", "## Annex 2"]
    assert "The national anthem is Nokoreach." in annexes[1].text
    assert sum("annex, set aside" in w for w in law.report.warnings) == 2
    assert "annex" in {s["kind"] for s in law.report.to_dict()["skipped"]}


def test_D_an_empty_article_takes_the_text_after_its_chapter_heading_not_the_annex():
    law = _case("D-replaced.txt")
    ids = by_id(law)
    assert _kinds(law, "article") == ["art-1", "art-2", "art-3"]
    assert ids["art-1"].text == ("Cambodia is a Kingdom with a King who shall rule according to "
                                 "the Constitution.")
    assert ids["art-1"].parent == "chapter-1"
    assert ids["chapter-1"].title == "SOVEREIGNTY"
    annex = [s for s in law.report.skipped if s.kind == "annex"]
    assert len(annex) == 1 and "Royal Kram shall take effect" in annex[0].text
    assert not any(s.kind == "toc" for s in law.report.skipped)
    assert law.report.duplicates == ()


def test_E_khmer_chapter_reference_and_verb_do_not_split_the_law():
    law = _case("E-km-chapref.txt")
    assert _kinds(law, "chapter") == ["chapter-1"]
    arts = articles(law)
    assert list(arts) == ["1", "2", "3"]
    assert "ជំពូកទី១៤ នៃរដ្ឋធម្មនុញ្ញ" in arts["1"] and arts["1"].endswith("១៩៩៩ ។")
    assert "ធ្វើនៅចន្លោះឆ្នាំ" in arts["2"] and arts["2"].endswith("១៩៦៣-១៩៦៩ ។")
    assert law.report.unplaced == ()
    assert not any(s.kind == "signature" for s in law.report.skipped)


def test_F_a_wrapped_reference_is_not_a_phantom_article():
    law = _case("F-xref.txt")
    arts = articles(law)
    assert list(arts) == ["39", "40"]
    assert "in accordance with Article 28 (1) of this law. The award shall be deemed" in arts["39"]
    assert law.report.unplaced == () and law.report.duplicates == ()


def test_G_hierarchy_follows_the_document():
    law = _case("G-part.txt")
    ids = by_id(law)
    assert _kinds(law, "title", "chapter", "part") == [
        "title-2", "title-2/chapter-3", "title-2/chapter-3/part-1", "title-2/chapter-3/part-2",
        "title-2/chapter-4", "title-2/chapter-4/part-1"]
    assert ids["art-20"].parent == "title-2/chapter-3/part-1"
    assert ids["art-48"].parent == "title-2/chapter-4/part-1"
    assert ids["title-2"].title == "PROPERTY"


# --- the other causes, on texts written here --------------------------------------------------

def test_part_above_chapter_when_the_document_says_so():
    law = parse_text("PART 1\nGENERAL\n\nCHAPTER 1\nSCOPE\n\nArticle 1\nOne.\n\nCHAPTER 2\nUSE\n\n"
                     "Article 2\nTwo.\n\nPART 2\nFINAL\n\nCHAPTER 3\nEND\n\nArticle 3\nThree.\n")
    assert by_id(law)["art-3"].parent == "part-2/chapter-3"


def test_a_paragraph_does_not_end_before_its_sentence():
    law = parse_text("Article 1\nThe fine shall be set in accordance with\n\nArticle 9 of this law "
                     "and paid within thirty days.\n\nA second paragraph starts here.\n\n"
                     "Article 2\nTwo.\n")
    ids = by_id(law)
    assert ids["art-1/para-1"].text == ("The fine shall be set in accordance with Article 9 of "
                                        "this law and paid within thirty days.")
    assert ids["art-1/para-2"].text == "A second paragraph starts here."
    assert list(articles(law)) == ["1", "2"]


def test_lettered_sub_headings_are_headings_and_capital_letter_points_are_points():
    law = parse_text("CHAPTER 3\nWAGES\n\nA. Guaranteed Minimum Wage\n\nArticle 104\nThe wage is "
                     "set by the Ministry.\n\nB. Payment of Wages\nPayment Rules\n\nArticle 105\n"
                     "Wages are paid:\nC) in cash;\nD) at the workplace.\n")
    ids = by_id(law)
    assert ids["art-104"].parent == "chapter-3/sub-a"
    assert ids["chapter-3/sub-a"].title == "Guaranteed Minimum Wage"
    assert ids["art-105"].parent == "chapter-3/sub-b"
    assert ids["chapter-3/sub-b"].title == "Payment of Wages / Payment Rules"
    assert ids["art-105/point-d"].text == "at the workplace."
    assert law.report.unplaced == ()


def test_enactment_formula_after_the_last_article_is_not_law_text():
    law = parse_text("Article 1\nOne.\n\nArticle 2\nThis law shall be declared urgent.\n\n"
                     "This Law is enacted by the National Assembly of the\nKingdom of Cambodia on "
                     "6 March 2006\nat its 4th Session.\n\nSigned and Sealed at Phnom Penh\n")
    assert articles(law)["2"] == "This law shall be declared urgent."
    signature = [s for s in law.report.skipped if s.kind == "signature"]
    assert signature and "at its 4th Session." in signature[0].text
    assert law.report.unplaced == ()


def test_web_leftovers_are_not_law_text():
    text = ("---\ntitle: \"POLITICAL SYSTEM\"\nweight: 1\n---\n\nArticle 1.\n\nThe State is "
            "independent.\n<!-- Preferred political parties\nPDF generated: 27 Apr 2022 -->\n"
            "It is united.\n\nArticle 2\nFreedom of religion\nEveryone shall enjoy freedom of "
            "belief.\nPDF generated: 27 Apr 2022, 10:51\n\n---\ntitle: \"Rights\"\nweight: 2\n"
            "---\n\nArticle 3\nThe people are the masters.\n")
    law = parse(read_text_from(text, "page.md"))
    arts = articles(law)
    assert arts == {"1": "The State is independent.\n\nIt is united.",
                    "2": "Everyone shall enjoy freedom of belief.",
                    "3": "The people are the masters."}
    web = "\n".join(s.text for s in law.report.skipped if s.kind == "web")
    assert "PDF generated: 27 Apr 2022, 10:51" in web and 'title: "Rights"' in web
    assert "Freedom of religion" in web


def test_topic_tags_broken_over_lines_and_interleaved_are_not_law_text():
    """A saved constitution page lays two tags out as "Regulation" / "evidence collection" /
    "Freedom of of" / "movement" between an article's points (the Viet Nam text, Art 22)."""
    text = ("---\ntitle: \"RIGHTS\"\nweight: 1\n---\n\nArticle 1\nThe people rule.\n"
            "<!-- Right to privacy -->\n\nArticle 2\n1. The citizen has a home.\n"
            "Right to privacy\nRegulation\nevidence collection\nFreedom of of\nmovement\n"
            "2. No one may enter a home without consent. Searches follow the\nlaw.\n"
            "Article 3\nThe citizen may travel\nfreely within the country.\n")
    law = parse(read_text_from(text, "page.md"))
    arts = articles(law)
    assert arts["2"].split() == ("1. The citizen has a home. 2. No one may enter a home "
                                 "without consent. Searches follow the law.").split()
    assert arts["3"].split() == "The citizen may travel freely within the country.".split()
    web = [s.lines[0].text for s in law.report.skipped if s.kind == "web"]
    assert {"Regulation", "evidence collection", "Freedom of of", "movement"} <= set(web)


def test_a_treaty_attestation_clause_and_its_version_in_another_language_end_the_body():
    """The Paris Agreement on Cambodia as the Dutch treaty database gives it: "IN WITNESS
    WHEREOF … DONE at Paris …" on one long line after Art 2, then the treaty again in Dutch
    under "### Artikel 1", a heading word lawcheck does not read."""
    witness = ("IN WITNESS WHEREOF the undersigned plenipotentiaries, being duly authorized "
               "thereto, have signed this Agreement. DONE at Paris this twenty-third day of "
               "October, one thousand nine hundred and ninety one.")
    text = ("<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n"
            "####Agreement on Cambodia\n\nThe parties, Have agreed as follows:\n\n"
            "### Article  1  \n\nCambodia shall be neutral.  \n\n### Article  2  \n\n"
            f"This Agreement shall enter into force upon signature.  \n\n{witness}  \n\n"
            "####Overeenkomst inzake Kambodja\n\nDe partijen zijn overeengekomen als volgt:\n\n"
            "### Artikel  1  \n\nKambodja is neutraal.  \n\n### Artikel  2  \n\n"
            "Deze Overeenkomst treedt in werking bij ondertekening.  \n")
    law = parse(read_text_from(text, "treaty.md"))
    assert articles(law) == {"1": "Cambodia shall be neutral.",
                             "2": "This Agreement shall enter into force upon signature."}
    kinds = {s.kind: s for s in law.report.skipped}
    assert kinds["signature"].lines[0].text.startswith("IN WITNESS WHEREOF")
    other = "\n".join(l.text for l in kinds["other-language"].lines)
    assert "Artikel  2" in other and "Kambodja is neutraal." in other
    assert kinds["web"].lines[0].text.startswith("<meta")
    assert any("other language" in w for w in law.report.warnings)


def test_a_word_numbered_once_after_the_last_article_is_not_another_language():
    """"Schedule 1" alone is an annex's business; "Room 1" / "Room 2" inside the last article
    are text: only a run counting 1, 2 after the last article ends the body."""
    text = ("Article 1\nThe office is in\nRoom 1\non the ground floor.\nArticle 2\n"
            "Meetings are held in\nRoom 2\nevery month, and hearings in\nRoom 1\nor in\n"
            "Room 2\nof the court.\n")
    law = parse(read_text_from(text, "law.txt"))
    assert articles(law)["2"].split() == ("Meetings are held in Room 2 every month, and "
                                          "hearings in Room 1 or in Room 2 of the court.").split()
    assert not any(s.kind == "other-language" for s in law.report.skipped)


def read_text_from(text: str, name: str):
    from lawcheck.sources.textfile import text_source

    return text_source(text, name, "0" * 64, "markdown")


@pytest.mark.parametrize("printed, expected", [("មាត្រា ៣.០ ថ្មី", "30"), ("មាត្រា ២៩", "30")])
def test_a_misprinted_number_is_read_as_the_sequence_implies_with_a_warning(printed, expected):
    law = parse_text(f"មាត្រា ២៩\nអត្ថបទទី១ ។\n\n{printed}\nអត្ថបទទី២ ។\n\n"
                     "មាត្រា ៣១\nអត្ថបទទី៣ ។\n")
    assert list(articles(law)) == ["29", "30", "31"]
    assert articles(law)["30"] == "អត្ថបទទី២ ។"
    assert any(printed in w and f"read as Article {expected}" in w for w in law.report.warnings)


def test_a_heading_printed_at_a_line_end_is_split_off_where_the_numbering_needs_it():
    law = parse_text("Article 50\nFirst text. For private schools the existing law applies. "
                     "Article 50:\n\nThe second text.\n\nArticle 52\nThird.\n")
    arts = articles(law)
    assert list(arts) == ["50", "51", "52"]
    assert arts["50"].endswith("the existing law applies.")
    assert arts["51"] == "The second text."
    assert any("'Article 50:'" in w and "Article 51" in w for w in law.report.warnings)


def test_a_law_numbered_by_sections_parses_into_sections():
    law = parse_text("ACT ON WIDGETS\n\nPART 1\nPRELIMINARY\n\nSection 1\nShort title\nThis Act "
                     "may be cited as the Widgets Act.\n\nSection 2\nIn this Act:\n(a) widget "
                     "means a small thing;\n(b) gadget means a bigger thing.\n")
    ids = by_id(law)
    assert _kinds(law, "section") == ["section-1", "section-2"]
    assert ids["section-1"].text == "This Act may be cited as the Widgets Act."
    assert ids["section-1"].title == "Short title" and ids["section-1"].parent == "part-1"
    assert ids["section-2/point-b"].text == "gadget means a bigger thing."
    assert any("sections are read as its provisions" in w for w in law.report.warnings)


def test_a_law_numbered_by_bare_numbers_parses_into_sections():
    law = parse_text("NOTIFICATION ON WIDGETS\n\n1. Every association shall keep a register.\n\n"
                     "2. The register shall state:\n1. the name of the widget;\n2. its owner.\n\n"
                     "3. This notification takes effect on signature.\n")
    ids = by_id(law)
    assert _kinds(law, "section") == ["section-1", "section-2", "section-3"]
    assert ids["section-2/point-2"].text == "its owner."
    assert law.report.unplaced == ()


def test_ocr_order_two_headings_then_two_sentences():
    law = parse_text("Article 3.-\nArticle 4-\nThe Kingdom is one state.\nIts motto is Nation, "
                     "Religion, King.\nArticle 5.-\nKhmer is the official language.\n")
    arts = articles(law)
    assert arts["3"] == "The Kingdom is one state."
    assert arts["4"] == "Its motto is Nation, Religion, King."
    assert any("art-3 has no text of its own" in w for w in law.report.warnings)


def test_an_empty_article_is_not_replaced_across_a_division():
    law = parse_text("CHAPTER 1\nONE\n\nArticle 1\n\nCHAPTER 2\nTWO\nArticle 2\nText two.\n\n"
                     "CHAPTER 3\nTHREE\n\nArticle 1\nAnother first article.\n")
    ids = by_id(law)
    assert ids["art-1"].parent == "chapter-2"  # the heading above CHAPTER 2 (OCR order)
    assert [d.provision for d in law.report.duplicates] == ["art-1"]


def test_form_feeds_keep_the_files_line_numbers():
    law = parse_text("Article 1\nOne.\n\fArticle 2\nTwo.\n")
    assert by_id(law)["art-2"].line == 3


def test_the_ingest_report_says_annexes_were_set_aside(tmp_path, db_url):
    from tests.test_cli import run

    path = CASES / "C-annex.md"
    if not path.exists():
        pytest.skip(f"the parser cases are not here ({CASES})")
    out = run("corpus", "ingest", str(path), "--law", "kh/annex-case", "--new", db=db_url).output
    assert "annex (" in out and "set aside: not articles of this law" in out


def test_a_reference_wrapped_at_a_line_end_is_not_split_off():
    law = parse_text("Article 4\nThe fine is set in accordance with Article 5\nof the Criminal "
                     "Code.\n\nArticle 6\nSix.\n")
    assert list(articles(law)) == ["4", "6"]
    assert articles(law)["4"] == ("The fine is set in accordance with Article 5 of the Criminal "
                                  "Code.")


def test_a_second_language_version_ends_the_body():
    law = parse_text("ជំពូកទី ១\nបទប្បញ្ញត្តិទូទៅ\n\nមាត្រា ១.-\nច្បាប់នេះមានគោលបំណង ។\n\n"
                     "មាត្រា ២.-\nច្បាប់នេះចូលជាធរមាន ។\n\nCHAPTER 1\nGENERAL PROVISIONS\n\n"
                     "Article 1.-\nThis law aims at order.\n\nArticle 2.-\nThis law takes "
                     "effect.\n")
    assert _kinds(law, "article") == ["art-1", "art-2"]
    assert articles(law)["1"] == "ច្បាប់នេះមានគោលបំណង ។"
    other = [s for s in law.report.skipped if s.kind == "other-language"]
    assert other and "This law takes effect." in other[0].text
    assert other[0].lines[0].text == "CHAPTER 1" and _kinds(law, "chapter") == ["chapter-1"]
    assert any("second-language version" in w for w in law.report.warnings)
