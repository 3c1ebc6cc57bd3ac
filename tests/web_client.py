"""An in-process client that posts forms the way a browser posts Reunite's own forms."""

from __future__ import annotations

import warnings
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's import-time note about httpx
    from starlette.testclient import TestClient

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class FormClient(TestClient):
    """A test client that, like a browser submitting Reunite's own forms, sends the CSRF
    token bound to its cookie with every unsafe request (pass `csrf=False` to leave it out)."""

    def request(self, method: str, url: Any, *args: Any, csrf: bool = True, **kwargs: Any) -> Any:  # type: ignore[override]
        if csrf and method.upper() in UNSAFE:
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("x-csrf-token", self.csrf_token())
            kwargs["headers"] = headers
        return super().request(method, url, *args, **kwargs)

    def post_without_token(self, url: str, **kwargs: Any) -> Any:
        """A form post as a forged cross-site form would send it: no token."""
        return self.request("POST", url, csrf=False, **kwargs)

    def csrf_token(self) -> str:
        from reunite import accounts
        from reunite.web.pages import ensure_core

        if "reunite_csrf" not in self.cookies:
            super().request("GET", "/api/openapi.json")
        return accounts.csrf_token(ensure_core(self.app).db, self.cookies["reunite_csrf"])
