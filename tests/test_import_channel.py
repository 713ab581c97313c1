"""An imported library is judged on the channel its macros are sent on: Intercom's macros are chat
replies (its messenger), not emails held to 50-125 words; --channel says it for any export."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.rendering import render_pack

# 30 words, no feeling named: a chat reply, and an email too short to leave out an acknowledgment (SK105 asks
# an email under min_words for one where a team sets it, ASKED, and runs on email alone)
BODY = ("Hi {{user.first_name|fallback:\"there\"}},\n\nThe invoice showed the wrong plan.\n\n"
        "I've corrected it and sent the new invoice to your inbox today, so nothing more is needed from you.")
ASKED = "[options.email-length]\nmin_words = 50\n"
INTERCOM = {"type": "list", "data": [{"type": "macro", "id": "7", "name": "Wrong plan", "body_text": BODY}]}


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_an_intercom_export_is_imported_as_chat_replies_with_their_paragraphs(tmp_path: Path) -> None:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps(INTERCOM), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(export), "--from", "intercom", "-o", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    pack = load_pack(tmp_path / "pack")
    assert [s.channels for s in pack.scripts] == [["chat"]]
    assert pack.meta.layout("chat").separator == "\n\n"
    (message,) = render_pack(pack, None)
    assert message.channel == "chat"
    assert message.preview({"customer.first_name": "Sam"}) == BODY.replace(
        "{{user.first_name|fallback:\"there\"}}", "Sam")  # the macro reads as it did, paragraphs and all
    (tmp_path / "pack" / "scriptkit.toml").write_text(ASKED, encoding="utf-8")
    check = CliRunner().invoke(main, ["check", str(tmp_path / "pack"), "--format", "json"])
    codes = [d["code"] for d in json.loads(check.output)["diagnostics"]]
    assert "SK105" not in codes  # (the same reply imported as an email gets it)
    as_email = CliRunner().invoke(main, ["import", str(export), "--from", "intercom", "--channel", "email",
                                         "-o", str(tmp_path / "email")])
    assert as_email.exit_code == 0, as_email.output
    email = load_pack(tmp_path / "email")
    assert [s.channels for s in email.scripts] == [["email"]] and "separator" not in (
        tmp_path / "email" / "pack.yaml").read_text(encoding="utf-8")
    (tmp_path / "email" / "scriptkit.toml").write_text(ASKED, encoding="utf-8")
    check = CliRunner().invoke(main, ["check", str(tmp_path / "email"), "--format", "json"])
    assert "SK105" in [d["code"] for d in json.loads(check.output)["diagnostics"]]


def test_audit_judges_an_intercom_export_as_chat_and_channel_chooses(tmp_path: Path) -> None:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps(INTERCOM), encoding="utf-8")
    (tmp_path / "scriptkit.toml").write_text(ASKED, encoding="utf-8")  # (the export's settings, from its folder)

    def problems(*extra: str) -> list[str]:
        result = CliRunner().invoke(main, ["audit", str(export), "--from", "intercom", "--format", "json", *extra])
        assert result.exit_code == 0, result.output
        return [d["name"] for m in json.loads(result.output)["macros"] for d in m["diagnostics"]]

    assert "email-length" not in problems()
    assert "email-length" in problems("--channel", "email")


def test_channel_is_for_exports_not_packs(tmp_path: Path) -> None:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps(INTERCOM), encoding="utf-8")
    assert CliRunner().invoke(main, ["import", str(export), "-o", str(tmp_path / "pack")]).exit_code == 0
    result = CliRunner().invoke(main, ["audit", str(tmp_path / "pack"), "--channel", "chat"])
    assert result.exit_code == 2
    assert "--channel chat is for an export: a pack's scripts say their own channels" in result.output
    assert "pack.yaml:1:1" in result.output
    bad = CliRunner().invoke(main, ["import", str(export), "--channel", "fax", "-o", str(tmp_path / "other")])
    assert bad.exit_code == 2 and "'fax' is not one of" in bad.output
