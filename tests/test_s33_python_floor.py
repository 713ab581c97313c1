"""The Python floor is said once and kept everywhere. It said 3.10 while the code's regexes use
possessive quantifiers and atomic groups (3.11+): on 3.10 the wheel installed, then every command
crashed with re.error."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _floor() -> tuple[int, int]:
    found = re.fullmatch(r">=\s*3\.(\d+)", PYPROJECT["project"]["requires-python"])
    assert found, PYPROJECT["project"]["requires-python"]
    return 3, int(found[1])


def test_the_floor_is_3_11_because_the_regexes_need_it() -> None:
    assert _floor() >= (3, 11)
    re.compile(r"(?>a+)b*+")  # (the syntax that needs it: this interpreter must read it)


def test_lint_typecheck_and_classifiers_agree_with_the_floor() -> None:
    major, minor = _floor()
    assert PYPROJECT["tool"]["ruff"]["target-version"] == f"py{major}{minor}"
    assert PYPROJECT["tool"]["mypy"]["python_version"] == f"{major}.{minor}"
    versions = [tuple(map(int, c.rsplit(" ", 1)[1].split("."))) for c in PYPROJECT["project"]["classifiers"]
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    assert versions and min(versions) == (major, minor)


def test_no_dependency_is_only_for_pythons_below_the_floor() -> None:
    # (tomli was: tomllib is in the standard library from 3.11)
    _, minor = _floor()
    for dep in PYPROJECT["project"]["dependencies"]:
        below = re.search(r"python_version\s*<\s*['\"]3\.(\d+)", dep)
        assert below is None or int(below[1]) > minor, dep
