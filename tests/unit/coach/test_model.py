"""The shipped model: packed weights, pure-Python scoring, the fixed held-out split."""

from __future__ import annotations

from reunite.coach_training import bucket, held_out
from reunite.domain.coach.model import MODEL_PATH, LinearHead, load_model, pack


def test_the_shipped_artifact_exists_and_has_every_head() -> None:
    model = load_model()
    assert MODEL_PATH.exists()
    assert model.drafts is not None
    assert model.boundary is not None
    assert model.tone is not None
    assert model.signals is not None


def test_packed_weights_score_like_the_plain_sum() -> None:
    head = LinearHead.from_dict(
        {
            "classes": ["a", "b"],
            "bias": [0.5, -1.0],
            "features": ["w:hi", "w:there"],
            "offsets": pack("I", [0, 2, 3]),
            "columns": pack("B", [0, 1, 1]),
            "weights": pack("h", [2000, -1000, 4000]),
            "scale": 2000,
        }
    )
    assert [1.5, -1.5] == head.scores({"w:hi"})
    assert [1.5, 0.5] == head.scores({"w:hi", "w:there", "w:unknown"})


def test_the_held_out_split_is_fixed_by_the_text_itself() -> None:
    """The same text lands on the same side whatever else is in the corpus."""
    assert held_out("I still love you") == held_out("  i still   LOVE you ")
    assert bucket("coffee on Saturday?") == bucket("Coffee on saturday?")
    share = sum(held_out(f"message number {i}") for i in range(2000)) / 2000
    assert 0.15 < share < 0.25
