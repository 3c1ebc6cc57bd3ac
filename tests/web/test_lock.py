"""The passphrase lock in the web app (local mode): locked pages go to /unlock, the API
answers 423, a wrong passphrase is a clear error, and the passphrase can be set from Settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reunite.services import Reunite
from reunite.web import create_app
from web_client import FormClient

PHRASE = "correct horse battery"


@pytest.fixture
def locked(reunite_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FormClient]:
    monkeypatch.setenv("REUNITE_NOW", "2026-11-21T09:00:00")
    core = Reunite.open()
    core.add_journal("my locked words", 4, [], __import__("datetime").datetime(2026, 11, 20))
    core.set_passphrase(PHRASE)
    core.close()
    with FormClient(create_app(), follow_redirects=False) as client:
        yield client


def test_a_locked_journal_asks_for_the_passphrase_first(locked: FormClient) -> None:
    response = locked.get("/journal")
    assert 303 == response.status_code
    assert response.headers["location"].startswith("/unlock")
    assert 423 == locked.get("/api/journal").status_code
    assert "passphrase" in locked.get("/unlock").text.lower()


def test_a_wrong_passphrase_is_one_clear_sentence(locked: FormClient) -> None:
    response = locked.post("/unlock", data={"passphrase": "not it at all", "next": "/journal"})
    assert 401 == response.status_code
    assert "not the right one" in response.text


def test_unlocking_opens_the_journal_and_locking_closes_it(locked: FormClient) -> None:
    response = locked.post("/unlock", data={"passphrase": PHRASE, "next": "/journal"})
    assert "/journal" == response.headers["location"]
    assert "my locked words" in locked.get("/journal").text
    locked.post("/lock")
    assert 303 == locked.get("/journal").status_code


def test_setting_a_passphrase_from_settings(
    reunite_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REUNITE_NOW", "2026-11-21T09:00:00")
    with FormClient(create_app(), follow_redirects=False) as client:
        page = client.get("/settings").text
        assert "Encrypt with a passphrase" in page
        bad = client.post(
            "/settings/passphrase", data={"action": "set", "new": PHRASE, "again": "different!"}
        )
        assert 422 == bad.status_code
        assert "differ" in bad.text
        ok = client.post(
            "/settings/passphrase", data={"action": "set", "new": PHRASE, "again": PHRASE}
        )
        assert 303 == ok.status_code
        assert "Change passphrase" in client.get("/settings").text
