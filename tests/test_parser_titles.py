"""Article titles (issue 15): a title that shares its line with the article's first sentence
is split off in a law that titles its articles, and only there."""

from __future__ import annotations

from lawcheck.structure.titles import sentence_openers, split_title
from tests.lawtext import by_id, parse_text

TITLED = """CHAPTER 1
GENERAL PROVISIONS
Article 1
Purpose of this law
All schools shall register with the Ministry. The Ministry shall keep the register.
Article 2
Scope
All private schools are covered by this law. The law applies in every province.
Article 3
Definitions
In this law a school means any place of teaching. It includes evening classes.
Article 4
Registration of private schools
All owners shall file the form. The form is free of charge.
Article 5
Fees charged to pupils
In each year the owner shall publish the fees. Fees may not rise mid-year.
Article 6
Violation of the rules on fees in private schools All owners who raise fees mid-year shall
be fined from 100,000 riels to 500,000 riels. In case of a second offence the fine is doubled.
Article 7
Entry into force
This law enters into force on the day it is signed. All earlier rules on schools are repealed.
"""


def test_title_sharing_its_line_with_the_first_sentence_is_split_off():
    law = parse_text(TITLED)
    art = by_id(law)["art-6"]
    assert art.title == "Violation of the rules on fees in private schools"
    assert art.text.startswith("All owners who raise fees mid-year shall")
    assert art.text.rstrip().endswith("the fine is doubled.")
    assert any("line 19" in w and "share one line" in w for w in law.report.warnings)
    # the articles before and after keep their own title lines
    assert by_id(law)["art-5"].title == "Fees charged to pupils"
    assert by_id(law)["art-7"].text.startswith("This law enters into force")


def test_a_law_without_titles_keeps_such_a_line_as_text():
    untitled = "\n".join(line for line in TITLED.splitlines()
                         if line not in {"Purpose of this law", "Scope", "Definitions",
                                         "Registration of private schools",
                                         "Fees charged to pupils", "Entry into force"})
    law = parse_text(untitled)
    art = by_id(law)["art-6"]
    assert art.text.startswith("Violation of the rules on fees in private schools All owners")
    assert not any("share one line" in w for w in law.report.warnings)


def test_split_needs_a_word_that_opens_sentences_after_a_word_that_can_end_a_title():
    openers = frozenset({"All", "In", "The"})
    assert split_title("Violation of the provision on freedom of religion in education All "
                       "activities impact on freedom of religion", openers) == (
        "Violation of the provision on freedom of religion in education",
        "All activities impact on freedom of religion")
    # a capital after a function word ("of The") or a name ("Ministry") is no place to split
    assert split_title("Powers of The Ministry of Education over schools and their teachers "
                       "in all provinces", openers) is None
    assert split_title("Powers of the minister Samdech over schools and their teachers in "
                       "all provinces", openers) is None
    # a short line is a title on its own; a Khmer line is never split
    assert split_title("Registration of private schools", openers) is None
    assert split_title("ការចុះបញ្ជី All សាលា ឯកជន ត្រូវ ចុះបញ្ជី នៅ ក្រសួង", openers) is None


def test_sentence_openers_are_words_opening_sentences_at_least_twice():
    lines = [None, "Scope", "All schools register. The form is free.", "All owners pay.",
             "the Director acts on it and the", "Ministry decides", None, "Ministry of",
             "The form is filed.", None, "The board meets."]
    # a word after a line that stops mid-phrase ("… and the", "Ministry of") opens nothing
    assert sentence_openers(lines) == frozenset({"The", "All"})
