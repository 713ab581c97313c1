"""``scriptkit check`` of a big pack said "Checking 6000 scripts" and then nothing for minutes, where audit counts
the scripts judged so far (lint_pack's ``progress``, as each batch comes back from the workers)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.packgen import generate
from scriptkit import parallel
from scriptkit.cli import check, output
from tests.conftest import run_cli

SCRIPTS = 24


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="worker processes need the fork start method")
def test_check_counts_the_scripts_judged_so_far(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_SCRIPTS", 4)  # (workers on a small pack: the path a big one takes)
    monkeypatch.setattr(parallel, "_cpus", lambda: 2)
    root = generate(tmp_path / "pack", SCRIPTS, seed=3)
    named: list[str] = []
    real = output.stages

    @contextmanager
    def recorded() -> Iterator[Callable[[str], None]]:  # (each stage check names, as the teller hears it)
        with real() as tell:
            yield lambda label: (named.append(label), tell(label))[1]

    monkeypatch.setattr(check, "stages", recorded)
    result = run_cli("check", str(root), "--grammar", "off", "--jobs", "2")
    assert result.exit_code in (0, 1), result.output
    counts = [label for label in named if label.startswith(f"Checking {SCRIPTS} scripts: ")]
    assert counts and counts[-1] == f"Checking {SCRIPTS} scripts: {SCRIPTS} done", named
