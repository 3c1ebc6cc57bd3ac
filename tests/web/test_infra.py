"""The web's foundations: strict headers on every response, static files, error pages."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from reunite.web.security import CONTENT_SECURITY_POLICY
from web_client import FormClient


@pytest.mark.parametrize("path", ["/start", "/static/css/app.css", "/nope", "/api/openapi.json"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_the_policy_allows_nothing_from_elsewhere_and_no_framing() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY


def test_pages_use_no_inline_script_or_style_and_load_htmx_locally(client: TestClient) -> None:
    html = client.get("/start").text
    assert "<style" not in html
    assert " style=" not in html
    assert "<script>" not in html
    assert 'src="http' not in html
    assert 'href="http' not in html
    assert "/static/vendor/htmx.min.js" in html


def test_vendored_htmx_is_served_from_the_package(client: TestClient) -> None:
    response = client.get("/static/vendor/htmx.min.js")
    assert response.status_code == 200
    assert "htmx" in response.text[:2000]


def test_a_missing_page_says_what_happened(client: TestClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_a_server_error_page_gives_back_what_the_user_wrote(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing a user wrote is lost to a server error (issue 3)."""
    from reunite.services import Reunite

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Reunite, "add_journal", broken)
    words = "I keep thinking about the lake house and I want to tell them everything tonight."
    safe = FormClient(client.app, raise_server_exceptions=False)
    response = safe.post("/journal", data={"text": words, "mood": "3", "tags": ""})
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert words in response.text
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_a_new_user_is_sent_to_the_assessment(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 303
    assert response.headers["location"] == "/start"


@pytest.mark.parametrize(
    "path", ["/", "/urge", "/coach", "/timeline", "/journal", "/settings", "/start"]
)
def test_no_page_loads_anything_from_elsewhere(started: TestClient, path: str) -> None:
    """Local-first: no CDN, no external font, script or image on any page (issue 3)."""
    html = started.get(path).text
    assert 'src="http' not in html
    assert 'href="http' not in html
    assert "<style" not in html
    assert " style=" not in html
