"""Team swaps that undo each other across two sources of settings (scriptkit.toml, or its rules file, and a pack's
pack.yaml) are refused as the settings load, as those of one source were: each check flagged every word of both
and --fix could never settle. The message names every swap of the loop where it is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import run_cli

PACK = "name: P\nrules:\n  custom:\n    - name: house-style\n      kind: substitution\n      swap: {parcel: package}\n"
SCRIPT = ("id: a\ntitle: A\nchannels: [chat]\nacknowledgment: I'm sorry the parcel is late, that is frustrating.\n"
          "solution: I'll send a new one today.\n")


def _check(root: Path, *args: str) -> Any:
    return run_cli("check", str(root), "--grammar", "off", *args)


def test_a_project_swap_undoing_the_packs_is_refused_naming_both(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    (root / "scriptkit.toml").write_text('[[custom]]\nname = "old-style"\nkind = "substitution"\n'
                                         'swap = {package = "parcel"}\n', encoding="utf-8")
    result = _check(root)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{root / 'scriptkit.toml'}:4:9: error: swap 'package: parcel' and swap 'parcel: package' " \
           f"(rule 'house-style', {root / 'pack.yaml'}:6:14) undo each other" in result.output
    assert result.output.count("undo each other") == 1  # (said once, not again from the pack's side)


def test_a_loop_through_a_rules_file_the_project_lists_names_the_whole_chain(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    (root / "scriptkit.toml").write_text('files = ["voice.yaml"]\n', encoding="utf-8")
    (root / "voice.yaml").write_text("- name: say-box\n  kind: substitution\n  swap: {package: box}\n"
                                     "- name: say-parcel\n  kind: substitution\n  swap: {box: parcel}\n",
                                     encoding="utf-8")
    result = _check(root)
    assert result.exit_code == 2
    (line,) = [line for line in result.output.splitlines() if "lead back to the first" in line]
    for swap, at in (("package: box", "voice.yaml:3:10"), ("box: parcel", "voice.yaml:6:10"),
                     ("parcel: package", "pack.yaml:6:14")):
        assert f"'{swap}'" in line and at in line


def test_leaving_one_rule_of_the_loop_out_in_pack_yaml_loads(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, PACK.replace("rules:\n", "rules:\n  ignore: [old-style]\n"))
    (root / "scriptkit.toml").write_text('[[custom]]\nname = "old-style"\nkind = "substitution"\n'
                                         'swap = {package = "parcel"}\n', encoding="utf-8")
    result = _check(root, "--format", "json")
    assert result.exit_code == 1 and '"house-style"' in result.output and "old-style" not in result.output


def test_swaps_of_two_sources_that_settle_still_load(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    (root / "scriptkit.toml").write_text('[[custom]]\nname = "caps"\nkind = "substitution"\n'
                                         'swap = {package = "Package", acme = "ACME"}\n', encoding="utf-8")
    assert _check(root).exit_code == 1
