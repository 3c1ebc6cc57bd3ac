"""create_app(): the FastAPI application behind `reunite serve`.

Pages are server-rendered with Jinja2 and enhanced with htmx where it helps; every form
works without JavaScript. Routes only parse input, call the services facade and render:
no method logic lives here.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from reunite.crypto import Locked
from reunite.domain.errors import InvalidInput, NoJourney, NotAllowed, ReuniteError
from reunite.web import coaching
from reunite.web.auth import AuthMiddleware
from reunite.web.pages import render_page
from reunite.web.routes import (
    account,
    api,
    coach,
    insights,
    journal,
    onboarding,
    settings,
    timeline,
    today,
)
from reunite.web.security import (
    SECURITY_HEADERS,
    KeepFormBodyMiddleware,
    SecurityHeadersMiddleware,
)

STATIC_DIR = Path(__file__).parent / "static"

_ERROR_STATUS = {InvalidInput: 422, NotAllowed: 409, NoJourney: 404, Locked: 423}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _kept_fields(request: Request) -> list[tuple[str, str]]:
    """The text fields of the form that failed, so the error page can give them back."""
    body = request.scope.get("state", {}).get("form_body")
    if not body:
        return []
    fields = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=False)
    return [(name, value) for name, value in fields if len(value) > 20 or "\n" in value]


def _error_page(request: Request, status: int, heading: str, message: str) -> Response:
    back = request.headers.get("referer") if request.method == "POST" else None
    if back and not back.startswith(str(request.base_url)):
        back = None
    return render_page(
        request,
        "error.html",
        {"heading": heading, "message": message, "kept": _kept_fields(request), "back": back},
        title=heading,
        status_code=status,
    )


def create_app(
    database_url: str | None = None, *, hosted: bool = False, idle_minutes: int = 15
) -> FastAPI:
    """Build the app; the database is opened for the app's lifetime (lifespan).

    `hosted=True` is the multi-user mode: accounts, sign-in, every query scoped to the
    signed-in user. Otherwise the one local user, with the passphrase lock when set.
    """
    from reunite.services import Reunite

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with Reunite.open(database_url) as reunite:
            app.state.reunite = reunite
            app.state.db = reunite.db
            app.state.local_user_id = reunite.user_id
            # Everything loaded so far (the coach's model, the playbook, templates) lives as long
            # as the app: keep it out of the garbage collector's full passes, which would
            # otherwise pause requests (the long tail of latency).
            coaching.warm_up()
            gc.collect()
            gc.freeze()
            yield

    app = FastAPI(
        title="Reunite",
        summary="A private, local-first coach for getting back together with an ex, the healthy way.",
        version="1",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI would load scripts from a CDN; the schema is enough
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.database_url = database_url
    app.state.hosted = hosted
    app.add_middleware(KeepFormBodyMiddleware)
    app.add_middleware(AuthMiddleware, hosted=hosted, idle_minutes=idle_minutes)
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    for module in (today, onboarding, coach, timeline, journal, settings, account, insights):
        app.include_router(module.router, include_in_schema=False)
    app.include_router(api.router, prefix="/api")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @app.exception_handler(ReuniteError)
    async def reunite_error(request: Request, error: ReuniteError) -> Response:
        status = next(
            (code for kind, code in _ERROR_STATUS.items() if isinstance(error, kind)), 400
        )
        if _is_api(request):
            return JSONResponse({"detail": error.message}, status_code=status)
        if isinstance(error, NoJourney):
            return RedirectResponse("/start", status_code=303)
        return _error_page(request, status, "That didn't work", error.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if _is_api(request):
            headers = dict(error.headers or {})
            if error.status_code == 405:
                headers["Allow"] = _allowed_methods(request)
            return JSONResponse(
                {"detail": error.detail}, status_code=error.status_code, headers=headers
            )
        if error.status_code == 404:
            return _error_page(
                request,
                404,
                "Page not found",
                "There is nothing at this address. Today is a good place to start again.",
            )
        return _error_page(request, error.status_code, "That didn't work", str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": _plain(error.errors())}, status_code=422)
        return _error_page(
            request, 422, "Something in the form needs another look", _first_message(error.errors())
        )

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception) -> Response:
        if _is_api(request):
            response: Response = JSONResponse(
                {"detail": "Something went wrong on our side. Nothing was saved."}, 500
            )
            for name, value in SECURITY_HEADERS:
                response.headers[name.decode()] = value.decode()
            return response
        response = _error_page(
            request,
            500,
            "Something went wrong on our side",
            "It wasn't anything you did, and nothing was saved. Your words are below.",
        )
        # A server error leaves through Starlette's outermost middleware, past ours.
        for name, value in SECURITY_HEADERS:
            response.headers[name.decode()] = value.decode()
        return response

    return app


def _allowed_methods(request: Request) -> str:
    """Every method any route serves at this path (a path may have several routes)."""
    methods: set[str] = set()
    for route in request.app.routes:
        if getattr(route, "path", None) == request.url.path:
            methods |= set(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))


def _plain(errors: Any) -> list[dict[str, Any]]:
    return [
        {
            "loc": list(e.get("loc", ())),
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in errors
    ]


def _first_message(errors: Any) -> str:
    for e in errors:
        field = str(e.get("loc", ("", ""))[-1]).replace("_", " ")
        return f"{field.capitalize()}: {e.get('msg', 'not valid')}."
    return "Some of the answers could not be used."


def app_from_environment() -> FastAPI:
    """The app for worker processes: REUNITE_DATABASE_URL and REUNITE_ACCOUNTS=1|0."""
    import os

    return create_app(
        os.environ.get("REUNITE_DATABASE_URL") or None,
        hosted=os.environ.get("REUNITE_ACCOUNTS") == "1",
    )
