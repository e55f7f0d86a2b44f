"""Statement analyser benchmark: statements per second of ``Analyser.analyse_many`` and its
ratio to bare ``nlp.tokenizer.pipe`` on the same generated statements, measured in one run.

    python benchmarks/analyser.py [--statements 20000] [--risky 0.2] [--repeat 3]

Statements are 30-80 words built from benign sentences, with a share (``--risky``) carrying one
risky sentence (a call, an accusation, an insult, a court claim). Best of ``--repeat`` runs for
each timing. Prints one JSON object. The target is a ratio of at most 10.
"""

from __future__ import annotations

import argparse
import json
import random
import time

BENIGN = [
    "We thank the Ministry of Health for its support of the vaccination campaign in Svay Rieng.",
    "Our staff held a training on the law on peaceful demonstration for forty community members.",
    "The annual report describes our work on clean water, schools and health in three provinces.",
    "Volunteers distributed rice and hygiene kits to families affected by the floods last month.",
    "The workshop on land rights will take place at the commune hall on Friday morning.",
    "We welcome the decision of the provincial authorities to repair the road to the school.",
    "Commune council elections will be held in June and we will train observers.",
    "The court hearing is scheduled for 10 May at the provincial court.",
    "Farmers in Banteay Meanchey learned new methods to store seed and water for the dry season.",
    "Our partners shared lessons from ten years of community forestry with local officials.",
    "Children from five villages joined a reading club supported by the district education office.",
]
RISKY = [
    "We call on all workers to gather in front of the factory tomorrow.",
    "The district governor is a corrupt thief who took bribes from the company.",
    "According to villagers, the commune chief stole their land.",
    "The court must release the activists and drop the charges now.",
    "Boycott the election and stay home on polling day!",
    "The government sold our land to Vietnam and moved the border posts.",
    "We stand with the CNRP and its leader Kem Sokha.",
]


def statements(count: int, risky_share: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        sentences = []
        while sum(len(s.split()) for s in sentences) < rng.randint(30, 80):
            sentences.append(rng.choice(BENIGN))
        if rng.random() < risky_share:
            sentences[rng.randrange(len(sentences))] = rng.choice(RISKY)
        out.append(" ".join(sentences))
    return out


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--risky", type=float, default=0.2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from lawcheck.speech import Analyser

    texts = statements(args.statements, args.risky)
    words = sum(len(t.split()) for t in texts)
    analyser = Analyser()
    tokenizer = analyser.pipeline.nlp.tokenizer
    list(analyser.analyse_many(texts[:500]))  # warm the tokenizer cache and the pipeline
    tokenize = best(args.repeat, lambda: sum(1 for _ in tokenizer.pipe(texts, batch_size=1000)))
    analyse = best(args.repeat, lambda: sum(1 for _ in analyser.analyse_many(texts)))
    flagged = sum(1 for a in analyser.analyse_many(texts) if a.acts)
    print(json.dumps({
        "statements": len(texts), "words": words, "risky_share": args.risky,
        "statements_with_acts": flagged,
        "tokenizer_s": round(tokenize, 3), "analyser_s": round(analyse, 3),
        "tokenizer_statements_per_s": round(len(texts) / tokenize),
        "analyser_statements_per_s": round(len(texts) / analyse),
        "analyser_words_per_s": round(words / analyse),
        "ratio_to_tokenizer": round(analyse / tokenize, 2),
    }, indent=2))


if __name__ == "__main__":
    main()
