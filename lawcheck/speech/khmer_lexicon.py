"""The Khmer lexicon: rules/lexicons/km/*.yaml read strictly and tied to the English lexicon.

Every Khmer form is filed under the id of an English entry or act kind, so it takes that
entry's category (and dissolved mark) or that act's fact, value and targets: a Khmer statement
feeds the same facts, and so the same rules, as an English one. Mistakes are reported all at
once with file and line (LC330-LC337), like the English lexicon's.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from lawcheck import yamlio
from lawcheck.errors import InputError, Problem, RulesError, Where
from lawcheck.speech.lexicon import ActKind, Entry, Lexicon

FILES = ("entries.yaml", "speech-acts.yaml", "suggestions.yaml")
# groups the analyser reads itself (khmer.py); the others are named in acts' needs
BUILTIN = ("negation", "question", "hypothetical", "main", "attribution", "self", "law",
           "clause")
ACT_KEYS = {"cues", "strong", "needs"}
MARKER_KEYS = {"phrases", "categories"}
_KHMER = re.compile("[\u1780-\u17ff]")
_RO_FIRST = re.compile("\u17d2\u179a\u17d2([\u1780-\u17a2])")


def normalise(text: str) -> str:
    """One spelling for forms Khmer writers type two ways, keeping the length (offsets hold):
    subscript da for subscript ta (ស្ដី/ស្តី), ឲ for ឱ, and a subscript ro typed before the
    other subscript (មន្រ្តី for មន្ត្រី)."""
    text = text.replace("\u17d2\u178a", "\u17d2\u178f").replace("\u17b2", "\u17b1")
    return _RO_FIRST.sub("\u17d2\\1\u17d2\u179a", text) if "\u17d2\u179a\u17d2" in text \
        else text


def squeeze(text: str) -> str:
    """A phrase as matched: normalised, without spaces or zero-width spaces."""
    return "".join(normalise(text).split()).replace("\u200b", "")


@dataclass(frozen=True)
class KmAct:
    kind: ActKind                  # the English act kind: fact, value, targets, also
    cues: tuple[str, ...]
    strong: tuple[str, ...]
    needs: tuple[str, ...]


@dataclass(frozen=True)
class KmMarkers:
    phrases: tuple[str, ...]
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class KmLexicon:
    names: tuple[tuple[str, Entry], ...]     # (squeezed form, English entry)
    markers: dict[str, KmMarkers]
    acts: tuple[KmAct, ...]
    suggestions: dict[str, dict[str, str]]
    english: Lexicon
    digest: str


class _Malformed(InputError):
    code = "LC330"


def load_khmer(english: Lexicon, folder: Path) -> KmLexicon:
    """Read ``folder`` (rules/lexicons/km) against the loaded English lexicon; raise every
    problem together."""
    problems: list[Problem] = []
    docs: dict[str, object] = {}
    digest = hashlib.sha256(english.digest.encode())
    for name in FILES:
        path = folder / name
        if not path.is_file():
            problems.append(Problem("LC336", Where(str(path)), f"km/{name} is missing",
                                    fix="restore the file from the shipped rule base"))
            continue
        digest.update(name.encode() + b"\0" + path.read_bytes())
        try:
            docs[name] = yamlio.load(path, _Malformed)
        except _Malformed as exc:
            problems.append(Problem("LC330", exc.where or Where(str(path)), exc.what,
                                    fix=exc.fix))
    names = _names(docs.get("entries.yaml"), folder / "entries.yaml", english, problems)
    markers = _markers(docs.get("speech-acts.yaml"), folder / "speech-acts.yaml", problems)
    acts = _acts(docs.get("speech-acts.yaml"), folder / "speech-acts.yaml", english, markers,
                 problems)
    suggestions = _suggestions(docs.get("suggestions.yaml"), folder / "suggestions.yaml",
                               problems)
    if problems:
        raise RulesError(problems)
    return KmLexicon(tuple(names), markers, tuple(acts), suggestions, english,
                     digest.hexdigest())


def _where(node, key, path: Path) -> Where:
    return node.where(key) if isinstance(node, yamlio.LineDict) else Where(str(path))


def _forms(node, key, path: Path, problems: list[Problem]) -> tuple[str, ...]:
    value = node.get(key) if isinstance(node, dict) else node
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(Problem("LC330", _where(node, key, path) if isinstance(node, dict)
                                else Where(str(path)), f"{key!r} must be a list of Khmer words",
                                fix="write it as [ពាក្យ, ពាក្យ, ...]"))
        return ()
    for form in value:
        if not _KHMER.search(form):
            problems.append(Problem("LC330", _where(node, key, path) if isinstance(node, dict)
                                    else Where(str(path)),
                                    f"{key!r}: {form!r} has no Khmer letter",
                                    fix="put English words in the English lexicon files"))
    return tuple(squeeze(v) for v in value)


def _unknown(node, allowed, what: str, path: Path, problems: list[Problem], code="LC331"):
    for key in node:
        if key not in allowed:
            problems.append(Problem(code, _where(node, key, path), f"unknown {what} {key!r}"
                                    + yamlio.did_you_mean(str(key), allowed),
                                    fix=f"use one of the {what}s of the English lexicon"
                                    if code == "LC337" else f"use only: {', '.join(allowed)}"))


def _names(doc, path: Path, english: Lexicon, problems: list[Problem]):
    if doc is None:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), dict):
        problems.append(Problem("LC330", _where(doc, None, path),
                                "km/entries.yaml must hold an 'entries:' mapping",
                                fix="write 'entries:' then 'english.id: [ខ្មែរ, ...]' lines"))
        return []
    by_id = {e.id: e for e in english.entries}
    _unknown(doc["entries"], by_id, "entry id", path, problems, "LC337")
    seen: dict[str, str] = {}
    names = []
    for entry_id, _ in doc["entries"].items():
        for form in _forms(doc["entries"], entry_id, path, problems):
            if seen.get(form, entry_id) != entry_id:
                problems.append(Problem("LC332", doc["entries"].where(entry_id),
                                        f"form {form!r} of {entry_id!r} is already a form of "
                                        f"{seen[form]!r}", fix="keep the form in one entry"))
            seen.setdefault(form, entry_id)
            if entry_id in by_id:
                names.append((form, by_id[entry_id]))
    return names


def _markers(doc, path: Path, problems: list[Problem]) -> dict[str, KmMarkers]:
    if doc is None:
        return {}
    if not isinstance(doc, dict) or not isinstance(doc.get("markers"), dict) \
            or not isinstance(doc.get("acts"), dict):
        problems.append(Problem("LC330", _where(doc, None, path),
                                "km/speech-acts.yaml must hold 'markers:' and 'acts:' mappings",
                                fix="see the comment at the top of the file"))
        return {}
    _unknown(doc, ("markers", "acts"), "key", path, problems)
    groups = {}
    for name, node in doc["markers"].items():
        if isinstance(node, dict):
            _unknown(node, MARKER_KEYS, "key", path, problems)
            groups[name] = KmMarkers(_forms(node, "phrases", path, problems),
                                     tuple(node.get("categories") or ()))
        else:
            groups[name] = KmMarkers(_forms(doc["markers"], name, path, problems))
    for name in BUILTIN:
        if name not in groups:
            problems.append(Problem("LC334", doc["markers"].where(), f"marker group {name!r} "
                                    "is missing; the Khmer analyser needs it",
                                    fix="restore the group from the shipped km/speech-acts.yaml"))
    return groups


def _acts(doc, path: Path, english: Lexicon, markers: dict, problems: list[Problem]):
    if not isinstance(doc, dict) or not isinstance(doc.get("acts"), dict):
        return []
    kinds = {a.id: a for a in english.acts}
    _unknown(doc["acts"], kinds, "act", path, problems, "LC337")
    acts = []
    for act_id, node in doc["acts"].items():
        if act_id not in kinds:
            continue
        if not isinstance(node, dict):
            problems.append(Problem("LC330", doc["acts"].where(act_id),
                                    f"act {act_id!r} must be a mapping with 'cues' or 'strong'",
                                    fix="write cues: [..] under the act"))
            continue
        _unknown(node, ACT_KEYS, "key", path, problems)
        cues = _forms(node, "cues", path, problems) if "cues" in node else ()
        strong = _forms(node, "strong", path, problems) if "strong" in node else ()
        needs = tuple(node.get("needs") or ())
        for need in needs:
            if need != "imperative" and need not in markers:
                problems.append(Problem("LC334", node.where("needs"),
                                        f"act {act_id!r} needs unknown marker group {need!r}"
                                        + yamlio.did_you_mean(str(need), markers),
                                        fix="add the group under markers, or fix the name"))
        if not cues and not strong:
            problems.append(Problem("LC330", doc["acts"].where(act_id),
                                    f"act {act_id!r} has no Khmer cues",
                                    fix="list its words under 'cues:' or 'strong:'"))
        if cues and not needs and kinds[act_id].target != "required":
            problems.append(Problem("LC334", doc["acts"].where(act_id),
                                    f"act {act_id!r}: cues without 'needs' would fire on every "
                                    "mention", fix="add needs: [call, imperative] or make them "
                                                   "strong"))
        acts.append(KmAct(kinds[act_id], cues, strong, needs))
    return acts


def _suggestions(doc, path: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    if doc is None:
        return {}
    if not isinstance(doc, dict) or not all(
            isinstance(v, dict) and all(isinstance(t, str) for t in v.values())
            for v in doc.values()):
        problems.append(Problem("LC330", _where(doc, None, path),
                                "km/suggestions.yaml must map fact -> value -> text",
                                fix="see the comment at the top of the file"))
        return {}
    return {fact: dict(values) for fact, values in doc.items()}
