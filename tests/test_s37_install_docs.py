"""A first-time installer's path: the README shows a plain install and warns off the same-named
project, `make demo` installs scriptkit without the dev tools while `make test` still gets them,
and the shell completion lines the docs give are ones scriptkit answers."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

REPO = Path(__file__).resolve().parent.parent


def test_readme_shows_a_user_install_and_warns_about_the_same_named_project() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    install = readme.index("python -m pip install .")
    warning = readme.index("(`pip install scriptkit`)")
    assert install < warning < readme.index("make demo")
    assert "another, unrelated project" in readme


def _dry_run(tmp_path: Path, target: str) -> str:
    for name in ("Makefile", "pyproject.toml"):
        if not (tmp_path / name).exists():  # (a fresh copy would be newer than a stamp made after it)
            shutil.copy(REPO / name, tmp_path / name)
    return subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_demo_installs_no_dev_tools_but_make_test_does(tmp_path: Path) -> None:
    demo = _dry_run(tmp_path, "demo")
    assert "pip install -q -e ." in demo and "[dev]" not in demo, demo
    assert "pip install -q -e '.[dev]'" in _dry_run(tmp_path, "test")


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_a_venv_with_the_dev_tools_serves_the_demo_without_installing(tmp_path: Path) -> None:
    test_plan = _dry_run(tmp_path, "test")
    stamp = re.search(r"touch (\.venv/\.installed-\S+)", test_plan)
    assert stamp, test_plan
    (tmp_path / stamp.group(1)).parent.mkdir()
    (tmp_path / stamp.group(1)).touch()
    assert "pip install" not in _dry_run(tmp_path, "demo")


def test_documented_completion_lines_are_answered_by_scriptkit() -> None:
    index = (REPO / "docs" / "index.md").read_text(encoding="utf-8")
    shells = re.findall(r"_SCRIPTKIT_COMPLETE=(\w+)_source scriptkit", index)
    assert set(shells) >= {"bash", "zsh", "fish"}
    for shell in shells:
        result = CliRunner().invoke(main, [], prog_name="scriptkit", env={"_SCRIPTKIT_COMPLETE": f"{shell}_source"})
        assert result.exit_code == 0 and "_scriptkit_completion" in result.output, (shell, result.output)
