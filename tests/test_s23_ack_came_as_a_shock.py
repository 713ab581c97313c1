"""What took the customer aback, told as it landed on them, is heard: "I know the price rise came as a shock" and
"...an unwelcome surprise" acknowledge (they were read as no acknowledgment: SK301), and "I understand the new price
came as a surprise" names how it felt (it was SK303, naming neither a feeling nor the situation). A welcome surprise,
or none, is no feeling heard."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.inference import cues

PACK = """\
name: Billing
"""
SCRIPT = """\
id: price-rise
title: "Billing::Price rise"
channels: [email]
acknowledgment: {acknowledgment}
warm_language: Thank you for telling us how you feel about it.
flexibility:
  guidance: Offer the old price for three months.
solution: I've kept your box at the old price for the next three months, starting today.
"""


@pytest.mark.parametrize("acknowledgment", [
    "I know the price rise came as a shock.",
    "I know the price rise came as an unwelcome surprise.",
    "I know the new price was a real shock.",
    "I know the new price was an unwelcome surprise.",
    "I understand the new price came as a surprise, and I'm sorry we didn't tell you sooner.",
    "I can see the new price came as a nasty surprise.",
])
def test_check_hears_what_took_them_aback(tmp_path: Path, acknowledgment: str) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "scripts" / "a.yaml").write_text(SCRIPT.format(acknowledgment=f'"{acknowledgment}"'),
                                                 encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert "SK301" not in result.output and "SK303" not in result.output, result.output
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("sentence", [
    "I know the gift will come as a lovely surprise.",
    "It came as no surprise.",
    "I know the answer is in the FAQ.",
])
def test_a_welcome_surprise_or_none_is_no_feeling_heard(sentence: str) -> None:
    assert not cues(sentence).acknowledges
