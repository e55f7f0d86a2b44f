"""Compare two versions of a law: provisions added, removed and changed, each change with a
word-level diff (what a legal adviser reads to see what an amendment did)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Change:
    id: str
    title_before: str
    title_after: str
    words: tuple[tuple[str, str], ...]  # ("=", text) | ("-", text) | ("+", text)


@dataclass(frozen=True)
class LawDiff:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[Change, ...]


def word_diff(before: str, after: str) -> tuple[tuple[str, str], ...]:
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    ops: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            ops.append(("-", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(("+", " ".join(b[j1:j2])))
    return tuple(ops)


def compare(before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]],
            order: list[str]) -> LawDiff:
    """``before``/``after`` map provision ids to (title, text); ``order`` gives the output order."""
    added = tuple(pid for pid in order if pid in after and pid not in before)
    removed = tuple(pid for pid in order if pid in before and pid not in after)
    changed = []
    for pid in order:
        if pid in before and pid in after and before[pid] != after[pid]:
            changed.append(Change(pid, before[pid][0], after[pid][0],
                                  word_diff(before[pid][1], after[pid][1])))
    return LawDiff(added, removed, tuple(changed))


def render_words(words: tuple[tuple[str, str], ...], context: int = 6) -> str:
    """wdiff style: ``[-removed-]{+added+}``, long unchanged runs shortened to their ends."""
    parts = []
    for index, (op, text) in enumerate(words):
        if op == "=":
            tokens = text.split()
            if len(tokens) > 2 * context:
                head = tokens[:context] if index else []
                tail = tokens[-context:] if index < len(words) - 1 else []
                text = " ".join(head + ["…"] + tail)
            parts.append(text)
        else:
            parts.append(f"[-{text}-]" if op == "-" else f"{{+{text}+}}")
    return " ".join(p for p in parts if p)
