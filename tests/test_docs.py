"""Docs tested against code: every command and setting a user can reach is documented."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from reunite.cli import get_app

ROOT = Path(__file__).resolve().parents[1]
TEST_ONLY = {
    "REUNITE_FAST_KDF",
    "REUNITE_TEST_BACKEND",
    "REUNITE_TEST_POSTGRES_URL",
    "REUNITE_PG_PORT",
}


def _command_paths() -> list[str]:
    def walk(command: object, prefix: list[str]) -> list[str]:
        children = getattr(command, "commands", None)
        if not children:
            return [" ".join(prefix)]
        return [
            path for name, sub in sorted(children.items()) for path in walk(sub, [*prefix, name])
        ]

    return walk(typer.main.get_command(get_app()), [])


def test_every_cli_command_has_a_section_in_docs_cli_md() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [path for path in _command_paths() if f"### `reunite {path}`" not in text]
    assert [] == missing


def test_every_environment_variable_is_documented() -> None:
    used: set[str] = set()
    for source in (ROOT / "src" / "reunite").rglob("*.py"):
        used |= set(re.findall(r"\"(REUNITE_[A-Z_]+)\"", source.read_text(encoding="utf-8")))
    documented = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert [] == sorted(name for name in used - TEST_ONLY if f"`{name}`" not in documented)


def test_readme_gives_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme
    assert "make test" in readme
