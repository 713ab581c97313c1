"""Salesforce's Channel picklist values are the org's own: the export names the values it wrote by default for
a channel beyond Salesforce's own Email and Chat (sms as Messaging, social as Social) once, in the summary line,
not a warning a script; a channel mapped under export: {salesforce: {channels: ...}} is the writer's and not named."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from export_fixtures import PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.exporting import export

TEXT = """\
id: text-{n}
title: Text back {n}
scenario: The customer asked by text.
emotion: confused
channels: [{channels}]
acknowledgment: "I can see why that's confusing."
solution: "I've put the right date on your booking."
"""


def _pack(tmp_path: Path, channels: str, pack_yaml: str = PACK_YAML) -> Path:
    scripts = {f"text-{n}.yaml": TEXT.format(n=n, channels=channels) for n in (1, 2)}
    return write_pack(tmp_path / "p", scripts, pack_yaml)


def test_the_default_values_beyond_email_and_chat_are_named_once(tmp_path: Path) -> None:
    result = export(_pack(tmp_path, "email, sms, social"), ["salesforce"], tmp_path / "out", lint=False)
    note = result.count_notes["salesforce"]
    assert "sms as 'Messaging'" in note and "social as 'Social'" in note and "Email" not in note
    assert "channels" in note  # (where to map them)
    assert not [d for d in result.diagnostics if "Messaging" in d.message]  # (no warning a script)


def test_the_cli_says_it_on_the_count_line(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["export", str(_pack(tmp_path, "email, sms")), "--to", "salesforce", "-o",
                                    str(tmp_path / "out"), "--grammar", "off"]).output
    line = next(line for line in out.splitlines() if line.startswith("salesforce: "))
    assert line.startswith("salesforce: 4 Quick Texts (") and "sms as 'Messaging'" in line


def test_nothing_is_said_for_email_and_chat_or_a_mapped_channel(tmp_path: Path) -> None:
    assert export(_pack(tmp_path / "a", "email, chat"), ["salesforce"], tmp_path / "o1",
                  lint=False).count_notes.get("salesforce", "") == ""
    mapped = PACK_YAML + "export:\n  salesforce:\n    channels: {sms: SMS}\n"
    assert export(_pack(tmp_path / "b", "email, sms", mapped), ["salesforce"], tmp_path / "o2",
                  lint=False).count_notes.get("salesforce", "") == ""
