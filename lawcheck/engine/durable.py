"""The durable_rules (Rete) engine, behind every guard its pitfalls call for.

This is the only module that imports durable_rules. The translation of conditions and contexts
lives in :mod:`lawcheck.engine.durable_compile` (pure Python); this module owns the host, the
sessions and the error handling. Guards, by pitfall of ../shared/research/dependencies.md §1.2
(each has a regression test in tests/test_engine_durable.py):

- rows 6, 7, 14 (actions run later on a background thread; 2 timer threads per Host):
  :class:`SyncHost` has a no-op ``_run``, so every action runs inside ``assert_facts``; and the
  catch-all action checks that every asserted fact was seen before the call returns.
- rows 2, 6, 8, 9 (MessageNotHandledException; delete_state segfaults on a sid whose messages
  were not handled): a catch-all rule (``$ex fact_id``) handles every fact; it is filtered out
  of the results. ``delete_state`` is only called once the catch-all has run (a sid in any
  other state is leaked rather than crash the process: the error is raised anyway).
- row 1 (events are consumed by the first rule): facts only, via ``assert_facts``; never
  ``post``.
- rows 3, 5 (duplicates rejected, the batch's actions lost): a unique ``fact_id`` per fact.
- row 4 (false duplicates in large sessions, #376): at most :data:`CHUNK` facts per session;
  a MessageObservedException is retried once in a fresh session (the sid is part of the fact).
- row 10 (``$or``/``any`` fire several times): conditions are compiled to flat alternatives
  (one durable rule each, several of which may fire); hits are collected into a set.
- durable's network limits (found while writing this module; see :class:`Network`): the
  rules are planned into as many rulesets as the limits need, all on one SyncHost, and each
  context is asserted into each of them.
- rows 11, 12 (exceptions in actions swallowed; chained asserts): every action is wrapped in
  try/except that records the error, ``get_state(sid)["exception"]`` is checked after each
  assertion, and either raises :class:`~lawcheck.errors.InternalError`. No action asserts.
- row 13 (a ruleset name cannot be re-registered; old rulesets leak): one SyncHost and a unique
  ruleset name per compiled rule base; evicted ones are freed with ``delete_ruleset``.
- row 15 (1,024 live sessions; shared sid "0"): a fresh uuid sid per chunk, deleted in
  ``finally``.
- row 16 and §1.3 (property limit, coercions, ``$mt``): see durable_compile.
- §1.5 (no GIL release; crashes under concurrency): one process-wide lock around each call.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections import OrderedDict

import durable_rules_engine
from durable.engine import Host, MessageNotHandledException, MessageObservedException

from lawcheck.engine import Compiled
from lawcheck.engine.durable_compile import EX_FACT, EX_TEST, FACT_ID, Layout, chain, to_json
from lawcheck.errors import InternalError

CHUNK = 250  # facts per session (row 4: keep sessions small)
MAX_CHILDREN = {False: 500, True: 120}  # hash-set / $nex children per node (C: 512 / 128)
MAX_BETAS = 250  # rules ending on one node (C: 256)
MAX_STACK = 62  # pending nodes while a fact is evaluated (C: 64)
CACHE = 4  # compiled rule bases kept loaded
_LOCK = threading.Lock()  # one durable call at a time in the process (§1.5)
_COUNTER = iter(range(1, 1 << 62))


class SyncHost(Host):
    """A Host without its two timer threads: actions run synchronously (rows 6, 7, 14)."""

    def _run(self):
        pass


class Network:
    """durable's alpha network for a set of chains (a trie of tests, shared prefixes), to keep
    every node within the C limits probed for this module: 512 hash-set children hang, 256
    rules ending on one node segfault, 129 ``$nex`` children fail (107), and more than 64 nodes
    pending on the evaluation stack fail (303). ``add`` refuses a chain that would break one.

    The stack bound: evaluating a node pushes its children that pass (at most ``k``: one per
    tested property for equalities, one for every other child), then works through them
    depth first, so ``bound(n) = max(k, k - 1 + max(bound(child)))``; it must stay within
    :data:`MAX_STACK` at the root."""

    def __init__(self):
        self.root = _Node()

    def add(self, tests: list[tuple]) -> bool:
        trail, node, i = [], self.root, 0
        while i < len(tests) and tests[i] in node.children:  # the shared prefix
            trail.append(node)
            node, i = node.children[tests[i]], i + 1
        if i == len(tests):  # the whole chain exists: one more rule ends on its last node
            if node.betas >= MAX_BETAS:
                return False
            node.betas += 1
            return True
        test, nex = tests[i], tests[i][0] == "$nex"
        if (node.nex if nex else len(node.children) - node.nex) >= MAX_CHILDREN[nex]:
            return False
        # the bounds of the nodes on the prefix once the new branch hangs from ``node``
        k = node.k + (0 if test[0] == "$eq" and test[1] in node.eq_paths else 1)
        child_b = max(node.child_b, int(len(tests) - i >= 2))  # a new chain's bound is 0 or 1
        updates, bound = [(node, k, child_b)], max(k, k - 1 + child_b)
        for parent in reversed(trail):
            child_b = max(parent.child_b, bound)
            updates.append((parent, parent.k, child_b))
            bound = max(parent.k, parent.k - 1 + child_b)
        if bound > MAX_STACK:
            return False
        for n, k, child_b in updates:
            n.k, n.child_b = k, child_b
        parent = node
        for j, test in enumerate(tests[i:]):
            parent.children[test] = child = _Node()
            parent.nex += test[0] == "$nex"
            if test[0] == "$eq":
                parent.eq_paths.add(test[1])
            if j:  # a new node: one child, whose bound is 1 unless it is the last
                parent.k, parent.child_b = 1, int(i + j < len(tests) - 1)
            parent = child
        parent.betas = 1
        return True


class _Node:
    __slots__ = ("children", "betas", "nex", "eq_paths", "k", "child_b")

    def __init__(self):
        self.children, self.betas, self.nex, self.eq_paths = {}, 0, 0, set()
        self.k = self.child_b = 0  # children pushed at once (at most); their largest bound


def plan(layout: Layout, trees) -> list[list[tuple[int, dict]]]:
    """The rules as groups of (tree index, durable condition), one ruleset per group, each
    within durable's network limits; every group starts with the catch-all (index -1)."""
    groups: list[tuple[Network, list]] = []
    terms = [(index, term) for index, tree in enumerate(trees) for term in layout.terms(tree)]
    rank: dict[str, int] = {}
    for _, term in terms:
        for _, path, _ in term:
            rank[path] = rank.get(path, 0) + 1
    for index, term in terms:
        tests = chain(term, rank)
        for network, rules in groups:
            if network.add(tests):
                break
        else:
            network, rules = Network(), [(-1, EX_FACT)]
            if not (network.add([EX_TEST]) and network.add(tests)):  # pragma: no cover
                raise InternalError("a single condition exceeds durable_rules' limits")
            groups.append((network, rules))
        rules.append((index, to_json(tests)))
    return [rules for _, rules in groups]


class _Loaded:
    """One compiled rule base as durable rulesets (usually one) on its own SyncHost."""

    def __init__(self, compiled: Compiled):
        self.compiled = compiled
        self.layout = Layout(compiled.facts, [tree for _, tree in compiled.keys])
        self.keys = [key for key, _ in compiled.keys]
        base = re.sub(r"\W", "_", compiled.version[:16])  # "$state"/"$flow" names are special
        base = f"lawcheck_{base}_{next(_COUNTER)}"
        groups = plan(self.layout, [tree for _, tree in compiled.keys])
        self.names = [f"{base}_{g}" for g in range(len(groups))]
        definitions = {name: {f"t{j}": {"all": [{"m": condition}],
                                        "run": self._action(index if index >= 0 else None)}
                              for j, (index, condition) in enumerate(rules)}
                       for name, rules in zip(self.names, groups)}
        self.hits: set = set()
        self.seen: set = set()
        self.errors: list[str] = []
        self.host = SyncHost()
        try:
            self.host.set_rulesets(definitions)
        except Exception as exc:  # durable_rules_engine.error and friends
            self.handles = [r._handle for r in self.host._ruleset_list]
            self.free()
            raise InternalError(f"durable_rules refused the compiled rule base: {exc}") from exc
        self.handles = [self.host.get_ruleset(name)._handle for name in self.names]

    def _action(self, index: int | None):
        """An action that records (key index, fact id) and never lets an error escape into
        durable's state unseen (row 11)."""
        def run(c):
            try:
                self.record(index, c.m[FACT_ID])
            except BaseException as exc:  # noqa: BLE001 - durable swallows it otherwise
                self.errors.append(f"action for key {index}: {type(exc).__name__}: {exc}")
        return run

    def record(self, index: int | None, fact_id: int) -> None:
        if index is None:
            self.seen.add(fact_id)
        else:
            self.hits.add((index, fact_id))

    def run(self, contexts: list[dict], first: int) -> set:
        facts = [self.layout.encode(context, first + i) for i, context in enumerate(contexts)]
        found: set = set()
        for name in self.names:
            for attempt in (1, 2):
                try:
                    found |= self._session(name, facts)
                    break
                except MessageObservedException as exc:  # row 4: retry in a fresh session
                    if attempt == 2:
                        raise InternalError(f"durable_rules rejected distinct facts as "
                                            f"duplicates twice: {exc.message[:200]}") from None
        return found

    def _session(self, name: str, facts: list[dict]) -> set:
        sid = uuid.uuid4().hex
        batch = [dict(fact, sid=sid) for fact in facts]
        self.hits, self.seen, self.errors = set(), set(), []
        try:
            try:
                self.host.assert_facts(name, batch)
                state = self.host.get_state(name, sid)
            except MessageNotHandledException as exc:
                raise InternalError("durable_rules did not handle a fact despite the catch-all "
                                    f"rule: {exc.message[:200]}") from None
            except durable_rules_engine.error as exc:
                raise InternalError(f"durable_rules failed: {exc}") from exc
            if state.get("exception") or self.errors:
                raise InternalError("a durable_rules action failed: "
                                    + "; ".join(self.errors or [str(state["exception"])]))
            expected = {fact[FACT_ID] for fact in facts}
            if self.seen != expected:
                raise InternalError(f"durable_rules dispatched {len(self.seen)} of "
                                    f"{len(expected)} facts synchronously")
            return {(self.keys[index], fact_id) for index, fact_id in self.hits}
        finally:
            if self.seen:  # row 8: never delete a sid whose messages were not dispatched
                try:
                    self.host.delete_state(name, sid)
                except durable_rules_engine.error as exc:
                    raise InternalError(f"durable_rules could not delete a session: {exc}") \
                        from exc

    def free(self) -> None:
        """Release the C ruleset (row 13: otherwise ~0.5 MB+ per reload, never freed)."""
        for handle in self.handles:
            try:
                durable_rules_engine.delete_ruleset(handle)
            except durable_rules_engine.error:  # pragma: no cover - already gone
                pass
        self.host._ruleset_directory.clear()
        self.host._ruleset_list.clear()


_LOADED: OrderedDict = OrderedDict()  # content key -> _Loaded, most recent last


def _cache_key(compiled: Compiled):
    """By content, so that recompiling the same rule base reuses its ruleset; by identity when
    a condition holds something unhashable (the entry then keeps ``compiled`` alive)."""
    try:
        key = (compiled.version, compiled.keys, tuple(sorted(compiled.facts.items())))
        hash(key)
        return key
    except TypeError:
        return (compiled.version, id(compiled))


def _load(compiled: Compiled) -> _Loaded:
    """The loaded ruleset for ``compiled``: same object → same ruleset; a new version (or new
    keys under one version) → a new SyncHost and ruleset name, the oldest freed (row 13)."""
    if _LOADED:
        last = next(reversed(_LOADED.values()))
        if last.compiled is compiled:
            return last
    key = _cache_key(compiled)
    loaded = _LOADED.get(key)
    if loaded is None:
        loaded = _LOADED[key] = _Loaded(compiled)
        while len(_LOADED) > CACHE:
            _LOADED.popitem(last=False)[1].free()
    else:
        loaded.compiled = compiled
    _LOADED.move_to_end(key)
    return loaded


class DurableEngine:
    """The Engine protocol (:mod:`lawcheck.engine`) on durable_rules."""

    name = "durable"

    def matches(self, compiled: Compiled, contexts: list[dict]) -> set[tuple[tuple[str, str], int]]:
        """The (key, context index) pairs whose condition is TRUE (Kleene logic)."""
        if not contexts or not compiled.keys:
            return set()
        with _LOCK:
            loaded = _load(compiled)
            if not loaded.names:  # no condition can ever be true
                return set()
            found: set = set()
            for start in range(0, len(contexts), CHUNK):
                found |= loaded.run(contexts[start:start + CHUNK], start)
            return found


def loaded_rulesets() -> int:
    """How many compiled rule bases are loaded (for tests of the registry)."""
    return len(_LOADED)
