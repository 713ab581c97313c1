"""A fallback on a blank ('{{ blank.new_date | fallback('early next week') }}'): the agent fills a blank in, so
the fallback's words reached no reply and no export, and nothing said so. Check, render and export refuse it
at the fallback, with the ways out; exit code 2, no traceback, the file untouched."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PACK = "name: Parcel desk\nconstants:\n  soon_words: early next week\n"

LATE = textwrap.dedent("""\
    id: late-parcel
    title: "Orders::Late parcel"
    channels: [email]
    acknowledgment: I can see how annoying it is that the parcel still has not turned up.
    warm_language: Thanks for bearing with me while I look into it.
    flexibility:
      guidance: Look at the courier's tracking first.
      blanks:
        - name: new_date
          prompt: The day the courier now promises
    solution: I've chased the courier today, and it will arrive by {{ blank.new_date }}.
    """)


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, [*args], env={"NO_COLOR": "1", "COLUMNS": "200"})


def _refused(make_pack: Any, written: str, *command: str) -> tuple[str, str]:
    """The error of ``command`` on LATE with ``{{ blank.new_date }}`` written as ``written``; where it points."""
    text = LATE.replace("{{ blank.new_date }}", written)
    root = make_pack({"late.yaml": text}, pack_yaml=PACK)
    script = root / "scripts" / "late.yaml"
    result = _run(*command, str(root))
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output, result.output
    assert result.exit_code == 2, result.output
    assert script.read_text(encoding="utf-8") == text
    lines = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"{script}:"), lines[0]
    return lines[0][len(f"{script}:"):], text


def _column_of(text: str, needle: str) -> str:
    offset = text.index(needle)
    return f"{text.count(chr(10), 0, offset) + 1}:{offset - text.rfind(chr(10), 0, offset)}"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", [("check",), ("render",), ("export", "--to", "zendesk", "-o")])
def test_a_fallback_on_a_blank_is_refused_at_the_fallback(make_pack: Any, tmp_path: Path,
                                                          command: tuple[str, ...]) -> None:
    written = "{{ blank.new_date | fallback('early next week') }}"
    args = (*command, str(tmp_path / "out")) if command[0] == "export" else command
    said, text = _refused(make_pack, written, *args)
    assert said.startswith(_column_of(text, "fallback('early") + ": error: "), said
    assert "blank 'blank.new_date'" in said and "'early next week'" in said
    assert "agent fills a blank in" in said and "prompt" in said and "placeholder" in said
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.json"))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("written, needle, words", [
    ("{{ blank.new_date | default('soon') }}", "default(", "'soon'"),
    ("{{- blank['new_date']|fallback(\"soon\") -}}", "fallback(", "'soon'"),
    ("{{ blank.new_date | fallback(soon_words) }}", "fallback(", "'early next week'"),
    ("{{ blank.new_date or 'soon' }}", "or 'soon'", "'soon'"),
])
def test_every_way_of_writing_a_blank_s_fallback_is_said_with_its_words(make_pack: Any, written: str,
                                                                         needle: str, words: str) -> None:
    said, text = _refused(make_pack, written, "check")
    assert said.startswith(_column_of(text, needle) + ": error: "), said
    assert "blank 'blank.new_date'" in said and words in said, said
    assert "fallback('soon')" not in said.split("placeholder")[0]  # (not told to write the same slip again)


@pytest.mark.timeout(60)
def test_two_fallbacks_on_one_line_are_each_said_at_their_own(make_pack: Any) -> None:
    text = LATE.replace("{{ blank.new_date }}.", "{{ blank.new_date | fallback('x') }} or "
                        "{{ blank.new_date | fallback('early next week') }}.")
    root = make_pack({"late.yaml": text}, pack_yaml=PACK)
    result = _run("check", str(root))
    assert result.exit_code == 2, result.output
    said = [line.split(": error: ")[0].rsplit(":", 2)[1:] for line in result.output.splitlines() if ": error: " in line]
    assert said == [_column_of(text, "fallback('x')").split(":"),
                    _column_of(text, "fallback('early").split(":")], result.output
