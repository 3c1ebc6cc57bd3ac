"""The forms that log each event, and how a logged event reads on the timeline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str  # textarea | select | radio
    options: tuple[tuple[str, str], ...] = ()
    required: bool = False


@dataclass(frozen=True)
class EventForm:
    kind: str
    title: str
    hint: str
    fields: tuple[Field, ...] = ()
    contact_tool: bool = False  # hidden while contact is closed
    button: str = "Log it"


_NOTE = Field("note", "A note for yourself (optional)", "textarea")

EVENT_FORMS: tuple[EventForm, ...] = (
    EventForm(
        "urge",
        "I wanted to text them, and didn't",
        "Never counted as a slip: nothing was sent.",
        (_NOTE,),
    ),
    EventForm(
        "slip",
        "I contacted them during no-contact",
        "It happens. The count starts again, as a fresh start.",
        (_NOTE,),
    ),
    EventForm(
        "contact",
        "I reached out",
        "A text, a call or a meeting you proposed.",
        (
            Field(
                "contact_kind",
                "How",
                "radio",
                (("text", "A text"), ("call", "A call"), ("meetup", "Proposed meeting")),
                True,
            ),
        ),
        contact_tool=True,
    ),
    EventForm(
        "reply",
        "They replied",
        "The coach reads it; a boundary applies at once.",
        (Field("text", "Their message", "textarea", required=True),),
    ),
    EventForm(
        "no_reply", "They haven't answered", "Your last message went unanswered.", contact_tool=True
    ),
    EventForm(
        "meetup",
        "We met",
        "A short, light meeting.",
        (
            Field(
                "went",
                "How did it go?",
                "radio",
                (("good", "It went well"), ("bad", "It didn't go well")),
                True,
            ),
        ),
        contact_tool=True,
    ),
    EventForm(
        "talk",
        "We had the honest talk",
        "About trying again.",
        (
            Field(
                "outcome",
                "What did they say?",
                "radio",
                (("yes", "Yes"), ("no", "No"), ("later", "They need time")),
                True,
            ),
        ),
        contact_tool=True,
    ),
    EventForm(
        "appeal",
        "My one final appeal",
        "After a no, one last honest ask is allowed.",
        (Field("outcome", "What did they say?", "radio", (("yes", "Yes"), ("no", "No")), True),),
        contact_tool=True,
    ),
    EventForm(
        "ex_reached_out",
        "They reached out to me",
        "This reopens a closed or paused journey.",
        (_NOTE,),
    ),
    EventForm(
        "let_go",
        "I'm letting go",
        "You decided you're better off. Reunite turns to your recovery.",
        (_NOTE,),
        button="I'm letting go",
    ),
)
FORMS_BY_KIND = {form.kind: form for form in EVENT_FORMS}

_VERBS = {
    "urge": "You wanted to text them, and didn't",
    "slip": "You contacted them during no-contact",
    "contact": "You reached out",
    "reply": "They replied",
    "no_reply": "No answer from them",
    "meetup": "You met",
    "talk": "The honest talk",
    "appeal": "Your final appeal",
    "ex_reached_out": "They reached out",
    "let_go": "You chose to let go",
}
_DETAILS = {
    ("went", "good"): "it went well",
    ("went", "bad"): "it didn't go well",
    ("outcome", "yes"): "they said yes",
    ("outcome", "no"): "they said no",
    ("outcome", "later"): "they need time",
    ("kind", "call"): "a call",
    ("kind", "text"): "a text",
    ("kind", "meetup"): "proposed meeting",
}


def describe(kind: str, data: Mapping[str, Any]) -> tuple[str, str | None]:
    """(headline, quoted text or note) for one logged event."""
    parts = [
        _DETAILS[(key, str(data[key]))]
        for key in ("kind", "went", "outcome")
        if (key, str(data.get(key))) in _DETAILS
    ]
    headline = _VERBS.get(kind, kind.replace("_", " ").capitalize())
    if parts:
        headline += ": " + ", ".join(parts)
    if kind == "reply" and data.get("tone"):
        headline += f" ({data['tone']}"
        headline += (
            f", boundary: {str(data['boundary']).replace('_', ' ')})"
            if data.get("boundary")
            else ")"
        )
    quoted = data.get("text") or data.get("note")
    return headline, (str(quoted) if quoted else None)
