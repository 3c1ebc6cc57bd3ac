"""The `reunite` command line.

One Typer app; each area registers its commands from its own module (journey, coach,
history, web). `main()` is the single exit point: a ReuniteError becomes one clear
sentence on stderr and its exit code, never a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

import typer

from reunite.domain.errors import ReuniteError

if TYPE_CHECKING:
    from reunite.services import Reunite

app = typer.Typer(
    name="reunite",
    help="A private, local-first coach for getting back together with an ex, the healthy way.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

#: Modules that add commands with `register(app)`. Add yours here.
_COMMAND_MODULES: tuple[str, ...] = (
    "reunite.cli.security",
    "reunite.cli.journey",
    "reunite.cli.history",
    "reunite.cli.web",
    "reunite.cli.coach",
)

_registered = False
_state: dict[str, str | None] = {"database_url": None}


@app.callback()
def _options(
    database_url: str | None = typer.Option(
        None,
        "--database-url",
        help="Any SQLAlchemy URL (default: REUNITE_DATABASE_URL, else SQLite in the data folder).",
        envvar="REUNITE_DATABASE_URL",
    ),
) -> None:
    """A private, local-first coach for getting back together with an ex, the healthy way."""
    _state["database_url"] = database_url


def ask_secret(prompt: str, env: str) -> str | None:
    """A passphrase from the environment variable, else asked in a terminal, else None."""
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"{prompt}: ")
    return None


def open_app() -> Reunite:
    """The application on the chosen database (commands call this, never the store).

    A passphrase-protected database is unlocked here, from REUNITE_PASSPHRASE or by
    asking in the terminal; a wrong passphrase is one clear error.
    """
    from reunite.crypto import Locked
    from reunite.services import Reunite

    core = Reunite.open(_state["database_url"])
    if core.encrypted:
        passphrase = ask_secret("Passphrase", "REUNITE_PASSPHRASE")
        if passphrase is None:
            core.close()
            raise Locked(
                "Your data is protected by a passphrase: run this in a terminal to be asked "
                "for it, or set REUNITE_PASSPHRASE."
            )
        try:
            core.unlock(passphrase)
        except Exception:
            core.close()
            raise
    return core


def print_json(data: object) -> None:
    """Machine output: UTF-8 JSON on stdout."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def _register_all() -> None:
    global _registered
    if _registered:
        return
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(app)
    _registered = True


def get_app() -> typer.Typer:
    _register_all()
    return app


def fail(message: str, code: int = 1) -> None:
    """Print one sentence to stderr and exit."""
    sys.stderr.write(f"reunite: {message}\n")
    raise SystemExit(code)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: the only place an error becomes an exit code."""
    _register_all()
    try:
        app(args=argv, prog_name="reunite", standalone_mode=True)
    except ReuniteError as error:
        fail(error.message, error.exit_code)
    except KeyboardInterrupt:
        fail("stopped. Nothing half-done was saved.", 130)
    except Exception as error:  # the last line of defence: never a traceback for a user
        if os.environ.get("REUNITE_DEBUG"):
            raise
        fail(
            f"something went wrong inside Reunite ({type(error).__name__}); nothing was "
            "saved half-way. Run again with REUNITE_DEBUG=1 to see the details.",
            70,
        )
