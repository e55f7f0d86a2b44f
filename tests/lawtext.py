"""Small made-up law texts for parser tests (written here; no real law text)."""

from __future__ import annotations

from lawcheck.model import ParsedLaw
from lawcheck.sources.textfile import text_source
from lawcheck.structure.parser import parse


def parse_text(text: str, language: str | None = None) -> ParsedLaw:
    return parse(text_source(text, "fixture.txt", "0" * 64), language)


def articles(law: ParsedLaw) -> dict[str, str]:
    return {p.number: p.text for p in law.provisions if p.kind == "article"}


def by_id(law: ParsedLaw):
    return {p.id: p for p in law.provisions}
