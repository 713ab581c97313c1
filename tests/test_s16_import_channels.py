"""A reply's channel survives the import: a sheet's channel column, scriptkit's own CSV export read back, a
Salesforce Quick Text's Channel (and ``--from salesforce`` is a format); a channel scriptkit does not
know, or one the pack cannot give the script, is named in the notes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit import export, import_library
from scriptkit.cli import main

STARTER = Path(__file__).resolve().parent.parent / "templates" / "starter"


def _channels(script: Path) -> str:
    return next(line for line in script.read_text(encoding="utf-8").splitlines() if line.startswith("channels:"))


def test_a_sheets_channel_column_is_the_scripts_channel(tmp_path: Path) -> None:
    sheet = tmp_path / "sms.csv"
    sheet.write_text('title,body,channel\nCode,"Hi there, your code is 1234.",sms\n', encoding="utf-8")
    library = import_library(sheet)
    assert library.macros[0].raw.channel == "sms"
    pack = library.write(tmp_path / "pack")
    assert _channels(pack / "scripts" / "code.yaml") == "channels: [sms]"


def test_a_channel_scriptkit_does_not_know_is_named(tmp_path: Path) -> None:
    sheet = tmp_path / "fax.csv"
    sheet.write_text('title,body,channel\nCode,"Hi there, your code is 1234.",fax\n', encoding="utf-8")
    (macro,) = import_library(sheet).macros
    assert macro.raw.channel == ""
    assert any("'fax', which is no scriptkit channel" in note for note in macro.notes)


def test_scriptkits_own_csv_export_keeps_each_rows_channel(tmp_path: Path) -> None:
    export(STARTER, ["csv"], tmp_path / "out", lint=False)
    library = import_library(tmp_path / "out" / "csv" / "scripts.csv")
    assert not [m for m in library.macros if m.title.endswith("(chat)")]  # (each channel's row merged back)
    pack = library.write(tmp_path / "pack")
    written = sorted(p.name for p in (pack / "scripts").glob("*.yaml"))
    assert written == sorted(p.name for p in (STARTER / "scripts").glob("*.yaml"))
    for name in written:  # each script keeps its channels, and the pack lays out every one of them
        assert _channels(pack / "scripts" / name) == _channels(STARTER / "scripts" / name), name
    settings = (pack / "pack.yaml").read_text(encoding="utf-8")
    channels = {c for m in library.macros for c in (m.raw.channel, *m.raw.more_channels)}
    assert channels == {"email", "chat", "phone", "sms"}
    assert all(f"\n  {channel}:\n" in settings for channel in channels)


def test_a_mixed_sheet_keeps_each_rows_channel_unless_channel_is_given(tmp_path: Path) -> None:
    sheet = tmp_path / "mix.csv"
    sheet.write_text('title,body,channel\nCode,"Hi there, your code is 1234.",sms\n'
                     'Refund,"I have refunded the charge today.",chat\nCard,"Your new card arrives Monday.",\n',
                     encoding="utf-8")
    pack = import_library(sheet).write(tmp_path / "own")
    assert [_channels(pack / "scripts" / f"{n}.yaml") for n in ("code", "refund", "card")] == \
        ["channels: [sms]", "channels: [chat]", "channels: [email]"]
    result = CliRunner().invoke(main, ["check", str(pack)])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    # --channel is the writer's word for every script: each that the sheet gave another says so
    library = import_library(sheet)
    pack = library.write(tmp_path / "asked", channel="email")
    assert {_channels(p) for p in (pack / "scripts").glob("*.yaml")} == {"channels: [email]"}
    code = (pack / "scripts" / "code.yaml").read_text(encoding="utf-8")
    assert "its channel in the export is sms; imported for email, as --channel asked" in code


def test_salesforce_quick_text_is_a_format_and_keeps_its_channel(tmp_path: Path) -> None:
    export(STARTER, ["salesforce"], tmp_path / "out", lint=False)
    bundle = tmp_path / "out" / "salesforce" / "quick_text.json"
    result = CliRunner().invoke(main, ["import", str(bundle), "--from", "salesforce", "-o", str(tmp_path / "all")])
    assert result.exit_code == 0, result.output
    library = import_library(bundle, "salesforce")
    # (sms: Salesforce's Messaging; a channel's own Quick Text is merged back into its script's)
    assert {c for m in library.macros for c in (m.raw.channel, *m.raw.more_channels)} >= {"email", "chat", "sms"}
    # a Quick Text export of Chat ones only: a pack of chat scripts
    records = json.loads(bundle.read_text(encoding="utf-8"))
    records["records"] = [r for r in records["records"] if r["Channel"] == "Chat"]
    chats = tmp_path / "chat.json"
    chats.write_text(json.dumps(records), encoding="utf-8")
    pack = import_library(chats, "salesforce").write(tmp_path / "chat")
    assert {_channels(p) for p in (pack / "scripts").glob("*.yaml")} == {"channels: [chat]"}
    assert "chat:" in (pack / "pack.yaml").read_text(encoding="utf-8")


def test_from_salesforce_names_a_record_that_is_not_quick_text(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps([{"title": "Hi", "body": "Hi there, your code is 1234."}]), encoding="utf-8")
    library = import_library(path, "salesforce")
    assert not library.macros and "not a Quick Text record" in library.problems[0].message
