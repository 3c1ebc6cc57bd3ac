"""`reunite history …`: read a chat export, import it, and see what it says."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from reunite.domain.errors import InvalidInput

history_app = typer.Typer(
    name="history",
    help="Import your chat history with your ex and see what it says about the two of you.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        help="Export format: whatsapp, telegram, messenger, instagram or csv (detected when left out).",
    ),
]
DateOrderOption = Annotated[
    str | None,
    typer.Option(
        "--date-order",
        help="dmy or mdy: how to read dates like 3/4/22 when the file cannot tell.",
    ),
]


@history_app.command("parse")
def parse_command(
    file: Annotated[
        Path, typer.Argument(help="The exported chat file (.txt, .zip, .json or .csv).")
    ],
    format: FormatOption = None,
    date_order: DateOrderOption = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON object per message (the only output form).")
    ] = True,
) -> None:
    """Print every message parsed from FILE, one JSON object a line; nothing is stored."""
    from reunite.importers import parse_file

    chat = parse_file(file, format, date_order=date_order)
    write = sys.stdout.write
    dumps = json.dumps
    count = 0
    for message in chat:
        write(dumps(message.as_json(), ensure_ascii=False))
        write("\n")
        count += 1
    for note in chat.report.notes:
        sys.stderr.write(f"reunite: {note}\n")
    if count == 0:
        raise InvalidInput(f"{file.name} holds no messages.")


def register(app: typer.Typer) -> None:
    """Add the `history` commands to the main app."""
    app.add_typer(history_app, name="history")
