"""pack.yaml's Front inbox_ids and a script's private template (teammate_id): the refusal tells the writer how
to keep the pack's inboxes from that one template (inbox_ids: null in the script), not only to remove them,
which would take them from every shared template too; and that way exports it private, with no inboxes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from export_fixtures import PACK_YAML, write_pack

from scriptkit.cli import main

SCRIPT = """\
id: refund
title: Refund
channels: [email]
acknowledgment: I'm sorry the order wasn't what you hoped for.
solution: I've refunded it in full today, and you'll see it on your card within five days.
export:
  front:
    teammate_id: tea_4
{extra}"""


def _export(tmp_path: Path, extra: str = "") -> Result:
    pack = write_pack(tmp_path / "p", {"refund.yaml": SCRIPT.format(extra=extra)},
                      PACK_YAML + "export:\n  front:\n    inbox_ids: [inb_5]\n")
    return CliRunner().invoke(main, ["export", str(pack), "--to", "front", "-o", str(tmp_path / "out")],
                              env={"NO_COLOR": "1"})


def test_the_refusal_says_how_to_keep_the_packs_inboxes_from_one_private_template(tmp_path: Path) -> None:
    result = _export(tmp_path)
    assert result.exit_code != 0
    assert "pack.yaml" in result.output and "inbox_ids' does not apply to a private template" in result.output
    assert "inbox_ids: null" in result.output


def test_inbox_ids_null_in_the_script_exports_it_private(tmp_path: Path) -> None:
    result = _export(tmp_path, "    inbox_ids: null\n")
    assert result.exit_code == 0, result.output
    body = json.loads((tmp_path / "out" / "front" / "teammates" / "tea_4" / "message_templates" / "refund.json")
                      .read_text(encoding="utf-8"))
    assert "inbox_ids" not in body and body["name"] == "Refund"
