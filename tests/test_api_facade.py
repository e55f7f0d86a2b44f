"""The façade returns values (issue 16 item 5): ``api.review`` an iterator of (statement, report)
pairs that the caller writes, ``record`` the same for check and review, ``api.plan_template``,
``api.compliance_calendar``, ``api.lint_rules``, and ``Lawcheck(db)``, which opens the store once.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawcheck import api
from lawcheck.cli import cli
from lawcheck.errors import InputError
from lawcheck.review.batch import Reviewed, write_reviews
from lawcheck.review.inputs import BadRow
from lawcheck.review.outputs import open_writer

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "land-forum.yaml"
ORG = ROOT / "examples" / "land-org.yaml"
RISKY = "District Governor Chea Vanna is a corrupt thief. Everyone must join the march on Sunday."
BENIGN = "We thank the provincial health department for supporting the clinic in Svay Rieng."


def _sheet(tmp_path: Path) -> Path:
    path = tmp_path / "posts.csv"
    path.write_text(f'id,text\np1,"{RISKY}"\n,no id here\np2,"{BENIGN}"\n', encoding="utf-8")
    return path


def _stable(report: dict) -> dict:
    return {k: v for k, v in report.items() if k not in ("checked_at", "run")}


def test_review_returns_pairs_in_input_order_that_the_caller_writes(db_url, tmp_path):
    reviews = api.review([_sheet(tmp_path)], db=db_url, date="2026-12-05",
                         org_type="domestic_ngo")
    pairs = list(reviews)
    assert all(isinstance(p, Reviewed) for p in pairs)
    assert [p.bad for p in pairs] == [False, True, False]
    (risky, risky_report), (row, nothing), (benign, benign_report) = pairs
    assert risky.id == "p1" and risky_report["subject"]["id"] == "p1"
    assert {f["category"] for f in risky_report["findings"]} >= {"defamation"}
    assert isinstance(row, BadRow) and row.line == 3 and nothing is None
    assert benign_report["findings"] == [] and benign_report["result"] == "no findings"
    assert reviews.run is None and "run" not in risky_report  # not recorded unless asked


def test_written_pairs_are_the_bytes_the_command_line_writes(db_url, tmp_path):
    sheet = _sheet(tmp_path)
    out = io.StringIO()
    summary = write_reviews(api.review([sheet], db=db_url, date="2026-12-05",
                                       org_type="domestic_ngo"),
                            [open_writer("jsonl", stream=out)])
    assert summary["statements"] == 2 and summary["bad_rows"] == 1 and summary["flagged"] == 1
    cli_out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(cli, ["--db", db_url, "review", str(sheet), "--date",
                                      "2026-12-05", "--org-type", "domestic_ngo", "-o",
                                      str(cli_out)])
    assert result.exit_code == 2  # the bad row (SPEC §8), after the others were written
    mine = [_stable(json.loads(line)) for line in out.getvalue().splitlines()]
    theirs = [_stable(json.loads(line)) for line in cli_out.read_text().splitlines()]
    for report in theirs:
        assert report.pop("privacy") == {"text_kept": False}  # the CLI records its runs
    assert mine == theirs


def test_a_bad_input_is_an_error_at_the_call_before_anything_runs(db_url, tmp_path):
    with pytest.raises(InputError) as caught:
        api.review([tmp_path / "missing.csv"], db=db_url)
    assert caught.value.exit_code == 2
    with pytest.raises(Exception, match="--date"):
        api.review(text=BENIGN, date="2026-13-01", db=db_url)


def test_record_is_the_same_for_check_and_review(db_url):
    assert "run" not in api.check(PLAN, as_of="2026-12-01", db=db_url)
    reviews = api.review(text=RISKY, db=db_url, date="2026-12-05")
    assert [r for _, r in reviews][0].get("run") is None and reviews.run is None
    assert api.history(db=db_url) == []  # neither records by default

    checked = api.check(PLAN, as_of="2026-12-01", db=db_url, record=True)
    reviews = api.review(text=RISKY, db=db_url, date="2026-12-05", record=True,
                         render={"format": "jsonl"})
    (_, reviewed), = list(reviews)
    assert checked["run"] and reviewed["run"] == reviews.run
    listed = {run["id"]: run for run in api.history(db=db_url)}
    assert set(listed) == {checked["run"], reviews.run}
    shown, _ = api.show_run(reviews.run, db=db_url)
    assert json.loads(shown)["subject"]["sha256"] == reviewed["subject"]["sha256"]


def test_a_review_stopped_before_its_end_records_nothing(db_url, tmp_path):
    reviews = api.review([_sheet(tmp_path)], db=db_url, date="2026-12-05", record=True)
    first = next(reviews)
    assert first.report["run"]  # each report carries the run it will belong to
    reviews.close()
    assert reviews.run is None and api.history(db=db_url) == []
    with api.review([_sheet(tmp_path)], db=db_url, record=True) as reviews:
        assert len(list(reviews)) == 3
    assert [run["id"] for run in api.history(db=db_url)] == [reviews.run]


def test_skip_ids_leave_statements_out_and_are_counted(db_url, tmp_path):
    reviews = api.review([_sheet(tmp_path)], db=db_url, skip_ids={"p1"})
    assert [p.item.id for p in reviews if not p.bad] == ["p2"] and reviews.skipped == 1


def test_plan_template_and_compliance_calendar_are_what_the_commands_print(tmp_path):
    printed = CliRunner().invoke(cli, ["plan", "template"])
    assert printed.exit_code == 0 and api.plan_template() == printed.output
    calendar = api.compliance_calendar(ORG, as_of="2026-12-01")
    listed = CliRunner().invoke(cli, ["calendar", "--org", str(ORG), "--as-of", "2026-12-01",
                                      "--format", "json"])
    assert listed.exit_code == 0 and json.loads(listed.output) == json.loads(
        json.dumps(calendar))
    assert calendar["deadlines"] and calendar["organization"]


def test_lint_rules_is_in_the_facade(db_url):
    assert callable(api.lint_rules) and "lint_rules" in api.__all__
    api.lint_rules(db=db_url)  # the shipped base lints clean (a RulesError otherwise)


def test_lawcheck_opens_the_store_once_and_gives_the_functions_results(db_url, monkeypatch):
    import lawcheck.store.db as store_db

    opened = []
    real = store_db.open_store
    monkeypatch.setattr(store_db, "open_store", lambda url=None: opened.append(url) or real(url))
    with api.Lawcheck(db_url) as lc:
        report = lc.check(PLAN, as_of="2026-12-01", record=True)
        pairs = list(lc.review(text=RISKY, date="2026-12-05", record=True))
        laws = lc.list_laws()
        runs = lc.history()
        rules = lc.rules_list()
        with pytest.raises(TypeError, match="its own database"):
            lc.history(db=db_url)
    assert opened == [db_url]  # once, for everything above
    monkeypatch.setattr(store_db, "open_store", real)
    assert _stable(report) == _stable(api.check(PLAN, as_of="2026-12-01",
                                                db=db_url, record=True))
    assert {run["id"] for run in runs} == {pairs[0].report["run"], report["run"]}
    assert laws == api.list_laws(db=db_url) and rules == api.rules_list(db=db_url)
    assert _stable(pairs[0].report) == _stable(next(api.review(
        text=RISKY, date="2026-12-05", db=db_url, record=True)).report)
