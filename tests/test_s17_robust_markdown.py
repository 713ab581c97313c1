"""Markdown import reads a library in time that grows with its size: many sections, a section of many
lines, and lines built to make emphasis or link matching look again and again (each case hung for
minutes before; the timeout is a hang guard, not a speed measure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.importers import import_library
from scriptkit.importers.common import RawItem, ReadOptions
from scriptkit.importers.markdown import read


def _items(path: Path) -> list[RawItem]:
    return [item for item in read(path, ReadOptions()) if isinstance(item, RawItem)]


@pytest.mark.timeout(60)
def test_fifty_thousand_sections_are_read(tmp_path: Path) -> None:
    path = tmp_path / "many.md"
    path.write_text("".join(f"## Reply {i}\n\nYour **refund** {i} is on its way.\n\n" for i in range(50_000)),
                    encoding="utf-8")
    items = _items(path)
    assert len(items) == 50_000
    assert items[-1].title == "Reply 49999" and items[-1].body == "Your refund 49999 is on its way."


@pytest.mark.timeout(60)
def test_sections_of_many_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text("".join(f"## Long {i}\n\n" + "a _b_ c\n" * 4_000 for i in range(60)), encoding="utf-8")
    items = _items(path)
    assert len(items) == 60
    assert items[0].body == "\n".join(["a b c"] * 4_000)


@pytest.mark.timeout(60)
def test_unmatched_names_without_spaces_are_read_once(tmp_path: Path) -> None:
    # '(__a' opens, 'b__)' closes; no space anywhere between: each pair is bold, as CommonMark reads it
    line = "(__a" * 4_000 + "b__)" * 4_000
    path = tmp_path / "names.md"
    path.write_text("".join(f"## Names {i}\n\n{line}\n\n" for i in range(30)), encoding="utf-8")
    items = _items(path)
    assert len(items) == 30 and items[0].body == line.replace("__", "")


@pytest.mark.timeout(60)
def test_link_starts_without_a_closing_bracket_are_read_once(tmp_path: Path) -> None:
    line = "[a](https://x" * 3_000
    path = tmp_path / "links.md"
    path.write_text("".join(f"## Links {i}\n\n{line}\n\n" for i in range(200)), encoding="utf-8")
    items = _items(path)
    assert len(items) == 200 and items[0].body == line


def test_links_and_emphasis_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "lib.md"
    path.write_text("## Track\n\nSee **[your parcel](https://t.example/a[1])** and __init__, SAVE_10.\n",
                    encoding="utf-8")
    (macro,) = import_library(path, "markdown").macros
    assert macro.text == "See [your parcel](https://t.example/a[1]) and init, SAVE_10."  # (a pack link; __x__ is bold)
