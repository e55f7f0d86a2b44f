"""The strict YAML loader's cache of parsed files."""

from __future__ import annotations

import pytest


def test_yaml_cache_is_private_follows_the_bytes_and_never_hides_an_error(isolated_home, tmp_path,
                                                                          monkeypatch):
    from lawcheck import settings, yamlio
    from lawcheck.errors import CorpusDataError

    # only shipped rule and corpus files are cached (issue 18): make tmp_path such a folder
    monkeypatch.setattr(settings, "shipped_dirs", lambda: (tmp_path,))
    path = tmp_path / "rules.yaml"
    path.write_text("a: 1\nb: [x, y]\n", encoding="utf-8")
    first = yamlio.load(path)
    assert first == {"a": 1, "b": ["x", "y"]} and first.where("b").line == 2
    entries = list((isolated_home / "cache").glob("yaml-*.pickle"))
    assert len(entries) == 1 and entries[0].stat().st_mode & 0o077 == 0
    again = yamlio.load(path)  # read back from the cache, with its line numbers
    assert again == first and again.where("b").line == 2 and again is not first
    path.write_text("a: 2\n", encoding="utf-8")
    assert yamlio.load(path) == {"a": 2}
    entries[0].write_bytes(b"not a pickle")  # a damaged entry is parsed again
    path.write_text("a: 1\nb: [x, y]\n", encoding="utf-8")
    assert yamlio.load(path) == first
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    for _ in range(2):  # an error is reported every time, never cached
        with pytest.raises(CorpusDataError):
            yamlio.load(path)


# --- the loader on libyaml (issue 16): same strictness, bounded on hostile input -------------

def test_the_loader_parses_with_libyaml():
    """The speed-up is real: the scanner and parser are libyaml's C code (PyYAML's Python
    scanner made loading the rule base and lexicons take a second)."""
    import yaml

    from lawcheck import yamlio

    assert yamlio._LIBYAML and issubclass(yamlio._StrictLoader, yaml.CSafeLoader)


def test_deep_nesting_is_refused_at_its_line_quickly_and_without_a_crash():
    import time

    from lawcheck import yamlio
    from lawcheck.errors import CorpusDataError
    from lawcheck.limits import NESTING

    assert yamlio.loads("a:\n  b: " + "[" * 40 + "1" + "]" * 40 + "\n", "f.yaml")["a"]["b"]
    started = time.perf_counter()
    for depth in (NESTING + 1, 100_000):  # libyaml's own composer crashed the process here
        with pytest.raises(CorpusDataError) as caught:
            yamlio.loads("x: 1\ny: " + "[" * depth + "]" * depth + "\n", "deep.yaml")
        assert "nested too deeply" in caught.value.what and caught.value.where.line == 2
    assert time.perf_counter() - started < 5  # libyaml's parser alone: 32 s at 100,000 levels


def test_strictness_kept_on_libyaml():
    from datetime import date

    from lawcheck import yamlio
    from lawcheck.errors import CorpusDataError

    data = yamlio.loads("on: no\nreviewed: {on: 2026-11-30}\nyes: off\n", "f.yaml")
    assert data == {"on": "no", "reviewed": {"on": date(2026, 11, 30)}, "yes": "off"}
    assert data["reviewed"].where("on").line == 2 and data.where("yes").column == 1
    cases = [("a: 1\nb: 2\na: 3\n", 3, "appears twice"),
             ("a: &x [1]\nb: [2, *x]\n", 2, "aliases"),
             ("a:\n\t- 1\n", 2, "tab"),
             ("a: [1\nb: 2\n", 2, "YAML syntax"),
             ("d: 2026-13-01\n", 1, "must be a date")]
    for text, line, what in cases:
        with pytest.raises(CorpusDataError) as caught:
            yamlio.loads(text, "f.yaml")
        assert what in caught.value.what and caught.value.where.line == line, text


def test_a_bad_character_is_placed_on_its_line_after_khmer_text():
    """libyaml counts the position in UTF-8 bytes: three-byte Khmer letters before the bad
    character must not move it to a later line."""
    from lawcheck import yamlio
    from lawcheck.errors import CorpusDataError

    text = "a: " + "ក" * 40 + "\nb: ok\nc: bad\x07\nd: 1\ne: 2\nf: 3\n"
    with pytest.raises(CorpusDataError) as caught:
        yamlio.loads(text, "f.yaml")
    assert "control character" in caught.value.what and caught.value.where.line == 3
    with pytest.raises(CorpusDataError) as caught:  # a lone surrogate: libyaml reads UTF-8
        yamlio.loads("a: 1\nb: x\ud800\n", "f.yaml")
    assert caught.value.where.line == 2


def test_the_annotator_cues_are_read_by_the_strict_loader(tmp_path):
    from lawcheck.annotate.lexicon import CUES_PATH, load_lexicon
    from lawcheck.errors import CorpusDataError

    cues = tmp_path / "cues.yaml"
    cues.write_text(CUES_PATH.read_text(encoding="utf-8") + "en:\n  deontic: {}\n",
                    encoding="utf-8")
    with pytest.raises(CorpusDataError) as caught:  # plain safe_load kept the second 'en'
        load_lexicon("en", str(cues))
    assert "'en' appears twice" in caught.value.what
    assert caught.value.where.line == CUES_PATH.read_text(encoding="utf-8").count("\n") + 1
    words = tmp_path / "words.yaml"
    words.write_text("en:\n  not_deontic: [on, no]\n", encoding="utf-8")
    assert load_lexicon("en", str(words)).tagged["notdeontic:phrase"] == ("on", "no")
