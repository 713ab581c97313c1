"""A carriage return in slot text ("\\r" written in a quoted YAML text, or a pasted Windows "\\r\\n") is a line
break, as YAML, Jinja and the import read one. A template holding one and a placeholder was refused with "cannot
read this template" (Jinja reads every line end as "\\n", so its output no longer matched the text); text without
a placeholder kept the "\\r", which an HTML export showed as a space."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main
from scriptkit.message import Text
from scriptkit.rendering import render_pack

SCRIPT = "id: late\ntitle: Parcel late\nacknowledgment: {ack}\nsolution: {solution}\n"
SOLUTION = "I've asked the courier to deliver it tomorrow, and I'll email you the new tracking link today."


def acknowledgment(make_pack: Any, ack: str) -> str:
    pack = scriptkit.load_pack(make_pack({"late.yaml": SCRIPT.format(ack=ack, solution=SOLUTION)}))
    (message,) = render_pack(pack)
    return "".join(s.text if isinstance(s, Text) else "{" + s.name + "}" for s in message.segments
                   if s.slot == "acknowledgment")


@pytest.mark.parametrize(("ack", "read"), [
    (r'"Hi {{ customer.first_name }}.\rI am sorry."', "Hi {customer.first_name}.\nI am sorry."),
    (r'"Hi {{ customer.first_name | fallback(\"there\") }}.\r\nI am sorry."', "Hi {customer.first_name}.\nI am sorry."),
    (r'"{% if true %}Yes.\rNo.{% endif %} Sorry."', "Yes.\nNo. Sorry."),
    (r'"Hi {{ customer.first_name\r}}.\r\n\r\nI am sorry."', "Hi {customer.first_name}.\n\nI am sorry."),
    (r'"Hi there.\rI am sorry."', "Hi there.\nI am sorry."),  # (no placeholder: the same line break)
    (r'"Hi there.\r\nI am sorry."', "Hi there.\nI am sorry."),
])
def test_a_carriage_return_is_a_line_break(make_pack: Any, ack: str, read: str) -> None:
    assert acknowledgment(make_pack, ack) == read


def test_findings_after_it_are_placed_and_fixed_where_they_are(make_pack: Any) -> None:
    ack = r'"Hi {{ customer.first_name }}.\r\nI am sorry.\rI am here."'
    stiff = "The courier will deliver it tomorrow, and we will email you the new tracking link today."
    root = make_pack({"late.yaml": SCRIPT.format(ack=ack, solution=stiff)})
    checked = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    found = [(d["line"], d["col"]) for d in json.loads(checked.output)["diagnostics"]
             if d["code"] == "SK203" and d["line"] == 3]
    assert found == [(3, 51), (3, 64)]  # each "I am", after the "\r\n" and after the "\r"
    fixed = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--fix"])
    assert "Traceback" not in fixed.output
    assert (root / "scripts/late.yaml").read_text(encoding="utf-8").splitlines()[2] == \
        r'''acknowledgment: "Hi {{ customer.first_name }}.\r\nI'm sorry.\rI'm here."'''


def test_the_export_breaks_the_line(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": SCRIPT.format(ack=r'"Hi {{ customer.first_name }}.\rI am so sorry."',
                                                 solution=SOLUTION)})
    scriptkit.export(root, "gorgias", tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out/gorgias/macros/late.json").read_text(encoding="utf-8"))
    text = macro["actions"][0]["arguments"]
    assert "{{ticket.customer.firstname}}.<br>I am so sorry." in text["body_html"]
    assert "\r" not in text["body_text"] and "firstname}}.\nI am so sorry." in text["body_text"]
