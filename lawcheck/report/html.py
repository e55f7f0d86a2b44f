"""The report as one self-contained HTML page: inline CSS with a print stylesheet, no scripts,
no fonts, images or links outside the page, every piece of report content escaped.

Plain string building (no template engine): the page is small, and one ``esc`` at every
insertion point is easy to audit. Kinds are told apart by words and borders, not colour alone,
so the page still reads on a black-and-white printout.
"""

from __future__ import annotations

import re
from html import escape

from lawcheck.report import summary as S

_CSS = """
:root { --violation: #b3261e; --risk: #9a6700; --advisory: #0b6e99; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Khmer",
  sans-serif; color: #1f2328; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #1f2328; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
h4 { font-size: 1rem; margin: 0 0 .4rem; }
.meta, .note, .meaning, .count { color: #57606a; font-size: .9rem; }
.summary { border: 1px solid #d0d7de; border-radius: 6px; padding: .2rem 1rem 1rem; }
.risks { display: flex; gap: 1rem; flex-wrap: wrap; }
.risk { flex: 1 1 16rem; border: 1px solid #d0d7de; border-left-width: 6px; padding: .5rem .8rem; }
.risk h3 { margin-top: 0; }
.level { font-weight: 700; font-size: 1.1rem; }
.level-critical, .level-high { border-left-color: var(--violation); }
.level-moderate { border-left-color: var(--risk); }
.level-low, .level-none { border-left-color: var(--ok); }
.tag { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase;
  border: 1px solid currentColor; border-radius: 3px; padding: 0 .35rem; margin-right: .3rem; }
.kind-violation { color: var(--violation); }
.kind-risk { color: var(--risk); }
.kind-advisory { color: var(--advisory); }
section.kind { border-left: 4px solid currentColor; padding-left: .9rem; margin: 1rem 0; }
section.kind > * { color: #1f2328; }
section.kind > h3 { color: inherit; }
.finding { border: 1px solid #d0d7de; border-radius: 6px; padding: .7rem .9rem; margin: .8rem 0; }
.finding dl { display: grid; grid-template-columns: 9.5rem 1fr; gap: .25rem .8rem; margin: 0; }
.finding dt { font-weight: 600; color: #57606a; }
.finding dd { margin: 0; }
.finding ul { margin: 0; padding-left: 1.1rem; }
blockquote { margin: .2rem 0 0; padding-left: .7rem; border-left: 3px solid #d0d7de;
  color: #424a53; }
.verify { color: var(--risk); font-weight: 600; }
.clear { color: var(--ok); }
.act-by h4.overdue, .act-by ol.overdue strong { color: var(--violation); }
.risk details { font-size: .9rem; color: #57606a; }
.unclear { color: #8a5a00; font-weight: bold; }
code { font-size: .85em; background: #f6f8fa; padding: 0 .2rem; }
a { color: inherit; }
footer { margin-top: 2rem; color: #57606a; font-size: .85rem; }
@media print {
  @page { margin: 15mm; }
  body { font-size: 10pt; max-width: none; padding: 0; color: #000; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .finding, .risk, .summary li { break-inside: avoid; page-break-inside: avoid; }
  .summary { border-color: #000; }
  a { text-decoration: none; }
  code { background: none; }
}
""".strip()


def esc(value) -> str:
    return escape(str(value if value is not None else ""), quote=True)


def _cls(value) -> str:
    """A CSS class name from a vocabulary value (never trusted as markup)."""
    return re.sub(r"[^a-z0-9-]", "", str(value or "").lower()) or "unknown"


def render_html(report: dict) -> str:
    report = S.canonical(report)
    anchors = {id(f): f"f{i}" for i, f in enumerate(report["findings"], 1)}
    title, meta = S.header_lines(report)
    out = ['<!DOCTYPE html>', '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(title)}</title>", f"<style>\n{_CSS}\n</style>", "</head>", "<body>",
           "<header>", f"<h1>{esc(title)}</h1>", f'<p class="meta">{esc(meta)}</p>',
           f'<p class="note">{esc(S.NOT_ADVICE)}</p>', "</header>"]
    out += _summary(report, anchors)
    for group in S.groups(report):
        out += ["<section class=\"group\">", f"<h2>{esc(group.heading)}</h2>"]
        clear = S.clear_line(report, group)
        if clear:
            out.append(f'<p class="{"clear" if clear == S.CLEAR else "unclear"}">'
                       f'{esc(clear)}</p>')
        out += [f'<p class="unclear unscreened">⚠ {esc(line)}</p>'
                for line in S.unscreened(report, group.activity)]
        if group.questions:
            out += ['<section class="kind kind-question">',
                    f"<h3>{esc(S.QUESTIONS_HEADING)} ({len(group.questions)})</h3>",
                    f'<p class="meaning">{esc(S.QUESTIONS_HEADING)}: '
                    f'{esc(S.QUESTIONS_MEANING)}</p>']
            for f in group.questions:
                out += _finding(f, anchors[id(f)])
            out.append("</section>")
        for section in group.sections:
            out += [f'<section class="kind kind-{_cls(section.kind)}">',
                    f"<h3>{esc(section.heading)} ({len(section.findings)})</h3>",
                    f'<p class="meaning">{esc(section.heading)}: {esc(section.meaning)}</p>']
            for f in section.findings:
                out += _finding(f, anchors[id(f)])
            out.append("</section>")
        out.append("</section>")
    rows = S.not_checked(report)
    if rows:
        out += ['<section class="not-checked">', "<h2>Not checked</h2>",
                f"<p>{esc(S.NOT_CHECKED_MEANING)}</p>", "<ul>"]
        out += [f"<li><strong>{esc(row.title)}</strong> ({esc(row.where)}): "
                + "; ".join(esc(n) for n in row.needs)
                + (f" <code>{esc(row.rule_note)}</code>" if row.rule_note else "") + "</li>"
                for row in rows]
        out += ["</ul>", "</section>"]
    out += [f"<footer>Checked: {esc(S.fingerprint(report))}</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _summary(report: dict, anchors: dict) -> list[str]:
    out = ['<section class="summary">', "<h2>Summary</h2>"]
    due = S.act_by(report)
    if due is not None:
        overdue, soon = due
        out += ['<div class="act-by" id="act-by">', f"<h3>{esc(S.ACT_BY_HEADING)}</h3>"]
        if not overdue and not soon:
            out.append(f"<p>{esc(S.NOTHING_DUE)}</p>")
        for heading, rows, cls in ((S.OVERDUE_HEADING, overdue, "overdue"),
                                   (S.SOON_HEADING, soon, "soon")):
            if rows:
                out += [f'<h4 class="{cls}">{esc(heading)} ({len(rows)})</h4>', f'<ol class="{cls}">']
                out += [f"<li><strong>{esc(a.line)}</strong><br>{esc(a.what)} "
                        f"<code>{esc(a.basis)}</code></li>" for a in rows]
                out.append("</ol>")
        out.append("</div>")
    out.append('<div class="risks">')
    for key, label, value in S.risks(report):
        out += [f'<div class="risk level-{_cls(value.get("level"))}">', f"<h3>{esc(label)}</h3>",
                f'<p class="level">{esc(S.plain_risk(key, value, report))}</p>']
        drivers = S.driver_titles(value, report)
        if drivers:
            out.append(f'<p class="count">Driven by: {esc("; ".join(drivers))}</p>')
        lines = value.get("explanation") or []
        if lines:
            out += [f"<details><summary>{esc(S.computed_label(value))}</summary>", "<ul>"] + [f"<li>{esc(line)}</li>" for line in lines] + [
                    "</ul>", "</details>"]
        out.append("</div>")
    out += ["</div>", "<h3>Most serious findings</h3>"]
    top = S.top_findings(report)
    if not top:
        out.append("<p>None.</p>")
    else:
        out.append("<ol>")
        for f in top:
            mark = S.confidence_mark(f)
            out.append(
                f'<li><span class="tag kind-{_cls(f.get("kind"))}">'
                f'{esc(S.KIND_LABELS.get(f.get("kind"), f.get("kind")))}</span>'
                f'<span class="tag">{esc(f.get("severity"))}</span>'
                f'<a href="#{anchors[id(f)]}">{esc(f.get("title"))}</a>, '
                f"{esc(S.where_label(f, report))}"
                + (f' <span class="verify">({esc(mark)})</span>' if mark else "") + "</li>")
        out.append("</ol>")
    asked = S.top_questions(report)
    if asked:
        out += ["<h3>Questions the plan must answer</h3>", "<ol>"]
        out += [f'<li><a href="#{anchors[id(f)]}">{esc(f.get("title"))}</a>, '
                f"{esc(S.where_label(f, report))}</li>" for f in asked]
        out.append("</ol>")
    unchecked = S.top_not_checked(report)
    if unchecked:
        out += [f"<h3>{esc(S.unchecked_heading(report))}</h3>", "<ol>"]
        out += [f"<li>{esc(row.title)} ({esc(row.where)}): "
                + "; ".join(esc(n) for n in row.needs) + "</li>" for row in unchecked]
        out.append("</ol>")
    mitigations = S.first_mitigations(report)
    if mitigations:
        out += ["<h3>Act on these first</h3>", "<ol>"]
        out += [f'<li>{esc(m.text)} <span class="count">({esc(S.mitigation_count(m))})</span></li>'
                for m in mitigations]
        out.append("</ol>")
    caveats = S.caveats(report)
    if caveats:
        out += ["<h3>Caveats</h3>", "<ul>"] + [f'<li class="verify">{esc(c)}</li>'
                                               for c in caveats] + ["</ul>"]
    out.append("</section>")
    return out


def _finding(f: dict, anchor: str) -> list[str]:
    severity = f.get("severity")
    out = [f'<article class="finding" id="{anchor}">',
           f'<h4><span class="tag kind-{_cls(f.get("kind"))}">{esc(severity)}</span>'
           f"{esc(f.get('title'))}</h4>", "<dl>"]

    def row(label: str, body: str) -> None:
        out.extend([f"<dt>{esc(label)}</dt>", f"<dd>{body}</dd>"])

    statement = S.statement_line(f)
    if statement:
        row("Where", esc(statement))
    row("What we found", esc(f.get("what")))
    row("Why it matters", esc(S.why_text(f)))
    found = S.found_line(f)
    if found:
        row(S.FOUND_LABEL, esc(found))
    row("What to do", esc(f.get("todo")))
    row("Could lead to", esc(S.consequence_line(f)))
    for c in f.get("citations") or []:
        quote = f"<blockquote>{esc(c['text'])}</blockquote>" if c.get("text") else ""
        mark = S.citation_mark(c)
        note = f' <span class="mark">({esc(mark)})</span>' if mark else ""
        row("Legal basis", f"{esc(S.citation_label(c))}{note}{quote}")
    note = esc(S.confidence_note(f))
    row("Confidence", f'<span class="verify">{note}</span>' if S.needs_verifying(f) else note)
    mitigations = f.get("mitigations") or []
    if mitigations:
        row("Mitigations", "<ul>" + "".join(f"<li>{esc(m.get('text'))}</li>"
                                            for m in mitigations) + "</ul>")
    precedents = f.get("precedents") or []
    if precedents:
        row("Precedents", "<ul>" + "".join(
            f"<li>{esc(p.get('summary'))} <code>{esc(p.get('id'))}</code></li>"
            for p in precedents) + "</ul>")
    row("Rule", f"<code>{esc(f.get('rule'))}</code>")
    out += ["</dl>", "</article>"]
    return out
