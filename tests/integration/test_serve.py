"""`reunite serve`: this computer only, unless the hosted mode is asked for; several
worker processes share nothing but the database (issue 5)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from cli_helpers import Cli, assert_clean_error


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])  # noqa: S104 - refused
def test_serve_refuses_other_addresses_without_accounts(cli: Cli, host: str) -> None:
    assert_clean_error(cli("serve", "--host", host), 2, "only listens on this computer")
    assert_clean_error(cli("serve", "--host", host, "--allow-remote"), 2, "--accounts")


def test_several_workers_need_the_hosted_mode(cli: Cli) -> None:
    assert_clean_error(cli("serve", "--workers", "2"), 2, "hosted mode")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_two_workers_share_sessions_through_the_database(reunite_home: Path) -> None:
    port = _free_port()
    env = dict(os.environ)
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from reunite.cli import main; main()",
            "serve",
            "--accounts",
            "--workers",
            "2",
            "--port",
            str(port),
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("the server did not start")
        with httpx.Client(base_url=base, follow_redirects=False, timeout=5) as client:
            client.get("/login")
            from reunite import accounts
            from reunite.store.db import Database

            db = Database()
            token = accounts.csrf_token(db, client.cookies["reunite_csrf"])
            response = client.post(
                "/signup",
                data={"username": "robin", "password": "a long enough password", "csrf": token},
            )
            assert 303 == response.status_code
            # many requests: both workers answer, and both know the session
            statuses = {client.get("/settings").status_code for _ in range(40)}
            assert {200} == statuses
            db.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
