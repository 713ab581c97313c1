"""A reply's length limit is its text's, once its HTML is read: pasted inline styles are not the team's words.
An item --skip-bad leaves out is named in the written pack.yaml, as an item with no reply text is."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.importers.common import MAX_BODY_CHARS, MAX_FIELD_CHARS
from tests.conftest import run_cli as _run

STYLE = 'style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: rgb(34, 34, 34); line-height: 1.5"'


def _styled(sentences: int) -> str:
    """An HTML reply of ``sentences`` short paragraphs, each wrapped in a pasted style, as an editor keeps them."""
    return "".join(f"<p {STYLE}><span {STYLE}>Step {n}: we looked at your order again.</span></p>"
                   for n in range(1, sentences + 1))


def _zendesk(tmp_path: Path, *bodies: tuple[int, str, str]) -> Path:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [
        {"id": ident, "title": title, "actions": [{"field": "comment_value_html", "value": body}]}
        for ident, title, body in bodies]}), encoding="utf-8")
    return path


def test_a_styled_reply_is_limited_by_its_text_not_its_markup(tmp_path: Path) -> None:
    body = _styled(200)
    assert len(body) > MAX_BODY_CHARS  # (its markup is over the limit, its text well under it)
    export = _zendesk(tmp_path, (9, "Styled", body))
    for command in ("import", "audit"):
        args = ["--out", str(tmp_path / "out")] if command == "import" else []
        result = _run(command, str(export), "--from", "zendesk", *args)
        assert result.exit_code in (0, 1), result.output
        assert "the limit is" not in result.output, result.output
    script = (tmp_path / "out" / "scripts" / "styled.yaml").read_text(encoding="utf-8")
    assert "Step 200: we looked at your order again." in script
    assert "font-family" not in script


def test_a_reply_whose_text_is_over_the_limit_is_refused_with_its_length_as_text(tmp_path: Path) -> None:
    words = "We looked at your order again. "
    text = (words * (MAX_BODY_CHARS // len(words) + 1))[:MAX_BODY_CHARS + 10].strip()
    export = _zendesk(tmp_path, (9, "Long", f"<p {STYLE}>{text}</p>"))
    result = _run("import", str(export), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert (f"macro 9 'Long': its text is {len(text):,} characters once its HTML is read; the limit is "
            f"{MAX_BODY_CHARS:,}") in result.output, result.output
    assert "Traceback" not in result.output


def test_markup_over_the_safety_cap_is_refused_by_its_own_message(tmp_path: Path) -> None:
    body = _styled(MAX_FIELD_CHARS // 150)
    assert len(body) > MAX_FIELD_CHARS
    export = _zendesk(tmp_path, (9, "Huge", body))
    result = _run("import", str(export), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert (f"macro 9 'Huge': 'comment_value_html' is {len(body):,} characters, more than scriptkit reads from "
            f"one field ({MAX_FIELD_CHARS:,})") in result.output, result.output


def test_an_item_skip_bad_leaves_out_is_named_in_pack_yaml(tmp_path: Path) -> None:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [
        {"id": 1, "title": "Refund sent", "actions": [{"field": "comment_value", "value": "I've sent your refund."}]},
        {"id": 2, "title": "Broken", "actions": [{"field": "comment_value", "value": 42}]},
    ]}), encoding="utf-8")
    result = _run("import", str(export), "--from", "zendesk", "--out", str(tmp_path / "out"), "--skip-bad")
    assert result.exit_code == 0, result.output
    header = (tmp_path / "out" / "pack.yaml").read_text(encoding="utf-8").split("\nname:")[0]
    assert "# Note: not imported, as it could not be read (--skip-bad): " in header, header
    assert f"{export.name}:" in header and "macro 2 'Broken': 'comment_value' should be text" in header, header


def test_a_sheets_styled_html_cell_is_limited_by_its_text_too(tmp_path: Path) -> None:
    body = _styled(200)
    sheet = tmp_path / "replies.csv"
    sheet.write_text("title,body\n" + f'Styled,"{body.replace(chr(34), chr(34) * 2)}"\n', encoding="utf-8")
    result = _run("import", str(sheet), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    script = (tmp_path / "out" / "scripts" / "styled.yaml").read_text(encoding="utf-8")
    assert "Step 200: we looked at your order again." in script and "font-family" not in script
