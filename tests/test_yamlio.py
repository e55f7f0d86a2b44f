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
