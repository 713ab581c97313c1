"""Import of a generic YAML library: read by libyaml's C parser, as check reads a pack (ruamel's round-trip
parser, pure Python, took 40 s of a 20,000-item library's 45 s import), with ruamel left to word and place
what libyaml's reading does not take; and a {title: text} library's titles that YAML reads as something other
than text ('true:', '~:', '0x1F:') named as the file writes them, not as Python spells the value ('True',
'None', '31')."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import scriptkit.importers.structured as structured
from scriptkit.cli import main
from scriptkit.importers import import_library
from scriptkit.importers.common import ItemProblem, RawItem, ReadOptions


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


def _items(path: Path) -> list[tuple[str, str, str, int, int]]:
    """Each item as the reader gives it: its name, title, text or problem, and where it is."""
    out: list[tuple[str, str, str, int, int]] = []
    for item in structured.read_yaml(path, ReadOptions()):
        if isinstance(item, RawItem):
            out.append((item.key, item.title, item.body, item.location.line, item.location.col))
        else:
            assert isinstance(item, ItemProblem)
            out.append((item.item, "", item.message, item.location.line, item.location.col))
    return out


@pytest.fixture
def no_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    """ruamel's round-trip reader made unusable: a library it is needed for fails the test."""
    def refused(*_: object) -> None:
        raise AssertionError("read with ruamel's round-trip parser")
    monkeypatch.setattr(structured, "bounded_yaml", refused)


LIBRARIES = [
    # a list of objects, quoted and plain texts, a block text, a number title
    ("- title: Late box\n  body: \"I'm sorry your box is late.\"\n- title: 404\n  id: 7\n  body: |\n"
     "    Sorry, that page is gone.\n    Here is the new one.\n- {title: Thanks, body: 'Thank you, Sam!'}\n"),
    # the list under a key, after a setting
    "version: 2\nreplies:\n  - title: Refund\n    body: Your refund is on its way.\n  - title: Hello\n    body: Hi!\n",
    # {title: text}, with a title YAML reads as a number
    "Refund: Your refund is on its way.\n101: Use the code on your next box.\n\"Quoted: title\": Hi there.\n",
    # lines broken with CRLF, and text past the BMP
    "- title: Café\r\n  body: Thanks 😀 for writing.\r\n- title: Two\r\n  body: Second reply.\r\n",
]


@pytest.mark.parametrize("text", LIBRARIES, ids=["list", "under-key", "title-to-text", "crlf"])
def test_a_plain_library_is_read_without_the_round_trip_parser_as_it_reads_it(
        tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, text)
    by_round_trip = _items(path)
    assert by_round_trip  # (the round-trip reading below is what the fast one must give, item for item)
    monkeypatch.setattr(structured, "fast_parse", lambda *_: None)
    assert _items(path) == by_round_trip
    monkeypatch.undo()

    def refused(*_: object) -> None:
        raise AssertionError("read with ruamel's round-trip parser")
    monkeypatch.setattr(structured, "bounded_yaml", refused)
    assert _items(path) == by_round_trip


def test_a_large_library_is_read_fast_and_a_bad_item_in_it_is_still_placed(tmp_path: Path,
                                                                          no_round_trip: None) -> None:
    lines = [f"- title: Reply {n}\n  body: Thanks for writing, we are on it ({n}).\n" for n in range(2_000)]
    lines[1_500] = "- title: Reply 1500\n  body: [not, a, text]\n"
    lines[1_700] = "- title: Box #2\n  body: Use code #FORKED10 on your next box.\n"
    path = _write(tmp_path, "".join(lines))
    library = import_library(path)
    assert len(library.macros) == 1_998
    assert [(p.item, p.location.line, p.location.col) for p in library.problems] == [
        ("item 1501 'Reply 1500'", 3_001, 3), ("item 1701 'Box'", 3_401, 14)]
    assert "'body' should be text but is a list" in library.problems[0].message
    assert "so 'title' ends before '#2'" in library.problems[1].message


@pytest.mark.parametrize(("text", "where", "said"), [
    ("- title: Late\n  body: 'unclosed\n- title: B\n  body: x\n", "2:9", "cannot be read"),
    ("- title: Late\n\tbody: Sorry.\n", "2:1", "cannot be read"),
    ("- title: Late\n  body: Sorry.\n  body: Again.\n", "3:3", "duplicate key"),
    ("- &a {title: A, body: x}\n- *a\n", None, None),
], ids=["unclosed-quote", "tab", "duplicate-key", "alias"])
def test_what_libyaml_does_not_take_is_read_and_said_by_the_round_trip_parser(
        tmp_path: Path, text: str, where: str | None, said: str | None) -> None:
    path = _write(tmp_path, text)
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    if where is None:  # (an alias: read, as before)
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    assert f"{path}:{where}: error: " in result.output and said in result.output, result.output


@pytest.mark.parametrize(("written", "title", "script"), [
    ("true", "true", "true"), ("~", "~", None), ("0x1F", "0x1F", "0x1f"), ("1.50", "1.50", "1-50"),
    ("2024-01-01", "2024-01-01", "2024-01-01"), ("Null", "Null", "null"), (".inf", ".inf", "inf"),
])
def test_a_title_yaml_reads_as_no_text_is_named_as_written(tmp_path: Path, written: str, title: str,
                                                           script: str | None) -> None:
    path = _write(tmp_path, f"Refund: Your refund is on its way.\n{written}: Thanks for writing, it is done.\n")
    library = import_library(path)
    assert not library.problems
    assert [m.title for m in library.macros] == ["Refund", title]
    assert library.macros[1].raw.location.line == 2
    if script is not None:
        assert library.macros[1].id == script


def test_a_title_yaml_reads_as_no_text_is_named_as_written_by_the_round_trip_reader_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(structured, "fast_parse", lambda *_: None)
    path = _write(tmp_path, 'true: Thanks for writing.\n~: Hello there.\n"False": Quoted, as text.\n0o17: An octal.\n')
    assert [m.title for m in import_library(path).macros] == ["true", "~", "False", "0o17"]


def test_messages_name_such_a_title_as_written(tmp_path: Path) -> None:
    path = _write(tmp_path, "Welcome: Hello there.\ntrue: Use code #FORKED10 on your next box.\n~: #1 tip\n")
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert f"{path}:2:16: error: item 2 'true': YAML reads ' #' as the start of a comment, so 'true' ends " \
           "before '#FORKED10" in result.output
    assert f"{path}:3:1: error: item 3 '~': '~' has no value" in result.output
    assert "True" not in result.output and "None" not in result.output


def test_a_flow_mapping_library_names_its_titles_as_written(tmp_path: Path) -> None:
    path = _write(tmp_path, "{yes: Yes we can., null: Nothing to add., 1e3: A thousand thanks.}\n")
    assert [m.title for m in import_library(path).macros] == ["yes", "null", "1e3"]
