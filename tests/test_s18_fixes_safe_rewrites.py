"""A safe corporate-phrase fix keeps the sentence's grammar and meaning: a phrasal verb takes a pronoun
object inside it ("speed it up"), and "at your earliest convenience" becomes "when you get a moment" only
where the customer is the one asked to act."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

PACK = "name: Fixes\nversion: 0.1.0\nlocale: en-US\n"


def _pack(tmp_path: Path, solution: str) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\nchannels: [email]\n"
        'acknowledgment: "I can see how frustrating it is to wait for a parcel that should be with you by now."\n'
        'warm_language: "Thanks for letting me know, and I\'m sorry it\'s taken this long."\n'
        f'solution: "{solution}"\n', encoding="utf-8")
    return root


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _fixed(tmp_path: Path, solution: str) -> str:
    root = _pack(tmp_path, solution)
    _run("check", str(root), "--select", "SK201", "--fix")
    text = (root / "scripts" / "late.yaml").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("solution:"))


@pytest.mark.timeout(60)
def test_a_phrasal_verb_takes_its_pronoun_object_inside_it(tmp_path: Path) -> None:
    line = _fixed(tmp_path, "We have tried to expedite it, and it will arrive by Friday.")
    assert "speed it up, and it will arrive by Friday." in line, line
    assert "speed up it" not in line


@pytest.mark.timeout(60)
def test_a_phrasal_verb_before_a_noun_is_unchanged(tmp_path: Path) -> None:
    line = _fixed(tmp_path, "I will expedite your order today, and it will arrive by Friday.")
    assert "speed up your order today" in line, line


@pytest.mark.timeout(60)
def test_our_action_at_your_convenience_is_not_fixed_and_says_why(tmp_path: Path) -> None:
    root = _pack(tmp_path, "Your refund will be processed at your earliest convenience, and I will email you then.")
    result = _run("check", str(root), "--select", "SK201")
    assert "when you get a moment" in result.output  # (named as what it would wrongly say)
    assert "not by them" in result.output and "by Friday" in result.output, result.output
    line = _fixed(tmp_path / "again", "Your refund will be processed at your earliest convenience, and I will "
                  "email you then.")
    assert "at your earliest convenience" in line and "when you get a moment" not in line, line
    line = _fixed(tmp_path / "ours", "We will send the label at your earliest convenience, and it is free.")
    assert "at your earliest convenience" in line, line


@pytest.mark.timeout(60)
def test_a_request_to_the_customer_is_still_fixed(tmp_path: Path) -> None:
    line = _fixed(tmp_path, "Please reply at your earliest convenience, and I will send the label today.")
    assert "Please reply when you get a moment, and" in line, line
