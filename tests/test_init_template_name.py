"""`scriptkit init --from` with a misspelt template name suggests the one meant."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main


def test_a_misspelt_template_name_suggests_the_one_meant(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "p"), "--from", "startr"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2
    assert "error: no built-in template named 'startr'. Did you mean 'starter'? Known: new, starter." in result.output
    assert not (tmp_path / "p").exists()
