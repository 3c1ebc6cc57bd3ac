"""Who is asking, and may they: sessions, CSRF, the passphrase lock.

One pure ASGI middleware, in front of every route:

- **Local mode** (the default): the one local user. When the database has a passphrase
  and is locked, pages go to /unlock and the API answers 423. After `idle_minutes`
  without a request, the key is forgotten (locked again).
- **Hosted mode** (`reunite serve --accounts`): a signed session cookie names the user;
  without one, pages go to /login and the API answers 401.
- **CSRF, in both modes**: unsafe requests from another site are refused (Origin and
  Sec-Fetch-Site), and every form post must carry the token bound to this browser's
  CSRF cookie. JSON requests can't be sent cross-site without a CORS preflight, which
  Reunite never allows, so they need only the origin check.

The body of a form post is read once here (bounded) and replayed to the route.
"""

from __future__ import annotations

import secrets
import time
from contextvars import ContextVar
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import quote

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reunite import accounts
from reunite.clock import now
from reunite.store.db import Database
from reunite.web.security import read_body, replay

#: The CSRF token of the request being served, for templates (`{{ csrf_token() }}`).
current_csrf: ContextVar[str] = ContextVar("reunite_csrf_token", default="")

SESSION_COOKIE = "reunite_session"
CSRF_COOKIE = "reunite_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
MAX_FORM_BYTES = 60 * 1024 * 1024  # a backup upload is the largest form
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
PUBLIC_PREFIXES = (
    "/static/",
    "/favicon.ico",
    "/login",
    "/signup",
    "/api/openapi.json",
    "/api/docs",
)
UNLOCK_PREFIXES = ("/static/", "/favicon.ico", "/unlock")
STATIC_PREFIXES = ("/static/", "/favicon.ico")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def _cookies(scope: Scope) -> dict[str, str]:
    raw = _header(scope, b"cookie")
    if not raw:
        return {}
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed cookie header is simply no cookie
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


def _is_api(path: str) -> bool:
    return path.startswith("/api/")


def cookie_header(name: str, value: str, *, secure: bool, max_age: int | None = None) -> bytes:
    parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Lax"]
    if secure:
        parts.append("Secure")
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    return "; ".join(parts).encode("latin-1")


class AuthMiddleware:
    def __init__(self, app: ASGIApp, *, hosted: bool, idle_minutes: int = 15) -> None:
        self.app = app
        self.hosted = hosted
        self.idle_seconds = idle_minutes * 60
        self._last_seen = time.monotonic()

    def _database(self, scope: Scope) -> Database:
        from reunite.web.pages import ensure_core

        return ensure_core(scope["app"]).db

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        db = self._database(scope)
        path: str = scope["path"]
        method: str = scope["method"]
        state: dict[str, Any] = scope.setdefault("state", {})
        secure = scope.get("scheme") == "https"
        cookies = _cookies(scope)
        set_cookies: list[bytes] = []

        csrf_cookie = cookies.get(CSRF_COOKIE, "")
        if len(csrf_cookie) < 32:
            csrf_cookie = secrets.token_urlsafe(32)
            # Only pages mint the cookie: static files load in parallel with the first page
            # and would each set a different one, leaving the page's forms with a stale token.
            if not path.startswith(STATIC_PREFIXES):
                set_cookies.append(cookie_header(CSRF_COOKIE, csrf_cookie, secure=secure))
        state["csrf_token"] = accounts.csrf_token(db, csrf_cookie)
        current_csrf.set(state["csrf_token"])

        async def send_with_cookies(message: Message) -> None:
            if message["type"] == "http.response.start" and set_cookies:
                message["headers"] = [
                    *message.get("headers", []),
                    *((b"set-cookie", cookie) for cookie in set_cookies),
                ]
            await send(message)

        async def refuse(response: Response) -> None:
            await response(scope, receive, send_with_cookies)

        # -- who is asking
        if self.hosted:
            session = accounts.read_session(db, cookies.get(SESSION_COOKIE), now())
            state["user_id"] = session.user_id if session else None
            if session is None and not path.startswith(PUBLIC_PREFIXES):
                await refuse(self._sign_in_first(path, method))
                return
        else:
            state["user_id"] = scope["app"].state.local_user_id  # set by ensure_core
            self._idle_lock(db)
            if db.locked and not path.startswith(UNLOCK_PREFIXES):
                await refuse(self._unlock_first(path, method))
                return

        # -- may they: same-origin unsafe requests only, with the form token
        if method in UNSAFE:
            if not self._same_origin(scope):
                await refuse(
                    PlainTextResponse("Refused: this request came from another site.", 403)
                )
                return
            content_type = (_header(scope, b"content-type") or "").lower()
            if content_type.startswith(
                ("application/x-www-form-urlencoded", "multipart/form-data")
            ):
                body = await read_body(receive, MAX_FORM_BYTES)
                if body is None:
                    await refuse(PlainTextResponse("That upload is too large.", 413))
                    return
                submitted = _header(scope, CSRF_HEADER.encode()) or await _form_token(scope, body)
                if not accounts.check_csrf(db, csrf_cookie, submitted):
                    await refuse(self._expired_form(scope, body))
                    return
                receive = replay(body, receive)
        await self.app(scope, receive, send_with_cookies)

    def _idle_lock(self, db: Database) -> None:
        moment = time.monotonic()
        if db.encrypted and not db.locked and moment - self._last_seen > self.idle_seconds:
            db.lock()
        self._last_seen = moment

    @staticmethod
    def _same_origin(scope: Scope) -> bool:
        site = _header(scope, b"sec-fetch-site")
        if site is not None and site not in ("same-origin", "none"):
            return False
        origin = _header(scope, b"origin")
        if origin is None or origin == "null":
            # Browsers send "null" under Referrer-Policy: no-referrer (which Reunite sets):
            # it tells nothing, so the form token decides.
            return True
        host = _header(scope, b"host") or ""
        return origin.split("://", 1)[-1] == host

    @staticmethod
    def _sign_in_first(path: str, method: str) -> Response:
        if _is_api(path):
            return JSONResponse({"detail": "Sign in first."}, status_code=401)
        target = path if method == "GET" else "/"
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    @staticmethod
    def _unlock_first(path: str, method: str) -> Response:
        if _is_api(path):
            return JSONResponse(
                {"detail": "Your data is locked; unlock it first."}, status_code=423
            )
        target = path if method == "GET" else "/"
        return RedirectResponse(f"/unlock?next={quote(target)}", status_code=303)

    @staticmethod
    def _expired_form(scope: Scope, body: bytes) -> Response:
        if _is_api(scope["path"]):
            return JSONResponse({"detail": "Missing or expired form token."}, status_code=403)
        from reunite.web.pages import render_page

        scope.setdefault("state", {})["form_body"] = body
        request = Request(scope)
        return render_page(
            request,
            "error.html",
            {
                "heading": "Please send that again",
                "message": "This form was open too long or came from somewhere else, so it "
                "wasn't saved. What you wrote is below; go back and send it again.",
                "kept": _kept(body),
                "back": None,
            },
            title="Please send that again",
            status_code=403,
        )


def _kept(body: bytes) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    try:
        fields = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=False)
    except ValueError:
        return []
    return [(name, value) for name, value in fields if name != CSRF_FIELD and len(value) > 20]


async def _form_token(scope: Scope, body: bytes) -> str | None:
    request = Request(scope, replay(body, _never))
    try:
        form: FormData = await request.form()
    except Exception:  # an unparsable body has no token
        return None
    try:
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    finally:
        await form.close()


async def _never() -> Message:
    return {"type": "http.disconnect"}
