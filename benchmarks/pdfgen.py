"""Synthetic law PDFs for the PDF reader's tests and benchmark (benchmarks/ingest.py).

They live here, not in tests/, because the benchmarks import nothing from the tests; the tests
import the builders from here, as they do benchmarks/bombs.py's.

Everything here is made up by the code: no real law text is copied. Output is
deterministic (fixed seed, fixed creation date), so a generated file is the same
byte for byte on every run.

Layout of a law page (A4, units are PDF points, origin at the top left):

* top band (y < 48): running header, then a thin rule;
* body (BODY_TOP .. BODY_BOTTOM): one column, or two on the pages listed in
  ``two_column_pages``; text flows across pages, so articles break mid-article;
* bottom band (y > page height - 40): footer "Page N of M".

The PDF reader is expected to drop the bands by coordinates (see
shared/research/dependencies.md §3); tests can rely on the band sizes below.

Traps for the parser, on purpose: body sentences mention "this Article" and
"Article K of this Law", so a wrapped line can start with "Article"; TOC lines
("Article 3 ....... 2") look like headings; pdfplumber interleaves the lines of
a two-column page; a duplicated article breaks the numbering order.

The Khmer variant uses Khmer OS (Debian ``fonts-khmeros``) *without* text
shaping: each code point becomes one glyph, so the text layer extracts exactly
(a shaped Khmer PDF does not; see §3 of the research notes).
"""

from __future__ import annotations

import random
from itertools import accumulate
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from fpdf import FPDF

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
KHMER_FONT = Path("/usr/share/fonts/truetype/khmeros/KhmerOS.ttf")

PAGE_W, PAGE_H = 595.28, 841.89          # A4 in points
MARGIN = 56.7                            # 20 mm left and right
HEADER_BAND, FOOTER_BAND = 48.0, 40.0    # header / footer live inside these bands
BODY_TOP, BODY_BOTTOM = 70.0, PAGE_H - 58.0
GUTTER = 20.0                            # gap between the two columns
FIXED_DATE = datetime(2024, 1, 1, tzinfo=timezone.utc)

KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
_ARABIC = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")

# ---------------------------------------------------------------- law text

_CHAPTERS = ["GENERAL PROVISIONS", "REGISTRATION", "RIGHTS AND OBLIGATIONS",
             "FINANCIAL REPORTING", "FOREIGN STAFF", "INSPECTION", "PENALTIES",
             "MISCELLANEOUS PROVISIONS", "FINAL PROVISIONS"]
_SUBJECTS = ["Every association", "A domestic non-governmental organization",
             "A foreign non-governmental organization", "The applicant",
             "The governing board", "Each implementing partner"]
_AUTHORITIES = ["competent ministry", "registration office", "provincial administration",
                "supervisory authority"]
_DOCS = ["an annual activity report", "an audited financial statement",
         "a copy of its amended statutes", "a list of its foreign staff"]
_EVENTS = ["any change of its registered address", "the start of a new project",
           "the dissolution of the organization", "any public fundraising campaign"]
_ACTS = ["receive funds from an unregistered foreign source",
         "open a bank account outside the Kingdom", "transfer its registration to another entity"]
_RECORDS = ["its accounting records", "the minutes of its general assembly",
            "the supporting documents of every transaction"]
_NUMBERS = {3: "three", 5: "five", 7: "seven", 10: "ten", 15: "fifteen", 30: "thirty",
            45: "forty-five", 60: "sixty", 90: "ninety"}
_AMOUNTS = ["1,000,000", "2,000,000", "5,000,000", "10,000,000", "20,000,000", "50,000,000"]
_SENTENCES = [
    "{S} shall notify the {A} in writing at least {N} working days before {E}.",
    "{S} shall submit {D} to the {A} no later than 31 March of each year.",
    "{S} shall not {X} without the prior written approval of the {A}.",
    "{S} may request an extension of the deadline, which shall not exceed {N} days.",
    "The {A} shall decide on a complete application within {N} days from the date of receipt.",
    "Any organization that fails to comply with this Article shall be liable to a fine of {M} riels.",
    "In case of repeated violation, the fine shall be increased to {M} riels and the "
    "registration may be suspended by the {A}.",
    "{S} must keep {R} for a period of at least {N} years.",
    "The {A} may refuse an application that does not meet the conditions of Article {K} "
    "of this Law.",
    "Notwithstanding the implementation of administrative procedures, the {A} may inspect {R}.",
    "The procedures and formalities of the registration shall be determined by a separate "
    "regulation of the {A}.",
]
_LIST_INTRO = "The application shall include the following:"
_POINTS = ["the name, logo and registered address of the organization",
           "the names and nationalities of the founding members",
           "the objectives and the geographical areas of activities",
           "the sources of funding and the estimated annual budget",
           "the contact details of the responsible representative"]

_KM_LIST_INTRO = "ពាក្យសុំត្រូវមានព័ត៌មានខាងក្រោម៖"
_KM_POINTS = ["ឈ្មោះ និងអាសយដ្ឋានរបស់អង្គការ", "ឈ្មោះស្ថាបនិក", "គោលបំណង និងតំបន់សកម្មភាព",
              "ប្រភពមូលនិធិ និងថវិកាប្រចាំឆ្នាំ"]

# Where long words of the text above may break at a line end ("govern-" / "mental").
_SYLLABLES = """non-govern|mental organ|iza|tion admin|is|tra|tive admin|is|tra|tion
regis|tra|tion unregis|tered regis|tered appli|ca|tion appli|cant imple|ment|ing
imple|men|ta|tion super|vi|sory notwith|stand|ing nation|al|ities geo|graph|ical
repre|sen|ta|tive proce|dures for|mal|ities provin|cial trans|ac|tion exten|sion
compe|tent deter|mined state|ment regu|la|tion respon|sible assem|bly author|ity
ap|proval vio|la|tion in|creased sus|pended dis|so|lu|tion objec|tives fund|rais|ing
govern|ing"""
HYPHEN_BREAKS: dict[str, tuple[int, ...]] = {   # word -> offsets where it may break
    word.replace("|", ""): tuple(accumulate(len(part) for part in word.split("|")[:-1]))
    for word in _SYLLABLES.split()}

# Made-up Khmer: headings, chapter titles and a few fixed sentences (phrases
# separated by spaces so the line breaker can wrap them).
_KM_CHAPTERS = ["បទប្បញ្ញត្តិទូទៅ", "ការចុះបញ្ជី", "សិទ្ធិ និងកាតព្វកិច្ច", "ទោសប្បញ្ញត្តិ",
                "អវសានប្បញ្ញត្តិ"]
_KM_SENTENCES = [
    "អង្គការ ត្រូវជូនដំណឹងទៅក្រសួង យ៉ាងតិច {n} ថ្ងៃធ្វើការ មុនពេលចាប់ផ្តើមសកម្មភាព។",
    "សមាគម ត្រូវដាក់របាយការណ៍ប្រចាំឆ្នាំ ទៅក្រសួង ក្នុងរយៈពេល {n} ថ្ងៃ។",
    "ការរំលោភលើមាត្រានេះ ត្រូវទទួលការពិន័យជាប្រាក់ ចំនួន {m} រៀល។",
    "បុគ្គលិកបរទេស មិនត្រូវធ្វើការ ដោយគ្មានលិខិតអនុញ្ញាត ពីអាជ្ញាធរមានសមត្ថកិច្ច។",
    "អង្គការ អាចស្នើសុំពន្យារពេល ដែលមិនលើសពី {n} ថ្ងៃ។",
]


def law_text(n_articles: int, *, chapters_every: int = 10, khmer_numerals: bool = False,
             seed: int = 0, heading_suffix: str = "") -> list[str]:
    """Return the logical lines of a made-up law with ``n_articles`` articles.

    One list item per heading, paragraph or numbered point; the PDF layout wraps
    them. A chapter ("CHAPTER 1" then its title) opens every ``chapters_every``
    articles. ``heading_suffix`` gives e.g. "Article 5.-". With
    ``khmer_numerals`` the headings are "ជំពូកទី ១" / "មាត្រា ៥" and the body is Khmer.
    """
    rng = random.Random(seed)
    km = (lambda s: str(s).translate(KHMER_DIGITS)) if khmer_numerals else str

    def sentence(article: int) -> str:
        return _khmer_sentence(rng, km) if khmer_numerals else _sentence(rng, article)

    lines: list[str] = []
    for n in range(1, n_articles + 1):
        if (n - 1) % chapters_every == 0:
            c = (n - 1) // chapters_every + 1
            if khmer_numerals:
                lines += [f"ជំពូកទី {km(c)}", _KM_CHAPTERS[(c - 1) % len(_KM_CHAPTERS)]]
            else:
                lines += [f"CHAPTER {c}", _CHAPTERS[(c - 1) % len(_CHAPTERS)]]
        word = "មាត្រា" if khmer_numerals else "Article"
        lines.append(f"{word} {km(n)}{heading_suffix}")
        for p in range(rng.randint(2, 4)):
            lines.append(" ".join(sentence(n) for _ in range(rng.randint(1, 3))))
            if p == 0 and rng.random() < 0.3:        # sometimes a list of points
                lines[-1] += " " + (_KM_LIST_INTRO if khmer_numerals else _LIST_INTRO)
                lines += _points(rng, km, khmer_numerals)
    return lines


def _points(rng: random.Random, km, khmer: bool) -> list[str]:
    """2-4 list items labelled "1-", "(a)" or, in Khmer, "១-"; ";" between, "." last."""
    picks = rng.sample(_KM_POINTS if khmer else _POINTS, rng.randint(2, 4))
    numbered = khmer or rng.random() < 0.5
    out = []
    for i, text in enumerate(picks):
        label = f"{km(i + 1)}-" if numbered else f"({'abcd'[i]})"
        end = ("។" if khmer else ".") if i == len(picks) - 1 else ("" if khmer else ";")
        out.append(f"{label} {text}{end}")
    return out


def _sentence(rng: random.Random, article: int) -> str:
    n = rng.choice(list(_NUMBERS))
    return rng.choice(_SENTENCES).format(
        K=rng.randint(1, article), S=rng.choice(_SUBJECTS), A=rng.choice(_AUTHORITIES), D=rng.choice(_DOCS),
        E=rng.choice(_EVENTS), X=rng.choice(_ACTS), R=rng.choice(_RECORDS),
        N=f"{_NUMBERS[n]} ({n})", M=rng.choice(_AMOUNTS))


def _khmer_sentence(rng: random.Random, km) -> str:
    return rng.choice(_KM_SENTENCES).format(
        n=km(rng.choice(list(_NUMBERS))), m=km(rng.choice(_AMOUNTS)).replace(",", "."))

# ---------------------------------------------------------------- layout

_CHAPTER_PREFIXES = ("CHAPTER ", "ជំពូកទី ")
_ARTICLE_PREFIXES = ("Article ", "មាត្រា ")


class _LawPDF(FPDF):
    """FPDF with the running header and the "Page N of M" footer."""

    def __init__(self, header: str | None, footer: bool, font: str):
        super().__init__(unit="pt", format="A4")
        self.set_creation_date(FIXED_DATE)
        self.set_auto_page_break(False)
        self.add_font("dejavu", "", DEJAVU_DIR / "DejaVuSans.ttf")
        self.add_font("dejavu", "B", DEJAVU_DIR / "DejaVuSans-Bold.ttf")
        if font == "khmer":
            self.add_font("khmer", "", KHMER_FONT)    # no bold face; shaping stays off
        elif font != "dejavu":
            raise ValueError(f"font must be 'dejavu' or 'khmer', not {font!r}")
        self.body_font, self.running_header, self.running_footer = font, header, footer

    def header(self):
        if self.running_header:
            self.set_font("dejavu", "", 9)
            self.text(MARGIN, 30, self.running_header)
            self.set_line_width(0.5)
            self.line(MARGIN, 38, PAGE_W - MARGIN, 38)

    def footer(self):
        if self.running_footer:
            self.set_font("dejavu", "", 9)
            self.set_xy(MARGIN, PAGE_H - 30)   # cell(), not text(): it fills in {nb}
            self.cell(PAGE_W - 2 * MARGIN, 10, f"Page {self.page_no()} of {{nb}}", align="C")


class _Flow:
    """Places wrapped lines top to bottom through the columns of successive pages."""

    def __init__(self, pdf: _LawPDF, two_column_pages: Sequence[int], hyphenate: bool):
        self.pdf, self.two_col, self.hyphenate = pdf, set(two_column_pages), hyphenate
        self.size = 9.0
        # 11.0 pt makes make_big_law_pdf() exactly 100 pages, like the research file.
        self.leading = 15.0 if pdf.body_font == "khmer" else 11.0
        self.columns: list[tuple[float, float]] = []   # (x, width) on the current page
        self.col, self.y = 0, BODY_BOTTOM
        self.headings: list[tuple[str, int]] = []       # (heading text, page) in order

    # -- page and column management
    def new_page(self) -> None:
        self.pdf.add_page()
        full = PAGE_W - 2 * MARGIN
        if self.pdf.page_no() in self.two_col:
            w = (full - GUTTER) / 2
            self.columns = [(MARGIN, w), (MARGIN + w + GUTTER, w)]
        else:
            self.columns = [(MARGIN, full)]
        self.col, self.y = 0, BODY_TOP

    def ensure(self, lines: int = 1) -> None:
        """Move to the next column or page unless ``lines`` more lines fit here."""
        if self.pdf.page == 0 or self.y + lines * self.leading > BODY_BOTTOM:
            if self.col + 1 < len(self.columns):
                self.col, self.y = self.col + 1, BODY_TOP
            else:
                self.new_page()

    def gap(self, points: float) -> None:
        if self.y > BODY_TOP:
            self.y += points

    # -- text
    def font(self, bold: bool = False, size: float | None = None) -> None:
        if self.pdf.body_font == "khmer":
            self.pdf.set_font("khmer", "", (size or self.size) + (1 if bold else 0))
        else:
            self.pdf.set_font("dejavu", "B" if bold else "", size or self.size)

    def put(self, text: str, indent: float = 0.0, center: bool = False) -> None:
        self.ensure(1)
        x, w = self.columns[self.col]
        if center:
            indent = (w - self.pdf.get_string_width(text)) / 2
        self.pdf.text(x + indent, self.y + self.size, text)
        self.y += self.leading

    def paragraph(self, text: str, indent: float = 0.0) -> None:
        """Greedy word wrap into the current column, following it across breaks."""
        words = text.split()
        while words:
            self.ensure(1)                  # settle the column before measuring
            line, words = self._take_line(words, self.columns[self.col][1] - indent)
            self.put(line, indent)

    def _take_line(self, words: list[str], width: float) -> tuple[str, list[str]]:
        width_of = self.pdf.get_string_width
        line = words[0]
        for i, word in enumerate(words[1:], 1):
            if width_of(f"{line} {word}") <= width:
                line = f"{line} {word}"
                continue
            if self.hyphenate:
                split = self._hyphen_split(word, width - width_of(f"{line} "))
                if split:
                    return f"{line} {split[0]}-", [split[1], *words[i + 1:]]
            return line, words[i:]
        return line, []

    def _hyphen_split(self, word: str, room: float) -> tuple[str, str] | None:
        """Latest syllable break of ``word`` (see HYPHEN_BREAKS) whose head fits ``room``."""
        for cut in reversed(HYPHEN_BREAKS.get(word.rstrip(".,;:"), ())):
            if self.pdf.get_string_width(word[:cut] + "-") <= room:
                return word[:cut], word[cut:]
        return None


def _render(pdf: _LawPDF, lines: list[str], flow_args: dict, toc: str | None,
            toc_pages: list[int] | None = None) -> list[tuple[str, int]]:
    """Lay out ``lines`` and the table of contents; return each heading with its page.

    A "start" TOC needs ``toc_pages`` (from a first pass) to print real numbers;
    without them it prints 0s, which take the same number of lines.
    """
    flow = _Flow(pdf, **flow_args)
    entries: list[str] = []                 # "CHAPTER 1 GENERAL PROVISIONS", "Article 1"
    for text, kind in _classified(lines):
        if kind == "title":
            entries[-1] += " " + text
        elif kind in ("chapter", "article"):
            entries.append(text)

    def contents(pages: list[int]) -> None:
        flow.new_page()
        flow.font(bold=True, size=12)
        flow.put("Contents", center=True)
        flow.gap(6)
        flow.font()
        for label, page in zip(entries, pages):
            room = flow.columns[flow.col][1] - pdf.get_string_width(f"{label}  {page}")
            dots = "." * max(3, int(room / pdf.get_string_width(".")) - 1)
            flow.put(f"{label} {dots} {page}")

    if toc == "start":
        contents(toc_pages or [0] * len(entries))
        flow.ensure(10**6)                  # the law itself starts on a fresh page
    for text, kind in _classified(lines):
        if kind in ("chapter", "title"):
            if kind == "chapter":
                flow.gap(10)
                flow.ensure(3)              # keep with the title and one body line
                flow.headings.append((text, pdf.page_no()))
            flow.font(bold=True, size=11)
            if flow.columns and pdf.get_string_width(text) > flow.columns[flow.col][1]:
                flow.paragraph(text)        # a long title (a real law's) wraps in its column
            else:
                flow.put(text, center=True)
        elif kind == "article":
            flow.gap(7)
            flow.ensure(2)
            flow.headings.append((text, pdf.page_no()))
            flow.font(bold=True)
            flow.put(text)
        else:
            flow.font()
            flow.gap(2 if kind == "point" else 4)
            flow.paragraph(text, indent=18 if kind == "point" else 0)
    if toc == "end":
        contents([page for _, page in flow.headings])
    return flow.headings


def _classified(lines: Sequence[str]) -> list[tuple[str, str]]:
    """Pair each logical line with its kind: chapter, title, article, point or para."""
    out: list[tuple[str, str]] = []
    for line in lines:
        head = line.split(" ", 1)[0]
        if line.startswith(_CHAPTER_PREFIXES):
            kind = "chapter"
        elif out and out[-1][1] == "chapter":
            kind = "title"
        elif line.startswith(_ARTICLE_PREFIXES):
            kind = "article"
        elif head.endswith("-") or (head.startswith("(") and head.endswith(")")):
            kind = "point"
        else:
            kind = "para"
        out.append((line, kind))
    return out


def _with_duplicate(lines: list[str], number: int) -> list[str]:
    """Copy the block of article ``number`` in front of the last article's heading."""
    kinds = [kind for _, kind in _classified(lines)]
    starts = [i for i, kind in enumerate(kinds) if kind == "article"]
    wanted = [i for i in starts if lines[i].split()[1].translate(_ARABIC).rstrip(".-:")
              == str(number)]
    if not wanted:
        raise ValueError(f"no Article {number} to duplicate")
    end = next((i for i in range(wanted[0] + 1, len(lines)) if kinds[i] in ("article", "chapter")),
               len(lines))
    return lines[:starts[-1]] + lines[wanted[0]:end] + lines[starts[-1]:]


def make_law_pdf(path, content: int | Sequence[str] = 30, *,
                 header: str | None = "Official Gazette No. 42", footer: bool = True,
                 hyphenate: bool = False, two_column_pages: Sequence[int] = (),
                 toc: str | None = None, duplicate_article: int | None = None,
                 font: str = "dejavu", password: str | None = None) -> Path:
    """Write a law PDF and return its path.

    ``content`` is a number of articles (text from :func:`law_text`, Khmer when
    ``font="khmer"``) or the logical lines themselves. ``header`` is printed in
    the top band of every page (None for none), ``footer`` adds "Page N of M".
    ``hyphenate`` breaks long words at line ends ("govern-" / "mental").
    ``two_column_pages`` are 1-based page numbers laid out in two columns.
    ``toc`` adds "Contents" with "Article 1 ........ 3" lines at the "start" or
    "end" (every chapter and article heading as printed, duplicates included).
    ``duplicate_article`` prints that article a second time, before the last one.
    ``password`` encrypts the file (RC4) with that user password.
    """
    if toc not in (None, "start", "end"):
        raise ValueError(f"toc must be 'start', 'end' or None, not {toc!r}")
    lines = (law_text(content, khmer_numerals=font == "khmer") if isinstance(content, int)
             else list(content))
    if duplicate_article is not None:
        lines = _with_duplicate(lines, duplicate_article)
    flow_args = {"two_column_pages": two_column_pages, "hyphenate": hyphenate}
    toc_pages = None
    if toc == "start":                       # a first pass only to learn the page numbers
        toc_pages = [page for _, page in
                     _render(_LawPDF(header, footer, font), lines, flow_args, toc)]
    pdf = _LawPDF(header, footer, font)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    _render(pdf, lines, flow_args, toc, toc_pages)
    return _write(path, bytes(pdf.output()))


def make_big_law_pdf(path, pages: int = 100) -> Path:
    """About ``pages`` A4 pages, 4.9 articles a page (490 for 100), header and footer."""
    return make_law_pdf(path, round(pages * 4.9))

# ---------------------------------------------------------------- bad inputs


def make_scanned_pdf(path, pages: int = 1) -> Path:
    """Pages holding only a picture of text: no text layer, one image each."""
    from PIL import Image, ImageDraw

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_creation_date(FIXED_DATE)
    for n in range(1, pages + 1):
        img = Image.new("L", (620, 877), 255)           # A4 at 75 dpi
        draw = ImageDraw.Draw(img)
        draw.text((60, 30), f"Official Gazette No. 42 - scanned page {n}", fill=0)
        rng = random.Random(n)
        for row in range(70, 820, 14):                  # grey bars that look like lines
            draw.rectangle((60, row, 60 + rng.randint(300, 500), row + 6), fill=rng.randint(40, 110))
        pdf.add_page()
        pdf.image(img, x=0, y=0, w=PAGE_W, h=PAGE_H)
    return _write(path, bytes(pdf.output()))


def make_encrypted_pdf(path, password: str = "secret") -> Path:
    """A short law that needs the user password ``password`` to open (RC4)."""
    return make_law_pdf(path, 8, password=password)


def make_truncated_pdf(path) -> Path:
    """A valid law PDF cut to the first half of its bytes."""
    data = make_law_pdf(path, 12).read_bytes()
    return _write(path, data[: len(data) // 2])


def make_corrupt_pdf(path) -> Path:
    """Starts like a PDF ("%PDF-1.7"), then 4 KiB of deterministic garbage."""
    return _write(path, b"%PDF-1.7\n" + random.Random(42).randbytes(4096))


def make_empty_file(path) -> Path:
    return _write(path, b"")


def make_binary_file(path) -> Path:
    """A binary file that is not a PDF (a small PNG image) under whatever name."""
    import io
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 30, 30)).save(buf, format="PNG")
    return _write(path, buf.getvalue())


def _write(path, data: bytes) -> Path:
    path = Path(path)
    path.write_bytes(data)
    return path
