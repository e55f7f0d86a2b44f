"""Measure the statement review on a labelled set: precision and recall per speech category, and
the false-alarm rate on benign statements.

A labelled set is JSONL, one statement per line: ``{"id", "text", "medium", "speaker", "date",
"expect": [categories], "note"}`` (tests/data/README.md). A legal adviser who edits the lexicons
or the speech rules runs ``python benchmarks/quality.py`` to see what the change did.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lawcheck.report.cells import highest_level
from lawcheck.vocabulary import RISK_LEVELS, SEVERITIES

# The categories statements are scored on: the speech offences and duties. Other categories a
# statement can raise (public-order for online posts) ride on these and are not scored.
SPEECH_CATEGORIES = ("incitement", "defamation", "lese-majeste", "judicial",
                     "political-neutrality", "election")
LEVELS = RISK_LEVELS


@dataclass(frozen=True)
class Labelled:
    id: str
    text: str
    source: str
    line: int
    date: date | None
    medium: str | None
    speaker: str | None
    expect: frozenset[str]
    org_type: str | None = None
    language: str | None = None
    level: str | None = None                # the outcome's level (real sets): critical, high …
    # the item's own precedent, left out of the likeness comparison: a statement must not be
    # found by its own quote (tests/data/real: "precedent")
    exclude_precedents: tuple[str, ...] = ()
    # when the item joined the set (tests/data/real: "added"); lets a benchmark report the items
    # nobody has yet seen a result for apart from the older ones
    added: str | None = None
    # the learned model to score it with when the shipped one was trained on it: the model of
    # the cross-validation fold that did not see it (lawcheck.speech.learned_crossfit.crossfitted)
    learned: object = None
    # who really published it, as the source says (tests/data/real: "org_type"); the review reads
    # every line as a domestic NGO's, so this only splits the false alarms by author
    author: str | None = None
    # the labeller's mark on a risky real line (tests/data/real: "note"): "hard to label" when the
    # sanction rested on more than the words, "fragment" for a headline or a few words, else
    # "plain": the words alone carry the risk (see label_mark); on a benign line, "borderline"
    # when the labeller found the words sharp and the line benign only because no action was
    # found, else "clear" (see benign_mark)
    mark: str | None = None


def label_mark(note: str | None) -> str:
    """How much of the sanction the words themselves explain, from the labeller's note."""
    text = (note or "").lower()
    return "hard to label" if "hard to label" in text else \
        "fragment" if "fragment" in text else "plain"


def benign_mark(note: str | None) -> str:
    """Whether the labeller of a benign line called it borderline: words like those punished
    elsewhere, benign only because the sources show no action (tests/data/real/README.md)."""
    return "borderline" if "borderline" in (note or "").lower() else "clear"


def miss_kind(report: dict, strong: bool, expect=frozenset(), categories=None) -> str:
    """What a report said about a risky statement whose outcome it missed (Score.miss_said).
    ``categories`` (rule id -> category, from the rule base) lets a miss be told apart whose
    report says a rule of one of the statement's own categories was not in force on its date:
    no reading of the words could have caught it, only a law modelled for that date."""
    from lawcheck.speech.measured import subject_part

    if strong:
        return "level short"
    if categories and any(str(n.get("reason", "")).startswith("not in force")
                          and categories.get(n.get("rule")) in expect
                          for n in report.get("not_checked") or ()):
        return "not in force"
    if report["findings"]:
        return "other finding"
    if any(subject_part(c) for c in report.get("caveats") or ()):
        return "subject named"
    return "generic caveat"


MEDIUM_GROUPS = {"facebook": "post", "speech": "spoken", "interview": "spoken",
                 "press_release": "organisation", "joint_statement": "organisation",
                 "website": "organisation"}


def medium_group(medium: str | None) -> str:
    """Posts (a social-media post), spoken (speech, interview), published by an organisation
    (press release, joint statement, website), or other (banner, other, not given)."""
    return MEDIUM_GROUPS.get(medium or "", "other")


def author_group(org_type: str | None) -> str:
    """Domestic, foreign or not given (UN bodies, embassies and people carry no org_type)."""
    if org_type is None:
        return "not given"
    return "foreign" if org_type.startswith("foreign") else "domestic"


@dataclass
class Score:
    statements: int = 0
    benign: int = 0
    false_alarms: int = 0
    counts: dict = field(default_factory=lambda: {c: [0, 0, 0] for c in SPEECH_CATEGORIES})
    errors: list = field(default_factory=list)  # (id, missed, extra, text)
    # the measure for sets with outcome levels: a risky statement counts when a finding
    # of one of its categories has severity medium or more and the higher risk level reaches
    # the outcome's level
    outcome_total: int = 0
    outcome_hits: int = 0
    outcome_misses: list = field(default_factory=list)  # (id, reached level, wanted level)
    # false alarms and benign lines by author group: whether a foreign body's court criticism
    # should count against a screener for Cambodian NGOs is a labelling question for a lawyer
    by_author: dict = field(default_factory=dict)        # group -> [false alarms, benign]
    # the outcome measure by the labeller's mark (Labelled.mark): whether the words alone carry
    # the risk decides how much a reader of words can be asked to catch
    outcome_by_mark: dict = field(default_factory=dict)  # mark -> [hits, risky]
    # what a risky statement's report said when it missed the outcome (issue 8, never a silent
    # clean): "level short" (a finding of its category, level below the outcome's), "not in
    # force" (a rule of its category was not in force on its date, and the report says so), "other
    # finding" (findings, none of its categories at medium or more), "subject named" (no finding,
    # and the caveat names a sensitive subject it touches: specific), "generic caveat" (no
    # finding and only the general "no finding is not clearance" caveat), by label mark
    miss_by_mark: dict = field(default_factory=dict)     # mark -> {kind: count}
    # the outcome and the false alarms by medium group (medium_group): in the real set the
    # medium separates risky from benign for reasons of collection (risky lines are mostly
    # posts, benign ones releases and interviews), so a gain that only shows on posts may have
    # learned the collection, not the law (tests/data/README.md, "the medium")
    outcome_by_medium: dict = field(default_factory=dict)  # group -> [hits, risky]
    alarms_by_medium: dict = field(default_factory=dict)   # group -> [false alarms, benign]
    # the false alarms by the labeller's mark on benign lines (benign_mark): a "no action found"
    # line the labeller called borderline is weaker evidence of a false alarm than a clear one
    alarms_by_mark: dict = field(default_factory=dict)     # mark -> [false alarms, benign]
    # per speech rule: [benign lines it fires on, benign lines it is the only speech rule on,
    # risky lines it fires on, risky lines whose only finding of their category at medium or
    # more is this rule's]; aggregates a change can be judged by on a half it may not read
    rules: dict = field(default_factory=dict)
    # rule id -> category, from the reviewer's rule base (score): tells a "not in force" miss
    categories: dict = field(default_factory=dict)

    def add_outcome(self, item: Labelled, report: dict) -> None:
        if not item.expect or item.level not in LEVELS:
            return
        self.outcome_total += 1
        strong = any(f["category"] in item.expect and SEVERITIES.index(f["severity"]) >=
                     SEVERITIES.index("medium") for f in report["findings"])
        reached = highest_level(report)
        tally = self.outcome_by_mark.setdefault(item.mark or "plain", [0, 0])
        tally[1] += 1
        by_medium = self.outcome_by_medium.setdefault(medium_group(item.medium), [0, 0])
        by_medium[1] += 1
        if strong and LEVELS.index(reached) >= LEVELS.index(item.level):
            self.outcome_hits += 1
            tally[0] += 1
            by_medium[0] += 1
        else:
            self.outcome_misses.append((item.id, reached if strong else "no finding",
                                        item.level))
            kind = miss_kind(report, strong, item.expect, self.categories)
            by_mark = self.miss_by_mark.setdefault(item.mark or "plain", {})
            by_mark[kind] = by_mark.get(kind, 0) + 1

    @property
    def miss_said(self) -> dict:
        """What the misses' reports said, all marks together: kind -> count."""
        said: dict = {}
        for kinds in self.miss_by_mark.values():
            for kind, n in kinds.items():
                said[kind] = said.get(kind, 0) + n
        return said

    def add_rules(self, item: Labelled, report: dict) -> None:
        speech = [f for f in report["findings"] if f["category"] in SPEECH_CATEGORIES]
        fired = {f["rule"] for f in speech}
        for rule in sorted(fired):  # sorted: the benchmark's JSON is the same run to run
            self.rules.setdefault(rule, [0, 0, 0, 0])[0 if not item.expect else 2] += 1
        if not item.expect:
            if len(fired) == 1:
                self.rules[next(iter(fired))][1] += 1
            return
        carrying = {f["rule"] for f in speech if f["category"] in item.expect and
                    SEVERITIES.index(f["severity"]) >= SEVERITIES.index("medium")}
        if len(carrying) == 1:
            self.rules[next(iter(carrying))][3] += 1

    def outcome_recall(self) -> float | None:
        return self.outcome_hits / self.outcome_total if self.outcome_total else None

    def add(self, item: Labelled, found: set[str]) -> None:
        self.statements += 1
        if not item.expect:
            self.benign += 1
            self.false_alarms += bool(found)
            tally = self.by_author.setdefault(author_group(item.author), [0, 0])
            tally[0] += bool(found)
            tally[1] += 1
            for tallies, key in ((self.alarms_by_medium, medium_group(item.medium)),
                                 (self.alarms_by_mark, item.mark or "clear")):
                tally = tallies.setdefault(key, [0, 0])
                tally[0] += bool(found)
                tally[1] += 1
        for c in SPEECH_CATEGORIES:
            tp_fp_fn = self.counts[c]
            if c in item.expect and c in found:
                tp_fp_fn[0] += 1
            elif c in found:
                tp_fp_fn[1] += 1
            elif c in item.expect:
                tp_fp_fn[2] += 1
        missed, extra = item.expect - found, found - item.expect
        if missed or extra:
            self.errors.append((item.id, sorted(missed), sorted(extra), item.text))

    def table(self) -> dict:
        out = {}
        for c, (tp, fp, fn) in self.counts.items():
            out[c] = {"support": tp + fn, "precision": tp / (tp + fp) if tp + fp else None,
                      "recall": tp / (tp + fn) if tp + fn else None,
                      "tp": tp, "fp": fp, "fn": fn}
        return out

    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.benign if self.benign else 0.0


def read_set(path: Path, org_type: str = "domestic_ngo", *, dated: bool = True) -> list[Labelled]:
    """The labelled statements, as a domestic NGO would publish them (the neutrality duty binds
    NGOs, not associations: the type decides whether that rule can run at all). ``dated=False``
    drops the dates: every statement is read as if published on the reviewer's date. A line
    the learned model was trained on is scored by the model of the fold that did not see it."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        day = date.fromisoformat(row["date"]) if row.get("date") and dated else None
        items.append(Labelled(row["id"], row["text"], path.name, number, day,
                              row.get("medium"), row.get("speaker"),
                              frozenset(row.get("expect") or ()), org_type,
                              level=row.get("level"),
                              exclude_precedents=(row["precedent"],) if row.get("precedent")
                              else (), added=row.get("added"), author=row.get("org_type"),
                              mark=(label_mark if row.get("expect") else benign_mark)(row.get("note"))))
    from lawcheck.speech.learned_crossfit import crossfitted

    return crossfitted(items, path)


def score(items: list[Labelled], reviewer) -> Score:
    # the rule base behind the reviewer (the benchmark may wrap it: LevelGuard.reviewer)
    rules = getattr(getattr(reviewer, "reviewer", reviewer), "rules", None) or {}
    result = Score(categories={rid: getattr(r, "category", None) for rid, r in rules.items()})
    for item in items:
        report = reviewer.review(item)
        found = {f["category"] for f in report["findings"]} & set(SPEECH_CATEGORIES)
        result.add(item, found)
        result.add_outcome(item, report)
        result.add_rules(item, report)
    return result
