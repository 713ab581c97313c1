"""The README's Python example works where a Python developer runs it: anywhere, not only at
the root of a checkout (it read "templates/starter", a folder an installed scriptkit has not)."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_readme_python_example_runs_outside_a_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [example] = re.findall(r"```python\n(.*?)```", README, re.S)
    monkeypatch.chdir(tmp_path)  # (no templates/ folder here)
    out = io.StringIO()
    with redirect_stdout(out):
        exec(compile(example, "README.md", "exec"), {})
    assert "late-delivery Hi Maya," in out.getvalue()
