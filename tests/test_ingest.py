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
