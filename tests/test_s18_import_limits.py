"""An import never writes a pack its own check refuses: a body under the import's limit whose literal
'{{' grow, once written for Jinja, past the template limit check reads is refused at the item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run


def _export(path: Path) -> None:
    long = "We sent the parcel today. " + "Type {{ or {{ here. " * 1800  # ~34,000 characters, ~66,000 once escaped
    short = "We sent the parcel today. Type {{ at the prompt."
    macros = [{"id": 1, "title": "Long", "actions": [{"field": "comment_value", "value": long}]},
              {"id": 2, "title": "Short", "actions": [{"field": "comment_value", "value": short}]}]
    path.write_text(json.dumps({"macros": macros}), encoding="utf-8")


@pytest.mark.timeout(120)
def test_a_macro_whose_escaped_text_check_would_refuse_is_refused_at_the_item(tmp_path: Path) -> None:
    data = tmp_path / "macros.json"
    _export(data)
    out = tmp_path / "pack"
    result = _run("import", str(data), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert f"{data}:1:" in result.output and "macro 1 'Long'" in result.output
    assert "check reads at most 50,000" in result.output
    assert not out.exists()
    result = _run("import", str(data), "--out", str(out), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert "macro 1 'Long'" in result.output and "left out 1 unreadable item(s)" in result.output
    assert [p.name for p in (out / "scripts").iterdir()] == ["short.yaml"]
    assert _run("check", str(out)).exit_code != 2  # (findings, maybe; never refused)


@pytest.mark.timeout(120)
def test_library_write_refuses_it_too(tmp_path: Path) -> None:
    from scriptkit import import_library
    from scriptkit.errors import ScriptkitError

    data = tmp_path / "macros.json"
    _export(data)
    with pytest.raises(ScriptkitError, match="check reads at most 50,000") as caught:
        import_library(data).write(tmp_path / "pack")
    assert caught.value.location is not None and caught.value.location.file == str(data)
    assert not (tmp_path / "pack").exists()
