"""`corpus diff` between two official texts shows only what changed (issue 15): an article
taken out is "removed", a reworded one "changed", and one only wrapped differently (a blank
line mid-sentence, as pdftotext leaves them) is neither."""

from __future__ import annotations

import json

from tests.test_cli import run

V1 = """LAW ON COMMUNITY GARDENS

CHAPTER 1
GENERAL PROVISIONS

Article 1
This law governs community gardens and the groups that keep them in every
commune of the Kingdom.

Article 2
A garden group shall notify the commune five days before a harvest festival.

Article 3
The commune shall keep a register of garden groups.

Article 4
A group that breaks Article 2 shall receive a written warning.

Article 5
This law shall enter into force on signature.
"""
V2 = V1.replace("""Article 1
This law governs community gardens and the groups that keep them in every
commune of the Kingdom.""", """Article 1
This law governs community gardens and the groups that keep them in

every commune of the Kingdom.""").replace("""Article 3
The commune shall keep a register of garden groups.

""", "").replace("a written warning", "a fine of 100,000 riels")


def test_diff_between_two_official_texts_shows_only_what_changed(tmp_path, db_url):
    (tmp_path / "v1.txt").write_text(V1)
    (tmp_path / "v2.txt").write_text(V2)
    run("corpus", "ingest", str(tmp_path / "v1.txt"), "--law", "kh/gardens-2030", "--new",
        "--version", "v1", "--effective", "2030-01-01", db=db_url)
    run("corpus", "ingest", str(tmp_path / "v2.txt"), "--law", "kh/gardens-2030",
        "--version", "v2", "--effective", "2031-01-01", db=db_url)
    diff = json.loads(run("corpus", "diff", "kh/gardens-2030", "--format", "json",
                          db=db_url).output)
    assert diff["removed"] == ["kh/gardens-2030/art-3"]
    assert [c["id"] for c in diff["changed"]] == ["kh/gardens-2030/art-4"]
    assert diff["added"] == []
    text = run("corpus", "diff", "kh/gardens-2030", db=db_url).output
    assert "removed 1, changed 1" in text
    assert "[-written warning.-] {+fine of 100,000" in text
