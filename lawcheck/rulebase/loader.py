"""Load the rule base from ``rules/``: facts, mitigations, rules and their test cases.

Every problem is collected (file:line:column, rule id, what, a did-you-mean) and reported in one
pass as a :class:`~lawcheck.errors.RulesError`; nothing half-loaded is ever used.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from lawcheck import vocabulary, yamlio
from lawcheck.errors import LawcheckError, Problem, RulesError, Where
from lawcheck.rulebase import model as m
from lawcheck.rulebase.conditions import ConditionReader, check_value
from lawcheck.rulebase.deadline import read_deadline
from lawcheck.rulebase.parameters import check_placeholders, read_parameters
from lawcheck.rulebase.schema import check_rule
from lawcheck.yamlio import did_you_mean

NO_CITATION = ("security", "reputational")  # these cite the guidance instead (SPEC §5)
DATA_FOLDERS = {"calendars", "lexicons"}  # data the rules use, not rules


def rule_files(root: Path) -> list[Path]:
    """Rule and test files: YAML in the jurisdiction folders (rules/kh/…). Files at the top
    (facts, mitigations, risk weights, topic keywords) and data folders are not rules."""
    return sorted(p for p in root.rglob("*.yaml")
                  if len(p.relative_to(root).parts) > 1
                  and p.relative_to(root).parts[0] not in DATA_FOLDERS)


def version_of(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load(root: Path, provisions: set[str] | None = None,
         paths: list[Path] | None = None) -> m.RuleBase:
    """Load and check the whole rule base under ``root``.

    ``provisions``: the provision ids in the corpus, to check citations (None skips the check).
    ``paths``: rule files to load instead of every file under ``root`` (facts and mitigations
    always come from ``root``).

    A rule base is immutable, so one loaded from the same bytes (and checked against the same
    provisions) is reused within the process: a batch of checks parses the YAML once.
    """
    key = (str(root), version_of(root), None if provisions is None else frozenset(provisions),
           None if paths is None else tuple(
               (str(p), hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else None)
               for p in map(Path, paths)))
    cached = _LOADED.pop(key, None)
    if cached is None:
        cached = _load(root, provisions, paths)
    _LOADED[key] = cached  # the most recent last
    while len(_LOADED) > KEEP:  # a changed rule base pushes the oldest out
        del _LOADED[next(iter(_LOADED))]
    return cached


_LOADED: dict = {}
#: Rule bases kept loaded: a check loads the store's (citations checked against the corpus)
#: and the compliance calendar the shipped one (no corpus); keeping one made them evict each
#: other, and every check parsed the rule files twice.
KEEP = 4


def _load(root: Path, provisions, paths) -> m.RuleBase:
    problems: list[Problem] = []
    facts = _load_facts(root / "facts.yaml", problems)
    mitigations = _load_mitigations(root / "mitigations.yaml", problems)
    rules: list[m.Rule] = []
    tests: list[m.TestCase] = []
    files = paths if paths is not None else rule_files(root)
    raw_tests, declared_ids = [], set()
    for path in files:
        data = _yaml(path, problems)
        if data is None:
            continue
        if path.name.endswith(".tests.yaml"):
            raw_tests.append((path, data))
        else:
            rules.extend(_load_rule_file(path, data, facts, mitigations, provisions, problems))
            if yamlio.is_mapping(data) and isinstance(data.get("rules"), list):
                declared_ids |= {str(i.get("id")) for i in data["rules"] if yamlio.is_mapping(i)}
    _check_ids_and_exceptions(rules, problems)
    known = {r.id for r in rules} | declared_ids  # a broken rule is reported once, not per test
    for path, data in raw_tests:
        tests.extend(_load_tests(path, data, facts, known, problems))
    if problems:
        raise RulesError(problems)
    return m.RuleBase(tuple(rules), facts, mitigations, tuple(tests), version_of(root),
                      tuple(str(p) for p in files))


def _yaml(path: Path, problems: list[Problem]):
    try:
        return yamlio.load(path)
    except LawcheckError as exc:
        code = "LC309" if "must be a date" in exc.what else "LC301"
        problems.append(Problem(code, exc.where or Where(str(path)), exc.what, None, exc.fix))
        return None


def _load_facts(path: Path, problems: list[Problem]) -> dict[str, m.FactSpec]:
    data = _yaml(path, problems)
    if data is None:
        return {}
    entries = data.get("facts") if yamlio.is_mapping(data) else None
    if not yamlio.is_mapping(entries):
        problems.append(Problem("LC315", Where(str(path), 1), "expected a 'facts:' mapping"))
        return {}
    facts = {}
    for name, entry in entries.items():
        where = entries.where(name)
        if not yamlio.is_mapping(entry):
            problems.append(Problem("LC315", where, f"fact {name!r}: expected a mapping"))
            continue
        unknown = set(entry) - set(_FACT_KEYS)
        for key in sorted(unknown):
            problems.append(Problem("LC302", entry.where(key), f"fact {name!r}: unknown key "
                                    f"{key!r}" + did_you_mean(key, _FACT_KEYS)))
        kind = entry.get("type")
        if kind not in m.FACT_TYPES:
            problems.append(Problem("LC315", entry.where("type"), f"fact {name!r}: type must be "
                                    f"one of {', '.join(m.FACT_TYPES)}"
                                    + did_you_mean(str(kind), m.FACT_TYPES)))
            continue
        values = _values(name, entry, problems)
        if values is None:
            continue
        if kind in ("enum", "labels") and not values:
            problems.append(Problem("LC315", entry.where("type"),
                                    f"fact {name!r}: a {kind} fact needs its 'values'"))
            continue
        for key in ("description", "source"):
            if not entry.get(key):
                problems.append(Problem("LC303", entry.where(), f"fact {name!r}: missing {key!r}"))
        keys = entry.get("plan_keys")
        if keys is not None and not (isinstance(keys, list)
                                     and all(isinstance(k, str) and k for k in keys)):
            problems.append(Problem("LC315", entry.where("plan_keys"), f"fact {name!r}: "
                                    "plan_keys must be a list of plan keys (may be empty)"))
            keys = []
        source = str(entry.get("source", ""))
        facts[name] = m.FactSpec(name, kind, str(entry.get("description", "")), source,
                                 values,
                                 tuple(keys) if keys is not None else _plan_keys(source),
                                 str(entry["question"]) if entry.get("question") else None)
    return facts


_FACT_KEYS = ["type", "values", "description", "source", "plan_keys", "question"]


def _values(name: str, entry, problems: list[Problem]) -> tuple[str, ...] | None:
    """A fact's ``values``: a list written out, or the name of a vocabulary of
    lawcheck/vocabulary.py (``values: vocabulary.org_types``), which plan validation and
    statement inputs read too, so the three cannot drift apart. None after a problem."""
    values = entry.get("values")
    if values is None or isinstance(values, list):
        return tuple(str(v) for v in values or ())
    if not isinstance(values, str):
        problems.append(Problem("LC315", entry.where("values"), f"fact {name!r}: values must be "
                                "a list, or the name of a vocabulary (vocabulary.NAME)"))
        return None
    found = vocabulary.named(values)
    if found is None:
        known = sorted(vocabulary.vocabularies())
        problems.append(Problem(
            "LC315", entry.where("values"), f"fact {name!r}: values names unknown vocabulary "
            f"{values!r}" + did_you_mean(values, known),
            fix=f"write the values as a list, or name one of lawcheck/vocabulary.py's: "
                f"{', '.join(known)}"))
    return found


#: A plan key as facts.yaml's ``source`` names it: organization.x.y or activities[].x[].y.
_PLAN_KEY = re.compile(r"\b(?:organization|activities\[\])(?:\.[a-z_]+(?:\[\])?)+")


def _plan_keys(source: str) -> tuple[str, ...]:
    """The plan keys a fact's ``source`` names, in order, when it does not list them itself.

    Only facts read from the plan or derived from it name plan keys there; a fact whose source
    starts with neither ("review input column …", "derived: statement analyser") has none."""
    text = " ".join(source.split())
    if not text.startswith(("plan ", "derived")):
        return ()
    return tuple(dict.fromkeys(_PLAN_KEY.findall(text)))


def _load_mitigations(path: Path, problems: list[Problem]) -> dict[str, m.Mitigation]:
    data = _yaml(path, problems)
    entries = data.get("mitigations") if yamlio.is_mapping(data) else None
    if not yamlio.is_mapping(entries):
        if data is not None:
            problems.append(Problem("LC302", Where(str(path), 1), "expected 'mitigations:'"))
        return {}
    found = {}
    allowed = {"title", "text", "source", "pillar", "level", "parameters"}
    for key, entry in entries.items():
        if not yamlio.is_mapping(entry) or not entry.get("text") or \
                entry.get("pillar") not in m.PILLARS:
            problems.append(Problem("LC303", entries.where(key), f"mitigation {key!r} needs "
                                    "title, text, source and a pillar (people, property, "
                                    "programs)"))
            continue
        for extra in sorted(set(entry) - allowed):
            problems.append(Problem("LC302", entry.where(extra), f"mitigation {key!r}: unknown "
                                    f"key {extra!r}" + did_you_mean(extra, allowed)))
        if entry.get("level") not in (None, *m.LEVELS):
            problems.append(Problem("LC310", entry.where("level"), f"mitigation {key!r}: level "
                                    f"must be one of {', '.join(m.LEVELS)}"))
        def report(what, fix=None, code="LC320", at="parameters", key=key, entry=entry):
            problems.append(Problem(code, entry.where(at), f"mitigation {key!r}: {what}",
                                    None, fix))

        parameters = read_parameters(entry.get("parameters"), None, report)
        check_placeholders([entry["text"]], parameters, None,
                           lambda what, fix=None, report=report: report(what, fix, "LC312",
                                                                        "text"))
        found[key] = m.Mitigation(key, str(entry.get("title", key)), str(entry["text"]),
                                  str(entry.get("source", "")), entry["pillar"],
                                  entry.get("level"), parameters, str(path))
    return found


def _load_rule_file(path, data, facts, mitigations, provisions, problems) -> list[m.Rule]:
    if not yamlio.is_mapping(data) or not isinstance(data.get("rules"), list):
        problems.append(Problem("LC303", Where(str(path), 1), "a rule file needs 'rules:' "
                                "(a list), and may name its 'law:'"))
        return []
    for key in set(data) - {"law", "rules"}:
        problems.append(Problem("LC302", data.where(key), f"unknown key {key!r} at the top of "
                                "a rule file" + did_you_mean(key, ["law", "rules"])))
    rules = []
    for item in data["rules"]:
        if not yamlio.is_mapping(item):
            problems.append(Problem("LC303", Where(str(path)), "each rule must be a mapping"))
            continue
        rule = _load_rule(path, item, str(data.get("law", "")), facts, mitigations,
                          provisions, problems)
        if rule is not None:
            rules.append(rule)
    return rules


def _load_rule(path, item, law, facts, mitigations, provisions, problems) -> m.Rule | None:
    rid = str(item.get("id", "?"))
    count = len(problems)

    def problem(code, key, message, fix=None):
        problems.append(Problem(code, item.where(key), message, rid, fix))

    problems.extend(check_rule(item, rid))  # the shape: keys, types, vocabularies, dates
    if "when" not in item and not item.get("exception_to"):
        problem("LC303", None, "missing 'when' (only an exception may leave it out)")
    org_types = item.get("org_types") or []
    citations = item.get("citations") or []
    if not citations and item.get("category") not in NO_CITATION:
        problem("LC303", "citations", "a rule must cite at least one provision")
    for cid in citations:
        if provisions is not None and cid not in provisions:
            problem("LC307", "citations", f"citation {cid!r} is not a provision in the corpus"
                    + did_you_mean(str(cid), provisions),
                    fix="`lawcheck corpus show LAW` lists the provision ids")
    for mid in item.get("mitigations") or []:
        if mid not in mitigations:
            problem("LC311", "mitigations", f"unknown mitigation {mid!r}"
                    + did_you_mean(str(mid), mitigations),
                    fix="add it to rules/mitigations.yaml or correct the id")
    message = item.get("message")
    if not yamlio.is_mapping(message) or set(message) != {"what", "why", "todo"}:
        message = {}  # the schema has said so
    parameters = read_parameters(item.get("parameters"), citations,
                                 lambda what, fix=None: problem("LC320", "parameters", what, fix))
    check_placeholders(message.values(), parameters, facts,
                       lambda what, fix=None: problem("LC312", "message", what, fix))
    deadline = None
    if "deadline" in item:
        block = item["deadline"]

        def at(code, key, what, fix=None):
            where = block.where(key) if key and yamlio.is_mapping(block) and key in block \
                else item.where("deadline")
            problems.append(Problem(code, where, what, rid, fix))

        deadline = read_deadline(block, citations, parameters, at)
    reviewed = item.get("reviewed")
    if not yamlio.is_mapping(reviewed) or not reviewed.get("by") or \
            not isinstance(reviewed.get("on"), date):
        reviewed = {}  # the schema has said so
    reader = ConditionReader(facts, problems, rid)
    scope = reader.read(item["scope"], item.where("scope")) if "scope" in item else m.TRUE
    when = reader.read(item["when"], item.where("when")) if "when" in item else None
    if item.get("exception_to") and "scope" not in item:
        problem("LC313", "exception_to", "an exception needs a 'scope': the case in which it "
                "displaces the other rules")
    if len(problems) > count or scope is None or ("when" in item and when is None):
        return None
    return m.Rule(
        id=rid, title=str(item["title"]), citations=tuple(citations),
        effective_from=item["effective_from"], effective_to=item.get("effective_to"),
        applies_to=item["applies_to"], org_types=tuple(org_types), category=item["category"],
        kind=item["kind"], severity=item["severity"], consequence=item["consequence"],
        pillar=item["pillar"], scope=scope, when=when,
        exception_to=tuple(item.get("exception_to") or ()),
        message=m.Message(str(message["what"]), str(message["why"]), str(message["todo"])),
        mitigations=tuple(item.get("mitigations") or ()), confidence=item["confidence"],
        reviewed_by=str(reviewed["by"]), reviewed_on=reviewed["on"], file=str(path),
        line=item.start, law=law, effective_note=str(item.get("effective_note") or ""),
        version_of=str(item.get("version_of") or ""), parameters=parameters,
        precedents=tuple(str(p) for p in item.get("precedents") or ()), deadline=deadline)


def _check_ids_and_exceptions(rules: list[m.Rule], problems: list[Problem]) -> None:
    seen: dict[str, m.Rule] = {}
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id]
            problems.append(Problem("LC308", Where(rule.file, rule.line), f"duplicate rule id "
                                    f"(first defined at {first.file}:{first.line})", rule.id))
        seen[rule.id] = rule
    for rule in rules:
        if rule.version_of and (rule.version_of not in seen or rule.version_of == rule.id):
            problems.append(Problem("LC313", Where(rule.file, rule.line), f"version_of names "
                                    f"unknown rule {rule.version_of!r}"
                                    + did_you_mean(rule.version_of, seen), rule.id))
        for target in rule.exception_to:
            if target not in seen or target == rule.id:
                problems.append(Problem("LC313", Where(rule.file, rule.line),
                                        f"exception_to names unknown rule {target!r}"
                                        + did_you_mean(target, seen), rule.id))


def _load_tests(path, data, facts, known, problems) -> list[m.TestCase]:
    cases = data.get("tests") if yamlio.is_mapping(data) else None
    if not isinstance(cases, list):
        problems.append(Problem("LC314", Where(str(path), 1), "a test file needs 'tests:' "
                                "(a list of {name, facts, expect})"))
        return []
    found = []
    for case in cases:
        name = str(case.get("name", "?")) if yamlio.is_mapping(case) else "?"
        if not yamlio.is_mapping(case) or set(case) - {"name", "facts", "expect", "not_checked"} \
                or not isinstance(case.get("facts"), dict) or \
                not isinstance(case.get("expect"), list) or \
                not isinstance(case.get("not_checked", []), list):
            where = case.where() if hasattr(case, "where") else Where(str(path))
            problems.append(Problem("LC314", where, f"test {name!r} needs exactly name, facts "
                                    "(a mapping) and expect (a list of rule ids), and may list "
                                    "not_checked (rule ids)"))
            continue
        ok, values = True, {}
        for fact, value in case["facts"].items():
            spec = facts.get(fact)
            where = case["facts"].where(fact)
            if spec is None:
                problems.append(Problem("LC314", where, f"test {name!r}: undeclared fact "
                                        f"{fact!r}" + did_you_mean(fact, facts)))
                ok = False
                continue
            good, normal = check_value(spec, value)
            if not good:
                problems.append(Problem("LC314", where, f"test {name!r}: {value!r} is not a "
                                        f"valid {spec.type} for {fact}"))
                ok = False
            values[fact] = normal
        for rid in [*case["expect"], *case.get("not_checked", [])]:
            if rid not in known:
                problems.append(Problem("LC314", case.where("expect"), f"test {name!r} expects "
                                        f"unknown rule {rid!r}" + did_you_mean(str(rid), known)))
                ok = False
        if ok:
            found.append(m.TestCase(name, values, tuple(case["expect"]), str(path), case.start,
                                    tuple(case.get("not_checked", []))))
    return found
