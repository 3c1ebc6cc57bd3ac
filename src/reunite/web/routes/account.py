"""Signing in and out (hosted mode), unlocking (local mode with a passphrase), the passphrase.

Every route here is thin: the rules live in `reunite.accounts` and the services facade.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from reunite import accounts
from reunite.clock import now
from reunite.crypto import WrongPassphrase
from reunite.domain.errors import InvalidInput, ReuniteError
from reunite.web.auth import SESSION_COOKIE, cookie_header
from reunite.web.pages import redirect, render_page, reunite

router = APIRouter()


def _safe_next(target: str | None) -> str:
    """Only ever redirect within this site."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def _hosted(request: Request) -> bool:
    return bool(getattr(request.app.state, "hosted", False))


def _with_session(
    response: Response, request: Request, token: str, max_age: int | None
) -> Response:
    response.raw_headers.append(
        (
            b"set-cookie",
            cookie_header(
                SESSION_COOKIE, token, secure=request.url.scheme == "https", max_age=max_age
            ),
        )
    )
    return response


def _not_here() -> Response:
    from fastapi import HTTPException

    raise HTTPException(status_code=404)


# ---------------------------------------------------------------- hosted: accounts


@router.get("/login")
async def login_page(request: Request, next: str = "/") -> Response:
    if not _hosted(request):
        return _not_here()
    return render_page(request, "login.html", {"next": _safe_next(next)}, title="Sign in")


@router.post("/login")
async def login(
    request: Request,
    username: str = Form(""),
    password: str = Form(""),
    next: str = Form("/"),
) -> Response:
    if not _hosted(request):
        return _not_here()
    db = request.app.state.db
    address = request.client.host if request.client else ""
    try:
        user_id = accounts.sign_in(db, username, password, now(), address)
    except ReuniteError as error:
        return render_page(
            request,
            "login.html",
            {"next": _safe_next(next), "username": username, "error": error.message},
            title="Sign in",
            status_code=429 if isinstance(error, accounts.TooManyAttempts) else 401,
        )
    token = accounts.issue_session(db, user_id, now())
    max_age = int(accounts.SESSION_LIFETIME.total_seconds())
    return _with_session(redirect(_safe_next(next)), request, token, max_age)


@router.get("/signup")
async def signup_page(request: Request) -> Response:
    if not _hosted(request):
        return _not_here()
    return render_page(request, "signup.html", {}, title="Create an account")


@router.post("/signup")
async def signup(request: Request, username: str = Form(""), password: str = Form("")) -> Response:
    if not _hosted(request):
        return _not_here()
    db = request.app.state.db
    try:
        user_id = accounts.create_account(db, username, password, now())
    except InvalidInput as error:
        return render_page(
            request,
            "signup.html",
            {"username": username, "error": error.message},
            title="Create an account",
            status_code=422,
        )
    token = accounts.issue_session(db, user_id, now())
    max_age = int(accounts.SESSION_LIFETIME.total_seconds())
    return _with_session(redirect("/"), request, token, max_age)


@router.post("/logout")
async def logout(request: Request) -> Response:
    return _with_session(redirect("/login" if _hosted(request) else "/"), request, "", 0)


@router.get("/account")
async def account_page(request: Request) -> Response:
    if not _hosted(request):
        return _not_here()
    return render_page(request, "account.html", {}, title="Your account", active="settings")


@router.post("/account/logout-everywhere")
async def logout_everywhere(request: Request) -> Response:
    if not _hosted(request):
        return _not_here()
    accounts.logout_everywhere(request.app.state.db, reunite(request).user_id)
    return _with_session(redirect("/login"), request, "", 0)


@router.post("/account/delete")
async def delete_account(request: Request, password: str = Form("")) -> Response:
    if not _hosted(request):
        return _not_here()
    try:
        accounts.delete_account(request.app.state.db, reunite(request).user_id, password)
    except ReuniteError as error:
        return render_page(
            request,
            "account.html",
            {"delete_error": error.message},
            title="Your account",
            active="settings",
            status_code=422,
        )
    return _with_session(redirect("/login"), request, "", 0)


# ---------------------------------------------------------------- local: the passphrase lock


@router.get("/unlock")
async def unlock_page(request: Request, next: str = "/") -> Response:
    if _hosted(request) or not request.app.state.db.encrypted:
        return redirect("/")
    return render_page(request, "unlock.html", {"next": _safe_next(next)}, title="Unlock")


@router.post("/unlock")
async def unlock(
    request: Request,
    passphrase: str = Form(""),
    next: str = Form("/"),
) -> Response:
    if _hosted(request) or not request.app.state.db.encrypted:
        return redirect("/")
    try:
        request.app.state.db.unlock(passphrase)
    except WrongPassphrase as error:
        return render_page(
            request,
            "unlock.html",
            {"next": _safe_next(next), "error": error.message},
            title="Unlock",
            status_code=401,
        )
    return redirect(_safe_next(next))


@router.post("/lock")
async def lock(request: Request) -> Response:
    request.app.state.db.lock()
    return redirect("/unlock")


@router.post("/settings/passphrase")
async def passphrase(
    request: Request,
    action: str = Form(""),
    current: str = Form(""),
    new: str = Form(""),
    again: str = Form(""),
) -> Response:
    """Turn encryption on, change the passphrase, or turn it off (local mode only)."""
    if _hosted(request):
        return _not_here()
    facade = reunite(request)
    try:
        if action in ("set", "change"):
            if new != again:
                raise InvalidInput("The two new passphrases differ; nothing was changed.")
            facade.set_passphrase(new, current or None)
        elif action == "remove":
            facade.remove_passphrase(current)
        else:
            raise InvalidInput("Choose what to do with the passphrase.")
    except ReuniteError as error:
        from reunite.web.routes.settings import settings_page

        return settings_page(request, passphrase_error=error.message, status_code=422)
    return redirect("/settings?done=passphrase")
