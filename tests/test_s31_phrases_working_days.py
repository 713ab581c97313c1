"""SK404's advice in the pack's own words: "within 2 working days" for a British, Irish, Australian, New
Zealand or Indian reader (the pack's locale), "business days" elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import load_pack, render_pack
from scriptkit.rules.base import RuleContext
from scriptkit.rules.solution import NoTimeFrame

ACK = "I can see the replacement card still hasn't come, which is worrying."


def _suggestions(tmp_path: Path, locale: str | None) -> list[str]:
    root = tmp_path / (locale or "none")
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Test\n" + (f"locale: {locale}\n" if locale else ""), encoding="utf-8")
    for sid, solution in (("vague", "I'll post a new card soon."), ("none", "I'll post a new card.")):
        script = {"id": sid, "title": sid, "acknowledgment": ACK, "solution": solution}
        (root / "scripts" / f"{sid}.yaml").write_text(json.dumps(script), encoding="utf-8")
    pack = load_pack(root)
    ctx = RuleContext(pack, dict(NoTimeFrame.options))
    return [f.suggestion or "" for m in render_pack(pack) for f in NoTimeFrame().check(m, ctx)]


@pytest.mark.parametrize("locale", ["en-GB", "en-AU", "en-IN", "en-NZ", "en-IE", "en-gb"])
def test_sk404_speaks_of_working_days_to_a_british_reader(tmp_path: Path, locale: str) -> None:
    found = _suggestions(tmp_path, locale)
    assert len(found) == 2 and all("within 2 working days" in s for s in found), found


@pytest.mark.parametrize("locale", ["en-US", None])
def test_sk404_speaks_of_business_days_elsewhere(tmp_path: Path, locale: str | None) -> None:
    found = _suggestions(tmp_path, locale)
    assert len(found) == 2 and all("within 2 business days" in s for s in found), found
