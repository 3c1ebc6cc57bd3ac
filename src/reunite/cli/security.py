"""Passphrase commands: protect what you write with encryption at rest."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from reunite.cli import ask_secret, open_app, print_json
from reunite.domain.errors import InvalidInput

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _new_passphrase() -> str:
    new = ask_secret("New passphrase", "REUNITE_NEW_PASSPHRASE")
    if new is None:
        raise InvalidInput(
            "No new passphrase: run this in a terminal, or set REUNITE_NEW_PASSPHRASE."
        )
    if "REUNITE_NEW_PASSPHRASE" not in os.environ:
        import getpass

        if getpass.getpass("Type it again: ") != new:
            raise InvalidInput("The two passphrases differ; nothing was changed.")
    return new


def register(app: typer.Typer) -> None:
    passphrase_app = typer.Typer(
        help="Encrypt what you write (journal, letters, replies) with a passphrase.",
        no_args_is_help=True,
    )
    app.add_typer(passphrase_app, name="passphrase")

    @passphrase_app.command("set")
    def set_passphrase(as_json: JsonOpt = False) -> None:
        """Turn on encryption at rest (AES-256-GCM, key from your passphrase via scrypt)."""
        with open_app() as core:
            if core.encrypted:
                raise InvalidInput("A passphrase is already set; use 'reunite passphrase change'.")
            core.set_passphrase(_new_passphrase())
        _done(
            "Encryption is on. Without the passphrase, nobody — you included — can read it.",
            as_json,
        )

    @passphrase_app.command("change")
    def change_passphrase(as_json: JsonOpt = False) -> None:
        """Change the passphrase: everything is re-encrypted with a new key, in one go."""
        with open_app() as core:
            if not core.encrypted:
                raise InvalidInput("No passphrase is set; use 'reunite passphrase set'.")
            current = ask_secret("Current passphrase", "REUNITE_PASSPHRASE")
            core.set_passphrase(_new_passphrase(), current)
        _done("Passphrase changed; everything was re-encrypted with a new key.", as_json)

    @passphrase_app.command("remove")
    def remove_passphrase(as_json: JsonOpt = False) -> None:
        """Turn encryption off (everything is decrypted, in one go)."""
        with open_app() as core:
            current = ask_secret("Current passphrase", "REUNITE_PASSPHRASE")
            if current is None:
                raise InvalidInput("Give the current passphrase to remove it.")
            core.remove_passphrase(current)
        _done("Encryption is off; your data is stored unencrypted again.", as_json)

    @passphrase_app.command("status")
    def passphrase_status(as_json: JsonOpt = False) -> None:
        """Whether a passphrase protects the data."""
        from reunite.cli import _state
        from reunite.services import Reunite

        core = Reunite.open(_state["database_url"])
        try:
            on = core.encrypted
        finally:
            core.close()
        if as_json:
            print_json({"encrypted": on})
        else:
            typer.echo("Encryption at rest: " + ("on" if on else "off"))


def _done(message: str, as_json: bool) -> None:
    if as_json:
        print_json({"ok": True, "message": message})
    else:
        typer.echo(message)
