"""`check --help` shows that several packs are accepted; `scriptkit help NAME` reads NAME in any case, `help help`
is the main help, and a word after the command's name is a usage error; `check a b --fix` names each pack on its
summary line; the reference says what the JSON offsets count."""

from __future__ import annotations

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

