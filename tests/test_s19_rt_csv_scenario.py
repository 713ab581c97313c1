"""scriptkit's own CSV export reads back with each script's scenario and emotion, as the guide says
the tool's own CSV does; neither column is named as unread."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli as _run


@pytest.mark.timeout(60)
def test_scenario_and_emotion_come_back_from_the_csv_export(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text('name: Garden shop\nversion: "1.0"\n', encoding="utf-8")
    (pack / "scripts" / "seeds.yaml").write_text(
        "id: seeds-missing\ntitle: Seeds missing\n"
        "scenario: 'The packet of tomato seeds was not in the box: the gardener is cross.'\n"
        "emotion: annoyed\nchannels: [email, chat]\n"
        "acknowledgment: I can see how annoying it is to open the box and find the seeds missing.\n"
        "solution: I've posted a fresh packet today, and it will reach you by Thursday.\n", encoding="utf-8")
    exported = _run("export", str(pack), "--to", "csv", "-o", str(tmp_path / "out"))
    assert exported.exit_code in (0, 1), exported.output
    sheet = tmp_path / "out" / "csv" / "scripts.csv"
    result = _run("import", str(sheet), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    assert "not read" not in result.output
    # (one script: the chat row is its chat text, merged back into it)
    assert [p.name for p in (tmp_path / "back" / "scripts").glob("*.yaml")] == ["seeds-missing.yaml"]
    script = yaml.safe_load((tmp_path / "back" / "scripts" / "seeds-missing.yaml").read_text(encoding="utf-8"))
    assert script["channels"] == ["email", "chat"]
    assert script["scenario"] == "The packet of tomato seeds was not in the box: the gardener is cross."
    assert script["emotion"] == "annoyed"
    assert "not read" not in (tmp_path / "back" / "pack.yaml").read_text(encoding="utf-8")
