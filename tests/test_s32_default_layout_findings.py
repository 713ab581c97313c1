"""A team's own rule that finds words in the greeting or sign-off scriptkit adds for a channel pack.yaml gives none
("Warm wishes") was located at '<default email layout>:1:1', a file no writer has; it is told at pack.yaml, with
the words and what to write there."""

from __future__ import annotations

from pathlib import Path

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

PACK = """name: Default layout
rules:
  custom:
    - name: no-warm-wishes
      kind: existence
      terms: ["warm wishes"]
      message: say it your own way
"""
SCRIPT = """id: a
title: A
channels: [email]
acknowledgment: I can see how worrying a late refund is, and I'm sorry it has taken this long.
solution: I've sent it today, and it will reach your account by Friday.
"""


def _found(root: Path) -> list:  # type: ignore[type-arg]
    return [d for d in lint_pack(load_pack(root), grammar="off").diagnostics if d.name == "no-warm-wishes"]


def test_a_finding_in_the_default_sign_off_is_told_at_pack_yaml(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "scripts" / "a.yaml").write_text(SCRIPT, encoding="utf-8")
    [found] = _found(tmp_path)
    assert Path(found.location.file).name == "pack.yaml" and (found.location.line, found.location.col) == (1, 1)
    assert 'default email sign-off "Warm wishes", as pack.yaml sets none' in found.message
    assert "channels: {email: {signoff: ...}}" in (found.suggestion or "")


def test_a_sign_off_of_the_packs_own_is_located_where_it_is_written(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    own = PACK + "channels:\n  email:\n    greeting: Hello,\n    signoff: Warm wishes from the team\n"
    (tmp_path / "pack.yaml").write_text(own, encoding="utf-8")
    (tmp_path / "scripts" / "a.yaml").write_text(SCRIPT, encoding="utf-8")
    [found] = _found(tmp_path)
    assert (found.location.line, found.location.col) == (11, 14) and "default" not in found.message
