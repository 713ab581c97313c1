"""SK007 text-artifact: a typed "\\n" and quotes around a whole slot reach the customer as typed.
Warnings at the text, with a safe fix that ``check --fix`` writes as the YAML around it needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.rendering import render_script

ACK = "acknowledgment: I can see how frustrating the wait has been.\n"


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


def findings(root: Path) -> list[dict[str, Any]]:
    result = run("check", str(root), "--select", "SK007", "--format", "json")
    diagnostics: list[dict[str, Any]] = json.loads(result.output)["diagnostics"]
    return diagnostics


def rendered(root: Path) -> str:
    pack = load_pack(root)
    return render_script(pack, pack.scripts[0], "email").text


@pytest.mark.parametrize(("solution", "col"), [
    ("solution: 'I''ll send the link today.\\nThanks for waiting!'\n", 38),  # single-quoted
    ("solution: I'll send the link today.\\nThanks for waiting!\n", 36),  # plain
    ("solution: |\n  I'll send the link today.\\nThanks for waiting!\n", 28),  # a block
])
def test_a_typed_newline_is_located_and_fixed_into_a_line_break(make_pack: Any, solution: str, col: int) -> None:
    root = make_pack({"late.yaml": "id: late\ntitle: Late\n" + ACK + solution})
    [found] = findings(root)
    assert (found["code"], found["severity"], found["col"], found["text"]) == ("SK007", "warning", col, "\\n")
    assert found["line"] == 4 + solution.count("|")
    assert run("check", str(root), "--select", "SK007", "--fix").exit_code == 0
    data = yaml.safe_load((root / "scripts" / "late.yaml").read_text(encoding="utf-8"))
    assert data["solution"].rstrip("\n") == "I'll send the link today.\nThanks for waiting!"
    assert "\\n" not in rendered(root) and findings(root) == []


def test_a_typed_newline_fix_keeps_windows_line_ends(make_pack: Any) -> None:
    root = make_pack({})
    (root / "scripts" / "late.yaml").write_bytes(
        b"id: late\r\ntitle: Late\r\nacknowledgment: I can see the wait is hard.\r\n"
        b"solution: 'I''ll send it today.\\nThanks!'\r\n")
    assert run("check", str(root), "--select", "SK007", "--fix").exit_code == 0
    raw = (root / "scripts" / "late.yaml").read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"") and yaml.safe_load(raw)["solution"] == "I'll send it today.\nThanks!"


@pytest.mark.parametrize("solution", [
    'solution: "I\'ll send the link today.\\nThanks for waiting!"',  # double quotes: a real line break
    "solution: 'The file is in C:\\new\\folder, and I''ll send it today.'",  # a path
    "solution: 'Type \\\\n to break a line, and I''ll check it today.'",  # an escaped backslash
])
def test_what_is_not_a_typed_newline(make_pack: Any, solution: str) -> None:
    root = make_pack({"late.yaml": "id: late\ntitle: Late\n" + ACK + solution + "\n"})
    assert findings(root) == []


def test_a_slot_in_curly_quotes_is_located_and_its_quotes_deleted(make_pack: Any) -> None:
    root = make_pack({"late.yaml": "id: late\ntitle: Late\nacknowledgment: \"“I'm so sorry the parcel is late.”\"\n"
                                   "solution: I'll send the tracking link today.\n"})
    [found] = findings(root)
    assert (found["line"], found["col"], found["slot"]) == (3, 18, "acknowledgment")
    assert "wrapped in quotes" in found["message"] and found["fix"] is not None
    assert run("check", str(root), "--select", "SK007", "--fix").exit_code == 0
    after = (root / "scripts" / "late.yaml").read_text(encoding="utf-8")
    assert "acknowledgment: \"I'm so sorry the parcel is late.\"\n" in after


def test_quotes_around_a_slot_with_a_placeholder_are_reported_with_no_fix(make_pack: Any) -> None:
    root = make_pack({"late.yaml": "id: late\ntitle: Late\n" + ACK +
                                   "solution: '“I''ll send it to {{ customer.email }} today.”'\n"})
    [found] = findings(root)
    assert found["fix"] is None and found["slot"] == "solution"


@pytest.mark.parametrize("acknowledgment", [
    "You wrote “still waiting”, and I can see how frustrating that is.",  # a quotation inside
    "“Late” and “lost” are the two words I hate to hear too.",  # two quotations
    "I can see how frustrating the wait has been.",
])
def test_quotations_inside_a_slot_are_fine(make_pack: Any, acknowledgment: str) -> None:
    root = make_pack({"late.yaml": f"id: late\ntitle: Late\nacknowledgment: '{acknowledgment}'\n"
                                   "solution: I'll send the tracking link today.\n"})
    assert findings(root) == []


def test_quotes_opening_in_one_slot_and_closing_in_another_wrap_the_reply(make_pack: Any) -> None:
    root = make_pack({"late.yaml": "id: late\ntitle: Late\nacknowledgment: '“I can see the wait is hard.'\n"
                                   "solution: 'I''ll send the tracking link today.”'\n"})
    [found] = findings(root)
    assert found["line"] == 3 and "the reply is wrapped" in found["message"] and found["fix"] is None


def test_review_of_a_reply_in_quotes(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("“I can see the wait has been hard. I'll send the tracking link today.”\n", encoding="utf-8")
    result = run("review", str(reply), "--select", "SK007", "--format", "json")
    assert [d["text"][:1] for d in json.loads(result.output)["diagnostics"]] == ["“"]


def test_an_imported_macro_with_both_slips_loads_and_is_warned_about(tmp_path: Path) -> None:
    export = tmp_path / "macros.csv"
    export.write_text("title,body\nLate,\"“I'm so sorry your parcel is late. I'll send the link today.”\"\n"
                      "Slash,I'm so sorry your parcel is late.\\nI'll send the link today.\n", encoding="utf-8")
    assert run("import", str(export), "-o", str(tmp_path / "pack")).exit_code == 0
    assert sorted(d["script"] for d in findings(tmp_path / "pack")) == ["late", "slash"]


def test_a_comment_typed_inside_a_text_block_is_located_and_left_for_the_writer(make_pack: Any) -> None:
    """'# ...' inside 'solution: |' is text, not a YAML comment: the note would be sent."""
    source = ("id: late\ntitle: Late\n" + ACK + "# a real comment, above the key\nsolution: |\n"
              "  I'll send the link today.\n  # check the refund window with Sam\n  Order #4471 ships today.\n"
              "  # of boxes: 2\n  # 4471-B\n"
              "#another real comment\n")
    root = make_pack({"late.yaml": source})
    assert "# check the refund window with Sam" in rendered(root)
    [found] = findings(root)
    assert (found["code"], found["line"], found["col"], found["text"]) == (
        "SK007", 7, 3, "# check the refund window with Sam")
    assert "move it above the slot's key" in found["suggestion"]
    assert run("check", str(root), "--select", "SK007", "--fix").exit_code == 1
    assert (root / "scripts" / "late.yaml").read_text(encoding="utf-8") == source  # no fix: the writer decides


def test_a_hash_line_in_reviewed_free_text_is_not_called_a_yaml_comment(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Sam,\n\n# Steps\nI'm sorry the app keeps logging you out. I've reset your session.\n",
                     encoding="utf-8")
    result = run("review", str(reply), "--format", "json")
    assert "SK007" not in result.output, result.output
