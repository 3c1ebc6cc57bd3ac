"""The JSON API under /api: contract shapes, errors as JSON, and schemathesis fuzzing."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from starlette.testclient import TestClient

from reunite.web import create_app

ANSWERS = {"who_ended": "them", "reasons": ["big_fight"], "relationship_months": 18}


def test_check_returns_the_contract_shape(client: TestClient) -> None:
    body = client.post("/api/check", json={"text": "why are you ignoring me?", "stage": "rapport"})
    assert body.status_code == 200
    result = body.json()
    assert set(result) >= {"verdict", "stage", "labels", "flags", "suggestion", "words"}
    assert result["verdict"] == "hold"
    flag = result["flags"][0]
    assert set(flag) == {"code", "severity", "start", "end", "reason", "source"}


def test_check_defaults_to_the_journeys_stage(client: TestClient) -> None:
    client.post("/api/journey", json={"answers": ANSWERS})
    result = client.post("/api/check", json={"text": "Hey, how's your sister doing?"}).json()
    assert result["stage"] == "reflect"


def test_read_reply_finds_a_boundary(client: TestClient) -> None:
    reading = client.post("/api/read-reply", json={"text": "Please stop texting me."}).json()
    assert reading["boundary"] == "no_contact"


def test_assess_follows_the_contract(client: TestClient) -> None:
    result = client.post("/api/assess", json={**ANSWERS, "safety_concern": True}).json()
    assert result["path"] == "safety"


def test_journey_events_and_journal_round_trip(client: TestClient) -> None:
    assert client.get("/api/journey").status_code == 404
    started = client.post("/api/journey", json={"answers": ANSWERS})
    assert started.status_code == 201
    assert started.json()["stage"] == "reflect"
    refused = client.post("/api/events", json={"kind": "contact"})
    assert refused.status_code == 409
    assert refused.json()["detail"]
    logged = client.post("/api/events", json={"kind": "urge", "note": "late night"})
    assert logged.status_code == 201
    assert logged.json()["effects"]
    assert [e["kind"] for e in client.get("/api/events").json()] == ["urge"]
    entry = client.post("/api/journal", json={"text": "Held on", "mood": 6, "tags": ["win"]})
    assert entry.status_code == 201
    assert client.get("/api/journal", params={"q": "held"}).json()[0]["text"] == "Held on"
    assert client.get("/api/plan").json()[0]["stage"] == "reflect"


def test_bad_input_is_a_json_422(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": ""})
    assert response.status_code == 422
    assert "detail" in response.json()


def test_the_openapi_schema_names_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/check",
        "/api/read-reply",
        "/api/assess",
        "/api/journey",
        "/api/events",
        "/api/journal",
    ):
        assert path in paths


# schemathesis reads the schema at import, so the app gets its own throwaway database
# (never the user's): the facade opens on the first request.
_API_DIR = tempfile.mkdtemp(prefix="reunite-api-")
atexit.register(shutil.rmtree, _API_DIR, ignore_errors=True)
_API_DB = Path(_API_DIR) / "api.db"
schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(f"sqlite:///{_API_DB}"))


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_never_breaks_its_own_schema(case: Any) -> None:
    """schemathesis: no 500s, responses match the OpenAPI schema, for any valid or odd input."""
    case.call_and_validate()


def test_check_is_refused_after_they_asked_for_no_contact(client: TestClient) -> None:
    """As `reunite check`: once they asked you to stop, no help writing to them (seed 001)."""
    client.post("/api/journey", json={"answers": {**ANSWERS, "ex_asked_no_contact": True}})
    response = client.post("/api/check", json={"text": "Hi, hope you're well"})
    assert response.status_code == 409
    assert "asked you not to contact them" in response.json()["detail"]
