"""Session 36's scale review of the audit of an export file: the temporary pack it is imported into is gone
before the long lint, and the report lists each group of exact copies once among the worst macros."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import scriptkit.linting
from scriptkit.audit import audit

ANSWER = ("Hi {{ticket.requester.first_name}},\n\nThanks for telling us about the late parcel. I've asked the courier "
          "to trace it and will write by Friday.\n\nBest,\n{{current_user.first_name}}")


def _zendesk(tmp_path: Path, bodies: list[str]) -> Path:
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps({"macros": [
        {"id": 100 + i, "title": f"Parcel {i}", "active": True, "actions": [{"field": "comment_value", "value": body}]}
        for i, body in enumerate(bodies)]}), encoding="utf-8")
    return export


def test_an_exports_temporary_pack_is_removed_before_its_macros_are_linted(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # (a pack left on disk through a long lint is written out by the system meanwhile, and removing its thousands
    # of files afterwards cost 20 s of a 6,000-macro audit; read, the files have served their purpose)
    lint_pack = scriptkit.linting.lint_pack
    seen: list[bool] = []

    def watched(pack: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(Path(pack.root).exists())
        return lint_pack(pack, *args, **kwargs)

    monkeypatch.setattr(scriptkit.linting, "lint_pack", watched)
    report = audit(_zendesk(tmp_path, [ANSWER, ANSWER.replace("Friday", "Monday")]))
    assert seen == [False]
    assert len(report.macros) == 2 and report.source.endswith("zendesk.json")


def test_the_text_report_says_how_many_more_placeholders_can_render_blank(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    # (twelve macros, each with a first name that can be blank: ten listed, then a pointer to the rest)
    bodies = [ANSWER.replace("Friday", f"the {day}th") for day in range(10, 22)]
    result = run_cli("audit", str(_zendesk(tmp_path, bodies)), "--grammar", "off")
    assert result.exit_code in (0, 1), result.output
    section = result.stdout.split("Placeholders that can render blank: ")[1].split("Placeholders that did not map")[0]
    risks = int(section.split()[0])
    assert risks > 10
    listed = [line for line in section.splitlines()[1:] if "fallback" in line]
    assert len(listed) == 10, section
    assert f"  and {risks - 10} more (--format json and --html list them all)" in section.splitlines(), section
