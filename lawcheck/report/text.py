"""The report for a terminal, laid out with rich (imported here, only when text is asked for).

Every piece of report content goes in as a rich ``Text`` (never as markup), so brackets in a
statement cannot restyle the output. Without colour the output is plain text with no trailing
spaces, which is what the golden files hold.
"""

from __future__ import annotations

import io
import textwrap

from lawcheck.report import summary as S

_KIND_STYLE = {"violation": "bold red", "risk": "bold yellow", "advisory": "bold cyan"}
_LEVEL_STYLE = {"critical": "bold white on red", "high": "bold red", "moderate": "bold yellow",
                "medium": "bold yellow", "low": "green", "none": "green", "info": "cyan"}
_LABEL = 15  # width of the label column in a finding
_QUOTE = 300  # characters of a cited article shown in the terminal (Markdown/HTML show it all)


def render_text(report: dict, *, color: bool = False, width: int = 100) -> str:
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False,
                      markup=False, emoji=False, legacy_windows=False, soft_wrap=False,
                      _environ={})  # no COLUMNS, NO_COLOR, FORCE_COLOR or TERM from outside
    report = S.canonical(report)
    for renderable in _body(report):
        console.print(renderable)
    text = out.getvalue()
    if not color:
        text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    return text


def _body(report: dict):
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    title, meta = S.header_lines(report)
    yield Text(title, style="bold")
    yield Text(meta, style="dim")
    yield Text(S.NOT_ADVICE, style="dim")
    yield Rule(Text("Summary", style="bold"), characters="=")
    yield from _summary(report)
    for group in S.groups(report):
        yield Text("")
        yield Rule(Text(group.heading, style="bold"), characters="=", align="left")
        clear = S.clear_line(report, group)
        if clear:
            yield Padding(Text(clear, style="green" if clear == S.CLEAR else "yellow"),
                          (0, 0, 0, 2))
        for line in S.unscreened(report, group.activity):
            yield Padding(Text("! " + line, style="bold yellow"), (0, 0, 0, 2))
        if group.questions:
            yield Text("")
            yield Padding(Text.assemble((S.QUESTIONS_HEADING.upper(), "bold magenta"),
                                        f" ({len(group.questions)}): {S.QUESTIONS_MEANING}"),
                          (0, 0, 0, 2))
            for finding in group.questions:
                yield from _finding(finding)
        for section in group.sections:
            yield Text("")
            yield Padding(Text.assemble((f"{section.heading.upper()}", _KIND_STYLE.get(
                section.kind, "bold")), f" ({len(section.findings)}): {section.meaning}"),
                (0, 0, 0, 2))
            for finding in section.findings:
                yield from _finding(finding)
    rows = S.not_checked(report)
    if rows:
        yield Text("")
        yield Rule(Text("Not checked", style="bold"), characters="=", align="left")
        yield Padding(Text(S.NOT_CHECKED_MEANING), (0, 0, 0, 2))
        for row in rows:
            yield Padding(Text.assemble(("- ", "dim"), (row.title, "bold"), f" ({row.where}): "
                                        + "; ".join(row.needs),
                                        (f" [{row.rule_note}]" if row.rule_note else "", "dim")),
                          (0, 0, 0, 2))
    yield Text("")
    yield Text(f"Checked: {S.fingerprint(report)}", style="dim")


def _summary(report: dict):
    from rich.padding import Padding
    from rich.text import Text

    due = S.act_by(report)
    if due is not None:
        overdue, soon = due
        yield Text(S.ACT_BY_HEADING, style="bold")
        if not overdue and not soon:
            yield Padding(Text(S.NOTHING_DUE), (0, 0, 0, 2))
        for heading, rows, style in ((S.OVERDUE_HEADING, overdue, "bold red"),
                                     (S.SOON_HEADING, soon, "bold")):
            if not rows:
                continue
            yield Padding(Text(f"{heading} ({len(rows)})", style=style), (0, 0, 0, 2))
            for i, a in enumerate(rows, 1):
                yield Padding(Text(f"{i}. {a.line}", style="bold"), (0, 0, 0, 2))
                yield Padding(Text(f"{a.what} [{a.basis}]"), (0, 0, 0, 5))
        yield Text("")
    for key, label, value in S.risks(report):
        level = value.get("level")
        yield Text.assemble((f"{label}: ", "bold"),
                            (S.plain_risk(key, value, report), _LEVEL_STYLE.get(level, "bold")))
        drivers = S.driver_titles(value, report)
        if drivers:
            yield Padding(Text("Driven by: " + "; ".join(drivers), style="dim"), (0, 0, 0, 2))
        lines = value.get("explanation") or []
        if lines:
            yield Padding(Text(f"{S.computed_label(value)}:", style="dim"),
                          (0, 0, 0, 2))
        for line in lines:
            yield Padding(Text(f"- {line}", style="dim"), (0, 0, 0, 4))
    top = S.top_findings(report)
    yield Text("")
    yield Text("Most serious findings", style="bold")
    if not top:
        yield Padding(Text("None."), (0, 0, 0, 2))
    for i, f in enumerate(top, 1):
        yield Padding(Text.assemble(
            f"{i}. ", (S.KIND_LABELS.get(f.get("kind"), str(f.get("kind"))).upper(),
                       _KIND_STYLE.get(f.get("kind"), "bold")),
            f" ({f.get('severity')}) {f.get('title', '')}: {S.where_label(f, report)}"
            + (f" ({S.confidence_mark(f)})" if S.confidence_mark(f) else "")),
            (0, 0, 0, 2))
    asked = S.top_questions(report)
    if asked:
        yield Text("")
        yield Text("Questions the plan must answer", style="bold")
        for i, f in enumerate(asked, 1):
            yield Padding(Text(f"{i}. {f.get('title', '')} ({S.where_label(f, report)})"),
                          (0, 0, 0, 2))
    unchecked = S.top_not_checked(report)
    if unchecked:
        yield Text("")
        yield Text(S.unchecked_heading(report), style="bold")
        for i, row in enumerate(unchecked, 1):
            yield Padding(Text(f"{i}. {row.title} ({row.where}): " + "; ".join(row.needs)),
                          (0, 0, 0, 2))
    mitigations = S.first_mitigations(report)
    if mitigations:
        yield Text("")
        yield Text("Act on these first", style="bold")
        for i, m in enumerate(mitigations, 1):
            yield Padding(Text.assemble(f"{i}. {m.text} ", (f"[{S.mitigation_count(m)}]", "dim")),
                          (0, 0, 0, 2))
    caveats = S.caveats(report)
    if caveats:
        yield Text("")
        yield Text("Caveats", style="bold")
        for c in caveats:
            yield Padding(Text(f"! {c}", style="yellow"), (0, 0, 0, 2))


def _finding(f: dict):
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    severity = str(f.get("severity", "")).upper()
    yield Text("")
    yield Padding(Text.assemble((f"[{severity}]", _LEVEL_STYLE.get(f.get("severity"), "bold")),
                                " ", (str(f.get("title", "")), "bold")), (0, 0, 0, 4))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=_LABEL, style="dim", no_wrap=True)
    grid.add_column(ratio=1)
    statement = S.statement_line(f)
    if statement:
        grid.add_row("Where", Text(statement))
    grid.add_row("What we found", Text(str(f.get("what", ""))))
    grid.add_row("Why it matters", Text(S.why_text(f)))
    found = S.found_line(f)
    if found:
        grid.add_row(S.FOUND_LABEL, Text(found))
    grid.add_row("What to do", Text(str(f.get("todo", ""))))
    grid.add_row("Could lead to", Text(S.consequence_line(f)))
    for i, c in enumerate(f.get("citations") or []):
        quote = textwrap.shorten(str(c.get("text") or ""), _QUOTE, placeholder=" …")
        mark = S.citation_mark(c)
        grid.add_row("Legal basis" if i == 0 else "", Text.assemble(
            (S.citation_label(c), "bold"), f': "{quote}"' if quote else "",
            (f" [{mark}]" if mark else "", "dim")))
    grid.add_row("Confidence", Text(S.confidence_note(f),
                                    style="yellow" if S.needs_verifying(f) else ""))
    for i, m in enumerate(f.get("mitigations") or []):
        grid.add_row("Mitigations" if i == 0 else "", Text(f"- {m.get('text', '')}"))
    for i, p in enumerate(f.get("precedents") or []):
        grid.add_row("Precedents" if i == 0 else "", Text(f"- {p.get('summary', '')}"))
    grid.add_row("Rule", Text(str(f.get("rule", "")), style="dim"))
    yield Padding(grid, (0, 0, 0, 6))
