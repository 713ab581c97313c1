"""str(ExportRefused) leads with the refusal and the errors that caused it; its hint is for a Python caller."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from export_fixtures import write_pack

import scriptkit
from scriptkit.cli import main
from scriptkit.diagnostics import Severity

PACK = "name: Demo\n"
# one error (no solution: the reply says nothing of what happens next) among warnings and suggestions
THANKS = """\
id: thanks
title: "Orders::Thanks"
emotion: neutral
acknowledgment: "Thanks for getting in touch about your order."
solution: "{{ brand.name }} team"
"""


def test_str_leads_with_the_refusal_and_its_errors(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"thanks.yaml": THANKS}, PACK)
    with pytest.raises(scriptkit.ExportRefused) as refused:
        scriptkit.export(pack, ["zendesk"], tmp_path / "out")
    e = refused.value
    errors = [d for d in e.diagnostics if d.severity == Severity.ERROR]
    others = [d for d in e.diagnostics if d.severity != Severity.ERROR]
    assert len(errors) == 1 and others  # (the case the report is about)
    lines = str(e).splitlines()
    assert lines[0] == e.message and lines[0].startswith("export refused: 1 error(s)")
    assert errors[0].format() in lines[1]
    assert not any(d.format() in str(e) for d in others)  # counted, not listed: they did not refuse it
    assert f"{len(others)} warning(s) or suggestion(s)" in str(e)
    assert e.errors == errors
    assert "force=True" in (e.hint or "") and "force=True" in lines[-1]
    assert not (tmp_path / "out").exists()
    # the command line's own words stay --force
    result: Any = CliRunner().invoke(main, ["export", str(pack), "--to", "zendesk", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "--force" in result.stderr and "force=True" not in result.stderr
