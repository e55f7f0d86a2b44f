"""``lawcheck plan …``: help with writing activity plans."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def plan() -> None:
    """Activity plans: an annotated template of every key a plan may use, and its JSON Schema."""


@plan.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the template to FILE instead of printing it.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def template(output: Path | None, force: bool) -> None:
    """Print an annotated YAML plan: every key, its type, its values, and which are required.

    As printed it is a valid plan with placeholder values; optional keys are commented out.
    """
    from lawcheck.plan.template import template as make

    _print_or_write(make(), output, force)


@plan.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the schema to FILE instead of printing it.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def schema(output: Path | None, force: bool) -> None:
    """Print the plan's JSON Schema, for editors that complete and check plan files.

    In a YAML plan, a first line `# yaml-language-server: $schema=plan.schema.json` lets an
    editor with the YAML language server use it; docs/plan.schema.json is the same schema.
    """
    from lawcheck.plan.json_schema import schema_text

    _print_or_write(schema_text(), output, force)


def _print_or_write(text: str, output: Path | None, force: bool) -> None:
    """Print ``text``, or write it to ``output`` (an existing file only with ``force``)."""
    from lawcheck.errors import OptionError

    if output is None:
        click.echo(text, nl=False)
        return
    if output.exists() and not force:
        raise OptionError(f"{output} already exists", fix="choose another file name, or add "
                          "--force to overwrite it", code="LC220")
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output}", err=True)
