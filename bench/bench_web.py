"""Web load benchmark (issue 3): one uvicorn worker, 32 concurrent connections, on 127.0.0.1.

Measures, in one run:
  - a bare Starlette hello-world (the ceiling for this machine, server and load generator),
  - GET /        the Today page of a started journey (status from the database, rendered),
  - POST /api/check  a draft checked by the coach.

Load comes from Debian's `wrk` when installed (bounded by --duration), else from a small
asyncio client (bounded by --duration and a request cap). Only 127.0.0.1 is ever contacted.

    .venv/bin/python bench/bench_web.py [--duration 10] [--connections 32] [--markdown]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HOST = "127.0.0.1"
NOW = "2026-11-21T09:00:00"
ANSWERS = {"who_ended": "them", "reasons": ["big_fight"], "relationship_months": 18}
DRAFT = {"text": "Hey! You won't believe what happened at the climbing gym today :)"}
TARGET_RPS, TARGET_P99_MS = 300, 100

HELLO_APP = textwrap.dedent(
    """
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    async def hello(request):
        return PlainTextResponse("Hello, world!")

    app = Starlette(routes=[Route("/", hello)])
    """
)


@dataclass
class Result:
    name: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server for {url} exited early")
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 - always http://127.0.0.1
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server for {url} did not start")


def start_uvicorn(
    app: str, port: int, env: dict[str, str], *, factory: bool, cwd: str
) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "uvicorn", app, "--host", HOST, "--port", str(port)]
    args += ["--workers", "1", "--no-access-log", "--log-level", "warning"]
    if factory:
        args.append("--factory")
    return subprocess.Popen(
        args, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def post_json(url: str, body: object) -> None:
    request = urllib.request.Request(  # noqa: S310 - always http://127.0.0.1
        url, data=json.dumps(body).encode(), headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10):  # noqa: S310
        pass


# ------------------------------------------------------------------ load generators


def run_wrk(name: str, url: str, connections: int, duration: int, body: object | None) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        args = [
            "wrk",
            "-t",
            "1",
            "-c",
            str(connections),
            "-d",
            f"{duration}s",
            "--latency",
            "--timeout",
            "5s",
        ]
        if body is not None:
            script = Path(folder) / "post.lua"
            payload = json.dumps(body).replace("\\", "\\\\").replace('"', '\\"')
            script.write_text(
                'wrk.method = "POST"\n'
                f'wrk.body = "{payload}"\n'
                'wrk.headers["Content-Type"] = "application/json"\n'
            )
            args += ["-s", str(script)]
        output = subprocess.run(
            [*args, url], capture_output=True, text=True, timeout=duration + 30, check=True
        ).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    seconds = float(re.search(r"requests in ([\d.]+)s", output).group(1))  # type: ignore[union-attr]
    errors = 0
    for pattern in (
        r"Non-2xx or 3xx responses: (\d+)",
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
    ):
        match = re.search(pattern, output)
        if match:
            errors += sum(int(g) for g in match.groups())
    return Result(name, requests, seconds, _latency(output, "50%"), _latency(output, "99%"), errors)


def _latency(output: str, percentile: str) -> float:
    match = re.search(rf"{re.escape(percentile)}\s+([\d.]+)(us|ms|s)", output)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


async def _python_load(
    url: str, connections: int, duration: int, body: object | None
) -> tuple[int, float, list[float], int]:
    import httpx

    latencies: list[float] = []
    errors = 0
    cap = 200_000
    stop_at = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=5) as client:

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop_at and len(latencies) < cap:
                started = time.perf_counter()
                try:
                    if body is None:
                        response = await client.get(url)
                    else:
                        response = await client.post(url, json=body)
                    if response.status_code >= 400:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - started)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.perf_counter() - began
    return len(latencies), elapsed, latencies, errors


def run_python(name: str, url: str, connections: int, duration: int, body: object | None) -> Result:
    count, elapsed, latencies, errors = asyncio.run(_python_load(url, connections, duration, body))
    latencies.sort()

    def pct(p: float) -> float:
        return (
            latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
            if latencies
            else float("nan")
        )

    return Result(name, count, elapsed, pct(0.50), pct(0.99), errors)


# ------------------------------------------------------------------ the run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (max 60)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--markdown", action="store_true", help="print a docs/benchmarks.md section"
    )
    parser.add_argument(
        "--write-docs", action="store_true", help="replace the Web section of docs/benchmarks.md"
    )
    options = parser.parse_args()
    duration = max(2, min(options.duration, 60))
    load = run_wrk if shutil.which("wrk") else run_python
    generator = "wrk 4 (Debian), 1 thread" if load is run_wrk else "asyncio + httpx client"
    root = str(Path(__file__).resolve().parents[1])

    with tempfile.TemporaryDirectory(prefix="reunite-bench-") as home:
        env = {**os.environ, "REUNITE_HOME": home, "REUNITE_NOW": NOW}
        env.pop("REUNITE_DATABASE_URL", None)
        (Path(home) / "hello_app.py").write_text(HELLO_APP)
        hello_port, app_port = free_port(), free_port()
        hello = start_uvicorn(
            "hello_app:app", hello_port, {**env, "PYTHONPATH": home}, factory=False, cwd=home
        )
        app = start_uvicorn("reunite.web.app:create_app", app_port, env, factory=True, cwd=root)
        try:
            wait_until_up(f"http://{HOST}:{hello_port}/", hello)
            wait_until_up(f"http://{HOST}:{app_port}/static/css/app.css", app)
            post_json(f"http://{HOST}:{app_port}/api/journey", {"answers": ANSWERS})
            plan = [
                ("Starlette hello-world (ceiling)", f"http://{HOST}:{hello_port}/", None),
                ("Today page  GET /", f"http://{HOST}:{app_port}/", None),
                ("Coach  POST /api/check", f"http://{HOST}:{app_port}/api/check", DRAFT),
            ]
            results = []
            for name, url, body in plan:
                load(name, url, options.connections, 2, body)  # warm-up
                results.append(load(name, url, options.connections, duration, body))
        finally:
            for process in (hello, app):
                process.terminate()
                process.wait(timeout=10)

    ceiling = results[0].rps
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_avg = os.getloadavg()[0]
    lines = [
        "## Web",
        "",
        f"Measured {when} on {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load_avg:.1f} at the end (the machine was shared).",
        f"One uvicorn worker (no uvloop/httptools), {options.connections} connections, {duration} s per row after a 2 s warm-up, "
        f"load from {generator} on the same machine.",
        "Command: `.venv/bin/python bench/bench_web.py --write-docs`",
        "",
        "| endpoint | req/s | p50 ms | p99 ms | errors | share of ceiling | target |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for index, r in enumerate(results):
        target = (
            ""
            if index == 0
            else (
                "met"
                if r.rps >= TARGET_RPS and r.p99_ms <= TARGET_P99_MS
                else f"≥ {TARGET_RPS} req/s, p99 ≤ {TARGET_P99_MS} ms: not met"
            )
        )
        lines.append(
            f"| {r.name} | {r.rps:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | {r.errors} | "
            f"{r.rps / ceiling:.0%} | {target} |"
        )
    today, check = results[1], results[2]
    lines += [
        "",
        f"- The Today page reads the journey (one query, the events replayed by the engine) and renders it: "
        f"{today.rps / ceiling:.0%} of the bare hello-world; POST /api/check runs the coach's rules and model "
        f"on every draft: {check.rps / ceiling:.0%}.",
        "- Both servers and the load generator share the same 2 cores (and here other work), so p99 moves "
        "with the machine's load more than with the code.",
    ]
    text = "\n".join(lines)
    if options.write_docs:
        write_docs(text)
    if options.markdown or options.write_docs:
        print(text)
    else:
        for r in results:
            print(
                f"{r.name:34} {r.rps:9,.0f} req/s  p50 {r.p50_ms:6.1f} ms  p99 {r.p99_ms:6.1f} ms  errors {r.errors}  ratio {r.rps / ceiling:.2f}"
            )


def write_docs(section: str) -> None:
    """Replace (or add) the '## Web' section of docs/benchmarks.md, leaving the others alone."""
    path = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
    text = (
        path.read_text()
        if path.exists()
        else "# Benchmarks\n\nMeasured figures for the parts of Reunite with speed targets.\n"
    )
    match = re.search(r"^## Web\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
    if match:
        text = text[: match.start()] + section + "\n\n" + text[match.end() :].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text.rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
