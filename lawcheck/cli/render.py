"""Text renderings of API results for the terminal. JSON output is the API result itself."""

from __future__ import annotations

import json
import textwrap

import click

_SKIPPED = {"preamble": "preamble", "toc": "table of contents", "signature": "signature block",
            "header": "running header", "footer": "running footer",
            "page-number": "page number", "debris": "OCR debris", "duplicate": "duplicate"}


def output_format(output: str | None, fmt: str | None, formats, *, command: str,
                  hints: dict[str, str] | None = None) -> str | None:
    """The format to write ``output`` in: ``--format`` when given, else the one its extension
    names (the registry in lawcheck.report.formats). An extension the command cannot write is
    refused here, before any work (exit 2), with the extensions it can write; ``hints`` says
    what to do instead for some (".pdf"). Returns ``fmt`` (perhaps None: the command's own
    default) when there is no file or no extension."""
    from pathlib import PurePath

    from lawcheck.errors import OptionError, Where
    from lawcheck.report.formats import extensions, format_of

    if not output:
        return fmt
    suffix = PurePath(str(output)).suffix.lower()
    if not suffix:
        return fmt
    wanted = format_of(output)
    if wanted in formats and suffix not in (hints or {}):
        return fmt or wanted
    can = ", ".join(extensions(formats, leave_out=hints or {}))
    raise OptionError(
        f"`lawcheck {command}` cannot write a {suffix} file", code="LC228",
        where=Where(str(output)),
        fix=(hints or {}).get(suffix) or f"name the output with one of the extensions it "
        f"writes: {can}")


#: ``--force`` for every command that writes ``-o FILE`` (see lawcheck.outfile).
FORCE = click.option("--force", is_flag=True,
                     help="Replace -o FILE even when lawcheck did not write it (never the "
                          "database).")


def prepare_output(output: str | None, force: bool = False) -> None:
    """Refuse ``output`` before any work: the database or its -wal/-shm/-journal files, a
    folder, or an existing file lawcheck did not write (without ``force``)."""
    if not output:
        return
    from lawcheck.outfile import check_output

    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    check_output(output, db=(obj or {}).get("db"), force=force)


def deliver(text: str, output: str | None, *, newline: str | None = None,
            fmt: str | None = None) -> None:
    """Print ``text``, or write it to ``output`` and say so on stderr: through a 0600
    temporary file renamed into place (reports quote plans and statements; a full disk or a
    kill never leaves half a file). ``newline=""`` keeps CR LF line ends (.ics)."""
    if output:
        from lawcheck.outfile import atomic
        from lawcheck.report.formats import FORMATS

        # a file read in a terminal (cat, less) shows control characters as the screen does;
        # in JSON a \uXXXX inside a string is the same character, so the data is unchanged
        if fmt in FORMATS and FORMATS[fmt].shown:
            from lawcheck.report.safe import visible

            text = visible(text)
        with atomic(output, newline=newline) as fh:
            fh.write(text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def echo_json(value) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False))


def ingest_text(result) -> str:
    r = result.report
    head = (f"{'Already stored' if result.unchanged else 'Ingested'} {result.law_id} version "
            f"{result.version} ({result.language}) from {result.source}")
    lines = [head,
             f"  title: {result.title}",
             f"  found: {r['chapters']} chapter(s), {r['articles']} article(s); "
             f"{result.provisions} provisions, {result.annotations} machine annotations "
             "(unreviewed)"]
    if r.get("ocr"):
        lines.append(_ocr_note(r["ocr"]))
    if r["declared"]:
        lines.append(f"  the law says of itself: {r['declared'].get('chapters')} chapters, "
                     f"{r['declared'].get('articles')} articles")
    lines.append("  gaps in article numbering: " + (", ".join(r["gaps"]) or "none"))
    for d in r["duplicates"]:
        verdict = ("identical, kept the first" if d["identical"]
                   else "DIFFERENT texts: kept the first, the second is listed as unplaced")
        lines.append(f"  duplicate: {d['provision']} printed twice (lines {d['first_line']} "
                     f"and {d['second_line']}): {verdict}")
    counts: dict[str, int] = {}
    for s in r["skipped"]:
        counts[s["kind"]] = counts.get(s["kind"], 0) + s["lines"]
    if counts:
        lines.append("  set aside: " + ", ".join(
            f"{_SKIPPED.get(k, k)} ({n} line{'s' if n != 1 else ''})"
            for k, n in sorted(counts.items())))
    if r["hyphens_joined"]:
        lines.append(f"  hyphenated line ends joined: {r['hyphens_joined']}")
    lines.append(f"  unplaced text: {len(r['unplaced']) or 'none'}")
    for u in r["unplaced"]:
        lines.append(f"    page {u['page']} line {u['line']}: {_short(u['text'])}")
    for w in r["warnings"]:
        lines.append(f"  warning: {w}")
    affected = getattr(result, "rules_affected", ())
    if affected:
        lines.append(f"  RULES AFFECTED ({len(affected)}): they cite provisions this version no "
                     "longer has, and are not checked until a person corrects them "
                     "(`lawcheck rules impact " + result.law_id + "`):")
        lines += [f"    {a['rule']}: {a['reason']}" for a in affected]
    return "\n".join(lines)


def marks_legend() -> str:
    """What confirmed / likely / uncertain mean, by the kind of source behind them."""
    from lawcheck.model import CONFIDENCE_MEANING

    return "\n".join(textwrap.wrap("Marks: " + "; ".join(
        f"{mark} = {meaning}" for mark, meaning in CONFIDENCE_MEANING.items()) + ".", 96))


def laws_text(laws: list[dict], marks: dict | None = None) -> str:
    if not laws:
        return "No laws stored yet. Add one with `lawcheck corpus ingest FILE --law ID`."
    marks = marks or {}
    rows = [("ID", "TITLE", "VERSIONS", "PROVISIONS", "MARK")]
    for law in laws:
        versions = ", ".join(f"{v['version']} ({v['language']})" for v in law["versions"])
        mark = marks.get(law["id"], {})
        shown = (mark.get("confidence") or "?") + (", digest" if mark.get("digest") else "")
        rows.append((law["id"], _short(law["title"], 48), versions, str(law["provisions"]),
                     shown))
    return (_table(rows) + "\n\n" + marks_legend()
            + "\nA digest is lawcheck's summary in its own words, not the official text.")


def _ocr_note(ocr: dict) -> str:
    return (f"  OCR: the text of page(s) {', '.join(map(str, ocr['pages']))} was read by "
            f"{ocr['engine']}, not taken from the file; check it against the official text")


def law_text(law: dict) -> str:
    d = law["details"]
    span = f"effective {d['effective_from'] or 'date unknown'}"
    if d["effective_to"]:
        span += f" to {d['effective_to']}"
    out = [f"{law['id']} — {law['title']}",
           f"version {law['version']} ({d['language']}), {span}; confidence: {d['confidence']}"
           + ("; a digest in lawcheck's own words, not the official text" if d["digest"] else "")]
    if (d.get("report") or {}).get("ocr"):
        out.append(_ocr_note(d["report"]["ocr"]).strip())
    for p in law["provisions"]:
        extra = d["provisions"].get(p["id"], {})
        mark = f"  [{extra.get('confidence') or '?'}]"
        if p["kind"] in ("part", "book", "title", "chapter", "section", "subsection") \
                and not (p["kind"] == "section" and p["text"]):  # a law numbered by sections
            out += ["", f"{p['kind'].upper()} {p['number']}" + (f": {p['title']}" if p["title"] else "")]
        elif p["kind"] in ("article", "section") or p["kind"] == "paragraph" and "/art-" not in p["id"]:
            # articles, and the paragraphs of instruments that have no articles
            out.append(f"  {p['kind'].capitalize()} {p['number']}"
                       + (f" — {p['title']}" if p["title"] else "") + mark + f"   ({p['id']})")
            out += _wrap(p["text"], "    ")
            notes = extra.get("annotations") or []
            if notes:
                out.append("    ↳ " + "; ".join(_annotation(a) for a in notes))
    out.append("")
    out.append("↳ lines are machine-made annotations (deontic, deadline, amount, sanction, "
               "cross-reference), not yet reviewed by a person.")
    out.append(marks_legend())
    return "\n".join(out)


def provision_text(p: dict) -> str:
    out = [f"{p['id']} — {p['kind']} {p['number']}" + (f": {p['title']}" if p["title"] else "")]
    if p["path"]:
        out.append("in: " + " › ".join(p["path"]))
    out.append("")
    out += _wrap(p["text"], "") or ["(no text)"]
    for v in p["versions"]:
        out += ["", f"version {v['version']} ({v['language']}), effective "
                    f"{v['effective_from'] or '?'} to {v['effective_to'] or 'now'}; "
                    f"confidence: {v['confidence']}"]
        if v["note"]:
            out += textwrap.wrap("note: " + v["note"], 96, subsequent_indent="  ")
        for a in v["annotations"]:
            out.append(f"  • {_annotation(a)}  (machine-made, unreviewed)")
    return "\n".join(out)


def search_text(hits: list[dict]) -> str:
    if not hits:
        return "No provision matches."
    return "\n".join(f"{h['id']}  ({h['version']}, {h['language']})\n    {h['snippet']}"
                     for h in hits)


def diff_text(d: dict) -> str:
    from lawcheck.lawdiff import render_words

    out = [f"{d['law']}: {d['from']['version']} → {d['to']['version']}",
           f"  added {len(d['added'])}, removed {len(d['removed'])}, changed {len(d['changed'])}"]
    if d.get("notice"):
        out[1:1] = textwrap.wrap("NOTE: " + d["notice"], 96, initial_indent="  ",
                                 subsequent_indent="  ")
    out += [f"+ {pid}" for pid in d["added"]]
    out += [f"- {pid}" for pid in d["removed"]]
    for c in d["changed"]:
        out.append(f"~ {c['id']}")
        if c["title_before"] != c["title_after"]:
            out.append(f"    title: {c['title_before']!r} → {c['title_after']!r}")
        words = tuple(tuple(w) for w in c["words"])
        out += textwrap.wrap(render_words(words), 96, initial_indent="    ",
                             subsequent_indent="    ")
    return "\n".join(out)


def _wrap(text: str, indent: str) -> list[str]:
    """Wrap each line of a provision on its own, keeping its paragraphs and points apart."""
    from lawcheck.speech.segment import wrap  # never cuts a Khmer cluster (no model needed)

    out: list[str] = []
    for line in text.split("\n"):
        out += wrap(line, 96, indent) if line.strip() else [""]
    return out


def _annotation(a: dict) -> str:
    value = a.get("value") or {}
    if a["kind"] == "deontic":
        return f"{a['label']} ({a['cue'] or '?'})"
    if a["kind"] == "deadline" and "n" in value:
        return f"deadline {value['n']} {value.get('unit', '')}".strip()
    return f"{a['kind']} {a['label']}: “{_short(a['text'], 40)}”"


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def rules_text(rules: list[dict], marks: dict | None = None) -> str:
    marks = marks or {}
    rows = [("RULE", "KIND", "SEVERITY", "MARK", "CITES", "TESTS")]
    for r in rules:
        rows.append((r["id"], r["kind"], r["severity"], marks.get(r["id"], "?"),
                     ", ".join(c.split("/", 2)[-1] for c in r["citations"]), str(r["tests"])))
    return _table(rows) + "\n\n" + marks_legend()


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
        out += _wrap(c["text"], "  ")
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
