"""``scriptkit rule NAME`` for a team's own rule, run in the pack's folder without --pack, says it is a rule of the
pack here (it pointed at the built-in family 'solution' for 'say-subscription'); a name that only loosely resembles a
family's is not offered the family."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli

PACK = ("name: Beans\nrules:\n  custom:\n    - name: say-subscription\n      kind: substitution\n"
        "      swap: {plan: subscription}\n")


def test_in_the_pack_s_folder_its_rule_is_named_as_the_pack_s(make_pack: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_pack({}, PACK)
    monkeypatch.chdir(root)
    for selector in ("say-subscription", "SK801"):
        result = run_cli("rule", selector)
        assert result.exit_code == 2
        assert f"It is a rule of the pack here: `scriptkit rule {selector} --pack .` shows it." in result.output
    assert "say-subscription" in run_cli("rule", "say-subscription", "--pack", ".").output


def test_elsewhere_a_loose_look_alike_is_no_family(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    output = run_cli("rule", "say-subscription").output
    assert "family 'solution'" not in output and "--pack PACK" in output
    assert "Did you mean the family 'solution'?" in run_cli("rule", "solutoin").output
