"""Pack-wide 'visibility: groups' with no group_ids anywhere is told once at pack.yaml on the export path
as on check's, with the same hint: add group_ids there for every script. The export path said "add it to
this script" at pack.yaml. A script that lacks them while others give them is still told "to this script"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

PACK = ("name: Groups\nversion: 0.1.0\nlocale: en-US\n"
        "export:\n  freshdesk:\n    visibility: groups\n    folder_id: 5\n")
PACK_WIDE = "Add group_ids here, for every script without an export: {freshdesk: ...} block of its own"
THIS_SCRIPT = "Add export: {freshdesk: {group_ids: [1, 2]}} to this script, or to pack.yaml for every script."


def _pack(tmp_path: Path, own_groups: bool) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    for sid, title, what in (("late", "Late parcel", "parcel"), ("lost", "Lost refund", "refund")):
        extra = "export:\n  freshdesk:\n    group_ids: [7]\n" if own_groups and sid == "late" else ""
        (root / "scripts" / f"{sid}.yaml").write_text(
            f"id: {sid}\ntitle: {title}\nchannels: [email]\n"
            f'acknowledgment: "I can see how worrying it is when a {what} goes missing for this long."\n'
            'warm_language: "Thanks for bearing with me while I chase it."\n'
            f'solution: "I have asked our team to trace the {what} today, and I will email you by Friday."\n'
            + extra, encoding="utf-8")
    return root


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


def _group_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "group_ids missing" in line]


@pytest.mark.timeout(60)
def test_pack_wide_groups_hint_on_export_says_for_every_script(tmp_path: Path) -> None:
    root = _pack(tmp_path, own_groups=False)
    exported = _run("export", str(root), "--to", "freshdesk", "-o", str(tmp_path / "out"))
    assert exported.exit_code != 0 and not (tmp_path / "out").exists(), exported.output
    assert len(_group_lines(exported.output)) == 1, exported.output
    assert "pack.yaml" in exported.output and PACK_WIDE in exported.output, exported.output
    assert "to this script" not in exported.output, exported.output
    checked = _run("check", str(root))
    assert f"{root / 'pack.yaml'}:6:17: error: freshdesk group_ids missing" in checked.output, checked.output
    assert PACK_WIDE in checked.output, checked.output


@pytest.mark.timeout(60)
def test_a_script_lacking_what_others_give_is_still_told_to_add_it(tmp_path: Path) -> None:
    root = _pack(tmp_path, own_groups=True)
    for args in (("export", str(root), "--to", "freshdesk", "-o", str(tmp_path / "out")), ("check", str(root))):
        result = _run(*args)
        assert len(_group_lines(result.output)) == 1, result.output
        assert THIS_SCRIPT in result.output and PACK_WIDE not in result.output, result.output
        where = "lost.yaml:1:5" if args[0] == "check" else "1:5"
        assert where in result.output, result.output
