"""Browser fixtures: `reunite serve` on 127.0.0.1 with a private REUNITE_HOME, driven by
Playwright through Debian's chromium (never a downloaded browser).

In CI (CI=true) these tests always run; elsewhere they are skipped, with the reason printed,
only when chromium is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
VIEWPORTS = {"phone": (390, 844), "desktop": (1440, 900)}
AXE = Path(__file__).resolve().parents[2] / "src/reunite/web/static/vendor/axe.min.js"


def _chromium_or_skip() -> str:
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return CHROMIUM if os.path.exists(CHROMIUM) else str(shutil.which("chromium"))
    reason = "Debian's chromium is not installed (run: bash scripts/ensure-chromium.sh)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    sys.stderr.write(f"\nskipping browser tests: {reason}\n")
    pytest.skip(reason)
    raise AssertionError  # unreachable


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`reunite serve` in a subprocess; restart() moves the clock (REUNITE_NOW)."""

    def __init__(self, home: Path, now: str) -> None:
        self.home = home
        self.now = now
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = home / "server.log"

    def start(self) -> None:
        env = {**os.environ, "REUNITE_HOME": str(self.home), "REUNITE_NOW": self.now}
        env.pop("REUNITE_DATABASE_URL", None)
        self.home.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "from reunite.cli import main; main()",
                    "serve",
                    "--port",
                    str(self.port),
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"reunite serve exited: {self.log.read_text()[-2000:]}")
            try:
                probe = f"{self.url}/static/css/app.css"  # always http://127.0.0.1
                with urllib.request.urlopen(probe, timeout=1) as reply:  # noqa: S310
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("reunite serve did not start within 20 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def restart(self, now: str) -> None:
        self.stop()
        self.now = now
        self.start()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    instance = Server(tmp_path / "home", "2026-11-21T09:00:00")
    instance.start()
    yield instance
    instance.stop()


class Shooter:
    """Screenshots of a page at phone and desktop widths, plus an axe-core check of each."""

    def __init__(self, page: Any, name: str, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.folder = ARTIFACTS / name
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count = 0
        self.violations: list[str] = []

    def __call__(self, label: str) -> None:
        self.count += 1
        original = self.page.viewport_size
        for width_name, (width, height) in VIEWPORTS.items():
            self.page.set_viewport_size({"width": width, "height": height})
            self.page.screenshot(
                path=str(self.folder / f"{self.count:02d}-{label}-{width_name}.png"), full_page=True
            )
        self.page.set_viewport_size(original)
        self.check_accessibility(label)

    def check_accessibility(self, label: str) -> None:
        page = self.page
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            # Served from this origin (the CSP allows 'self' only), from the vendored file.
            page.add_script_tag(url=f"{self.base_url}/static/vendor/axe.min.js")
        found = page.evaluate(
            """async () => {
                const result = await axe.run(document, {resultTypes: ['violations']});
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
            }"""
        )
        self.violations.extend(f"{label}: {item}" for item in found)
        assert not found, f"axe found serious problems on {label}: {found}"


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    """A phone-sized tab; fails the test if the browser reports any CSP violation or JS error."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server.url)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.reunite_problems = problems  # a test that visits a 404 on purpose may clear it
    yield tab
    context.close()
    assert not problems, f"the browser reported errors (CSP or script): {problems}"


@pytest.fixture
def shoot(page: Any, server: Server, request: pytest.FixtureRequest) -> Shooter:
    return Shooter(page, request.node.name, server.url)
