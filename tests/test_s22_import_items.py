"""Generic JSON and YAML libraries with one malformed item among good ones: the item is listed where it is
(file:line:col), the rest import with --skip-bad, as for any helpdesk export's unreadable item."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main
from scriptkit.importers import import_library

GOOD = '{"title": "Late box", "body": "I\'m sorry your box is late. I\'ve sent another one today."}'


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output and "bug in scriptkit" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize(("name", "text", "where"), [
    ("lib.json", '{"macros": [\n  123,\n  ' + GOOD + "\n]}\n", "2:3"),
    ("list.json", "[\n  " + GOOD + ',\n  "just text"\n]\n', "3:3"),
    ("lib.yaml", "macros:\n  - 123\n  - " + GOOD + "\n", "2:5"),
], ids=["under-a-key", "top-level-list", "yaml"])
def test_a_malformed_item_is_located_and_the_rest_import(tmp_path: Path, name: str, text: str, where: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    refused = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert refused.exit_code == 2, refused.output
    assert f"{path}:{where}: error: item " in refused.output and "should be an object" in refused.output
    assert not (tmp_path / "out").exists()
    kept = _run("import", str(path), "--out", str(tmp_path / "out"), "--skip-bad")
    assert kept.exit_code == 0, kept.output
    assert [p.name for p in (tmp_path / "out" / "scripts").glob("*.yaml")] == ["late-box.yaml"]
    library = import_library(path)
    assert [m.title for m in library.macros] == ["Late box"]
    [problem] = library.problems
    assert f"{problem.location.line}:{problem.location.col}" == where


def test_a_title_with_no_letters_an_id_holds_takes_its_helpdesk_id(tmp_path: Path) -> None:
    """'配送の遅れ' and '返金' were 'macro' and 'macro-2': files and Gorgias external ids told nothing apart."""
    path = tmp_path / "macros.json"
    path.write_text('[{"id": 78, "title": "配送の遅れ", "body": "大変申し訳ございません。"},'
                    ' {"id": 79, "title": "返金", "body": "返金しました。"},'
                    ' {"title": "注文", "body": "ご注文ありがとうございます。"}]', encoding="utf-8")
    assert [m.id for m in import_library(path).macros] == ["macro-78", "macro-79", "macro"]
