"""Settings: backup and restore, wipe, the plan as a calendar, where the data lives."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reunite.clock import now
from reunite.domain.errors import InvalidInput
from reunite.web.pages import journey_mode, redirect, render_page, reunite

router = APIRouter()

MAX_BACKUP_BYTES = 20 * 1024 * 1024
WIPE_WORD = "delete"


def _page(
    request: Request,
    *,
    error: str | None = None,
    wipe_error: str | None = None,
    passphrase_error: str | None = None,
    status_code: int = 200,
) -> Response:
    facade = reunite(request)
    return render_page(
        request,
        "settings.html",
        {
            "location": facade.data_location(),
            "has_journey": journey_mode(request) != "new",
            "error": error,
            "wipe_error": wipe_error,
            "wipe_word": WIPE_WORD,
            "hosted": bool(getattr(request.app.state, "hosted", False)),
            "encrypted": facade.encrypted,
            "passphrase_error": passphrase_error,
        },
        title="Settings",
        active="settings",
        status_code=status_code,
    )


#: For routes elsewhere that re-show Settings with an error (the passphrase form).
settings_page = _page


@router.get("/settings", name="settings")
async def settings(request: Request) -> Response:
    return _page(request)


@router.get("/settings/export")
async def export(request: Request) -> Response:
    moment = now()
    body = json.dumps(reunite(request).export(moment), ensure_ascii=False, indent=2)
    return Response(
        body,
        media_type="application/json",
        headers={
            "content-disposition": f'attachment; filename="reunite-backup-{moment:%Y-%m-%d}.json"'
        },
    )


@router.get("/plan.ics")
async def plan_ics(request: Request) -> Response:
    if journey_mode(request) == "new":
        return redirect("/start")
    return Response(
        reunite(request).plan_ics(now()),
        media_type="text/calendar",
        headers={"content-disposition": 'attachment; filename="reunite-plan.ics"'},
    )


@router.post("/settings/import")
async def import_backup(request: Request) -> Response:
    form = await request.form()
    upload = form.get("backup")
    if upload is None or isinstance(upload, str) or not upload.filename:
        return _page(request, error="Choose a backup file first.", status_code=422)
    raw = await upload.read(MAX_BACKUP_BYTES + 1)
    if len(raw) > MAX_BACKUP_BYTES:
        return _page(request, error="That file is too big to be a Reunite backup.", status_code=422)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _page(
            request, error="That file isn't a Reunite backup (it isn't JSON).", status_code=422
        )
    try:
        reunite(request).import_backup(data)
    except InvalidInput as problem:
        return _page(request, error=problem.message, status_code=422)
    return redirect("/settings?done=imported")


@router.post("/settings/wipe")
async def wipe(request: Request) -> Response:
    form = await request.form()
    if str(form.get("confirm", "")).strip().lower() != WIPE_WORD:
        return _page(
            request,
            wipe_error=f"Type {WIPE_WORD} in the box to confirm. Nothing was deleted.",
            status_code=422,
        )
    reunite(request).wipe()
    return redirect("/start?done=wiped")
