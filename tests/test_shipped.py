"""The shipped corpus: its facts agree with ../shared/legal, its uncertainty is carried into the
data, and its metadata loader is strict."""

from __future__ import annotations

import re
import shutil

import pytest

from lawcheck import api, shipped
from lawcheck.errors import CorpusDataError
from lawcheck.settings import corpus_dir

LAW = "kh/peaceful-demonstration-2009"


@pytest.fixture(scope="module")
def law(tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('shipped') / 'db.sqlite'}"
    return api.show(LAW, db=db)


def _text(law, number: str) -> str:
    return next(p["text"] for p in law["provisions"] if p["id"] == f"{LAW}/art-{number}")


def test_structure_is_the_laws(law):
    articles = [p for p in law["provisions"] if p["kind"] == "article"]
    chapters = [p for p in law["provisions"] if p["kind"] == "chapter"]
    assert [a["number"] for a in articles] == [str(n) for n in range(1, 31)]
    assert len(chapters) == 6
    assert law["details"]["report"]["unplaced"] == []


@pytest.mark.parametrize("article, facts", [
    ("7", ["five (5) working days"]),                       # notice period [confirmed]
    ("10", ["three (3) working days"]),                     # the authority's reply
    ("13", ["twenty-four (24) hours"]),                     # the Minister's decision
    ("14", ["twelve (12) hours", "thirty-six (36) hours", "two hundred (200)", "6 am",
            "6 pm", "five hundred (500) metres"]),
    ("21", ["written warning", "Article 5", "Article 16", "Article 20"]),
    ("28", ["six (6) months"]),
])
def test_facts_match_the_fact_sheet(law, article, facts):
    text = _text(law, article)
    for fact in facts:
        assert fact in text, f"art-{article} lacks {fact!r}"


def test_confidence_marks_are_carried_not_hidden(law):
    marks = {pid.rsplit("/", 1)[1]: v["confidence"]
             for pid, v in law["details"]["provisions"].items()}
    assert marks["art-7"] == "confirmed" and marks["art-4"] == "confirmed"
    assert marks["art-1"] == "uncertain" and marks["art-30"] == "uncertain"
    assert marks["art-14"] == "likely"  # parts of it rest on the machine translation only
    assert law["details"]["confidence"] == "likely" and law["details"]["digest"] is True
    note = law["details"]["provisions"][f"{LAW}/art-1"]["note"]
    assert "Khmer" in note


def test_metadata_carries_the_identity_of_the_law():
    meta = shipped.load_law_file(corpus_dir() / "kh" / "peaceful-demonstration-2009" /
                                 "law.yaml").meta
    assert meta["royal_kram"] == "NS/RKM/1209/025"
    assert str(meta["promulgated"]) == "2009-12-05"
    assert str(meta["adopted"]) == "2009-10-21" and str(meta["senate_approved"]) == "2009-11-17"
    assert meta["structure"] == {"chapters": 6, "articles": 30}
    assert "uncertain" in meta["effective_note"]


def test_annotations_find_the_notice_period(law):
    art7 = api.show(f"{LAW}/art-7")
    deadlines = [a for a in art7["versions"][0]["annotations"] if a["kind"] == "deadline"]
    assert any(a["value"].get("n") == 5 and a["value"].get("unit") == "working-days"
               for a in deadlines)
    assert all(a["machine"] and not a["reviewed"] for a in art7["versions"][0]["annotations"])


# --- the strict metadata loader ---------------------------------------------------------------

@pytest.fixture
def corpus_copy(tmp_path):
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir(), copy)
    return copy / "kh" / "peaceful-demonstration-2009" / "law.yaml"


@pytest.mark.parametrize("edit, line_of, message", [
    (lambda t: t.replace("royal_kram:", "royal_kramm:"), "royal_kramm:",
     "unknown key 'royal_kramm'; did you mean 'royal_kram'?"),
    (lambda t: t.replace("adopted: 2009-10-21", "adopted: 2009-21-10"), "adopted:",
     "must be a date YYYY-MM-DD"),
    (lambda t: t.replace("kind: law\n", "kind: law\nkind: code\n"), "kind: code",
     "appears twice"),
    (lambda t: t.replace("\n  art-7:\n    confidence: confirmed",
                         "\n  art-7:\n    confidence: sure"), "  art-7:",
     "confidence must be one of"),
    (lambda t: t.replace("  art-1:\n", "  art-1:\n\tx: 1\n", 1), "\tx: 1",
     "tab"),
])
def test_metadata_errors_name_file_and_line(corpus_copy, edit, line_of, message):
    corpus_copy.write_text(edit(corpus_copy.read_text(encoding="utf-8")), encoding="utf-8")
    lines = corpus_copy.read_text(encoding="utf-8").splitlines()
    expected_line = next(i for i, l in enumerate(lines, 1) if l.startswith(line_of))
    with pytest.raises(CorpusDataError) as info:
        shipped.load_law_file(corpus_copy)
    rendered = info.value.render()
    assert message in rendered
    assert re.search(rf"{re.escape(str(corpus_copy))}:{expected_line}\b", rendered), rendered


def test_metadata_naming_a_provision_the_text_lacks_is_an_error(corpus_copy, monkeypatch,
                                                                 db_url):
    text = corpus_copy.read_text(encoding="utf-8").replace("\n  art-7:\n", "\n  art-77:\n")
    corpus_copy.write_text(text, encoding="utf-8")
    monkeypatch.setenv("LAWCHECK_CORPUS", str(corpus_copy.parents[2]))
    with pytest.raises(CorpusDataError) as info:
        api.list_laws(db=db_url)
    assert "art-77" in info.value.render()
