"""The rule base as a document a legal adviser can hand to a board: by law and article, each
rule with its condition in words, its message, its confidence and who reviewed it when."""

from __future__ import annotations

import html
import re

from lawcheck.rulebase.conditions import All, Any, Cmp, Not, describe
from lawcheck.rulebase.model import Rule, RuleBase


def condition_text(node, indent: str = "") -> list[str]:
    if isinstance(node, Cmp):
        return [f"{indent}- {describe(node)}"]
    if isinstance(node, Not):
        return [f"{indent}- not:"] + condition_text(node.part, indent + "  ")
    if isinstance(node, All) and not node.parts:
        return [f"{indent}- always"]
    word = "all of" if isinstance(node, All) else "any of"
    return [f"{indent}- {word}:"] + [line for p in node.parts
                                     for line in condition_text(p, indent + "  ")]


def _by_article(rulebase: RuleBase) -> dict[str, list[Rule]]:
    groups: dict[str, list[Rule]] = {}
    for rule in rulebase.rules:
        for cited in rule.citations or ("(guidance)",):
            groups.setdefault(cited, []).append(rule)
    # laws by id and article number; the guidance-only advisories last
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == "(guidance)", _natural(kv[0]))))


def _natural(text: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def markdown(rulebase: RuleBase, titles: dict[str, str] | None = None) -> str:
    titles = titles or {}
    out = ["# lawcheck rule base", "",
           f"Rule-base version `{rulebase.version[:12]}` — {len(rulebase.rules)} rules. "
           "Each rule cites the provisions it rests on; confidence marks come from the legal fact "
           "sheet and say what must still be verified against the official Khmer text.", ""]
    current_law, printed = None, {}
    for cited, rules in _by_article(rulebase).items():
        if cited == "(guidance)":
            out += ["## Security and reputation advisories (from the civil-society guidance; no "
                    "legal citation)", ""]
            for rule in rules:
                out += _rule_md(rule)
            continue
        law = "/".join(cited.split("/")[:2])
        if law != current_law:
            out += [f"## {law}" + (f" — {titles[law]}" if titles.get(law) else ""), ""]
            current_law = law
        out += [f"### {cited}" + (f" — {titles[cited]}" if titles.get(cited) else ""), ""]
        for rule in rules:
            if rule.id in printed:  # each rule in full once, under its first citation
                out += [f"- `{rule.id}` — {rule.title} (in full under {printed[rule.id]})", ""]
                continue
            printed[rule.id] = cited
            out += _rule_md(rule)
    return "\n".join(out).rstrip() + "\n"


def _rule_md(rule: Rule) -> list[str]:
    lines = [f"#### {rule.title}", "",
             f"`{rule.id}` · {rule.kind} · severity {rule.severity} · consequence "
             f"{rule.consequence} · {rule.category} · pillar {rule.pillar} · confidence "
             f"**{rule.confidence}**", "",
             f"In force from {rule.effective_from or '?'}"
             + (f" to {rule.effective_to}" if rule.effective_to else "")
             + f"; applies to each {rule.applies_to}"
             + (f" of organisations of type {', '.join(rule.org_types)}" if rule.org_types else "")
             + ".", ""]
    if rule.exception_to:
        lines += [f"Exception to: {', '.join(f'`{r}`' for r in rule.exception_to)}. When its "
                  "scope holds, those rules do not apply.", ""]
    if rule.scope != All(()):
        lines += ["Applies when:"] + condition_text(rule.scope) + [""]
    if rule.when is not None:
        lines += ["Finding when:"] + condition_text(rule.when) + [""]
    lines += [f"- **What:** {rule.message.what}", f"- **Why:** {rule.message.why}",
              f"- **What to do:** {rule.message.todo}"]
    if rule.mitigations:
        lines.append(f"- **Mitigations:** {', '.join(rule.mitigations)}")
    if rule.parameters:  # {param.NAME}: read from the version in force on the subject's date
        lines.append("- **Numbers read from the law:** " + "; ".join(
            f"`{{param.{p.name}}}` from {p.citation}" for p in rule.parameters))
    lines += [f"- **Cites:** {', '.join(rule.citations) or 'the security guidance'}",
              f"- **Reviewed:** by {rule.reviewed_by} on {rule.reviewed_on}", ""]
    return lines


def to_html(markdown_text: str) -> str:
    """A self-contained HTML page from the catalogue's own small Markdown subset."""
    body, in_list = [], 0
    for line in markdown_text.splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2 + 1 if line.lstrip().startswith("- ") else 0
        while in_list > depth:
            body.append("</ul>")
            in_list -= 1
        while in_list < depth:
            body.append("<ul>")
            in_list += 1
        if depth:
            body.append(f"<li>{_inline(line.lstrip()[2:])}</li>")
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{_inline(line[level:].strip())}</h{level}>")
        elif line.strip():
            body.append(f"<p>{_inline(line)}</p>")
    body += ["</ul>"] * in_list
    style = ("body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.45}"
             "code{background:#f2f2f2;padding:0 .2em}h3{border-top:1px solid #ccc;"
             "padding-top:.6em}@media print{h3{page-break-after:avoid}}")
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>lawcheck rule base</title><style>{style}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _inline(text: str) -> str:
    text = html.escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)
