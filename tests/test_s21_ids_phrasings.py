"""Another variant's phrasing a one-body helpdesk lists for the agent ('Or say (...): ...' in Zendesk's
description) names a placeholder the pack declares by the description pack.yaml gives it, as the rest of the
agent notes do; where a helpdesk leaves that phrasing out, SK508 is still placed at it."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.exporting import export

PACK_YAML = """\
name: Freshly Forked support
placeholders:
  order.box_date:
    description: The delivery date of the box
    sample: Friday 12 June
"""

SKIP = """\
id: skip-week
title: "Orders::Skip a week"
channels: [email]
acknowledgment:
  - "I can see you'd like a week off, and that's no trouble at all."
  - "{{ order.box_date }} is no trouble to skip: I can see you'd like a week off."
warm_language: Thanks for letting us know in good time.
flexibility:
  guidance: A box can be skipped up to Wednesday noon.
solution: I've skipped that box for you, and your next one arrives as usual the week after.
"""


def _pack(root: Path) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (root / "scripts" / "skip.yaml").write_text(SKIP, encoding="utf-8")
    return root


def test_another_phrasing_names_a_pack_placeholder_by_its_description(tmp_path: Path) -> None:
    export(_pack(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out/zendesk/macros/skip-week.json").read_text(encoding="utf-8"))["macro"]
    lines = str(macro["description"]).split("\n")
    assert ("Or say (acknowledgment): {delivery date of the box} is no trouble to skip: I can see you'd like a "
            "week off.") in lines, lines
    assert not any("order box date" in line for line in lines)


def test_a_left_out_phrasing_with_a_pack_placeholder_is_named_where_it_is_written(tmp_path: Path) -> None:
    result = export(_pack(tmp_path / "pack"), ["helpscout"], tmp_path / "out", lint=False)
    (dropped,) = [d for d in result.diagnostics if d.code == "SK508" and "agent notes" not in d.message]
    assert dropped.location is not None
    # (at the second acknowledgment's placeholder, where it starts, not at the text after it)
    assert (dropped.location.line, dropped.location.col) == (6, 6)
