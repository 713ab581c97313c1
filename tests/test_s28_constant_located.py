"""A pack constant's words, printed alone in scripts ('{{ callback_line }}'), are the writer's words in pack.yaml:
a finding in them is reported once, there (before: once per script, at each '{{ }}'). No fix edits a constant: it
is a value the scripts share, changed by its writer (as before)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.rendering import render_script

PACK = 'name: Const\nconstants:\n  callback_line: "Just so you know, we\'ll call you prior to 5pm."\n  days: 5\n'
ACK = "acknowledgment: I can see how frustrating the wait has been.\n"
SIMPLE = "id: a\ntitle: A\n" + ACK + "solution: \"{{ callback_line }} I've refunded you today.\"\n"
JINJA = ("id: b\ntitle: B\n" + ACK + "solution: \"{{ callback_line }} {% if days > 3 %}I've refunded you today."
         "{% else %}I've credited you today.{% endif %}\"\n")


def diagnostics(root: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json", *args])
    return [d for d in json.loads(result.output)["diagnostics"] if d["text"] == "prior to"]


def test_a_phrase_in_a_constant_is_found_once_in_pack_yaml(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SIMPLE, "b.yaml": JINJA}, PACK)  # (the simple path, and Jinja's)
    [found] = diagnostics(root)
    assert (Path(found["file"]).name, found["line"], found["col"]) == ("pack.yaml", 3, PACK.splitlines()[2].index(
        "prior to") + 1)
    assert found["fix"] is None


def test_the_scripts_render_the_constant_as_before(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SIMPLE, "b.yaml": JINJA}, PACK)
    pack = load_pack(root)
    assert render_script(pack, pack.script("b"), "email").slot_text("solution") == (
        "Just so you know, we'll call you prior to 5pm. I've refunded you today.")


def test_a_constant_changed_by_a_filter_is_located_at_its_expression(make_pack: Any) -> None:
    script = SIMPLE.replace("{{ callback_line }}", "{{ callback_line | trim }}")
    root = make_pack({"a.yaml": script}, PACK)
    [found] = diagnostics(root)
    assert Path(found["file"]).name == "a.yaml" and found["fix"] is None
