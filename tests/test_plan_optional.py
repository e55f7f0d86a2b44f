"""SPEC §8 on plans: ``changes[].changed_on`` is optional (an undated change is an advisory, not
an error and not silence), and ``null`` on an optional field means "not given" (issue 11)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import yaml
from click.testing import CliRunner

from lawcheck import api
from lawcheck.cli import cli

CLOCK = datetime(2026, 12, 1, 9, 0, tzinfo=timezone(timedelta(hours=7)))
ORG = {"name": "Test Org", "type": "domestic_ngo"}
TRAINING = {"id": "A1", "type": "training", "start": "2026-12-10"}


@pytest.fixture(scope="module")
def db(module_store_url) -> str:
    return module_store_url


def write(tmp_path, organization: dict, activity: dict = TRAINING):
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump({"organization": organization, "activities": [activity]},
                                   sort_keys=False), encoding="utf-8")
    return path


def rules(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"]}


@pytest.mark.parametrize("change", [{"kind": "leader"},
                                   {"kind": "leader", "changed_on": None},
                                   {"kind": "leader", "changed_on": None, "notified_on": None}])
def test_an_undated_unnotified_change_is_an_advisory(db, tmp_path, change):
    path = write(tmp_path, {**ORG, "changes": [change]})
    report = api.check(path, as_of="2026-12-01", db=db, clock=CLOCK)
    assert "kh.change.date-unknown" in rules(report)
    finding = next(f for f in report["findings"] if f["rule"] == "kh.change.date-unknown")
    assert finding["kind"] == "advisory" and "leader" in finding["what"]
    assert "kh.change.not-notified" not in rules(report)


def test_a_notified_undated_change_is_quiet(db, tmp_path):
    path = write(tmp_path, {**ORG, "changes": [{"kind": "address", "notified_on": "2026-10-01"}]})
    report = api.check(path, as_of="2026-12-01", db=db, clock=CLOCK)
    assert not {"kh.change.date-unknown", "kh.change.not-notified"} & rules(report)


def test_a_dated_late_change_is_still_a_violation(db, tmp_path):
    path = write(tmp_path, {**ORG, "changes": [{"kind": "leader", "changed_on": "2026-09-01"}]})
    report = api.check(path, as_of="2026-12-01", db=db, clock=CLOCK)
    assert "kh.change.not-notified" in rules(report)
    assert "kh.change.date-unknown" not in rules(report)


def test_null_on_an_optional_field_means_not_given(db, tmp_path):
    given = write(tmp_path, {**ORG, "sector": None, "public_profile": None},
                  {**TRAINING, "title": None, "participants": None})
    result = CliRunner().invoke(cli, ["--db", db, "check", str(given), "--as-of", "2026-12-01",
                                      "--format", "json"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    plain = write(tmp_path, ORG)
    same = CliRunner().invoke(cli, ["--db", db, "check", str(plain), "--as-of", "2026-12-01",
                                    "--format", "json"], catch_exceptions=False)
    import json

    a, b = json.loads(result.output), json.loads(same.output)
    assert rules(a) == rules(b)
    assert sorted(e["rule"] for e in a["not_checked"]) == sorted(e["rule"] for e in b["not_checked"])


def test_null_on_a_required_field_is_still_an_error(db, tmp_path):
    path = write(tmp_path, {**ORG, "type": None})
    result = CliRunner().invoke(cli, ["--db", db, "check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2
    assert "organization.type" in result.output and "required" in result.output
    assert "Traceback" not in result.output
