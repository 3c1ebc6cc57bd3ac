"""The app's route table, walked through included routers and mounts (for generated tests)."""

from __future__ import annotations

from typing import Any


def route_table(app: Any) -> list[tuple[str, str]]:
    """(method, path) for every route, through included routers and mounts."""
    found: list[tuple[str, str]] = []

    def walk(routes: Any, prefix: str) -> None:
        for route in routes:
            if hasattr(route, "original_router"):  # FastAPI's included router
                context = getattr(route, "include_context", None)
                walk(route.original_router.routes, prefix + (getattr(context, "prefix", "") or ""))
            elif getattr(route, "methods", None):
                for method in sorted(route.methods - {"HEAD"}):
                    found.append((method, prefix + route.path))
            elif hasattr(route, "routes") and not route.path.startswith("/static"):
                walk(route.routes, prefix + route.path)

    walk(app.routes, "")
    return found
