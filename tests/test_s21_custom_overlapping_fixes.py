"""Of two fixes where one lies inside the other (a team's word swap inside a corporate phrase's rewrite),
``--fix`` makes the one that rewrites the whole phrase; the inner one only where the outer cannot be made."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit import fixing
from scriptkit.diagnostics import Edit
from tests.conftest import run_cli


def _edit(path: Path, text: str, phrase: str, replacement: str) -> Edit:
    at = text.index(phrase)
    return Edit(str(path), at, at + len(phrase), replacement)


def test_a_fix_inside_another_gives_way_to_it(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = "solution: Should you have any further questions, just reply.\n"
    path.write_text(text, encoding="utf-8")
    inner = _edit(path, text, "questions", "thoughts")
    outer = _edit(path, text, "Should you have any further questions", "If anything else comes up")
    for edits in ([inner, outer], [outer, inner]):
        plan = fixing.fix_file(str(path), edits)
        assert plan.after == "solution: If anything else comes up, just reply.\n"
        assert plan.applied == [outer] and plan.refused == [(inner, "overlaps another fix")]


def test_the_inner_fix_is_made_where_the_outer_one_cannot_be(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = "solution: Should you have any further questions, just reply.\n"
    path.write_text(text, encoding="utf-8")
    inner = _edit(path, text, "questions", "thoughts")
    outer = _edit(path, text, "Should you have any further questions", "Note: questions")  # (': ' in plain text)
    plan = fixing.fix_file(str(path), [inner, outer])
    assert plan.after == "solution: Should you have any further thoughts, just reply.\n"
    assert plan.applied == [inner]
    assert [edit for edit, _ in plan.refused] == [outer] and "overlaps" not in plan.refused[0][1]


def test_three_deep_the_outermost_that_can_be_made_is(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = "solution: I'll reply at your earliest convenience today.\n"
    path.write_text(text, encoding="utf-8")
    outer = _edit(path, text, "reply at your earliest convenience", "reply: soon")  # (refused: ': ')
    middle = _edit(path, text, "at your earliest convenience", "when I can")
    inner = _edit(path, text, "convenience", "ease")
    plan = fixing.fix_file(str(path), [inner, middle, outer])
    assert plan.after == "solution: I'll reply when I can today.\n"
    assert plan.applied == [middle]
    assert {edit for edit, _ in plan.refused} == {outer, inner}


def test_an_insertion_at_a_fixs_edge_is_not_inside_it(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = "solution: we will send it today\n"
    path.write_text(text, encoding="utf-8")
    at = text.index("we will")
    plan = fixing.fix_file(str(path), [Edit(str(path), at, at + 7, "we'll"), Edit(str(path), at, at, "Yes, ")])
    assert plan.after == "solution: Yes, we'll send it today\n"


PACK = ("name: OV\nrules:\n  custom:\n    - name: swaps\n      kind: substitution\n"
        "      swap: {inform: tell, questions: thoughts, prior: earlier}\n")
SCRIPT = ("id: a\ntitle: OV\nchannels: [email]\n"
          "acknowledgment: I can see how frustrating a late box is, and I understand why you wrote in.\n"
          "warm_language: Thanks for bearing with us.\n"
          "solution: >-\n"
          "  I've sent a new box today and it arrives by Friday. Should you have any further questions,\n"
          "  just reply. Prior to that, I'll check.\n")


def test_check_fix_rewrites_the_corporate_phrase_not_the_word_inside_it(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    diff = run_cli("check", str(root), "--diff").output
    assert "+  I've sent a new box today and it arrives by Friday. If anything else comes up,\n" in diff
    assert "+  just reply. Before that, I'll check.\n" in diff
    run_cli("check", str(root), "--fix")
    text = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    assert "If anything else comes up," in text and "Before that" in text
    assert "thoughts" not in text and "earlier" not in text.lower()
    again = run_cli("check", str(root), "--select", "SK201,custom").output
    assert "SK201" not in again and "SK801" not in again
