"""No route, API call or export of one user can read, change or detect another's records.

Generated from the app's route table: a route added tomorrow is attacked here too. User A
fills every kind of record with a marker; user B then calls every route with every method,
with plausible form and JSON bodies and path parameters; B never sees A's marker, and A's
complete export is unchanged afterwards (issue 5)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from reunite.domain.model import EventKind
from reunite.services import Reunite
from reunite.web import create_app
from routes_table import route_table
from web_client import FormClient

PASSWORD = "a long enough password"
SECRET = "zebra-cantaloupe-4471"
NOW = datetime(2026, 11, 21, 9, 0)


FORM_FIELDS: dict[str, Any] = {
    "text": f"B writes something {SECRET[:3]}",
    "mood": "5",
    "tags": "reflection",
    "went": "good",
    "outcome": "yes",
    "kind": "text",
    "stage": "first_contact",
    "confirm": "delete",
    "who_ended": "them",
    "relationship_months": "12",
    "password": PASSWORD,
    "current": PASSWORD,
    "new": "another passphrase",
    "again": "another passphrase",
    "action": "set",
    "note": "n",
    "q": "diary",
    "search": "diary",
}


def _paths(path: str, values: list[str]) -> list[str]:
    names = re.findall(r"{([^}]+)}", path)
    if not names:
        return [path]
    out = []
    for value in values:
        filled = path
        for name in names:
            filled = filled.replace("{" + name + "}", value)
        out.append(filled)
    return out


@pytest.fixture
def app_and_users(
    reunite_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[tuple[FormClient, FormClient, Reunite]]:
    monkeypatch.setenv("REUNITE_NOW", "2026-12-23T10:00:00")
    app = create_app(hosted=True)
    with FormClient(app, follow_redirects=False) as alice:
        alice.post("/signup", data={"username": "alice", "password": PASSWORD})
        db = app.state.db
        from sqlalchemy import select

        from reunite.store.models import UserRow

        with db.transaction() as session:
            a_id = session.scalar(select(UserRow.id).where(UserRow.username == "alice"))
        a = Reunite(db, user_id=a_id)
        from factories import answers

        a.start_journey(answers(), NOW)
        a.add_journal(f"alice's diary {SECRET}", 3, ["unsent-letter"], NOW)
        a.log(EventKind.URGE, NOW + timedelta(days=1), note=f"urge {SECRET}")
        a.log(EventKind.CONTACT, NOW + timedelta(days=31))
        a.log_reply(f"haha tell me more {SECRET}", NOW + timedelta(days=31, hours=1))
        chat = tmp_path / "chat.txt"
        chat.write_text(
            "".join(
                f"{(NOW - timedelta(days=300) + timedelta(hours=9 * i)):%d/%m/%Y, %H:%M} - "
                f"{'Sam' if i % 2 else 'Alex'}: {SECRET} line {i}\n"
                for i in range(40)
            ),
            encoding="utf-8",
        )
        a.history().import_file(chat, me="Sam", now=NOW)
        bob = FormClient(app, follow_redirects=False)
        bob.post("/signup", data={"username": "bobby", "password": PASSWORD})
        yield alice, bob, a


def _ids(export: dict[str, Any]) -> list[str]:
    return sorted(
        {str(row["id"]) for rows in export["tables"].values() for row in rows if "id" in row}
    )


def test_no_route_lets_one_user_read_change_or_detect_anothers_records(
    app_and_users: tuple[FormClient, FormClient, Reunite],
) -> None:
    alice, bob, a = app_and_users
    before = a.export(NOW)
    assert SECRET in json.dumps(before)
    a_ids = _ids(before)
    values = [
        *a_ids[:6],
        "999999",
        *[k.value for k in EventKind],
        "reply",
        "no-reply",
        "ex-reached-out",
    ]
    routes = route_table(alice.app)
    assert len(routes) > 20, "the route table walk found too few routes"
    # routes that end B's own session go last, so every other attack runs signed in
    ending = ("/logout", "/account/delete", "/account/logout-everywhere", "/lock")
    routes.sort(key=lambda route: route[1].startswith(ending))
    checked = 0
    signed_in_checked = False
    for method, pattern in routes:
        if pattern.startswith(ending) and not signed_in_checked:
            # the attacks so far were real requests, made signed in
            assert bob.get("/api/journal").status_code == 200
            signed_in_checked = True
        for path in _paths(pattern, values):
            if method == "GET":
                response = bob.get(path)
                assert SECRET not in response.text, f"GET {path} showed A's record to B"
            elif path.startswith("/api/"):
                response = bob.request(method, path, json=FORM_FIELDS)
                assert SECRET not in response.text, f"{method} {path} showed A's record to B"
            else:
                files = (
                    {
                        "backup": (
                            "b.json",
                            io.BytesIO(b'{"format": "reunite-backup", "version": 1, "tables": {}}'),
                            "application/json",
                        )
                    }
                    if "import" in path
                    else None
                )
                response = bob.request(method, path, data=FORM_FIELDS, files=files)
                assert SECRET not in response.text, f"{method} {path} showed A's record to B"
            checked += 1
    after = a.export(NOW)
    assert before["tables"] == after["tables"], "a route let B change A's records"
    assert checked >= len(routes)
    assert signed_in_checked


def test_an_anonymous_visitor_reaches_nothing_private(
    app_and_users: tuple[FormClient, FormClient, Reunite],
) -> None:
    alice, _bob, _a = app_and_users
    stranger = FormClient(alice.app, follow_redirects=False)
    for method, pattern in route_table(alice.app):
        for path in _paths(pattern, ["1", "reply"]):
            if path.startswith(
                ("/login", "/signup", "/static", "/favicon.ico", "/api/openapi.json")
            ):
                continue
            response = stranger.request(method, path, data=FORM_FIELDS if method != "GET" else None)
            assert response.status_code in (303, 401), f"{method} {path} answered a stranger"
            assert SECRET not in response.text
