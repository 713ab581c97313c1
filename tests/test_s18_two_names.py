"""A chat of one turn each under two names ("Dana: ... / Sam: ..."): no longer judged as one reply
with the customer's complaint in it; as with longer chats, the agent must be named."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main
from scriptkit.errors import ConfigError

CHAT = "Dana: my kettle broke on day two and I'm furious about it\nSam: I've sent a new one today, it arrives Friday."


def test_two_named_turns_need_the_agent_named() -> None:
    with pytest.raises(ConfigError, match="cannot tell which speaker is the agent"):
        lint_text(CHAT)


def test_with_the_agent_named_only_their_turn_is_judged() -> None:
    result = lint_text(CHAT, agent="Sam")
    assert all("furious" not in d.text for d in result.diagnostics)
    assert [t.speaker for t in result.turns] == ["Sam"]


def test_review_refuses_it_located_with_exit_2(tmp_path: object) -> None:
    from pathlib import Path
    path = Path(str(tmp_path)) / "chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(path), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and f"{path}:1:1" in result.output and "--agent" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("text", [
    "Refunds: we refund within five days of receiving the parcel.\nExchanges: swap it for any size within a month.",
    "Reminder: your order shipped today and arrives Friday.\nHours: we are here nine to five every weekday.",
    "NOTE: I checked the order and it left today.\nSAM: I will email you on Friday with the tracking.",
    "Dana: thanks\nSam: I've sent a new one today, it arrives Friday.",
    "Monday: I'll call the courier and chase your parcel.\nFriday: I'll refund you if it still hasn't arrived.",
    "Sorry: I know this has been a long wait for you.\nThanks: I appreciate you bearing with me.",
])
def test_a_replys_labelled_lines_stay_one_reply(text: str) -> None:
    assert lint_text(text).turns in (None, [])
