"""An error in ``scriptkit.toml`` is named relative to the working folder, as other errors are: it was the
absolute path."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

REPLY = "Please be advised that links expire after one hour. Kindly request a new link.\n"


def _run(*args: str, stdin: str | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"}, input=stdin)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(autouse=True)
def _workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("where", ["here", "sub"])
def test_an_error_in_scriptkit_toml_is_named_from_the_working_folder(tmp_path: Path, where: str) -> None:
    folder = tmp_path if where == "here" else tmp_path / "sub"
    folder.mkdir(exist_ok=True)
    (folder / "scriptkit.toml").write_text('fail-on = "nope"\n', encoding="utf-8")
    (folder / "reply.txt").write_text(REPLY, encoding="utf-8")
    given = "reply.txt" if where == "here" else "sub/reply.txt"
    result = _run("review", given)
    assert result.exit_code == 2
    named = "scriptkit.toml" if where == "here" else "sub/scriptkit.toml"
    assert result.stderr.startswith(f"{named}:1:11: "), result.stderr
    assert str(tmp_path) not in result.stderr


def test_a_toml_syntax_error_is_named_from_the_working_folder(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text("fail-on = \n", encoding="utf-8")
    result = _run("review", "-", stdin=REPLY)
    assert result.exit_code == 2
    assert result.stderr.startswith("scriptkit.toml:1:"), result.stderr


def test_settings_above_the_working_folder_stay_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "scriptkit.toml").write_text('fail-on = "nope"\n', encoding="utf-8")
    (tmp_path / "inner").mkdir()
    monkeypatch.chdir(tmp_path / "inner")
    result = _run("review", "-", stdin=REPLY)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path.resolve() / 'scriptkit.toml'}:1:11: "), result.stderr


def test_a_folder_named_scriptkit_toml_is_named_from_the_working_folder(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").mkdir()
    result = _run("review", "-", stdin=REPLY)
    assert result.exit_code == 2
    assert result.stderr.startswith("scriptkit.toml: error: "), result.stderr
