"""An item with no reply text is skipped, not refused: a located line, exit code 0, and pack.yaml's header
names it, so nothing is lost without a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.mark.timeout(60)
def test_a_macro_with_no_reply_is_skipped_and_named_in_pack_yaml(tmp_path: Path) -> None:
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"macros": [
        {"id": 1, "title": "Late", "actions": [{"field": "comment_value", "value": "I'm sorry it is late. I have "
                                                                                  "sent a new one today."}]},
        {"id": 2, "title": "Tag it", "actions": [{"field": "current_tags", "value": "vip"}]},
    ]}, indent=1), encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    text = source.read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index('"Tag it"')) + 1
    assert f"skipped: {source}:{line}:" in result.output
    header = (tmp_path / "pack" / "pack.yaml").read_text(encoding="utf-8").split("\nname:")[0]
    assert f"# Note: not imported, as it holds no reply text: {source}:{line}:" in header
    assert "macro 2 'Tag it'" in header
