"""Session 35: pack.yaml's ``exclude:`` lists glob patterns of files the pack leaves out (a writer's drafts kept in
the repository): a script they match is neither checked nor exported, and a script found outside scripts/ says so
in its advice."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

_REPLY = ("title: Refund\nacknowledgment: \"I'm sorry the refund is late, and I can see why you are upset.\"\n"
          "solution: \"I have sent it again today, and it reaches you by Friday.\"\n"
          "flexibility:\n  guidance: Use it when a refund is more than a week late.\n")


def _pack(root: Path, pack_yaml: str, files: dict[str, str]) -> Path:
    pack = root / "pack"
    for name, text in {"pack.yaml": f"name: Replies\n{pack_yaml}", "scripts/late-refund.yaml":
                       f"id: late-refund\n{_REPLY}", **files}.items():
        (pack / name).parent.mkdir(parents=True, exist_ok=True)
        (pack / name).write_text(text, encoding="utf-8")
    return pack


def _check(pack: Path) -> tuple[int, str]:
    result = run_cli("check", str(pack), "--grammar", "off", "--format", "concise")
    return result.exit_code, result.output


def test_a_script_outside_scripts_says_how_to_exclude_it(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "", {"drafts/idea.yaml": f"id: idea\n{_REPLY}"})
    code, said = _check(pack)
    assert code == 2 and "drafts/idea.yaml:1:1:" in said and "exclude: [drafts/]" in said, said


def test_an_excluded_folder_is_neither_checked_nor_reported(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "exclude: [drafts/]\n", {"drafts/idea.yaml": f"id: idea\n{_REPLY}"})
    code, said = _check(pack)
    assert code == 0 and "idea" not in said, said


def test_an_excluded_script_in_scripts_is_neither_checked_nor_exported(tmp_path: Path) -> None:
    broken = "id: wip-refund\ntitle: [unclosed\n"
    pack = _pack(tmp_path, "exclude:\n  - 'scripts/wip-*.yaml'\n", {"scripts/wip-refund.yaml": broken})
    code, said = _check(pack)
    assert code == 0 and "wip" not in said, said
    result = run_cli("export", str(pack), "--to", "csv", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    exported = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.csv"))
    assert "late-refund" in exported and "wip" not in exported


def test_a_misspelt_exclude_is_told_at_its_line(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "exlude: [drafts/]\n", {})
    code, said = _check(pack)
    assert code == 2 and f"{pack}/pack.yaml:2:1:" in said and "Did you mean 'exclude'?" in said, said


def test_exclude_must_be_a_list_of_patterns(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "exclude:\n  - drafts/\n  - {folder: old}\n", {})
    code, said = _check(pack)
    assert code == 2 and f"{pack}/pack.yaml:4:" in said, said


def test_the_summary_says_how_many_were_excluded(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "exclude: [drafts/, 'scripts/wip-*']\n", {"drafts/idea.yaml": f"id: idea\n{_REPLY}",
                                                                     "scripts/wip-a.yaml": f"id: wip-a\n{_REPLY}"})
    result = run_cli("check", str(pack), "--grammar", "off")
    assert result.exit_code == 0
    assert "All clear: no problems in 1 script (" in result.output
    assert "; 2 left out by exclude in pack.yaml." in result.output, result.output
