"""Compare the parser's reading of a real law with the truth written for it (tests/data/laws/).

Third-party texts stay where they are (../shared/real-laws/): only their truth (line numbers)
is kept in the project. Texts whose licence allows it are kept in tests/data/laws/texts/ (see
the README there). See tests/test_real_laws.py.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

TRUTH = Path(__file__).parent / "data" / "laws"
TEXTS = TRUTH / "texts"  # real texts whose licence lets the project keep them (README there)
REAL_LAWS = Path(__file__).resolve().parents[2] / "shared" / "real-laws"
TOLERANCE = 0.02  # an article's stored text is whole if its character count is within 2 %
_SPACE = re.compile(r"\s+")


def truths() -> list[Path]:
    return sorted(TRUTH.glob("*.yaml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass
class Article:
    id: str
    heading: int
    start: tuple[int, int]
    end: tuple[int, int | None]
    division: str | None


@dataclass
class Outcome:
    name: str
    articles: int  # in the truth
    missing: list[str] = field(default_factory=list)  # in the law, not found
    invented: list[str] = field(default_factory=list)  # found, not in the law
    cut: dict[str, str] = field(default_factory=dict)  # found, text not whole: id -> why
    misplaced: dict[str, str] = field(default_factory=dict)  # wrong heading line or division

    @property
    def found(self) -> int:
        return self.articles - len(self.missing)

    def failing(self) -> set[str]:
        return set(self.missing) | set(self.invented) | set(self.cut) | set(self.misplaced)


def _position(value) -> tuple[int, int | None]:
    if isinstance(value, int):
        return value, None
    line, col = str(value).split(":")
    return int(line), int(col)


def articles_of(truth: dict) -> list[Article]:
    return [Article(a[0], a[1], _position(a[2]), _position(a[3]), a[4])
            for a in truth["articles"]]


def span_text(lines: list[str], article: Article, skip: set[int]) -> str:
    """The article's text in the source, lines left out as not law text (page numbers …)."""
    (first, col), (last, stop) = article.start, article.end
    parts = []
    for number in range(first, last + 1):
        if number in skip:
            continue
        text = lines[number - 1]
        if number == last and stop is not None:
            text = text[:stop]
        if number == first:
            text = text[col or 0:]
        parts.append(text)
    return "\n".join(parts)


def characters(text: str) -> int:
    return len(_SPACE.sub("", text))


def compare(truth: dict, law, source_lines: list[str]) -> Outcome:
    """How the parsed ``law`` (a ParsedLaw) reads against ``truth``."""
    skip = set(truth.get("not_law_text") or ())
    expected = articles_of(truth)
    parsed = {p.id: p for p in law.provisions if p.kind == "article"}
    out = Outcome(truth["source"], len(expected))
    wanted = {a.id for a in expected}
    out.invented = [pid for pid in parsed if pid not in wanted]
    for art in expected:
        p = parsed.get(art.id)
        if p is None:
            out.missing.append(art.id)
            continue
        want = characters(span_text(source_lines, art, skip))
        got = characters(p.text)
        if abs(got - want) > max(TOLERANCE * want, 2):
            out.cut[art.id] = f"{got} characters stored, {want} in the source"
        if p.line != art.heading:
            out.misplaced[art.id] = f"heading read at line {p.line}, printed at {art.heading}"
        elif art.division and _printed(p.parent) != art.division:
            out.misplaced[art.id] = f"placed in {p.parent}, printed in {art.division}"
    return out


def _printed(division: str | None) -> str:
    """The division's own segment, without the "-2" the parser adds to a repeated id (a law
    printing "PART 1" twice in a chapter, its chapter heading missing; reported)."""
    last = (division or "").rsplit("/", 1)[-1]
    return re.sub(r"^(\w+-\w+)-\d+$", r"\1", last)


def source_path(truth: dict) -> Path:
    """Where the text a truth was written for lies: in the project (tests/data/laws/texts/) or
    in ../shared/real-laws/ (third-party texts tested in place)."""
    kept = TEXTS / truth["source"]
    return kept if kept.exists() else REAL_LAWS / truth["source"]


def source_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def logical_lines(truth: dict, lines: list[str],
                  limit: int | None = None) -> tuple[list[str], dict[str, int]]:
    """The law rebuilt as logical lines for benchmarks/pdfgen.make_law_pdf (division headings and
    their titles, article headings and title lines, one line per paragraph of text), and the
    character count each article's text should keep. Built on the fly from the text in place;
    ``limit`` keeps the first articles only."""
    skip = set(truth.get("not_law_text") or ())
    divisions = {line: ident for line, ident in truth.get("divisions") or ()}
    out: list[str] = []
    want: dict[str, int] = {}
    articles = articles_of(truth)[:limit]
    starts = sorted(divisions) + [a.heading for a in articles]
    # lines that are some article's heading or text: never another article's title (a text
    # printed out of order puts them between a heading and its own text)
    taken = {a.heading for a in articles_of(truth)} | {
        n for a in articles_of(truth) for n in range(a.start[0], a.end[0] + 1)}
    for art in articles:
        for line in sorted(d for d in divisions if _last_before(articles, art) < d < art.heading):
            out.append(lines[line - 1].strip().lstrip("#").strip())
            following = lines[line].strip() if line < len(lines) else ""
            if following and line + 1 not in starts \
                    and not re.match(r"^(Article|មាត្រា)", following):
                out.append(following)  # the division's title line
        heading = lines[art.heading - 1]
        col = re.search(r"(?:Article|ARTICLE|មាត្រា)\s*[0-9០-៩]+\s*[.:\-–—…_]*", heading)
        out.append(col.group(0).strip() if col else heading.strip())
        title = [n for n in range(art.heading + 1, art.start[0])
                 if lines[n - 1].strip() and n not in skip and n not in divisions
                 and n not in taken]
        if title:
            out.append(" ".join(lines[n - 1].strip() for n in title))
        text = span_text(lines, art, skip)
        for block in re.split(r"\n\s*\n", text):
            block = " ".join(part.strip() for part in block.split("\n") if part.strip())
            if block:
                out.append(block)
        want[art.id] = characters(text)
    return out, want


def _last_before(articles: list[Article], art: Article) -> int:
    previous = [a.heading for a in articles if a.heading < art.heading]
    return max(previous) if previous else 0


def table(pdf: bool = False) -> list[str]:
    """The README's rows: per text, articles in the truth, and found / invented / cut, as text
    (and, with ``pdf``, as the PDF built by benchmarks/pdfgen). ``python -m tests.real_laws``."""
    import tempfile

    from lawcheck.sources.pdf import read_pdf
    from lawcheck.sources.textfile import read_text
    from lawcheck.structure.parser import parse

    rows = []
    for path in truths():
        truth = load(path)
        source = source_path(truth)
        if not source.exists():
            continue
        lines = source_lines(source)
        out = compare(truth, parse(read_text(source)), lines)
        row = (f"| {path.stem} | {out.articles} | {out.found} / {len(out.invented)} / "
               f"{len(out.cut)} |")
        if pdf and not path.stem.startswith("km-"):
            from benchmarks import pdfgen

            logical, want = logical_lines(truth, lines)
            with tempfile.TemporaryDirectory() as tmp:
                made = pdfgen.make_law_pdf(Path(tmp) / "law.pdf", logical,
                                           header="Kingdom of Cambodia - Official Translation",
                                           two_column_pages=(2, 3, 5))
                law = parse(read_pdf(made))
            got = {p.id: p for p in law.provisions if p.kind == "article"}
            cut = [i for i, n in want.items() if i in got
                   and abs(characters(got[i].text) - n) > max(TOLERANCE * n, 2)]
            row += (f" {len(set(want) & set(got))} / {len(set(got) - set(want))} / "
                    f"{len(cut)} |")
        rows.append(row)
    return rows


if __name__ == "__main__":
    import sys

    print("\n".join(table(pdf="--pdf" in sys.argv)))
