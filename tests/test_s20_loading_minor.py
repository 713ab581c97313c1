"""A script file holding only comments says so (it was 'the file is empty'), and a hint that shows a
writer's line fixed shows a long line (a pasted page on one line) cut around the fix, not whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError
from tests.conftest import run_cli

SCRIPT = ("id: late\ntitle: Late parcel\nacknowledgment: \"I know a late parcel is a worry when you're waiting.\"\n"
          "solution: \"I've asked the courier to deliver it by Friday.\"\n")
LONG = "I am so sorry about the parcel. " * 100  # (3,200 characters on one line)


def _pack(root: Path, scripts: dict[str, str], pack_yaml: str = "name: Shop\n") -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    for name, text in scripts.items():
        (root / "scripts" / name).write_text(text, encoding="utf-8")
    return root


def _errors(root: Path) -> list[str]:
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    return str(caught.value).splitlines()


def test_a_file_of_comments_says_it_holds_only_comments(tmp_path: Path) -> None:
    root = _pack(tmp_path / "shop", {"draft.yaml": "# the refund reply, to write\n\n# ask Sam first\n",
                                     "empty.yaml": "\n", "late.yaml": SCRIPT}, "# our pack\n")
    assert _errors(root) == [
        f"{root / 'pack.yaml'}:1:1: pack.yaml holds only comments. Give the pack its settings, at least its name: "
        "name: Our support replies",
        f"{root / 'scripts' / 'draft.yaml'}:1:1: the file holds only comments. Write a script below them "
        "(`scriptkit init` makes an example), or delete the file.",
        f"{root / 'scripts' / 'empty.yaml'}:1:1: the file is empty. Write a script in it (`scriptkit init` makes an "
        "example), or delete it.",
    ]


@pytest.mark.parametrize(("line", "problem", "kept"), [
    (f'acknowledgment: "We call it the "fast lane" now. {LONG}"', "this quote ends the quoted text",
     "'We call it the \"fast lane\" now."),
    (f"acknowledgment: 'Shipping's late. {LONG}'", "the apostrophe ends the single quotes", "\"Shipping's late."),
    (f'acknowledgment: "{LONG} I\\\'m sorry. {LONG}"', "inside double quotes is not an escape", "I'm sorry."),
    (f"acknowledgment:I know. {LONG}", "there is no space after the ':'", "acknowledgment: I know."),
])
def test_a_long_line_is_shown_cut_around_the_fix(tmp_path: Path, line: str, problem: str, kept: str) -> None:
    root = _pack(tmp_path / "shop", {"late.yaml": SCRIPT.replace(
        "acknowledgment: \"I know a late parcel is a worry when you're waiting.\"", line)})
    [error] = _errors(root)
    assert problem in error and kept in error and "\u2026" in error
    assert len(error) < 400, error  # (the whole line was 3,200 characters)
    result = run_cli("check", str(root))
    assert result.exit_code == 2 and len(result.output) < 800
