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
