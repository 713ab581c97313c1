"""A text report of 35,000 findings (183,000 lines) ended on its last finding's summary, with nothing saying that
`--statistics` counts them by rule: from ``STATISTICS_HINT_FROM`` findings it ends with one line pointing at it."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.cli import check as check_command
from tests.test_cli_check import BAD, VOICE, run


def _many(n: int) -> dict[str, str]:
    return {f"s{i}.yaml": BAD.replace("refund-ask", f"s{i}") for i in range(n)}


def test_a_long_text_report_ends_with_a_pointer_to_statistics(make_pack: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_command, "STATISTICS_HINT_FROM", 3)
    root = make_pack(_many(3), pack_yaml=VOICE)
    out = run("check", str(root)).stdout
    assert out.rstrip().splitlines()[-1].startswith("3 findings: `scriptkit check"), out
    assert "--statistics` counts them by rule" in out


def test_a_short_report_and_other_formats_have_no_pointer(make_pack: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_command, "STATISTICS_HINT_FROM", 4)
    root = make_pack(_many(3), pack_yaml=VOICE)
    assert "--statistics" not in run("check", str(root)).stdout
    monkeypatch.setattr(check_command, "STATISTICS_HINT_FROM", 1)
    assert "--statistics" not in run("check", str(root), "--format", "json").stdout
    assert "--statistics` counts" not in run("check", str(root), "--statistics").stdout
