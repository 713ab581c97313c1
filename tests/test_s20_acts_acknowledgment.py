"""What acknowledges: a feeling said of what happened, with the writer's "I" apart from it ("Two hours on hold is
miserable, and I'm sorry." as "... miserable. I'm sorry." was), a feeling said of a thing ("Those settings are
genuinely confusing."), plainer words ("That's rubbish", "a late parcel is the worst", "driving you up the wall"),
solidarity ("I'd be fuming too"), "I know you ...", and what went wrong told after "sorry" ("I'm sorry the engineer
didn't arrive", "sorry the app keeps logging you out"), which names the situation (SK303). A rule is no
acknowledgment: "Items must be returned within 14 days." """

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack

CONFIG = LintConfig().override(grammar="off")
STEP = "I've refunded the delivery charge today."


def _codes(reply: str) -> set[str]:
    return {d.code for d in lint_text(reply, config=CONFIG).diagnostics}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("acknowledgment", [
    "Three days without hot water is miserable, and I'm sorry.",
    "A fortnight without a working card is awful, and I'm so sorry.",
    "Those menus are genuinely confusing.",
    "Oh no, that's rubbish, I'm sorry.",
    "Ugh, a missing parcel is the worst.",
    "I'd be fuming too.",
    "Your order didn't turn up, and I know you needed it for Saturday.",
    "Sorry the app keeps signing you out.",
    "Apologies for the mix-up with your refund.",
])
def test_these_acknowledge(acknowledgment: str) -> None:
    assert "SK301" not in _codes(f"Hi Jo,\n\n{acknowledgment} {STEP}\n\nPriya")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("acknowledgment", [
    "I'm sorry the plumber didn't arrive this morning.",
    "I'm sorry the courier never turned up.",
    "Sorry the checkout kept timing out.",
    "Sorry the vase turned up smashed.",
    "I can see why the login errors are driving you up the wall.",
    "I'm sorry it's taken so long.",
])
def test_what_went_wrong_after_sorry_names_the_situation(acknowledgment: str) -> None:
    assert not {"SK301", "SK303"} & _codes(f"Hi Jo,\n\n{acknowledgment} {STEP}\n\nPriya")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    "Items must be returned within 14 days of delivery.",
    "Payment must be made before the course starts.",
    "I was stressed about my own move for weeks.",  # the writer's own feeling
])
def test_a_rule_or_the_writers_own_feeling_does_not_acknowledge(text: str) -> None:
    assert "SK301" in _codes(f"Hi Jo,\n\n{text} I'll refund you once it is back with us, by Friday.\n\nPriya")


@pytest.mark.timeout(60)
def test_a_policy_in_the_acknowledgment_slot_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Shop\n", encoding="utf-8")
    (root / "scripts" / "returns.yaml").write_text(
        'id: returns\ntitle: Returns\nchannels: [chat]\nacknowledgment: "Items must be returned within 14 days."\n'
        'warm_language: "Thanks so much for your patience."\n'
        'solution: "I have sent a returns label today, and it will reach your inbox within the hour."\n',
        encoding="utf-8")
    found = lint_pack(load_pack(root), CONFIG, jobs=1).diagnostics
    assert "SK301" in {d.code for d in found}
