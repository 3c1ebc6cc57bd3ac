"""Rendering helpers shared by the page routes: navigation, flash notes, the facade."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from reunite.web.templating import build_templates

if TYPE_CHECKING:
    from reunite.services import Reunite

templates = build_templates()


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    href: str


_NAV_FULL = (
    NavItem("today", "Today", "/"),
    NavItem("coach", "Coach", "/coach"),
    NavItem("timeline", "Timeline", "/timeline"),
    NavItem("journal", "Journal", "/journal"),
    NavItem("settings", "Settings", "/settings"),
)
# After let_go (and on the safety path) the contact tools go away, kindly.
_NAV_RECOVERY = (
    NavItem("today", "Today", "/"),
    NavItem("timeline", "Timeline", "/timeline"),
    NavItem("journal", "Journal", "/journal"),
    NavItem("settings", "Settings", "/settings"),
)
_NAV_NEW = (
    NavItem("start", "Start", "/start"),
    NavItem("coach", "Coach", "/coach"),
    NavItem("journal", "Journal", "/journal"),
    NavItem("settings", "Settings", "/settings"),
)

#: Short notes shown once after a redirect (?done=key). Only known keys are shown.
FLASH = {
    "started": "Your journey has begun. Come back here each day.",
    "urge-kept": "Kept as an unsent letter, and the urge is logged. You didn't send it: that counts.",
    "urge-logged": "The urge is logged. You didn't send anything: that counts.",
    "logged": "Logged. Your journey has been updated.",
    "reply-logged": "Their reply is logged and your journey has been updated.",
    "journal-added": "Saved to your journal.",
    "imported": "Your backup has been restored.",
    "wiped": "Everything has been deleted. You can start again whenever you like.",
    "chat-imported": "Your chat history is imported. Importing a longer export later adds only what's new.",
    "let-go": "You chose to let go. That takes courage; take good care of yourself.",
}


def ensure_core(app: Any) -> Reunite:
    """Open the database once per app (the lifespan does it; a bare ASGI caller gets it here)."""
    state = app.state
    facade: Reunite | None = getattr(state, "reunite", None)
    if facade is None:
        from reunite.services import Reunite

        facade = state.reunite = Reunite.open(getattr(state, "database_url", None))
        state.db = facade.db
        state.local_user_id = facade.user_id
    return facade


def reunite(request: Request) -> Reunite:
    """The facade for the user of this request: the local user, or the signed-in account."""
    core = ensure_core(request.app)
    if not getattr(request.app.state, "hosted", False):
        return core
    cached: Reunite | None = getattr(request.state, "facade", None)
    if cached is None:
        from reunite.services import Reunite

        user_id = getattr(request.state, "user_id", None)
        if user_id is None:
            from reunite.domain.errors import ReuniteError

            raise ReuniteError("Sign in first.")
        cached = request.state.facade = Reunite(core.db, core.pb, user_id=user_id)
    return cached


def journey_mode(request: Request) -> str:
    """'new' (no journey), 'recovery' (let_go or safety: no contact tools) or 'journey'.

    Works the status out once per request (request.state.status) for the page to reuse.
    """
    cached = getattr(request.state, "journey_mode", None)
    if cached is not None:
        return str(cached)
    from reunite.clock import now
    from reunite.domain.errors import NoJourney

    status: dict[str, Any] | None
    try:
        status = reunite(request).status(now()).to_dict()
    except NoJourney:
        mode, status = "new", None
    else:
        closed = {status.get("path"), status.get("stage")} & {"let_go", "safety"}
        mode = "recovery" if closed else "journey"
    request.state.status = status
    request.state.journey_mode = mode
    return mode


def current_status(request: Request) -> dict[str, Any]:
    """The journey's status as a dict (contracts.md shape plus extras), once per request."""
    if journey_mode(request) == "new" or request.state.status is None:
        from reunite.domain.errors import NoJourney

        raise NoJourney("No journey yet.")
    status: dict[str, Any] = request.state.status
    return status


def render_page(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    title: str | None = None,
    active: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    try:
        mode = journey_mode(request)
    except Exception:  # the error page must render even when the database does not
        mode = "new"
    nav = {"new": _NAV_NEW, "recovery": _NAV_RECOVERY}.get(mode, _NAV_FULL)
    done = request.query_params.get("done", "")
    values: dict[str, Any] = {
        "request": request,
        "nav": nav,
        "active": active,
        "title": title,
        "mode": mode,
        "flash": FLASH.get(done),
    }
    values.update(context or {})
    return templates.TemplateResponse(request, template, values, status_code=status_code)


def htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
