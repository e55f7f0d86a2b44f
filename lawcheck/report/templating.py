"""The Jinja2 templates in report/templates (autoescaped, one base template) and the
environments that render them: one for lawcheck's own files (plan report, statement review,
rule catalogue) and one the web page builds on (lawcheck.web.render).

Jinja2 is imported here only, when a page is asked for. The files lawcheck writes escape as
Python's ``html.escape`` does (``&quot;``, ``&#x27;``), so a page's bytes do not depend on the
template engine; the web page keeps MarkupSafe's own escaping.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup  # Jinja2's own escaping library (small; imported with a page)

TEMPLATES = Path(__file__).resolve().parent / "templates"


def css_class(value) -> str:
    """A CSS class name from a vocabulary value (never trusted as markup)."""
    return re.sub(r"[^a-z0-9-]", "", str(value or "").lower()) or "unknown"


def make_environment(*, files: bool = False):
    """A new environment over report/templates; ``files``: escape as lawcheck's written files
    do, and print None as nothing."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      finalize=_escaped if files else None)
    env.filters["cls"] = css_class
    return env


def _escaped(value):
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


@lru_cache(maxsize=1)
def environment():
    """The environment of the files lawcheck writes (shared, never changed after it is made)."""
    from lawcheck.report import summary

    env = make_environment(files=True)
    env.globals["S"] = summary
    env.globals["_"] = _untranslated  # templates shared with the web page label through _()
    return env


def _untranslated(text: str) -> str:
    return text


def render(name: str, **context) -> str:
    """Template ``name`` rendered, ending with one newline."""
    return environment().get_template(name).render(**context) + "\n"
