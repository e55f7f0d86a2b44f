"""The law before the Criminal Code (issue 13): the UNTAC criminal provisions of 1992 and the
Press Law of 1995 in the shipped corpus, dated and marked as docs/law-before-2010.md records,
and the rules of rules/kh/speech-before-2010.yaml that apply them to statements dated before
10 December 2010."""

from __future__ import annotations

from datetime import date

import pytest

from lawcheck import api

UNTAC = "kh/untac-criminal-provisions-1992"
PRESS = "kh/press-law-1995"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return f"sqlite:///{tmp_path_factory.mktemp('before2010') / 'db.sqlite'}"


def _text(law, number):
    return next(p["text"] for p in law["provisions"] if p["id"] == f"{law['id']}/art-{number}")


def test_the_untac_provisions_end_the_day_before_the_code(db):
    versions = {law["id"]: law["versions"] for law in api.list_laws(db=db)}
    (untac,) = versions[UNTAC]
    assert untac["effective_from"] == "1992-09-10" and untac["effective_to"] == "2010-12-09"
    code = versions["kh/criminal-code-2009"][0]
    assert date.fromisoformat(untac["effective_to"]).toordinal() + 1 == \
        date.fromisoformat(code["effective_from"]).toordinal()
    (press,) = versions[PRESS]
    assert press["effective_from"] == "1995-09-01" and press["effective_to"] is None


def test_the_speech_articles_carry_their_penalties_and_marks(db):
    law = api.show(UNTAC, db=db)
    assert [p["number"] for p in law["provisions"] if p["kind"] == "article"] == \
        ["59", "60", "61", "62", "63"]
    assert "six (6) months to three (3) years" in _text(law, "62")
    art63 = _text(law, "63")
    assert "eight (8) days to one (1) year" in art63 and "2006" in art63
    marks = {pid.rsplit("/", 1)[1]: v["confidence"]
             for pid, v in law["details"]["provisions"].items() if "/para-" not in pid}
    # numbers found in one commentator only stay uncertain; the two with several sources are
    # confirmed (docs/law-before-2010.md)
    assert marks == {"art-59": "uncertain", "art-60": "uncertain", "art-61": "likely",
                     "art-62": "confirmed", "art-63": "confirmed"}
    assert "not established" in _text(law, "60")  # no invented content for an unknown article


def test_the_press_law_digest_keeps_the_fines_of_the_translation(db):
    law = api.show(PRESS, db=db)
    assert "five million (5,000,000) to fifteen million (15,000,000) riel" in _text(law, "12")
    assert "two million (2,000,000) to ten million (10,000,000) riel" in _text(law, "13")
    assert "opinion" in _text(law, "20")
    marks = {pid.rsplit("/", 1)[1]: v["confidence"]
             for pid, v in law["details"]["provisions"].items()}
    assert marks["art-21"] == "uncertain" and marks["art-10"] == "confirmed"


ACCUSATION = "The director of Acme Company is a corrupt thief who stole the villagers' land."


def _report(db, day, text=ACCUSATION):
    from tests.test_cli import run

    result = run("review", "--date", day, "--text", text, "--format", "jsonl", db=db)
    assert "Traceback" not in result.output
    return __import__("json").loads(result.output.splitlines()[0])


@pytest.mark.parametrize("day, rule, consequence", [
    ("2005-10-11", "kh.speech.pre2010.defamation.accusation", "criminal"),  # prison until 2006
    ("2009-06-26", "kh.speech.pre2010.defamation.accusation.fine", "fine"),  # after the amendment
    ("2014-05-01", "kh.speech.defamation.accusation", "fine"),              # the Criminal Code
])
def test_an_accusation_is_judged_by_the_law_of_its_day(db, day, rule, consequence):
    report = _report(db, day)
    found = {f["rule"]: f for f in report["findings"]}
    assert rule in found, sorted(found)
    finding = found[rule]
    assert finding["consequence"] == consequence
    law = "kh/criminal-code-2009" if day > "2010-12-09" else UNTAC
    assert all(c["provision"].startswith(law) for c in finding["citations"])
    assert finding["citations"][0]["text"]  # the version in force that day is quoted
    # one version of a duty per day: never the Code's and the 1992 provisions' together
    assert not any(r.startswith("kh.speech.pre2010.") for r in found) or \
        not any(r.startswith("kh.speech.defamation.") for r in found)


def test_a_2009_statement_no_longer_reads_as_not_in_force_for_defamation(db):
    report = _report(db, "2009-05-01")
    reasons = {e["rule"]: e.get("reason", "") for e in report["not_checked"]}
    assert "kh.speech.defamation.accusation" not in reasons
    assert not any("not in force" in r and "defamation" in rule for rule, r in reasons.items())
