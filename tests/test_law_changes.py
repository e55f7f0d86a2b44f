"""Laws that change (issue 11): an amended law that drops a provision a rule cites is named by
the ingest, `rules impact`, `rules lint` and every check until a person fixes the rule; a new
law id needs --new; versions stay in order whatever order they are ingested in; a diff between
a digest and an official text says so."""

from __future__ import annotations

import json

import pytest

from lawcheck.settings import corpus_dir
from tests.test_cli import run

PD = "kh/peaceful-demonstration-2009"
PARA_3 = ("\n\nEven when a demonstration is peaceful, the competent authorities may act to stop it "
          "if no notice was lodged in accordance with Article 5, Article 6 and Article 14 of "
          "this law.\n")
NOTICE_RULES = {"kh.assembly.notice.missing", "kh.assembly.notice.late",
                "kh.assembly.short-notice.late", "kh.assembly.short-notice.hours"}
MARCH_2030 = """\
organization:
  name: Test Network
  type: domestic_ngo
activities:
  - id: M1
    title: March to the provincial hall
    type: march
    start: 2030-03-12
    participants: 300
    location: {province: Phnom Penh, public_space: true}
"""


@pytest.fixture
def amended(tmp_path):
    """The shipped Peaceful Demonstration digest with Art 20 cut to two paragraphs."""
    text = (corpus_dir() / PD / "digest.en.md").read_text()
    assert PARA_3 in text
    path = tmp_path / "pd-2030.md"
    path.write_text(text.replace(PARA_3, "\n", 1))
    return path


def _ingest_amended(amended, db_url, *extra):
    return run("corpus", "ingest", str(amended), "--law", PD, "--version", "2030-amended",
               "--effective", "2030-01-01", *extra, db=db_url)


def test_ingest_names_the_rules_whose_citation_is_gone(amended, db_url):
    result = _ingest_amended(amended, db_url)
    assert result.exit_code == 0, result.output
    assert "RULES AFFECTED (4)" in result.output
    for rule in NOTICE_RULES:
        assert rule in result.output
    assert f"{PD}/art-20/para-3 is not in version 2030-amended" in result.output


def test_ingest_json_carries_the_affected_rules(amended, db_url):
    result = _ingest_amended(amended, db_url, "--format", "json")
    affected = json.loads(result.output)["rules_affected"]
    assert {a["rule"] for a in affected} == NOTICE_RULES
    assert {a["citation"] for a in affected} == {f"{PD}/art-20/para-3"}


def test_diff_and_impact_report_the_vanished_paragraph(amended, db_url):
    _ingest_amended(amended, db_url)
    diff = json.loads(run("corpus", "diff", PD, "--format", "json", db=db_url).output)
    assert diff["removed"] == [f"{PD}/art-20/para-3"]
    assert f"{PD}/art-20" in [c["id"] for c in diff["changed"]]
    assert "removed 1" in run("corpus", "diff", PD, db=db_url).output
    impact = json.loads(run("rules", "impact", PD, "--format", "json", db=db_url).output)
    gone = {r["rule"] for r in impact["rules"]
            if any(c["change"] == "citation gone" for c in r["citations"])}
    assert gone == NOTICE_RULES
    assert "citation gone" in run("rules", "impact", PD, db=db_url).output


def test_lint_fails_while_a_citation_is_gone(amended, db_url):
    assert run("rules", "lint", db=db_url).exit_code == 0
    _ingest_amended(amended, db_url)
    bad = run("rules", "lint", db=db_url)
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert bad.output.count("LC319") == 4
    assert "peaceful-demonstration.yaml:" in bad.output


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html"])
def test_a_check_lists_the_rule_with_the_gone_citation(amended, db_url, tmp_path, fmt):
    _ingest_amended(amended, db_url)
    plan = tmp_path / "plan.yaml"
    plan.write_text(MARCH_2030)
    result = run("check", str(plan), "--as-of", "2030-03-01", "--format", fmt, db=db_url)
    assert result.exit_code in (0, 1), result.output
    if fmt == "json":
        report = json.loads(result.output)
        reasons = {e["rule"]: e.get("reason", "") for e in report["not_checked"]}
        for rule in ("kh.assembly.notice.missing", "kh.assembly.notice.late"):
            assert "citation gone" in reasons[rule]
    else:
        assert "citation gone" in result.output


def test_a_check_before_the_amendment_still_uses_the_old_version(amended, db_url, tmp_path):
    _ingest_amended(amended, db_url)
    plan = tmp_path / "plan.yaml"
    plan.write_text(MARCH_2030.replace("2030-03-12", "2029-03-12") + (
        "    notification: {authority: Phnom Penh Capital Hall, notified_on: 2029-03-11}\n"))
    report = json.loads(run("check", str(plan), "--as-of", "2029-03-01", "--format", "json",
                            db=db_url).output)
    assert "kh.assembly.notice.late" in {f["rule"] for f in report["findings"]}
    assert not any("citation gone" in str(e.get("reason")) for e in report["not_checked"])


def test_an_unknown_law_id_asks_for_new_and_suggests_the_closest(amended, db_url):
    typo = "kh/peaceful-demonstrations-2009"
    result = run("corpus", "ingest", str(amended), "--law", typo, db=db_url)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "LC225" in result.output and "--new" in result.output
    assert f"did you mean '{PD}'" in result.output
    laws = json.loads(run("corpus", "list", "--format", "json", db=db_url).output)
    assert typo not in {law["id"] for law in laws}  # nothing stored
    ok = run("corpus", "ingest", str(amended), "--law", "kh/my-new-law", "--new", db=db_url)
    assert ok.exit_code == 0, ok.output


LAW = "Law on Testing\n\nArticle 1\nThe duty holds {}.\n\nArticle 2\nAnother article.\n"


def _versions(db_url, law_id):
    laws = json.loads(run("corpus", "list", "--format", "json", db=db_url).output)
    return {v["version"]: (v["effective_from"], v["effective_to"])
            for law in laws if law["id"] == law_id for v in law["versions"]}


def test_an_older_version_ingested_after_a_newer_one_keeps_one_open_ended(tmp_path, db_url):
    for number, (label, day) in enumerate([("2030", "2030-01-01"), ("2010", "2010-01-01"),
                                           ("2020", "2020-06-01")]):
        path = tmp_path / f"law-{label}.txt"
        path.write_text(LAW.format(f"from {label}"))
        result = run("corpus", "ingest", str(path), "--law", "kh/test-law", "--version", label,
                     "--effective", day, *(["--new"] if number == 0 else []), db=db_url)
        assert result.exit_code == 0, result.output
    assert _versions(db_url, "kh/test-law") == {
        "2010": ("2010-01-01", "2020-05-31"),
        "2020": ("2020-06-01", "2029-12-31"),
        "2030": ("2030-01-01", None),
    }


def test_a_diff_between_a_digest_and_an_official_text_says_so(amended, db_url, tmp_path):
    _ingest_amended(amended, db_url)
    text = run("corpus", "diff", PD, db=db_url).output
    assert "compares a digest with an official text" in text
    data = json.loads(run("corpus", "diff", PD, "--format", "json", db=db_url).output)
    assert "2009-digest-1" in data["notice"]
    # two texts of the same kind: no notice
    for label, day in (("1", "2020-01-01"), ("2", "2021-01-01")):
        path = tmp_path / f"t{label}.txt"
        path.write_text(LAW.format(label))
        run("corpus", "ingest", str(path), "--law", "kh/test-law", "--version", label,
            "--effective", day, "--new", db=db_url)
    plain = json.loads(run("corpus", "diff", "kh/test-law", "--format", "json",
                           db=db_url).output)
    assert plain["notice"] is None
    assert "digest" not in run("corpus", "diff", "kh/test-law", db=db_url).output


def test_an_undated_text_of_a_dated_law_is_refused(amended, db_url):
    result = run("corpus", "ingest", str(amended), "--law", PD, "--version", "x", db=db_url)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--effective" in result.output and "2009-12-05" in result.output
    assert set(_versions(db_url, PD)) == {"2009-digest-1"}  # nothing stored
