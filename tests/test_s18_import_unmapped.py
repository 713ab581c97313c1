"""'{{ author }}', a name no helpdesk fills, is a placeholder that did not map whatever the export: the audit
holds the macro and counts it, as it does for a CSV library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run

_BODY = "Hey @{{ author }}! I have posted the new lamp today and it will be with you on Friday."




def _exports(folder: Path) -> dict[str, Path]:
    html = f"<p>{_BODY}</p>"
    shapes = {
        "zendesk.json": {"macros": [{"id": 1, "title": "Lamp", "actions": [
            {"field": "comment_value", "value": _BODY}]}]},
        "helpscout.json": {"_embedded": {"saved-replies": [{"id": 2, "name": "Lamp", "text": html}]}},
        "salesforce.json": {"totalSize": 1, "done": True, "records": [
            {"attributes": {"type": "QuickText"}, "Id": "0QT9", "Name": "Lamp", "Message": _BODY}]},
        "gorgias.json": {"data": [{"id": 3, "name": "Lamp", "language": "en", "actions": [
            {"name": "setResponseText", "type": "user", "arguments": {"body_html": html, "body_text": _BODY}}]}]},
        "front.json": {"_results": [{"id": "rsp_9", "name": "Lamp", "body": html}]},
    }
    out = {}
    for name, data in shapes.items():
        out[name] = folder / name
        out[name].write_text(json.dumps(data), encoding="utf-8")
    out["library.csv"] = folder / "library.csv"
    out["library.csv"].write_text(f'Name,Text\nLamp,"{_BODY}"\n', encoding="utf-8")
    return out


@pytest.mark.timeout(120)
def test_a_name_no_helpdesk_fills_is_unmapped_in_every_format(tmp_path: Path) -> None:
    for name, path in _exports(tmp_path).items():
        result = _run("audit", str(path), "--grammar", "off", "--format", "json")
        assert result.exit_code in (0, 1), (name, result.output)
        report = json.loads(result.stdout)
        (macro,) = report["macros"]
        assert [u["text"] for u in macro["unmapped_placeholders"]] == ["{{ author }}"], name
        pack = tmp_path / f"pack-{name}"
        result = _run("import", str(path), "--out", str(pack))
        assert result.exit_code == 0, (name, result.output)
        script = (pack / "scripts" / "lamp.yaml").read_text(encoding="utf-8")
        assert "{{ blank.author }}" in script and "cannot map" in script, name
