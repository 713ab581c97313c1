"""A [grammar] table in scriptkit.toml, written as pack.yaml's 'grammar: mode:' is, was refused at the table as
"'{'mode': '...'}' is not a grammar mode" (a Python dict in the message); now its mode is read, and a mistake in
it, or another grammar setting there, is said at its own line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """id: late
title: Late parcel
channels: [email]
acknowledgment: I'm sorry your parcel is late; I know you needed it this week.
solution: I've sent a replacement today by tracked post, and the tracking link is in your inbox.
"""


def _check(make_pack, toml: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    pack: Path = make_pack({"late.yaml": SCRIPT})
    (pack / "scriptkit.toml").write_text(toml, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(pack), "--select", "SK1"])
    return result.exit_code, result.output


def test_a_grammar_table_with_its_mode_is_read(make_pack) -> None:  # type: ignore[no-untyped-def]
    code, output = _check(make_pack, 'fail-on = "error"\n\n[grammar]\nmode = "off"\n')
    assert code == 0, output


def test_a_mistyped_mode_in_the_table_is_said_at_its_line(make_pack) -> None:  # type: ignore[no-untyped-def]
    code, output = _check(make_pack, 'fail-on = "error"\n\n[grammar]\nmode = "lcoal"\n')
    assert code == 2, output
    assert "scriptkit.toml:4:8: error: 'lcoal' is not a grammar mode. Did you mean 'local'?" in output
    assert "{" not in output


def test_another_grammar_setting_in_the_table_says_where_it_goes(make_pack) -> None:  # type: ignore[no-untyped-def]
    code, output = _check(make_pack, '[grammar]\nmode = "off"\ndictionary = ["Northwind"]\n')
    assert code == 2, output
    assert "scriptkit.toml:3:1: error:" in output and "[options.spelling]" in output, output
    assert "{" not in output


def test_a_table_with_no_mode_says_how_to_write_it(make_pack) -> None:  # type: ignore[no-untyped-def]
    code, output = _check(make_pack, '\n[grammar]\n')
    assert code == 2, output
    assert "scriptkit.toml:2:1: error:" in output and 'mode = "local"' in output, output
