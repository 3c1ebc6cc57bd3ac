"""Run the real `reunite` entry point in-process, as a user would from a terminal."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from reunite.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def at(self, when: str) -> Cli:
        """Set the product's clock (contracts: REUNITE_NOW)."""
        self.monkeypatch.setenv("REUNITE_NOW", when)
        return self

    def raw_out(self, *args: str) -> bytes:
        """Run a command whose stdout is binary (an encrypted export)."""
        import io
        import sys

        stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        with self.monkeypatch.context() as patch:
            patch.setattr(sys, "stdout", stream)
            try:
                main(list(args))
            except SystemExit as exit_:
                if exit_.code not in (0, None):
                    raise AssertionError(f"exit {exit_.code}") from None
            stream.flush()
        return stream.buffer.getvalue()  # type: ignore[attr-defined]

    def __call__(self, *args: str, stdin: str | None = None) -> Result:
        if stdin is not None:
            import io

            self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        self.capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)


def assert_clean_error(result: Result, code: int, fragment: str) -> None:
    """One clear sentence on stderr, the right exit code, never a traceback."""
    assert code == result.code, result.err or result.out
    assert fragment in result.err
    assert "Traceback" not in result.err + result.out
    assert 1 == len(result.err.strip().splitlines())
