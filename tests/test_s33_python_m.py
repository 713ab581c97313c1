"""`python -m scriptkit` runs the CLI (it said "No module named scriptkit.__main__")."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_python_m_scriptkit_runs_the_cli() -> None:
    version = subprocess.run([sys.executable, "-m", "scriptkit", "--version"], capture_output=True, text=True,
                             timeout=120)
    assert version.returncode == 0, version.stderr
    assert "0.1.0" in version.stdout
    bad = subprocess.run([sys.executable, "-m", "scriptkit", "no-such-command"], capture_output=True, text=True,
                         timeout=120)
    assert bad.returncode == 2 and "no-such-command" in bad.stderr and "Traceback" not in bad.stderr
    assert "Usage: python -m scriptkit" in bad.stderr or "Usage: scriptkit" in bad.stderr
