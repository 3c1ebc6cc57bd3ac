"""`reunite serve`: the web app on this machine only (127.0.0.1 unless told otherwise).

Another address needs both `--allow-remote` and `--accounts` (the hosted mode): a
private journal must never be served to a network without sign-in.
"""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated

import typer

from reunite.domain.errors import InvalidInput


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, allow_remote: bool, accounts: bool) -> None:
    """Refuse anything but this computer unless the hosted mode was asked for explicitly."""
    if _is_loopback(host):
        return
    if not (allow_remote and accounts):
        raise InvalidInput(
            f"Reunite only listens on this computer (127.0.0.1); to serve {host}, add both "
            "--allow-remote and --accounts, and put TLS in front of it."
        )


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: Annotated[
            str,
            typer.Option("--host", help="Address to listen on; keep 127.0.0.1 to stay private."),
        ] = "127.0.0.1",
        port: Annotated[
            int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
        ] = 8000,
        database_url: Annotated[
            str | None,
            typer.Option(
                "--database-url", help="Any SQLAlchemy URL (default: as for every command)."
            ),
        ] = None,
        accounts: Annotated[
            bool,
            typer.Option("--accounts", help="Hosted mode: accounts with sign-in, one space each."),
        ] = False,
        allow_remote: Annotated[
            bool,
            typer.Option("--allow-remote", help="Allow an address other than this computer."),
        ] = False,
        workers: Annotated[
            int,
            typer.Option(
                "--workers",
                min=1,
                max=64,
                help="Worker processes (hosted mode; they share only the database).",
            ),
        ] = 1,
    ) -> None:
        """Open Reunite in your browser: http://127.0.0.1:8000 by default."""
        import uvicorn

        from reunite.cli import _state

        check_bind(host, allow_remote, accounts)
        if workers > 1 and not accounts:
            raise InvalidInput("Several workers need the hosted mode (--accounts).")
        url = database_url or _state.get("database_url")
        typer.echo(
            f"Reunite is running at http://{host}:{port}"
            + ("  (accounts on)" if accounts else "")
            + "  (Ctrl+C to stop)"
        )
        if workers > 1 or accounts:
            # Worker processes build the app from the environment (stateless: the database
            # holds sessions, rate limits and the session secret). The schema is brought up
            # to date here, once, so workers starting together never race to migrate.
            from reunite.store.db import Database

            Database(url).close()
            if url:
                os.environ["REUNITE_DATABASE_URL"] = url
            os.environ["REUNITE_ACCOUNTS"] = "1" if accounts else "0"
            uvicorn.run(
                "reunite.web.app:app_from_environment",
                factory=True,
                host=host,
                port=port,
                workers=workers,
                proxy_headers=True,
                log_level="warning",
            )
            return
        from reunite.web import create_app

        uvicorn.run(create_app(url), host=host, port=port, workers=1, log_level="warning")
