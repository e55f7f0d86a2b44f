"""Pages from the Jinja2 templates in lawcheck/report/templates (autoescaped, one base
template), in the user's language, with the CSRF cookie the forms need."""

from __future__ import annotations

from lawcheck.web import i18n, security


def environment():
    """The report layer's environment (report/templates, autoescape, the base template and its
    filters) with what the web pages add."""
    from markupsafe import Markup

    from lawcheck.report import cells, summary
    from lawcheck.report.review_page import highlight, marks_of
    from lawcheck.report.templating import make_environment

    env = make_environment()
    env.globals.update(S=summary, review=cells, RISK_LEVELS=cells.RISK_LEVELS)
    env.filters["upload_name"] = upload_name
    env.globals["agenda"] = agenda
    # highlight escapes the statement itself and adds only <mark> elements
    env.filters["highlighted"] = lambda pair: Markup(highlight(
        pair[0].text, marks_of(pair[1]),
        [(s, e) for s, e, _ in cells.unanalysed_spans(pair[1])]))
    return env


def agenda(calendar: dict | None, days: int = 30) -> tuple[list[dict], list[dict]]:
    """(overdue deadlines, deadlines due within ``days`` of the calendar's as-of date), each
    in date order; election notices and entries to check are left to the calendar itself."""
    from datetime import date, timedelta

    if not calendar:
        return [], []
    today = date.fromisoformat(calendar["as_of"])
    entries = [d for d in calendar.get("deadlines") or [] if d.get("date")]
    overdue = [d for d in entries if d.get("status") == "overdue"]
    soon = [d for d in entries if d.get("status") == "due"
            and today <= date.fromisoformat(d["date"]) <= today + timedelta(days=days)]
    return overdue, soon


def upload_name(source) -> str:
    """A review run's recorded source without the request's temporary folder: the audit trail
    records the path the reviewer read (lawcheck-web-…/pasted.csv), the page names the file."""
    import re

    return re.sub(r"[^\s,]*/lawcheck-web-[^/\s,]+/", "", str(source or ""))


def _long_date(iso: str, lang: str) -> str:
    """4 November 2026, or the same in Khmer (Babel's CLDR month names)."""
    from datetime import date

    from babel.dates import format_date

    try:
        return format_date(date.fromisoformat(iso), format="long",
                           locale="km" if lang == "km" else "en_GB")
    except ValueError:
        return iso


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
                   long_date=lambda iso: _long_date(iso, lang),
                   csrf=token or fresh, here=request.url.path)
        return self.env.get_template(name).render(**ctx), fresh

    def response(self, request, name: str, status: int = 200, **ctx):
        from starlette.responses import HTMLResponse

        html, fresh = self.render(request, name, **ctx)
        response = HTMLResponse(html, status)
        if fresh:
            response.set_cookie(security.CSRF_COOKIE, fresh, httponly=True, samesite="strict")
        return response
