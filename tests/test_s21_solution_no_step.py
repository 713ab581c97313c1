"""A step that does nothing for the customer is no solution: "we have followed the correct procedure", "We've looked
at your account", a review or check with no outcome. A cold, defensive reply passed SK402 (and SK105 told it it
"gives the next step"), since "followed" read as a step and "The charge is correct" as the verb "correct"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

CONFIG = LintConfig().override(grammar="off")


def _codes(reply: str) -> set[str]:
    return {d.code for d in lint_text(f"Hi Jo,\n\n{reply}\n\nPriya", config=CONFIG).diagnostics}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("reply", [
    "I'm sorry the charge confused you. The charge is correct and we have followed the correct procedure.",
    "I'm sorry you feel that way. We have followed the correct procedure.",
    "We've looked at your account. There's nothing wrong on our end. The charge is correct.",
    "I'm sorry the charge confused you. I've reviewed your account and everything is correct.",
    "I'm sorry the charge confused you. We have checked your account and followed our usual process.",
    "I'm sorry the charge confused you. I've taken a look at your account and the amount is correct.",
])
def test_a_look_with_no_outcome_is_no_next_step(reply: str) -> None:
    codes = _codes(reply)
    assert "SK402" in codes
    assert "SK404" not in codes  # (there is no step to time: SK402 says what is missing)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("reply", [
    "I'm sorry the charge confused you. I've checked your account and refunded the extra £5 today.",
    "I'm sorry the charge confused you. I've followed up with our billing team today, and I'll email you by Friday.",
    "I'm sorry the address was wrong. I'll correct the address on your order today.",
    "I'm sorry the address was wrong. I've corrected the address on your order today.",
    "I'm sorry the emails went missing. Have you checked your spam folder? Please reply and let me know by Friday.",
])
def test_a_step_after_the_look_still_counts(reply: str) -> None:
    assert "SK402" not in _codes(reply)


@pytest.mark.timeout(60)
def test_short_reply_advice_does_not_call_a_followed_procedure_a_next_step(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("I'm sorry you feel that way. We have followed the correct procedure.\n", encoding="utf-8")
    # (SK105 reports a short email only where a team sets min_words)
    (tmp_path / "scriptkit.toml").write_text("[options.email-length]\nmin_words = 50\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    found = {d["code"]: d for d in json.loads(run.stdout)["diagnostics"]}
    assert "gives the next step" not in found["SK105"]["suggestion"]
    assert "a concrete next step" in found["SK105"]["suggestion"]
    assert "SK402" in found
