"""`check --diff` on a large pack: the diff ended with no count of the files it changes, `--fix --diff` silently
wrote nothing (the diff won), and without a terminal one stage line came at 10 s, then nothing while the diff's
fix rounds ran."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from scriptkit.cli import check as check_command
from tests.test_cli_check import BAD, GOOD, VOICE, run


def test_diff_ends_with_how_many_files_would_change(make_pack: Any) -> None:
    root = make_pack({"a.yaml": BAD, "b.yaml": BAD.replace("refund-ask", "other"),
                      "c.yaml": GOOD.replace("refund-ask", "third")}, pack_yaml=VOICE)
    result = run("check", str(root), "--diff")
    assert result.exit_code == 1, result.output
    assert "+solution:" in result.stdout
    assert "2 files would change: `scriptkit check" in result.stderr, result.stderr
    assert "would change" not in result.stdout  # (the patch stays a patch)


def test_fix_with_diff_says_nothing_is_written(make_pack: Any) -> None:
    root = make_pack({"a.yaml": BAD}, pack_yaml=VOICE)
    before = (root / "scripts" / "a.yaml").read_text()
    result = run("check", str(root), "--fix", "--diff")
    assert result.exit_code == 1, result.output
    assert (root / "scripts" / "a.yaml").read_text() == before
    lines = [line for line in result.stderr.splitlines() if "--fix" in line and "--diff" in line]
    assert len(lines) == 1 and "nothing is written" in lines[0], result.stderr
    assert "1 file would change" in result.stderr


def test_diff_without_fix_does_not_mention_fix_being_ignored(make_pack: Any) -> None:
    root = make_pack({"a.yaml": BAD}, pack_yaml=VOICE)
    assert "nothing is written" not in run("check", str(root), "--diff").stderr


def test_diff_rounds_are_told_as_stages(make_pack: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []

    @contextmanager
    def recording() -> Iterator[Callable[[str], None]]:
        yield said.append

    monkeypatch.setattr(check_command, "stages", recording)
    root = make_pack({"a.yaml": BAD, "b.yaml": BAD.replace("refund-ask", "other")}, pack_yaml=VOICE)
    run("check", str(root), "--diff")
    assert "Fixing: round 1, 2 of 2 files" in said, said
    assert "Fixing: round 1, checking 2 scripts again" in said, said

