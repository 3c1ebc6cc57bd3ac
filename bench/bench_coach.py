"""Coach benchmark: batch throughput, cold start of a single check, memory.

    .venv/bin/python bench/bench_coach.py [--write-docs]

Targets (issue 6): batch ≥ 3,000 messages/s on one core; a single `reunite check "…"`
from a cold process ≤ 0.6 s; memory of the loaded coach ≤ 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUNITE = ROOT / ".venv" / "bin" / "reunite"
PYTHON = ROOT / ".venv" / "bin" / "python"
DOCS = ROOT / "docs" / "benchmarks.md"
HEADING = "## Coach"


def corpus(n: int) -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "data" / "coach").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return [texts[i % len(texts)] for i in range(n)]


def one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def in_process(texts: list[str]) -> dict[str, float]:
    """Messages per second of CPU time (the core's own work, whatever else the machine runs)."""
    from reunite.domain.coach import check_draft, read_reply
    from reunite.domain.model import Stage

    for text in texts[:2000]:  # warm up caches
        check_draft(text, Stage.FIRST_CONTACT)
        read_reply(text)
    start = time.process_time()
    for text in texts:
        check_draft(text, Stage.FIRST_CONTACT)
    drafts = len(texts) / (time.process_time() - start)
    start = time.process_time()
    for text in texts:
        read_reply(text)
    replies = len(texts) / (time.process_time() - start)
    return {"drafts_per_s": drafts, "replies_per_s": replies}


def cli_batch(texts: list[str], command: str) -> tuple[float, float]:
    """(messages per CPU second, per wall-clock second) of the whole CLI process."""
    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "batch.jsonl"
        path.write_text(
            "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)),
            encoding="utf-8",
        )
        env = {**os.environ, "REUNITE_HOME": home}
        args = [str(REUNITE), command, "--batch", str(path)]
        if command == "check":
            args += ["--stage", "first_contact"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return len(texts) / cpu, len(texts) / wall


def cold_start(runs: int, *extra: str, home: str | None = None) -> float:
    times: list[float] = []
    with tempfile.TemporaryDirectory() as fresh:
        env = {**os.environ, "REUNITE_HOME": home or fresh}
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [str(REUNITE), "check", "I miss you, can we talk?", *extra],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
            )
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def journey_home() -> str:
    home = tempfile.mkdtemp(prefix="reunite-bench-")
    answers = Path(home) / "answers.json"
    answers.write_text(json.dumps({"who_ended": "them", "relationship_months": 18}))
    subprocess.run(
        [str(REUNITE), "start", "--answers", str(answers), "--json"],
        check=True,
        env={**os.environ, "REUNITE_HOME": home},
        stdout=subprocess.DEVNULL,
    )
    return home


def memory_mb() -> tuple[float, float]:
    """Resident memory of a fresh interpreter before and after loading the coach (VmRSS)."""
    code = (
        "import re\n"
        "def rss():\n"
        "    text = open('/proc/self/status').read()\n"
        "    return int(re.search(r'VmRSS:\\s+(\\d+)', text).group(1)) / 1024\n"
        "base = rss()\n"
        "from reunite.domain.coach import check_draft, read_reply\n"
        "from reunite.domain.model import Stage\n"
        "check_draft('I miss you', Stage.FIRST_CONTACT); read_reply('please stop texting me')\n"
        "print(base, rss())\n"
    )
    out = subprocess.run([str(PYTHON), "-c", code], check=True, capture_output=True, text=True)
    base, after = (float(v) for v in out.stdout.split())
    return base, after


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    one_core()
    texts = corpus(args.messages)
    speed = in_process(texts)
    batch_check, batch_check_wall = cli_batch(texts, "check")
    batch_reply, batch_reply_wall = cli_batch(texts, "read-reply")
    cold_stage = cold_start(7, "--stage", "first_contact")
    cold_default = cold_start(7)
    home = journey_home()
    cold_journey = cold_start(7, home=home)
    base, loaded = memory_mb()
    rows = [
        ("check, in process", f"{speed['drafts_per_s']:,.0f} msg/s", "≥ 3,000 msg/s"),
        ("read-reply, in process", f"{speed['replies_per_s']:,.0f} msg/s", ""),
        (
            "`reunite check --batch` (whole CLI process, JSONL in and out)",
            f"{batch_check:,.0f} msg/s ({batch_check_wall:,.0f} by the wall clock)",
            "≥ 3,000 msg/s",
        ),
        (
            "`reunite read-reply --batch`",
            f"{batch_reply:,.0f} msg/s ({batch_reply_wall:,.0f} by the wall clock)",
            "",
        ),
        ('cold `reunite check "…" --stage first_contact`', f"{cold_stage:.2f} s", "≤ 0.6 s"),
        ('cold `reunite check "…"`, no journey yet', f"{cold_default:.2f} s", "≤ 0.6 s"),
        (
            'cold `reunite check "…"` with a journey (opens the database)',
            f"{cold_journey:.2f} s",
            "≤ 0.6 s",
        ),
        (
            "memory of the loaded coach (resident)",
            f"{loaded:.0f} MB ({loaded - base:.0f} MB above a bare interpreter)",
            "≤ 150 MB",
        ),
    ]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        HEADING,
        "",
        f"Measured {stamp} on {machine()}; pinned to one core.",
        "",
        f"Input: {args.messages:,} messages cycled from `data/coach/*.jsonl`.",
        "Command: `.venv/bin/python bench/bench_coach.py --write-docs`",
        "",
        "| measure | result | target |",
        "|---|---:|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
        "",
        "Throughput is messages per second of CPU time on the one pinned core (the machine "
        "is shared, so the wall clock is shown beside it). A cold start is the median of 7 "
        "runs of a fresh process. With a journey the command reads it through the light "
        "read-only sqlite3 path (`reunite.quick`), not SQLAlchemy; an encrypted or non-SQLite "
        "database takes the full path.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write_docs:
        write_docs(report)


def write_docs(section: str) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n\n"
    if HEADING in text:
        start = text.index(HEADING)
        rest = text[start + len(HEADING) :]
        following = rest.find("\n## ")
        end = start + len(HEADING) + following + 1 if following != -1 else len(text)
        text = text[:start] + section + ("\n" + text[end:] if following != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOCS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
