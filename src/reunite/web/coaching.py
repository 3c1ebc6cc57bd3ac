"""The message coach, as the web calls it: the same pure functions the CLI uses.

The coach (reunite.domain.coach) is pure and needs no storage, so pages and the API
call it directly; the journey's stage comes from the services facade.
"""

from __future__ import annotations

from typing import Any

from reunite.domain.model import Stage
from reunite.web.views import to_dict


def check(text: str, stage: str, facade: Any = None) -> dict[str, Any]:
    """The coach's reading of a draft; with a journey, its approach may relax a `revise`."""
    from reunite.domain.coach import DraftContext, check_draft

    context = None
    if facade is not None and facade.has_journey():
        context = DraftContext(approach=facade.assessment().approach)
    return to_dict(check_draft(text, Stage(stage), context))


def read(text: str) -> dict[str, Any]:
    from reunite.domain.coach import read_reply

    return to_dict(read_reply(text))
