"""A title that is not text (a list, an object, a YAML tag) in a generic JSON or YAML file is refused where it is,
as a helpdesk's export's is, not replaced with the reply's first words unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

_BODY = "I am sorry your parcel came late. I have refunded the postage."


@pytest.mark.parametrize(("name", "text", "kind", "place"), [
    ("list.json", '[\n  {"title": ["Orders", "Refund"], "body": "' + _BODY + '"}\n]', "a list", ":2:"),
    ("object.json", '[\n  {"title": {"en": "Late"}, "body": "' + _BODY + '"}\n]', "an object", ":2:"),
    ("tagged.yaml", "- title: !custom Orders refund\n  body: " + _BODY + "\n", "a value tagged !custom", ":1:"),
    ("listed.yaml", "- body: " + _BODY + "\n  title: [Orders, Refund]\n", "a list", ":1:"),
])
def test_a_title_that_is_not_text_is_refused_where_it_is(tmp_path: Path, name: str, text: str, kind: str,
                                                          place: str) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 2, result.output
    assert f"{name}{place}" in result.output and f"'title' should be text but is {kind}" in result.output
    assert not (tmp_path / "pack").exists()


def test_a_number_title_is_still_read_as_written(tmp_path: Path) -> None:
    source = tmp_path / "n.yaml"
    source.write_text("- title: 2024\n  body: " + _BODY + "\n", encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "title: '2024'" in next((tmp_path / "pack" / "scripts").glob("*.yaml")).read_text(encoding="utf-8")


def test_a_python_tagged_title_is_named_as_the_file_spells_it(tmp_path: Path) -> None:
    source = tmp_path / "py.yaml"
    source.write_text('- title: !!python/object/apply:os.system ["true"]\n  body: ' + _BODY + "\n", encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 2, result.output
    assert "py.yaml:1:3:" in result.output and "tagged !!python/object/apply:os.system" in result.output

