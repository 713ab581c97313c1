"""A problem of the settings an export is judged by keeps its place in scriptkit.toml, headed as the settings'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

EXPORT = {"macros": [{"id": 1, "title": "Refund", "active": True, "actions": [{"field": "comment_value", "value": (
    "Hi,\n\nI'm sorry the parcel was late. I've refunded the delivery fee today, and you'll see it within "
    "5 days. If you'd rather have store credit, just say.\n\nBest,\nSam")}]}]}


def test_a_settings_problem_is_located_in_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text('fail_on = "error"\n\n[severity]\nSK999 = "error"\n', encoding="utf-8")
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps(EXPORT), encoding="utf-8")
    result = run_cli("audit", str(export))
    assert result.exit_code == 0, result.output
    assert "Problems of the settings: 1" in result.stdout and "Problems of the pack as a whole" not in result.stdout
    assert f"{tmp_path / 'scriptkit.toml'}:4:1 SK800 setting-not-applied" in result.stdout
    report = json.loads(run_cli("audit", str(export), "--format", "json").stdout)
    assert report["pack_problems"] == [] and report["summary"]["settings_problems"] == 1
    assert [(p["location"], p["code"]) for p in report["settings_problems"]] == [
        (f"{tmp_path / 'scriptkit.toml'}:4:1", "SK800")]


def test_the_text_report_names_the_settings_file_as_the_working_folder_reaches_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "scriptkit.toml").write_text('[severity]\nSK999 = "error"\n', encoding="utf-8")
    (tmp_path / "zendesk.json").write_text(json.dumps(EXPORT), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("audit", "zendesk.json")
    assert result.exit_code == 0, result.output
    assert ("\n  scriptkit.toml:2:1 SK800 setting-not-applied: unknown rule selector 'SK999' in severity"
            in result.stdout)


def test_the_html_report_heads_settings_problems_apart(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text('[severity]\nSK999 = "error"\n', encoding="utf-8")
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps(EXPORT), encoding="utf-8")
    result = run_cli("audit", str(export), "--html", str(tmp_path / "r.html"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    settings = page.split('<section id="settings-problems">', 1)[1].split("</section>", 1)[0]
    assert "Problems of the settings" in settings and "SK999" in settings and "scriptkit.toml:2:1" in settings
    assert 'id="pack-problems"' not in page
