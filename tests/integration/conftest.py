from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import Cli


@pytest.fixture
def cli(
    reunite_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    """The CLI on a fresh SQLite file under a temporary REUNITE_HOME, clock at 2026-11-21 09:00."""
    runner = Cli(capsys, monkeypatch)
    runner.at("2026-11-21T09:00")
    return runner


@pytest.fixture
def answers_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    def write(**answers: object) -> str:
        data = {"who_ended": "them", "relationship_months": 18}
        data.update(answers)
        path = tmp_path / "answers.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return str(path)

    return write
