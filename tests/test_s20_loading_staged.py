"""Every problem of a pack in one run: a script with one mistake (an unknown key) still has its other,
independent problems reported, instead of each showing only once the one before it is fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError
from tests.conftest import run_cli

REFUND = """id: refund
title: "Billing::Refund"
channels: [email, chat]
acknowledgment: "I know waiting for a refund is stressful."
warm_langauge: "Thanks for bearing with us."
solution: "I've refunded you today, and it'll reach you within {{ refund_window_days }} days."
by_channel:
  sms:
    solution: "Refunded today."
"""


def _pack(root: Path, scripts: dict[str, str]) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Shop\nconstants:\n  refund_window_days: 30\n", encoding="utf-8")
    for name, text in scripts.items():
        (root / "scripts" / name).write_text(text, encoding="utf-8")
    return root


def _errors(root: Path) -> list[str]:
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    return [line.split(": ", 1)[1] for line in str(caught.value).splitlines()]


def test_a_typo_hides_no_other_problem_of_the_script(tmp_path: Path) -> None:
    root = _pack(tmp_path / "shop", {"refund.yaml": REFUND})
    result = run_cli("check", str(root))
    assert result.exit_code == 2
    assert "refund.yaml:5:1: error: unknown key 'warm_langauge'" in result.output
    assert ("refund.yaml:8:3: error: by_channel has text for 'sms', which is not one of the script's channels "
            "(email, chat)") in result.output


def test_each_check_of_a_script_runs_beside_a_validation_error(tmp_path: Path) -> None:
    script = REFUND.replace('title: "Billing::Refund"', 'title: "Refund {{ refund_window_days }}"').replace(
        "channels: [email, chat]", "channels: [email, chat, email]").replace(
        'acknowledgment: "I know waiting for a refund is stressful."',
        'acknowledgment:\n  - "I know waiting for a refund is stressful."\n  - ""') + (
        "flexibility:\n  blanks:\n    - name: day\n      prompt: The day\n    - name: day\n      prompt: Again\n")
    errors = _errors(_pack(tmp_path / "shop", {"refund.yaml": script}))
    assert [e.split(".")[0] for e in errors] == [
        "the title is used as written, so '{{ refund_window_days }}' would not be filled in",
        "'email' is listed twice in channels",
        "variant 2 of 'acknowledgment' is empty",
        "unknown key 'warm_langauge'",
        "by_channel has text for 'sms', which is not one of the script's channels (email, chat, email)",
        "blank 'day' is declared twice",
    ]


def test_a_script_with_a_mistake_still_holds_its_id(tmp_path: Path) -> None:
    valid = REFUND.replace("warm_langauge", "warm_language").replace("by_channel:\n  sms:\n    solution: "
                                                                     "\"Refunded today.\"\n", "")
    root = _pack(tmp_path / "shop", {"a.yaml": valid, "b.yaml": REFUND, "c.yaml": REFUND.replace("chat]", "fax]")})
    errors = _errors(root)
    assert errors.count(f"duplicate script id 'refund' (also used in {root / 'scripts' / 'a.yaml'}). "
                        "Give every script a unique id.") == 2
    # a misspelt channel says so, and nothing about by_channel's channel, which may be the one meant
    assert not any("by_channel has text" in e and "fax" in e for e in errors)
    assert any(e.startswith("'fax' is not a channel.") for e in errors)
