"""Team rules as a support lead writes them: capitalisation swaps, descriptions, swap loops, a rules file's path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import run_cli

CAPS = ("name: Caps\nrules:\n  custom:\n    - name: brand-caps\n      kind: substitution\n"
        "      swap: {iphone: iPhone, wifi: Wi-Fi, acme: ACME}\n")


def _script(acknowledgment: str, solution: str) -> str:
    return (f"id: caps\ntitle: Caps\nemotion: confused\nchannels: [chat]\nacknowledgment: {acknowledgment}\n"
            f"solution: {solution}\n")


def _team(root: Path, *args: str) -> list[dict[str, Any]]:
    result = run_cli("check", str(root), "--grammar", "off", "--format", "json", *args)
    return [d for d in json.loads(result.output)["diagnostics"] if d["code"].startswith("SK8")]


def test_words_already_written_as_the_rule_writes_them_are_not_reported(make_pack: Any) -> None:
    root = make_pack({"c.yaml": _script("Your iPhone and Wi-Fi are both fine, and I'm sorry for the scare.",
                                        "ACME support reset the iPhone pairing today, so it works now.")}, CAPS)
    assert _team(root) == []


def test_a_replacement_with_its_own_capitals_is_written_as_given(make_pack: Any) -> None:
    root = make_pack({"c.yaml": _script("Iphone trouble is the worst, and I'm sorry it stalled.",
                                        "IPHONE owners see this often; acme support reset it today.")}, CAPS)
    said = [(d["text"], d["suggestion"]) for d in _team(root)]
    assert said == [("Iphone", "'iPhone'"), ("IPHONE", "'iPhone'"), ("acme", "'ACME'")]
    run_cli("check", str(root), "--grammar", "off", "--fix")
    written = (root / "scripts" / "c.yaml").read_text(encoding="utf-8")
    assert "acknowledgment: iPhone trouble" in written and "solution: iPhone owners" in written
    assert "; ACME support" in written
    assert _team(root) == []


def test_a_lower_case_replacement_still_opens_a_sentence_with_a_capital(make_pack: Any) -> None:
    pack = CAPS.replace("{iphone: iPhone, wifi: Wi-Fi, acme: ACME}", "{store credit: refund}")
    root = make_pack({"c.yaml": _script("Store credit is slow, and I'm sorry.", "I've sent it today.")}, pack)
    assert [d["suggestion"] for d in _team(root)] == ["'Refund'"]


def test_a_rules_description_is_its_summary_and_on_its_page(make_pack: Any) -> None:
    pack = CAPS + "      description: Brand names are spelt as the brand spells them.\n"
    root = make_pack({"c.yaml": _script("Fine.", "Fine.")}, pack)
    listing = run_cli("rules", "--pack", str(root)).output
    assert "Brand names are spelt as the brand spells them." in listing
    page = run_cli("rule", "brand-caps", "--pack", str(root)).output
    assert "Brand names are spelt as the brand spells them." in page


def test_a_rule_page_names_its_rules_file_without_dot_dot(make_pack: Any, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "voice.yaml").write_text("- name: say-request\n  kind: substitution\n  swap: {ticket: request}\n",
                                       encoding="utf-8")
    root = make_pack({"c.yaml": _script("Fine.", "Fine.")}, "name: P\nrules:\n  files: [../shared/voice.yaml]\n")
    page = run_cli("rule", "say-request", "--pack", str(root)).output
    assert "declared in" in page and ".." not in page.split("declared in", 1)[1].split("\n")[0]


def test_swaps_that_undo_each_other_are_refused_at_load(make_pack: Any) -> None:
    pack = CAPS.replace("{iphone: iPhone, wifi: Wi-Fi, acme: ACME}", "{ticket: request, request: ticket}")
    root = make_pack({"c.yaml": _script("Fine.", "Fine.")}, pack)
    result = run_cli("check", str(root), "--grammar", "off")
    assert result.exit_code == 2
    assert f"{root / 'pack.yaml'}:6:" in result.output
    assert "'ticket: request'" in result.output and "'request: ticket'" in result.output


def test_swaps_of_two_rules_in_a_rules_file_that_undo_each_other_are_refused(make_pack: Any) -> None:
    root = make_pack({"c.yaml": _script("Fine.", "Fine.")}, "name: P\nrules:\n  files: [loop.yaml]\n")
    (root / "loop.yaml").write_text("- name: say-package\n  kind: substitution\n  swap: {parcel: package}\n"
                                    "- name: say-parcel\n  kind: substitution\n  swap: {package: parcel}\n",
                                    encoding="utf-8")
    result = run_cli("check", str(root), "--grammar", "off")
    assert result.exit_code == 2
    assert f"{root / 'loop.yaml'}:3:" in result.output and f"{root / 'loop.yaml'}:6:" in result.output
    assert "say-parcel" in result.output


def test_a_chain_of_swaps_and_a_swap_into_its_own_spelling_still_load(make_pack: Any) -> None:
    pack = CAPS.replace("{iphone: iPhone, wifi: Wi-Fi, acme: ACME}", "{parcel: package, package: delivery}")
    root = make_pack({"c.yaml": _script("Fine.", "Fine.")}, pack)
    assert run_cli("check", str(root), "--grammar", "off").exit_code != 2


def test_a_swap_in_a_constants_text_says_why_it_is_not_fixed(make_pack: Any) -> None:
    pack = ("name: P\nconstants:\n  help_line: \"Open a ticket any time.\"\nrules:\n  custom:\n"
            "    - name: say-request\n      kind: substitution\n      swap: {ticket: request}\n")
    root = make_pack({"c.yaml": _script("Sorry about the wait.", "\"{{ help_line }} I will check again by Friday.\"")},
                     pack)
    (finding,) = _team(root)
    assert finding["fix"] is None
    assert "by hand" in finding["suggestion"] and "constant" in finding["suggestion"]
