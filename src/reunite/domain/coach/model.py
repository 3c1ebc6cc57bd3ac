"""The shipped weights of the learned model, and scoring in pure Python.

The weights live in one JSON file written by `python -m reunite.coach_training train`:
per head, the feature names, and the sparse weights packed as little-endian arrays
(base64) of class index, offset and int16 weight (scaled). This is the coach's only file
access; no numerical library is needed at run time, which keeps a single
`reunite check` fast from a cold start.
"""

from __future__ import annotations

import base64
import json
import math
import sys
from array import array
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("model") / "coach_model.json"
#: Packed scoring: 40 bits per class, weights offset by 2**16 so every field stays positive.
_FIELD = 40
_OFFSET = 1 << 16
_MASK = (1 << _FIELD) - 1


def _unpack(code: str, data: str) -> array[int]:
    values = array(code)
    values.frombytes(base64.b64decode(data))
    if sys.byteorder == "big":
        values.byteswap()
    return values


def pack(code: str, values: list[int]) -> str:
    """Little-endian base64 of an int array (the training side writes with this)."""
    packed = array(code, values)
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


@dataclass(frozen=True)
class LinearHead:
    """One linear scorer over string features: per-class bias and sparse weights."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    index: dict[str, int]
    offsets: array[int]
    columns: array[int]
    weights: array[int]
    scale: float
    thresholds: tuple[float, ...]
    multiclass: bool
    modes: tuple[str, ...] = ()
    none_below: float = 0.5
    #: The boundary gate's bar when a weak rule already hinted at a boundary.
    weak_none_below: float = 0.5

    by_class: dict[int, dict[str, int]] = field(default_factory=dict, compare=False, repr=False)

    packed: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Every feature's weights packed into one integer, once, for fast scoring.
        offsets = self.offsets.tolist()
        cols, ws = self.columns.tolist(), self.weights.tolist()
        shifts = [_FIELD * i for i in range(len(self.classes))]
        base = sum(_OFFSET << shift for shift in shifts)
        packed = self.packed
        for name, j in self.index.items():
            value = base
            for k in range(offsets[j], offsets[j + 1]):
                value += ws[k] << shifts[cols[k]]
            packed[name] = value

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearHead:
        classes = tuple(str(c) for c in data["classes"])
        names = data["features"]
        return cls(
            classes=classes,
            bias=tuple(float(b) for b in data["bias"]),
            index=dict(zip(names, range(len(names)), strict=True)),
            offsets=_unpack("I", data["offsets"]),
            columns=_unpack("B", data["columns"]),
            weights=_unpack("h", data["weights"]),
            scale=float(data["scale"]),
            thresholds=tuple(float(t) for t in data.get("thresholds", [0.5] * len(classes))),
            multiclass=bool(data.get("multiclass", False)),
            modes=tuple(str(m) for m in data.get("modes", [])),
            none_below=float(data.get("none_below", 0.5)),
            weak_none_below=float(data.get("weak_none_below", data.get("none_below", 0.5))),
        )

    def scores(self, feats: set[str]) -> list[float]:
        # Each feature's weights are packed into one integer, one 40-bit field per class
        # (offset to be non-negative), so summing a message is one integer addition per
        # feature instead of a Python loop over its classes.
        packed = self.packed
        total = 0
        count = 0
        for feat in feats:
            value = packed.get(feat)
            if value is not None:
                total += value
                count += 1
        offset = count * _OFFSET
        sums = [((total >> (_FIELD * i)) & _MASK) - offset for i in range(len(self.classes))]
        scale = self.scale
        return [b + s / scale for b, s in zip(self.bias, sums, strict=True)]

    def score_one(self, feats: set[str], index: int) -> float:
        """The raw score of one class (cheaper than all of them: used to place spans)."""
        weights = self.by_class.get(index)
        if weights is None:
            cols, ws, offsets = self.columns, self.weights, self.offsets
            weights = {}
            for name, j in self.index.items():
                for k in range(offsets[j], offsets[j + 1]):
                    if cols[k] == index:
                        weights[name] = ws[k]
            self.by_class[index] = weights
        return self.bias[index] + sum(weights.get(f, 0) for f in feats) / self.scale

    def probabilities(self, feats: set[str]) -> dict[str, float]:
        """Independent sigmoids (one-vs-rest) or a softmax (multiclass)."""
        totals = self.scores(feats)
        if self.multiclass:
            top = max(totals)
            exps = [math.exp(t - top) for t in totals]
            norm = sum(exps)
            return {c: e / norm for c, e in zip(self.classes, exps, strict=True)}
        return {c: _sigmoid(t) for c, t in zip(self.classes, totals, strict=True)}


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


class CoachModel:
    """The heads of the shipped model, each unpacked on first use (a draft check never
    pays for the reply heads)."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self._data = data or {}

    def _head(self, name: str) -> LinearHead | None:
        part = self._data.get(name)
        return LinearHead.from_dict(part) if part else None

    @cached_property
    def drafts(self) -> LinearHead | None:
        return self._head("drafts")

    @cached_property
    def boundary(self) -> LinearHead | None:
        return self._head("boundary")

    @cached_property
    def gate(self) -> LinearHead | None:
        """Boundary or not (one class, "boundary"); the kind comes from `boundary`."""
        return self._head("gate")

    @cached_property
    def tone(self) -> LinearHead | None:
        return self._head("tone")

    @cached_property
    def signals(self) -> LinearHead | None:
        return self._head("signals")


@cache
def load_model(path: Path = MODEL_PATH) -> CoachModel:
    """The shipped model; heads are None when no trained file is present (rules only)."""
    if not path.exists():
        return CoachModel()
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return CoachModel(data)
