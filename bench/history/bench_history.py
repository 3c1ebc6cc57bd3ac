"""Chat-history benchmark: parse, import and insights on a 1,000,000-message WhatsApp export,
measured in the same run as whatstk 0.9.1 and chat-miner 0.6.0 on the same file.

    python bench/history/bench_history.py [--messages 1000000] [--skip-others] [--write-docs]

Each measurement runs in a fresh child process so that its peak memory (max RSS) is
its own. whatstk and chat-miner live in a separate virtualenv (bench/history/.venv-others,
gitignored), created on first use; they are never installed into the project's venv.
`--write-docs` replaces the "Chat history" section of docs/benchmarks.md with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
import venv
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "out"
OTHERS = HERE / ".venv-others"
OTHER_PACKAGES = ("whatstk==0.9.1", "chat-miner==0.6.0")
TARGETS = {"parse": 250_000, "import": 12.0, "memory": 300.0, "insights": 3.0}

_MEASURE = """
import json, resource, sys, time
start = time.perf_counter()
result = {{}}
{body}
result["seconds"] = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
result["peak_mb"] = usage.ru_maxrss / 1024
result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
print(json.dumps(result))
"""

REUNITE_PARSE = """
from reunite.importers import parse_file
count = 0
for _ in parse_file(sys.argv[1]):
    count += 1
result["messages"] = count
"""

REUNITE_IMPORT = """
from reunite.store.db import Database
from reunite.history_service import HistoryService
database = Database("sqlite:///" + sys.argv[2])
start = time.perf_counter()  # the clock starts after the empty database is created
done = HistoryService(database).import_file(sys.argv[1], me="Alex Morgan")
result["messages"] = done.added
"""

REUNITE_INSIGHTS = """
from reunite.store.db import Database
from reunite.history_service import HistoryService
database = Database("sqlite:///" + sys.argv[2])
start = time.perf_counter()
insights = HistoryService(database).insights()
result["messages"] = insights.total
"""

WHATSTK = """
from whatstk import df_from_whatsapp
frame = df_from_whatsapp(sys.argv[1], max_size=None)
result["messages"] = len(frame)
"""

CHATMINER = """
import logging
logging.disable(logging.CRITICAL)
from chatminer.chatparsers import WhatsAppParser
parser = WhatsAppParser(sys.argv[1])
parser.parse_file()
result["messages"] = len(parser.parsed_messages.get_df())
"""


def _run(python: Path, body: str, *args: str) -> dict[str, float]:
    code = _MEASURE.format(body=textwrap.indent(textwrap.dedent(body), ""))
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    completed = subprocess.run(
        [str(python), "-c", code, *args], capture_output=True, text=True, check=False, env=env
    )
    if completed.returncode != 0:
        return {
            "error": completed.stderr.strip().splitlines()[-1] if completed.stderr else "failed"
        }  # type: ignore[dict-item]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _others_python() -> Path:
    python = OTHERS / "bin" / "python"
    if not python.exists():
        venv.create(OTHERS, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *OTHER_PACKAGES], check=True)
    return python


def _machine(load: float | None) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    shared = ""
    if load is not None:
        shared = f", load average {load:.1f} when the run started"
        if load > 1.5:
            shared += " (other work shared the machine)"
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}{shared}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--skip-others", action="store_true", help="only measure Reunite")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None

    OUT.mkdir(exist_ok=True)
    export = OUT / f"whatsapp_{args.messages}.txt"
    if not export.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "gen_whatsapp.py"),
                str(export),
                "--messages",
                str(args.messages),
            ],
            check=True,
        )
    size_mb = export.stat().st_size / 1e6
    python = Path(sys.executable)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "bench.db")
        results["reunite parse"] = _run(python, REUNITE_PARSE, str(export))
        results["reunite import"] = _run(python, REUNITE_IMPORT, str(export), database)
        results["reunite insights"] = _run(python, REUNITE_INSIGHTS, str(export), database)
    if not args.skip_others:
        others = _others_python()
        results["whatstk 0.9.1"] = _run(others, WHATSTK, str(export))
        results["chat-miner 0.6.0"] = _run(others, CHATMINER, str(export))

    report = _report(results, export, size_mb, args.messages, load)
    print(report)
    print(json.dumps(results, indent=1))
    if args.write_docs:
        _write_docs(report)


def _fmt(result: dict[str, float], rate: bool = False) -> tuple[str, str, str, str]:
    if "error" in result:
        return ("failed", "", "", str(result["error"])[:80])
    seconds = result["seconds"]
    speed = f"{result['messages'] / seconds:,.0f}" if rate else ""
    return (f"{seconds:.2f}", speed, f"{result['peak_mb']:.0f}", f"{int(result['messages']):,}")


def _report(
    results: dict[str, dict[str, float]],
    export: Path,
    size_mb: float,
    messages: int,
    load: float | None,
) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Measured {now} on {_machine(load)}.",
        "",
        f"Input: `{export.name}`, {messages:,} messages, {size_mb:.0f} MB, written by "
        "`bench/history/gen_whatsapp.py` (Android layout, 5% multi-line, 4% media).",
        "Command: `.venv/bin/python bench/history/bench_history.py --write-docs`. Wall seconds "
        "are timed from after start-up; CPU seconds are the whole child process (imports "
        "and, for import and insights, opening the database included), which shows the cost "
        "when other work shares the machine.",
        "",
        "| step | seconds (wall) | CPU seconds | messages/s | peak memory (MB) | messages |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, result in results.items():
        seconds, speed, peak, count = _fmt(result, rate=name != "reunite insights")
        cpu = f"{result['cpu_seconds']:.2f}" if "cpu_seconds" in result else ""
        lines.append(f"| {name} | {seconds} | {cpu} | {speed} | {peak} | {count} |")
    parse = results.get("reunite parse", {})
    lines.append("")
    if "seconds" in parse:
        for other in ("whatstk 0.9.1", "chat-miner 0.6.0"):
            result = results.get(other)
            if result and "seconds" in result:
                lines.append(
                    f"- {other} takes {result['seconds'] / parse['seconds']:.1f}× as long as Reunite's "
                    f"parser and {result['peak_mb'] / parse['peak_mb']:.1f}× the memory; it returns "
                    f"{int(result['messages']):,} rows (Reunite {int(parse['messages']):,} messages, "
                    "the encryption notice included as a system line)."
                )
    checks = []
    if "seconds" in parse:
        rate = parse["messages"] / parse["seconds"]
        cpu_rate = parse["messages"] / parse["cpu_seconds"]
        checks.append(
            f"parse {rate:,.0f} msg/s wall, {cpu_rate:,.0f} per CPU second "
            f"(target ≥ {TARGETS['parse']:,})"
        )
    imp = results.get("reunite import", {})
    if "seconds" in imp:
        checks.append(
            f"import {imp['seconds']:.1f} s wall, {imp['cpu_seconds']:.1f} CPU s "
            f"(target ≤ {TARGETS['import']:.0f} s)"
        )
        peak = max(imp["peak_mb"], parse.get("peak_mb", 0))
        checks.append(f"peak memory {peak:.0f} MB (target ≤ {TARGETS['memory']:.0f} MB)")
    ins = results.get("reunite insights", {})
    if "seconds" in ins:
        checks.append(
            f"insights {ins['seconds']:.2f} s wall, {ins['cpu_seconds']:.2f} CPU s "
            f"(target ≤ {TARGETS['insights']:.0f} s)"
        )
    lines.append("- Targets: " + "; ".join(checks) + ".")
    return "\n".join(lines)


def _write_docs(report: str) -> None:
    docs = ROOT / "docs" / "benchmarks.md"
    heading = "## Chat history"
    section = f"{heading}\n\n{report}\n"
    if docs.exists():
        text = docs.read_text(encoding="utf-8")
    else:
        text = "# Benchmarks\n\nMeasured figures for the parts of Reunite with speed targets. Each section says how to reproduce it.\n"
    if heading in text:
        start = text.index(heading)
        end = text.find("\n## ", start + len(heading))
        text = text[:start] + section + (text[end + 1 :] if end != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    docs.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
