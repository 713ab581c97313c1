"""SK105 on real replies: a short email that answers a simple question is not a length problem (what a short reply
lacks, an acknowledgment or a next step, is SK301's and SK401/SK402's to say, once); a wall of words still is."""

from __future__ import annotations

from scriptkit import lint_text
from scriptkit.config import LintConfig

# (a simple question answered in full, with no feeling to acknowledge: 30-odd words)
ANSWERED = ("Hi Dana,\n\nYes, the desk lamp takes any standard E27 bulb up to 60 watts. Spare bulbs are on our "
            "accessories page, and they ship with your next order for free.\n\nBest,\nLee")

# a wall: the same paragraph of background five times over, about 170 words
WALL = ("Hi Dana,\n\n" + " ".join(
    ["Our lamps are tested in our own workshop before they leave, and each model goes through a heat test, a "
     "drop test and a check of every switch by two people on the team."] * 5)
    + "\n\nI've sent a new bulb today.\n\nBest,\nLee")

def _codes(text: str, config: LintConfig | None = None) -> dict[str, str]:
    return {d.code: d.message for d in lint_text(text, channel="email", config=config).diagnostics}


def test_a_short_email_that_answers_the_question_is_not_called_short() -> None:
    found = _codes(ANSWERED)
    assert "SK105" not in found, found["SK105"]
    assert "SK301" in found  # (the missing acknowledgment is still said, once, by the rule that owns it)


def test_a_team_that_sets_min_words_still_hears_of_a_short_email() -> None:
    asked = LintConfig(options={"email-length": {"min_words": 50}})
    assert _codes(ANSWERED, asked).get("SK105", "").endswith("; 50-125 usually reads best")


def test_a_wall_of_words_is_still_reported() -> None:
    message = _codes(WALL).get("SK105", "")
    assert message.startswith("email is ") and message.endswith("words; up to 125 usually reads best"), message
