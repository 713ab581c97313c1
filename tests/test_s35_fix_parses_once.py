"""--fix parses a file's text once per text: fix_file parsed it, then verify parsed the same text again, a third of
the time --fix took on a 4,824-script pack; and many files are fixed on worker processes, as they are checked
(fixes and findings unchanged)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from scriptkit import fixing
from scriptkit.diagnostics import Edit

SCRIPT = 'id: late\ntitle: Late parcel\nwarm_language: "PLEASE NOTE!!! I\'m here to help."\n'


def test_a_file_is_parsed_once_before_and_once_after_its_edits(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "late.yaml"
    script.write_text(SCRIPT, encoding="utf-8")
    start = SCRIPT.index("PLEASE NOTE!!! ")
    parsed: list[str] = []

    class Counting(fixing.YAML):  # type: ignore[misc]
        def load(self, stream: Any) -> Any:
            parsed.append(stream)
            return super().load(stream)

    monkeypatch.setattr(fixing, "YAML", Counting)
    getattr(fixing._parse, "cache_clear", lambda: None)()
    fix = fixing.fix_file(str(script), [Edit(str(script), start, start + len("PLEASE NOTE!!! "), "")], SCRIPT)
    assert fix.after == SCRIPT.replace("PLEASE NOTE!!! ", "") and fix.refused == []
    assert parsed == [SCRIPT, fix.after]


def test_many_files_are_fixed_on_workers_as_one_process_fixes_them(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # (--fix -j2 of 4,824 scripts verified every file's fixes in one process, while the check itself used two)
    from scriptkit import parallel
    from scriptkit.diagnostics import Diagnostic, Fix, Location, Severity

    monkeypatch.setattr(parallel, "MIN_SCRIPTS", 4)
    found = []
    for n in range(10):
        script = tmp_path / f"late-{n}.yaml"
        text = SCRIPT.replace("id: late", f"id: late-{n}")
        script.write_text(text, encoding="utf-8")
        start = text.index("PLEASE NOTE!!! ")
        edit = Edit(str(script), start, start + len("PLEASE NOTE!!! "), "")
        found.append(Diagnostic("SK201", "shouting", "no shouting", Severity.WARNING, Location(str(script), 3, 16),
                                fix=Fix("drop it", (edit,))))
    fix_file = fixing.fix_file

    def noting(path: str, *rest: Any) -> fixing.FileFix:
        fix = fix_file(path, *rest)
        fix.bom = str(os.getpid())  # (the process that made it, carried back with it)
        return fix

    monkeypatch.setattr(fixing, "fix_file", noting)
    one = fixing.plan(found, jobs=1)
    two = fixing.plan(found, jobs=2)
    assert [(p.path, p.before, p.after, p.applied, p.refused) for p in two] == \
           [(p.path, p.before, p.after, p.applied, p.refused) for p in one]
    assert all(p.after == p.before.replace("PLEASE NOTE!!! ", "") for p in two)
    assert {p.bom for p in one} == {str(os.getpid())}
    assert str(os.getpid()) not in {p.bom for p in two}  # (made by the workers: one or both, as they took them)
