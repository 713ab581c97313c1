"""A big pack's export said one missing Freshdesk folder id at every script (6,000 times for 8 folders): it is
told once per folder, at its first script, with how many scripts are in it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from scriptkit.exporting import export

SCRIPT = """id: {id}
title: '{title}'
channels: [email]
acknowledgment: I can see how worrying it is that the parcel is late.
warm_language: Thanks for bearing with us while we sort it.
flexibility: '[[reason]]'
solution: I've asked the courier for a new delivery slot and will write back by Friday.
"""


def _pack(root: Path, titles: list[str]) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Folders\nversion: 1.0.0\n", encoding="utf-8")
    for n, title in enumerate(titles):
        (root / "scripts" / f"s{n:03d}.yaml").write_text(SCRIPT.format(id=f"s{n:03d}", title=title),
                                                        encoding="utf-8")
    return root


def _folder_findings(diagnostics: Any) -> list[Any]:
    return [d for d in diagnostics if d.code == "SK506" and "folder id" in d.message]


def test_a_missing_folder_id_is_told_once_per_folder_at_its_first_script(tmp_path: Path) -> None:
    titles = [f"Billing::Refund {n}" for n in range(5)] + ["Shipping::Late parcel", "Shipping::Lost parcel"]
    pack = _pack(tmp_path / "pack", titles)
    result = export(pack, ["freshdesk"], tmp_path / "out", force=True)
    told = _folder_findings(result.diagnostics)
    assert [(d.script_id, re.search(r"'(\w+)'", d.message)[1]) for d in told] == [  # type: ignore[index]
        ("s000", "Billing"), ("s005", "Shipping")]
    assert "5 scripts" in told[0].message and "2 scripts" in told[1].message


def test_the_folder_is_told_once_across_targets_too(tmp_path: Path) -> None:
    # (said_once_across_targets still folds the per-script findings of other helpdesks)
    pack = _pack(tmp_path / "pack", [f"Billing::Refund {n}" for n in range(3)])
    result = export(pack, ["zendesk", "freshdesk"], tmp_path / "out", force=True)
    assert len(_folder_findings(result.diagnostics)) == 1


def test_a_freshdesk_folder_salesforce_cannot_carry_is_told_once_per_folder(tmp_path: Path) -> None:
    # (responses imported from Freshdesk carry their folder's number, which Salesforce has no place for)
    pack = _pack(tmp_path / "pack", [f"Refund {n}" for n in range(4)])
    for n, folder in enumerate([7, 7, 7, 9]):
        path = pack / "scripts" / f"s{n:03d}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"export:\n  freshdesk:\n    folder_id: {folder}\n",
                        encoding="utf-8")
    result = export(pack, ["salesforce"], tmp_path / "out", force=True)
    told = [d for d in result.diagnostics if "Freshdesk folder" in d.message]
    assert [d.script_id for d in told] == ["s000", "s003"]
    assert "3 scripts" in told[0].message and "folder_id 9" in told[1].message
