"""Safe by default: CSRF tokens on forms, a bound on request bodies, same-origin posts, host
names checked (no DNS rebinding), and headers that keep every page self-contained."""

from __future__ import annotations

import hmac
import secrets

from lawcheck import limits

CSRF_COOKIE = "lawcheck_csrf"
CSRF_FIELD = "csrf"
#: The largest request body: the largest file lawcheck reads (a workbook) plus an organisation
#: file and the form fields.
MAX_BODY = limits.XLSX_BYTES + limits.PLAN_BYTES + limits.MB
#: No script, style, image or font from anywhere but this server; no framing, no form posts
#: to other sites.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_ok(cookie: str | None, sent: str | None) -> bool:
    """Double-submit check: the form's token equals the cookie's (SameSite=Strict)."""
    return bool(cookie) and bool(sent) and hmac.compare_digest(str(cookie), str(sent))


class BodyTooLarge(Exception):
    pass


class LimitBody:
    """ASGI middleware: a request body over ``limit`` bytes gets 413 before it is read whole
    (by its Content-Length, or by counting when the client sends none)."""

    def __init__(self, app, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.limit:
            return await _too_large(send, self.limit)
        seen, started = 0, False

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge()
            return message

        async def watched(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if not started:
                await _too_large(send, self.limit)


async def _too_large(send, limit: int) -> None:
    body = (f"error LC207: the upload is larger than lawcheck reads ({limit // limits.MB} MB "
            "in all)\n  how to fix: check that this is the right file; split it if it really "
            "is that large (limits: docs/settings.md)\n").encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class Headers:
    """ASGI middleware: every response keeps to this server (CSP), is not framed, sniffed,
    cached or sent on with a Referer to another site. ("same-origin", not "no-referrer": with
    no-referrer Chromium sends "Origin: null" on the page's own form posts.)"""

    EXTRA = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
             (b"x-frame-options", b"DENY"), (b"referrer-policy", b"same-origin"),
             (b"cache-control", b"no-store")]

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def add(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers") or []) + self.EXTRA
            await send(message)

        await self.app(scope, receive, add)


class SameOrigin:
    """ASGI middleware: a POST from a page of another site (its Origin differs from this
    server's Host) is refused, the JSON API included: another site the user visits must not
    be able to run checks here."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST":
            headers = dict(scope.get("headers") or [])
            origin = headers.get(b"origin")
            host = headers.get(b"host", b"")
            if origin and origin not in (b"http://" + host, b"https://" + host):
                body = b"error LC281: a form from another site was refused\n"
                await send({"type": "http.response.start", "status": 403,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
