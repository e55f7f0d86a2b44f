"""The rule base in words for the terminal: the rule list, one rule with the provisions it
cites, coverage, the impact of a law change, why a rule fires or not (lawcheck.explain's data),
and a rule test case's result. The CLI prints these; ``--format json`` prints the API result."""

from __future__ import annotations

import textwrap

from lawcheck.report.corpus import marks_legend, table, wrap_text

MARK = {True: "✓ true", False: "✗ false", None: "? unknown"}


def rules_text(rules: list[dict], marks: dict | None = None) -> str:
    marks = marks or {}
    rows = [("RULE", "KIND", "SEVERITY", "MARK", "CITES", "TESTS")]
    for r in rules:
        rows.append((r["id"], r["kind"], r["severity"], marks.get(r["id"], "?"),
                     ", ".join(c.split("/", 2)[-1] for c in r["citations"]), str(r["tests"])))
    return table(rows) + "\n\n" + marks_legend()


def rule_text(rule: dict) -> str:
    out = [f"{rule['id']} — {rule['title']}", f"  defined at {rule['file']}",
           f"  {rule['kind']}, severity {rule['severity']}, consequence {rule['consequence']}, "
           f"category {rule['category']}, pillar {rule['pillar']}, confidence "
           f"{rule['confidence']}",
           f"  applies to each {rule['applies_to']}"
           + (f" of {', '.join(rule['org_types'])}" if rule["org_types"] else "")
           + f", in force {rule['effective_from']} to {rule['effective_to'] or 'now'}",
           f"  reviewed by {rule['reviewed']['by']} on {rule['reviewed']['on']}; "
           f"{rule['tests']} test case(s)"]
    for i, p in enumerate(rule.get("precedents") or []):
        out += textwrap.wrap(p["summary"] + f" ({p['id']})", 96,
                             initial_indent="  precedents: " if i == 0 else "              ",
                             subsequent_indent="              ")
    if rule["exception_to"]:
        out.append(f"  exception to: {', '.join(rule['exception_to'])}")
    out += ["", "Applies when:"] + rule["scope"]
    if rule["when"]:
        out += ["Finding when:"] + rule["when"]
    out += ["", f"What: {rule['message']['what']}", f"Why: {rule['message']['why']}",
            f"What to do: {rule['message']['todo']}"]
    out += [f"  {{param.{p['name']}}} reads {p['reads']!r} from {p['citation']}"
            + (f" (the condition uses {p['value']})" if p["value"] is not None else "")
            for p in rule.get("parameters") or []]
    if rule.get("effective_note"):
        out.append(f"Dated: {rule['effective_note']}")
    for m in rule["mitigations"]:
        out.append(f"  • {m['id']}: {m['text']}")
    for c in rule["citations"]:
        out += ["", f"{c['provision']} (version {c['version']}, {c['language']}, in force "
                    f"{c['effective_from'] or '?'} to {c['effective_to'] or 'now'})"]
        out += wrap_text(c["text"], "  ")
    return "\n".join(out)


def coverage_text(c: dict) -> str:
    out = [f"{c['rules']} rules; {len(c['untested_rules'])} without a test case that makes "
           "them fire" + (": " + ", ".join(c["untested_rules"]) if c["untested_rules"] else "")]
    cited = sum(1 for rules in c["provisions"].values() if rules)
    out.append(f"{cited} of {len(c['provisions'])} articles (and paragraphs of instruments "
               "without articles) of the laws in use are cited by a rule")
    for pid, rules in c["provisions"].items():
        out.append(f"  {'✓' if rules else '·'} {pid}" + (f"  ← {', '.join(rules)}" if rules else ""))
    return "\n".join(out)


def impact_text(d: dict) -> str:
    out = [f"{d['law']}: {d['from']['version']} → {d['to']['version']}; "
           f"{len(d['changed_provisions'])} provision(s) changed, {len(d['rules'])} rule(s) "
           "affected"]
    if d.get("notice"):
        out += textwrap.wrap("NOTE: " + d["notice"], 96, initial_indent="  ",
                             subsequent_indent="  ")
    for r in d["rules"]:
        out.append(f"  {r['rule']} — {r['title']}")
        out += [f"      {c['provision']}: {c['change']}" for c in r["citations"]]
    return "\n".join(out)


def explanation_text(explained: dict) -> str:
    out = [f"{explained['rule']} — {explained['title']}",
           f"on {explained['date']}: " + ("FIRES" if explained["fires"] else "does not fire")]
    if not explained["in_force"]:
        out.append(f"  not in force: {explained['not_in_force_because']}")
    for exc in explained["displaced_by"]:
        out.append(f"  displaced by the exception {exc} (its scope holds)")
    if explained["exception_to"]:
        out.append(f"  this rule is an exception to: {', '.join(explained['exception_to'])}")
    for part in explained["parts"]:
        out.append(f"  {part['part']}: {MARK[part['result']]}")
        out += _lines(part["tree"], "    ")
    if explained["missing"]:
        out.append("  facts not given: " + ", ".join(explained["missing"]))
    return "\n".join(out)


def _lines(node: dict, indent: str) -> list[str]:
    if "test" in node:
        value = "not given" if node["value"] is None else node["value"]
        return [f"{indent}{MARK[node['result']]:10} {node['test']}   [{node['fact']} = {value}]"]
    lines = [f"{indent}{MARK[node['result']]:10} {node['op']}:"]
    for part in node["parts"]:
        lines += _lines(part, indent + "  ")
    return lines


def case_text(result) -> str:
    """A rule test case's result (lawcheck.ruletests.CaseResult): PASS, or FAIL with what
    differs and why each rule concerned fired or not."""
    case = result.case
    head = f"{'PASS' if result.passed else 'FAIL'} {case.file}:{case.line} {case.name}"
    if result.passed:
        return head
    lines = [head]
    lines += [f"  - expected, did not fire: {rid}" for rid in result.missing]
    lines += [f"  + fired, not expected:    {rid}" for rid in result.unexpected]
    lines += [f"  ! not listed as not checked: {rid}" for rid in result.checked]
    lines += ["    " + line for explained in result.explanations
              for line in explanation_text(explained).splitlines()]
    return "\n".join(lines)
