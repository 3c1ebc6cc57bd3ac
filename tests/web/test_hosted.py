"""Hosted mode in the browser's terms: accounts, sessions, CSRF, rate limit (issue 5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reunite.web import create_app
from web_client import FormClient

PASSWORD = "a long enough password"


@pytest.fixture
def hosted(reunite_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FormClient]:
    monkeypatch.setenv("REUNITE_NOW", "2026-11-21T09:00:00")
    with FormClient(create_app(hosted=True), follow_redirects=False) as client:
        yield client


def sign_up(client: FormClient, name: str) -> None:
    response = client.post("/signup", data={"username": name, "password": PASSWORD})
    assert 303 == response.status_code, response.text


def test_everything_but_sign_in_needs_an_account(hosted: FormClient) -> None:
    for path in ("/", "/journal", "/coach", "/settings", "/timeline"):
        response = hosted.get(path)
        assert 303 == response.status_code
        assert response.headers["location"].startswith("/login?next=")
    assert 401 == hosted.get("/api/journey").status_code
    assert 401 == hosted.post("/api/journal", json={"text": "x"}).status_code
    assert 200 == hosted.get("/login").status_code


def test_sign_up_sets_a_private_session_cookie(hosted: FormClient) -> None:
    response = hosted.post("/signup", data={"username": "robin", "password": PASSWORD})
    cookie = next(
        v
        for k, v in response.headers.multi_items()
        if k == "set-cookie" and v.startswith("reunite_session=")
    )
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http on this machine; behind TLS it is Secure
    assert 200 == hosted.get("/settings").status_code


def test_cookies_are_secure_behind_tls(reunite_home: Path) -> None:
    with FormClient(
        create_app(hosted=True), base_url="https://reunite.example", follow_redirects=False
    ) as client:
        response = client.post("/signup", data={"username": "robin", "password": PASSWORD})
        cookies = [v for k, v in response.headers.multi_items() if k == "set-cookie"]
        assert all("Secure" in c for c in cookies)


def test_wrong_password_keeps_the_username_and_says_one_thing(hosted: FormClient) -> None:
    sign_up(hosted, "robin")
    hosted.post("/logout")
    hosted.cookies.clear()
    response = hosted.post("/login", data={"username": "robin", "password": "nope nope nope"})
    assert 401 == response.status_code
    assert "don&#39;t match an account" in response.text
    assert 'value="robin"' in response.text


def test_sign_in_is_rate_limited(hosted: FormClient) -> None:
    sign_up(hosted, "robin")
    hosted.cookies.clear()
    for _ in range(5):
        hosted.post("/login", data={"username": "robin", "password": "wrong guess"})
    response = hosted.post("/login", data={"username": "robin", "password": PASSWORD})
    assert 429 == response.status_code


def test_login_only_redirects_within_the_site(hosted: FormClient) -> None:
    sign_up(hosted, "robin")
    hosted.cookies.clear()
    response = hosted.post(
        "/login", data={"username": "robin", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert "/" == response.headers["location"]


def test_logout_everywhere_ends_every_session(hosted: FormClient, reunite_home: Path) -> None:
    sign_up(hosted, "robin")
    other = FormClient(hosted.app, follow_redirects=False)
    other.post("/login", data={"username": "robin", "password": PASSWORD})
    assert 200 == other.get("/settings").status_code
    hosted.post("/account/logout-everywhere")
    assert 303 == other.get("/settings").status_code


def test_deleting_the_account_needs_the_password_and_removes_it(hosted: FormClient) -> None:
    sign_up(hosted, "robin")
    hosted.post("/api/journal", json={"text": "private words"})
    assert 422 == hosted.post("/account/delete", data={"password": "wrong one here"}).status_code
    assert 303 == hosted.post("/account/delete", data={"password": PASSWORD}).status_code
    hosted.cookies.clear()
    assert (
        401 == hosted.post("/login", data={"username": "robin", "password": PASSWORD}).status_code
    )


def test_a_form_without_its_token_is_refused_and_the_words_come_back(hosted: FormClient) -> None:
    """CSRF: a form post without the token is refused — and what the user typed is not lost."""
    sign_up(hosted, "robin")
    words = "Tonight I nearly wrote to them again, but I wrote it here instead."
    response = hosted.post_without_token("/journal", data={"text": words, "mood": "4"})
    assert 403 == response.status_code
    assert words in response.text
    assert [] == hosted.get("/api/journal").json()


def test_requests_from_another_site_are_refused(hosted: FormClient) -> None:
    sign_up(hosted, "robin")
    response = hosted.post(
        "/api/journal", json={"text": "x"}, headers={"origin": "https://evil.example"}
    )
    assert 403 == response.status_code
    response = hosted.post("/journal", data={"text": "x"}, headers={"sec-fetch-site": "cross-site"})
    assert 403 == response.status_code


def test_security_headers_are_on_refusals_too(hosted: FormClient) -> None:
    for response in (hosted.get("/"), hosted.get("/api/journey"), hosted.get("/login")):
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert "nosniff" == response.headers["x-content-type-options"]
        assert "no-referrer" == response.headers["referrer-policy"]
