"""The newest Alembic revision, read from the version files (no Alembic, no SQLAlchemy)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


@cache
def head_revision() -> str:
    """The newest migration, read from the version files without importing Alembic."""
    revisions: dict[str, str | None] = {}
    folder = resources.files("reunite.store.migrations").joinpath("versions")
    for entry in folder.iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("__"):
            continue
        source = entry.read_text(encoding="utf-8")
        match = _REVISION.search(source)
        if match:
            down = _DOWN.search(source)
            revisions[match.group(1)] = down.group(1) if down else None
    parents = {down for down in revisions.values() if down}
    heads = sorted(set(revisions) - parents)
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {heads}")
    return heads[0]
