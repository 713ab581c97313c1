"""The Markdown import read a link whose address is in CommonMark's angle brackets ('[mail us](<mailto:...?subject=Your
*urgent* order>)') as text: its address lost its '*' and '_' as emphasis, the guidance kept the raw Markdown, and a
link whose text is its address stayed a link. It is now read as the pack and the exports read it (scriptkit.text's
LINK), its spaces written %20 as an import writes an HTML link's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from ruamel.yaml import YAML

from scriptkit.cli import main

REPLY = """# Order help

Use when: they cannot find [the form](<https://example.com/my form>).

> I can see how confusing the order page has been. I have reset it today: [mail us](<mailto:help@example.com?subject=\
Your *urgent* order>), read [the guide](<https://example.com/help/the _new_ page>) or \
[https://example.com/a b](<https://example.com/a b>), and I will answer by Friday.
"""


def _imported(tmp_path: Path) -> dict[str, Any]:
    source = tmp_path / "order.md"
    source.write_text(REPLY, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "--out", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    (script,) = (tmp_path / "pack" / "scripts").glob("*.yaml")
    data: dict[str, Any] = YAML(typ="safe").load(script.read_text(encoding="utf-8"))
    return data


def test_an_angle_bracket_link_is_read_as_a_link(tmp_path: Path) -> None:
    data = _imported(tmp_path)
    text = " ".join(str(data.get(slot, "")) for slot in ("acknowledgment", "warm_language", "solution"))
    assert "[mail us](mailto:help@example.com?subject=Your%20*urgent*%20order)" in text, text
    assert "[the guide](https://example.com/help/the%20_new_%20page)" in text, text
    assert "read the guide" not in text and "](<" not in text, text
    assert "or https://example.com/a b, and" in text, text  # (its text is its address: the text alone)
    # (guidance, for the agent: the link as text and address)
    assert "they cannot find the form (https://example.com/my%20form)." in data["flexibility"]["guidance"], data
