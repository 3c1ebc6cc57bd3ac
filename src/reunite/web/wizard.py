"""The assessment as a calm wizard: a few questions per screen, each with why it matters.

Stateless and JavaScript-free: every screen posts all answers so far as hidden fields,
so Back and Next never lose anything. The answers are validated by the same pydantic
model as the API (`reunite.schemas.AnswersIn`) only at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from reunite.questions import QUESTIONS


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    name: str
    kind: str  # radio | checkbox | number | yesno
    label: str
    why: str
    options: tuple[Option, ...] = ()
    hint: str = ""
    minimum: int = 0
    maximum: int = 1200
    required: bool = False
    source: str = ""


@dataclass(frozen=True)
class Screen:
    title: str
    intro: str
    questions: tuple[Question, ...] = field(default_factory=tuple)


_YES_NO = (Option("false", "No"), Option("true", "Yes"))
_KINDS = {"choice": "radio", "multi": "checkbox", "number": "number", "yesno": "yesno"}
_LIMITS = {"relationship_months": 1200, "days_since_breakup": 36500}
_HINTS = {
    "relationship_months": "A rough number is fine.",
    "days_since_breakup": "A rough number is fine.",
}

# Which questions share a screen; the words come from reunite.questions (one list for
# the terminal and the web). A question added there later lands on the last screen.
_LAYOUT: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "First, are you safe?",
        "A few calm questions, one screen at a time. You can go back at any point, and nothing is saved until you choose to begin.",
        ("safety_concern",),
    ),
    (
        "What happened",
        "The shape of the breakup decides how long to stay apart and how to open again.",
        ("who_ended", "relationship_months", "days_since_breakup", "no_contact_since_breakup"),
    ),
    (
        "Why it ended",
        "Some problems can be fixed with effort; some are about values that rarely change.",
        ("reasons",),
    ),
    (
        "Where they are now",
        "Their wishes come first. These answers decide whether a plan is yours to make at all.",
        ("ex_asked_no_contact", "ex_blocked_me", "ex_asked_space", "ex_new_partner"),
    ),
    (
        "Why you want them back",
        "There is no wrong answer here, only an honest one.",
        ("motives",),
    ),
)


def _question(q: Any) -> Question:
    kind = _KINDS[q.kind]
    options = _YES_NO if kind == "yesno" else tuple(Option(v, label) for v, label in q.options)
    return Question(
        q.key,
        kind,
        q.prompt,
        q.why,
        options,
        hint=_HINTS.get(q.key, ""),
        maximum=_LIMITS.get(q.key, 1200),
        required=q.required,
        source=q.source,
    )


def _screens() -> tuple[Screen, ...]:
    by_key = {q.key: _question(q) for q in QUESTIONS}
    placed = {key for _, _, keys in _LAYOUT for key in keys}
    screens = []
    for index, (title, intro, keys) in enumerate(_LAYOUT):
        questions = [by_key[k] for k in keys if k in by_key]
        if index == len(_LAYOUT) - 1:
            questions += [q for k, q in by_key.items() if k not in placed]
        screens.append(Screen(title, intro, tuple(questions)))
    return tuple(s for s in screens if s.questions)


SCREENS: tuple[Screen, ...] = _screens()
ALL_NAMES: tuple[str, ...] = tuple(q.name for s in SCREENS for q in s.questions)
_LISTS = {q.name for s in SCREENS for q in s.questions if q.kind == "checkbox"}


def collect(form: FormData) -> dict[str, Any]:
    """The answers so far, as strings and lists, exactly as the user gave them."""
    answers: dict[str, Any] = {}
    for name in ALL_NAMES:
        if name in _LISTS:
            values = [str(v) for v in form.getlist(name) if str(v)]
            if values or f"{name}__seen" in form:
                answers[name] = values
        else:
            value = form.get(name)
            if value is not None and str(value).strip() != "":
                answers[name] = str(value).strip()
    return answers


def hidden_fields(answers: dict[str, Any], screen: int | None) -> list[tuple[str, str]]:
    """Answers from the other screens (all of them for None), carried as hidden inputs."""
    here = {q.name for q in SCREENS[screen].questions} if screen is not None else set()
    pairs: list[tuple[str, str]] = []
    for name, value in answers.items():
        if name in here:
            continue
        if isinstance(value, list):
            pairs.append((f"{name}__seen", "1"))
            pairs.extend((name, v) for v in value)
        else:
            pairs.append((name, str(value)))
    return pairs


def missing_required(answers: dict[str, Any], screen: int) -> dict[str, str]:
    problems: dict[str, str] = {}
    for question in SCREENS[screen].questions:
        if question.required and not answers.get(question.name):
            problems[question.name] = "Please choose one, so the plan fits what happened."
        if question.kind == "number" and question.name in answers:
            text = str(answers[question.name])
            if not text.isdigit() or not question.minimum <= int(text) <= question.maximum:
                problems[question.name] = (
                    f"Please enter a whole number from {question.minimum} to {question.maximum}."
                )
    return problems


def to_payload(answers: dict[str, Any]) -> dict[str, Any]:
    """Strings from the form → the JSON shape of contracts.md (then validated by AnswersIn)."""
    payload: dict[str, Any] = {}
    kinds = {q.name: q.kind for s in SCREENS for q in s.questions}
    for name, value in answers.items():
        kind = kinds.get(name)
        if kind == "yesno":
            payload[name] = value == "true"
        elif kind == "number":
            payload[name] = int(value) if str(value).isdigit() else value
        else:
            payload[name] = value
    return payload
