"""The report as Markdown (CommonMark): the same content and order as the terminal view.

Report content is escaped, so a statement's ``*``, ``[`` or ``<script>`` shows as typed and is
never read as Markdown or raw HTML.
"""

from __future__ import annotations

import re

from lawcheck.report import summary as S

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(value) -> str:
    """Escape ``value`` for inline Markdown: one line, Markdown and HTML characters escaped."""
    text = " ".join(str(value if value is not None else "").split())
    return _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


def code(value) -> str:
    """A code span (its content is literal in Markdown: only backticks need care)."""
    return "`" + " ".join(str(value or "").replace("`", "'").split()) + "`"


def render_markdown(report: dict) -> str:
    report = S.canonical(report)
    title, meta = S.header_lines(report)
    out = [f"# {md(title)}", "", md(meta), "", f"*{md(S.NOT_ADVICE)}*", "", "## Summary", ""]
    out += _summary(report)
    for group in S.groups(report):
        out += ["", f"## {md(group.heading)}", ""]
        clear = S.clear_line(report, group)
        if clear:
            out.append(md(clear))
        notes = S.unscreened(report, group.activity)
        if notes:
            out += [""] + [f"- ⚠ **{md(line)}**" for line in notes]
        if group.questions:
            out += [f"### {md(S.QUESTIONS_HEADING)} ({len(group.questions)})", "",
                    f"*{md(S.QUESTIONS_HEADING)}: {md(S.QUESTIONS_MEANING)}*", ""]
            for f in group.questions:
                out += _finding(f)
        for section in group.sections:
            out += [f"### {md(section.heading)} ({len(section.findings)})", "",
                    f"*{md(section.heading)}: {md(section.meaning)}*", ""]
            for f in section.findings:
                out += _finding(f)
    rows = S.not_checked(report)
    if rows:
        out += ["", "## Not checked", "", md(S.NOT_CHECKED_MEANING), ""]
        out += [f"- **{md(row.title)}** ({md(row.where)}): " + _needs(row)
                + (f" {code(row.rule_note)}" if row.rule_note else "") for row in rows]
    out += ["", "---", "", f"*Checked: {md(S.fingerprint(report))}*"]
    return "\n".join(_collapse(out)).rstrip("\n") + "\n"


def _summary(report: dict) -> list[str]:
    out = []
    due = S.act_by(report)
    if due is not None:
        overdue, soon = due
        out += [f"**{md(S.ACT_BY_HEADING)}**", ""]
        if not overdue and not soon:
            out += [md(S.NOTHING_DUE), ""]
        for heading, rows in ((S.OVERDUE_HEADING, overdue), (S.SOON_HEADING, soon)):
            if rows:
                out += [f"*{md(heading)} ({len(rows)})*", ""]
                out += [f"{i}. **{md(a.line)}**  \n   {md(a.what)} {code(a.basis)}"
                        for i, a in enumerate(rows, 1)]
                out.append("")
    for key, label, value in S.risks(report):
        out += ["", f"**{md(label)}: {md(S.plain_risk(key, value, report))}**", ""]
        drivers = S.driver_titles(value, report)
        if drivers:
            out.append(f"- Driven by: {'; '.join(md(d) for d in drivers)}")
        lines = value.get("explanation") or []
        if lines:
            out.append(f"- *{md(S.computed_label(value))}:*")
            out += [f"  - {md(line)}" for line in lines]
    out += ["", "**Most serious findings**", ""]
    top = S.top_findings(report)
    out += [f"{i}. **{md(S.KIND_LABELS.get(f.get('kind'), f.get('kind')))}** "
            f"({md(f.get('severity'))}): {md(f.get('title'))}, {md(S.where_label(f, report))}"
            + (f" ({md(S.confidence_mark(f))})" if S.confidence_mark(f) else "")
            for i, f in enumerate(top, 1)] or ["None."]
    asked = S.top_questions(report)
    if asked:
        out += ["", "**Questions the plan must answer**", ""]
        out += [f"{i}. {md(f.get('title'))} ({md(S.where_label(f, report))})"
                for i, f in enumerate(asked, 1)]
    unchecked = S.top_not_checked(report)
    if unchecked:
        out += ["", f"**{md(S.unchecked_heading(report))}**", ""]
        out += [f"{i}. {md(row.title)} ({md(row.where)}): " + _needs(row)
                for i, row in enumerate(unchecked, 1)]
    mitigations = S.first_mitigations(report)
    if mitigations:
        out += ["", "**Act on these first**", ""]
        out += [f"{i}. {md(m.text)} *({md(S.mitigation_count(m))})*"
                for i, m in enumerate(mitigations, 1)]
    caveats = S.caveats(report)
    if caveats:
        out += ["", "**Caveats**", ""] + [f"- ⚠ {md(c)}" for c in caveats]
    return out


def _finding(f: dict) -> list[str]:
    out = [f"#### {md(str(f.get('severity', '')).upper())}: {md(f.get('title'))}", ""]
    statement = S.statement_line(f)
    if statement:
        out.append(f"- **Where:** {md(statement)}")
    out += [f"- **What we found:** {md(f.get('what'))}",
            f"- **Why it matters:** {md(S.why_text(f))}",
            *([f"- **{md(S.FOUND_LABEL)}:** {md(S.found_line(f))}"] if S.found_line(f)
              else []),
            f"- **What to do:** {md(f.get('todo'))}",
            f"- **Could lead to:** {md(S.consequence_line(f))}"]
    for c in f.get("citations") or []:
        mark = S.citation_mark(c)
        out.append(f"- **Legal basis:** {md(S.citation_label(c))}"
                   + (f" *({md(mark)})*" if mark else ""))
        if c.get("text"):
            out.append(f"  > {md(c['text'])}")
    out.append(f"- **Confidence:** {md(S.confidence_note(f))}")
    mitigations = f.get("mitigations") or []
    if mitigations:
        out.append("- **Mitigations:**")
        out += [f"  - {md(m.get('text'))}" for m in mitigations]
    precedents = f.get("precedents") or []
    if precedents:
        out.append("- **Precedents (what the authorities did in similar cases):**")
        out += [f"  - {md(p.get('summary'))} ({code(p.get('id'))})" for p in precedents]
    out += [f"- **Rule:** {code(f.get('rule'))}", ""]
    return out


def _needs(row: S.Unchecked) -> str:
    """Plan keys as code spans (their brackets stay literal), then the reasons."""
    return "; ".join([f"add {code(k)}" for k in row.keys] + [md(r) for r in row.reasons])


def _collapse(lines: list[str]) -> list[str]:
    """No runs of blank lines."""
    out: list[str] = []
    for line in lines:
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    return out
