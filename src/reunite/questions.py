"""The assessment questions, with why each matters: one list for the terminal and the web wizard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Question:
    key: str
    prompt: str
    why: str
    kind: Literal["choice", "multi", "number", "yesno"]
    options: tuple[tuple[str, str], ...] = ()  # (value, label)
    required: bool = False
    source: str = ""


QUESTIONS: tuple[Question, ...] = (
    Question(
        "safety_concern",
        "Did the relationship ever involve violence, threats, control, or feeling afraid of them?",
        "If it did, Reunite won't make a plan to get back together; it will point you to help instead.",
        "yesno",
        source="responsible software",
    ),
    Question(
        "who_ended",
        "Who ended it?",
        "Who ended it, and why, shapes how long to wait and whether an apology is owed.",
        "choice",
        (("me", "I did"), ("them", "They did"), ("mutual", "We both decided")),
        required=True,
        source="seed 004 comment 4",
    ),
    Question(
        "reasons",
        "What led to the breakup? Pick all that fit.",
        "Practical problems can be fixed with effort; differences in values or future plans usually can't.",
        "multi",
        (
            ("big_fight", "One big fight"),
            ("hurtful_words", "Hurtful things were said"),
            ("cheating_by_me", "I cheated"),
            ("cheating_by_them", "They cheated"),
            ("suspected_cheating", "Suspected cheating"),
            ("jealousy", "Jealousy"),
            ("boredom", "Boredom"),
            ("better_options", "Wanting to see other people"),
            ("distance", "Distance"),
            ("housework", "Housework"),
            ("work_hours", "Working hours"),
            ("money", "Money"),
            ("family", "Family"),
            ("religion", "Religion or values"),
            ("children", "Whether to have children"),
            ("where_to_live", "Where to live"),
            ("other", "Something else"),
        ),
        source="seed 000; seed 003 §4",
    ),
    Question(
        "relationship_months",
        "How many months were you together?",
        "After a long relationship an honest opener fits; after a short one, a casual coffee.",
        "number",
        source="seed 003 §5",
    ),
    Question(
        "days_since_breakup",
        "How many days ago did it end?",
        "Right after a breakup, wanting them back can be part of grieving; time tells.",
        "number",
        source="seed 004 step 2",
    ),
    Question(
        "no_contact_since_breakup",
        "Have you had no contact at all since then?",
        "If you've already kept apart, those days count toward the no-contact stretch.",
        "yesno",
        source="seed 003 §1",
    ),
    Question(
        "ex_asked_no_contact",
        "Did they ask you not to contact them?",
        "If they did, the door is theirs to open. Reunite will help you honour that.",
        "yesno",
        source="seed 001",
    ),
    Question(
        "ex_blocked_me",
        "Have they blocked you?",
        "Blocking is a clear wish not to hear from you; reaching them another way would be harassment.",
        "yesno",
        source="seed 001",
    ),
    Question(
        "ex_asked_space",
        "Did they ask for time or space?",
        "Space they asked for comes first, before any plan.",
        "yesno",
        source="seed 003 §1",
    ),
    Question(
        "ex_new_partner",
        "Are they seeing someone new?",
        "They may have moved on; that is theirs to decide.",
        "yesno",
        source="seed 001",
    ),
    Question(
        "motives",
        "Why do you want them back? Pick all that are true.",
        "Wanting someone and needing them are different; need is a reason to take more time.",
        "multi",
        (
            ("love", "I love them"),
            ("miss_them", "I miss them"),
            ("lonely", "I feel lonely"),
            ("habit", "I'm used to being with them"),
            ("jealous", "I can't stand the thought of them with someone else"),
            ("cant_live_without", "I can't live without them"),
        ),
        source="seed 003 §3-4",
    ),
)
