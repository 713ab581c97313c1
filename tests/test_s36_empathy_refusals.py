"""SK305 hears a bare refusal ("Unfortunately that isn't possible.") and the team's workload given as the answer
("Our engineers are very busy.") where nothing follows them: no help, alternative or time frame."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def messages(tmp_path: Path, text: str, code: str) -> list[str]:
    """The message of each ``code`` finding of ``scriptkit review`` on a file holding ``text``."""
    reply = tmp_path / "chat.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--select", code,
                                    "--format", "json"], env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [d["message"] for d in json.loads(run.stdout)["diagnostics"]]


@pytest.mark.parametrize("text", [
    "Hi Kim,\n\nI'm afraid that isn't possible. Our terms say a plan can't be moved between accounts.\n\nBest,\nAl\n",
    "Hi Kim,\n\nUnfortunately, this is not possible.\n\nBest,\nAl\n",
    "Customer: nobody has answered my email in a week!\nAgent: Our support team is really busy right now. "
    "Someone will look at it when they can.\n",
    "Hi Kim,\n\nWe are extremely busy at the moment.\n\nThanks,\nAl\n",
])
def test_a_bare_refusal_or_being_busy_with_nothing_offered_is_dismissive(tmp_path: Path, text: str) -> None:
    assert [m.split('"')[0] for m in messages(tmp_path, text, "SK305")] == ["deflecting language "]


@pytest.mark.parametrize("text", [
    "Hi Kim,\n\nUnfortunately that's not possible. What I can do is move your booking to Friday at no cost.\n",
    "Hi Kim,\n\nI'm afraid that isn't possible, but I've sent you a voucher for the next one.\n",
    "Hi Kim,\n\nUnfortunately that's not possible on the Basic plan. You can switch plans under Settings.\n",
    "Hi Kim,\n\nOur team is very busy this week, so replies may take up to 3 days.\n",
    "Hi Kim,\n\nWe're very busy at the moment. I'll reply to your question by Thursday.\n",
    "Hi Kim,\n\nWe're seeing a high volume of requests, so replies may take up to 2 days.\n",
    "Hi Kim,\n\nIs it possible to change the date? That's not possible, you said? Let me check again.\n",
])
def test_a_refusal_or_a_busy_week_followed_by_help_or_a_time_frame_is_left_alone(tmp_path: Path, text: str) -> None:
    assert messages(tmp_path, text, "SK305") == []
