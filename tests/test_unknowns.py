"""What a check could not decide is said in the user's words, and never looks clean (issue 11,
"Unknowns as questions"; SPEC §8).

A march on a public road whose plan says nothing about notification used to get no finding: the
notice rules appeared only in a long "Not checked" list naming internal facts
(``activity.notified``) that a plan cannot even contain. Now a missing fact that a serious rule
needs becomes a question at the top of an exposed activity, every not_checked entry names plan
keys (``activities[A1].notification``), and the summary names the most serious checks that could
not run, in every format.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
import yaml
from click.testing import CliRunner

from lawcheck import api
from lawcheck.cli import cli

CLOCK = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=7)))
AS_OF = "2027-03-01"


@pytest.fixture(scope="module")
def db(module_store_url) -> str:
    return module_store_url


def plan_file(tmp_path, activity: dict, organization: dict | None = None):
    plan = {"organization": organization or {"name": "Test Org", "type": "domestic_ngo"},
            "activities": [{"id": "A1", "start": "2027-03-10", **activity}]}
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(plan, sort_keys=False), encoding="utf-8")
    return path


MARCH = {"title": "March to the Provincial Hall", "type": "march",
         "location": {"province": "Kampong Speu", "venue_kind": "public_road",
                      "public_space": True}, "participants": 300}


def check(path, db) -> dict:
    return api.check(path, as_of=AS_OF, db=db, clock=CLOCK)


def questions(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f.get("question")]


def test_a_march_without_notification_asks_about_it(db, tmp_path):
    report = check(plan_file(tmp_path, MARCH), db)
    asked = questions(report)
    notice = next(f for f in asked if "activities[A1].notification" in f["missing"])
    assert notice["kind"] == "advisory" and notice["where"] == {"activity": "A1"}
    assert notice["question"] == 1, "the unanswered legal duty is asked first"
    assert notice["title"].startswith("Did you notify")
    assert "Demonstration in a public place without written notice" in notice["what"]
    assert "Art 5" in notice["what"]
    assert {c["provision"] for c in notice["citations"]} >= {
        "kh/peaceful-demonstration-2009/art-5"}
    assert all(c["text"] for c in notice["citations"]), "a question cites the law it waits on"


def test_an_answered_question_is_not_asked_again(db, tmp_path):
    answered = {**MARCH, "notification": {"notified_on": "2027-03-01",
                                          "authority": "Provincial Hall"}}
    report = check(plan_file(tmp_path, answered), db)
    assert not [f for f in questions(report)
                if "activities[A1].notification" in f["missing"]]
    # null = the authorities were not told: that is an answer, and the rule decides on it
    none = check(plan_file(tmp_path, {**MARCH, "notification": None}), db)
    assert ("A1", "kh.assembly.notice.missing") in {
        (f["where"].get("activity"), f["rule"]) for f in none["findings"]}


def test_a_training_indoors_is_not_questioned(db, tmp_path):
    report = check(plan_file(tmp_path, {"type": "training"}), db)
    assert questions(report) == []


def test_a_public_forum_in_a_public_space_is_exposed(db, tmp_path):
    forum = {"type": "public_forum", "location": {"province": "Kandal", "public_space": True}}
    assert questions(check(plan_file(tmp_path, forum), db))
    indoors = {"type": "public_forum", "location": {"province": "Kandal", "public_space": False}}
    assert questions(check(plan_file(tmp_path, indoors), db)) == []


def plan_key_exists(key: str) -> bool:
    """True when ``key`` (``activities[A1].location.province``) is a key the plan schema has."""
    import re

    from lawcheck.plan import schema as s

    parts = re.sub(r"\[[^\]]*\]", "", key).split(".")
    field = {"organization": s.ORGANIZATION, "activities": s.ACTIVITY}.get(parts[0])
    for name in parts[1:]:
        if field is None:
            return False
        field = field.field(name) if field.type == "map" else (
            field.item.field(name) if field.item is not None else None)
    return field is not None


def test_not_checked_names_plan_keys_never_facts(db, tmp_path):
    report = check(plan_file(tmp_path, MARCH), db)
    assert report["not_checked"]
    assert not plan_key_exists("activity.notified") and plan_key_exists(
        "activities[A1].notification")
    for entry in report["not_checked"]:
        assert all(plan_key_exists(k) for k in entry["missing"]), entry
        assert entry["missing"] or entry.get("reasons") or entry.get("reason"), entry
        assert entry.get("title") and entry.get("severity")
    notice = next(e for e in report["not_checked"] if e["rule"] == "kh.assembly.notice.missing")
    assert notice["missing"] == ["activities[A1].notification"]


@pytest.mark.parametrize("fmt, marker", [
    ("text", "Questions the plan must answer"),
    ("markdown", "**Questions the plan must answer**"),
    ("html", "<h3>Questions the plan must answer</h3>"),
])
def test_every_format_shows_the_question_and_the_unchecked(db, tmp_path, fmt, marker):
    path = plan_file(tmp_path, MARCH)
    result = CliRunner().invoke(cli, ["--db", db, "check", str(path), "--as-of", AS_OF,
                                      "--format", fmt, "--fail-on", "critical"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.output
    assert marker in out
    assert "Did you notify the Capital or Provincial Hall" in out
    assert "Could not check" in out
    assert "activities[A1].notification" in out
    assert "activity.notified" not in out, "an internal fact name reached the user"
    assert "clear on every check that could run" not in out.split("Activity A1")[-1][:400]


def test_json_output_carries_questions_and_plan_keys(db, tmp_path):
    path = plan_file(tmp_path, MARCH)
    result = CliRunner().invoke(cli, ["--db", db, "check", str(path), "--as-of", AS_OF,
                                      "--format", "json", "--fail-on", "critical"],
                                catch_exceptions=False)
    report = json.loads(result.output)
    assert any(f.get("question") for f in report["findings"])
    assert any(e["missing"] == ["activities[A1].notification"] for e in report["not_checked"])


def test_an_activity_with_unchecked_rules_is_not_called_clear(db, tmp_path):
    from lawcheck.report import summary as S

    report = check(plan_file(tmp_path, {"type": "training"}), db)
    [group] = [g for g in S.groups(report) if g.activity == "A1"]
    assert not group.sections and not group.questions and group.unchecked > 0
    assert group.clear_line != S.CLEAR and "not a clean result" in group.clear_line


def test_summary_names_at_most_five_most_serious(db, tmp_path):
    from lawcheck.report import summary as S
    from lawcheck.rulebase.model import SEVERITIES

    report = check(plan_file(tmp_path, MARCH), db)
    top = S.top_not_checked(report)
    assert 0 < len(top) <= 5 < len(report["not_checked"])
    worst = max(SEVERITIES.index(e["severity"]) for e in report["not_checked"])
    assert SEVERITIES.index(top[0].severity) == worst
    ranks = [SEVERITIES.index(row.severity) for row in top]
    assert ranks == sorted(ranks, reverse=True)


def test_one_rule_unchecked_on_several_statements_is_one_summary_row():
    """A signal no plan can give (the learned score of a plan's statements) leaves the same rule
    unchecked on every statement; the summary names it once with the statements, so it does not
    push the other checks out of the five it shows."""
    from lawcheck.report import summary as S

    def entry(rule, statement=None, severity="critical", missing=(), reason=None):
        e = {"rule": rule, "title": rule, "severity": severity, "where": {"activity": "M1"},
             "missing": list(missing)}
        if statement is not None:
            e["statement"] = statement
        if reason:
            e["reason"] = reason
        return e

    report = {"activities": [{"id": "M1"}], "not_checked": [
        entry("kh.a", 1, reason="no score for a plan's statements"),
        entry("kh.a", 2, reason="no score for a plan's statements"),
        entry("kh.b", 1, reason="no score for a plan's statements"),
        entry("kh.b", 2, reason="another reason"),
        entry("kh.c", severity="high", missing=["activities[M1].notice"]),
    ]}
    top = S.top_not_checked(report)
    assert [(row.rule, row.where) for row in top] == [
        ("kh.a", "Activity M1, statements 2, 3"), ("kh.b", "Activity M1, statement 2"),
        ("kh.b", "Activity M1, statement 3"), ("kh.c", "Activity M1")]
    assert len(S.not_checked(report)) == 5  # the full list still names each statement
