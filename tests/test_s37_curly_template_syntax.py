"""Which literal text each '{{ }}' helpdesk is said to misread (SK505) follows what it documents: '{{' is its
variable syntax (an error that stops the export); '{%' and '{#' are Jinja tags and comments that Gorgias and Front
document nowhere (a warning: the export goes ahead); Intercom documents only '{{'."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import export
from scriptkit.diagnostics import Severity
from scriptkit.exporting import ExportRefused


def _pack(root: Path, solution: str) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Shop help\n", encoding="utf-8")
    (root / "scripts" / "a.yaml").write_text(
        "id: greeting-code\ntitle: Greeting code\n"
        "acknowledgment: \"I can see the greeting in your mail merge came out wrong.\"\n"
        f"solution: \"{solution}\"\n", encoding="utf-8")
    return root


TAG = "Type {% raw %}{%customer%}{% endraw %} in the greeting box, and I'll check it with you today."
VARIABLE = "Type {% raw %}{{customer}}{% endraw %} in the greeting box, and I'll check it with you today."


@pytest.mark.parametrize("fmt", ["front", "gorgias"])
def test_a_jinja_tag_is_a_warning_where_only_variables_are_documented(tmp_path: Path, fmt: str) -> None:
    result = export(_pack(tmp_path / "p", TAG), [fmt], tmp_path / "out", lint=False)  # (not refused)
    (found,) = [d for d in result.diagnostics if d.code == "SK505"]
    assert found.severity == Severity.WARNING and found.location is not None and found.location.line == 4
    assert "'{%'" in found.message and "may be read" in found.message
    assert result.files


def test_intercom_says_nothing_of_a_jinja_tag(tmp_path: Path) -> None:
    result = export(_pack(tmp_path / "p", TAG), ["intercom"], tmp_path / "out", lint=False)
    assert not [d for d in result.diagnostics if d.code == "SK505"]


@pytest.mark.parametrize("fmt", ["front", "gorgias", "intercom"])
def test_a_variable_still_stops_the_export(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(ExportRefused) as info:
        export(_pack(tmp_path / "p", VARIABLE), [fmt], tmp_path / "out", lint=False)
    assert any(d.code == "SK505" and d.severity == Severity.ERROR for d in info.value.diagnostics)


def test_help_scout_still_refuses_its_own_syntax(tmp_path: Path) -> None:
    with pytest.raises(ExportRefused) as info:
        export(_pack(tmp_path / "p", TAG), ["helpscout"], tmp_path / "out", lint=False)
    assert any(d.code == "SK505" and d.severity == Severity.ERROR for d in info.value.diagnostics)
