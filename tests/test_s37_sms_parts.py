"""An SMS over its limit said its characters but not the parts and alphabet the playbook gives, and
``render --preview`` showed no length at all.
"""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from scriptkit import lint_pack, load_pack
from scriptkit.cli import main


def _findings(make_pack: Any, code: str, channel: str, solution: str, ack: str = "I'm sorry about the wait.",
              pack_yaml: str = "name: Test pack\n") -> list[Any]:
    script = (f"id: wait\ntitle: Wait\nchannels: [{channel}]\nacknowledgment: \"{ack}\"\n"
              f"solution: |\n" + "".join(f"  {line}\n" for line in solution.splitlines()))
    found = lint_pack(load_pack(make_pack({"wait.yaml": script}, pack_yaml)), grammar="off").diagnostics
    return [d for d in found if d.code == code]


def test_sms_over_its_limit_says_its_parts_and_alphabet(make_pack: Any) -> None:
    solution = ("Your order is on its way and should reach you by Thursday afternoon. I'll check on it tomorrow "
                "and text you again if anything changes at all.")
    found = _findings(make_pack, "SK104", "sms", solution)
    assert len(found) == 1, found
    assert "2 SMS parts in GSM-7" in found[0].message, found[0].message


def test_preview_shows_the_sms_length_and_the_room_a_name_outside_gsm7_leaves(make_pack: Any) -> None:
    script = ("id: wait\ntitle: Wait\nchannels: [sms, email]\nacknowledgment: \"Sorry about the wait, "
              "{{ customer.first_name }}.\"\nsolution: Your order ships today and reaches you by Friday.\n")
    root = make_pack({"wait.yaml": script})
    result = CliRunner().invoke(main, ["render", str(root), "--preview"])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if "SMS part" in ln)
    assert "1 SMS part · GSM-7" in line, line
    # (the sample name is GSM-7; a real one outside it, "Zoë", sends the text as UCS-2, 70 a part)
    assert "UCS-2" in line and "70" in line, line
    assert sum(ln.startswith("length ·") for ln in result.output.splitlines()) == 1  # (the email has none)
    plain = CliRunner().invoke(main, ["render", str(root)])
    assert "SMS part" not in plain.output


