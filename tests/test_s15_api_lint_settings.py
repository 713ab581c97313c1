"""``lint_pack`` checks a pack's ``export:`` settings as ``scriptkit check`` does: a Python CI job that
lints a pack clean is not then refused by ``export``; the command line still checks them once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit import exporting
from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Orders::Late\n"
          "acknowledgment: I can see how frustrating it is that order {{ order.number }} is late.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


def config() -> scriptkit.LintConfig:
    return scriptkit.LintConfig().override(grammar="off")


def test_an_unknown_setting_raises_config_error_where_check_reports_it(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT + "export:\n  zendesk:\n    skp: true\n"})
    with pytest.raises(scriptkit.ConfigError) as raised:
        scriptkit.lint_pack(scriptkit.load_pack(root), config())
    error = raised.value
    assert "unknown zendesk export setting 'skp'" in error.message and "'skip'" in (error.hint or "")
    assert error.location is not None
    assert (Path(error.location.file), error.location.line, error.location.col) == (root / "scripts/late.yaml", 7, 5)
    checked = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    # (the same place and words as the command line)
    assert checked.exit_code == 2 and f"{error.location}: error: {error.message}" in checked.output


def test_several_wrong_values_raise_one_error_group(make_pack: Any) -> None:
    pack_yaml = "name: Values\nexport:\n  gorgias:\n    status: pending\n    default_filter: maybe\n"
    root = make_pack({"late.yaml": SCRIPT}, pack_yaml)
    with pytest.raises(scriptkit.ErrorGroup) as raised:
        scriptkit.lint_pack(scriptkit.load_pack(root), config())
    places = sorted((e.location.line, e.message.split(" ")[2]) for e in raised.value.errors if e.location)
    assert [line for line, _ in places] == [4, 5], raised.value.errors
    assert all(isinstance(e, scriptkit.ConfigError) for e in raised.value.errors)


def test_an_unknown_target_under_targets_is_refused(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT}, "name: T\nexport:\n  targets: [zendesk, freshdsk]\n")
    with pytest.raises(scriptkit.ConfigError, match="unknown export target 'freshdsk'"):
        scriptkit.lint_pack(scriptkit.load_pack(root), config())


def test_export_settings_false_judges_the_text_alone(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT + "export:\n  zendesk:\n    skp: true\n"})
    pack = scriptkit.load_pack(root)
    result = scriptkit.lint_pack(pack, config(), export_settings=False)
    assert [m.script_id for m in result.messages] and result.rules


def test_a_pack_fixed_after_a_refusal_lints(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT}, "name: V\nexport:\n  freshdesk:\n    visibility: everyone\n")
    with pytest.raises(scriptkit.ConfigError, match="visibility 'everyone'"):
        scriptkit.lint_pack(scriptkit.load_pack(root), config())
    (root / "pack.yaml").write_text("name: V\nexport:\n  freshdesk:\n    visibility: all\n", encoding="utf-8")
    assert scriptkit.lint_pack(scriptkit.load_pack(root), config()).messages


def test_settings_are_read_once_by_the_command_line(make_pack: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_pack({"late.yaml": SCRIPT}, "name: Once\nexport:\n  zendesk:\n    variants: first\n")
    checked: list[str] = []
    real = exporting.check_settings

    def counted(pack: scriptkit.Pack) -> None:
        checked.append(pack.name)
        real(pack)

    monkeypatch.setattr(exporting, "check_settings", counted)
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    assert checked == ["Once"]


def test_a_pack_changed_in_place_is_checked_again(make_pack: Any) -> None:
    # (each lint_pack reads the settings as they are now: a Pack found sound once may be changed after)
    pack = scriptkit.load_pack(make_pack({"late.yaml": SCRIPT}, "name: Live\n"))
    scriptkit.lint_pack(pack, config())
    pack.meta.export["zendesk"] = {"restriction": {"type": "Group"}}
    with pytest.raises(scriptkit.ConfigError, match="restriction"):
        scriptkit.lint_pack(pack, config())


def test_export_refuses_a_wrong_value_as_check_does_force_or_not(make_pack: Any, tmp_path: Path) -> None:
    # (it was a finding, SK506, that force=True passed: a wrong value is bad input, exit code 2, as check says)
    root = make_pack({"late.yaml": SCRIPT}, "name: F\nexport:\n  gorgias:\n    status: pending\n")
    for force in (False, True):
        with pytest.raises(scriptkit.ConfigError) as refused:
            scriptkit.export(root, "gorgias", tmp_path / "out", grammar="off", force=force)
        assert "status 'pending'" in refused.value.message and refused.value.exit_code == 2
        assert refused.value.location is not None and refused.value.location.line == 4
        assert refused.value.hint == "Use one of: open, closed."
        assert not (tmp_path / "out").exists()
    # (a typo in a helpdesk not exported does not stop the others)
    assert scriptkit.export(root, "csv", tmp_path / "out", grammar="off").counts == {"csv": 1}
