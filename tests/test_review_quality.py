"""Quality floors of the statement review on the labelled development set (tests/data).

The floors are the issue's: recall of at least 0.9 on every speech category and at most 5 % of
benign statements flagged. The held-out set is measured by benchmarks/quality.py and reported,
never asserted here: it is not used to tune anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.review.quality import SPEECH_CATEGORIES, read_set, score
from lawcheck.review.reviewer import ReviewerSpec

DEV = Path(__file__).parent / "data" / "statements-dev.jsonl"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    db = tmp_path_factory.mktemp("quality") / "q.db"
    reviewer = ReviewerSpec(db=str(db), sync=True).build()
    return score(read_set(DEV), reviewer)


@pytest.mark.parametrize("category", SPEECH_CATEGORIES)
def test_recall_floor(result, category):
    row = result.table()[category]
    assert row["support"] >= 20, "the set must keep enough examples of every category"
    missed = [e[0] for e in result.errors if category in e[1]]
    assert row["recall"] >= 0.9, f"{category}: recall {row['recall']:.3f}; missed {missed}"


def test_false_alarms_on_benign_statements(result):
    flagged = [e[0] for e in result.errors if not e[1] and e[2]]
    assert result.benign >= 130
    assert result.false_alarm_rate() <= 0.05, f"{result.false_alarm_rate():.3f}: {flagged}"


def test_every_flag_points_at_its_words(tmp_path):
    """On every dev statement, each flagged span is the exact words the report quotes."""
    reviewer = ReviewerSpec(db=str(tmp_path / "spans.db"), sync=True).build()
    for item in read_set(DEV):
        for finding in reviewer.review(item)["findings"]:
            where = finding["where"]
            assert where["spans"], (item.id, finding["rule"])
            for (start, end), flag in zip(where["spans"], where["flags"]):
                assert 0 <= start < end <= len(item.text)
                assert item.text[start:end] == flag["text"], (item.id, finding["rule"])


# --- the untouched part of the real published statements (tests/data/real) --------------------
# Floors at what was measured when the analyser last changed, less a small margin for items the
# collectors add later; never above the measured figure. Measured 2026-12-07 (end of the tenth
# round, after the eleventh collecting pass grew the part to 575 statements: 438 benign, 137 risky
# with an outcome level, one line relabelled critical on its later case; learned artefact rebuilt
# with thresholds over five fold draws and a margin for statement.learned_strong stored in it),
# at their real dates: false alarms 74/438 (0.169), outcome measure 45/137 (0.328), recall
# incitement 0.481 (54), defamation 0.351 (77). The tree as it was before the round measures
# 41/137 and 74/438 on the same part; the data pass's one-draw rebuild would have given 40/137
# and defamation 0.312, the five-draw thresholds 41/137, the new margin 45/137 (benign at high
# or critical 48 -> 51) (tests/data/README.md, tenth round). Ninth round: 41/137 and 70/411 (defamation 0.364) on 548. Earlier rounds: 43/136 and 64/352 (eighth), 34/129 and
# 61/295 (seventh), 33/125 and 46/226 (sixth), 27/106 and 27/135 (fifth), on fewer lines. These
# are far from issue 13's goal (outcome >= 0.85, false alarms <= 0.05): the floors only keep them
# from falling. The items are never read here; only the aggregate is asserted.
# Twelfth round (2026-12-07, same 575 lines): the law before the Criminal Code
# (rules/kh/speech-before-2010.yaml, the 1992 UNTAC provisions) judges the pre-2010 lines at their
# dates instead of "not in force": outcome 45 -> 50/137 (0.365; the dated figure now equals the
# undated one), false alarms 74/438 and benign at high or critical 51 unchanged, recall
# incitement 0.481 -> 0.500, defamation 0.351 -> 0.429; misses the report says were "not in
# force" on their date 17 -> 5. Read once, after the change was committed (tests/data/README.md).
# Thirteenth round (readings of new wording): outcome 50/137 unchanged, false alarms 74 -> 76/438
# (court-decided's `within` now read: a demand far from a decision in its clause is no longer
# cancelled; and one election claim read by the new election-rigged/-partisan kinds), recall
# incitement 0.500 -> 0.519.
# Session 31 (what a claim word describes, whom a demeaning noun names, a provision's voice,
# reported calls, passive harms carried, the King by contrast): outcome 50/137 unchanged, false
# alarms 74 -> 73/438, benign at high or critical 51 -> 50. Read after the merges were committed.
UNTOUCHED = Path(__file__).parent / "data" / "real" / "untouched.jsonl"
REAL_FLOORS = {"false_alarm_rate_max": 0.18, "outcome_recall_min": 0.36,
               "recall_min": {"incitement": 0.48, "defamation": 0.41}}


@pytest.fixture(scope="module")
def untouched(tmp_path_factory):
    from datetime import date

    db = tmp_path_factory.mktemp("real") / "r.db"
    reviewer = ReviewerSpec(db=str(db), sync=True, as_of=date(2026, 12, 1)).build()
    return score(read_set(UNTOUCHED), reviewer)


def test_untouched_real_statements_keep_their_floors(untouched):
    assert untouched.benign >= 50 and untouched.outcome_total >= 40, "the set must stay large"
    assert untouched.false_alarm_rate() <= REAL_FLOORS["false_alarm_rate_max"]
    assert untouched.outcome_recall() >= REAL_FLOORS["outcome_recall_min"]
    table = untouched.table()
    for category, floor in REAL_FLOORS["recall_min"].items():
        assert table[category]["recall"] >= floor, (category, table[category])


# The tuning part is in-sample (the analyser was tuned on it; the learned signal scores each line
# with the model of the fold that did not see it): its floor only keeps the gains of the tuning
# rounds. Measured 2026-12-07 at real dates, after the tenth round and the eleventh collecting
# pass that grew the part from 453 to 478 statements (25 benign): outcome 66/146 (0.452), false
# alarms 41/332 (4 of them on the 25 new lines). The tree before the round gives 64/146 and
# 41/332 on the same part. Ninth round: 65/146 and 37/307 on 453; before it 66/146 and 42/307. Earlier: 64/141 and 33/274 (eighth
# round), 64/138 and 30/247 (seventh), 61/135 and 21/196 (sixth), 51/118 and 13/139 (fifth),
# 36/94 and 5/94 (third), 33/67 and 2/65 (second). The law before the Criminal Code (issue 13,
# rules/kh/speech-before-2010.yaml) judges the part's pre-2010 lines at their dates: outcome
# 66 -> 69/146, false alarms 41 -> 42/332, the one more being real-2009-koy-troupe-ngos-cursing-
# government, which today's rules already flag when it is read undated (an accusation of the
# government read in a comedian's pro-government skit): the analyser's reading, not the old law's.
# Thirteenth round (readings of new wording: gapped cues, role frames, two reading fixes, four
# families): 69 -> 71/146, false alarms 42 -> 39/332. Fourteenth round (false-alarm readings,
# readings of the paraphrase set's tune part, four reading fixes): 71/146 both, false alarms
# 39 -> 36/332.
TUNE = Path(__file__).parent / "data" / "real" / "tune.jsonl"


def test_real_tuning_statements_keep_their_floors(tmp_path):
    from datetime import date

    reviewer = ReviewerSpec(db=str(tmp_path / "t.db"), sync=True,
                            as_of=date(2026, 12, 1)).build()
    tune = score(read_set(TUNE), reviewer)
    assert tune.benign >= 60 and tune.outcome_total >= 60, "the set must stay large"
    assert tune.false_alarms <= 36, [e[0] for e in tune.errors if not e[1]]
    assert tune.outcome_recall() >= 0.47, tune.outcome_misses


def test_the_benchmark_never_lists_the_items_of_a_sealed_set(tmp_path, capsys):
    """benchmarks/quality.py --errors lists misses for tuning sets only: a set named like the
    held-out or untouched one shows its figures, never its items (here a stand-in file)."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location(
        "quality_bench", Path(__file__).parents[1] / "benchmarks" / "quality.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    reviewer = ReviewerSpec(db=str(tmp_path / "s.db"), sync=True).build()
    row = {"id": "sealed-1", "text": "The governor is a thief.", "expect": [],
           "date": "2026-12-01"}
    for name in ("untouched.jsonl", "tune.jsonl"):
        path = tmp_path / name
        path.write_text(json.dumps(row) + "\n", encoding="utf-8")
        bench.report(name, path, reviewer, True, True)
        out = capsys.readouterr().out
        assert "false alarms on benign: 1/1" in out
        assert ("sealed-1" in out) == (name == "tune.jsonl")


def test_the_benchmark_prints_each_rate_with_its_wilson_interval():
    """The recall and false-alarm rates come with their 95 % Wilson interval, checked here against
    the closed form (z = 1.96), so a round's change can be read against the interval's width;
    an empty part prints none, and the extremes stay inside 0-1."""
    import importlib.util
    import math

    spec = importlib.util.spec_from_file_location(
        "quality_bench", Path(__file__).parents[1] / "benchmarks" / "quality.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    def wilson(k, n, z=1.959964):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        return f" (95 % interval {centre - half:.3f}-{centre + half:.3f})"

    for k, n in ((50, 137), (74, 438), (1, 3), (0, 48), (48, 48)):
        assert bench.interval(k, n) == wilson(k, n)
    assert bench.interval(50, 137) == " (95 % interval 0.289-0.448)"
    assert bench.interval(0, 0) == ""
    assert bench.interval(0, 48).startswith(" (95 % interval 0.000-")


def test_the_benchmark_scores_the_newest_and_the_unread_passes_apart(tmp_path):
    """Items of the newest collection pass (their "added" tag) are scored apart from the older
    ones, and so, for a sealed part, are all passes nobody has read yet (UNREAD_SINCE on), so the
    figures on statements nobody has seen a result for are not diluted by those read before."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location(
        "quality_bench", Path(__file__).parents[1] / "benchmarks" / "quality.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.UNREAD_SINCE = "2026-12-06b"
    rows = [{"id": "old", "text": "a", "expect": []},
            {"id": "first", "text": "b", "expect": [], "added": "2026-11-01"},
            {"id": "new-1", "text": "c", "expect": [], "added": "2026-12-06b"},
            {"id": "new-2", "text": "d", "expect": [], "added": "2026-12-06c"}]
    for name, groups in (("untouched.jsonl", [("2026-12-06c", ["new-2"]),
                                              ("2026-12-06b or later (unread)",
                                               ["new-1", "new-2"])]),
                         ("tune.jsonl", [("2026-12-06c", ["new-2"])])):
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        got = [(tag, [i.id for i in items]) for tag, items in bench.fresh_groups(path, True)]
        assert got == groups
    path.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    assert bench.fresh_groups(path, True) == []
    bench.UNREAD_SINCE = "2026-12-06c"   # one unread pass: no second group
    path = tmp_path / "untouched.jsonl"
    assert [tag for tag, _ in bench.fresh_groups(path, True)] == ["2026-12-06c"]


def test_what_no_findings_says_it_is_worth_is_what_was_measured(untouched):
    """Every "no findings" carries the analyser's measured catch rate (speech/measured.py); the
    sentence may never be rosier than the untouched part measures, nor stale by more than a few
    points when the analyser improves."""
    from lawcheck.speech import measured

    stated = measured.FOUND / measured.OF
    assert abs(untouched.outcome_recall() - stated) <= 0.05, (
        f"measured {untouched.outcome_hits}/{untouched.outcome_total}, the note says "
        f"{measured.FOUND}/{measured.OF}: update lawcheck/speech/measured.py")
    assert f"{measured.FOUND} of {measured.OF}" in measured.no_finding_note()


def test_false_alarms_are_split_by_who_really_published_the_words(tmp_path):
    """Every line is reviewed as a domestic NGO's, but the false alarms are also counted by the
    author the source names, so a lawyer can see how many come from foreign bodies' words."""
    import json

    from lawcheck.review.quality import Score

    rows = [{"id": "d", "text": "x", "expect": [], "org_type": "domestic_ngo"},
            {"id": "f", "text": "y", "expect": [], "org_type": "foreign_ngo"},
            {"id": "u", "text": "z", "expect": []},
            {"id": "r", "text": "w", "expect": ["defamation"], "org_type": "foreign_ngo"}]
    path = tmp_path / "tune.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = read_set(path)
    assert {i.id: i.org_type for i in items} == dict.fromkeys("dfur", "domestic_ngo")
    result = Score()
    for item, found in zip(items, ({"judicial"}, set(), {"defamation"}, {"defamation"})):
        result.add(item, found)
    assert result.by_author == {"domestic": [1, 1], "foreign": [0, 1], "not given": [1, 1]}
    assert result.false_alarms == 2


def test_the_outcome_is_also_counted_by_the_labellers_mark(tmp_path):
    """Whether the words alone carry the risk ("plain"), or the sanction rested on more than
    the words ("hard to label") or the line is a few words of a headline ("fragment"), is read
    from the labeller's note; the outcome measure is split by it."""
    import json

    from lawcheck.review.quality import Score

    def report(category, severity, level):
        return {"findings": [{"category": category, "severity": severity}],
                "risk": {"prosecution": {"level": level}, "deregistration": {"level": "none"}}}

    rows = [{"id": "p", "text": "a", "expect": ["defamation"], "level": "high", "note": ""},
            {"id": "h", "text": "b", "expect": ["defamation"], "level": "critical",
             "note": "words of a campaign; Hard to label: the charge covered the march"},
            {"id": "f", "text": "c", "expect": ["incitement"], "level": "high",
             "note": "fragment: a headline"},
            {"id": "b", "text": "d", "expect": [], "note": "hard negative: fragment"}]
    path = tmp_path / "tune.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = read_set(path)
    assert [i.mark for i in items] == ["plain", "hard to label", "fragment", "clear"]
    result = Score()
    for item, rep in zip(items, (report("defamation", "high", "high"),
                                 report("defamation", "high", "high"),
                                 report("incitement", "low", "high"),
                                 report("defamation", "high", "high"))):
        result.add_outcome(item, rep)
    assert result.outcome_by_mark == {"plain": [1, 1], "hard to label": [0, 1],
                                      "fragment": [0, 1]}
    assert (result.outcome_hits, result.outcome_total) == (1, 3)


def test_false_alarms_are_also_counted_by_the_benign_labellers_mark(tmp_path):
    """A benign line whose labeller called it borderline (sharp words, benign only because no
    action was found) is counted apart from the clear ones; the mark is read from the note."""
    import json

    from lawcheck.review.quality import Score

    rows = [{"id": "c", "text": "a", "expect": [], "note": "hard negative: a release"},
            {"id": "b", "text": "b", "expect": [], "note": "hard negative: Borderline: no case"},
            {"id": "d", "text": "c", "expect": [], "note": "hard negative: borderline words"},
            {"id": "r", "text": "d", "expect": ["defamation"], "level": "high",
             "note": "borderline: a risky line keeps its own mark"}]
    path = tmp_path / "tune.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = read_set(path)
    assert [i.mark for i in items] == ["clear", "borderline", "borderline", "plain"]
    result = Score()
    for item, found in zip(items, (set(), {"judicial"}, set(), {"defamation"})):
        result.add(item, found)
    assert result.alarms_by_mark == {"clear": [0, 1], "borderline": [1, 2]}
    assert result.false_alarms == 1


def test_each_miss_is_counted_by_what_its_report_said_instead(tmp_path):
    """Never a silent clean (issue 8): a risky statement whose outcome is missed is counted by
    what the report told its reader instead: a finding at too low a level, a finding of another
    category, no finding but a caveat naming the sensitive subject it touches, or only the
    general caveat. The last is the one to drive down. A report that says a rule of the
    statement's own category was not in force on its date is counted apart: there the law of
    the day is missing from lawcheck, not a reading of the words."""
    import json

    from lawcheck.review.quality import Score
    from lawcheck.speech.measured import no_finding_note

    def report(findings, caveats=(), level="none", not_checked=()):
        return {"findings": findings, "caveats": list(caveats), "not_checked": list(not_checked),
                "risk": {"prosecution": {"level": level}, "deregistration": {"level": "none"}}}

    def before(rule):
        return {"rule": rule, "missing": [],
                "reason": "not in force on 2005-12-10: the rule takes effect on 2010-12-10"}

    rows = [{"id": str(n), "text": "x", "expect": ["defamation"], "level": "high"}
            for n in range(7)]
    path = tmp_path / "tune.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    named = no_finding_note({"king"}, ())
    assert "King" in named and named != no_finding_note()
    # the rule base's categories; a rule of another category out of force tells nothing
    result = Score(categories={"kh.d": "defamation", "kh.i": "incitement"})
    for item, rep in zip(read_set(path), (
            report([{"category": "defamation", "severity": "high"}], level="high"),
            report([{"category": "defamation", "severity": "medium"}], level="moderate"),
            report([{"category": "incitement", "severity": "high"}], level="high"),
            report([], [named]),
            report([], [no_finding_note()]),
            report([], [named], not_checked=[before("kh.d")]),
            report([], [no_finding_note()], not_checked=[before("kh.i")]))):
        result.add_outcome(item, rep)
    assert result.outcome_hits == 1
    assert result.miss_said == {"level short": 1, "other finding": 1, "subject named": 1,
                                "generic caveat": 2, "not in force": 1}
    assert result.miss_by_mark == {"plain": result.miss_said}


def test_outcome_and_false_alarms_are_split_by_medium_group(tmp_path):
    """Risky real lines are mostly posts and benign ones mostly releases and interviews, for
    reasons of collection; the measure shows each medium group apart so a gain that only
    shows on posts can be seen for what it may be."""
    import json

    from lawcheck.review.quality import Score, medium_group

    assert [medium_group(m) for m in ("facebook", "interview", "speech", "press_release",
                                      "joint_statement", "website", "banner", None)] == \
        ["post", "spoken", "spoken", "organisation", "organisation", "organisation", "other",
         "other"]
    rows = [{"id": "a", "text": "a", "expect": ["defamation"], "level": "high",
             "medium": "facebook"},
            {"id": "b", "text": "b", "expect": ["defamation"], "level": "high",
             "medium": "interview"},
            {"id": "c", "text": "c", "expect": [], "medium": "press_release"},
            {"id": "d", "text": "d", "expect": [], "medium": "press_release"}]
    path = tmp_path / "tune.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    hit = {"findings": [{"category": "defamation", "severity": "high"}], "caveats": [],
           "risk": {"prosecution": {"level": "high"}, "deregistration": {"level": "none"}}}
    miss = {"findings": [], "caveats": [],
            "risk": {"prosecution": {"level": "none"}, "deregistration": {"level": "none"}}}
    result = Score()
    a, b, c, d = read_set(path)
    result.add_outcome(a, hit)
    result.add_outcome(b, miss)
    result.add(c, {"judicial"})
    result.add(d, set())
    assert result.outcome_by_medium == {"post": [1, 1], "spoken": [0, 1]}
    assert result.alarms_by_medium == {"organisation": [1, 2]}


def test_rules_are_counted_on_benign_and_risky_lines(tmp_path):
    """Per speech rule: benign lines it fires on, those where it is the only speech rule, risky
    lines it fires on, and those whose outcome-bearing finding is its alone. Counts only, so a
    half nobody may read can still be judged rule by rule."""
    import json

    from lawcheck.review.quality import Score

    rows = [{"id": "b1", "text": "a", "expect": []}, {"id": "b2", "text": "b", "expect": []},
            {"id": "r1", "text": "c", "expect": ["defamation"], "level": "high"}]
    path = tmp_path / "tune.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    b1, b2, r1 = read_set(path)

    def rep(*findings):
        return {"findings": [{"rule": r, "category": c, "severity": s} for r, c, s in findings]}

    result = Score()
    result.add_rules(b1, rep(("kh.a", "judicial", "high")))
    result.add_rules(b2, rep(("kh.a", "judicial", "high"), ("kh.b", "defamation", "low"),
                             ("kh.x", "public-order", "high")))
    result.add_rules(r1, rep(("kh.b", "defamation", "high"), ("kh.a", "judicial", "high")))
    assert result.rules == {"kh.a": [2, 1, 1, 0], "kh.b": [1, 0, 1, 1]}
