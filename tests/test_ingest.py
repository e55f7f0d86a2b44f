"""Annotating a parsed law: articles go through the pipeline once, their parts inherit."""

from __future__ import annotations

from lawcheck.annotate import annotate
from lawcheck.ingest import annotate_provisions
from benchmarks import pdfgen
from tests.lawtext import parse_text


def test_parts_inherit_their_articles_annotations_with_correct_offsets():
    law = parse_text("\n".join(pdfgen.law_text(30)))
    derived = annotate_provisions(law)
    assert len(derived) == len(law.provisions)
    parts = 0
    for provision, found in zip(law.provisions, derived):
        for a in found:
            assert provision.text[a.start:a.end] == a.text
        if provision.kind in ("paragraph", "point"):
            parts += 1
            # what the pipeline finds in the part alone (bar sentence-level deontic labels,
            # which belong to the whole sentence) is what the part inherits
            direct = {(a.kind, a.label, a.start, a.text) for a in annotate(provision.text)
                      if a.kind in ("deadline", "amount", "xref")}
            inherited = {(a.kind, a.label, a.start, a.text) for a in found
                         if a.kind in ("deadline", "amount", "xref")}
            assert direct == inherited, provision.id
    assert parts > 20


# -- annotation in a child started while the PDF is read (lawcheck/annotate/background.py) --

KHMER = "អង្គការត្រូវជូនដំណឹងដល់ក្រសួងមហាផ្ទៃក្នុងរយៈពេល ៣០ ថ្ងៃ។"


def test_the_child_annotates_exactly_as_this_process_does():
    from lawcheck.annotate import annotate_many, background

    law = parse_text("\n".join(pdfgen.law_text(12)))
    texts = [p.text for p in law.provisions if p.kind == "article"]
    early = background.start()
    try:
        assert early.annotate_many(texts, "en") == annotate_many(texts, "en")
    finally:
        early.close()
    early = background.start()  # a Khmer law: its pipeline is built when the texts come
    try:
        assert early.annotate_many([KHMER], "km") == annotate_many([KHMER], "km")
    finally:
        early.close()
    assert early.child.returncode == 0
    early = background.start()  # and a whole law's provisions, parts inheriting
    assert annotate_provisions(law, early) == annotate_provisions(law)
    early.close()
    assert early.child.returncode == 0  # it answered, then ended


def test_a_child_that_died_gives_way_to_annotating_here():
    from lawcheck.annotate import background

    law = parse_text("\n".join(pdfgen.law_text(5)))
    early = background.start()
    early.child.kill()
    early.child.wait()
    assert early.annotate_many(["The fee shall be paid within 30 days."], "en") is None
    assert annotate_provisions(law, early) == annotate_provisions(law)


def test_a_refused_pdf_leaves_no_child_running(tmp_path):
    import pytest

    from lawcheck.annotate import background
    from lawcheck.errors import SourceFileError
    from lawcheck.ingest import prepare

    bad = tmp_path / "law.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"\x00" * 200)
    early = background.start()
    with pytest.raises(SourceFileError):
        prepare(bad, early=early)
    assert early.child.poll() is not None  # killed, not left to finish loading spaCy


def test_a_child_is_started_for_a_pdf_only_and_only_while_spacy_is_not_loaded(tmp_path):
    import sys

    from lawcheck.ingest import start_annotation

    text = tmp_path / "law.txt"
    text.write_text("Article 1\nThe fee shall be paid.\n", encoding="utf-8")
    assert start_annotation(text) is None
    pdf = pdfgen.make_law_pdf(tmp_path / "law.pdf", 3)
    import lawcheck.annotate.pipeline  # noqa: F401  (spaCy loaded here: a child gains nothing)

    assert "spacy" in sys.modules and start_annotation(pdf) is None


def test_no_child_without_a_core_to_spare(monkeypatch):
    """On a machine whose cores are all busy the child would run in turn with the PDF's
    reading, not beside it, and only add its imports."""
    import os

    from lawcheck.annotate import background

    monkeypatch.setattr(os, "getloadavg", lambda: (64.0, 64.0, 64.0))
    assert not background.spare_core()
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert background.spare_core() == (cores > 1)
