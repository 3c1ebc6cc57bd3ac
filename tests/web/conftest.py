"""Web fixtures: the app on a private REUNITE_HOME, driven in-process (no server, no mocks)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    # Starlette warns at import that it prefers httpx2; the client behaves the same.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from reunite.web import create_app
from web_client import FormClient

NOW = "2026-11-21T09:00:00"

#: A typical "they ended it" situation, as the wizard's form posts it.
WIZARD_ANSWERS: dict[str, Any] = {
    "safety_concern": "false",
    "who_ended": "them",
    "relationship_months": "18",
    "days_since_breakup": "4",
    "no_contact_since_breakup": "false",
    "reasons__seen": "1",
    "reasons": ["big_fight"],
    "ex_asked_no_contact": "false",
    "ex_blocked_me": "false",
    "ex_asked_space": "false",
    "ex_new_partner": "false",
    "motives__seen": "1",
    "motives": ["love", "miss_them"],
}


@pytest.fixture
def answers() -> dict[str, Any]:
    return dict(WIZARD_ANSWERS)


@pytest.fixture
def client(reunite_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("REUNITE_NOW", NOW)
    with FormClient(create_app(), follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def started(client: TestClient, answers: dict[str, Any]) -> TestClient:
    """A client whose user has finished onboarding and begun a journey."""
    response = client.post("/start/begin", data=answers)
    assert response.status_code == 303
    return client
