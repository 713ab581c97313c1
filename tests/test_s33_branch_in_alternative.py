"""check judges each side of an ``{% if %}`` on a constant, saying when the other side is sent. A branch whose reply
text came out as today's was skipped, so an ``{% if %}`` inside an alternative, a condition or a variant looked
unchanged and its other side was never judged; now everything a branch renders is compared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import lint_pack, load_pack
from scriptkit.cli import main

SHUT = "{% if open_today %}We open at nine, so drop in any time.{% else %}Kindly be advised we are shut{% endif %}"
HEAD = ("id: hours\ntitle: Hours\nacknowledgment: I know it's a nuisance to find the door locked.\n"
        "solution: I've put your order aside at the front desk, ready to collect.\n")
PLACES = {
    "alternative": HEAD + f"flexibility:\n  alternatives:\n    - label: Ask about today\n      text: \"{SHUT}\"\n",
    "condition": HEAD + f"flexibility:\n  conditions:\n    - when: They ask about today\n      text: \"{SHUT}\"\n",
    "variant": HEAD.replace("acknowledgment: I know it's a nuisance to find the door locked.\n",
                            f"acknowledgment:\n  - I know it's a nuisance to find the door locked.\n  - \"{SHUT}\"\n"),
}


@pytest.mark.parametrize("place", PLACES)
def test_the_other_side_of_an_if_is_judged_wherever_it_is(make_pack: Any, place: str) -> None:
    root: Path = make_pack({"hours.yaml": PLACES[place]}, pack_yaml="name: Shop\nconstants:\n  open_today: true\n")
    found = [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK201"]
    assert [d.text for d in found] == ["Kindly be advised"], found
    assert found[0].message.endswith("(in the text sent when open_today is false)"), found[0].message
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--select", "SK201"],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 1, result.output
    assert "(in the text sent when open_today is false)" in result.output, result.output
