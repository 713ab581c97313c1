"""A plain body that names a tag or a key ('Use the <b> key', 'Wrap it in <p> tags') is read word for word; a body
is read as HTML only on markup a plain reply does not write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scriptkit
from scriptkit.importers.html import looks_like_html
from tests.conftest import run_cli

_ROWS = [
    ("Key", "I'm sorry. Use the <b> key, then press <Enter>; I've fixed it today."),
    ("Tags", "I'm sorry. Wrap the text in <p> tags to make a paragraph; I've fixed the template today."),
    ("Break", "I'm sorry. The <br> tag is kept in signatures; I've fixed it today."),
    ("Italic", "I'm sorry. The <i>, <em> and <u> tags are allowed; I've fixed it today."),
]


def _csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("title,body\n" + "".join(f'{title},"{body}"\n' for title, body in rows), encoding="utf-8")
    return path


def test_a_csv_body_that_names_a_tag_keeps_every_word(tmp_path: Path) -> None:
    source = _csv(tmp_path / "replies.csv", _ROWS)
    assert not any(m.raw.html for m in scriptkit.import_library(source).macros)
    out = tmp_path / "pack"
    assert run_cli("import", str(source), "-o", str(out)).exit_code == 0
    written = "\n".join(p.read_text(encoding="utf-8") for p in sorted((out / "scripts").glob("*.yaml")))
    for word in ("<b> key", "<Enter>;", "<p> tags", "The <br> tag", "<i>, <em> and <u>"):
        assert word in written, word
    # (the audit judges the same text: the words a tag-like name stood beside are not run together)
    report = run_cli("audit", str(source), "--format", "json").output
    assert "Use the key" not in report and "Wrap the text in tags" not in report


@pytest.mark.parametrize("body", [
    "<p>I'm sorry the parcel is late.</p><p>I've sent a new one today.</p>",
    "I'm sorry.<br>I've sent a new one today.",
    "I'm sorry. <b>I've sent a new one today.</b>",
    "I'm sorry. See <a href=\"https://example.com/track\">your tracking page</a>.",
    "<p>I'm sorry the parcel is late.<p>I've sent a new one today.",
    "<ul><li>One<li>Two</ul>",
])
def test_a_body_of_markup_is_still_html(tmp_path: Path, body: str) -> None:
    assert looks_like_html(body)
    path = tmp_path / "replies.json"
    path.write_text(json.dumps([{"title": "Late", "body": body}]), encoding="utf-8")
    (macro,) = scriptkit.import_library(path).macros
    assert macro.raw.html


@pytest.mark.parametrize("body", [
    "Press <Enter> to continue.", "Orders <$50 ship for $5.", "Thanks <3", "Reply with <order number>.",
    "Use <br> for a line break.", "Wrap it in <p> tags.", "Use the <b> key, then the <i> key.", "x <br>",
])
@pytest.mark.timeout(60)
def test_a_plain_body_that_names_tags_is_text(body: str) -> None:
    assert not looks_like_html(body)
    assert not looks_like_html((body + " ") * 5_000)  # (and read once: each "<" looked at once)
