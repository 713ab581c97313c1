"""A Zendesk macro whose whole reply is text Liquid sends only on a condition keeps its words in the reply."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

ALONE = '{% if ticket.tags contains "vip" %}Members of our loyalty club ship their returns for free.{% endif %}'
ELSE_EMPTY = "{% if ticket.priority == 'Urgent' %}We treat this case before every other one.{% else %}{% endif %}"


def _export(path: Path, *bodies: str) -> Path:
    macros = [{"id": 900 + n, "title": f"Reply {n}", "actions": [{"field": "comment_value", "value": body}]}
              for n, body in enumerate(bodies, start=1)]
    path.write_text(json.dumps({"macros": macros}), encoding="utf-8")
    return path


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})


@pytest.mark.parametrize(("body", "words"), [(ALONE, "ship their returns for free"),
                                             (ELSE_EMPTY, "before every other one")])
def test_a_reply_of_conditional_text_only_is_imported_with_its_words(tmp_path: Path, body: str, words: str) -> None:
    export = _export(tmp_path / "macros.json", body, "Sorry your parcel is late; a new one left our shop today.")
    result = _run("import", str(export), "--from", "zendesk", "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "holds no text" not in result.output + result.stderr
    script = (tmp_path / "pack" / "scripts" / "reply-1.yaml").read_text(encoding="utf-8")
    assert words in script and "{{ blank.if }}" in script  # (the logic whole, as a blank with its text)
    assert "kept whole as blank" in result.output


def test_a_lone_reply_of_conditional_text_is_not_nothing_to_import(tmp_path: Path) -> None:
    export = _export(tmp_path / "macros.json", ALONE)
    result = _run("import", str(export), "--from", "zendesk", "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "ship their returns for free" in (tmp_path / "pack" / "scripts" / "reply-1.yaml").read_text("utf-8")


def test_conditional_text_beside_other_words_is_still_the_agents_condition(tmp_path: Path) -> None:
    export = _export(tmp_path / "macros.json", "Thanks for writing to us. " + ALONE)
    result = _run("import", str(export), "--from", "zendesk", "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    script = (tmp_path / "pack" / "scripts" / "reply-1.yaml").read_text(encoding="utf-8")
    assert "blank.if" not in script and "ship their returns for free" in script
