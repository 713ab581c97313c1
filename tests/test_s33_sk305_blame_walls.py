"""SK305 hears blame told as the cause with "haven't" ("we can't say because you haven't filled in the form"), a
policy wall of guidelines ("As per our community guidelines, ..."), the fault guessed to be specific to the
customer's setup, and a door shut with "handle" ("This is not something we can handle."); and not the same words
when they only inform or help."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_text


def _sk305(text: str) -> list[str]:
    config = LintConfig(select=(Selector("SK305"),), grammar="off")
    return [d.text for d in lint_text(text, channel="email", config=config).diagnostics]


@pytest.mark.parametrize(("cold", "phrase"), [
    ("We can't say whether the export is broken because you haven't filled in the bug form.",
     "because you haven't filled"),
    ("Your card was declined since you have not confirmed your billing address.",
     "since you have not confirmed"),
    ("As per our community guidelines, your post stays hidden.", "As per our community guidelines"),
    ("As per the posting rules, the thread is locked.", "As per the posting rules"),
    ("This is highly likely specific to your hardware configuration.",
     "This is highly likely specific to your hardware configuration"),
    ("The crash is most likely specific to your graphics driver setup.",
     "The crash is most likely specific to your graphics driver setup"),
    ("This is not something we can handle. Closing.", "This is not something we can handle"),
    ("That is not a request we can deal with here.", "That is not a request we can deal with"),
])
def test_blame_walls_and_brush_offs_are_dismissive(cold: str, phrase: str) -> None:
    assert phrase in _sk305(cold)


@pytest.mark.parametrize("warm", [
    "Because you haven't received the code yet, I've sent a new one.",
    "As per our returns guidelines, you're entitled to a free swap.",
    "Please follow the steps per our setup guidelines below.",
    "This setting is specific to your account, so only you can see it.",
    "Is this specific to your laptop, or does it happen on your phone too?",
    "This is not something we can handle ourselves, but I've asked the courier to call you today.",
])
def test_the_same_words_informing_or_helping_are_not(warm: str) -> None:
    assert _sk305(warm) == []
