"""A Markdown library's tables read as the HTML import's (cells apart by ' | ', no line under the header), its code
blocks keep their lines without the fences, its title over '##' replies is no reply, and a heading's number after
a leading emoji is left out as any heading's number is."""

from __future__ import annotations

from pathlib import Path

import pytest

import scriptkit
from scriptkit.importers.convert import ImportedMacro
from scriptkit.importers.html import html_to_text
from scriptkit.importers.markdown import markdown_reply

_LIBRARY = """# Saved replies

These are the team's replies for the help desk. Ask Priya before changing one.

## 1. Plans

| Plan | Monthly price |
|:-----|-------------:|
| Basic | $5 |
| **Team** | $12 |

I'm sorry for the mix-up over the prices; I've corrected your bill today.

## 🔑 2. Reset your password

I'm sorry you were locked out. I've reset it; run this from the app folder:

~~~bash
reset --user **you**
~~~

Then sign in again.

## ⭐️ Thanks

Thanks so much for the kind words! I've passed them on to the team today.
"""


def _import(tmp_path: Path) -> dict[str, ImportedMacro]:
    path = tmp_path / "replies.md"
    path.write_text(_LIBRARY, encoding="utf-8")
    library = scriptkit.import_library(path)
    return {m.id: m for m in library.macros}


def test_a_table_reads_as_the_html_import_reads_one(tmp_path: Path) -> None:
    macros = _import(tmp_path)
    plans = macros["plans"]
    assert plans.raw.body.startswith("Plan | Monthly price\nBasic | $5\nTeam | $12\n\nI'm sorry")
    html = ("<table><tr><th>Plan</th><th>Monthly price</th></tr><tr><td>Basic</td><td>$5</td></tr>"
            "<tr><td><b>Team</b></td><td>$12</td></tr></table>")
    assert plans.raw.body.split("\n\n")[0] == html_to_text(html)
    assert any("its table(s) (3 row(s)) are lines of text" in note for note in plans.notes)


def test_a_code_block_keeps_its_lines_without_its_fences(tmp_path: Path) -> None:
    body = _import(tmp_path)["reset-your-password"].raw.body
    assert "~~~" not in body and "```" not in markdown_reply("```\nsudo reset\n```\nDone.")[0]
    assert "reset --user **you**" in body  # (as written: a code block's marks are the code's)
    assert body.endswith("folder:\n\nreset --user **you**\n\nThen sign in again.")


def test_the_files_title_with_its_introduction_is_no_reply(tmp_path: Path) -> None:
    macros = _import(tmp_path)
    assert sorted(macros) == ["plans", "reset-your-password", "thanks"]
    path = tmp_path / "replies.md"
    skipped = scriptkit.import_library(path).skipped
    assert any("file's title" in p.message and "Saved replies" in p.item for p in skipped)


@pytest.mark.parametrize("heading, title, ident", [
    ("## 🔑 2. Reset your password", "🔑 Reset your password", "reset-your-password"),
    ("## ⭐️ Thanks", "⭐️ Thanks", "thanks"),
    ("## 2024. Review", "2024. Review", "2024-review"),
    ("## 👩‍💻 3) Developer help", "👩‍💻 Developer help", "developer-help"),
])
def test_a_headings_number_after_an_emoji_is_left_out(tmp_path: Path, heading: str, title: str, ident: str) -> None:
    path = tmp_path / "one.md"
    path.write_text(f"{heading}\n\nI'm sorry for the wait; I've sent it today.\n", encoding="utf-8")
    (macro,) = scriptkit.import_library(path).macros
    assert (macro.raw.title, macro.id) == (title, ident)
    assert any("number" in note for note in macro.notes) == (title != heading.removeprefix("## "))
