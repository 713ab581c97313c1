"""Shared fixtures. Tests never read ../shared: they write their own packs to tmp_path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from scriptkit.cli import main, output

REPO = Path(__file__).resolve().parent.parent

# The tests compare scriptkit's output as plain text, so what the shell or CI job running them says
# about terminals must not reach it: FORCE_COLOR=1 (set by many CI setups) styled every report the
# CLI tests read, and SCRIPTKIT_DEBUG turns located errors into tracebacks. A test that needs one
# sets it itself. GITHUB_WORKSPACE and CI_PROJECT_DIR (set in GitHub's and GitLab's jobs) move the root
# the github, sarif and junit reports name files from.
for _variable in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "SCRIPTKIT_DEBUG", "GITHUB_WORKSPACE",
                  "CI_PROJECT_DIR"):
    os.environ.pop(_variable, None)

# A CLI run that a loaded machine makes last 10 s would add a "still working" line to the stderr a test
# compares; the tests of those lines set their own times.
output.STAGE_LINE_AFTER = 3600.0

# No Hypothesis deadline anywhere, with or without CI set (CI=true picks Hypothesis's "ci" profile,
# which has none; the default has 200 ms): on a loaded 2-core machine any example can take longer,
# and a test's time is pytest-timeout's business, not a reason to fail it.
settings.register_profile("scriptkit", settings(deadline=None))
settings.load_profile("scriptkit")


def run_cli(*args: str) -> Result:
    """``scriptkit ARGS`` in this process; it must end without a traceback or an unexpected exception."""
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def require_external(reason: str) -> NoReturn:
    """Skip when an external tool (Java, Maven, Chromium) is missing; fail in CI.

    CI sets SCRIPTKIT_REQUIRE_EXTERNAL=1 so a missing tool can never pass silently there.
    """
    if os.environ.get("SCRIPTKIT_REQUIRE_EXTERNAL") == "1":
        pytest.fail(f"required in CI but unavailable: {reason}")
    pytest.skip(reason)


@pytest.fixture
def make_pack(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a pack to disk: make_pack({"a.yaml": "..."}, pack_yaml="...") -> Path."""

    def _make(scripts: dict[str, str], pack_yaml: str = "name: Test pack\n") -> Path:
        root = tmp_path / "pack"
        (root / "scripts").mkdir(parents=True, exist_ok=True)
        (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
        for name, text in scripts.items():
            (root / "scripts" / name).write_text(text, encoding="utf-8")
        return root

    return _make
