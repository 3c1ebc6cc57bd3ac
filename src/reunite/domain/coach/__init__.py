"""The message coach: checks drafts to the ex and reads their replies (contracts.md).

Detection (`labels.py`, `rules.py`: what a text does) is separate from policy
(`policy.py`: what is wrong with sending it now, by stage and situation).
The reply reader is imported on first use, so a single draft check starts faster.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reunite.domain.coach.crisis import CRISIS_HELP, detect_crisis
from reunite.domain.coach.draft import DraftCheck, check_draft, parse_stage, validate_text
from reunite.domain.coach.policy import DraftContext, Flag
from reunite.domain.coach.suggest import Suggestion, suggestions

if TYPE_CHECKING:
    from reunite.domain.coach.replies import ReplyReading, read_reply

__all__ = [
    "CRISIS_HELP",
    "DraftCheck",
    "DraftContext",
    "Flag",
    "ReplyReading",
    "Suggestion",
    "check_draft",
    "detect_crisis",
    "parse_stage",
    "read_reply",
    "suggestions",
    "validate_text",
]


def __getattr__(name: str) -> Any:
    if name in ("read_reply", "ReplyReading"):
        from reunite.domain.coach import replies

        return getattr(replies, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
