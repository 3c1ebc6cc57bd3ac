"""Small text helpers shared by detection, replies and the learned model.

Everything here keeps character positions: normalising swaps one character for one
character, so a span found in the normalised text points at the same words in the
user's own text.
"""

from __future__ import annotations

import re

# Typographic quotes and apostrophes become ASCII, one character for one character.
_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"'})

_WORD = re.compile(r"[A-Za-z0-9']+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*", re.UNICODE)


def normalize(text: str) -> str:
    """Same length as `text`: typographic quotes become ASCII ones."""
    return text.translate(_SAME_LENGTH)


def word_count(text: str) -> int:
    """Words as a reader counts them (emoji and punctuation are not words)."""
    return len(_WORD.findall(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges inside double quotes (reported speech, titles): words there are not the writer's."""
    ranges: list[tuple[int, int]] = []
    for match in re.finditer(r'"[^"\n]{1,200}"', text):
        ranges.append((match.start() + 1, match.end() - 1))
    return ranges


def fold(text: str) -> str:
    """Lower case, same length as `text` (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def lower_pattern(pattern: str) -> str:
    """A pattern for folded text: literal letters lower-cased, escapes (\\b, \\W…) kept.

    Matching folded text with a lower-case pattern behaves like re.IGNORECASE, and is
    about twice as fast in CPython.
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(pattern[i].lower())
        i += 1
    return "".join(out)


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (split at `|` outside groups and classes)."""
    out: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def compile_folded(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One alternation of `patterns` for folded text: a single scan instead of one per rule.

    Alternatives that start at a word boundary share one leading `\\b`, so the engine only
    tries them where a word starts; that makes the scan several times faster.
    """
    at_word: list[str] = []
    anywhere: list[str] = []
    for pattern in patterns:
        for branch in _branches(lower_pattern(pattern)):
            if branch.startswith("\\b"):
                at_word.append(branch[2:])
            else:
                anywhere.append(branch)
    parts = []
    if at_word:
        parts.append("\\b(?:" + "|".join(f"(?:{b})" for b in at_word) + ")")
    parts.extend(f"(?:{b})" for b in anywhere)
    return re.compile("|".join(parts), flags)
