"""`check --help` shows that several packs are accepted; `scriptkit help NAME` reads NAME in any case, `help help`
is the main help, and a word after the command's name is a usage error; `check a b --fix` names each pack on its
summary line; the reference says what the JSON offsets count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

DOCS = Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md"
# (a zero-width space after 'Thanks': a finding with a safe fix)
HIDDEN = ("id: late\ntitle: Late\nacknowledgment: \"I'm sorry the parcel is late.\"\n"
          "warm_language: \"Thanks\u200b for waiting.\"\nsolution: \"I'll send a new one today.\"\n")


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_check_usage_says_several_packs_and_an_example_shows_them() -> None:
    text = _run("check", "--help").output
    assert " check [OPTIONS] PACK...\n" in text.split("\n\n")[0] + "\n"
    examples = text.split("Examples:")[1].split("Options:")[0]
    assert any(len(line.split()) >= 4 and line.split()[:2] == ["scriptkit", "check"]
               and not any(w.startswith("-") for w in line.split()[2:]) for line in examples.splitlines()), examples


@pytest.mark.parametrize("name", ["CHECK", "Check"])
def test_help_reads_a_command_name_in_any_case(name: str) -> None:
    asked = _run("help", name)
    assert asked.exit_code == 0 and asked.output == _run("check", "--help").output


def test_help_help_is_the_main_help() -> None:
    asked = _run("help", "help")
    assert asked.exit_code == 0 and asked.output == _run("--help").output


def test_a_word_after_the_command_is_a_usage_error() -> None:
    asked = _run("help", "check", "extra")
    assert asked.exit_code == 2
    assert "extra" in asked.output and "Usage:" in asked.output


def test_an_unknown_command_is_still_refused() -> None:
    assert _run("help", "nosuch").exit_code == 2


def _pack(where: Path) -> Path:
    (where / "scripts").mkdir(parents=True)
    (where / "pack.yaml").write_text(f"name: {where.name}\n", encoding="utf-8")
    (where / "scripts" / "one.yaml").write_text(HIDDEN, encoding="utf-8")
    return where


def test_fix_of_several_packs_names_each_pack_on_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _pack(tmp_path / "first")
    _pack(tmp_path / "second")
    fixed = _run("check", "first", "second", "--fix", "--grammar", "off")
    lines = [line for line in fixed.stderr.splitlines() if "Fixed " in line]
    assert len(lines) == 2, fixed.stderr
    assert lines[0].startswith("first: Fixed 1 problem in 1 file(s)"), lines
    assert lines[1].startswith("second: Fixed 1 problem in 1 file(s)"), lines


def test_fix_of_one_pack_is_not_prefixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _pack(tmp_path / "only")
    fixed = _run("check", "only", "--fix", "--grammar", "off")
    assert any(line.startswith("Fixed 1 problem in 1 file(s)") for line in fixed.stderr.splitlines()), fixed.stderr


def test_reference_says_offsets_count_code_points(tmp_path: Path) -> None:
    row = next(line for line in DOCS.read_text(encoding="utf-8").splitlines() if line.startswith("| `offset`"))
    assert "code point" in row and "UTF-16" in row, row
    # and so they do: an emoji before a finding is one
    reply = tmp_path / "reply.txt"
    reply.write_text("\U0001F600 Please be advised that your refund is processed.\n", encoding="utf-8")
    report = json.loads(_run("review", str(reply), "--format", "json", "--grammar", "off").stdout)
    found = next(d for d in report["diagnostics"] if d["text"] and d["offset"] is not None)
    assert reply.read_text(encoding="utf-8")[found["offset"]:found["end_offset"]] == found["text"]
