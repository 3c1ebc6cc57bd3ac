"""Features for the learned part of the coach, computed in pure Python.

Training (scikit-learn, `reunite.coach_training`) and scoring (`model.py`) call the same
function, so a shipped weight file means exactly what it meant when it was trained.
Features are strings: word unigrams and bigrams, word-boundary character n-grams (for
typos and slang), words in the scope of a negation, and the names of rules that fired.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reunite.domain.coach.text import normalize

_TOKEN = re.compile(r"[a-z0-9']+|[^\sa-z0-9'.,;:]", re.IGNORECASE)
_REPEAT = re.compile(r"(.)\1{2,}")
_NEGATORS = frozenset(
    {
        "not",
        "never",
        "no",
        "don't",
        "dont",
        "didn't",
        "didnt",
        "won't",
        "wont",
        "isn't",
        "can't",
        "cant",
        "cannot",
        "doesn't",
        "aren't",
        "wasn't",
        "shouldn't",
        "wouldn't",
    }
)
_SCOPE_END = frozenset({".", "!", "?", ",", ";", "but"})


def tokens(text: str) -> list[str]:
    """Lower-case word and symbol tokens; letters repeated 3+ times are squashed to two."""
    lowered = _REPEAT.sub(r"\1\1", normalize(text).lower())
    return _TOKEN.findall(lowered.replace("’", "'"))


def features(text: str, extra: Iterable[str] = ()) -> set[str]:
    """The feature set of one message; `extra` adds rule names and the like."""
    toks = tokens(text)
    feats: set[str] = set(extra)
    prev = "<s>"
    negating = 0
    for tok in toks:
        feats.add("w:" + tok)
        feats.add("b:" + prev + " " + tok)
        if negating:
            feats.add("n:" + tok)
            negating -= 1
        if tok in _NEGATORS:
            negating = 3
        elif tok in _SCOPE_END:
            negating = 0
        if tok[0].isalpha() and len(tok) > 2:
            padded = " " + tok + " "
            for n in (4,):
                for i in range(len(padded) - n + 1):
                    feats.add("c:" + padded[i : i + n])
        prev = tok
    feats.add("b:" + prev + " </s>")
    count = sum(1 for t in toks if t[0].isalnum())
    feats.add(
        "len:"
        + (
            "1"
            if count <= 1
            else "2-4"
            if count <= 4
            else "5-12"
            if count <= 12
            else "13-30"
            if count <= 30
            else "31+"
        )
    )
    if "?" in text:
        feats.add("has:?")
    return feats
