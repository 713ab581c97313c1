"""The README is the first page a user reads and is not built by mkdocs: what it shows must run.

A content writer follows "30 seconds" literally: `scriptkit init my-pack`, then saves the script
shown under it in `my-pack/scripts/`. A Python caller pastes the Python example.
"""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def test_the_readme_script_saved_beside_the_example_of_init_checks_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", "my-pack"]).exit_code == 0
    [script] = _blocks("yaml")
    Path("my-pack/scripts/readme-example.yaml").write_text(script, encoding="utf-8")
    result = runner.invoke(main, ["check", "my-pack"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output  # (a clash with init's own script was exit 2)
    # (the first script a newcomer writes is the example of a good one: not even a suggestion; it had "email is
    # 45 words; 50-125 usually reads best")
    assert "All clear" in result.output, result.output
    shown = runner.invoke(main, ["render", "my-pack", "--preview"], env={"NO_COLOR": "1"})
    assert shown.exit_code == 0, shown.output
    assert "free replacement today" in shown.output


def test_the_readme_python_example_runs_from_a_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    [example] = _blocks("python")
    monkeypatch.chdir(REPO)  # (it reads templates/starter from a checkout, as `make demo` does)
    out = io.StringIO()
    with redirect_stdout(out):
        exec(compile(example, "README.md", "exec"), {})
    assert "late-delivery Hi Maya," in out.getvalue()
