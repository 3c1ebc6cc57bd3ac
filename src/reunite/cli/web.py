"""`reunite serve`: the web app on this machine only (127.0.0.1 unless told otherwise)."""

from __future__ import annotations

from typing import Annotated

import typer


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
    ) -> None:
        """Open Reunite in your browser: http://127.0.0.1:8000 by default."""
        import uvicorn

        from reunite.cli import _state
        from reunite.web import create_app

        url = database_url or _state.get("database_url")
        typer.echo(f"Reunite is running at http://{host}:{port}  (Ctrl+C to stop)")
        uvicorn.run(create_app(url), host=host, port=port, workers=1, log_level="warning")
