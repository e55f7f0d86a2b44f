"""Every error lawcheck reports, with a stable code and the exit code it maps to (SPEC §6).

One root, :class:`LawcheckError`; one branch per phase. A message says *where* (file, line),
*what* is wrong and *how to fix it*, so that a legal adviser can act on it without reading Python.
Codes never change meaning once released: add new ones, never renumber.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


@dataclass(frozen=True)
class Where:
    """A place in an input file. ``line`` and ``column`` are 1-based; either may be unknown."""

    file: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class LawcheckError(Exception):
    """Root of every error lawcheck raises on purpose."""

    code = "LC000"
    exit_code = EXIT_INTERNAL

    def __init__(self, what: str, *, fix: str | None = None, where: Where | None = None,
                 code: str | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix
        self.where = where
        if code is not None:
            self.code = code

    def render(self) -> str:
        head = f"error {self.code}: "
        if self.where is not None:
            head += f"{self.where}: "
        text = head + self.what
        if self.fix:
            text += f"\n  how to fix: {self.fix}"
        return text

    def __str__(self) -> str:  # pragma: no cover - exercised through render()
        return self.render()


# --- bad input or usage: exit 2 ------------------------------------------------------------

class InputError(LawcheckError):
    """Something the user gave us is wrong: a file, an option, an identifier."""

    code = "LC200"
    exit_code = EXIT_USAGE


class SourceFileError(InputError):
    """A law file that cannot be read as a law (missing, empty, binary, scanned, encrypted…)."""

    code = "LC210"


class OptionError(InputError):
    """A command-line option or identifier with a bad value."""

    code = "LC220"


class NotFoundError(InputError):
    """A law, version or provision that is not in the corpus."""

    code = "LC230"


class CorpusDataError(InputError):
    """A shipped or user corpus file (metadata or digest) that is malformed."""

    code = "LC240"


class ProblemsError(InputError):
    """Every problem found in a file set, in one pass (``problems``), one line each."""

    subject = "the input"
    fix_text = "correct each place named above, then run the command again"

    def __init__(self, problems: list["Problem"]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.where.file or "", p.where.line or 0,
                                                        p.where.column or 0, p.code))
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in {self.subject}",
                         fix=self.fix_text)

    def render(self) -> str:
        lines = [p.render() for p in self.problems]
        return "\n".join(lines + [f"error {self.code}: {self.what}", f"  how to fix: {self.fix}"])


class RulesError(ProblemsError):
    """The rule base cannot be loaded."""

    code = "LC300"
    subject = "the rule base"
    fix_text = "correct each line named above, then run `lawcheck rules lint`"


class PlanError(ProblemsError):
    """An activity plan cannot be used."""

    code = "LC250"
    subject = "the activity plan"
    fix_text = ("correct each place named above, then run the command again "
                "(`lawcheck plan template` prints every key a plan may use)")


class PrecedentError(ProblemsError):
    """The precedent base (corpus/precedents) cannot be loaded."""

    code = "LC340"
    subject = "the precedent base"
    fix_text = ("correct each line named above (corpus/precedents/README.md gives the schema), "
                "then run `lawcheck rules lint`")


@dataclass(frozen=True)
class Problem:
    """One authoring problem in a rule, fact, mitigation or test file."""

    code: str
    where: Where
    message: str
    rule: str | None = None
    fix: str | None = None

    def render(self) -> str:
        head = f"{self.where}: error {self.code}"
        if self.rule:
            head += f" [{self.rule}]"
        text = f"{head}: {self.message}"
        if self.fix:
            text += f"\n  how to fix: {self.fix}"
        return text


class OutputError(LawcheckError):
    """The machine refused a write (disk full, read-only file or mount); not a bug."""

    code = "LC420"
    exit_code = EXIT_USAGE


class StoreError(LawcheckError):
    """The database cannot be used as it is (corrupt, foreign, too new); not a bug in lawcheck."""

    code = "LC400"
    exit_code = EXIT_USAGE


# --- bugs: exit 3 ------------------------------------------------------------------------

class InternalError(LawcheckError):
    """A bug in lawcheck. The message says where the log is."""

    code = "LC900"
    exit_code = EXIT_INTERNAL


# Stable codes, documented in docs/errors.md (a test keeps the two in step).
CODES: dict[str, str] = {
    "LC200": "bad input",
    "LC201": "file not found",
    "LC202": "file is empty",
    "LC203": "file is binary or not text",
    "LC204": "file is not valid UTF-8",
    "LC205": "unsupported file type",
    "LC206": "no rule test cases at the given path",
    "LC207": "file larger than lawcheck reads",
    "LC208": "workbook unzips to more than lawcheck reads",
    "LC209": "PDF decompresses to more than lawcheck reads",
    "LC210": "law source cannot be read",
    "LC211": "PDF has no text layer (scanned)",
    "LC212": "PDF is encrypted",
    "LC213": "PDF is corrupt or truncated",
    "LC214": "no provisions found in the law text",
    "LC215": "PDF text layer cannot be decoded ((cid:N) codes); --ocr reads it",
    "LC216": "--ocr needs Tesseract and its Khmer model, which are missing",
    "LC217": "more PDF pages to OCR than lawcheck reads",
    "LC220": "bad option value",
    "LC221": "bad law identifier",
    "LC222": "bad date",
    "LC223": "bad language code",
    "LC224": "version already ingested with different content",
    "LC225": "law id not in the corpus (a new law needs --new)",
    "LC228": "output file extension the command cannot write",
    "LC229": "output refused (the database, a folder, or a file lawcheck did not write)",
    "LC230": "not found",
    "LC231": "law not found",
    "LC232": "provision not found",
    "LC233": "version not found",
    "LC240": "corpus metadata is malformed",
    "LC250": "activity plan has problems (each listed with its own code)",
    "LC251": "plan file cannot be parsed (syntax, tab, duplicate key or column)",
    "LC252": "unknown key or column in a plan",
    "LC253": "plan value of the wrong type",
    "LC254": "bad date or time in a plan",
    "LC255": "plan value outside its vocabulary",
    "LC256": "missing required plan field",
    "LC257": "duplicate activity id",
    "LC258": "impossible plan value (end before start, negative number, no activities)",
    "LC259": "plan table problem (CSV or XLSX without --org, a key a table cannot hold)",
    "LC260": "statement input cannot be read",
    "LC261": "statement file or folder not found",
    "LC262": "unsupported statement file type",
    "LC263": "statement input is empty",
    "LC264": "statement file is binary or not UTF-8 text",
    "LC265": "statement table header problem (no id or text column, unknown or duplicate column)",
    "LC266": "statement file is not an XLSX workbook",
    "LC267": "folder holds no .txt statement",
    "LC268": "statement row without id or text",
    "LC269": ("statement row value is invalid (unknown field, bad date, value outside its "
              "vocabulary)"),
    "LC270": "statement row cannot be parsed (bad JSON, more cells than the header, bad bytes)",
    "LC271": "duplicate statement id",
    "LC272": "review output cannot be resumed (format cannot append, other format, unreadable)",
    "LC280": "web form expired or not from this page (CSRF token missing or wrong)",
    "LC281": "web post from another site refused",
    "LC282": "web upload no longer kept (choose the file again)",
    "LC300": "rule base has problems (each listed with its own code)",
    "LC301": "rule file is not valid YAML (syntax, tab, duplicate key)",
    "LC302": "unknown key",
    "LC303": "missing required key",
    "LC304": "condition on an undeclared fact",
    "LC305": "type mismatch between a fact and a value or operator",
    "LC306": "unknown operator",
    "LC307": "citation of a provision that is not in the corpus",
    "LC308": "duplicate rule id",
    "LC309": "bad date",
    "LC310": "value outside its vocabulary",
    "LC311": "unknown mitigation",
    "LC312": "message placeholder is not a declared fact",
    "LC313": "bad exception (unknown rule, or an exception without a scope)",
    "LC314": "bad rule test case",
    "LC315": "bad fact declaration",
    "LC316": "rule not found",
    "LC317": "bad risk weight (out of its range, or out of order)",
    "LC318": "rule's effective_from differs from its legal basis without an effective_note",
    "LC319": "rule cites a provision gone from the newest version of its law",
    "LC320": "bad rule parameter (a number read from a provision)",
    "LC321": "bad deadline block (citation, offset or day of a rule's calendar entry)",
    "LC330": "lexicon file is malformed (syntax, wrong shape, missing names)",
    "LC331": "unknown key in a lexicon file",
    "LC332": "duplicate lexicon entry, act or name",
    "LC333": "unknown lexicon category or target",
    "LC334": ("bad speech-act definition (unknown fact, value or marker group, missing wording,"
              " malformed `roles`)"),
    "LC335": "spaCy model not installed",
    "LC336": "lexicon folder or file missing",
    "LC337": "Khmer lexicon names an entry or act the English lexicon does not have",
    "LC338": ("bad or stale WordNet expansion of an act kind (`wordnet:` malformed, a sense "
              "WordNet lacks, or `wordnet-cues.json` missing, unreadable or built for other "
              "senses)"),
    "LC339": "bad gapped cue (... without gap, gap out of range, empty part, bad a/b word)",
    "LC340": "precedent base has problems (each listed with its own code)",
    "LC341": "precedent file is not valid YAML (syntax, tab, duplicate key)",
    "LC342": "unknown key in a precedent",
    "LC343": "missing required precedent field",
    "LC344": "precedent value of the wrong type (or a bad date, or a quote too long)",
    "LC345": "precedent value outside its vocabulary",
    "LC346": "bad or duplicate precedent id (format, year, file)",
    "LC347": "precedent cites a provision that is not in the corpus",
    "LC348": "bad precedent reconstruction (not a statement or a valid plan activity)",
    "LC349": "precedent not found",
    "LC400": "database cannot be used",
    "LC401": "database file is corrupt or not a database",
    "LC402": "database belongs to another program",
    "LC403": "database schema is newer than this lawcheck",
    "LC404": "database cannot be opened",
    "LC405": "database is damaged inside (its integrity check fails)",
    "LC410": "run not found",
    "LC411": "run id prefix matches several runs",
    "LC412": "stored run cannot be shown in that format",
    "LC413": "output file exists (export refuses to overwrite without --force)",
    "LC414": "purge needs a date",
    "LC415": "wipe needs confirmation",
    "LC416": "a stored record of a run cannot be read (damaged, altered, or newer)",
    "LC420": "a file cannot be written",
    "LC422": "no space left on the device",
    "LC423": "file, folder or mount is read-only",
    "LC900": "internal error",
}
