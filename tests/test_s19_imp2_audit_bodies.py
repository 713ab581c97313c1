"""scriptkit audit --bodies and audit_library(bodies=) read a generic file's bodies as the import does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main
from scriptkit.errors import ConfigError

REPLY = "Sorry about the wait! Your **refund** is on [the order page](https://shop.example/orders) from today."


def _sheet(tmp_path: Path) -> Path:
    sheet = tmp_path / "replies.csv"
    sheet.write_text(f'title,body\nRefund sent,"{REPLY}"\n', encoding="utf-8")
    return sheet


def _audit(*args: str) -> Any:
    return CliRunner().invoke(main, ["audit", *args], env={"NO_COLOR": "1", "COLUMNS": "200"})


def test_audit_bodies_markdown_judges_the_reply_the_import_writes(tmp_path: Path) -> None:
    sheet = _sheet(tmp_path)
    markdown = _audit(str(sheet), "--bodies", "markdown", "--format", "json")
    assert markdown.exit_code == 0, markdown.output
    text = json.loads(markdown.stdout)["macros"][0]["text"]
    assert "**" not in text and "](" not in text and "refund" in text
    plain = _audit(str(sheet), "--format", "json")
    assert "**refund**" in json.loads(plain.stdout)["macros"][0]["text"]


def test_audit_library_takes_bodies(tmp_path: Path) -> None:
    sheet = _sheet(tmp_path)
    report = scriptkit.audit_library(sheet, bodies="markdown")
    assert "**" not in report.to_dict()["macros"][0]["text"]
    assert "**refund**" in scriptkit.audit_library(sheet, bodies="plain").to_dict()["macros"][0]["text"]
    with pytest.raises(ConfigError, match=r"audit_library\(\) has no bodies='md'"):
        scriptkit.audit_library(sheet, bodies="md")


def test_audit_bodies_with_a_pack_or_a_helpdesk_export_is_refused_at_the_file(tmp_path: Path) -> None:
    imported = CliRunner().invoke(main, ["import", str(_sheet(tmp_path)), "-o", str(tmp_path / "pack")])
    assert imported.exit_code == 0, imported.output
    pack = _audit(str(tmp_path / "pack"), "--bodies", "markdown")
    assert pack.exit_code == 2 and f"{tmp_path / 'pack' / 'pack.yaml'}:1:1: error: --bodies markdown" in pack.stderr
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [{"id": 5, "title": "Refund", "actions": [
        {"field": "comment_value", "value": REPLY}]}]}), encoding="utf-8")
    helpdesk = _audit(str(export), "--bodies", "markdown")
    assert helpdesk.exit_code == 2 and f"{export}:1:1: error: --bodies markdown" in helpdesk.stderr
    assert "Traceback" not in helpdesk.output + pack.output
