"""QA round 2 of session 37: a Liquid filter's placeholder with one closing brace, a mail-merge field with a
space, a mail-merge fallback, the audit's score line, a title's direction, help text spacing, --html's value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main

_REST = "I'm sorry your parcel is late. I've asked the courier to trace it today, and I'll email you by Friday."


def _zendesk(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "export.json"
    macro = {"id": 3, "title": "Late", "actions": [{"field": "comment_value", "value": f"{body} {_REST}"}]}
    path.write_text(json.dumps({"macros": [macro]}), encoding="utf-8")
    return path


@pytest.mark.timeout(60)
@pytest.mark.parametrize("opened", ['{{ticket.requester.first_name | default: "there"}',
                                    "{{ticket.requester.first_name|fallback:'there'}"])
def test_a_filtered_placeholder_with_one_closing_brace_is_told_and_caps(tmp_path: Path, opened: str) -> None:
    export = _zendesk(tmp_path, f"Hi {opened},")
    report = scriptkit.audit_library(export, "zendesk", grammar="off")
    assert [u.text for _, u in report.unmapped] == [opened], report.unmapped
    assert report.macros[0].capped
    ran = CliRunner().invoke(main, ["audit", str(export), "--from", "zendesk", "--grammar", "off"])
    said = " ".join(ran.output.split())
    assert f"{opened}: a brace missing: write {opened}}}" in said, said
    assert "export.json:1:" in said
