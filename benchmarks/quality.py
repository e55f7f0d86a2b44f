"""Statement-review quality on the labelled sets: precision and recall per speech category, the
false-alarm rate on benign statements and, for the real published statements, the issue's
outcome measure (a finding of the statement's category at severity medium or more, and a risk
level reaching the level of what the authorities did).

    python benchmarks/quality.py [--errors] [--set tests/data/statements-dev.jsonl ...]

Default sets: development, training, held-out, real tuning part, real untouched part, the
real Khmer tuning and untouched parts (tests/data/khmer/real), and the paraphrase set's tune and
sealed parts (tests/data/paraphrase: new wording nobody tuned on, see below). The real
parts are scored twice: at their real dates, and undated (read as published on 2026-12-01). A
real statement's own precedent is left out of the likeness comparison, so it is never found by
its own quote. Likewise a line of the learned signal's training files (real/tune.jsonl,
statements-train.jsonl) is scored by the model of the grouped cross-validation fold that did not
see it, never by the shipped model (``read_set`` -> ``lawcheck.speech.learned_crossfit.crossfitted``), so
the tuning figure stays honest.

A real part whose lines carry an ``added`` tag is also scored on the items of the newest
collection pass and on every pass nobody has yet read a result for (``UNREAD_SINCE``), so those
figures stay apart from the older ones.

``--errors`` lists misses and false alarms, but never for the held-out set, the untouched real
part or the paraphrase set's sealed part: their figures are honest only while nobody tunes on
their items (tests/data/README.md); for those it prints that the listing was refused.

The paraphrase set (tests/data/paraphrase, written by the lawcheck team in session 29 without
reading the analyser's vocabulary) measures wording nobody tuned on: risky sentences of eleven
families in varied voice, adjuncts, synonyms and order, and benign sentences with the same
surface words. Its tune part may be listed with ``--errors``; its sealed part prints aggregates
only. Besides the usual table, each part prints the outcome and the false alarms per family and
split by the writer's "borderline" mark (risky lines too: label_mark does not read it there).

``--half study|check`` keeps only one half of the real tuning part, split by event (the line's
``split_key``, else its precedent, else its source URL, else its id, hashed with its own salt so
the halves do not follow the tune/untouched split). An engineer changing the analyser lists the
study half's errors and reads only the check half's aggregates (``--errors`` is refused there):
a change that moves the study half and not the check half has learned its wording, not its
pattern, and that can be seen before the untouched part is ever measured.

``--rules`` adds, per speech rule, the benign lines it fires on (and those it is alone on), the
risky lines it fires on, and those whose outcome-bearing finding is its alone: counts only, so it
may be used on the check half; on a sealed set, for reporting, never for choosing a change.

``--law-text tune|untouched`` reviews the law-text set (benchmarks/law_texts.py): every article of
real Cambodian laws read in place from ../shared, each as a benign statement (quoting a law is
not an offence), split by document. Per part and language it prints the articles and those
with a speech finding of severity medium or more (the false alarm); per rule and, with
``--errors``, the articles themselves on the tune part only. The default run (no ``--set``)
includes both parts.

Each set's table also splits the outcome and false alarms by label mark and medium group, and
counts each missed risky line by what its report said instead (a finding at too low a level,
another category's finding, a caveat naming the subject, or only the general caveat).

The outcome recall and the false-alarm rate are printed with their 95 % Wilson interval
(scipy's, :func:`interval`): with 137 risky untouched lines one line more or less moves the
recall by 0.007, and a round's change should be read against the interval's width, not the third
decimal. The JSON object does not carry them (it stays comparable across rounds).

Prints a table per set, then one JSON object with every number.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DEFAULT_SETS = [DATA / "statements-dev.jsonl", DATA / "statements-train.jsonl",
                DATA / "statements-heldout.jsonl", DATA / "real" / "tune.jsonl",
                DATA / "real" / "untouched.jsonl", DATA / "khmer" / "real" / "tune.jsonl",
                DATA / "khmer" / "real" / "untouched.jsonl"]
SEALED = ("statements-heldout.jsonl", "untouched.jsonl", "sealed.jsonl")  # never list their items
PARAPHRASE = DATA / "paraphrase"
DEFAULT_SETS += [PARAPHRASE / "tune.jsonl", PARAPHRASE / "sealed.jsonl"]
UNDATED_AS_OF = date(2026, 12, 1)
# the first collection pass whose untouched items nobody has read a result for (misses listed,
# texts opened); move it on when someone reads them, so "unread" stays true
UNREAD_SINCE = "2026-12-06b"
HALVES = ("study", "check")  # lawcheck.speech.learned_build.HALVES (tests hold them equal)
MISS_KINDS = ("level short", "not in force", "other finding", "subject named",
              "generic caveat")
LAW_TEXT_PARTS = ("tune", "untouched")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", type=Path, help="a labelled JSONL set")
    parser.add_argument("--errors", action="store_true",
                        help="list every miss and false alarm (not for sealed sets)")
    parser.add_argument("--rules", action="store_true",
                        help="per speech rule: benign and risky lines it fires on (counts only)")
    parser.add_argument("--half", choices=HALVES,
                        help="only one half of the real tuning part, split by event")
    parser.add_argument("--law-text", action="append", choices=LAW_TEXT_PARTS,
                        help="a part of the law-text set (articles of real laws, benign)")
    parser.add_argument("--learned", type=Path,
                        help="score every line with this learned artefact (a study's, from "
                             "`python -m lawcheck.speech.learned_build build --fit-half study -o F`) "
                             "instead of the shipped model and its cross-fitted folds")
    args = parser.parse_args()
    if args.half == "check" and args.errors:
        parser.error("--errors is not for the check half: read its aggregates only")
    sys.path.insert(0, str(ROOT))
    from lawcheck.review.reviewer import ReviewerSpec

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        reviewer = ReviewerSpec(db=db, sync=True, as_of=UNDATED_AS_OF).build()
        if args.learned:
            reviewer.learned = use_learned(args.learned, parser)
        # --law-text alone reviews only the law-text set
        for path in args.set or ([] if args.law_text else DEFAULT_SETS):
            if not path.is_file():
                print(f"\n{path.name}: not present, skipped")
                continue
            real = path.parent.name == "real"
            if args.half and (not real or path.name in SEALED):
                print(f"\n{path.name}: --half is for the real tuning part only, skipped")
                continue
            runs = [("dated", True), ("undated", False)] if real else [("", True)]
            for label, dated in runs:
                name = set_name(path) if real or paraphrase(path) else path.name
                name = f"{name} ({label})" if label else name
                if args.half:
                    name = f"{name}, {args.half} half"
                    results[name] = report(name, path, reviewer, dated, args.errors,
                                           half_items(path, dated, args.half), args.rules)
                    continue
                results[name] = report(name, path, reviewer, dated, args.errors,
                                       rules=args.rules)
                if real:
                    for tag, items in fresh_groups(path, dated):
                        results[f"{name}, added {tag}"] = report(
                            f"{name}, added {tag}", path, reviewer, dated, args.errors, items)
        law_parts = args.law_text or ([] if args.set or args.half else list(LAW_TEXT_PARTS))
        for part in law_parts:
            results.update(law_text_report(part, reviewer, args.errors))
    print(json.dumps(results))
    return 0


def set_name(path: Path) -> str:
    """A real part's name: "real/tune.jsonl", "khmer/real/untouched.jsonl" (two real sets share
    the file names)."""
    path = path.resolve()
    return path.relative_to(DATA).as_posix() if path.is_relative_to(DATA) else \
        f"{path.parent.name}/{path.name}"


def paraphrase(path: Path) -> bool:
    """A part of the paraphrase set (tests/data/paraphrase/tune.jsonl, sealed.jsonl)."""
    return path.parent.name == "paraphrase"


def paraphrase_split(path: Path, result) -> dict:
    """A paraphrase part's outcome and false alarms per family and by the writer's borderline
    mark (a note with "borderline", on risky lines as on benign ones): counts only, so they are
    printed for the sealed part too. {"family": {name: [hits, risky, false alarms, benign]},
    "mark": {"borderline"|"clear": [...]}}."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    missed = {sid for sid, _reached, _wanted in result.outcome_misses}
    flagged = {sid for sid, missed_, extra, _text in result.errors if extra and not missed_}
    split: dict = {"family": {}, "mark": {}}
    for row in rows:
        mark = "borderline" if "borderline" in (row.get("note") or "").lower() else "clear"
        for key, group in (("family", row.get("family") or "not given"), ("mark", mark)):
            tally = split[key].setdefault(group, [0, 0, 0, 0])
            if row.get("expect"):
                tally[0] += row["id"] not in missed
                tally[1] += 1
            else:
                tally[2] += row["id"] in flagged
                tally[3] += 1
    return split


def half_of(row: dict) -> str:
    """The half (study or check) a real line's event falls in: the package's definition, which
    the learned signal's studies use too (lawcheck.speech.learned_build.half_of)."""
    from lawcheck.speech.learned_build import half_of as package_half_of

    return package_half_of(row)


def half_items(path: Path, dated: bool, half: str) -> list:
    from lawcheck.review.quality import read_set

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    keep = {row["id"] for row in rows if half_of(row) == half}
    return [i for i in read_set(path, dated=dated) if i.id in keep]


def fresh_groups(path: Path, dated: bool) -> list[tuple[str, list]]:
    """The items of a real part added by the newest collection pass (its ``added`` tag: passes
    are tagged 2026-12-06b, 2026-12-06c, 2026-12-06d ...), and, when more than one pass is still
    unread, the sealed part's items of every pass from UNREAD_SINCE on; empty when no item is tagged."""
    from lawcheck.review.quality import read_set

    items = read_set(path, dated=dated)
    tags = sorted({i.added for i in items if i.added})
    if not tags:
        return []
    newest = [i for i in items if i.added == tags[-1]]
    # a set made of one pass only needs no second table of the same lines
    groups = [(tags[-1], newest)] if len(newest) < len(items) else []
    unread = [i for i in items if i.added and i.added >= UNREAD_SINCE]
    if path.name in SEALED and len({i.added for i in unread}) > 1:
        groups.append((f"{UNREAD_SINCE} or later (unread)", unread))
    return groups


LEARNED: dict = {}  # --learned: the model every line is scored with, and the ids it was fit on


def use_learned(path: Path, parser):
    """The artefact of ``--learned``, and the ids it was fitted on (a study's lists them; a
    whole build saw every training line)."""
    from lawcheck.speech.learned import Learned
    from lawcheck.speech.learned_build import read_rows

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = Learned(data)
    except (OSError, ValueError, KeyError) as e:
        parser.error(f"--learned {path}: not a learned artefact ({e}); build one with "
                     "python -m lawcheck.speech.learned_build build -o FILE")
    seen = set((data.get("fit") or {}).get("ids") or (r["id"] for r in read_rows()))
    LEARNED.update(model=model, seen=seen)
    return model


def with_learned(items: list) -> list:
    """With ``--learned``, every item scored by that artefact; how many it was fitted on is
    said (their figures flatter it), never which."""
    from dataclasses import replace

    if "model" not in LEARNED:
        return items
    fitted = sum(i.id in LEARNED["seen"] for i in items)
    if fitted:
        print(f"\n--learned: {fitted} of these {len(items)} lines were in the artefact's fit "
              "(scored by a model that saw them: optimistic)")
    return [replace(i, learned=LEARNED["model"]) for i in items]


def report(name: str, path: Path, reviewer, dated: bool, errors: bool, items=None,
           rules: bool = False) -> dict:
    from lawcheck.review.quality import read_set, score

    items = with_learned(items if items is not None else read_set(path, dated=dated))
    levels = LevelGuard(reviewer)
    result = score(items, levels)
    table = result.table()
    print(f"\n{name}: {result.statements} statements, {result.benign} benign")
    print(f"{'category':22} {'support':>7} {'precision':>9} {'recall':>7}")
    for category, row in table.items():
        p = "-" if row["precision"] is None else f"{row['precision']:.3f}"
        r = "-" if row["recall"] is None else f"{row['recall']:.3f}"
        print(f"{category:22} {row['support']:7d} {p:>9} {r:>7}")
    print(f"false alarms on benign: {result.false_alarms}/{result.benign} = "
          f"{result.false_alarm_rate():.3f}{interval(result.false_alarms, result.benign)}")
    if path.parent.name == "real" and result.benign:
        print("  by author: " + ", ".join(f"{group} {fa}/{n}" for group, (fa, n)
                                          in sorted(result.by_author.items())))
    if (path.parent.name == "real" or paraphrase(path)) and result.benign:
        print("  by medium: " + ", ".join(f"{group} {fa}/{n}" for group, (fa, n)
                                          in sorted(result.alarms_by_medium.items())))
        print("  by label mark: " + ", ".join(f"{mark} {fa}/{n}" for mark, (fa, n)
                                              in sorted(result.alarms_by_mark.items())))
    if result.benign:  # the guard against level inflation (issue 13, levels fifth round)
        print(f"benign at high or critical risk: {len(levels.inflated)}/{result.benign}")
    if result.outcome_total:
        print(f"outcome recall (category finding >= medium and level reached): "
              f"{result.outcome_hits}/{result.outcome_total} = {result.outcome_recall():.3f}"
              f"{interval(result.outcome_hits, result.outcome_total)}")
        if len(result.outcome_by_mark) > 1 or "plain" not in result.outcome_by_mark:
            print("  by label mark: " + ", ".join(f"{mark} {hits}/{n}" for mark, (hits, n)
                                                 in sorted(result.outcome_by_mark.items())))
        print("  by medium: " + ", ".join(f"{group} {hits}/{n}" for group, (hits, n)
                                          in sorted(result.outcome_by_medium.items())))
        if result.miss_said:  # never a silent clean: what the misses' reports said instead
            print("  misses, what the report said: " + ", ".join(
                f"{kind} {result.miss_said.get(kind, 0)}" for kind in MISS_KINDS))
            for mark, kinds in sorted(result.miss_by_mark.items()):
                print(f"    {mark}: " + ", ".join(f"{kind} {kinds.get(kind, 0)}"
                                                  for kind in MISS_KINDS))
    if rules and result.rules:  # counts only, so allowed on the check half and sealed sets
        print(f"  {'rule':52} {'benign':>6} {'alone':>5} {'risky':>5} {'carries':>7}")
        for rule, (benign, alone, risky, carries) in sorted(
                result.rules.items(), key=lambda kv: (-kv[1][0], -kv[1][2], kv[0])):
            print(f"  {rule:52} {benign:6d} {alone:5d} {risky:5d} {carries:7d}")
    split = paraphrase_split(path, result) if paraphrase(path) else None
    if split:  # counts per family and by the writer's borderline mark (sealed part too)
        print("  outcome / false alarms by family: " + ", ".join(
            f"{family} {hits}/{risky}, {fa}/{benign}" for family, (hits, risky, fa, benign)
            in sorted(split["family"].items())))
        print("  outcome / false alarms by the writer's mark: " + ", ".join(
            f"{mark} {hits}/{risky}, {fa}/{benign}" for mark, (hits, risky, fa, benign)
            in sorted(split["mark"].items())))
    if errors and path.name in SEALED:
        print(f"  --errors refused for {path.name}: a sealed set, aggregates only")
    if errors and path.name not in SEALED:
        for sid, missed, extra, text in result.errors:
            print(f"  {sid}: missed {missed} extra {extra}: {text}")
        for sid, reached, wanted in result.outcome_misses:
            print(f"  {sid}: level {reached}, outcome {wanted}")
        for sid, reached in levels.inflated:
            print(f"  {sid}: benign, level {reached}")
    return {"statements": result.statements, "benign": result.benign,
            "false_alarms": result.false_alarms,
            "false_alarm_rate": result.false_alarm_rate(), "categories": table,
            "false_alarms_by_author": result.by_author,
            "benign_high_or_critical": len(levels.inflated),
            "outcome_hits": result.outcome_hits, "outcome_total": result.outcome_total,
            "outcome_recall": result.outcome_recall(),
            "outcome_by_mark": result.outcome_by_mark, "miss_said": result.miss_said,
            "miss_by_mark": result.miss_by_mark,
            "outcome_by_medium": result.outcome_by_medium, "rules": result.rules,
            "false_alarms_by_medium": result.alarms_by_medium,
            "false_alarms_by_mark": result.alarms_by_mark,
            **({"paraphrase_split": split} if split else {})}


def interval(hits: int, total: int) -> str:
    """The text " (95 % interval a-b)": the Wilson score interval of hits/total (scipy), or "" for none.
    Wilson rather than the normal approximation: it stays inside 0-1 and is honest near 0 and 1
    and for the small parts (a few risky Khmer lines)."""
    if not total:
        return ""
    from scipy.stats import binomtest

    low, high = binomtest(hits, total).proportion_ci(0.95, method="wilson")
    return f" (95 % interval {low:.3f}-{high:.3f})"


def law_text_report(part: str, reviewer, errors: bool) -> dict:
    """The law-text set's part, per language: articles, articles with a speech finding of
    severity medium or more (a false alarm: a law defining an offence does not commit it), and,
    on the tune part only, the rules behind them (and with ``errors`` the articles)."""
    from benchmarks import law_texts

    absent = law_texts.missing(part)
    if absent:
        print(f"\nlaw-text {part}: skipped, not in {law_texts.SHARED}: {', '.join(absent)} "
              "(third-party texts are read in place, never copied into the project)")
        return {}
    results = {}
    for language in ("en", "km"):
        name = f"law-text {part} {language}"
        articles = law_texts.articles(part, language)
        alarms, rules, listed = 0, {}, []
        for article in articles:
            fired = sorted(law_text_alarms(reviewer.review(article)))
            alarms += bool(fired)
            for rule in fired:
                rules[rule] = rules.get(rule, 0) + 1
            if fired:
                listed.append((article.id, fired, article.text))
        print(f"\n{name}: {len(articles)} articles, with a speech finding >= medium: "
              f"{alarms}/{len(articles)}")
        results[name] = {"articles": len(articles), "false_alarms": alarms}
        if part != "tune":
            continue  # the untouched part: its aggregates only
        for rule, n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {rule:52} {n:4d}")
        results[name]["rules"] = dict(sorted(rules.items()))
        if errors:
            for aid, fired, text in listed:
                print(f"  {aid}: {', '.join(fired)}: {' '.join(text.split())[:300]}")
    return results


def law_text_alarms(report: dict) -> set[str]:
    """The rules of a report's speech findings of severity medium or more."""
    from lawcheck.review.quality import SPEECH_CATEGORIES
    from lawcheck.vocabulary import SEVERITIES

    medium = SEVERITIES.index("medium")
    return {f["rule"] for f in report["findings"] if f["category"] in SPEECH_CATEGORIES
            and SEVERITIES.index(f["severity"]) >= medium}


class LevelGuard:
    """The reviewer, noting each benign statement whose higher risk level (prosecution or
    deregistration) is high or critical: a level rule that lifts benign words there needs a
    strong reason, so the benchmark counts them per set."""

    def __init__(self, reviewer) -> None:
        self.reviewer, self.inflated = reviewer, []

    def review(self, item) -> dict:
        from lawcheck.report.cells import highest_level

        report = self.reviewer.review(item)
        reached = highest_level(report)
        if not item.expect and reached in ("high", "critical"):
            self.inflated.append((item.id, reached))
        return report


if __name__ == "__main__":
    raise SystemExit(main())
