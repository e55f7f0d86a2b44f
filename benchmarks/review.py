"""Statement-review benchmark (issue 6): throughput against bare spaCy tokenisation, the speed-up
of ``--jobs 2``, and peak memory for 20,000 against 200,000 statements.

    python benchmarks/review.py [--statements 20000] [--large 200000] [--skip-memory]

Each figure comes from one run on this machine, all in the same invocation:

- ``tokeniser_s``: ``spacy.blank("en").tokenizer.pipe`` over the same texts (the baseline);
  ``tokeniser_cpu_s``, ``review_cpu_s`` and ``ratio_cpu``: the same in CPU seconds of the
  process, steadier than wall time when other work shares the machine;
- ``review_s``: the whole review in one process (read CSV, load the rule base and the pipeline,
  analyse, rules, risk, JSONL written to a file); ``ratio`` = review_s / tokeniser_s (target
  ≤ 10); ``setup_s`` is the part spent building the reviewer (loading rules and lexicons);
- ``review_recorded_s``: the same, also recording the run in the audit trail (what the command
  line does by default; ``review_s`` is the review alone, as the issue defines it);
  ``review_recorded_cpu_s`` and ``ratio_recorded_cpu``: the same in CPU seconds;
- ``jobs2_s``: the same as ``review_s`` with ``--jobs 2`` (worker start-up included); ``speedup`` = review_s /
  jobs2_s;
- peak RSS of a child process running ``lawcheck review`` on 20,000 and on 200,000 statements
  (target: the larger within 1.2× of the smaller).

Statements are 30–80 words, generated from sentence templates with varied names, places and
numbers: about one in five carries a risky sentence, the rest are routine NGO communication.
Prints one JSON object at the end.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PLACES = ["Kampong Speu", "Svay Rieng", "Takeo", "Kratie", "Pursat", "Battambang", "Kampot",
          "Prey Veng", "Siem Reap", "Koh Kong", "Mondulkiri", "Stung Treng", "Kandal"]
PEOPLE = ["Sok Dara", "Chea Vanna", "Lim Sophea", "Heng Bopha", "Keo Ratha", "Meas Sreyleak",
          "Pich Sovann", "Ouk Thida", "Nget Chanthou", "Ros Vuthy"]
TOPICS = ["clean water", "land titles", "maternal health", "school meals", "road safety",
          "fisheries", "forest protection", "vocational training", "microfinance", "sanitation"]
BENIGN = [
    "Our team held a {n}-day training on {topic} for {m} community members in {place}.",
    "We thank the provincial department in {place} for its support to the {topic} project.",
    "The annual report for {year} was submitted to the Ministry of Interior on time.",
    "Volunteers visited {m} households in {place} to discuss {topic} and collect feedback.",
    "The workshop explained the Law on Peaceful Demonstration and the notice it requires.",
    "Article 495 of the Criminal Code punishes incitement; our lawyers explained it to staff.",
    "{person} presented the results of the survey on {topic} at the district hall.",
    "A mobile clinic will visit {place} on {day} {month} to offer free check-ups.",
    "We published a short guide on {topic} in Khmer and English for village leaders.",
    "The commune council in {place} agreed to share its budget plan with residents.",
    "Farmers from {m} villages joined the field day on {topic} organised with partners.",
    "Our financial statements for {year} were audited by an independent firm.",
]
RISKY = [
    "Everyone must join the march to the provincial hall in {place} on {day} {month}.",
    "District Governor {person} is a corrupt thief who stole the villagers' land.",
    "The court must release {person} immediately; the charges are politically motivated.",
    "Do not vote in the coming election and spoil your ballots in protest.",
    "The Candlelight Party is the only hope for the country; vote for them.",
    "The government sold our border land in {place} to Vietnam.",
    "Villagers say the police beat {person} during the eviction in {place}.",
]
FILLER = ["The project runs until {year}.", "More information is on our website.",
          "Contact our office in {place} for details.", "We welcome comments from the public.",
          "Photos from the day are available on request.", "The next meeting is in {month}."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def statement(rng: random.Random) -> str:
    """A 30–80-word statement: routine sentences, sometimes one risky sentence among them."""
    target = rng.randint(30, 80)
    sentences, words = [], 0
    risky = rng.random() < 0.2
    while words < target:
        pool = BENIGN if sentences or not risky else RISKY
        template = rng.choice(pool if rng.random() < 0.8 else FILLER)
        text = template.format(n=rng.randint(1, 5), m=rng.randint(10, 900),
                               topic=rng.choice(TOPICS), place=rng.choice(PLACES),
                               person=rng.choice(PEOPLE), year=rng.randint(2020, 2027),
                               day=rng.randint(1, 28), month=rng.choice(MONTHS))
        sentences.append(text)
        words += len(text.split())
    if risky:
        rng.shuffle(sentences)
    return " ".join(sentences)


def write_csv(path: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    words = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "text", "medium", "date"])
        for i in range(count):
            text = statement(rng)
            words += len(text.split())
            out.writerow([f"s{i:06d}", text, rng.choice(["press_release", "facebook"]),
                          "2026-12-05"])
    return words


def texts_of(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row["text"]


def time_tokeniser(path: Path) -> float:
    import spacy

    nlp = spacy.blank("en")
    texts = list(texts_of(path))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.tokenizer.pipe(texts, batch_size=256):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


REVIEW = """
import json, sys, time
from lawcheck import api
src, out, db, jobs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
record = sys.argv[5] == "record"
import os
if os.environ.get("LAWCHECK_BENCH_LEARNED"):  # --learned: this artefact instead of the shipped one
    from lawcheck.speech import learned
    with open(os.environ["LAWCHECK_BENCH_LEARNED"], encoding="utf-8") as fh:
        learned._LOADED[str(learned.ARTEFACT)] = learned.Learned(json.load(fh))
from lawcheck.review.reviewer import ReviewerSpec
t0 = time.perf_counter()
ReviewerSpec(db=db, sync=True).build()
setup = time.perf_counter() - t0
t0, c0 = time.perf_counter(), time.process_time()
from lawcheck.review.batch import write_reviews
from lawcheck.review.outputs import open_writer
reviews = api.review([src], db=db, jobs=jobs, date="2026-12-05", org_type="domestic_ngo",
                     record=record, render={"format": "jsonl"})
summary = write_reviews(reviews, [open_writer("jsonl", out)])
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
# VmHWM is this process image's own peak. getrusage's ru_maxrss is not: Linux carries the
# high-water mark across fork and exec, so a child started by a big parent reports the
# parent's size (that inflated this benchmark's figure for 200,000 statements at first).
hwm = next(int(line.split()[1]) for line in open("/proc/self/status")
           if line.startswith("VmHWM:"))
print(json.dumps({"seconds": elapsed, "cpu_s": cpu, "setup_s": setup, "statements": summary["statements"],
                  "flagged": summary["flagged"], "max_rss_mb": hwm / 1024}))
"""


def run_review(src: Path, out: Path, db: Path, jobs: int, record: bool = False) -> dict:
    done = subprocess.run([sys.executable, "-c", REVIEW, str(src), str(out), str(db), str(jobs),
                           "record" if record else "no"],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"review failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def stable(path: Path) -> list[str]:
    """The output without the time stamp (each run has its own); nothing else may differ."""
    return [json.dumps({k: v for k, v in json.loads(line).items() if k != "checked_at"},
                       sort_keys=True) for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--large", type=int, default=200000)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--learned", type=Path,
                        help="score with this learned artefact (a study's) instead of the "
                             "shipped one, in the one-process runs (--jobs 2's workers may not "
                             "see it)")
    args = parser.parse_args()
    if args.learned:
        import os

        os.environ["LAWCHECK_BENCH_LEARNED"] = str(args.learned.resolve())
    result: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "bench.db"
        small = tmp / "small.csv"
        result["words"] = write_csv(small, args.statements)
        result["statements"] = args.statements
        warm = tmp / "warm.csv"
        write_csv(warm, 50, seed=1)
        run_review(warm, tmp / "warm.jsonl", db, 1)  # loads the shipped corpus once

        result["tokeniser_s"], result["tokeniser_cpu_s"] = time_tokeniser(small)
        one = run_review(small, tmp / "one.jsonl", db, 1)
        result["review_s"] = one["seconds"]
        # CPU seconds too: on a shared machine wall time moves with the load, CPU time much less
        result["review_cpu_s"] = one["cpu_s"]
        result["ratio_cpu"] = one["cpu_s"] / result["tokeniser_cpu_s"]
        result["setup_s"] = one["setup_s"]
        result["flagged"] = one["flagged"]
        result["ratio"] = one["seconds"] / result["tokeniser_s"]
        kept = run_review(small, tmp / "kept.jsonl", db, 1, record=True)
        result["review_recorded_s"] = kept["seconds"]
        result["ratio_recorded"] = kept["seconds"] / result["tokeniser_s"]
        # the whole path in CPU seconds as well: wall time on a shared machine moves with the load
        result["review_recorded_cpu_s"] = kept["cpu_s"]
        result["ratio_recorded_cpu"] = kept["cpu_s"] / result["tokeniser_cpu_s"]
        two = run_review(small, tmp / "two.jsonl", db, 2)
        result["jobs2_s"] = two["seconds"]
        result["speedup"] = one["seconds"] / two["seconds"]
        same = stable(tmp / "one.jsonl") == stable(tmp / "two.jsonl")
        result["jobs2_output_identical"] = same
        print(f"tokeniser {result['tokeniser_s']:.2f} s; review {one['seconds']:.2f} s "
              f"(×{result['ratio']:.1f}; CPU ×{result['ratio_cpu']:.1f}); recorded as a run (the CLI default) "
              f"{kept['seconds']:.2f} s (×{result['ratio_recorded']:.1f}; CPU ×{result['ratio_recorded_cpu']:.1f}); "
              f"--jobs 2 {two['seconds']:.2f} s "
              f"(speed-up ×{result['speedup']:.2f}, identical output: {same})")
        if not args.skip_memory:
            big = tmp / "big.csv"
            write_csv(big, args.large, seed=11)
            a = one["max_rss_mb"]
            b = run_review(big, tmp / "big.jsonl", db, 1)["max_rss_mb"]
            result.update({"rss_small_mb": a, "rss_large_mb": b, "rss_ratio": b / a,
                           "large": args.large})
            print(f"peak RSS {a:.0f} MB for {args.statements} statements, {b:.0f} MB for "
                  f"{args.large} (×{b / a:.2f})")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
