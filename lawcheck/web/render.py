"""Pages from the Jinja2 templates in lawcheck/report/templates (autoescaped, one base
template), in the user's language, with the CSRF cookie the forms need."""

from __future__ import annotations

from pathlib import Path

from lawcheck.web import i18n, security

TEMPLATES = Path(__file__).resolve().parent.parent / "report" / "templates"


def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup

    from lawcheck.report import summary
    from lawcheck.review import outputs

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(S=summary, review=outputs, RISK_LEVELS=outputs.RISK_LEVELS)
    env.filters["cls"] = _cls
    # outputs.highlight escapes the statement itself and adds only <mark> elements
    env.filters["highlighted"] = lambda pair: Markup(outputs.highlight(
        pair[0].text, [(s, e, str(f.get("category"))) for f in pair[1].get("findings") or []
                       for s, e in outputs._spans(f)],
        [(s, e) for s, e, _ in outputs.unanalysed_spans(pair[1])]))
    return env


def _cls(value) -> str:
    import re

    return re.sub(r"[^a-z0-9-]", "", str(value or "").lower()) or "unknown"


class Pages:
    def __init__(self) -> None:
        self.env = environment()

    def language(self, request) -> str:
        return i18n.pick(request.cookies.get("lang"), request.headers.get("accept-language"))

    def gettext(self, request, text: str) -> str:
        return i18n.translations(self.language(request)).gettext(text)

    def render(self, request, name: str, **ctx) -> tuple[str, str | None]:
        lang = self.language(request)
        tr = i18n.translations(lang)
        token = request.cookies.get(security.CSRF_COOKIE)
        fresh = None if token else security.new_token()
        ctx.update(_=tr.gettext, ngettext=tr.ngettext, lang=lang, languages=i18n.LANGUAGES,
                   csrf=token or fresh, here=request.url.path)
        return self.env.get_template(name).render(**ctx), fresh

    def response(self, request, name: str, status: int = 200, **ctx):
        from starlette.responses import HTMLResponse

        html, fresh = self.render(request, name, **ctx)
        response = HTMLResponse(html, status)
        if fresh:
            response.set_cookie(security.CSRF_COOKIE, fresh, httponly=True, samesite="strict")
        return response
