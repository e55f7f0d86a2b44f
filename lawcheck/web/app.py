"""The Starlette application behind ``lawcheck serve``: pages and the SPEC §8 JSON API.

Every page calls :mod:`lawcheck.api` (or the calendar and review writers the CLI uses) and
renders a Jinja2 template from lawcheck/report/templates; no legal judgement is made here.
Uploads go to a private temporary folder that is removed when the request ends; reports and
review downloads are kept in this process's memory for an hour (``Cache``), never on disk.
"""

from __future__ import annotations

import json
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from lawcheck import limits
from lawcheck.errors import InputError, LawcheckError
from lawcheck.report.formats import media_type, renderer
from lawcheck.web import i18n, security, uploads
from lawcheck.web.cache import Cache
from lawcheck.web.render import Pages

STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True)
class Settings:
    db: str | None = None
    keep_text: bool = False
    scratch: str | None = None  # where uploads' private folders go (default: the temp dir)


class Shown(Exception):
    """A user error to show as a page (or JSON for the API), with its HTTP status."""

    def __init__(self, text: str, status: int = 400) -> None:
        super().__init__(text)
        self.text, self.status = text, status


def create_app(*, db: str | None = None, keep_text: bool = False, scratch: str | None = None,
               hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "[::1]", "::1",
                                         "testserver")) -> Starlette:
    settings = Settings(db=db, keep_text=keep_text, scratch=scratch)

    def scratch_dir():
        """A private (0700) folder for one request's uploads, removed when it ends."""
        return tempfile.TemporaryDirectory(prefix="lawcheck-web-", dir=settings.scratch)
    pages = Pages()
    cache = Cache()
    work = threading.Lock()  # one check or review at a time: the machine is a laptop

    def page(request, name, status=200, **ctx):
        return pages.response(request, name, status, **ctx)

    async def form_of(request, *, api=False):
        try:
            form = await request.form(max_files=4, max_fields=4000,
                                      max_part_size=limits.STATEMENT_CHARS * 4)
        except HTTPException as exc:
            raise Shown(f"error LC207: the form could not be read ({exc.detail})",
                        exc.status_code) from None
        if not api and not security.token_ok(request.cookies.get(security.CSRF_COOKIE),
                                             form.get(security.CSRF_FIELD)):
            raise Shown("error LC280: this form has expired or did not come from this page\n"
                        "  how to fix: reload the page and send the form again", 403)
        return form

    async def guarded(func, *args, **kwargs):
        def run():
            with work:
                return func(*args, **kwargs)
        return await run_in_threadpool(run)

    # --- pages ---------------------------------------------------------------------------------

    async def home(request):
        return page(request, "web/home.html")

    async def language(request):
        lang = request.path_params["lang"]
        target = request.query_params.get("next", "/")
        if lang not in i18n.LANGUAGES or not target.startswith("/") or target.startswith("//"):
            target = "/"
        response = RedirectResponse(target, 303)
        if lang in i18n.LANGUAGES:
            response.set_cookie("lang", lang, max_age=365 * 86400, samesite="strict",
                                httponly=True)
        return response

    async def check_form(request):
        from lawcheck.web import forms

        return page(request, "web/check.html", org_fields=forms.org_fields(),
                    change_fields=forms.change_fields(), history_fields=forms.history_fields(),
                    activity_fields=forms.activity_fields())

    async def check_post(request):
        form = await form_of(request)
        report, calendar = await _check_upload(form)
        return _report_page(request, report, calendar)

    async def check_built(request):
        from lawcheck.web import forms

        form = await form_of(request)
        plan = forms.plan_from_form({k: v for k, v in form.items() if isinstance(v, str)})
        text = forms.to_yaml(plan)
        with scratch_dir() as tmp:
            path = Path(tmp) / "form-plan.yaml"
            path.write_text(text, encoding="utf-8")
            try:
                report, calendar = await guarded(_run_check, settings, path, None,
                                                 form.get("as_of") or None)
            except LawcheckError as exc:
                return page(request, "web/error.html", 400,
                            message=uploads.clean(exc.render(), tmp), plan_text=text)
        return _report_page(request, report, calendar)

    async def _check_upload(form):
        with scratch_dir() as tmp:
            try:
                plan = await uploads.save(form.get("plan"), tmp, "plan")
                org = await uploads.save(form.get("org"), tmp, "org")
                if plan is None:
                    raise InputError("no plan file was chosen", code="LC201",
                                     fix="choose a plan file (.yaml, .json, .csv or .xlsx)")
                return await guarded(_run_check, settings, plan, org,
                                     form.get("as_of") or None)
            except LawcheckError as exc:
                raise Shown(uploads.clean(exc.render(), tmp)) from None

    def _report_page(request, report, calendar):
        token = cache.put({"report": report, "calendar": calendar})
        return page(request, "web/report.html", report=report, calendar=calendar, token=token)

    async def check_download(request):
        from lawcheck.report import render

        entry = cache.get(request.path_params["token"])
        fmt = request.path_params["fmt"]
        if entry is None or "report" not in entry:
            return page(request, "web/error.html", 404, message=pages.gettext(
                request, "This report is no longer kept: check the plan again."))
        report, calendar = entry["report"], entry["calendar"]
        if fmt == "ics" and calendar is not None:
            return _file(renderer("calendar", "ics")(calendar), "lawcheck-deadlines.ics",
                         media_type("ics"))
        kinds = {"html": "html", "md": "markdown", "json": "json"}  # the download's extension
        if fmt not in kinds:
            raise HTTPException(404)
        return _file(render(report, kinds[fmt]), f"lawcheck-report.{fmt}",
                     media_type(kinds[fmt]))

    async def review_form(request):
        return page(request, "web/review.html", choices=_review_choices())

    async def review_post(request):
        from lawcheck.web import statements

        form = await form_of(request)
        with scratch_dir() as tmp:
            try:
                source = await statements.gather(form, tmp, cache)
                if isinstance(source, statements.NeedsMapping):
                    return page(request, "web/review_map.html", mapping=source,
                                choices=_review_choices(), fields=dict(form))
                org = await uploads.save(form.get("org"), tmp, "org")
                result = await guarded(statements.run, settings, source, form, tmp, org)
            except LawcheckError as exc:
                raise Shown(uploads.clean(exc.render(), tmp)) from None
        token = cache.put({"review": result.downloads})
        options = {k: form.get(k) or "" for k in ("date", "org_type", "medium")}
        return page(request, "web/review_result.html", result=result, token=token,
                    options=options)

    async def review_download(request):
        entry = cache.get(request.path_params["token"])
        fmt = request.path_params["fmt"]
        if entry is None or "review" not in entry:
            return page(request, "web/error.html", 404, message=pages.gettext(
                request, "This review is no longer kept: screen the statements again."))
        if fmt not in ("csv", "html", "xlsx"):
            raise HTTPException(404)
        return _file(entry["review"][fmt], f"lawcheck-review.{fmt}", media_type(fmt))

    async def calendar_page(request):
        from lawcheck.deadlines import compliance_calendar

        as_of = request.query_params.get("as_of") or None
        try:
            cal = await guarded(compliance_calendar, None, as_of=as_of)
        except LawcheckError as exc:
            raise Shown(exc.render()) from None
        token = cache.put({"report": None, "calendar": cal})
        return page(request, "web/calendar.html", calendar=cal, token=token)

    async def calendar_post(request):
        from lawcheck.deadlines import compliance_calendar

        form = await form_of(request)
        with scratch_dir() as tmp:
            try:
                org = await uploads.save(form.get("org"), tmp, "org")
                cal = await guarded(compliance_calendar, org, as_of=form.get("as_of") or None)
            except LawcheckError as exc:
                raise Shown(uploads.clean(exc.render(), tmp)) from None
            cal["source"] = org.name if org else None
        token = cache.put({"report": None, "calendar": cal})
        return page(request, "web/calendar.html", calendar=cal, token=token)

    async def history_page(request):
        from lawcheck import api

        runs = await guarded(api.history, limit=200, db=settings.db)
        return page(request, "web/history.html", runs=runs)

    async def run_page(request):
        from lawcheck import api

        run_id = request.path_params["run_id"]
        try:
            text, note = await guarded(api.show_run, run_id, fmt="json", db=settings.db)
        except LawcheckError as exc:
            raise Shown(exc.render(), 404) from None
        data = json.loads(text)
        plan = isinstance(data, dict) and (data.get("subject") or {}).get("kind") == "plan"
        return page(request, "web/run.html", run_id=run_id, note=note, report=data,
                    plan=plan, text=None if plan else json.dumps(data, ensure_ascii=False,
                                                                  indent=2))

    async def laws_page(request):
        from lawcheck import api

        words = (request.query_params.get("q") or "").strip()
        laws = await guarded(api.list_laws, db=settings.db)
        hits = await guarded(api.search, words, db=settings.db) if words else None
        return page(request, "web/laws.html", laws=laws, words=words, hits=hits)

    async def law_page(request):
        from lawcheck import api

        ref = request.path_params["ref"]
        try:
            item = await guarded(api.show, ref, db=settings.db)
        except LawcheckError as exc:
            raise Shown(exc.render(), 404) from None
        return page(request, "web/law.html", item=item, ref=ref)

    async def rules_page(request):
        from lawcheck import api

        rules = await guarded(api.rules_list, db=settings.db)
        return page(request, "web/rules.html", rules=rules)

    async def rule_page(request):
        from lawcheck import api

        try:
            rule = await guarded(api.rules_show, request.path_params["rule_id"], db=settings.db)
        except LawcheckError as exc:
            raise Shown(exc.render(), 404) from None
        return page(request, "web/rule.html", rule=rule)

    # --- the JSON API (SPEC §8) -------------------------------------------------------------

    async def api_health(request):
        return JSONResponse({"status": "ok"})

    async def api_check(request):
        form = await form_of(request, api=True)
        report, _calendar = await _check_upload(form)
        return JSONResponse(report)

    async def api_review(request):
        from lawcheck.web import statements

        form = await form_of(request, api=True)
        with scratch_dir() as tmp:
            try:
                source = await statements.gather(form, tmp, None, field="statements")
                org = await uploads.save(form.get("org"), tmp, "org")
                result = await guarded(statements.run, settings, source, form, tmp, org)
            except LawcheckError as exc:
                raise Shown(uploads.clean(exc.render(), tmp)) from None
        return JSONResponse([report for _item, report in result.pairs])

    # --- errors ----------------------------------------------------------------------------------

    async def shown(request, exc: Shown):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.text}, exc.status)
        return page(request, "web/error.html", exc.status, message=exc.text)

    async def http_error(request, exc: HTTPException):
        text = f"{exc.status_code}: {exc.detail}"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": text}, exc.status_code)
        return page(request, "web/error.html", exc.status_code, message=text)

    async def crash(request, exc: Exception):
        where = uploads.log_crash(exc)
        text = (f"error LC900: internal error ({exc.__class__.__name__}); this is a bug in "
                f"lawcheck. Details (private): {where}")
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": text}, 500)
        return page(request, "web/error.html", 500, message=text)

    routes = [
        Route("/", home),
        Route("/lang/{lang}", language),
        Route("/check", check_form, methods=["GET"]),
        Route("/check", check_post, methods=["POST"]),
        Route("/check/form", check_built, methods=["POST"]),
        Route("/check/{token}/report.{fmt}", check_download),
        Route("/review", review_form, methods=["GET"]),
        Route("/review", review_post, methods=["POST"]),
        Route("/review/{token}/review.{fmt}", review_download),
        Route("/calendar", calendar_page, methods=["GET"]),
        Route("/calendar", calendar_post, methods=["POST"]),
        Route("/history", history_page),
        Route("/history/{run_id}", run_page),
        Route("/laws", laws_page),
        Route("/laws/{ref:path}", law_page),
        Route("/rules", rules_page),
        Route("/rules/{rule_id}", rule_page),
        Route("/api/health", api_health),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/review", api_review, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)),
                  Middleware(security.Headers), Middleware(security.SameOrigin),
                  Middleware(security.LimitBody)]
    return Starlette(routes=routes, middleware=middleware,
                     exception_handlers={Shown: shown, HTTPException: http_error,
                                         Exception: crash})


def _run_check(settings: Settings, plan: Path, org: Path | None, as_of):
    """The check as the CLI runs it, recorded in the audit trail under the uploaded file's own
    name; the organisation's deadlines too, for the .ics download."""
    from lawcheck import api

    report = api.check(plan, org=org, as_of=as_of, db=settings.db)
    report["subject"]["source"] = plan.name
    inputs = [plan] + ([org] if org else [])
    report = api.record_check(report, inputs=inputs, db=settings.db,
                              keep_text=settings.keep_text, render={"format": "html"})
    return report, _calendar(org or plan, as_of)


def _calendar(path: Path, as_of):
    from lawcheck.deadlines import compliance_calendar

    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        return None  # a CSV or XLSX plan without --org has no organisation to date
    cal = compliance_calendar(path, as_of=as_of)
    cal["source"] = path.name
    return cal


def _review_choices() -> dict:
    from lawcheck.plan import schema
    from lawcheck.rulebase.model import ORG_TYPES

    return {"org_type": ORG_TYPES, "medium": schema.MEDIA}


def _file(body: str | bytes, name: str, media: str) -> Response:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})

