"""Import of a generic YAML library whose unquoted text holds ' #': YAML reads it as the start of a
comment and cuts the text there ('Use code #FORKED10 on your next box.' was 'Use code'). The import
reads it as check reads a pack's (scriptkit.loading): the item is refused at its '#', with the line
quoted as the fix, exit code 2 as for any unreadable item; --skip-bad imports the rest and lists it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main
from scriptkit.importers import import_library


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert "bug in scriptkit" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _write(tmp_path: Path, text: str, name: str = "lib.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


LIBRARY = ("- title: Discount code\n"
           "  body: Use code #FORKED10 on your next box.\n"
           "- title: Late box\n"
           "  body: I'm sorry your box is late. I've sent a new one today.  # checked by Sam\n")


def test_a_body_cut_at_a_hash_is_refused_at_the_hash_with_the_line_quoted(tmp_path: Path) -> None:
    path = _write(tmp_path, LIBRARY)
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert (f"{path}:2:18: error: item 1 'Discount code': YAML reads ' #' as the start of a comment, so 'body' "
            "ends before '#FORKED10 on your next box.'") in result.output
    assert 'body: "Use code #FORKED10 on your next box."' in result.output
    assert not (tmp_path / "out").exists()


def test_skip_bad_imports_the_rest_and_lists_the_cut_item(tmp_path: Path) -> None:
    path = _write(tmp_path, LIBRARY)
    result = _run("import", str(path), "--out", str(tmp_path / "out"), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert f"{path}:2:18" in result.output and "'body' ends before '#FORKED10" in result.output
    # (a note after two spaces and '# ' is a writer's comment: that item is imported whole, without it)
    assert [p.name for p in (tmp_path / "out" / "scripts").glob("*.yaml")] == ["late-box.yaml"]
    script = (tmp_path / "out" / "scripts" / "late-box.yaml").read_text(encoding="utf-8")
    assert "Sam" not in script


def test_the_api_lists_the_cut_item_among_the_problems(tmp_path: Path) -> None:
    library = import_library(_write(tmp_path, LIBRARY))
    assert [m.title for m in library.macros] == ["Late box"]
    [problem] = library.problems
    assert (problem.location.line, problem.location.col, problem.item) == (2, 18, "item 1 'Discount code'")
    assert "Quote the text" in problem.message or "quote the text" in problem.message


@pytest.mark.parametrize(("text", "where", "said"), [
    # a title cut as well: the macro's name
    ("- title: Box #2 missing\n  body: Sorry, it's on its way.\n", "1:14", "so 'title' ends before '#2 missing'"),
    # a mapping of each title to its text
    ("Discount code: Use code #FORKED10 on your next box.\n", "1:25", "so 'Discount code' ends before '#FORKED10"),
    # ... and a title YAML reads as a number (a macro numbered 101)
    ("101: Use code #FORKED10 on your next box.\n", "1:15", "so '101' ends before '#FORKED10"),
    # ... and a title whose text YAML read as none (the file was 'unexpected shape' at 1:1)
    ("Welcome: Hello there.\n102: #1 tip\n", "2:1", "'102' has no value"),
    # the list under a key, and the text's next line held the '#'
    ("replies:\n  - title: Late\n    body: Sorry, your box is late.\n      #2 is on its way.\n", "4:7",
     "this line as a comment"),
    # a text YAML read as none: its '#' right after the ': '
    ("- title: Code\n  body: #FORKED10 is your code.\n", "2:3", "'body' has no value"),
], ids=["title", "title-to-text", "number-title", "title-no-value", "line-below", "no-value"])
def test_every_shape_of_cut_text_is_refused_where_it_is(tmp_path: Path, text: str, where: str, said: str) -> None:
    path = _write(tmp_path, text)
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert f"{path}:{where}: error: " in result.output and said in result.output, result.output


@pytest.mark.parametrize(("text", "where", "said"), [
    # the comment took the rest of the line, and the text's next line is left over
    ("- title: Late\n  body: Sorry, box #2 of\n    your order is late.\n", "2:20", "' #' as the start of a comment"),
    # the comment took the '}' that closes an item written in braces
    ("- {title: Late, body: Sorry box #2 is late}\n- {title: Thanks, body: Thank you!}\n", "1:33",
     'Quote the text: - {title: Late, body: "Sorry box #2 is late"}'),
], ids=["left-over-line", "braces"])
def test_a_cut_that_breaks_the_file_is_said_at_the_hash(tmp_path: Path, text: str, where: str, said: str) -> None:
    path = _write(tmp_path, text)
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert f"{path}:{where}: error: YAML file cannot be read: YAML reads" in result.output, result.output
    assert said in result.output


def test_settings_and_writers_comments_are_left_alone(tmp_path: Path) -> None:
    # (an id or a tag is no text anyone reads: a note after it is a comment, however written)
    path = _write(tmp_path, "# our replies\n"
                            "- id: late-1 #old id\n"
                            "  title: Late box  # renamed in May\n"
                            "  tags: delivery #urgent\n"
                            "  body: |\n"
                            "    I'm sorry your box is late. Box #2 is on its way today.\n")
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    script = (tmp_path / "out" / "scripts" / "late-1.yaml").read_text(encoding="utf-8")  # (its own id: 851b48d2)
    assert "Box #2 is on its way today." in script


def test_a_json_library_is_read_as_before(tmp_path: Path) -> None:
    path = _write(tmp_path, '[{"title": "Code", "body": "Use code #FORKED10 on your next box."}]', "lib.json")
    library = import_library(path)
    assert not library.problems
    assert "#FORKED10" in library.macros[0].raw.body
