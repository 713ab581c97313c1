"""SK104 in a transcript: the chat limit is one message's, so it is applied to each agent turn (each is sent on its
own), not to all of them added together; one long turn is reported at that turn. A plain chat reply, and one that
quotes the customer's lines between its own, is still measured whole."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

LONGCHAT = """\
Customer: Hi, my order #5521 hasn't arrived and the tracking hasn't moved in a week.
Agent: Hi Jordan, thanks for reaching out! I'm sorry your parcel seems stuck, a week with no update is really worrying.
Customer: yeah I need it for a wedding on Saturday
Agent: Oh no, that's cutting it close. Let me look into it right now.
Customer: thanks
Agent: I've checked with the courier and the parcel was damaged at their depot, so it won't be delivered.
Customer: great. so what now
Agent: I've sent a new one by next-day express, free of charge. It'll arrive tomorrow before noon.
Customer: ok that's a relief
Agent: I've also refunded your original shipping, and you'll see it on your card in 3-5 days.
Customer: perfect thanks
Agent: You're welcome! I'll keep an eye on the tracking tomorrow and message you if anything changes.
Customer: great
Agent: Enjoy the wedding, Jordan!
"""
LONG_TURN = " ".join(["I've checked with the courier and the parcel was damaged at their depot, so it won't come."] * 6)


def too_long(tmp_path: Path, text: str, *args: str) -> list[tuple[int, str]]:
    """(line, message) of each SK104 finding of ``scriptkit review`` on a file holding ``text``."""
    reply = tmp_path / "chat.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--select", "SK104",
                                    "--format", "json", *args], env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [(d["line"], d["message"]) for d in json.loads(run.stdout)["diagnostics"]]


def test_short_turns_that_add_up_past_the_limit_pass(tmp_path: Path) -> None:
    assert too_long(tmp_path, LONGCHAT) == []


def test_one_long_turn_is_reported_at_that_turn(tmp_path: Path) -> None:
    text = LONGCHAT.replace("Agent: I've checked with the courier and the parcel was damaged at their depot, so it "
                            "won't be delivered.", f"Agent: {LONG_TURN}")
    assert too_long(tmp_path, text) == [(6, "chat message is 102 words (limit 90)")]


def test_a_plain_chat_reply_is_measured_whole(tmp_path: Path) -> None:
    assert too_long(tmp_path, "Hi Jordan,\n\n" + LONG_TURN + "\n", "--channel", "chat") == \
        [(3, "chat reply is 104 words (limit 90)")]


def test_a_reply_quoting_the_customer_between_its_lines_is_measured_whole(tmp_path: Path) -> None:
    half = " ".join([LONG_TURN.split(". ")[0] + "."] * 3)
    text = f"Hi Jordan,\n\n> where is my parcel?\n\n{half}\n\n> and the refund?\n\n{half}\n"
    assert [m for _, m in too_long(tmp_path, text, "--channel", "chat")] == ["chat reply is 104 words (limit 90)"]
