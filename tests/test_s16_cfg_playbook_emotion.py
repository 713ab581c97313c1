"""The agent playbook shows "Customer feels" whenever the script gives an emotion, and only then.

It showed the emotion only beside a scenario: a script with an emotion and no scenario lost it,
and one with a scenario and no emotion read "Customer feels: neutral", a default nobody wrote.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.exporting import export
from scriptkit.loading import load_pack
from scriptkit.models import Script

BASE = """\
id: parcel-late
title: "Orders::Parcel is late"
acknowledgment: "I can see how frustrating the wait has been."
solution: "I've chased the carrier, and I'll email you an update by Friday."
"""


def playbook(tmp_path: Path, extra: str) -> tuple[str, str]:
    root = tmp_path / "p"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: T\n", encoding="utf-8")
    (root / "scripts/late.yaml").write_text(BASE + extra, encoding="utf-8")
    export(load_pack(root), ["playbook"], tmp_path / "out", lint=False)
    out = tmp_path / "out/playbook"
    return (out / "playbook.md").read_text(encoding="utf-8"), (out / "playbook.html").read_text(encoding="utf-8")


def test_an_emotion_without_a_scenario_is_shown(tmp_path: Path) -> None:
    md, page = playbook(tmp_path, "emotion: worried\n")
    assert "*Customer feels:* worried" in md and "*When:*" not in md
    assert "<strong>Customer feels:</strong> worried" in page and "When:" not in page


def test_a_scenario_without_an_emotion_claims_no_feeling(tmp_path: Path) -> None:
    md, page = playbook(tmp_path, "scenario: The parcel is past its date.\n")
    assert "*When:* The parcel is past its date." in md
    assert "Customer feels" not in md and "neutral" not in md
    assert "<strong>When:</strong> The parcel is past its date.</p>" in page and "Customer feels" not in page


@pytest.mark.parametrize("emotion", ["neutral", "angry"])
def test_both_are_shown_as_written(tmp_path: Path, emotion: str) -> None:
    md, page = playbook(tmp_path, f"scenario: The parcel is past its date.\nemotion: {emotion}\n")
    assert f"*When:* The parcel is past its date.  \n*Customer feels:* {emotion}\n" in md
    assert f"<strong>When:</strong> The parcel is past its date.<br><strong>Customer feels:</strong> {emotion}" in page


def test_neither_shows_nothing(tmp_path: Path) -> None:
    md, page = playbook(tmp_path, "")
    assert "Customer feels" not in md and "When:" not in md and "Customer feels" not in page


def test_a_script_without_an_emotion_stores_none() -> None:
    script = Script(id="a", title="A", acknowledgment="x", solution="y")
    assert script.emotion == ""
