"""SK306 hears an apology taken back by "That said", "Even so", "Yet" or "nevertheless"; SK304, SK306 and SK307 leave
"sorry" in other senses alone ("Sorry, what was the order number?", "We're sorry to see you go!"); SK302 lets the
good news come first ("Great news, your visa letter is approved!")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def review(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    """(code, text) of each finding of ``scriptkit review`` on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Priya,\n\n{body}\n\nTom\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [(d["code"], d["text"]) for d in json.loads(run.stdout)["diagnostics"]]


def codes(tmp_path: Path, body: str, code: str) -> list[str]:
    return [text for c, text in review(tmp_path, body) if c == code]


@pytest.mark.parametrize(("body", "word"), [
    ("I'm really sorry about the delay. That said, the courier handles it once the parcel leaves us.", "That said"),
    ("I'm really sorry about the delay. Even so, the courier handles it once the parcel leaves us.", "Even so"),
    ("I'm really sorry about the delay. Yet the courier handles it once the parcel leaves us.", "Yet"),
    ("I'm really sorry about the delay. Having said that, the fee stays.", "Having said that"),
    ("I completely understand your frustration; nevertheless, the offer has ended.", "nevertheless"),
    ("I'm so sorry about the mix-up, nonetheless the fee stays.", "nonetheless"),
])
def test_an_apology_taken_back_by_that_said_even_so_or_yet_is_undone(tmp_path: Path, body: str, word: str) -> None:
    assert codes(tmp_path, body, "SK306") == [word]


@pytest.mark.parametrize("body", [
    "I'm really sorry about the delay. That said, I've already sent a new one, and it arrives tomorrow.",
    "I'm really sorry about the delay. Even so, the good news is it's on the van today.",
    "I'm really sorry it hasn't arrived yet. Yet another parcel from us is the last thing you need, so I've "
    "refunded it today.",
])
def test_the_same_words_going_on_to_help_take_nothing_back(tmp_path: Path, body: str) -> None:
    assert codes(tmp_path, body, "SK306") == []
    assert codes(tmp_path, "I'm really sorry about the delay. That said, the fee stays.", "SK306") == ["That said"]


@pytest.mark.parametrize("body", [
    "Sorry, what was the order number? I can't find it under your email.",
    "We're sorry to see you go! Your account is closed as of today, and any remaining balance will be "
    "returned within 3 days.",
    "Sorry to bother you, but could you send a photo of the label?",
])
def test_sorry_in_other_senses_is_no_sympathy_without_action(tmp_path: Path, body: str) -> None:
    found = {c for c, _ in review(tmp_path, body)}
    assert not found & {"SK304", "SK306", "SK307"}
    # (the apology itself, with nothing done, still is)
    assert codes(tmp_path, "I'm so sorry about that.", "SK304") == ["I'm so sorry about that."]


def test_a_quoted_sorry_is_not_the_writers_apology(tmp_path: Path) -> None:
    body = 'You said "sorry isn\'t enough", but the fee is set by the bank.'
    assert codes(tmp_path, body, "SK306") == []
    assert codes(tmp_path, "Sorry it doesn't cut it, but our fee stays.", "SK306") == ["but"]


@pytest.mark.parametrize("lead", ["Great news, your visa letter is approved!", "Good news: your visa letter is "
                                  "approved.", "Happily, your visa letter is approved.",
                                  "Good news! Your visa letter is approved."])
def test_good_news_first_is_no_late_acknowledgment(tmp_path: Path, lead: str) -> None:
    body = f"{lead} I know how nervous the wait made you, and I've emailed it to you today."
    assert codes(tmp_path, body, "SK302") == []
    late = "Your letter will be emailed within 3 days. I know how nervous the wait made you."
    assert codes(tmp_path, late, "SK302") == ["I know how nervous the wait made you."]
    news_then_more = f"{lead} It takes 3 days to print. I know how nervous the wait made you."
    assert codes(tmp_path, news_then_more, "SK302") == ["I know how nervous the wait made you."]
