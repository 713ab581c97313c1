"""'title: Null' is text the writer wrote, which YAML reads as no value: 'has no value. Write text
after 'title:'' told them to write what they had written. The hint says why, and how to keep it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError
from tests.conftest import run_cli

SCRIPT = """id: null-box
title: The box
channels: [email]
acknowledgment:
  - I can see how frustrating a late box is, especially when you planned dinner around it.
  - I know a late box spoils the week's plans.
solution: I've refunded the box today, and you'll see it within 5 days.
"""


def _pack(root: Path, script: str, pack_yaml: str = "name: Forked\n") -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    (root / "scripts" / "box.yaml").write_text(script, encoding="utf-8")
    return root


def _errors(root: Path) -> list[str]:
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    return str(caught.value).splitlines()


def test_a_text_yaml_reads_as_no_value_says_so(tmp_path: Path) -> None:
    script = SCRIPT.replace("title: The box", "title: Null\nscenario: ~").replace(
        "  - I know a late box spoils the week's plans.", "  - NULL").replace(
        "solution: I've refunded the box today, and you'll see it within 5 days.", "solution: null  # for now")
    root = _pack(tmp_path / "forked", script, "name: null\nconstants:\n  code: Null\n")
    scripts, pack = root / "scripts" / "box.yaml", root / "pack.yaml"
    assert _errors(root) == [
        f"{pack}:1:1: 'name' has no value. YAML reads null as no value; quote it: name: \"null\".",
        f"{pack}:3:3: constant 'code' must be text or a number. YAML reads Null as no value; quote it: "
        "code: \"Null\".",
        f"{scripts}:2:1: 'title' has no value. YAML reads Null as no value; quote it: title: \"Null\".",
        f"{scripts}:3:1: 'scenario' has no value. YAML reads ~ as no value; quote it: scenario: \"~\".",
        f"{scripts}:7:5: variant 2 of 'acknowledgment' is empty. YAML reads NULL as no value; quote it: "
        "- \"NULL\".",
        f"{scripts}:8:1: 'solution' has no value. YAML reads null as no value; quote it: solution: \"null\".",
    ]
    assert run_cli("check", str(root)).exit_code == 2


def test_a_key_truly_left_empty_keeps_its_hint(tmp_path: Path) -> None:
    script = SCRIPT.replace("title: The box", "title:").replace(
        "solution: I've refunded the box today, and you'll see it within 5 days.", "solution:")
    root = _pack(tmp_path / "forked", script)
    file = root / "scripts" / "box.yaml"
    assert _errors(root) == [
        f"{file}:2:1: 'title' has no value. Write text after 'title:', or delete the line.",
        f"{file}:7:1: 'solution' has no value. Write the text after 'solution:'.",
    ]


def test_quoted_it_is_text(tmp_path: Path) -> None:
    script = SCRIPT.replace("title: The box", 'title: "Null"')
    assert load_pack(_pack(tmp_path / "forked", script)).scripts[0].title == "Null"
