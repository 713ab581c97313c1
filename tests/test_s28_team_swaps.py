"""A team's own substitution of words a built-in rule also rewrites reports them once, in the team's words."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: refund\ntitle: Refund\n"
          "acknowledgment: \"I can see how frustrating this wait has been.\"\n"
          "solution: \"I've sent your reimbursement today, and it will reach your account within 5 days.\"\n")
SWAPS = ("rules:\n  custom:\n    - name: say-money-back\n      kind: substitution\n"
         "      swap: {reimbursement: money back}\n")


def findings(make_pack: Any, pack_yaml: str) -> list[tuple[str, str, str | None]]:
    root = make_pack({"refund.yaml": SCRIPT}, "name: Swaps\n" + pack_yaml)
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    return [(d["code"], d["text"], d["suggestion"]) for d in json.loads(result.output)["diagnostics"]
            if d["text"] == "reimbursement"]


def test_a_built_in_rewrite_of_words_the_team_swaps_gives_way(make_pack: Any) -> None:
    assert findings(make_pack, SWAPS) == [("SK801", "reimbursement", "'money back'")]


def test_the_built_in_rewrite_stands_without_the_teams_swap(make_pack: Any) -> None:
    assert [code for code, _, _ in findings(make_pack, "")] == ["SK201"]


def test_a_team_rule_that_only_bans_the_words_leaves_the_built_in_rewrite(make_pack: Any) -> None:
    banned = SWAPS.replace("kind: substitution", "kind: existence").replace(
        "swap: {reimbursement: money back}", "terms: [reimbursement]")
    assert sorted(code for code, _, _ in findings(make_pack, banned)) == ["SK201", "SK801"]


def test_a_word_the_team_swaps_in_is_not_rewritten_back_by_a_built_in_rule(make_pack: Any) -> None:
    """SK201 rewrites 'kindly' to 'please'; a team that swaps 'please' for 'kindly' has chosen it. Before, the two
    fixes undid each other in every --fix round and the file ended as it began."""
    script = SCRIPT.replace("I've sent your reimbursement today", "Please reply with the photos, and I'll send it "
                                                                  "today")
    swaps = SWAPS.replace("{reimbursement: money back}", "{please: kindly}")
    root = make_pack({"refund.yaml": script}, "name: Swaps\n" + swaps)
    CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--fix"])
    written = (root / "scripts" / "refund.yaml").read_text(encoding="utf-8")
    assert "solution: \"Kindly reply with the photos" in written
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    assert not [d for d in json.loads(result.output)["diagnostics"] if d["text"] == "Kindly"]
