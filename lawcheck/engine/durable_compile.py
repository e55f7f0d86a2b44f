"""Condition trees → durable_rules rules, and contexts → durable_rules facts. Pure Python (no
durable_rules import), so every translation is unit-tested without the C extension.

A key fires iff its tree is *true* in Kleene logic. Each node gets two positive formulas: T(c)
"c is true" and F(c) "c is false" (unknown = neither). Leaves: ``x op v`` → T = x op v,
F = x ¬op v (durable never matches a test on a missing property, so ``$ex x`` is implied);
``exists``/``missing`` → ``$ex``/``$nex``; ``in`` → ⋁ x==vᵢ / ⋀ x!=vᵢ; labels ``contains v`` →
x.v == true / ``$ex x.__present`` ∧ ``$nex x.v``. All: T = ⋀T, F = ⋁F; Any: T = ⋁T, F = ⋀F;
Not swaps T and F. For ``Unknown(c)`` (true when c is neither), T = U(c) and F = T(c) ∨ F(c),
where U(leaf) = ``$nex x`` (never for exists/missing), U(Not c) = U(c), U(All) = ⋁ⱼ (⋀ᵢ<ⱼ T(cᵢ)) ∧
U(cⱼ) ∧ ⋀ᵢ>ⱼ (T(cᵢ) ∨ U(cᵢ)) (by the first unknown part) and U(Any) the same with F: so one durable pass finds the rules that
fire and the rules that cannot be judged. Formulas are kept in disjunctive normal form and each term becomes one
durable rule with a flat ``$and`` (no ``$or``, no nesting; contradictory terms dropped).

Guards against durable_rules' pitfalls (dependencies.md §1 and probes made for this module;
each is pinned by a test in tests/test_engine_durable.py):

- **A ``$nex``-only rule hangs** (loops forever, allocating gigabytes): it gets ``$ex fact_id``.
- **Nesting and network limits** (rete.c, confirmed by probes): 16 levels of ``$and``/``$or``
  fail (error 113); 512 tests under one node hang; 256 rules ending on one node segfault; 129
  ``$nex`` under one node fail (107); more than 64 nodes pending while a fact is evaluated fail
  (303). Flat DNF chains avoid the first; :func:`lawcheck.engine.durable.plan` emulates the
  network and splits the rules into several rulesets so that none reaches the others.
- **Floats in exponent form crash** (``1e+16``: error 204 in a rule, a segfault in a fact):
  numbers are asserted as an order-preserving int64 key of their IEEE bits (:func:`number_key`).
- **Ints outside int64 saturate** (``atol``: 2**63 == 2**64 for durable): rejected.
- **Coercions** (``1 == True``, ``"abc" > 1000``) and **strings the C side refuses** (lone
  surrogates): types never mix per property, and strings/enums (``==``, ``!=``, ``in`` only)
  are interned to ints (a fact string no condition names becomes -1).
- **Properties are identified by a 32-bit FNV-1a hash of the dotted path** (colliding names
  are one property): every path is hashed here and a collision-free layout chosen.
- **Property limit** (~253 per fact, nested ones included; beyond it a segfault): only the facts
  and labels some condition uses are asserted, at most :data:`MAX_PROPERTIES`.
- **Unknown operators are accepted silently**: only the operators above are emitted, and
  anything else raises :class:`~lawcheck.errors.InternalError` at compile time. No ``$mt``.
"""

from __future__ import annotations

import re
import struct
from datetime import date, datetime

from lawcheck.engine import SUBJECT
from lawcheck.errors import InternalError
from lawcheck.rulebase.model import OPS_BY_TYPE, All, Any, Cmp, FactSpec, Not, Unknown

FACT_ID = "fact_id"
EX_FACT = {"$ex": {FACT_ID: 1}}  # true of every asserted fact: the catch-all condition
EX_TEST = ("$ex", FACT_ID, None)
MAX_TERMS = 4096  # alternatives per condition (each is one durable rule)
PRESENT = "__present"
MAX_PROPERTIES = 240  # durable segfaults at 254 properties per fact (sid and objects included)
RESERVED = ("sid", "id", FACT_ID, "$s")
INT64 = (-(2 ** 63), 2 ** 63 - 1)
_SAFE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,62}\Z")
_CMP = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}
_NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}


def fnv1a32(text: str) -> int:
    """durable_rules' property hash (C ``char`` is signed: bytes ≥ 0x80 are sign-extended)."""
    h = 0x811C9DC5
    for b in text.encode():
        h = ((h ^ (b | 0xFFFFFF00 if b >= 0x80 else b)) * 0x01000193) & 0xFFFFFFFF
    return h


def number_key(value: float) -> int:
    """An int64 with the same order and equality as the float (-0.0 == 0.0; NaN refused)."""
    value = float(value)
    if value != value:
        raise InternalError("NaN cannot be compared by durable_rules")
    if value == 0.0:
        return 0
    bits = struct.unpack("<q", struct.pack("<d", value))[0]
    return bits if bits >= 0 else -(bits & 0x7FFFFFFFFFFFFFFF)


class Layout:
    """Where each used fact lives in the asserted (nested) fact, and how values are encoded.

    Readable dotted paths (``activity.participants``) when every segment is a plain identifier,
    no fact name is a prefix of another and no two paths collide in durable's hash; otherwise
    flat synthetic names (``_f3``, label ``_v1``) with a salt chosen until they do not collide.
    """

    def __init__(self, vocabulary: dict[str, FactSpec], trees):
        used: dict[str, set] = {}
        self.strings: dict[str, int] = {}
        for tree in trees:
            for leaf in _leaves(tree):
                spec = vocabulary.get(leaf.fact)
                if spec is None:
                    raise InternalError(f"condition on undeclared fact {leaf.fact!r}")
                if leaf.op not in OPS_BY_TYPE[spec.type]:
                    raise InternalError(f"operator {leaf.op!r} does not apply to {spec.type} "
                                        f"fact {leaf.fact!r}")
                labels = used.setdefault(leaf.fact, set())
                if leaf.op == "contains":
                    labels.add(leaf.value)
                if spec.type in ("enum", "string") and leaf.op in ("==", "!=", "in"):
                    for v in (leaf.value if leaf.op == "in" else (leaf.value,)):
                        if not isinstance(v, str):
                            raise InternalError(f"{leaf.fact}: {v!r} is not a string")
                        self.strings.setdefault(v, len(self.strings))
        self.specs = {name: vocabulary[name] for name in sorted(used)}
        self.labels = {name: sorted(used[name]) for name in self.specs
                       if self.specs[name].type == "labels"}
        for salt in range(1000):
            self.paths, self.label_keys = self._choose(salt)
            if self._collision_free():
                break
        else:  # pragma: no cover - 1,000 colliding salts do not happen
            raise InternalError("no collision-free property layout for durable_rules")
        self._plan = [(name, spec, tuple(self.paths[name].split(".")[:-1]),
                       self.paths[name].split(".")[-1], self.label_keys.get(name))
                      for name, spec in self.specs.items()]
        count = 2 + len(self._objects()) + len(self.paths) + sum(
            1 + len(keys) for keys in self.label_keys.values())
        if count > MAX_PROPERTIES:
            raise InternalError(f"the rule base uses {count} fact properties; durable_rules "
                                f"crashes beyond ~250 (limit here {MAX_PROPERTIES})",
                                fix="use the reference engine (--engine reference)")

    def _choose(self, salt: int):
        names = list(self.specs)
        readable = salt == 0 and all(
            all(_SAFE.match(s) for s in n.split(".")) and n.split(".")[0] not in RESERVED
            and not any(m.startswith(n + ".") for m in names) for n in names) and all(
            _SAFE.match(v) for vs in self.labels.values() for v in vs)
        if readable:
            return ({n: n for n in names},
                    {n: {v: v for v in vs} for n, vs in self.labels.items()})
        tag = f"_{salt}" if salt else ""
        return ({n: f"_f{i}{tag}" for i, n in enumerate(names)},
                {n: {v: f"_v{j}{tag}" for j, v in enumerate(vs)}
                 for n, vs in self.labels.items()})

    def _objects(self) -> set[str]:
        objs = {p.rsplit(".", 1)[0] for p in self.paths.values() if "." in p}
        objs |= {objs_prefix for p in list(objs) for objs_prefix in _prefixes(p)}
        return objs

    def all_paths(self) -> list[str]:
        out = list(RESERVED) + list(self.paths.values()) + sorted(self._objects())
        for name, keys in self.label_keys.items():
            out += [f"{self.paths[name]}.{PRESENT}"] + [f"{self.paths[name]}.{k}"
                                                       for k in keys.values()]
        return out

    def _collision_free(self) -> bool:
        paths = self.all_paths()
        return len({fnv1a32(p) for p in paths}) == len(paths) == len(set(paths))

    # -- values -----------------------------------------------------------------------------

    def value(self, spec: FactSpec, value):
        """A normalised value (fact or condition side) as durable_rules compares it."""
        kind = spec.type
        if kind == "bool" and isinstance(value, bool):
            return value
        if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
            if not INT64[0] <= value <= INT64[1]:
                raise InternalError(f"{spec.name}: {value} is outside durable_rules' int64 range")
            return value
        if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return number_key(value)
        if kind == "date" and isinstance(value, date) and not isinstance(value, datetime):
            return value.toordinal()
        if kind in ("enum", "string") and isinstance(value, str):
            return self.strings.get(value, -1)
        raise InternalError(f"fact {spec.name!r}: {value!r} is not a normalised {kind} value",
                            fix="pass contexts through lawcheck.engine.normalise")

    def encode(self, facts: dict, fact_id: int) -> dict:
        """One context as one nested durable fact (only the facts some condition uses)."""
        out: dict = {FACT_ID: fact_id}
        for name, spec, heads, last, keys in self._plan:
            value = facts.get(name)
            if value is None:
                continue
            if keys is not None:
                if not isinstance(value, (tuple, list, set, frozenset)):
                    raise InternalError(f"fact {name!r}: {value!r} is not a labels tuple")
                encoded = {PRESENT: True}
                encoded.update({keys[v]: True for v in value if v in keys})
            else:
                encoded = self.value(spec, value)
            node = out
            for head in heads:
                node = node.setdefault(head, {})
            node[last] = encoded
        return out

    # -- conditions -------------------------------------------------------------------------

    def terms(self, tree) -> list[frozenset]:
        """The tree's TRUE condition in disjunctive normal form: a list of terms, each a set of
        tests ``(op, path, value)``; [] never fires, [frozenset()] always does."""
        return sorted(self._t(tree), key=_term_key)

    def _t(self, node):
        if isinstance(node, Cmp):
            return self._leaf(node)[0]
        if isinstance(node, All):
            return self._and(self._t(p) for p in node.parts)
        if isinstance(node, Any):
            return set().union(*(self._t(p) for p in node.parts))
        if isinstance(node, Not):
            return self._f(node.part)
        if isinstance(node, Unknown):
            return self._u(node.part)
        raise InternalError(f"not a condition: {node!r}")

    def _f(self, node):
        if isinstance(node, Cmp):
            return self._leaf(node)[1]
        if isinstance(node, All):
            return set().union(*(self._f(p) for p in node.parts))
        if isinstance(node, Any):
            return self._and(self._f(p) for p in node.parts)
        if isinstance(node, Not):
            return self._t(node.part)
        if isinstance(node, Unknown):
            return self._t(node.part) | self._f(node.part)
        raise InternalError(f"not a condition: {node!r}")

    def _u(self, node):
        """The terms under which ``node`` is unknown (neither true nor false)."""
        if isinstance(node, Cmp):
            if node.op in ("exists", "missing") or node.fact == SUBJECT:
                return set()  # always known (the engine asserts SUBJECT with every context)
            path = self.paths[node.fact]
            if self.specs[node.fact].type == "labels":
                path = f"{path}.{PRESENT}"
            return {frozenset({("$nex", path, None)})}
        if isinstance(node, (Not, Unknown)):
            return self._u(node.part) if isinstance(node, Not) else set()
        if not isinstance(node, (All, Any)):
            raise InternalError(f"not a condition: {node!r}")
        # All is unknown when no part is false and some part is unknown; Any, when no part is
        # true and some part is unknown. Split by the first unknown part, so that the
        # alternatives exclude each other and one unknown rule makes one durable action, not
        # one per unknown part (each action costs durable a JSON decode of the fact)
        other = self._t if isinstance(node, All) else self._f
        out: set = set()
        for j, part in enumerate(node.parts):
            out |= self._and([other(p) for p in node.parts[:j]] + [self._u(part)]
                             + [other(p) | self._u(p) for p in node.parts[j + 1:]])
        return out

    @staticmethod
    def _and(dnfs) -> set:
        out = {frozenset()}
        for dnf in dnfs:
            out = {a | b for a in out for b in dnf if _consistent(a | b)}
            if len(out) > MAX_TERMS:
                raise InternalError(f"a condition expands to more than {MAX_TERMS} alternatives "
                                    "for durable_rules", fix="simplify the rule, or use the "
                                    "reference engine (--engine reference)")
        return out

    def _leaf(self, node: Cmp):
        """(T, F) of one comparison, each a set of terms."""
        spec, path, op = self.specs[node.fact], self.paths[node.fact], node.op
        if spec.type == "labels":
            present = f"{path}.{PRESENT}"
            if op == "contains":
                label = f"{path}.{self.label_keys[node.fact][node.value]}"
                return {frozenset({("$eq", label, True)})}, \
                    {frozenset({("$ex", present, None), ("$nex", label, None)})}
            path = present
        if op in ("exists", "missing"):
            pair = {frozenset({("$ex", path, None)})}, {frozenset({("$nex", path, None)})}
            return pair if op == "exists" else pair[::-1]
        if op == "in":
            values = {self.value(spec, v) for v in node.value}
            return ({frozenset({("$eq", path, v)}) for v in values},
                    {frozenset(("$neq", path, v) for v in values)})
        value = self.value(spec, node.value)
        if op in ("==", "!="):
            pair = {frozenset({("$eq", path, value)})}, {frozenset({("$neq", path, value)})}
            return pair if op == "==" else pair[::-1]
        if op in _CMP:
            return ({frozenset({(_CMP[op], path, value)})},
                    {frozenset({(_CMP[_NEGATE[op]], path, value)})})
        raise InternalError(f"operator {op!r} cannot be compiled for durable_rules")


def _consistent(term: frozenset) -> bool:
    """False for terms that can never hold (x == a ∧ x == b, x == a ∧ x != a, nex x ∧ x ...)."""
    eq, neq, nex, tested = {}, set(), set(), set()
    for op, path, value in term:
        if op == "$nex":
            nex.add(path)
            continue
        tested.add(path)
        if op == "$eq":
            if eq.setdefault(path, value) != value:
                return False
        elif op == "$neq":
            neq.add((path, value))
    return not (nex & tested) and not any((p, v) in neq for p, v in eq.items())


def _term_key(term) -> list:
    return sorted(map(repr, term))


def chain(term: frozenset, rank: dict | None = None) -> list[tuple]:
    """A term as the ordered tests of one durable ``$and`` chain: ``$ex x`` dropped where
    another test on x implies it (durable never matches a test on a missing property); a
    term with no positive test gets ``$ex fact_id`` (a lone ``$nex`` hangs durable); positive
    tests first, the most used facts (``rank``: path -> uses) and equalities leading, so that
    chains share prefixes and few nodes are pending at once while a fact is evaluated."""
    rank = rank or {}
    implied = {path for op, path, _ in term if op not in ("$ex", "$nex")}
    positive = [t for t in term if t[0] != "$nex" and not (t[0] == "$ex" and t[1] in implied)]
    negative = [t for t in term if t[0] == "$nex"]
    return sorted(positive or [EX_TEST], key=lambda t: (-rank.get(t[1], 0), t[1], t[0] != "$eq",
                                                        repr(t))) + sorted(negative, key=repr)


def to_json(tests: list[tuple]) -> dict:
    parts = [{path: value} if op == "$eq" else {op: {path: 1 if value is None else value}}
             for op, path, value in tests]
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _leaves(node):
    if isinstance(node, Cmp):
        return [node]
    if isinstance(node, (Not, Unknown)):
        return _leaves(node.part)
    if isinstance(node, (All, Any)):
        return [leaf for p in node.parts for leaf in _leaves(p)]
    raise InternalError(f"not a condition: {node!r}")


def _prefixes(path: str) -> list[str]:
    parts = path.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]
