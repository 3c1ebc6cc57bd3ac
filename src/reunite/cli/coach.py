"""Coach commands: `reunite check` (a draft to the ex) and `reunite read-reply` (their reply).

Shapes follow contracts.md. Imports stay lazy: a single check from a cold process
loads the coach's rules and weights, never numpy or scikit-learn, and opens the journey
only when a database exists (its stage is the default, and a no_contact boundary
refuses checking even with `--stage`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reunite.domain.errors import InvalidInput, NotAllowed

if TYPE_CHECKING:
    from reunite.domain.coach import DraftCheck, DraftContext, ReplyReading
    from reunite.domain.model import Stage

#: A batch line longer than this is refused before it is parsed.
MAX_LINE_BYTES = 100_000

TextArg = Annotated[str | None, typer.Argument(help="The message, as you would send it.")]
BatchOpt = Annotated[
    str | None,
    typer.Option("--batch", help="A JSONL file of {id, text, stage?} lines, or '-' for stdin."),
]
StageOpt = Annotated[
    str | None,
    typer.Option(
        "--stage",
        help="reflect no_contact first_contact rapport meetup trust talk together "
        "(default: your journey's stage, else first_contact).",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


# ------------------------------------------------------------------ journey facts


def _no_database_yet() -> bool:
    """True when the default SQLite file does not exist, so there can be no journey.

    Mirrors `reunite.store.db.database_url` without importing SQLAlchemy: this keeps a
    first `reunite check` fast and avoids creating a database just to find it empty.
    """
    import os

    from reunite.cli import _state

    url = _state.get("database_url") or os.environ.get("REUNITE_DATABASE_URL")
    if url:
        return url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists()
    home = os.environ.get("REUNITE_HOME")
    if home:
        folder = Path(home).expanduser()
    else:
        import platformdirs

        folder = Path(platformdirs.user_data_dir("reunite"))
    return not (folder / "reunite.db").exists()


def _journey_defaults() -> tuple[Stage, DraftContext | None]:
    """The journey's current stage and situation, or first_contact without a journey.

    Refuses (NotAllowed) when the journey closed contact: a no_contact boundary or safety.
    """
    from reunite import clock
    from reunite.cli import open_app
    from reunite.domain.coach import DraftContext
    from reunite.domain.model import Stage

    if _no_database_yet():
        return Stage.FIRST_CONTACT, None
    now = clock.now()
    from reunite import quick
    from reunite.cli import _state
    from reunite.playbook import load_playbook
    from reunite.store.location import database_url

    found = quick.draft_facts(database_url(_state["database_url"]), now, load_playbook())
    if isinstance(found, str):  # quick.NOT_QUICK: the full path through the facade
        with open_app() as core:
            facts = core.draft_facts(now)
    else:
        facts = found
    if facts is None:
        return Stage.FIRST_CONTACT, None
    if facts.closed_reason:
        raise NotAllowed(facts.closed_reason)
    day, days = facts.no_contact or (None, None)
    return facts.stage, DraftContext(
        approach=facts.approach, no_contact_day=day, no_contact_days=days
    )


def _open_batch(source: str) -> bytes:
    if source == "-":
        raw = getattr(sys.stdin, "buffer", None)
        return raw.read() if raw is not None else sys.stdin.read().encode("utf-8")
    path = Path(source)
    try:
        if path.is_dir():
            raise InvalidInput(f"{path} is a folder, not a JSONL file.")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except PermissionError:
        raise InvalidInput(f"Reunite may not read {path}.") from None


def _batch_lines(data: bytes) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, parsed object or an error sentence) for each non-blank line."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        if len(raw) > MAX_LINE_BYTES:
            yield (
                number,
                f"line {number} is {len(raw):,} bytes; a line may hold at most {MAX_LINE_BYTES:,}.",
            )
            continue
        if b"\x00" in raw:
            yield number, f"line {number} is binary data, not a JSON line."
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield number, f"line {number} is not UTF-8 text."
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as error:
            yield number, f"line {number} is not valid JSON ({error.msg} at column {error.colno})."
            continue
        if not isinstance(obj, dict):
            yield number, f'line {number} must be a JSON object like {{"id": 1, "text": "…"}}.'
            continue
        yield number, obj


def _run_batch(source: str, handle: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """Each line's result (or error) on its own output line, in input order."""
    out = sys.stdout
    for number, item in _batch_lines(_open_batch(source)):
        if isinstance(item, str):
            record: dict[str, Any] = {"id": None, "line": number, "error": item}
        else:
            ident = item.get("id")
            try:
                record = {"id": ident, **handle(item)}
            except InvalidInput as error:
                record = {"id": ident, "line": number, "error": f"line {number}: {error.message}"}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()


def _line_text(item: dict[str, Any]) -> str:
    from reunite.domain.coach import validate_text

    if "text" not in item:
        raise InvalidInput('The line has no "text".')
    return validate_text(item["text"])


# ------------------------------------------------------------------ rendering


def _write(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def _render_check(text: str, result: DraftCheck) -> None:
    if result.crisis:
        _write("Please read this first.")
        _write(result.help or "")
        _write("")
    verdict = {"send": "Send it.", "revise": "Revise it first.", "hold": "Don't send this."}
    _write(
        f"{verdict[result.verdict]}  (verdict: {result.verdict}, stage: {result.stage.value}, {result.words} words)"
    )
    if result.labels:
        _write("It reads as: " + ", ".join(result.labels))
    for flag in result.flags:
        if flag.code == "crisis":
            continue
        mark = "✗" if flag.severity == "block" else "!"
        quoted = (
            f" “{text[flag.start : flag.end]}”"
            if flag.start is not None and flag.end is not None
            else ""
        )
        _write(f"  {mark} {flag.code}{quoted}: {flag.reason} ({flag.source})")
    for relaxed in result.relaxed:
        _write(f"  ✓ {relaxed.code} is fine here: {relaxed.reason} ({relaxed.source})")
    if result.suggestion:
        _write(f"Instead: {result.suggestion}")


def _render_reading(reading: ReplyReading) -> None:
    boundary = reading.boundary.value if reading.boundary else None
    if boundary:
        _write(f"Boundary: {boundary}. They set a limit; respect it at once.")
    else:
        _write("No boundary.")
    _write(
        f"Tone: {reading.tone.value}"
        + (f"; signals: {', '.join(reading.signals)}" if reading.signals else "")
    )
    _write(f"Next: {reading.advice} ({reading.source})")


# ------------------------------------------------------------------ commands


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check(
        text: TextArg = None,
        batch: BatchOpt = None,
        stage: StageOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Check a draft message to your ex before you send it."""
        from reunite.domain.coach import DraftContext, check_draft, parse_stage, validate_text

        if (text is None) == (batch is None):
            raise InvalidInput('Give either a message to check or --batch FILE.jsonl (or "-").')
        explicit = parse_stage(stage) if stage is not None else None
        # The journey is consulted even with --stage: a no_contact boundary refuses checking
        # whatever stage is asked for (seed 001, honour their wishes).
        try:
            journey_stage, context = _journey_defaults()
        except NotAllowed:
            # Refused — but words of crisis still get help first, before the refusal.
            from reunite.domain.coach import detect_crisis
            from reunite.domain.model import Stage

            if text is not None and detect_crisis(text):
                result = check_draft(validate_text(text), Stage.LET_GO, None)
                if as_json:
                    _write(json.dumps(result.to_dict(), ensure_ascii=False))
                else:
                    _render_check(text, result)
            raise
        chosen = explicit or journey_stage
        if explicit is not None and explicit != journey_stage:
            context = context and DraftContext(approach=context.approach)

        if batch is not None:
            default_stage = chosen

            def handle(item: dict[str, Any]) -> dict[str, Any]:
                line_stage = item.get("stage")
                if line_stage is not None and not isinstance(line_stage, str):
                    raise InvalidInput('"stage" must be a stage name.')
                at = parse_stage(line_stage) if line_stage else default_stage
                return check_draft(
                    _line_text(item), at, context if at == default_stage else None
                ).to_dict()

            _run_batch(batch, handle)
            return

        assert text is not None
        result = check_draft(validate_text(text), chosen, context)
        if as_json:
            _write(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            _render_check(text, result)

    @app.command("read-reply")
    def read_reply_command(
        text: Annotated[str | None, typer.Argument(help="Their reply, as they wrote it.")] = None,
        batch: BatchOpt = None,
        log: Annotated[
            bool, typer.Option("--log", help="Also record the reply in your journey.")
        ] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """Read a reply from your ex: boundary, tone, signals, and what to do next."""
        from reunite.domain.coach import read_reply, validate_text

        if (text is None) == (batch is None):
            raise InvalidInput('Give either their reply or --batch FILE.jsonl (or "-").')
        if batch is not None:
            if log:
                raise InvalidInput(
                    "--log records one reply at a time; it can't be used with --batch."
                )
            _run_batch(batch, lambda item: read_reply(_line_text(item)).to_dict())
            return
        assert text is not None
        validate_text(text)
        status_line = None
        if log:
            from reunite import clock
            from reunite.cli import open_app

            with open_app() as core:
                result = core.log_reply(text, clock.now())
            reading = result.reading
            status_line = f"Logged. Now: {result.status.title}."
        else:
            reading = read_reply(text)
        if as_json:
            out = reading.to_dict()
            if log:
                out["logged"] = True
            _write(json.dumps(out, ensure_ascii=False))
            return
        _render_reading(reading)
        if status_line:
            _write(status_line)
