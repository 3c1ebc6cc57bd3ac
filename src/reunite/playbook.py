"""The shipped method: read `playbook.toml` (package data) once per process.

The types and the parsing are pure and live in `reunite.domain.playbook`.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from reunite.domain.playbook import NoContactRule, Playbook, Sourced, StageText, parse_playbook

__all__ = ["NoContactRule", "Playbook", "Sourced", "StageText", "load_playbook", "parse_playbook"]


@cache
def load_playbook() -> Playbook:
    """The shipped playbook, read once per process."""
    text = resources.files("reunite").joinpath("playbook.toml").read_text(encoding="utf-8")
    return parse_playbook(tomllib.loads(text))
