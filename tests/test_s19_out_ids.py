"""A helpdesk macro id names one macro: two scripts giving the same one (a script file copied to start a new
script) are refused at the second's id, and an id in pack.yaml is refused by ``scriptkit check`` as by export."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import ConfigError, export
from scriptkit.cli import main

PACK = "name: Ids\nversion: 0.1.0\nchannels: {email: {greeting: '', signoff: ''}}\n"


def _script(ident: str, title: str, block: str) -> str:
    return (f"id: {ident}\ntitle: Orders::{title}\nacknowledgment: \"I'm sorry the parcel hasn't turned up.\"\n"
            "solution: \"I've posted a replacement by tracked courier this morning.\"\n"
            "flexibility: \"Name the courier if the customer asks.\"\n" + block)


def _pack(root: Path, scripts: dict[str, str], pack_yaml: str = PACK) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    for name, text in scripts.items():
        (root / "scripts" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def _copied(root: Path, target: str, second: str = "{id: 4410}") -> Path:
    return _pack(root, {
        "a-parcel-missing": _script("a-parcel-missing", "Parcel missing", f"export:\n  {target}: {{id: 4410}}\n"),
        "b-parcel-missing-abroad": _script("b-parcel-missing-abroad", "Parcel missing abroad",
                                           f"export:\n  {target}: {second}\n"),
    })


@pytest.mark.timeout(60)
@pytest.mark.parametrize("target", ["zendesk", "gorgias"])
def test_an_id_two_scripts_give_is_refused_at_the_second(tmp_path: Path, target: str) -> None:
    pack = _copied(tmp_path / "pack", target)
    # bad input, as check says, forced or not (a forced export wrote the second without the id)
    for force in (False, True):
        with pytest.raises(ConfigError) as refused:
            export(pack, [target], tmp_path / "out", lint=False, force=force)
        error = refused.value
        assert error.message == f"{target} id 4410 is also given to 'a-parcel-missing'" and error.location
        assert (error.location.file, error.location.line, error.location.col) == \
            (str(pack / "scripts" / "b-parcel-missing-abroad.yaml"), 7, 10 + len(target))
        assert error.hint and "Remove the id" in error.hint
        assert not (tmp_path / "out").exists()


@pytest.mark.timeout(60)
def test_check_refuses_an_id_two_scripts_give_at_the_second(tmp_path: Path) -> None:
    pack = _copied(tmp_path / "pack", "zendesk", second="{id: '4410', position: 3}")  # (digits as text: one id)
    result = CliRunner().invoke(main, ["check", str(pack)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert (f"{pack / 'scripts' / 'b-parcel-missing-abroad.yaml'}:7:17: error: zendesk id 4410 is also given to "
            "'a-parcel-missing'") in result.output


@pytest.mark.timeout(60)
def test_distinct_ids_and_a_skipped_copy_pass(tmp_path: Path) -> None:
    pack = _copied(tmp_path / "distinct", "zendesk", second="{id: 4411}")
    assert CliRunner().invoke(main, ["check", str(pack), "--fail-on", "error"]).exit_code == 0
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    skipped = _copied(tmp_path / "skipped", "zendesk", second="{id: 4410, skip: true}")
    assert CliRunner().invoke(main, ["check", str(skipped), "--fail-on", "error"]).exit_code == 0
    export(skipped, ["zendesk"], tmp_path / "out2", lint=False)
    # one id for zendesk and the same number for gorgias: two helpdesks' macros, no clash
    both = _pack(tmp_path / "both", {"a": _script("a", "Parcel missing", "export:\n  zendesk: {id: 7}\n"
                                                                        "  gorgias: {id: 7}\n")})
    assert CliRunner().invoke(main, ["check", str(both), "--fail-on", "error"]).exit_code == 0


@pytest.mark.timeout(60)
@pytest.mark.parametrize("target", ["zendesk", "gorgias"])
def test_check_refuses_an_id_in_pack_yaml_at_its_line_as_export_does(tmp_path: Path, target: str) -> None:
    pack = _pack(tmp_path / "pack", {"parcel-missing": _script("parcel-missing", "Parcel missing", "")},
                 PACK + f"export:\n  {target}:\n    id: 360777\n")
    checked = CliRunner().invoke(main, ["check", str(pack)])
    assert checked.exit_code == 2, checked.output
    assert "Traceback" not in checked.output
    message = f"{target} setting 'id' in pack.yaml gives every script the id of one macro"
    assert f"{pack / 'pack.yaml'}:6:9: error: {message}" in checked.output
    exported = CliRunner().invoke(main, ["export", str(pack), "--to", target, "-o", str(tmp_path / "out")])
    assert exported.exit_code == 2  # (it was a finding, SK506, exit 1)
    assert f"{pack / 'pack.yaml'}:6:9: error: {message}" in exported.output


@pytest.mark.timeout(60)
def test_an_id_in_pack_yaml_every_script_overrides_is_not_refused(tmp_path: Path) -> None:
    # (export sends no script to pack.yaml's id then, and check agrees with it)
    pack = _pack(tmp_path / "pack", {"parcel-missing": _script("parcel-missing", "Parcel missing",
                                                               "export:\n  zendesk: {id: 5}\n")},
                 PACK + "export:\n  zendesk:\n    id: 360777\n")
    assert CliRunner().invoke(main, ["check", str(pack), "--fail-on", "error"]).exit_code == 0
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
