"""Crisis language: many phrasings, indirect ones included, and hard negatives.

Not in the seeds: responsible software must put help first (contracts.md "crisis").
"""

from __future__ import annotations

import pytest

from reunite.domain.coach import CRISIS_HELP, check_draft, detect_crisis
from reunite.domain.model import Stage

CRISIS = [
    "I'll kill myself if you don't come back",
    "I don't want to be here anymore",
    "I want to die",
    "i wanna kms",
    "I've been thinking about ending it all",
    "everyone would be better off without me",
    "I've got the pills in front of me right now",
    "I'm going to end my life tonight",
    "there's no reason to live without you",
    "I wish I'd never been born",
    "I've been self harming again",
    "I hope I just don't wake up tomorrow",
    "I wrote a goodbye note today",
    "life isn't worth living anymore",
    "I'm standing on the bridge and I don't know why I'm texting you",
    "nobody would miss me if I was gone",
    "I keep thinking about stepping in front of a train",
    "I can't go on living like this",
    "I’m going to hurt myself",
    "thinking about suicide a lot lately",
    "I feel like ending my life",
    "I have been giving my stuff away",
    "thinking of jumping",
    "goodbye everyone, I love you all",
    "I can't see any way out",
    "been taking more tablets than prescribed just to get through the nights",
    "I'm doubling up on my meds so I don't have to feel anything",
]

FIGURES_OF_SPEECH = [
    "this commute is killing me",
    "my feet are killing me after that hike",
    "I could die for a pizza right now",
    "I nearly killed myself laughing at that video",
    "I'm dead 😂 that meme",
    "I'd kill for a coffee",
    "the Suicide Squad sequel was awful",
    "I'm dying to know how that show ends",
    "I cut myself shaving this morning, so much blood lol",
    "I don't want to be here, this party is so boring",
    "I am going to kill him, he ate my chips",
    "I would rather die than go to that wedding lol",
    "kill me now, this meeting is endless",
    "the plants died while I was away",
    "my nan takes her tablets with a glass of wine, what a legend",
    "I'm such a clown, wore odd shoes to the interview",
]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_phrasings_direct_and_indirect_are_seen(text: str) -> None:
    assert detect_crisis(text)


@pytest.mark.parametrize("text", FIGURES_OF_SPEECH)
def test_figures_of_speech_are_not_crisis(text: str) -> None:
    assert not detect_crisis(text)


@pytest.mark.parametrize("stage", [Stage.FIRST_CONTACT, Stage.TOGETHER, Stage.NO_CONTACT])
def test_crisis_holds_the_draft_and_puts_help_first(stage: Stage) -> None:
    result = check_draft("I'll kill myself if you don't come back", stage)
    data = result.to_dict()
    assert "hold" == data["verdict"]
    assert data["crisis"] is True
    assert "crisis" == data["flags"][0]["code"]
    assert CRISIS_HELP == data["flags"][0]["reason"]
    assert "988" in data["help"]
    assert "Samaritans" in data["help"]


def test_no_crisis_key_without_crisis() -> None:
    assert "crisis" not in check_draft("coffee on Saturday?", Stage.MEETUP).to_dict()
