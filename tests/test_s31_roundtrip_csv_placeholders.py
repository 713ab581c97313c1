"""A placeholder a pack declares for itself comes back from scriptkit's own CSV export as that placeholder,
declared in the imported pack.yaml with its fallback kept, as the JSON import does: the pack that exported the
row could not have loaded with a name it did not declare. Before, it became a blank, and the import's summary
quoted a '|fallback:' the file never held and called scriptkit's own style one it cannot map."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from ruamel.yaml import YAML

from scriptkit import load_pack
from scriptkit.cli import main

PACK = """\
name: Carriers
version: 0.1.0
locale: en-US
placeholders:
  order.carrier: {description: The courier delivering the order, sample: Parcelwise}
channels:
  email:
    greeting: "Hello,"
    signoff: "Best wishes, the team"
"""

SCRIPT = """\
id: late-parcel
title: "Orders::Late delivery"
channels: [email]
acknowledgment: "I'm sorry your parcel is later than we promised."
warm_language: "Thanks for your patience while I look into it."
solution: 'I''ve asked {{ order.carrier | fallback("the courier") }} for an update and will write by tomorrow.'
"""


def test_a_declared_placeholder_comes_back_declared_from_csv(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "scripts" / "late-parcel.yaml").write_text(SCRIPT, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "csv", "-o", str(tmp_path / "out"),
                                       "--grammar", "off"])
    assert result.exit_code in (0, 1), result.output
    back = tmp_path / "back"
    result = CliRunner().invoke(main, ["import", str(tmp_path / "out" / "csv" / "scripts.csv"), "-o", str(back)])
    assert result.exit_code == 0, result.output
    summary = " ".join(result.output.split())
    assert "blank" not in summary and "cannot map" not in summary and "|fallback:" not in summary, summary
    assert "order.carrier is not one scriptkit knows" in summary and "declared in pack.yaml" in summary, summary
    declared = YAML(typ="safe").load((back / "pack.yaml").read_text(encoding="utf-8"))["placeholders"]
    assert list(declared) == ["order.carrier"]
    text = (back / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8")
    assert '{{ order.carrier | fallback("the courier") }}' in text, text
    script = load_pack(back).script("late-parcel")  # (the imported pack loads: the name is declared)
    assert "order.carrier" in str(script.solution)
