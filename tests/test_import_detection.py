"""A Zendesk or Gorgias export read as such without --from, where its shape says so; -o for --out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import import_library
from scriptkit.cli import main
from scriptkit.importers import detect_format


def _zendesk(*replies: str) -> dict[str, Any]:
    return {"macros": [
        {"id": 500 + n, "title": f"Orders::Reply {n}", "active": True,
         "actions": [{"field": "comment_value_html", "value": f"<p>{text}</p>"},
                     {"field": "status", "value": "pending"}]}
        for n, text in enumerate(replies, start=1)]}


def _gorgias(*replies: str) -> dict[str, Any]:
    return {"data": [
        {"id": 70 + n, "name": f"Reply {n}",
         "actions": [{"name": "setResponseText", "title": "Response text", "type": "user",
                      "arguments": {"body_text": text, "body_html": f"<div>{text}</div>"}},
                     {"name": "addTags", "title": "Add tags", "type": "user", "arguments": {"tags": "orders"}}]}
        for n, text in enumerate(replies, start=1)]}


WHEN = "I'm sorry your parcel is late. I've sent a new one today, and it'll arrive by Friday."
ZENDESK_NOTE = ":1:1: note: read as a Zendesk macros export (from its shape); --from chooses another format."


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})


def test_import_reads_a_zendesk_export_as_one_without_from_and_says_so(tmp_path: Path) -> None:
    export = _write(tmp_path / "macros.json", _zendesk(WHEN, "Thanks for your patience. Your refund went out today."))
    result = _run("import", str(export), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert f"{export}{ZENDESK_NOTE}" in result.stderr
    assert "Imported 2 macro(s)" in result.stderr
    script = (tmp_path / "pack" / "scripts" / "orders-reply-1.yaml").read_text(encoding="utf-8")
    assert "I've sent a new one today" in script and "pending" in script  # the reply, and the status it sets
    chosen = _run("import", str(export), "--from", "zendesk", "--out", str(tmp_path / "chosen"))
    assert chosen.exit_code == 0 and "note: read as" not in chosen.stderr  # (--from given: nothing to say)
    assert sorted(p.name for p in (tmp_path / "chosen" / "scripts").iterdir()) == \
        sorted(p.name for p in (tmp_path / "pack" / "scripts").iterdir())


def test_audit_reads_a_gorgias_export_as_one_and_keeps_its_json_output_clean(tmp_path: Path) -> None:
    export = _write(tmp_path / "gorgias.json", _gorgias(WHEN))
    result = _run("audit", str(export), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["format"] == "gorgias" and len(report["macros"]) == 1
    assert f"{export}:1:1: note: read as a Gorgias macros export (from its shape)" in result.stderr
    text = _run("audit", str(export))
    assert text.exit_code == 0 and "(gorgias): 1 macro(s)" in text.stdout


def test_from_overrides_the_shape(tmp_path: Path) -> None:
    export = _write(tmp_path / "macros.json", _zendesk(WHEN))
    result = _run("audit", str(export), "--from", "json")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "look like a helpdesk's macros" in result.stderr and "--from zendesk" in result.stderr
    assert "note: read as" not in result.stderr


def test_a_zendesk_export_without_a_suffix_and_through_the_python_api(tmp_path: Path) -> None:
    export = _write(tmp_path / "macros", _zendesk(WHEN))  # (curl ... > macros)
    library = import_library(export)
    assert library.format == "zendesk" and [m.title for m in library.macros] == ["Orders::Reply 1"]
    other = tmp_path / "notes"
    other.write_text("Refund: I'm sorry, it went out today.\n", encoding="utf-8")
    result = _run("import", str(other), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 2 and "cannot tell the format of notes" in result.stderr  # as before


@pytest.mark.parametrize(("data", "expected"), [
    (_zendesk(WHEN), "zendesk"),
    (_zendesk(WHEN)["macros"], "zendesk"),  # the list itself
    ({"macro": _zendesk(WHEN)["macros"][0]}, "zendesk"),  # one macro, as the API returns it
    ({"macros": [{"title": "Close", "actions": [{"field": "status", "value": "solved"}]},
                 *_zendesk(WHEN)["macros"]]}, "zendesk"),  # a macro without a reply among them
    (_gorgias(WHEN), "gorgias"),
    (_gorgias(WHEN)["data"][0], "gorgias"),  # one macro
    ({"macros": _gorgias(WHEN)["data"]}, "gorgias"),
])
def test_the_shapes_that_say_which_helpdesk(tmp_path: Path, data: Any, expected: str) -> None:
    assert detect_format(_write(tmp_path / "x.json", data)) == expected


@pytest.mark.parametrize("data", [
    {"macros": [{"title": "Refund", "actions": []}]},  # no action at all
    {"macros": [{"title": "Close", "actions": [{"field": "status", "value": "solved"}]}]},  # no reply action
    {"macros": [*_zendesk(WHEN)["macros"], *_gorgias(WHEN)["data"]]},  # both helpdesks' items
    {"macros": [{**_zendesk(WHEN)["macros"][0], "body": WHEN}]},  # a reply field too: the JSON reader's
    {"macros": [*_zendesk(WHEN)["macros"], {"title": "Loose", "text": WHEN}]},  # an item without actions
    {"macros": [{"title": "Odd", "actions": [{"field": "comment_value", "value": WHEN}, "set status"]}]},
    [{"title": "Refund", "body": WHEN}],  # a generic library
    {"macros": []},
    [],
    "just text",
])
def test_shapes_that_do_not_say_stay_on_the_json_reader(tmp_path: Path, data: Any) -> None:
    assert detect_format(_write(tmp_path / "x.json", data)) is None


def test_a_file_that_is_not_json_gets_the_json_readers_located_error(tmp_path: Path) -> None:
    broken = tmp_path / "macros.json"
    broken.write_text('{"macros": [{"title": "Refund", "actions": [', encoding="utf-8")
    assert detect_format(broken) is None
    result = _run("import", str(broken), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 2 and f"{broken}:1:" in result.stderr and "not valid JSON" in result.stderr


def test_map_or_where_keeps_the_generic_reader(tmp_path: Path) -> None:
    export = _write(tmp_path / "macros.json", {"macros": [{**_zendesk(WHEN)["macros"][0], "reply_text": WHEN}]})
    result = _run("import", str(export), "--map", "body=reply_text", "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "note: read as" not in result.stderr
    assert (tmp_path / "pack" / "pack.yaml").is_file()


def test_import_help_shows_o_for_out() -> None:
    assert "-o, --out DIRECTORY" in _run("import", "--help").output
