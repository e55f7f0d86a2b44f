"""Engine benchmark: evaluations per second of the durable_rules engine and the reference
evaluator over the same rule base and the same 1,000 fact sets, in one run, with a check that
both found exactly the same (key, fact set) matches.

    python benchmarks/engine.py [--contexts 1000] [--seed 7] [--repeat 3] [--generated]

The rule base is the shipped one (rules/facts.yaml and rules/kh/*.yaml); if it does not load
(or with --generated), ~30 rules are generated over a generated vocabulary. Fact sets are drawn
reproducibly (seeded) from the vocabulary, half their values taken from the values the
conditions compare with (so that rules do fire), and passed through lawcheck.engine.normalise.

Two shapes are timed: one ``matches`` call with all fact sets (batch) and one call per fact
set (single, as a one-off check would). The best of ``--repeat`` runs is kept. Printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lawcheck.engine import Compiled, compile_rulebase, normalise  # noqa: E402
from lawcheck.engine.reference import ReferenceEngine  # noqa: E402
from lawcheck.rulebase.conditions import leaves  # noqa: E402
from lawcheck.rulebase.model import OPS_BY_TYPE, All, Any, Cmp, FactSpec, Not  # noqa: E402


def shipped() -> tuple[Compiled, str]:
    from lawcheck.rulebase.loader import load
    rulebase = load(ROOT / "rules", provisions=None)
    return compile_rulebase(rulebase), f"shipped ({len(rulebase.rules)} rules)"


def generated(rng: random.Random, rules: int = 30) -> tuple[Compiled, str]:
    """A vocabulary of each type and ``rules`` random condition trees (depth ≤ 3)."""
    facts = {}
    for kind in ("bool", "int", "number", "date", "enum", "string", "labels"):
        for i in range(3):
            name = f"activity.{kind}{i}"
            values = tuple(f"v{j}" for j in range(5)) if kind in ("enum", "labels") else ()
            facts[name] = FactSpec(name, kind, "", "", values)

    def tree(depth: int):
        if depth == 0 or rng.random() < 0.3:
            spec = facts[rng.choice(sorted(facts))]
            op = rng.choice(sorted(OPS_BY_TYPE[spec.type]))
            if op in ("exists", "missing"):
                return Cmp(spec.name, op)
            if op == "in":
                return Cmp(spec.name, op, tuple(value(rng, spec) for _ in range(3)))
            return Cmp(spec.name, op, value(rng, spec, element=True))
        kind = rng.choice([All, All, Any, Not])
        if kind is Not:
            return Not(tree(depth - 1))
        return kind(tuple(tree(depth - 1) for _ in range(rng.randint(2, 3))))
    keys = tuple((("fire", f"gen.r{i}"), tree(3)) for i in range(rules))
    return Compiled(keys, facts, "generated"), f"generated ({rules} rules)"


def value(rng: random.Random, spec: FactSpec, element: bool = False, near=()):
    """A random value of the fact's type; half the time one of ``near`` (moved a little)."""
    kind = spec.type
    if near and rng.random() < 0.5:
        pick = rng.choice(near)
        if kind == "int":
            return pick + rng.choice([-1, 0, 0, 1])
        if kind == "number":
            return pick + rng.choice([-0.5, 0.0, 0.0, 0.5])
        if kind == "date":
            return pick + timedelta(days=rng.choice([-1, 0, 0, 1]))
        if kind != "labels":
            return pick
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.randint(0, 500)
    if kind == "number":
        return round(rng.uniform(0, 1000), 2)
    if kind == "date":
        return date(2009, 1, 1) + timedelta(days=rng.randint(0, 6000))
    if kind == "enum" or (kind == "labels" and element):
        return rng.choice(spec.values)
    if kind == "labels":
        return sorted(set(rng.sample(spec.values, rng.randint(0, min(3, len(spec.values))))))
    return rng.choice(["", "yes", "no", "other"])


def fact_sets(compiled: Compiled, count: int, rng: random.Random) -> list[dict]:
    near: dict[str, list] = {}
    for _, tree in compiled.keys:
        for leaf in leaves(tree):
            if leaf.op not in ("exists", "missing", "contains"):
                near.setdefault(leaf.fact, []).extend(
                    leaf.value if leaf.op == "in" else [leaf.value])
    out = []
    for _ in range(count):
        raw = {name: value(rng, spec, near=tuple(near.get(name, ())))
               for name, spec in compiled.facts.items() if rng.random() < 0.85}
        out.append(normalise(raw, compiled.facts))
    return out


def timed(engine, compiled: Compiled, contexts: list[dict], repeat: int) -> dict:
    start = time.perf_counter()
    engine.matches(compiled, contexts[:1])  # load (durable: ruleset creation)
    load = time.perf_counter() - start
    batch = single = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        found = engine.matches(compiled, contexts)
        batch = min(batch, time.perf_counter() - start)
        start = time.perf_counter()
        singles = [engine.matches(compiled, [context]) for context in contexts]
        single = min(single, time.perf_counter() - start)
        assert {(key, i) for i, one in enumerate(singles) for key, _ in one} == found
    n = len(contexts)
    return {"first_call_s": round(load, 4), "batch_per_s": round(n / batch),
            "single_per_s": round(n / single), "matches": len(found), "_found": found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contexts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--generated", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    compiled, label = None, ""
    if not args.generated:
        try:
            compiled, label = shipped()
        except Exception as exc:  # noqa: BLE001 - not written yet, or broken: say so
            print(f"shipped rule base does not load ({type(exc).__name__}); using a generated "
                  "one", file=sys.stderr)
    if compiled is None:
        compiled, label = generated(rng)
    contexts = fact_sets(compiled, args.contexts, rng)
    from lawcheck.engine.durable import DurableEngine
    durable = timed(DurableEngine(), compiled, contexts, args.repeat)
    reference = timed(ReferenceEngine(), compiled, contexts, args.repeat)
    identical = durable.pop("_found") == reference.pop("_found")
    from lawcheck.engine.durable import _load
    loaded = _load(compiled)
    durable["rulesets"] = len(loaded.names)
    durable["durable_rules"] = sum(len(loaded.host.get_ruleset(name).get_definition())
                                   for name in loaded.names)
    print(json.dumps({
        "rule_base": label, "keys": len(compiled.keys), "facts": len(compiled.facts),
        "fact_sets": len(contexts), "seed": args.seed,
        "durable": durable, "reference": reference,
        "reference_over_durable": {
            "batch": round(reference["batch_per_s"] / durable["batch_per_s"], 1),
            "single": round(reference["single_per_s"] / durable["single_per_s"], 1)},
        "identical_matches": identical,
    }, indent=2))
    if not identical:
        sys.exit(1)


if __name__ == "__main__":
    main()
