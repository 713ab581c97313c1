"""Every duplicate key of a file is reported in one run, each where it is, with the words and hint the
first one gets (the round-trip parser stops at the first; a writer fixed one and ran again for the next)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.errors import ErrorCollector
from scriptkit.loading import load_script
from tests.conftest import run_cli

TEXT = """id: a
title: T
title: U
acknowledgment: I can see how frustrating that is.
solution: I've refunded it.
solution: "I'll refund it today."
title: V
flexibility:
  guidance: g
  guidance: h
"""
DUPLICATES = [3, 6, 7, 10]  # the lines of the second and later uses of a key in its mapping


def _problems(text: str, tmp_path: Path, name: str = "a.yaml") -> list[tuple[str, int, int, str | None]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    errors = ErrorCollector()
    assert load_script(path, errors) is None
    return [(e.message, e.location.line, e.location.col, e.hint) for e in errors.errors if e.location is not None]


def test_every_duplicate_key_is_reported_where_it_is(tmp_path: Path) -> None:
    problems = _problems(TEXT, tmp_path)
    assert [line for _, line, _, _ in problems] == DUPLICATES
    assert all("found duplicate key" in message for message, *_ in problems)
    assert problems[2][0] == 'YAML syntax error: found duplicate key "title" with value "V" (original value: "T")'
    assert problems[2][3] == "Each key may appear once in a mapping; the first 'title' is on line 2."
    assert problems[3][2] == 3  # (guidance, indented under flexibility)


@pytest.mark.parametrize("nth", range(len(DUPLICATES)))
def test_each_is_said_as_a_run_with_the_ones_before_it_fixed_says_it(tmp_path: Path, nth: int) -> None:
    lines = TEXT.splitlines(keepends=True)
    for line in DUPLICATES[:nth]:  # (fixed: a comment in its place, so that every line keeps its number)
        lines[line - 1] = "# fixed\n"
    alone = _problems("".join(lines), tmp_path, "alone.yaml")
    assert alone[0] == _problems(TEXT, tmp_path)[nth]


@pytest.mark.parametrize("text", [
    "id: a\ntitle: T\ntitle: U\nacknowledgment: x\nsolution: y\n",  # one duplicate: one problem, as before
    "id: a\ntitle: T\ntitle: U\nsolution: y\nsolution: [unclosed\n",  # a syntax error: said alone, as before
    "{id: a, title: T, title: U, title: V}\n",  # keys inside one line are not renamed: the first, as before
])
def test_what_else_a_file_holds_is_reported_as_before(text: str, tmp_path: Path) -> None:
    assert len(_problems(text, tmp_path)) == 1


def test_check_exits_2_and_lists_them_all(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: P\n", encoding="utf-8")
    (tmp_path / "scripts" / "a.yaml").write_text(TEXT, encoding="utf-8")
    done = run_cli("check", str(tmp_path))
    assert done.exit_code == 2, done.output
    said = done.output
    for line in DUPLICATES:
        assert f"a.yaml:{line}:" in said
