"""``LintResult.report(stream, format)`` given a file name, a format alone or a binary stream is a
ConfigError saying what to pass, not an AttributeError or TypeError from a reporter's write."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from scriptkit.errors import ConfigError
from scriptkit.linting import lint_text
from scriptkit.reporters import FORMATS


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_for_the_stream_says_to_open_it(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = lint_text("We apologize for any inconvenience.")
    with pytest.raises(ConfigError) as caught:
        result.report("file.txt", fmt)  # type: ignore[arg-type]
    exc = caught.value
    assert exc.message == "report() writes to an open text stream, not the str 'file.txt'"
    assert exc.hint is not None
    assert f"with open('file.txt', 'w', encoding='utf-8') as out: result.report(out, '{fmt}')" in exc.hint
    assert not (tmp_path / "file.txt").exists()


def test_a_format_alone_says_the_stream_comes_first() -> None:
    with pytest.raises(ConfigError) as caught:
        lint_text("Thanks for writing in.").report("json")  # type: ignore[arg-type]
    assert caught.value.hint is not None and "result.report(sys.stdout, 'json')" in caught.value.hint


def test_a_binary_stream_says_to_open_in_text_mode() -> None:
    out = io.BytesIO()
    with pytest.raises(ConfigError, match="binary") as caught:
        lint_text("Thanks for writing in.").report(out, "json")  # type: ignore[arg-type]
    assert caught.value.hint is not None and "'w'" in caught.value.hint
    assert out.getvalue() == b""


def test_a_text_stream_still_gets_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    lint_text("Thanks for writing in.").report(sys.stdout, "json")
    assert '"diagnostics"' in capsys.readouterr().out
    buffer = io.StringIO()
    lint_text("Thanks for writing in.").report(buffer, "text")
    assert buffer.getvalue()
