"""The README agrees with the tool: its command table names every report format, and its
example script's chat reply is the one short paragraph the tutorial says a chat is.

Before, the table left out `--format concise`, and the example's `solution: |` kept a line
break inside the chat preview.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from scriptkit.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_command_table_names_every_report_format_of_check() -> None:
    [option] = [p for p in main.commands["check"].params if "--format" in p.opts]
    assert isinstance(option.type, click.Choice)
    row = next(line for line in README.splitlines() if line.startswith("| `scriptkit check PACK`"))
    listed = re.search(r"`--format ([^`]*)`", row)
    assert listed is not None, row
    assert sorted(listed.group(1).replace("\\|", "|").split("|")) == sorted(option.type.choices)


def test_the_example_scripts_chat_reply_is_one_paragraph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", "my-pack"]).exit_code == 0
    [script] = re.findall(r"```yaml\n(.*?)```", README, re.S)
    Path("my-pack/scripts/broken-on-arrival.yaml").write_text(script, encoding="utf-8")
    shown = runner.invoke(main, ["render", "my-pack", "--channel", "chat"], env={"NO_COLOR": "1", "COLUMNS": "400"})
    assert shown.exit_code == 0, shown.output
    [chat] = [block for block in shown.output.split("\n\n") if block.startswith("broken-on-arrival")]
    reply = [line for line in chat.splitlines() if line.startswith("Hi ")]
    assert len(reply) == 1 and "keep an eye on the delivery" in reply[0], chat
