"""Journey commands: assess, start, status, log, plan, journal, export, import-backup, wipe."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reunite import clock
from reunite.cli import open_app, print_json
from reunite.domain.errors import InvalidInput
from reunite.domain.model import ContactKind, EventKind, Outcome, Went

if TYPE_CHECKING:
    from rich.console import Console

    from reunite.domain.journey import Status
    from reunite.domain.situation import Answers, Assessment
    from reunite.playbook import Sourced
    from reunite.services import LogResult

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
AtOpt = Annotated[
    str | None, typer.Option("--at", help="When it happened (ISO date-time; default: now).")
]
MAX_ANSWERS_BYTES = 1_000_000


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _read_json_file(path: Path, what: str) -> Any:
    try:
        if path.is_dir():
            raise InvalidInput(f"{path} is a folder, not a {what}.")
        if path.stat().st_size > MAX_ANSWERS_BYTES:
            raise InvalidInput(f"{path} is too large to be a {what}.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except PermissionError:
        raise InvalidInput(f"Reunite may not read {path}.") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not a text file; expected a JSON {what}.") from None
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}."
        ) from None


def _load_answers(path: Path) -> Answers:
    from reunite.schemas import parse_answers

    return parse_answers(_read_json_file(path, "answers file"), str(path))


def _when(at: str | None) -> datetime | None:
    return clock.parse_when(at, "--at date") if at else None


# ------------------------------------------------------------------ rendering


def _render_assessment(console: Console, a: Assessment) -> None:
    from rich.panel import Panel

    headline = {
        "reconcile": "A path back may be possible — slowly, and on healthy terms.",
        "pause": "First, the space they asked for.",
        "let_go": "This is theirs to reopen, not yours.",
        "safety": "Your safety comes first. No plan to get back together.",
    }[a.path.value]
    console.print(Panel.fit(headline, title=f"Path: {a.path.value}"))
    if a.path.value == "safety":
        from reunite.playbook import load_playbook

        console.print(load_playbook().help["safety"])
    else:
        if a.path.value in ("reconcile", "pause"):
            console.print(
                f"No contact: [bold]{a.no_contact_days} days[/bold]   Approach: {a.approach}"
                + ("   Apology needed: yes" if a.apology_needed else "")
            )
        if a.concerns:
            console.print("Concerns: " + ", ".join(c.replace("_", " ") for c in a.concerns))
        console.print("Steps: " + " → ".join(s.replace("_", " ") for s in a.steps))
    console.print()
    for reason in a.reasons:
        console.print(f"• {reason.text} [dim]({reason.source})[/dim]")


def _render_status(console: Console, s: Status) -> None:
    from rich.panel import Panel

    lines = [f"[bold]{s.title}[/bold] — {s.summary}"]
    if s.no_contact:
        nc = s.no_contact
        lines.append(f"No contact: day {nc.day} of {nc.days} (ends {nc.ends.isoformat()})")
    lines.append(
        "Contact: " + ("allowed" if s.contact_allowed else f"not now — {s.contact_reason}")
    )
    step = s.next_step
    lines.append(f"Next: {step.text} [dim]{step.date.isoformat()} · {step.source}[/dim]")
    console.print(Panel("\n".join(lines), title=f"Stage: {s.stage.value}  ·  Path: {s.path.value}"))
    console.print("Today:")
    for item in s.today:
        console.print(f"  • {item}")


def _render_effects(console: Console, effects: tuple[Sourced, ...]) -> None:
    for effect in effects:
        console.print(f"{effect.text} [dim]({effect.source})[/dim]")


def _log_output(result: LogResult, as_json: bool) -> None:
    if as_json:
        print_json(result.to_dict())
        return
    console = _console()
    if result.reading is not None:
        reading = result.reading
        console.print(
            f"Their reply reads as [bold]{reading.tone}[/bold]"
            + (f", with a boundary: [bold]{reading.boundary}[/bold]" if reading.boundary else "")
            + "."
        )
    _render_effects(console, result.effects)
    console.print(
        f"Now: {result.status.title}. Next: {result.status.next_step.text} "
        f"[dim]({result.status.next_step.date.isoformat()})[/dim]"
    )


# ------------------------------------------------------------------ interactive start


def _ask_answers(console: Console) -> dict[str, Any]:
    from rich.prompt import Confirm, IntPrompt, Prompt

    from reunite.questions import QUESTIONS

    console.print(
        "A few questions about what happened. Each one says why it matters. "
        "Nothing leaves this computer.\n"
    )
    answers: dict[str, Any] = {}
    for q in QUESTIONS:
        console.print(f"[bold]{q.prompt}[/bold]\n[dim]{q.why}[/dim]")
        if q.kind == "yesno":
            answers[q.key] = Confirm.ask("", default=False, console=console)
            if q.key == "safety_concern" and answers[q.key]:
                break
        elif q.kind == "choice":
            choices = [value for value, _ in q.options]
            for value, label in q.options:
                console.print(f"  {value}: {label}")
            answers[q.key] = Prompt.ask("", choices=choices, console=console)
        elif q.kind == "number":
            number = IntPrompt.ask("", default=0, console=console)
            if number > 0:
                answers[q.key] = number
        else:
            for index, (_value, label) in enumerate(q.options, 1):
                console.print(f"  {index}. {label}")
            picked = Prompt.ask("Numbers, separated by spaces", default="", console=console)
            chosen = []
            for token in picked.replace(",", " ").split():
                if token.isdigit() and 1 <= int(token) <= len(q.options):
                    chosen.append(q.options[int(token) - 1][0])
            answers[q.key] = chosen
        console.print()
    if "who_ended" not in answers:
        answers["who_ended"] = "them"
    return answers


# ------------------------------------------------------------------ commands


def register(app: typer.Typer) -> None:
    @app.command()
    def assess(
        answers: Annotated[Path, typer.Option("--answers", help="Answers file (JSON).")],
        as_json: JsonOpt = False,
    ) -> None:
        """Read your situation: path, no-contact length, approach, concerns, steps."""
        from reunite.domain.situation import assess as run_assess
        from reunite.playbook import load_playbook

        result = run_assess(_load_answers(answers), load_playbook())
        if as_json:
            print_json(result.to_dict())
        else:
            _render_assessment(_console(), result)

    @app.command()
    def start(
        answers: Annotated[
            Path | None, typer.Option("--answers", help="Answers file; without it, questions.")
        ] = None,
        replace: Annotated[
            bool, typer.Option("--replace", help="Start over even if a journey exists.")
        ] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """Begin a journey (asks the assessment questions when no answers file is given)."""
        from reunite.schemas import parse_answers

        if answers is not None:
            parsed = _load_answers(answers)
        elif sys.stdin.isatty():
            parsed = parse_answers(_ask_answers(_console()))
        else:
            raise InvalidInput(
                "No answers: pass --answers FILE.json, or run 'reunite start' in a terminal."
            )
        now = clock.now()
        with open_app() as core:
            assessment, status_now = core.start_journey(parsed, now, replace=replace)
        if as_json:
            print_json({"assessment": assessment.to_dict(), "status": status_now.to_dict()})
            return
        console = _console()
        _render_assessment(console, assessment)
        console.print()
        _render_status(console, status_now)

    @app.command()
    def status(as_json: JsonOpt = False) -> None:
        """Where you are: stage, day N of no-contact, the next step and what to do today."""
        now = clock.now()
        with open_app() as core:
            current = core.status(now)
        if as_json:
            print_json(current.to_dict())
        else:
            _render_status(_console(), current)

    @app.command()
    def plan(
        ics: Annotated[
            bool, typer.Option("--ics", help="Write the plan as an iCalendar file.")
        ] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """The dated plan of your journey (use --ics > plan.ics for a calendar)."""
        now = clock.now()
        with open_app() as core:
            if ics:
                sys.stdout.buffer.write(core.plan_ics(now))
                return
            steps = core.plan(now)
        if as_json:
            print_json([s.to_dict() for s in steps])
            return
        from rich.table import Table

        table = Table(show_header=True, header_style="bold")
        for column in ("Date", "Stage", "What", "Source"):
            table.add_column(column)
        for s in steps:
            mark = "✓ " if s.done else ("→ " if s.current else "")
            when = s.date.isoformat() + (" ~" if s.estimated else "")
            table.add_row(when, mark + s.title, s.text, s.source)
        _console().print(table)

    log_app = typer.Typer(
        help="Record what happened; the journey moves on from it.", no_args_is_help=True
    )
    app.add_typer(log_app, name="log")

    def _log(
        event: EventKind, at: str | None, as_json: bool, note: str | None = None, **data: Any
    ) -> None:
        now = clock.now()
        with open_app() as core:
            result = core.log(event, now, _when(at), note=note, **data)
        _log_output(result, as_json)

    @log_app.command("slip")
    def log_slip(at: AtOpt = None, as_json: JsonOpt = False) -> None:
        """You contacted them during no-contact: the count restarts (seed 003 §1)."""
        _log(EventKind.SLIP, at, as_json)

    @log_app.command("urge")
    def log_urge(
        note: Annotated[str | None, typer.Option("--note", help="What you wanted to say.")] = None,
        at: AtOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """You wanted to contact them and didn't. Never counted as a slip."""
        _log(EventKind.URGE, at, as_json, note=note)

    @log_app.command("contact")
    def log_contact(
        kind: Annotated[
            ContactKind, typer.Option("--kind", help="text, call or meetup.")
        ] = ContactKind.TEXT,
        at: AtOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """You reached out (refused, with the reason, when the method says not now)."""
        _log(EventKind.CONTACT, at, as_json, kind=kind)

    @log_app.command("reply")
    def log_reply(
        text: Annotated[str, typer.Argument(help="Their reply, as they wrote it.")],
        at: AtOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Their reply: the coach reads it; a boundary applies at once."""
        if not text.strip():
            raise InvalidInput("The reply is empty; paste what they wrote.")
        now = clock.now()
        with open_app() as core:
            result = core.log_reply(text, now, _when(at))
        _log_output(result, as_json)

    @log_app.command("no-reply")
    def log_no_reply(at: AtOpt = None, as_json: JsonOpt = False) -> None:
        """Your last contact went unanswered: rest, then one more try at most (seed 000)."""
        _log(EventKind.NO_REPLY, at, as_json)

    @log_app.command("meetup")
    def log_meetup(
        went: Annotated[Went, typer.Option("--went", help="good or bad.")],
        at: AtOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """You met up; how it went."""
        _log(EventKind.MEETUP, at, as_json, went=went)

    @log_app.command("talk")
    def log_talk(
        outcome: Annotated[Outcome, typer.Option("--outcome", help="yes, no or later.")],
        at: AtOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """The honest talk about trying again, and their answer."""
        _log(EventKind.TALK, at, as_json, outcome=outcome)

    @log_app.command("appeal")
    def log_appeal(
        outcome: Annotated[Outcome, typer.Option("--outcome", help="yes or no.")],
        at: AtOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """The one final appeal after a 'no' (seed 001)."""
        _log(EventKind.APPEAL, at, as_json, outcome=outcome)

    @log_app.command("ex-reached-out")
    def log_ex_reached_out(
        note: Annotated[str | None, typer.Option("--note", help="What they said.")] = None,
        at: AtOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """They contacted you: reopens a closed or paused journey."""
        _log(EventKind.EX_REACHED_OUT, at, as_json, note=note)

    @log_app.command("let-go")
    def log_let_go(
        note: Annotated[str | None, typer.Option("--note", help="Why, in your words.")] = None,
        at: AtOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """You decided you're better off (seed 004 step 2): turns to recovery."""
        _log(EventKind.LET_GO, at, as_json, note=note)

    journal_app = typer.Typer(help="Your private journal.", no_args_is_help=True)
    app.add_typer(journal_app, name="journal")

    @journal_app.command("add")
    def journal_add(
        text: Annotated[str | None, typer.Argument(help="What's on your mind.")] = None,
        mood: Annotated[
            int | None, typer.Option("--mood", help="1 (very low) to 10 (very good).")
        ] = None,
        tag: Annotated[
            list[str] | None,
            typer.Option("--tag", help="e.g. urge-to-text, unsent-letter, reflection."),
        ] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Write an entry. Tag it urge-to-text to record an urge (never a slip)."""
        body = text
        if body is None:
            if not sys.stdin.isatty():
                body = sys.stdin.read()
            else:
                from rich.prompt import Prompt

                body = Prompt.ask("What's on your mind")
        now = clock.now()
        with open_app() as core:
            entry = core.add_journal(body or "", mood, tag or [], now)
            help_text = core.pb.help["crisis"]
        if as_json:
            out = entry.to_dict()
            out["effects"] = [e.to_dict() for e in entry.effects]
            if entry.crisis:
                out["help"] = help_text
            print_json(out)
            return
        console = _console()
        if entry.crisis:
            console.print(f"[bold]{help_text}[/bold]\n")
        console.print(f"Saved entry {entry.id}.")
        _render_effects(console, entry.effects)

    @journal_app.command("list")
    def journal_list(
        search: Annotated[
            str | None, typer.Option("--search", help="Only entries containing this.")
        ] = None,
        tag: Annotated[
            str | None, typer.Option("--tag", help="Only entries with this tag.")
        ] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Your entries, newest first."""
        with open_app() as core:
            entries = core.journal(search, tag)
        if as_json:
            print_json([e.to_dict() for e in entries])
            return
        console = _console()
        if not entries:
            console.print("No entries yet. 'reunite journal add \"…\"' writes one.")
        for e in entries:
            meta = e.created_at.strftime("%Y-%m-%d %H:%M")
            if e.mood is not None:
                meta += f" · mood {e.mood}/10"
            if e.tags:
                meta += " · " + ", ".join(e.tags)
            console.print(f"[bold]#{e.id}[/bold] [dim]{meta}[/dim]\n{e.text}\n")

    @app.command("export")
    def export_backup(
        encrypt: Annotated[
            bool,
            typer.Option(
                "--encrypt",
                help="Encrypt the backup with a passphrase (REUNITE_BACKUP_PASSPHRASE or asked).",
            ),
        ] = False,
    ) -> None:
        """Write every record to stdout: reunite export > backup.json"""
        from reunite.cli import ask_secret

        passphrase = None
        if encrypt:
            passphrase = ask_secret("Backup passphrase", "REUNITE_BACKUP_PASSPHRASE")
            if passphrase is None:
                raise InvalidInput(
                    "No backup passphrase: run in a terminal or set REUNITE_BACKUP_PASSPHRASE."
                )
        now = clock.now()
        with open_app() as core:
            blob = core.export_bytes(now, passphrase)
        sys.stdout.buffer.write(blob)
        if not encrypt:
            sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()

    @app.command("import-backup")
    def import_backup(
        file: Annotated[Path, typer.Argument(help="A file written by 'reunite export'.")],
        yes: Annotated[
            bool, typer.Option("--yes", help="Replace existing data without asking.")
        ] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """Restore a backup (plain or encrypted), replacing what is here — all or nothing."""
        from reunite.cli import ask_secret
        from reunite.crypto import is_blob

        try:
            if file.stat().st_size > 500_000_000:
                raise InvalidInput(f"{file} is too large to be a Reunite backup.")
            blob = file.read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            raise InvalidInput(f"There is no backup file {file}.") from None
        passphrase = None
        if is_blob(blob):
            passphrase = ask_secret("Backup passphrase", "REUNITE_BACKUP_PASSPHRASE")
        with open_app() as core:
            data = core.read_backup(blob, passphrase)
            if any(core.counts().values()) and not yes:
                if not sys.stdin.isatty():
                    raise InvalidInput(
                        "This replaces everything stored here; add --yes to confirm."
                    )
                if not typer.confirm("This replaces everything stored here. Continue?"):
                    raise InvalidInput("Nothing was changed.")
            counts = core.import_backup(data)
        if as_json:
            print_json({"restored": counts})
        else:
            _console().print(f"Restored {sum(counts.values())} records.")

    @app.command()
    def wipe(
        yes: Annotated[bool, typer.Option("--yes", help="Don't ask for confirmation.")] = False,
    ) -> None:
        """Delete everything Reunite has stored, after confirmation."""
        if not yes:
            if not sys.stdin.isatty():
                raise InvalidInput("Wiping deletes everything; add --yes to confirm.")
            if not typer.confirm("Delete every journey, event and journal entry for good?"):
                raise InvalidInput("Nothing was deleted.")
        with open_app() as core:
            core.wipe()
        _console().print("Everything is deleted.")
