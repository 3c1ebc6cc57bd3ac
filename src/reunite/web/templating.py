"""Jinja2 set-up: autoescaped templates, date filters and the navigation."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates

TEMPLATES_DIR = Path(__file__).parent / "templates"


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None


def nice_date(value: Any) -> str:
    """'Mon 21 Dec 2026' — unambiguous in every locale, short on a phone."""
    day = _as_date(value)
    if day is None:
        return str(value or "")
    return f"{day:%a} {day.day} {day:%b %Y}"


def nice_time(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, datetime):
        return f"{nice_date(value)}, {value:%H:%M}"
    return nice_date(value)


def iso_date(value: Any) -> str:
    day = _as_date(value)
    return day.isoformat() if day else ""


def words(value: Any) -> str:
    """'no_contact' → 'no contact'."""
    return str(value or "").replace("_", " ")


def _csrf_token() -> str:
    """The form token of the request being rendered (set by the auth middleware)."""
    from reunite.web.auth import current_csrf

    return current_csrf.get()


def build_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    env = templates.env
    env.filters["nice_date"] = nice_date
    env.filters["nice_time"] = nice_time
    env.filters["iso_date"] = iso_date
    env.filters["words"] = words
    env.globals["csrf_token"] = _csrf_token
    env.trim_blocks = True
    env.lstrip_blocks = True
    return templates
