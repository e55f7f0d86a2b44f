"""Load an activity plan (SPEC §3) strictly: YAML, JSON, or a CSV / XLSX activities table with
the organization from a separate file. Every problem in the plan (and the organization file) is
collected and raised together as :class:`~lawcheck.errors.PlanError`; nothing half-checked is
ever returned.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lawcheck import limits, yamlio
from lawcheck.errors import InputError, PlanError, Problem, Where
from lawcheck.plan import readers
from lawcheck.plan import schema as s
from lawcheck.plan.validate import ABSENT, Checker, cross_check

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv", ".xlsx": "xlsx"}
ORG_EXAMPLE = "examples/land-org.yaml"
_ARTICLE = {"csv": "a CSV", "xlsx": "an XLSX"}


@dataclass(frozen=True)
class Plan:
    """A checked, normalised plan. Two plans are equal when they say the same thing, whatever
    file or format they came from (``source``, ``sha256`` and ``locations`` are not compared).

    ``locations`` maps a key's path (``organization.registration.mou.expires_on``,
    ``activities[0].start``) to where it was written, for messages that point into the file.
    """

    source: str = field(compare=False)
    sha256: str = field(compare=False)
    organization: dict
    activities: tuple[dict, ...]
    locations: Mapping[str, Where] = field(default_factory=dict, compare=False, repr=False)


def load_plan(path: Path | str, org: Path | str | None = None) -> Plan:
    """Load and check the plan at ``path``; ``org`` gives the organization for a CSV or XLSX
    table (or for a YAML / JSON plan that has no ``organization``)."""
    path = Path(path)
    problems: list[Problem] = []
    kind, data = _read(path, problems, FORMATS)
    org_kind, org_data = (None, None)
    if org is not None:
        org_kind, org_data = _read(Path(org), problems, {k: v for k, v in FORMATS.items()
                                                         if v in ("yaml", "json")})
    organization, activities, locations = ABSENT, [], {}
    if data is not None and kind in ("yaml", "json"):
        checker = Checker(str(path), problems)
        raw = _parse(kind, data, str(path), problems)
        if raw is not None:
            plan_field = s.PLAN
            if org is not None:
                plan_field = dataclasses.replace(s.PLAN, fields=(
                    dataclasses.replace(s.ORGANIZATION, required=False), s.ACTIVITIES))
                if isinstance(raw, dict) and "organization" in raw:
                    problems.append(Problem("LC259", raw.where("organization"), "the plan has "
                                            "its own organization and --org gives another",
                                            None, "drop --org, or the plan's organization"))
            checked = _top(checker, raw, plan_field, str(path))
            organization = checked.get("organization", ABSENT)
            activities = checked.get("activities", [])
            cross_check(checker, activities)
        locations.update(checker.locations)
    elif data is not None:
        checker = Checker(str(path), problems, table=True, letters=kind == "xlsx")
        rows = (readers.xlsx_rows(data, str(path), problems) if kind == "xlsx" else
                readers.csv_rows(_text(data, path, problems) or "", str(path), problems))
        for row in readers.table_activities(rows, str(path), checker):
            index = len(activities)
            if index == limits.PLAN_ROWS:
                problems.append(Problem("LC207", row.where(), f"the table has more than "
                                        f"{limits.PLAN_ROWS} activity rows", None,
                                        "split the plan into several files"))
                break
            activities.append(checker.value(row, s.ACTIVITY, f"activities[{index}]",
                                            row.where()))
        checker.activity_index = list(range(len(activities)))
        if not activities and not _has(problems, str(path), "LC202", "LC203", "LC204", "LC251"):
            problems.append(Problem("LC258", Where(str(path)), "the table has no activity rows",
                                    None, "add one row per activity under the header"))
        cross_check(checker, activities)
        locations.update(checker.locations)
        if org is None:
            problems.append(Problem(
                "LC259", Where(str(path)), f"{_ARTICLE[kind]} plan lists only the activities; "
                "the organization is missing", None, f"give it with --org FILE: a YAML or JSON "
                f"file with an organization: block (see {ORG_EXAMPLE})"))
    if org_data is not None:
        checker = Checker(str(org), problems)
        raw = _parse(org_kind, org_data, str(org), problems)
        if raw is not None:
            organization = _top(checker, raw, s.ORG_FILE, str(org)).get("organization", ABSENT)
        locations.update(checker.locations)
    if problems:
        raise PlanError(problems)
    digest = hashlib.sha256(data)
    if org_data is not None:
        digest.update(b"\0" + org_data)
    return Plan(str(path), digest.hexdigest(), organization, tuple(activities), locations)


def _top(checker: Checker, raw, top: s.Field, file: str) -> dict:
    if not isinstance(raw, dict):
        what = "an organization: block" if top is s.ORG_FILE else \
            "organization: and activities: blocks"
        checker.add("LC253", Where(file, 1), f"the file must be a mapping with {what}, not "
                    f"{type(raw).__name__}", "start from `lawcheck plan template`")
        return {}
    return checker._map(raw, top, "", raw.where())


def _read(path: Path, problems: list[Problem], formats: dict[str, str]):
    """(format, bytes) of a readable file, or (format, None) after recording why not."""
    file = str(path)
    kind = formats.get(path.suffix.lower())
    if kind is None:
        fix = ("save the workbook as .xlsx, or export the sheet as CSV"
               if path.suffix.lower() in (".xls", ".ods") else
               "give the file one of these extensions: " + ", ".join(formats))
        problems.append(Problem("LC205", Where(file), f"unsupported file type "
                                f"{path.suffix or '(no extension)'!r}", None, fix))
        return None, None
    try:
        limits.check_size(path, limits.XLSX_BYTES if kind == "xlsx" else limits.PLAN_BYTES,
                          "workbooks" if kind == "xlsx" else "plans")
        if kind == "xlsx":
            limits.check_workbook(path)
        data = path.read_bytes()
    except InputError as exc:
        problems.append(Problem(exc.code, exc.where or Where(file), exc.what, None, exc.fix))
        return kind, None
    except FileNotFoundError:
        problems.append(Problem("LC201", Where(file), "file not found", None, "check the path"))
        return kind, None
    except IsADirectoryError:
        problems.append(Problem("LC201", Where(file), "this is a folder, not a file", None,
                                "give the path of the plan file"))
        return kind, None
    except OSError as exc:
        problems.append(Problem("LC200", Where(file), f"cannot be read ({exc.strerror})", None,
                                "check the file's permissions"))
        return kind, None
    if not data.strip():
        problems.append(Problem("LC202", Where(file), "the file is empty", None,
                                "start from `lawcheck plan template`"))
        return kind, None
    zipped = data.startswith(b"PK\x03\x04")
    if kind == "xlsx" and not zipped:
        old = data.startswith(b"\xd0\xcf\x11\xe0")
        problems.append(Problem("LC203", Where(file), "is an old Excel 97-2003 workbook" if old
                                else "is not an XLSX workbook", None,
                                "save it from the spreadsheet program as .xlsx, or as CSV"))
        return kind, None
    if kind != "xlsx" and (zipped or b"\0" in data[:8192]):
        problems.append(Problem("LC203", Where(file), "is binary, not text" + (
            " (it looks like a spreadsheet)" if zipped else ""), None,
            "give an XLSX workbook the .xlsx extension; save other plans as UTF-8 text"))
        return kind, None
    return kind, data


def _text(data: bytes, path: Path, problems: list[Problem]) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        problems.append(Problem("LC204", Where(str(path), line), f"not valid UTF-8 (byte "
                                f"{exc.start})", None, "save the file as UTF-8 (in a "
                                "spreadsheet program: CSV UTF-8)"))
        return None


def _parse(kind: str, data: bytes, file: str, problems: list[Problem]):
    text = _text(data, Path(file), problems)
    if text is None:
        return None
    before = len(problems)
    if kind == "json":
        raw = readers.parse_json(text, file, problems)
    else:
        try:
            raw = yamlio.loads(text, file, InputError, dates=False)
        except InputError as exc:
            problems.append(Problem("LC251", exc.where or Where(file), exc.what, None, exc.fix))
            return None
    if raw is None and len(problems) == before:
        problems.append(Problem("LC202", Where(file), "the file holds no plan (only comments "
                                "or null)", None,
                                "start from `lawcheck plan template`"))
    return raw


def _has(problems: list[Problem], file: str, *codes: str) -> bool:
    return any(p.code in codes and p.where.file == file for p in problems)


def load_organization(path: str | Path) -> dict:
    """The validated ``organization`` of a YAML or JSON file: an organisation file (as for
    ``lawcheck check PLAN.csv --org``) or a whole plan. Raises PlanError (exit 2) listing every
    problem with its file, line and column."""
    path = Path(path)
    problems: list[Problem] = []
    formats = {k: v for k, v in FORMATS.items() if v in ("yaml", "json")}
    kind, data = _read(path, problems, formats)
    organization = ABSENT
    if data is not None:
        raw = _parse(kind, data, str(path), problems)
        if isinstance(raw, dict) and "activities" in raw and not problems:
            return load_plan(path).organization  # a whole plan: its organization
        if raw is not None:
            checker = Checker(str(path), problems)
            organization = _top(checker, raw, s.ORG_FILE, str(path)).get(
                "organization", ABSENT)
    if not problems and organization is ABSENT:
        problems.append(Problem("LC256", Where(str(path), 1), "the file has no usable "
                                "organization: block", None, f"see {ORG_EXAMPLE}"))
    if problems:
        raise PlanError(problems)
    return organization
