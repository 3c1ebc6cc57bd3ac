"""The `reunite` command line.

One Typer app; each area registers its commands from its own module (journey, coach,
history, web). `main()` is the single exit point: a ReuniteError becomes one clear
sentence on stderr and its exit code, never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer

from reunite.domain.errors import ReuniteError

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
    "reunite.cli.journey",
)

_registered = False


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
