"""Write a synthetic WhatsApp export between two people, for benchmarks.

    python bench/history/gen_whatsapp.py OUT.txt [--messages 1000000] [--layout ios|android] [--ampm]

Deterministic (seeded). About 5% multi-line messages, 4% media placeholders, a few
deleted messages and system lines; conversations in bursts with quiet nights and
slow seasons, so the insights have trends to find. `--ampm` writes a 12-hour clock
with U+202F before AM/PM (as recent iOS and Android builds do).
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

WORDS = [
    "hey",
    "love",
    "miss",
    "you",
    "today",
    "work",
    "coffee",
    "tonight",
    "dinner",
    "movie",
    "sleep",
    "tired",
    "happy",
    "sorry",
    "thanks",
    "great",
    "awesome",
    "call",
    "later",
    "home",
    "weekend",
    "trip",
    "beach",
    "mum",
    "dad",
    "sister",
    "dog",
    "cat",
    "funny",
    "haha",
    "lol",
    "ok",
    "sure",
    "maybe",
    "tomorrow",
    "morning",
    "late",
    "train",
    "rain",
    "sun",
    "music",
    "song",
    "remember",
    "that",
    "time",
    "we",
    "laughed",
    "so",
    "much",
    "beautiful",
    "wonderful",
    "annoying",
    "busy",
    "again",
]
PEOPLE = ("Alex Morgan", "Sam Rivera")


def _clock(t: datetime, ampm: bool, seconds: bool) -> str:
    if not ampm:
        return t.strftime("%H:%M:%S" if seconds else "%H:%M")
    hour = t.hour % 12 or 12
    tail = f":{t.second:02d}" if seconds else ""
    return f"{hour}:{t.minute:02d}{tail}\u202f{'PM' if t.hour >= 12 else 'AM'}"


def generate(out: Path, messages: int, layout: str, ampm: bool, seed: int = 7) -> None:
    rng = random.Random(seed)
    time = datetime(2019, 1, 13, 9, 0, 0)
    sender = 0
    written = 0
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        if layout == "ios":
            header = lambda t: f"[{t.day:02d}/{t.month:02d}/{t.year}, {_clock(t, ampm, True)}] "  # noqa: E731
        else:
            header = lambda t: f"{t.day:02d}/{t.month:02d}/{t.year}, {_clock(t, ampm, False)} - "  # noqa: E731
        handle.write(
            header(time) + "Messages and calls are end-to-end encrypted. No one outside of this "
            "chat, not even WhatsApp, can read or listen to them.\n"
        )
        while written < messages:
            roll = rng.random()
            if roll < 0.002:  # a quiet stretch of hours (about 5 years for 1M messages)
                time += timedelta(hours=rng.randint(6, 24))
            else:
                time += timedelta(seconds=rng.randint(5, 90))
            if rng.random() < 0.45:
                sender = 1 - sender
            name = PEOPLE[sender]
            kind = rng.random()
            if kind < 0.04:
                body = "\u200eimage omitted" if layout == "ios" else "<Media omitted>"
            elif kind < 0.045:
                body = "This message was deleted"
            else:
                body = " ".join(rng.choices(WORDS, k=rng.randint(1, 14))).capitalize()
                if kind > 0.95:
                    body += "\n" + " ".join(rng.choices(WORDS, k=rng.randint(1, 8)))
            handle.write(f"{header(time)}{name}: {body}\n")
            written += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--layout", choices=("ios", "android"), default="android")
    parser.add_argument("--ampm", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.messages, args.layout, args.ampm, args.seed)


if __name__ == "__main__":
    main()
