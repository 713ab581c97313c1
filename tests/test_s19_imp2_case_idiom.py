"""Zendesk's usual 'name, capitalized, or there' Liquid is the placeholder with its fallback, the case filter named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

NAME = "ticket.requester.first_name"


def _import(tmp_path: Path, body: str) -> tuple[Any, str]:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [{"id": 77, "title": "Late parcel", "actions": [
        {"field": "comment_value", "value": body}]}]}), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(export), "--from", "zendesk", "-o", str(tmp_path / "pack")],
                                env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result, (tmp_path / "pack" / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("block", [
    f"{{% if {NAME} %}}{{{{{NAME} | capitalize}}}}{{% else %}}there{{% endif %}}",
    f"{{% if {NAME} != blank %}}{{{{ {NAME} | upcase }}}}{{% else %}}there{{% endif %}}",
    f"{{% unless {NAME} == empty %}}{{{{{NAME}|downcase}}}}{{% else %}}there{{% endunless %}}",
])
def test_a_case_filtered_name_or_there_is_the_placeholder_with_its_fallback(tmp_path: Path, block: str) -> None:
    result, script = _import(tmp_path, f"Hi {block}, the courier has your parcel again.")
    assert 'Hi {{ customer.first_name | fallback("there") }}, the courier has your parcel again.' in script
    assert "{{ blank." not in script
    assert "changes only the letters' case" in result.output and "macros.json:1:" in result.output


def test_another_filter_stays_a_blank(tmp_path: Path) -> None:
    _, script = _import(tmp_path, f"Hi {{% if {NAME} %}}{{{{{NAME} | truncate: 4}}}}{{% else %}}there{{% endif %}}, "
                                  "the courier has your parcel again.")
    assert "{{ blank." in script and "fallback(" not in script
