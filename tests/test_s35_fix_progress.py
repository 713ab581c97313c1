"""`check --fix` says which round it is in and how far through the files, as the other stages do: a 4,824-script
pack's fix rounds ran for minutes after the last stage line, and the spinner was gone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from scriptkit.cli import check as check_command
from tests.test_cli_check import BAD, VOICE, run


def test_fix_rounds_are_told_as_stages(make_pack: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []

    @contextmanager
    def recording() -> Iterator[Callable[[str], None]]:
        yield said.append

    monkeypatch.setattr(check_command, "stages", recording)
    voice = VOICE.replace("swap: {store credit: refund}", "swap: {store credit: refund}\n"
                          "    - {name: full-refund, kind: substitution, swap: {offer refund: offer a full refund}}")
    root = make_pack({"a.yaml": BAD, "b.yaml": BAD.replace("refund-ask", "other")}, pack_yaml=voice)
    result = run("check", str(root), "--fix")
    assert "Fixed 4 problems in 2 file(s)." in result.output, result.output
    fixing = [label for label in said if label.startswith("Fixing")]
    # (each file planned, then the changed ones checked again; the round that finds nothing more is told too)
    assert fixing == ["Fixing: round 1, 1 of 2 files", "Fixing: round 1, 2 of 2 files",
                      "Fixing: round 1, checking 2 scripts again",
                      "Fixing: round 2, 1 of 2 files", "Fixing: round 2, 2 of 2 files",
                      "Fixing: round 2, checking 2 scripts again"], said
