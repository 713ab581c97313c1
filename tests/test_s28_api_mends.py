"""The Python API refuses what the CLI refuses: a channel no script is written for, another pack's script; and it
reads a text that starts with a byte order mark as the CLI does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scriptkit import ConfigError, export, lint_pack, lint_text, load_pack, render_pack, render_script

SCRIPT = ("id: late\ntitle: Late parcel\nchannels: [email, chat]\n"
          "acknowledgment: I'm so sorry your parcel is late, that's really frustrating.\n"
          "solution: I've sent a new one today, and it will arrive by Friday.\n")


def test_a_channel_no_script_is_written_for_is_refused_not_an_empty_pass(make_pack: Any, tmp_path: Path) -> None:
    pack = load_pack(make_pack({"late.yaml": SCRIPT}))
    for call in (lambda: lint_pack(pack, channels=["sms"]), lambda: render_pack(pack, channels=["sms"])):
        with pytest.raises(ConfigError, match="no script in this pack is written for the sms channel"):
            call()
    with pytest.raises(ConfigError, match="script 'late' is not written for the sms channel: its channels are email"):
        render_pack(pack, channels=["sms"], script_id="late")


def test_an_export_for_no_channel_leaves_the_last_export_as_it_was(make_pack: Any, tmp_path: Path) -> None:
    pack = load_pack(make_pack({"late.yaml": SCRIPT}))
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    before = (tmp_path / "out/zendesk/macros.json").read_bytes()
    with pytest.raises(ConfigError, match="sms channel"):
        export(pack, ["zendesk"], tmp_path / "out", channels=["sms"], force=True, lint=False)
    assert (tmp_path / "out/zendesk/macros.json").read_bytes() == before
    assert json.loads(before)["macros"]


def test_another_packs_script_is_refused(make_pack: Any, tmp_path: Path) -> None:
    mine = load_pack(make_pack({"late.yaml": SCRIPT}))
    theirs = load_pack(Path(__file__).resolve().parent.parent / "templates" / "starter")
    with pytest.raises(ConfigError, match="of another pack"):
        render_script(mine, theirs.scripts[0])


def test_a_byte_order_mark_hides_neither_a_transcript_nor_a_page() -> None:
    transcript = "\ufeffCustomer: my parcel is late\nAgent: I'm so sorry, I've sent a new one today.\n"
    result = lint_text(transcript)
    assert [t.speaker for t in result.turns] == ["Agent"] and "SK012" not in {d.code for d in result.diagnostics}
    assert lint_text("\ufeff<p>I have refunded your order today.</p>").read_as == "HTML"


def test_a_sheet_read_as_a_helpdesks_json_is_said_to_be_no_json(tmp_path: Path) -> None:
    from scriptkit import import_library
    from scriptkit.errors import ScriptkitError

    sheet = tmp_path / "macros.csv"
    sheet.write_text('title,body\nLate,"I\'m sorry, I\'ve sent it today."\n', encoding="utf-8")
    with pytest.raises(ScriptkitError) as info:
        import_library(sheet, "zendesk")
    assert "is not JSON: it starts with 'title,body'" in str(info.value) and "truncated" not in str(info.value)


def test_export_takes_names_with_commas_as_the_cli_does(make_pack: Any, tmp_path: Path) -> None:
    export(load_pack(make_pack({"late.yaml": SCRIPT})), "zendesk, helpscout", tmp_path / "out", lint=False)
    assert (tmp_path / "out/zendesk").is_dir() and (tmp_path / "out/helpscout").is_dir()


def test_a_refused_export_names_each_findings_channel(make_pack: Any, tmp_path: Path) -> None:
    from scriptkit.exporting import ExportRefused

    long_title = SCRIPT.replace("title: Late parcel", "title: " + "Late parcel " * 30)
    with pytest.raises(ExportRefused) as info:
        export(load_pack(make_pack({"late.yaml": long_title})), ["zendesk"], tmp_path / "out")
    assert "(email)" in str(info.value) and "(chat)" in str(info.value)


def test_a_report_to_a_closed_stream_is_a_config_error(make_pack: Any, tmp_path: Path) -> None:
    result = lint_pack(load_pack(make_pack({"late.yaml": SCRIPT})))
    with open(tmp_path / "r.json", "w", encoding="utf-8") as out:
        pass
    with pytest.raises(ConfigError, match="closed"):
        result.report(out, "json")
