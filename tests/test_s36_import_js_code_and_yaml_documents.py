"""Two files an import cannot read, said in plain words where the problem is: a JavaScript list whose value is
code ("I am " + "sorry.") was 'no array literal of objects found' at 1:1, and a YAML file of two documents was
'YAML file cannot be read: but found another document'."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(("value", "shown"), [
    ('"I am " + "sorry."', '("I am " + "sorry.")'),
    ("reply", "(reply)"),
    ("`Hi ${name}`", "(`Hi ${name}`)"),
])
def test_a_javascript_value_that_is_code_is_pointed_at(tmp_path: Path, value: str, shown: str) -> None:
    source = tmp_path / "macros.js"
    source.write_text('module.exports = [\n  {title: "Late", body: "Sorry."},\n  {title: "Refund", body: ' + value
                      + "},\n];\n", encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 2, result.output
    assert f"macros.js:3:27: error: this value is not literal text {shown}: only literal values can be read" \
        in result.output
    assert "no array literal" not in result.output and not (tmp_path / "pack").exists()


def test_a_yaml_file_of_two_documents_says_so_at_the_second(tmp_path: Path) -> None:
    source = tmp_path / "macros.yaml"
    source.write_text("- title: Late\n  body: I am sorry it was late.\n---\n- title: Refund\n  body: Refunded.\n",
                      encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 2, result.output
    assert "macros.yaml:3:1: error: YAML file holds more than one document: this '---' line starts a second" \
        in result.output
    assert "delete this '---' line" in result.output and "but found another document" not in result.output
