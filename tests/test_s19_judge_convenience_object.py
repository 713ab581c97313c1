"""'at your convenience' after our own action on the customer ("We'll refund you at your convenience") is
ours: the "you" there is whom we act on, not who acts, so it gets no "when you get a moment" fix and the
suggestion says to give a time. A "you" that acts ("you can visit", "could you send", "we need you to
confirm") keeps the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main


def _convenience(line: str) -> tuple[bool, str]:
    result = lint_text("I can see how frustrating this is. I've credited your account today. " + line, config=None)
    found = [d for d in result.diagnostics if d.code == "SK201" and "convenience" in d.text]
    assert len(found) == 1, (line, found)
    return found[0].fix is not None and found[0].fix.safe, found[0].suggestion or ""


@pytest.mark.parametrize("line", [
    "We'll refund you at your convenience.",
    "I'll process the return for you at your earliest convenience.",
    "We will send you a replacement at your convenience.",
    "We'll get back to you at your earliest convenience.",
    "I will email you the label at your earliest convenience.",
    "Our team will update you at your convenience.",
    "I'll let you know at your earliest convenience.",
])
def test_our_action_on_the_customer_is_ours(line: str) -> None:
    fixed, suggestion = _convenience(line)
    assert not fixed, line
    assert suggestion.startswith("say when it will happen"), suggestion


@pytest.mark.parametrize("line", [
    "Please reply at your convenience.",
    "You can visit our help centre at your convenience.",
    "Let us know at your convenience.",
    "Could you send it at your convenience?",
    "We need you to confirm the address at your convenience.",
    "We suggest you call us at your convenience.",
    "We'd ask that you reply at your convenience.",
    "We'll refund you, so please reply at your convenience.",
    "We'll refund you once you're ready at your convenience.",
    "We look forward to hearing from you at your earliest convenience.",
])
def test_the_customers_action_keeps_its_fix(line: str) -> None:
    fixed, suggestion = _convenience(line)
    assert fixed, (line, suggestion)


@pytest.mark.timeout(60)
def test_fix_leaves_our_action_and_rewrites_the_request(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Refunds\nversion: 0.1.0\nlocale: en-US\n", encoding="utf-8")
    script = root / "scripts" / "refund.yaml"
    script.write_text(
        "id: refund\ntitle: Refund\nchannels: [email]\n"
        'acknowledgment: "I can see how frustrating it is to be charged twice for one order."\n'
        'warm_language: "Thanks for telling me, and I\'m sorry about the mix-up."\n'
        'solution: "We\'ll refund you at your convenience. Please reply at your convenience with the card\'s '
        'last four digits."\n', encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", str(root), "--select", "SK201"], env={"NO_COLOR": "1"})
    assert "not by them" in checked.output and "by Friday" in checked.output, checked.output
    CliRunner().invoke(main, ["check", str(root), "--select", "SK201", "--fix"], catch_exceptions=False)
    solution = next(line for line in script.read_text(encoding="utf-8").splitlines() if line.startswith("solution:"))
    assert solution.startswith('solution: "We\'ll refund you at your convenience. Please reply whenever suits you '
                               "with the card"), solution
