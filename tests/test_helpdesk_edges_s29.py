"""Helpdesk import/export edges (session 29): a lone Front template read once; a Salesforce standard and custom
field kept apart; a Freshdesk folder named when the Salesforce export drops it; nested lists in HTML exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import scriptkit.importers.common as common
from scriptkit import import_library


def test_a_lone_front_template_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """front.read parsed a file of one template twice: once as a list export (which failed), then again."""
    parses: list[str] = []
    real = common.loads_once

    def counted(text: str) -> Any:
        parses.append(text)
        return real(text)

    monkeypatch.setattr(common, "loads_once", counted)
    path = tmp_path / "refund.json"
    path.write_text(json.dumps({"id": "rsp_7", "name": "Refund sent",
                                "body": "<p>Thanks for your patience. I've sent the refund today.</p>"}))
    [macro] = import_library(path, "front").macros
    assert macro.raw.settings.get("id") == "rsp_7"
    assert len(parses) == 1
