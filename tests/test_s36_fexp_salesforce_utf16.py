"""Salesforce counts a character beyond the Basic Multilingual Plane (an emoji) as two toward a field's length
(UTF-16 code units): a Message or Name under the limit in characters but over it in Salesforce's count is
refused there, so the export says so (SK501/SK502) as Salesforce counts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from export_fixtures import PACK_YAML, write_pack

from scriptkit.exporting import export

# 1,500 emoji and a sentence: about 1,560 characters, over 3,000 as Salesforce counts them
MANY_EMOJI = "Thanks for your patience " + "\N{SMILING FACE WITH SMILING EYES}" * 1500

SCRIPT = """\
id: cheer
title: "{title}"
scenario: A customer waited.
emotion: frustrated
channels: [email]
acknowledgment: "I know the wait was long."
solution: "{solution}"
"""


def _found(tmp_path: Path, title: str, solution: str, targets: list[str]) -> list[tuple[str, str, str]]:
    pack = write_pack(tmp_path / "p", {"cheer.yaml": SCRIPT.format(title=title, solution=solution)}, PACK_YAML)
    result = export(pack, targets, tmp_path / "out", lint=False, force=True)
    return [(d.code, d.extra["target"], d.message) for d in result.diagnostics if d.code in ("SK501", "SK502")]


def test_a_message_with_many_emoji_is_measured_as_salesforce_counts(tmp_path: Path) -> None:
    found = _found(tmp_path, "Cheer", MANY_EMOJI * 2 + "!", ["salesforce", "gorgias"])
    assert [(code, target) for code, target, _ in found] == [("SK502", "salesforce")]
    assert "counted as Salesforce counts them: an emoji counts as two" in found[0][2]
    # (3,000 emoji as 6,000 and more, not the 3,000-odd characters one sees)
    told = int(re.search(r"reply is ([0-9,]+) characters", found[0][2]).group(1).replace(",", ""))  # type: ignore[union-attr]
    assert told > 6000


def test_a_name_with_emoji_is_measured_as_salesforce_counts(tmp_path: Path) -> None:
    title = "Cheer " + "\N{PARTY POPPER}" * 130  # 136 characters, 266 as Salesforce counts them
    found = _found(tmp_path, title, "It is on its way.", ["salesforce"])
    assert [code for code, _, _ in found] == ["SK501"]
    assert "266" in found[0][2] and "an emoji counts as two" in found[0][2]


def test_plain_text_is_told_as_before(tmp_path: Path) -> None:
    found = _found(tmp_path, "Cheer", "word " * 900, ["salesforce"])
    assert [code for code, _, _ in found] == ["SK502"] and "emoji" not in found[0][2]


def test_a_category_with_emoji_is_cut_within_salesforce_s_count(tmp_path: Path) -> None:
    title = "\N{PACKAGE}" * 30 + "::Late parcel"  # a category of 30 characters, 60 as Salesforce counts them
    pack = write_pack(tmp_path / "p", {"cheer.yaml": SCRIPT.format(title=title, solution="It is on its way.")},
                      PACK_YAML)
    result = export(pack, ["salesforce"], tmp_path / "out", lint=False, force=True)
    told = [d.message for d in result.diagnostics if d.code == "SK506" and "Category" in d.message]
    assert len(told) == 1 and "an emoji counts as two" in told[0]
    written = json.loads((tmp_path / "out" / "salesforce" / "quick_text" / "cheer.json").read_text(encoding="utf-8"))
    assert written["Category"] == "\N{PACKAGE}" * 20


def test_a_forced_export_names_the_record_salesforce_will_refuse(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"cheer.yaml": SCRIPT.format(title="Cheer", solution=MANY_EMOJI * 2)},
                      PACK_YAML)
    refused = export(pack, ["salesforce"], tmp_path / "out", lint=False, force=True).refused
    assert [path for path, _ in refused["salesforce"]] == ["salesforce/quick_text/cheer.json"]
    assert "an emoji counts as two" in refused["salesforce"][0][1]
