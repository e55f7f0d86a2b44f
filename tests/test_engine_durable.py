"""The durable_rules engine: one regression test per pitfall (dependencies.md §1.2, plus those
found while writing the adapter), each showing the raw durable behaviour where that is safe and
that :class:`DurableEngine` is immune; then a differential test against the reference engine.

Crash-prone probes (segfaults, hangs, background threads) run in a subprocess, so a crash fails
one test instead of killing pytest. The differential test runs ``LAWCHECK_DIFF_EXAMPLES``
Hypothesis examples (300 by default).
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import textwrap
import threading
import uuid
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("durable.engine")

from durable.engine import Host, MessageNotHandledException, MessageObservedException  # noqa: E402
from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lawcheck.engine import Compiled  # noqa: E402
from lawcheck.engine import durable as dmod  # noqa: E402
from lawcheck.engine.durable import DurableEngine, SyncHost, plan  # noqa: E402
from lawcheck.engine.durable_compile import MAX_PROPERTIES, MAX_TERMS, Layout, fnv1a32  # noqa: E402
from lawcheck.engine.reference import ReferenceEngine  # noqa: E402
from lawcheck.errors import InternalError  # noqa: E402
from lawcheck.rulebase.conditions import evaluate  # noqa: E402
from lawcheck.rulebase.model import (  # noqa: E402
    OPS_BY_TYPE, All, Any, Cmp, FactSpec, Not, Unknown,
)

ROOT = Path(__file__).resolve().parents[1]
class RawHost(Host):
    """The research's host (no timer threads) with none of lawcheck's other guards."""

    def _run(self):
        pass


def raw(rules, facts, host=None, name=None, catch=False):
    """A bare durable ruleset of ``rules`` (name -> condition) recording (rule, fact_id) hits;
    returns the host, ruleset name, a fresh sid, the hit list and ``facts`` with that sid."""
    hits = []
    rs = {n: {"all": [{"m": c}], "run": (lambda n: lambda c: hits.append((n, c.m.fact_id)))(n)}
          for n, c in rules.items()}
    if catch:
        rs["catch"] = {"all": [{"m": {"$ex": {"fact_id": 1}}}], "run": lambda c: None}
    host = host or RawHost()
    name = name or "r" + uuid.uuid4().hex
    host.set_rulesets({name: rs})
    sid = uuid.uuid4().hex
    return host, name, sid, hits, [dict(f, sid=sid) for f in facts]


# the same helpers for the probes that run in a subprocess
RAW = "\n".join(["import uuid", "from durable.engine import Host, MessageNotHandledException",
                  inspect.getsource(RawHost), inspect.getsource(raw), ""])


def sub(code: str, timeout: float = 60) -> subprocess.CompletedProcess | None:
    """Run a probe in a fresh interpreter (1.5 GB address-space cap); None if it timed out."""
    def limit():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        return subprocess.run([sys.executable, "-c", RAW + textwrap.dedent(code)], env=env,
                              capture_output=True, text=True, timeout=timeout, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return None


V = {"a.n": FactSpec("a.n", "int", "", ""), "a.x": FactSpec("a.x", "number", "", ""),
     "o.t": FactSpec("o.t", "enum", "", "", ("x", "y")), "b": FactSpec("b", "bool", "", ""),
     "s.l": FactSpec("s.l", "labels", "", "", ("p", "q"))}


def compiled(*trees, version=None, facts=V) -> Compiled:
    return Compiled(tuple((("fire", f"r{i}"), t) for i, t in enumerate(trees)), facts,
                    version or uuid.uuid4().hex)


def same(c: Compiled, contexts: list[dict]) -> set:
    found = DurableEngine().matches(c, contexts)
    assert found == ReferenceEngine().matches(c, contexts)
    return found


BIG = Cmp("a.n", ">", 3)


def test_p01_facts_not_events(monkeypatch):
    host, name, sid, hits, facts = raw({"one": {"x": 1}, "two": {"x": 1}}, [{"fact_id": 1, "x": 1}])
    host.post(name, facts[0])
    assert [h[0] for h in hits] == ["one"]  # the event was consumed by the first rule
    host.assert_fact(name, dict(facts[0], fact_id=2))
    assert sorted(h[0] for h in hits) == ["one", "one", "two"]
    for method in ("post", "post_batch", "assert_fact"):
        monkeypatch.setattr(SyncHost, method, lambda *a, **k: pytest.fail("not assert_facts"))
    assert same(compiled(BIG, BIG), [{"a.n": 5}]) == {(("fire", "r0"), 0), (("fire", "r1"), 0)}


def test_p02_no_match_is_not_an_error():
    host, name, sid, hits, facts = raw({"r": {"x": 1}}, [{"fact_id": 1, "x": 2}])
    with pytest.raises(MessageNotHandledException):
        host.assert_fact(name, facts[0])
    assert same(compiled(BIG), [{"a.n": 1}, {}]) == set()


def test_p03_p05_duplicates():
    host, name, sid, hits, facts = raw({"r": {"$ex": {"a": 1}}}, [{"a": 1}, {"a": "1"}])
    host.assert_fact(name, facts[0])
    with pytest.raises(MessageObservedException):
        host.assert_fact(name, facts[1])  # "1" counts as a duplicate of 1
    host.delete_state(name, sid)
    host, name, sid, hits, facts = raw({"r": {"$ex": {"a": 1}}}, [{"a": 1}, {"a": 2}, {"a": 1}])
    with pytest.raises(MessageObservedException):
        host.assert_facts(name, facts)
    assert hits == []  # row 5: no action ran for the other facts (the sid is leaked: row 8)
    assert len(same(compiled(BIG), [{"a.n": 5}] * 7)) == 7


def test_p04_small_sessions_and_retry(monkeypatch):
    sizes, original = [], SyncHost.assert_facts

    def spy(self, name, facts, complete=None):
        sizes.append(len(facts))
        if len(sizes) == 1:
            raise MessageObservedException(facts[:1])  # a false duplicate (#376): retried
        return original(self, name, facts, complete)
    monkeypatch.setattr(SyncHost, "assert_facts", spy)
    contexts = [{"a.n": i % 7} for i in range(3 * dmod.CHUNK + 1)]
    assert len(same(compiled(BIG), contexts)) == sum(1 for c in contexts if c["a.n"] > 3)
    assert max(sizes) <= dmod.CHUNK and len(sizes) == 5


def test_p05_p08_delete_state_segfaults_raw_but_not_in_the_engine():
    bad = sub("""
        host, name, sid, hits, facts = raw({"r": {"x": 1}}, [{"fact_id": 1, "x": 2}])
        try:
            host.assert_facts(name, facts)
        except MessageNotHandledException:
            pass
        host.delete_state(name, sid)
    """)
    assert bad is not None and bad.returncode == -11, bad and bad.stderr
    good = sub("""
        from lawcheck.engine import Compiled
        from lawcheck.engine.durable import DurableEngine
        from lawcheck.rulebase.model import Cmp, FactSpec
        c = Compiled(((("fire", "r"), Cmp("n", "==", 1)),),
                     {"n": FactSpec("n", "int", "", "")}, "v")
        for i in range(300):
            assert DurableEngine().matches(c, [{"n": 2}, {}] * (i % 3 + 1)) == set()
        print("ok")
    """)
    assert good is not None and good.returncode == 0 and "ok" in good.stdout, good and good.stderr


def test_p06_p07_p14_sync_host_no_background_threads():
    out = sub("""
        import threading, time
        from durable.engine import Host
        before = threading.active_count()
        host, name, sid, hits, facts = raw({"r": {"x": 1}},
            [{"fact_id": 1, "x": 1}, {"fact_id": 2, "x": 2}, {"fact_id": 3, "x": 1}], host=Host())
        print("threads", threading.active_count() - before)
        try:
            host.assert_facts(name, facts)
        except MessageNotHandledException:
            print("not handled", len(hits))
        deadline = time.time() + 10
        while len(hits) < 2 and time.time() < deadline:
            time.sleep(0.05)
        print("later", len(hits))
    """)
    assert out is not None and out.returncode == 0, out and out.stderr
    assert "threads 2" in out.stdout and "not handled 0" in out.stdout
    assert "later 2" in out.stdout  # the actions ran afterwards, on the timer thread
    before = threading.active_count()
    contexts = [{"a.n": i % 9} for i in range(2000)]
    assert len(same(compiled(BIG), contexts)) == sum(1 for c in contexts if c["a.n"] > 3)
    assert threading.active_count() == before


def test_p09_catch_all_filtered():
    found = same(compiled(All(()), Any(()), BIG), [{}, {"a.n": 9}])
    assert {key for key, _ in found} <= {("fire", "r0"), ("fire", "r2")}
    assert same(compiled(Any(())), [{}]) == set()


def test_p10_or_fires_twice():
    cond = {"$and": [{"$ex": {"fact_id": 1}}, {"$or": [{"x": 1}, {"y": 1}]}]}
    host, name, sid, hits, facts = raw({"r": cond}, [{"fact_id": 1, "x": 1, "y": 1}])
    host.assert_facts(name, facts)
    assert len(hits) == 2
    both = Any((BIG, Cmp("b", "==", True), Cmp("o.t", "in", ("x", "y"))))
    assert same(compiled(both), [{"a.n": 5, "b": True, "o.t": "x"}]) == {(("fire", "r0"), 0)}


def test_p11_action_errors_are_raised(monkeypatch):
    def boom(c):
        raise TypeError("bad")
    host, name, sid, hits, facts = raw({"r": {"x": 1}}, [{"fact_id": 1, "x": 1}])
    host.get_ruleset(name)._actions["r"]._func = boom
    host.assert_facts(name, facts)  # swallowed ...
    assert "bad" in host.get_state(name, sid)["exception"]  # ... into the session state

    monkeypatch.setattr(dmod._Loaded, "record", lambda *a: boom(None))
    with pytest.raises(InternalError, match="TypeError: bad"):
        DurableEngine().matches(compiled(BIG), [{"a.n": 5}])
    monkeypatch.setattr(dmod._Loaded, "_action", lambda self, index: boom)  # unwrapped
    with pytest.raises(InternalError, match="exception caught bad"):
        DurableEngine().matches(compiled(BIG), [{"a.n": 5}])


def test_p12_no_chained_asserts():
    host, name, sid, hits, facts = raw({"r": {"x": 1}}, [{"fact_id": 1, "x": 1}])
    host.get_ruleset(name)._actions["r"]._func = lambda c: c.assert_fact({"nobody": 1})
    host.assert_facts(name, facts)
    assert "exception" in host.get_state(name, sid)  # the chained fact was dropped silently
    c = compiled(BIG, Not(BIG))
    DurableEngine().matches(c, [{"a.n": 1}])
    loaded = dmod._load(c)
    for name in loaded.names:
        for rule in loaded.host.get_ruleset(name).get_definition().values():
            assert list(rule) == ["all"] and [list(p) for p in rule["all"]] == [["m"]]


def test_p13_registry(monkeypatch):
    host, name, sid, hits, facts = raw({"r": {"x": 1}}, [])
    with pytest.raises(Exception, match="already registered"):
        raw({"r": {"x": 2}}, [], host=host, name=name)
    freed, original = [], dmod.durable_rules_engine.delete_ruleset
    monkeypatch.setattr(dmod.durable_rules_engine, "delete_ruleset",
                        lambda handle: (freed.append(handle), original(handle)))
    for threshold in range(10):  # one version, new keys each time: a new ruleset each
        c = compiled(Cmp("a.n", ">", threshold), version="same")
        assert same(c, [{"a.n": 5}]) == ({(("fire", "r0"), 0)} if threshold < 5 else set())
    assert dmod.loaded_rulesets() <= dmod.CACHE and len(freed) >= 10 - dmod.CACHE


def test_p15_sessions_are_deleted():
    out = sub("""
        host, name, sid, hits, facts = raw({"r": {"x": 1}}, [])
        for i in range(1100):
            try:
                host.assert_fact(name, {"sid": str(i), "fact_id": 1, "x": 1})
            except MemoryError:
                print("MemoryError at", i); break
    """)
    assert out is not None and "MemoryError at 1024" in out.stdout, out and out.stderr
    c = compiled(BIG)
    for i in range(1100):
        assert DurableEngine().matches(c, [{"a.n": i % 6}]) == ({(("fire", "r0"), 0)}
                                                               if i % 6 > 3 else set())


def test_p16_property_limit():
    out = sub("""
        big = {"fact_id": 1, "g": {f"p{i}": i for i in range(260)}}
        host, name, sid, hits, facts = raw({"r": {"g.p0": 0}}, [big])
        host.assert_facts(name, facts)
    """)
    assert out is not None and out.returncode == -11
    many = {f"f{i}": FactSpec(f"f{i}", "int", "", "") for i in range(MAX_PROPERTIES)}
    with pytest.raises(InternalError, match="properties"):
        DurableEngine().matches(compiled(All(tuple(Cmp(n, "==", 1) for n in many)),
                                         facts=many), [{}])
    assert Layout(many, [Cmp("f1", "==", 1)]).encode({n: 1 for n in many}, 7) == \
        {"fact_id": 7, "f1": 1}  # only the facts some condition uses are asserted


@pytest.mark.slow
def test_new_lone_nex_hangs():
    out = sub("""
        host, name, sid, hits, facts = raw({"r": {"$nex": {"a": 1}}}, [{"fact_id": 1}], catch=True)
        host.assert_facts(name, facts)
        print("returned")
    """, timeout=5)
    assert out is None or "returned" not in out.stdout  # loops (and allocates) forever

    trees = [Cmp("a.n", "missing"), Not(Cmp("s.l", "contains", "p")), Not(Cmp("b", "exists")),
             Any((Cmp("a.n", "missing"), Cmp("s.l", "missing")))]
    for group in plan(Layout(V, trees), trees):
        for _, condition in group:
            tests = condition.get("$and", [condition])
            assert any("$nex" not in t for t in tests)  # never a $nex-only rule
    assert len(same(compiled(*trees), [{}, {"s.l": ()}, {"a.n": 1, "b": True}])) == 8


def test_new_float_exponents_and_int_range():
    with pytest.raises(Exception, match="204"):
        raw({"r": {"x": 1e16}}, [])
    out = sub("""
        host, name, sid, hits, facts = raw({"r": {"$ex": {"x": 1}}}, [{"fact_id": 1, "x": 1e16}])
        host.assert_facts(name, facts)
    """)
    assert out is not None and out.returncode == -11
    host, name, sid, hits, facts = raw({"r": {"x": 2 ** 64}}, [{"fact_id": 1, "x": 2 ** 63}])
    host.assert_facts(name, facts)
    assert hits  # both saturate to 2**63-1
    numbers = [0.0, -0.0, 1e16, -1e16, 5e-324, 1e308, float("inf"), -float("inf"), 0.1]
    facts = {"x": FactSpec("x", "number", "", "")}
    c = compiled(*(Cmp("x", op, v) for v in numbers for op in ("==", "<", ">=")), facts=facts)
    same(c, [{"x": v} for v in numbers])
    with pytest.raises(InternalError, match="int64"):
        DurableEngine().matches(compiled(Cmp("a.n", "==", 2 ** 64)), [{}])


def test_new_property_hash_collisions_and_coercion():
    a, b = "k32728", "k261234"
    assert fnv1a32(a) == fnv1a32(b)
    host, name, sid, hits, facts = raw({"ra": {a: 1}}, [{"fact_id": 1, b: 1}])
    host.assert_facts(name, facts)
    assert hits == [("ra", 1)]  # durable reads b as a
    host, name, sid, hits, facts = raw({"r": {"x": 1}}, [{"fact_id": 1, "x": True}])
    host.assert_facts(name, facts)
    assert hits  # 1 == True
    with pytest.raises(Exception, match="Invalid argument"):
        raw({"r": {"x": "\ud800"}}, [])
    vocab = {n: FactSpec(n, t, "", "") for n, t in ((a, "int"), (b, "int"), ("s", "string"))}
    c = compiled(Cmp(a, "==", 1), Cmp(b, "==", 1), Cmp("s", "in", ("\ud800", "1", "")),
                 facts=vocab)
    same(c, [{b: 1}, {a: 1}, {"s": "\ud800"}, {"s": "\x00"}, {"s": ""}, {a: 0, "s": "1"}])


@pytest.mark.parametrize("rules, fact, expect", [
    # 512 equality tests under one node: the C hash set is full and lookups loop forever
    pytest.param('{f"r{i}": {"x": i} for i in range(513)}', '{"x": 1}', "hang",
                 marks=pytest.mark.slow),
    # 256 rules ending on one node overflow its beta list
    ('{f"r{i}": {"$ex": {"x": 1}} for i in range(256)}', '{"x": 1}', "segfault"),
    # 129 $nex tests under one node
    ('{f"r{i}": {"$and": [{"$ex": {"fact_id": 1}}, {"$nex": {f"q{i}": 1}}]} for i in range(129)}',
     '{"x": 1}', "error code: 107"),
    # 65 nodes pending at once while a fact is evaluated
    ('{f"r{i}": {"$and": [{"$ex": {"fact_id": 1}}, {"$nex": {f"q{i}": 1}}]} for i in range(65)}',
     '{"x": 1}', "error code: 303"),
    # 16 levels of alternating $and/$or
    ('{"r": nest(16)}', '{"x": 1}', "error code: 113"),
])
def test_new_network_limits_raw(rules, fact, expect):
    out = sub(f"""
        def nest(d):
            c = {{"x": 1}}
            for i in range(d):
                c = {{("$and" if i % 2 else "$or"): [c, {{"y{{i}}": 1}}]}}
            return c
        host, name, sid, hits, facts = raw({rules}, [dict({fact}, fact_id=1)], catch=False)
        host.assert_facts(name, facts)
        print("returned", len(hits))
    """, timeout=10)
    if expect == "hang":
        assert out is None
    elif expect == "segfault":
        assert out is not None and out.returncode == -11
    else:
        assert out is not None and expect in out.stderr


@pytest.mark.parametrize("case", ["equalities", "true", "missing", "present"])
def test_new_network_limits_engine(case):
    """Rule bases past each C limit are split into several rulesets (one per group)."""
    n = {"equalities": 600, "true": 300, "missing": 150, "present": 150}[case]
    facts = {f"f{i}": FactSpec(f"f{i}", "int", "", "") for i in range(n if n < 190 else 1)}
    trees = {"equalities": [Cmp("f0", "==", i) for i in range(n)],
             "true": [All(())] * n,
             "missing": [Cmp(f, "missing") for f in facts],
             "present": [Cmp(f, "exists") for f in facts]}[case]
    c = compiled(*trees, facts=facts)
    contexts = [{}, {"f0": 7}, {f: 1 for f in facts}, {f: i for i, f in enumerate(facts) if i % 2}]
    same(c, contexts)
    assert len(dmod._load(c).names) >= 2


def test_large_generated_rule_base_is_planned_within_the_limits():
    """200 random rules over 60 facts: several rulesets, the same matches as the reference."""
    import random
    rng = random.Random(2)
    kinds = ["bool", "int", "date", "enum", "labels"]
    facts = {f"g{i % 5}.f{i}": FactSpec(f"g{i % 5}.f{i}", kinds[i % 5], "", "",
                                        ("a", "b", "c") if kinds[i % 5] in ("enum", "labels")
                                        else ()) for i in range(60)}
    pool = {"bool": [True, False], "int": [0, 1, 2], "date": [date(2020, 1, d) for d in (1, 2)],
            "enum": ["a", "b", "c"], "labels": ["a", "b", "c"]}

    def tree(depth):
        if depth == 0 or rng.random() < 0.35:
            spec = facts[rng.choice(sorted(facts))]
            op = rng.choice(sorted(OPS_BY_TYPE[spec.type]))
            value = None if op in ("exists", "missing") else tuple(pool[spec.type][:2]) \
                if op == "in" else rng.choice(pool[spec.type])
            return Cmp(spec.name, op, value)
        kind = rng.choice([All, Any, Not])
        return Not(tree(depth - 1)) if kind is Not else \
            kind(tuple(tree(depth - 1) for _ in range(rng.randint(1, 3))))
    c = compiled(*(tree(3) for _ in range(200)), facts=facts)
    contexts = [{name: (tuple(rng.sample(pool["labels"], rng.randint(0, 3))) if spec.type ==
                        "labels" else rng.choice(pool[spec.type]))
                 for name, spec in facts.items() if rng.random() < 0.8} for _ in range(200)]
    contexts = [{k: tuple(sorted(v)) if isinstance(v, tuple) else v for k, v in ctx.items()}
                for ctx in contexts]
    same(c, contexts)
    assert len(dmod._load(c).names) > 1


def test_unknown_is_true_when_and_only_when_the_condition_is_unknown():
    """Unknown(c): true when c is neither true nor false, in both engines; never unknown."""
    tree = All((BIG, Any((Cmp("b", "==", True), Not(Cmp("o.t", "in", ("x", "y")))))))
    c = compiled(tree, Unknown(tree), Not(Unknown(tree)), Unknown(Unknown(tree)))
    contexts = [{}, {"a.n": 5}, {"a.n": 1}, {"a.n": 5, "b": True}, {"a.n": 5, "b": False},
                {"a.n": 5, "b": False, "o.t": "x"}, {"a.n": 5, "b": False, "o.t": "z"}]
    found = same(c, contexts)
    values = [evaluate(tree, ctx) for ctx in contexts]
    assert values == [None, None, False, True, None, False, True]
    assert {i for (key, i) in found if key == ("fire", "r1")} == {0, 1, 4}
    assert {i for (key, i) in found if key == ("fire", "r2")} == {2, 3, 5, 6}
    assert not {i for (key, i) in found if key == ("fire", "r3")}


def test_one_pass_gives_the_findings_and_not_checked_of_three_valued_logic():
    """The shipped rule base on the example plans' contexts: each engine's "fire" keys are the
    rules whose condition is true and its "unknown" keys those whose condition is unknown, for
    the rules of the context's kind only; no Python evaluation after the engine's pass."""
    from lawcheck.derive import derive, load_calendars
    from lawcheck.engine import compile_rulebase, normalise, subject
    from lawcheck.plan import load_plan
    from lawcheck.rulebase.loader import load
    from lawcheck.settings import rules_dir

    rulebase = load(rules_dir())
    cals = load_calendars(rules_dir())
    contexts = []
    for name in ("land-forum", "foreign-march", "health-training"):
        plan = load_plan(ROOT / "examples" / f"{name}.yaml")
        contexts += derive(plan.organization, list(plan.activities), date(2026, 12, 1), cals)
    contexts.append(type(contexts[0])({"statement.online": True}, date(2026, 12, 1),
                                      {}, None))  # a rule test's context: every kind applies
    facts = [normalise(c.facts, rulebase.facts) for c in contexts]
    expected = set()
    for index, (values, context) in enumerate(zip(facts, contexts)):
        for rule in rulebase.rules:
            if rule.when is None or context.kind not in (None, rule.applies_to):
                continue
            value = evaluate(rule.condition, values)
            if value is not False:
                expected.add((("fire" if value else "unknown", rule.id), index))
    assert any(key[0] == "unknown" for key, _ in expected)
    compiled_rb = compile_rulebase(rulebase)
    given = [subject(f, c.kind) for f, c in zip(facts, contexts)]
    for engine in (DurableEngine(), ReferenceEngine()):
        found = {(key, i) for key, i in engine.matches(compiled_rb, given) if key[0] != "scope"}
        assert found == expected, engine.name


def test_concurrent_calls_are_serialised():
    c, errors = compiled(BIG, Not(BIG)), []
    expected = ReferenceEngine().matches(c, [{"a.n": i} for i in range(10)])

    def work():
        for _ in range(50):
            if DurableEngine().matches(c, [{"a.n": i} for i in range(10)]) != expected:
                errors.append("mismatch")
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_every_operator_at_its_boundaries():
    """Each operator of each type, as is and negated, on equal / lower / higher / missing
    values: the exhaustive table behind the random differential test below."""
    d0 = date(2020, 1, 1)
    pools = {"bool": [True, False], "int": [-1, 0, 1], "number": [-0.0, 0.5, 1e16],
             "date": [d0, date(2020, 1, 2)], "enum": ["x", "y"], "string": ["", "a", "\ud800"],
             "labels": ["p", "q"]}
    facts = {f"t.{k}": FactSpec(f"t.{k}", k, "", "", ("x", "y", "z") if k == "enum" else
                                ("p", "q") if k == "labels" else ()) for k in pools}
    trees = []
    for name, spec in facts.items():
        for op in sorted(OPS_BY_TYPE[spec.type]):
            values = [None] if op in ("exists", "missing") else \
                [(v,) for v in pools[spec.type]] + [tuple(pools[spec.type][:2])] if op == "in" \
                else pools[spec.type]
            trees += [t for v in values for t in (Cmp(name, op, v), Not(Cmp(name, op, v)))]
    contexts = [{}] + [{name: v} for name, spec in facts.items() if spec.type != "labels"
                       for v in pools[spec.type]]
    contexts += [{"t.labels": labels} for labels in [(), ("p",), ("p", "q")]]
    assert len(same(compiled(*trees, facts=facts), contexts)) > 100


# -- the differential test ----------------------------------------------------------------------

INTS = [-1, 0, 1, 2, 3, 2 ** 31, -(2 ** 63), 2 ** 63 - 1]
FLOATS = [0.0, -0.0, 0.5, 1.0, -1.5, 1e16, 1e-7, 2.5e300, -1e-300, 5e-324, 1.7976931348623157e308,
          float("inf"), -float("inf")]
DATES = [date(2020, 1, 1), date(2020, 1, 2), date(2019, 12, 31), date.min, date.max]
STRINGS = ["", "x", "X", "é", "ស្ថាប័ន", 'a"b', "a\\b", "\x00", "\ud800", "1", "true"]
LABELS = ["call-to-gather", "accusation", "lab b", "__present", "x.y", "p"]
TYPES = ("bool", "int", "number", "date", "enum", "string", "labels")


def fresh(spec: FactSpec):
    """A normalised value of the fact's type, boundary values preferred."""
    kind = spec.type
    if kind == "bool":
        return st.booleans()
    if kind == "int":
        return st.one_of(st.sampled_from(INTS), st.integers(-10, 10))
    if kind == "number":
        return st.one_of(st.sampled_from(FLOATS), st.integers(-3, 3).map(float),
                         st.floats(allow_nan=False))
    if kind == "date":
        return st.one_of(st.sampled_from(DATES), st.dates())
    if kind == "enum":
        return st.sampled_from(spec.values)
    if kind == "string":
        return st.one_of(st.sampled_from(STRINGS), st.text(max_size=3))
    return st.sampled_from(spec.values)  # one label (for contains)


@st.composite
def vocabularies(draw):
    """A few facts of each type; sometimes names or labels that cannot be durable paths
    (spaces, non-ASCII, reserved, one name a prefix of another, a dot in a label)."""
    facts, names, odd_labels = {}, draw(st.sampled_from(["plain", "prefix", "odd"])), draw(
        st.booleans())
    for kind in TYPES:
        for i in range(draw(st.integers(1, 2))):
            ns = draw(st.sampled_from(["organization", "activity", "statement"]))
            name = f"{ns}.{kind}{i}"
            if names != "plain" and draw(st.booleans()):
                name = ns if names == "prefix" else draw(st.sampled_from(
                    [f"weird {kind}", f"{kind}é", "sid", f"$x.{kind}", f"{ns}..{kind}"]))
            pool = LABELS if odd_labels else ["a", "b", "c", "d"]
            vals = tuple(draw(st.lists(st.sampled_from(pool), min_size=2, max_size=4,
                                       unique=True))) if kind in ("enum", "labels") else ()
            facts[name] = FactSpec(name, kind, "", "", vals)
    # a few values per fact that conditions and contexts mostly share, so that equal values
    # (the boundaries of <, <=, ==, !=) are common
    domains = {name: tuple(draw(st.lists(fresh(spec), min_size=1, max_size=3)))
               for name, spec in facts.items()}
    return facts, domains


def values(spec: FactSpec, domains: dict):
    domain = st.sampled_from(domains[spec.name])
    return st.one_of(domain, domain, domain, fresh(spec))


def trees(vocab: dict, domains: dict, depth: int):
    names = sorted(vocab)

    @st.composite
    def leaf(draw):
        spec = vocab[draw(st.sampled_from(names))]
        op = draw(st.sampled_from(sorted(OPS_BY_TYPE[spec.type])))
        if op in ("exists", "missing"):
            return Cmp(spec.name, op)
        if op == "in":
            return Cmp(spec.name, op, tuple(draw(st.lists(values(spec, domains), min_size=1,
                                                              max_size=3))))
        return Cmp(spec.name, op, draw(values(spec, domains)))
    leaves = st.one_of(leaf(), leaf().map(Not))  # half the leaves negated
    if depth == 0:
        return leaves
    sub_trees = trees(vocab, domains, depth - 1)
    return st.one_of(leaves, st.builds(Not, sub_trees), st.builds(Unknown, sub_trees),
                     st.lists(sub_trees, max_size=4).map(lambda p: All(tuple(p))),
                     st.lists(sub_trees, max_size=4).map(lambda p: Any(tuple(p))))


@st.composite
def contexts(draw, vocab: dict, domains: dict):
    out = {}
    for name, spec in vocab.items():
        how = draw(st.sampled_from(["value", "value", "missing", "none"]))
        if how == "none":
            out[name] = None  # the same as missing
        elif how == "value" and spec.type == "labels":
            out[name] = tuple(sorted(draw(st.sets(st.sampled_from(spec.values)))))
        elif how == "value":
            out[name] = draw(values(spec, domains))
    return out


@st.composite
def problems(draw):
    vocab, domains = draw(vocabularies())
    rules = draw(st.lists(trees(vocab, domains, draw(st.integers(0, 4))), min_size=1,
                          max_size=10))
    # each rule's "unknown" key too, as compile_rulebase makes one (not_checked in one pass)
    return (compiled(*rules, *map(Unknown, rules), facts=vocab),
            draw(st.lists(contexts(vocab, domains), min_size=1, max_size=10)))


@pytest.mark.slow
def test_differential_against_reference():
    examples = int(os.environ.get("LAWCHECK_DIFF_EXAMPLES", "300"))
    stats = {"examples": 0, "cases": 0, "true": 0, "refused": 0}

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(problems())
    def check(problem):
        c, ctxs = problem
        expected = ReferenceEngine().matches(c, ctxs)
        try:
            got = DurableEngine().matches(c, ctxs)
        except InternalError as e:
            # the documented refusal (durable_compile.MAX_TERMS): a random tree can expand past
            # it; that is no mismatch, so the example is drawn again (counted, and held rare)
            if f"more than {MAX_TERMS} alternatives" not in str(e):
                raise
            stats["refused"] += 1
            assume(False)
        assert got == expected
        stats["examples"] += 1
        stats["cases"] += len(c.keys) * len(ctxs)
        stats["true"] += len(expected)
    check()
    print(f"\ndifferential: {stats['examples']} examples, {stats['cases']} (rule, context) "
          f"cases compared, {stats['true']} true, 0 mismatches, {stats['refused']} refused as "
          f"too large")
    assert stats["examples"] >= min(examples, 100)
    assert stats["refused"] <= max(5, stats["examples"] // 20)
