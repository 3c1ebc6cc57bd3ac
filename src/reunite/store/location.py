"""Where the data lives (no SQLAlchemy: light readers use it too).

- `REUNITE_DATABASE_URL` (or an explicit URL) takes any SQLAlchemy URL;
- else `REUNITE_HOME/reunite.db`; else `reunite.db` in platformdirs' user data dir.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_home() -> Path:
    """The folder for the database and anything else Reunite keeps."""
    home = os.environ.get("REUNITE_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("reunite"))


def database_url(explicit: str | None = None) -> str:
    url = explicit or os.environ.get("REUNITE_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{data_home() / 'reunite.db'}"
