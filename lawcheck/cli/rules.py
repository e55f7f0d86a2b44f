"""``lawcheck rules …`` and ``lawcheck explain``: the rule base for legal advisers."""

from __future__ import annotations

import click

from lawcheck.cli import render
from lawcheck.report import rules as rules_view
from lawcheck.cli.render import FORCE

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                      show_default=True, help="Output format.")


@click.group()
def rules() -> None:
    """The rule base: list, show, lint, test, coverage, catalogue, impact of a law change."""


@rules.command("list")
@FORMAT
@click.pass_obj
def list_(obj, fmt) -> None:
    """List the rules with their citations and number of test cases."""
    from lawcheck import api

    found = api.rules_list(db=obj["db"])
    if fmt == "json":
        render.echo_json(found)
    else:
        marks = {r.id: r.confidence for r in api.load_rules(db=obj["db"]).rules}
        click.echo(rules_view.rules_text(found, marks))


@rules.command()
@click.argument("rule_id", metavar="RULE")
@FORMAT
@click.pass_obj
def show(obj, rule_id, fmt) -> None:
    """Show a rule with the full text of each provision it cites."""
    from lawcheck import api

    rule = api.rules_show(rule_id, db=obj["db"])
    render.echo_json(rule) if fmt == "json" else click.echo(rules_view.rule_text(rule))


@rules.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.pass_obj
def lint(obj, paths) -> None:
    """Load and check the rule base (or these files) and the statement lexicons
    (rules/lexicons); report every problem in one pass."""
    from lawcheck import api
    from lawcheck.errors import RulesError
    from lawcheck.speech.lexicon import load_lexicon

    problems = []
    try:
        rulebase = api.lint_rules(paths, db=obj["db"])
    except RulesError as exc:
        problems += exc.problems
    try:
        lexicon = load_lexicon()
    except RulesError as exc:
        problems += exc.problems
    else:
        try:  # the Khmer forms, tied to the English entries and acts (rules/lexicons/km)
            from lawcheck.speech.khmer_lexicon import load_khmer
            from lawcheck.speech.lexicon import lexicon_dir

            load_khmer(lexicon, lexicon_dir() / "km")
        except RulesError as exc:
            problems += exc.problems
    found, more = lint_precedents(None if problems else rulebase, obj["db"])
    problems += more
    if problems:
        raise RulesError(problems)
    click.echo(f"ok: {len(rulebase.rules)} rules, {len(rulebase.tests)} test cases, "
               f"{len(rulebase.facts)} facts, {len(rulebase.mitigations)} mitigations, "
               f"{len(lexicon.entries)} lexicon entries, {len(found)} precedents; rule-base "
               f"version {rulebase.version[:12]}")


def lint_precedents(rulebase, db) -> tuple[tuple, list]:
    """The precedent base (corpus/precedents) loads strictly, and every precedent a rule
    names exists: (precedents, problems)."""
    from lawcheck.api.precedents import load_precedents
    from lawcheck.errors import PrecedentError, Problem, Where
    from lawcheck.yamlio import did_you_mean

    try:
        found = load_precedents(db=db)
    except PrecedentError as exc:
        return (), list(exc.problems)
    ids = {p.id for p in found}
    problems = [Problem("LC349", Where(rule.file, rule.line), f"names precedent {pid!r}, which "
                        "is not in corpus/precedents" + did_you_mean(pid, ids), rule.id,
                        "`lawcheck precedents list` shows the ids")
                for rule in (rulebase.rules if rulebase else ())
                for pid in getattr(rule, "precedents", ()) if pid not in ids]
    return found, problems


@rules.command("test")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--engine", type=click.Choice(["durable", "reference"]),
              help="Rules engine (default: durable where installed).")
@click.option("-v", "--verbose", is_flag=True, help="List passing cases too.")
@click.pass_obj
def test(obj, paths, engine, verbose) -> None:
    """Run the YAML test cases; show what differs on failure. Exit 1 if any case fails."""
    from lawcheck import api

    results = api.rules_test(paths, db=obj["db"], engine=engine)
    for result in results:
        if verbose or not result.passed:
            click.echo(rules_view.case_text(result))
    failed = sum(not r.passed for r in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise SystemExit(1)


@rules.command()
@FORMAT
@click.pass_obj
def coverage(obj, fmt) -> None:
    """Rules without tests, and provisions no rule cites (coverage by provision)."""
    from lawcheck import api

    found = api.rules_coverage(db=obj["db"])
    render.echo_json(found) if fmt == "json" else click.echo(rules_view.coverage_text(found))


@rules.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "html"]), default=None,
              help="Default: from the file name (.html), else markdown.")
@FORCE
@click.pass_obj
def catalog(obj, output, fmt, force) -> None:
    """The whole rule base as a readable document, by law and article."""
    from lawcheck import api
    from lawcheck.cli.render import deliver, output_format, prepare_output

    fmt = output_format(output, fmt, ("markdown", "html"), command="rules catalog") or "markdown"
    prepare_output(output, force)
    text = api.rules_catalog(fmt, db=obj["db"])
    if output:
        deliver(text, output)
    else:
        click.echo(text, nl=False)


@rules.command()
@click.argument("law_id", metavar="LAW")
@click.argument("versions", nargs=-1, metavar="[V1 V2]")
@FORMAT
@click.pass_obj
def impact(obj, law_id, versions, fmt) -> None:
    """Rules citing provisions that changed between two versions of a law."""
    from lawcheck import api

    if len(versions) not in (0, 2):
        raise click.UsageError("give two versions (V1 V2) or none")
    found = api.rules_impact(law_id, *(versions or (None, None)), db=obj["db"])
    render.echo_json(found) if fmt == "json" else click.echo(rules_view.impact_text(found))


@click.command()
@click.argument("rule_id", metavar="RULE")
@click.argument("facts", metavar="FACTS", type=click.Path(dir_okay=False))
@click.option("--as-of", metavar="DATE", help="The date to judge on (default: subject.date, "
                                                 "else today).")
@FORMAT
@click.pass_obj
def explain(obj, rule_id, facts, as_of, fmt) -> None:
    """Why a rule fires or not for a facts file: each condition, the values, the exceptions.

    FACTS is a YAML or JSON mapping of declared facts (rules/facts.yaml), e.g. one `facts:`
    block of a rule test file. To see the facts of a plan or a statement, run `lawcheck check`
    or `lawcheck review` with --format json: each finding's `why` names them.
    """
    from lawcheck import api
    found = api.explain(rule_id, facts, as_of=as_of, db=obj["db"])
    render.echo_json(found) if fmt == "json" else click.echo(rules_view.explanation_text(found))
