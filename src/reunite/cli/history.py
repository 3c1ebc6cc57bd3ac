"""`reunite history …`: read a chat export, import it, and see what it says."""

from __future__ import annotations

import json
import os
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
    try:
        for message in chat:
            write(dumps(message.as_json(), ensure_ascii=False))
            write("\n")
            count += 1
        sys.stdout.flush()
    except BrokenPipeError:  # `… --jsonl | head`: the reader has seen enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None
    for note in chat.report.notes:
        sys.stderr.write(f"reunite: {note}\n")
    if count == 0:
        raise InvalidInput(f"{file.name} holds no messages.")


#: Files larger than this get a progress bar while importing.
_PROGRESS_BYTES = 5_000_000


def _count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            lines += chunk.count(b"\n")
    return lines + 1


def _ask_who(names: list[str]) -> str:
    sys.stderr.write("Which of these people are you?\n")
    for number, name in enumerate(names, 1):
        sys.stderr.write(f"  {number}. {name}\n")
    while True:
        answer = str(typer.prompt("Number", err=True)).strip()
        if answer.isdigit() and 1 <= int(answer) <= len(names):
            return names[int(answer) - 1]
        if answer in names:
            return answer
        sys.stderr.write(f"Please type a number from 1 to {len(names)}.\n")


def _ask_date_order() -> str:
    sys.stderr.write(
        "This export does not show whether its dates are day/month or month/day "
        "(no day above 12).\n"
    )
    while True:
        answer = str(typer.prompt("Is the first number the day (d) or the month (m)?", err=True))
        if answer.strip().lower() in ("d", "day", "dmy"):
            return "dmy"
        if answer.strip().lower() in ("m", "month", "mdy"):
            return "mdy"


@history_app.command("import")
def import_command(
    file: Annotated[
        Path, typer.Argument(help="The exported chat file (.txt, .zip, .json or .csv).")
    ],
    me: Annotated[
        str | None, typer.Option("--me", help="Your name as it appears in the chat.")
    ] = None,
    format: FormatOption = None,
    date_order: DateOrderOption = None,
) -> None:
    """Import a chat with your ex; importing the same or a longer export again adds only new messages."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from reunite.cli import open_app

    console = Console(stderr=True)
    interactive = sys.stdin.isatty()
    choose = _ask_who if interactive else None
    choose_order = _ask_date_order if interactive else None
    with open_app() as application:
        service = application.history()
        big = (
            file.is_file()
            and file.suffix.lower() != ".zip"
            and file.stat().st_size > _PROGRESS_BYTES
        )
        if big:
            total = _count_lines(file)
            with Progress(
                TextColumn("Importing {task.description}"),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            ) as bar:
                task = bar.add_task(file.name, total=total)
                result = service.import_file(
                    file,
                    me=me,
                    format=format,
                    date_order=date_order,
                    choose_me=choose,
                    choose_date_order=choose_order,
                    progress=lambda line: bar.update(task, completed=line),
                )
        else:
            result = service.import_file(
                file,
                me=me,
                format=format,
                date_order=date_order,
                choose_me=choose,
                choose_date_order=choose_order,
            )
    for note in result.notes:
        console.print(f"Note: {note}", highlight=False)
    span = ""
    if result.first and result.last:
        span = f", {result.first:%d %b %Y} to {result.last:%d %b %Y}"
    sys.stdout.write(
        f"Imported your chat with {result.other}: {result.added:,} new of {result.parsed:,} messages{span}.\n"
    )


@history_app.command("insights")
def insights_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the insights as JSON.")] = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write a self-contained HTML report here.")
    ] = None,
) -> None:
    """What your chat history says: who reached out, how fast, how warm, and your good times."""
    from reunite.cli import open_app

    with open_app() as application:
        insights = application.history().insights()
    data = insights.as_dict()
    if html is not None:
        from reunite.domain.history.report import render_html

        html.write_text(render_html(data), encoding="utf-8")
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    _print_insights(data, html)


def _print_insights(data: dict[str, object], html: Path | None) -> None:
    from reunite.domain.history.report import describe

    sys.stdout.write(describe(data))
    if html is not None:
        sys.stdout.write(f"\nThe report with charts is in {html}.\n")


def register(app: typer.Typer) -> None:
    """Add the `history` commands to the main app."""
    app.add_typer(history_app, name="history")
