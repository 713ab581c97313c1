"""lint_text's settings do not come from the working folder (a service started inside a project
would judge replies by that project's settings without a word), and a bare '# scriptkit:' comment
does not read the next line as its verb."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import scriptkit
from scriptkit.linting import lint_pack

COLD = "Please be advised that we apologize for the inconvenience. Your refund was sent today."


def _codes(result: scriptkit.LintResult) -> set[str]:
    return {d.code for d in result.diagnostics}


def test_the_working_folders_settings_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _codes(scriptkit.lint_text(COLD))
    assert "SK201" in expected
    (tmp_path / "pyproject.toml").write_text('[tool.scriptkit]\nselect = ["SK9"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _codes(scriptkit.lint_text(COLD)) == expected
    (tmp_path / "tickets").mkdir()
    assert _codes(scriptkit.lint_text(COLD, file="tickets/4521")) == expected  # (a label, not a file)
    (tmp_path / "pyproject.toml").write_text('[tool.scriptkit]\nfail-on = "fatal"\n', encoding="utf-8")
    assert _codes(scriptkit.lint_text(COLD)) == expected  # (an invalid setting there raised ConfigError)


def test_settings_beside_a_file_given_are_read(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text('ignore = ["SK201"]\n', encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text(COLD, encoding="utf-8")
    codes = _codes(scriptkit.lint_text(COLD, file=str(reply)))
    assert "SK201" not in codes and codes
    # and asked for, the working folder's settings are what load_config reads
    config = scriptkit.load_config(None, tmp_path)
    assert "SK201" not in _codes(scriptkit.lint_text(COLD, config=config))


def _pack(root: Path, title_line: str, after: str) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: T\n", encoding="utf-8")
    (root / "scripts" / "a.yaml").write_text(textwrap.dedent(f"""\
        id: a
        {title_line}
        {after}
        acknowledgment: I can see how frustrating it is to wait for your order.
        warm_language: Thank you for your patience with us.
        solution: I have refunded you today, and it will reach your card in 3 days.
        """), encoding="utf-8")
    return root


def test_a_bare_scriptkit_comment_is_told_at_itself(tmp_path: Path) -> None:
    root = _pack(tmp_path / "p", "title: A  # scriptkit:", "channels: [email]")
    notes = [d for d in lint_pack(scriptkit.load_pack(root)).diagnostics if d.code == "SK800"]
    assert len(notes) == 1, notes
    assert (notes[0].location.line, notes[0].location.col) == (2, 11)
    assert "empty suppression" in notes[0].message and "channels" not in notes[0].message


def test_a_bare_scriptkit_comment_does_not_take_the_next_lines_ignore(tmp_path: Path) -> None:
    # (the next line's key 'ignore' read as '# scriptkit: ignore' with codes from that line)
    root = _pack(tmp_path / "p", "title: A  # scriptkit:", "ignore: []")
    result = lint_pack(scriptkit.load_pack(root))
    assert any(d.code == "SK800" and "empty suppression" in d.message for d in result.diagnostics)
