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
