"""Session 15 import fixes: devices and pipes refused by name, bad items skipped one by one."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from scriptkit.importers import ImportedMacro, import_library
from scriptkit.importers.dialects import PlaceholderPiece
from tests.conftest import run_cli as _run


def _limit_memory() -> None:  # (a link to /dev/zero read to its end took all the machine's memory)
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs /dev/zero and FIFOs")
@pytest.mark.parametrize("command", ["import", "audit"])
@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_a_device_or_a_pipe_is_refused_at_its_first_line(tmp_path: Path, command: str, kind: str) -> None:
    export = tmp_path / "macros.json"
    if kind == "device":
        export.symlink_to("/dev/zero")
    else:
        os.mkfifo(export)
    args = [command, str(export)] + (["-o", str(tmp_path / "out")] if command == "import" else [])
    done = subprocess.run([str(Path(sys.executable).parent / "scriptkit"), *args], capture_output=True, text=True,
                          timeout=60, preexec_fn=_limit_memory, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"{export}:1:1: error: this is a device, a pipe or a socket" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


CSV_HEAD = "script_id,channel,variant,category,name,text,fallbacks\n"


def _fallbacks_of(macro: ImportedMacro, name: str) -> list[str | None]:
    return [p.fallback for slot in macro.slots.values() for p in slot
            if isinstance(p, PlaceholderPiece) and p.name == name]


def test_own_csv_fallback_reaches_a_placeholder_written_with_spaces(tmp_path: Path) -> None:
    sheet = tmp_path / "scripts.csv"
    sheet.write_text(CSV_HEAD + 'late,email,1,Orders,Late,"Hi {{ customer.first_name }}, your parcel left us '
                     'today and I will email you its tracking link by Friday.",customer.first_name=there\n',
                     encoding="utf-8")
    library = import_library(sheet)
    assert _fallbacks_of(library.macros[0], "customer.first_name") == ["there"]
    assert not any("fallback" in note for note in library.macros[0].notes)


def test_own_csv_fallback_with_no_place_in_the_text_is_noted(tmp_path: Path) -> None:
    sheet = tmp_path / "scripts.csv"
    sheet.write_text(CSV_HEAD + 'late,email,1,Orders,Late,"Hi there, your parcel left us today and I will '
                     'email you its tracking link by Friday.",customer.first_name=there\n', encoding="utf-8")
    macro = import_library(sheet).macros[0]
    assert "the 'fallbacks' column gives customer.first_name a fallback, but the text has no " \
           "{{customer.first_name}} to put it on: it is left out, so add it where the text names it" in macro.notes


def _gorgias(tmp_path: Path, deep_action: str) -> Path:
    deep = "[" * 5000 + "]" * 5000  # (JSON text inside a flat file: the file itself is two levels deep)
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"data": [
        {"id": 1, "name": "Refund", "actions": [
            {"name": "setResponseText", "arguments": json.dumps({"body_text": "I've refunded your order today."})
             if deep_action != "setResponseText" else deep},
            {"name": deep_action, "arguments": deep}]},
        {"id": 2, "name": "Thanks", "actions": [
            {"name": "setResponseText", "arguments": {"body_text": "Thanks so much, I'll pass your words on today."}}]},
    ]}), encoding="utf-8")
    return export


def test_gorgias_arguments_nested_too_deeply_are_that_item_s_problem(tmp_path: Path) -> None:
    export = _gorgias(tmp_path, "setResponseText")
    result = _run("import", str(export), "--from", "gorgias", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{export}:1:" in result.output
    assert "macro 1 'Refund': the arguments of its setResponseText action are JSON text nested too deeply " \
           "to read" in result.output
    assert "the file is nested too deeply" not in result.output
    result = _run("import", str(export), "--from", "gorgias", "-o", str(tmp_path / "out"), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out/scripts").iterdir()] == ["thanks.yaml"]


def test_gorgias_arguments_of_an_action_not_read_are_not_parsed(tmp_path: Path) -> None:
    library = import_library(_gorgias(tmp_path, "snoozeTicket"), "gorgias")
    assert not library.problems
    assert [m.title for m in library.macros] == ["Refund", "Thanks"]
    assert any("snoozeTicket" in note for note in library.macros[0].notes)


@pytest.mark.parametrize("where", ["title", "value"])
def test_half_a_character_is_that_macro_s_problem_at_its_escape(tmp_path: Path, where: str) -> None:
    broken = {"title": "Refund", "value": "I'm so sorry about the delay. I've refunded you today."}
    broken[where] = broken[where].replace("Refund", "Refund \ud83d").replace("delay.", "delay \ud83d.")
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [
        {"id": 7, "title": "Thanks", "actions": [{"field": "comment_value", "value": "Thanks, I'll pass it on."}]},
        {"id": 8, "title": broken["title"], "actions": [{"field": "comment_value", "value": broken["value"]}]},
    ]}, indent=1), encoding="utf-8")  # (json writes the lone half as the escape '\ud83d')
    text = export.read_text(encoding="utf-8")
    at = text.index("\\ud83d")
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    result = _run("import", str(export), "--from", "zendesk", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{export}:{line}:{col}: error: macro 8 " in result.output
    assert "'\\ud83d' is half of a character (a surrogate), which no file or helpdesk can hold" in result.output
    assert "This is a bug" not in result.output
    result = _run("import", str(export), "--from", "zendesk", "-o", str(tmp_path / "out"), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out/scripts").iterdir()] == ["thanks.yaml"]


def test_a_full_character_written_as_two_escapes_is_imported(tmp_path: Path) -> None:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [{"id": 1, "title": "Thanks \U0001F600", "actions": [
        {"field": "comment_value", "value": "Thanks so much \U0001F600, I'll pass it on today."}]}]}), encoding="utf-8")
    assert "\\ud83d\\ude00" in export.read_text(encoding="utf-8")
    library = import_library(export, "zendesk")
    assert not library.problems and "\U0001F600" in library.macros[0].title


def _markdown_body(tmp_path: Path, reply: str) -> str:
    page = tmp_path / "replies.md"
    page.write_text(f"# Replies\n\n## Late order\n\n{reply}\n", encoding="utf-8")
    library = import_library(page, "markdown")
    assert not library.problems
    return library.macros[0].raw.body


@pytest.mark.parametrize(("reply", "read"), [
    ("See https://example.com/help/_orders_/late for details.", None),  # None: as written
    ("Use the code SAVE_10 at checkout, or run `__init__` again.",
     "Use the code SAVE_10 at checkout, or run __init__ again."),
    ("Open www.example.com/_orders_/late today.", None),
    ("See [**our guide**](https://example.com/a_b_/c) today.", "See [our guide](https://example.com/a_b_/c) today."),
    ("Type `*_SAVE_*` in the box, then **press send**.", "Type *_SAVE_* in the box, then press send."),
    ("I'm **so** sorry, *really*. _Truly_ ***sorry***.", "I'm so sorry, really. Truly sorry."),
    ("(*once*) and 2*3*4 and snake_case_name.", "(once) and 2*3*4 and snake_case_name."),
    ("Write \\*stars\\* as they are.", "Write *stars* as they are."),
])
def test_markdown_emphasis_is_dropped_and_names_and_addresses_kept(tmp_path: Path, reply: str,
                                                                  read: str | None) -> None:
    assert _markdown_body(tmp_path, reply) == (reply if read is None else read)


@pytest.mark.timeout(60)  # (a hang guard, not a speed target: benchmarks measure speed)
# (as CommonMark reads them, '*_*' is '_' in emphasis and '**a*' is '*' and 'a' in emphasis: not kept)
@pytest.mark.parametrize(("unit", "kept"), [("**x ", True), ("_x ", True), ("*x ", True), ("*_", False),
                                            ("**a* ", False)])
def test_markdown_emphasis_is_read_in_linear_time(tmp_path: Path, unit: str, kept: bool) -> None:
    reply = "I'm so sorry. " + (unit * 40_000)[:39_000]  # (a section may hold 40,000 characters)
    body = _markdown_body(tmp_path, reply)
    if kept:
        assert body == reply.strip()  # none of those marks closes: all are kept


@pytest.mark.timeout(60)  # (a hang guard, not a speed target: benchmarks measure speed)
def test_markdown_headings_are_read_in_linear_time_and_keep_a_closing_hash_of_a_word(tmp_path: Path) -> None:
    page = tmp_path / "replies.md"
    page.write_text("# Replies\n\n## Late order ##\n\nI've chased the courier today.\n\n"
                    "## Help with C#\n\nI've sent you the guide today.\n\n"
                    "## Refund" + " " * 40_000 + "now\n\nI've refunded you today.\n", encoding="utf-8")
    library = import_library(page, "markdown")
    assert [m.title for m in library.macros] == ["Late order", "Help with C#", "Refund now"]


def test_a_heading_with_no_title_is_a_section_of_its_own(tmp_path: Path) -> None:
    page = tmp_path / "replies.md"
    page.write_text("# Replies\n\n## Late order\n\nI've chased the courier today.\n\n##    \n\n"
                    "I've refunded you today.\n\n## ##\n\nI've sent the guide today.\n", encoding="utf-8")
    library = import_library(page, "markdown")
    assert [m.title for m in library.macros] == ["Late order", "section 2", "section 3"]
    assert all("##" not in m.raw.body for m in library.macros)


def test_a_reply_holding_every_private_use_character_is_read(tmp_path: Path) -> None:
    reply = "I've sent **the guide** today. " + "".join(map(chr, range(0xE000, 0xF900)))
    assert _markdown_body(tmp_path, reply).startswith("I've sent the guide today. ")
