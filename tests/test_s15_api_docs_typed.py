"""The programs docs/python shows type-check under ``mypy --strict`` against the installed package, as a
developer of another tool checks theirs: every name, argument and return type on the page exists as
written (the pages' own commands already prove they run: see test_s13_api)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hooks() -> ModuleType:
    pytest.importorskip("mkdocs", reason="the docs tools come with the dev extra: pip install -e '.[dev]'")
    pytest.importorskip("mypy", reason="mypy comes with the dev extra")
    spec = importlib.util.spec_from_file_location("scriptkit_docs_hooks_s15", REPO / "docs" / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def written_programs(hooks: ModuleType, page: str, workspace: Path) -> list[str]:
    """The page's Python files, written (and its commands run) as the site build does."""
    hooks.process_markdown((REPO / "docs" / "python" / page).read_text(encoding="utf-8"), workspace, page)
    return sorted(p.name for p in workspace.glob("*.py"))


def mypy_strict(files: list[str], cwd: Path) -> dict[str, list[str]]:
    """mypy --strict's errors by file (one run for a page: a run reads the package's types afresh, ~10 s)."""
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", "/dev/null",
                           *files], capture_output=True, text=True, cwd=cwd, timeout=280)
    assert done.returncode in (0, 1), done.stdout + done.stderr  # (2: mypy itself could not run)
    errors: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        if ": error: " in line:
            errors.setdefault(line.split(":", 1)[0], []).append(line)
    return errors


def test_the_python_guide_s_programs_are_strictly_typed(hooks: ModuleType, tmp_path: Path) -> None:
    files = written_programs(hooks, "index.md", tmp_path)
    assert {"render_example.py", "lint_pack_example.py", "export_example.py", "errors_example.py"} <= set(files)
    # (and the check reads scriptkit's types: a wrong annotation of a value it returns fails)
    example = (tmp_path / "lint_pack_example.py").read_text(encoding="utf-8")
    (tmp_path / "wrong_annotation.py").write_text(example.replace(
        'pack = scriptkit.load_pack("pack")', 'pack: str = scriptkit.load_pack("pack")'), encoding="utf-8")
    # (lint_text's file= takes a Path, as its docs and its argument check say: a client passing one type-checks)
    (tmp_path / "path_file.py").write_text(
        "from pathlib import Path\n\nimport scriptkit\n\n"
        "result = scriptkit.lint_text('Hi, sorry!', file=Path('draft.txt'))\n", encoding="utf-8")
    errors = mypy_strict([*files, "wrong_annotation.py", "path_file.py"], tmp_path)
    assert list(errors) == ["wrong_annotation.py"], errors
    assert 'expression has type "Pack", variable has type "str"' in errors["wrong_annotation.py"][0]


@pytest.fixture(scope="module")
def plugin_errors(hooks: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    workspace = tmp_path_factory.mktemp("plugins")
    files = written_programs(hooks, "plugins.md", workspace)
    assert {"acme_rules.py", "acme_pack_rules.py", "kustomer_scriptkit.py", "try_rule.py", "try_pack_rule.py",
            "try_target.py"} <= set(files)
    return mypy_strict(files, workspace)


def test_the_plugin_page_s_rule_and_target_are_strictly_typed(plugin_errors: dict[str, list[str]]) -> None:
    assert not {f: e for f, e in plugin_errors.items() if f != "try_target.py"}, plugin_errors


def test_a_base_target_subclass_is_a_target_to_mypy(plugin_errors: dict[str, list[str]]) -> None:
    assert "try_target.py" not in plugin_errors, plugin_errors["try_target.py"]
