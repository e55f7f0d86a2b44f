"""The rule catalogue: the rule base as a document a legal adviser can hand to a board, by law
and article, each rule with its condition in words, its message, its confidence and who
reviewed it when. Written as Markdown; the HTML page is that Markdown through markdown-it-py
(CommonMark, raw HTML off, so a rule's text is shown and never run) in the base template."""

from __future__ import annotations

from lawcheck.catalog import by_article, condition_text
from lawcheck.rulebase.conditions import All
from lawcheck.rulebase.model import Rule, RuleBase


def render_markdown(rulebase: RuleBase, titles: dict[str, str] | None = None) -> str:
    """The catalogue as Markdown (CommonMark)."""
    titles = titles or {}
    out = ["# lawcheck rule base", "",
           f"Rule-base version `{rulebase.version[:12]}` — {len(rulebase.rules)} rules. "
           "Each rule cites the provisions it rests on; confidence marks come from the legal fact "
           "sheet and say what must still be verified against the official Khmer text.", ""]
    current_law: str | None = None
    printed: dict[str, str] = {}  # rule id -> the citation it is printed in full under
    for cited, rules in by_article(rulebase).items():
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
    # "*" bullets: the message is a list of its own, not more items of the condition's
    lines += [f"* **What:** {rule.message.what}", f"* **Why:** {rule.message.why}",
              f"* **What to do:** {rule.message.todo}"]
    if rule.mitigations:
        lines.append(f"* **Mitigations:** {', '.join(rule.mitigations)}")
    if rule.parameters:  # {param.NAME}: read from the version in force on the subject's date
        lines.append("* **Numbers read from the law:** " + "; ".join(
            f"`{{param.{p.name}}}` from {p.citation}" for p in rule.parameters))
    lines += [f"* **Cites:** {', '.join(rule.citations) or 'the security guidance'}",
              f"* **Reviewed:** by {rule.reviewed_by} on {rule.reviewed_on}", ""]
    return lines


def render_html(rulebase: RuleBase, titles: dict[str, str] | None = None) -> str:
    """The catalogue as a self-contained HTML page."""
    from markdown_it import MarkdownIt
    from markupsafe import Markup

    from lawcheck.report.templating import render

    body = MarkdownIt("commonmark", {"html": False}).render(render_markdown(rulebase, titles))
    return render("report/catalog.html", body=Markup(body))
