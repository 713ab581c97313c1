"""Session 36: `check --select SK406` with `ignore = ["SK406"]` in pyproject.toml printed "All clear" and passed: the
settings' ignore beat the command line's select. As in ruff (since 0.0.238), a --select on the command line starts
the selection afresh: the settings' select and ignore give way to it (the command line's --ignore still applies).
A command-line selection that then runs no rule (`--select grammar --grammar off`, `--select SK406 --ignore SK406`)
is an error, as a selection naming no known rule is: a run that checks nothing would pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.errors import ConfigError
from tests.conftest import run_cli

REPLY = ('id: late\ntitle: Late\nacknowledgment: "I can see your parcel is late."\n'
         'solution: "I have sent it again today."\n')


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "replies"\nversion = "0"\n\n'
                                             '[tool.scriptkit]\nignore = ["SK406"]\n', encoding="utf-8")
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "late.yaml").write_text(REPLY, encoding="utf-8")
    return tmp_path


def test_a_command_line_select_wins_over_the_settings_ignore(project: Path) -> None:
    assert "SK406" not in run_cli("check", "pack", "--grammar", "off").output  # (the settings' ignore holds)
    result = run_cli("check", "pack", "--grammar", "off", "--select", "SK406", "--format", "concise")
    assert result.exit_code == 1, result.output
    assert [line for line in result.output.splitlines() if "SK406" in line]


@pytest.mark.parametrize(("args", "why"), [
    (("--select", "grammar", "--grammar", "off"), "grammar"),
    (("--select", "SK406", "--ignore", "SK406", "--grammar", "off"), "--ignore"),
])
def test_a_command_line_selection_that_runs_no_rule_is_an_error(project: Path, args: tuple[str, ...],
                                                                  why: str) -> None:
    result = run_cli("check", "pack", *args)
    assert result.exit_code == 2, result.output
    assert "runs no rule" in result.output and why in result.output
    assert "All clear" not in result.output


def test_override_select_drops_the_settings_ignore() -> None:
    from scriptkit.rules import all_rules

    sk406 = next(r for r in all_rules() if r.code == "SK406")
    config = LintConfig(ignore=(Selector("SK406"),))
    assert not config.enabled(sk406)
    assert config.override(select="SK406").enabled(sk406)
    with pytest.raises(ConfigError, match="runs no rule"):
        config.override(select="SK406", ignore="SK406")
