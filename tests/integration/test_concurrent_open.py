"""Several processes opening one fresh database at once (workers starting together, the
CLI beside the web app): migrations run once, the local user is made once, nobody fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_four_processes_open_a_fresh_database_together(reunite_home: Path) -> None:
    code = "from reunite.services import Reunite; Reunite.open().close(); print('ok')"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            env=dict(os.environ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [process.communicate(timeout=60) for process in processes]
    assert ["ok"] * 4 == [out.strip() for out, _err in results], [err for _o, err in results]
