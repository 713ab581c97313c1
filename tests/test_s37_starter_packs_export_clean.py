"""The packs scriptkit ships (the starter pack `make demo` exports, and what `scriptkit init` writes)
export to Zendesk and the playbook with no warning: a first export should not greet a new user
with problems in the project's own examples."""
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main


def _export(pack: Path, out: Path) -> str:
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "zendesk", "--to", "playbook",
                                       "--out", str(out)], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_starter_pack_exports_to_the_demos_targets_without_warnings(tmp_path: Path) -> None:
    starter = tmp_path / "starter"
    assert CliRunner().invoke(main, ["init", str(starter), "--from", "starter"]).exit_code == 0
    output = _export(starter, tmp_path / "out")
    assert "warning" not in output and "SK5" not in output, output


def test_a_new_pack_exports_to_zendesk_without_warnings(tmp_path: Path) -> None:
    pack = tmp_path / "my-pack"
    assert CliRunner().invoke(main, ["init", str(pack)]).exit_code == 0
    output = _export(pack, tmp_path / "out")
    assert "warning" not in output and "SK5" not in output, output
