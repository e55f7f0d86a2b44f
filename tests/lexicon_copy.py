"""A private copy of the shipped lexicons for tests that break one on purpose (LC33x errors):
the `lexicons` fixture, an edit that says where it landed, and the problems a load reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawcheck.errors import RulesError
from lawcheck.speech.lexicon import lexicon_dir, load_lexicon


@pytest.fixture
def lexicons(tmp_path) -> Path:
    folder = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), folder)
    return folder


def problems(folder: Path):
    """The problems loading ``folder`` reports (it must fail)."""
    with pytest.raises(RulesError) as caught:
        load_lexicon(folder)
    return caught.value.problems


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` (which must be there) by ``new``; the line it starts on."""
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return text[:text.index(old)].count("\n") + 1
