"""A refused export printed every warning of a big pack (227,251 lines) before its one-line refusal: it now shows
the errors that stop it one by one and the rest counted by code, the refusal last."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scriptkit.exporting import ExportRefused, export, said_once_across_targets
from tests.test_s36_export_flood import _pack


def _refused_pack(root: Path, count: int) -> Path:
    # every script warns (no folder id, a blank the helpdesk cannot carry...), two share a zendesk title: an error
    return _pack(root, [f"Billing::Refund {n}" for n in range(count)] + ["Billing::Refund 0", "Billing::Refund 1"])


def test_a_refused_export_ends_with_its_errors_and_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from scriptkit.cli import main

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    pack = _refused_pack(tmp_path / "pack", 40)
    with pytest.raises(ExportRefused) as refused:
        export(pack, ["zendesk", "freshdesk"], tmp_path / "api")
    # (as the report tells them: a finding the same for both helpdesks, once)
    warned = [d for d in said_once_across_targets(refused.value.diagnostics) if d.severity.value != "error"]
    assert warned  # (the API's refusal keeps every finding)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "zendesk", "--to", "freshdesk",
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    out = result.output
    errors = [d for d in refused.value.diagnostics if d.severity.value == "error"]
    assert all(d.message in out for d in errors)
    # the warnings are counted by code, not listed one by one
    assert " warning " not in out, out
    codes = sorted({d.code for d in warned})
    for code in codes:
        assert re.search(rf"^ +{sum(d.code == code for d in warned):,}  {code} ", out, re.MULTILINE), (code, out)
    assert "scriptkit check" in out
    assert re.search(r"^Errors that stop the export: 2\n +2  SK507  duplicate-title$", out, re.MULTILINE), out
    tail = out.strip().splitlines()[-1]
    assert tail.startswith("export refused"), out
    assert len(out.splitlines()) < 60, out
